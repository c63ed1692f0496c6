//! The terminal backend the wizard draws through: crossterm's, writing
//! fewer bytes. Over SSH every byte of a keystroke's redraw travels;
//! ratatui hands over only the cells that changed, and crossterm's backend
//! then moves the cursor before every run of them (8 bytes to skip one
//! unchanged cell), blanks a cleared line cell by cell, and ends every
//! frame, even an empty one, with four style resets and a hidden cursor.
//!
//! This one remembers what the terminal shows, so that it can write the
//! few unchanged cells of a short gap instead of moving over them, erase
//! the rest of a line that turned blank with one `EL`, and leave out what
//! is already so. No crate does this for ratatui; it is the part of
//! curses' screen optimisation a diffing renderer still lacks.

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, CrosstermBackend, IntoCrossterm, WindowSize};
use ratatui::buffer::{Buffer, Cell};
use ratatui::crossterm::cursor::MoveTo;
use ratatui::crossterm::queue;
use ratatui::crossterm::style::{
    Attribute, ContentStyle, Print, SetAttribute, SetAttributes, SetBackgroundColor,
    SetForegroundColor, SetUnderlineColor,
};
use ratatui::crossterm::terminal::{Clear, ClearType as CtClear};
use ratatui::layout::{Position, Rect, Size};
use ratatui::style::{Color, Modifier, Style};

/// A gap of unchanged cells up to this long is written again: a cursor
/// move costs 6 to 8 bytes.
const MAX_GAP: u16 = 6;

/// The wizard's terminal.
pub type Tty = ratatui::Terminal<Lean<io::Stdout>>;

/// Sets the terminal up as `ratatui::try_init` does (raw mode, the
/// alternate screen, restored on a panic) and draws through [`Lean`].
pub fn init() -> io::Result<Tty> {
    let plain = ratatui::try_init()?;
    let size = plain.size()?;
    ratatui::Terminal::new(Lean::new(io::stdout(), size))
}

pub struct Lean<W: Write> {
    inner: CrosstermBackend<W>,
    /// What the terminal shows, as far as this backend wrote it.
    shown: Buffer,
    /// False after something this backend cannot follow; true again
    /// after the next full clear.
    known: bool,
    cursor_hidden: bool,
}

impl<W: Write> Lean<W> {
    /// `size`: the terminal's, which is blank (a fresh alternate screen).
    pub fn new(writer: W, size: Size) -> Lean<W> {
        Lean {
            inner: CrosstermBackend::new(writer),
            shown: Buffer::empty(Rect::new(0, 0, size.width, size.height)),
            known: true,
            cursor_hidden: false,
        }
    }
}

/// The style a cell is drawn in.
#[derive(Clone, Copy, PartialEq)]
struct Pen {
    fg: Color,
    bg: Color,
    underline: Color,
    modifier: Modifier,
}

const PLAIN: Pen = Pen {
    fg: Color::Reset,
    bg: Color::Reset,
    underline: Color::Reset,
    modifier: Modifier::empty(),
};

impl Pen {
    fn of(cell: &Cell) -> Pen {
        Pen {
            fg: cell.fg,
            bg: cell.bg,
            underline: cell.underline_color,
            modifier: cell.modifier,
        }
    }
}

/// A cell that is one column wide and can be written again as it is.
fn plain_width(cell: &Cell) -> bool {
    unicode_width::UnicodeWidthStr::width(cell.symbol()) == 1
}

fn blank(cell: &Cell) -> bool {
    cell.symbol() == " " && Pen::of(cell) == PLAIN
}

impl<W: Write> Lean<W> {
    fn set_pen(&mut self, pen: &mut Pen, to: Pen) -> io::Result<()> {
        if *pen == to {
            return Ok(());
        }
        let w = &mut self.inner;
        // An attribute is switched off by a reset of all, then the rest
        // is set again; added ones are only added.
        let mut from = *pen;
        if !(from.modifier - to.modifier).is_empty() {
            queue!(w, SetAttribute(Attribute::Reset))?;
            from = PLAIN;
        }
        let added: ContentStyle = Style::default()
            .add_modifier(to.modifier - from.modifier)
            .into_crossterm();
        if !added.attributes.is_empty() {
            queue!(w, SetAttributes(added.attributes))?;
        }
        if from.fg != to.fg {
            queue!(w, SetForegroundColor(to.fg.into_crossterm()))?;
        }
        if from.bg != to.bg {
            queue!(w, SetBackgroundColor(to.bg.into_crossterm()))?;
        }
        if from.underline != to.underline {
            queue!(w, SetUnderlineColor(to.underline.into_crossterm()))?;
        }
        *pen = to;
        Ok(())
    }

    /// Writes one row's changed cells (sorted by column) as they now are
    /// in `shown`.
    fn draw_row(&mut self, y: u16, xs: &[u16], pen: &mut Pen) -> io::Result<()> {
        let width = self.shown.area.width;
        // From here to the end of the row everything is blank.
        let mut blank_from = width;
        while blank_from > 0 && blank(&self.shown[(blank_from - 1, y)]) {
            blank_from -= 1;
        }
        let mut at: Option<u16> = None;
        for &x in xs {
            if self.known && x >= blank_from {
                self.move_to(&mut at, x, y, pen)?;
                self.set_pen(pen, PLAIN)?;
                queue!(&mut self.inner, Clear(CtClear::UntilNewLine))?;
                return Ok(());
            }
            self.move_to(&mut at, x, y, pen)?;
            let cell = self.shown[(x, y)].clone();
            self.set_pen(pen, Pen::of(&cell))?;
            queue!(&mut self.inner, Print(cell.symbol()))?;
            at = plain_width(&cell).then_some(x + 1);
        }
        Ok(())
    }

    /// Puts the cursor at `x`: by writing the unchanged cells in between
    /// when that is shorter and they are in the current style, else by a
    /// cursor move.
    fn move_to(&mut self, at: &mut Option<u16>, x: u16, y: u16, pen: &Pen) -> io::Result<()> {
        if *at == Some(x) {
            return Ok(());
        }
        if let Some(from) = *at
            && self.known
            && from < x
            && x - from <= MAX_GAP
            && (from..x).all(|gx| {
                let c = &self.shown[(gx, y)];
                plain_width(c) && Pen::of(c) == *pen
            })
        {
            let gap: String = (from..x).map(|gx| self.shown[(gx, y)].symbol()).collect();
            queue!(&mut self.inner, Print(gap))?;
        } else {
            queue!(&mut self.inner, MoveTo(x, y))?;
        }
        *at = Some(x);
        Ok(())
    }
}

impl<W: Write> Backend for Lean<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        // ratatui hands the cells over row by row, left to right.
        let mut rows: Vec<(u16, Vec<u16>)> = Vec::new();
        for (x, y, cell) in content {
            let area = self.shown.area;
            if x >= area.width || y >= area.height {
                // The terminal is larger than the size we know of: follow
                // nothing until the next clear.
                self.known = false;
                self.shown.resize(Rect::new(
                    0,
                    0,
                    area.width.max(x + 1),
                    area.height.max(y + 1),
                ));
            }
            self.shown[(x, y)] = cell.clone();
            // What a wide character covers is neither blank nor to be
            // written again.
            let wide = unicode_width::UnicodeWidthStr::width(cell.symbol()) as u16;
            for cx in x + 1..(x + wide).min(self.shown.area.width) {
                self.shown[(cx, y)].set_symbol("");
            }
            match rows.last_mut() {
                Some((ry, xs)) if *ry == y => xs.push(x),
                _ => rows.push((y, vec![x])),
            }
        }
        let mut pen = PLAIN;
        for (y, xs) in rows {
            self.draw_row(y, &xs, &mut pen)?;
        }
        self.set_pen(&mut pen, PLAIN)
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.known = false;
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.cursor_hidden {
            return Ok(());
        }
        self.cursor_hidden = true;
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.cursor_hidden = false;
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        if clear_type == ClearType::All {
            let size = self.inner.size().unwrap_or(Size {
                width: self.shown.area.width,
                height: self.shown.area.height,
            });
            self.shown = Buffer::empty(Rect::new(0, 0, size.width, size.height));
            self.known = true;
        } else {
            self.known = false;
        }
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        self.inner.size()
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.inner)
    }
}

#[cfg(test)]
mod tests;
