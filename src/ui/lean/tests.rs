use std::cell::RefCell;
use std::rc::Rc;

use super::*;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::{Terminal, TerminalOptions, Viewport};

const AREA: Rect = Rect {
    x: 0,
    y: 0,
    width: 40,
    height: 6,
};

fn options() -> TerminalOptions {
    TerminalOptions {
        viewport: Viewport::Fixed(AREA),
    }
}

/// What a backend wrote, readable while the terminal holds the writer.
#[derive(Clone, Default)]
struct Out(Rc<RefCell<Vec<u8>>>);

impl Write for Out {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Out {
    fn bytes(&self) -> Vec<u8> {
        self.0.borrow().clone()
    }
    fn len(&self) -> usize {
        self.0.borrow().len()
    }
}

fn lean() -> (Terminal<Lean<Out>>, Out) {
    let size = Size {
        width: AREA.width,
        height: AREA.height,
    };
    let out = Out::default();
    let t = Terminal::with_options(Lean::new(out.clone(), size), options()).unwrap();
    (t, out)
}

fn plain() -> (Terminal<CrosstermBackend<Out>>, Out) {
    let out = Out::default();
    let t = Terminal::with_options(CrosstermBackend::new(out.clone()), options()).unwrap();
    (t, out)
}

/// A wrapped, styled text as the wizard draws its explanations.
fn paragraph(text: &str) -> Paragraph<'static> {
    let lines = vec![
        Line::styled("✗ Check: failed", Style::default().fg(Color::Red)),
        Line::raw(text.to_string()),
    ];
    Paragraph::new(lines).wrap(Wrap { trim: false })
}

fn frame<B: Backend>(t: &mut Terminal<B>, text: &str)
where
    B::Error: std::fmt::Debug,
{
    t.draw(|f| f.render_widget(paragraph(text), f.area()))
        .unwrap();
}

/// The rows the frame of `text` holds.
fn expected(text: &str) -> Vec<String> {
    use ratatui::widgets::Widget;
    let mut buf = Buffer::empty(AREA);
    paragraph(text).render(AREA, &mut buf);
    (0..AREA.height)
        .map(|y| {
            let mut row = String::new();
            let mut x = 0;
            while x < AREA.width {
                let symbol = buf[(x, y)].symbol();
                row.push_str(symbol);
                x += unicode_width::UnicodeWidthStr::width(symbol).max(1) as u16;
            }
            row
        })
        .collect()
}

/// The screen a terminal shows after these bytes: only what the backend
/// writes (cursor moves, erase to the end of a line, SGR, text).
fn screen(bytes: &[u8]) -> Vec<String> {
    let (w, h) = (AREA.width as usize, AREA.height as usize);
    let mut rows = vec![vec![" ".to_string(); w]; h];
    let (mut x, mut y) = (0usize, 0usize);
    let s = String::from_utf8(bytes.to_vec()).unwrap();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\x1b' {
            // Writing over the left half of a wide character erases it.
            if rows[y].get(x + 1).is_some_and(|n| n.is_empty()) {
                rows[y][x + 1] = " ".into();
            }
            rows[y][x] = c.to_string();
            // A wide character covers the next cell as well.
            let width = unicode_width::UnicodeWidthChar::width(c).unwrap_or(1);
            for covered in rows[y].iter_mut().skip(x + 1).take(width - 1) {
                covered.clear();
            }
            x += width;
            continue;
        }
        assert_eq!(chars.next(), Some('['));
        let mut params = String::new();
        let end = loop {
            let c = chars.next().unwrap();
            if c.is_ascii_alphabetic() {
                break c;
            }
            params.push(c);
        };
        match end {
            'H' => {
                let (r, col) = params.split_once(';').unwrap();
                y = r.parse::<usize>().unwrap() - 1;
                x = col.parse::<usize>().unwrap() - 1;
            }
            'K' => {
                assert!(params.is_empty(), "{params}");
                rows[y][x..].iter_mut().for_each(|c| *c = " ".into());
            }
            'm' | 'l' | 'h' => {}
            other => panic!("unexpected sequence {params}{other}"),
        }
    }
    rows.into_iter().map(|r| r.concat()).collect()
}

const TEXTS: [&str; 5] = [
    "The directory /s does not exist. Check the spelling, please.",
    "The directory /sr does not exist. Check the spelling, please.",
    "There is no compose file in /srv, so this is not the place.",
    "",
    "Täglich grüßt das 🦫 Murmeltier, ein breites Zeichen.",
];

#[test]
fn the_terminal_shows_every_frame_as_drawn() {
    let (mut t, out) = lean();
    for text in TEXTS.iter().chain(TEXTS.iter().rev()) {
        frame(&mut t, text);
        assert_eq!(screen(&out.bytes()), expected(text), "after {text:?}");
    }
}

#[test]
fn a_reflowed_text_costs_fewer_bytes_and_a_blank_line_one_erase() {
    let ((mut ours, ours_out), (mut theirs, theirs_out)) = (lean(), plain());
    let mut sizes = Vec::new();
    for text in [TEXTS[0], TEXTS[1], TEXTS[3]] {
        let before = (ours_out.len(), theirs_out.len());
        frame(&mut ours, text);
        frame(&mut theirs, text);
        sizes.push((ours_out.len() - before.0, theirs_out.len() - before.1));
    }
    // The path grew by one letter: the rest of the text moved one cell.
    let (lean_shift, plain_shift) = sizes[1];
    assert!(lean_shift < plain_shift, "{sizes:?}");
    // The text went: its lines are erased, not overwritten with spaces.
    let (lean_gone, _) = sizes[2];
    assert!(lean_gone < 40, "{sizes:?}");
    let out = String::from_utf8_lossy(&ours_out.bytes()).into_owned();
    assert!(out.contains("\x1b[K"), "{out:?}");
}

#[test]
fn an_unchanged_frame_writes_nothing() {
    let (mut t, out) = lean();
    frame(&mut t, TEXTS[0]);
    let before = out.len();
    frame(&mut t, TEXTS[0]);
    frame(&mut t, TEXTS[0]);
    assert_eq!(out.len(), before);
}
