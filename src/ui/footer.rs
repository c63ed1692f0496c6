//! The footer names exactly the keys that act where the focus is. In a
//! text field letters type, so there every function key is named with
//! its Ctrl stand-in (PuTTY often sends no F-keys), and no letter is.

use super::view::{Tr, display_width};
use crate::core::{Gate, Wizard, gate, steps};

/// A key's name for the focused widget: in a text field its Ctrl form.
fn key(w: &Wizard, tr: &Tr, id: &str) -> String {
    let input = format!("{id}-input");
    if crate::core::text_input_active(w) && crate::i18n::has(w.lang, &input) {
        tr.t(&input)
    } else {
        tr.t(id)
    }
}

/// The keys of the step: the general ones, then the step's own (each
/// group starts a line where there is room). `body_max` is how far the
/// step's text can scroll, as just drawn.
pub(super) fn step_keys(w: &Wizard, tr: &Tr, body_max: u16) -> Vec<Vec<String>> {
    let k = |id: &str| key(w, tr, id);
    let flow = steps::of(w.step);
    let g = gate(w);
    let mut general = vec![tr.t(flow.enter_label(w, g, body_max))];
    if w.step.prev().is_some() {
        general.push(tr.t("key-back"));
    }
    general.extend([k("key-help"), k("key-lang"), k("key-quit")]);
    let mut keys: Vec<String> = flow.own_keys(w).into_iter().map(k).collect();
    // While she types, the failure it would pass over is not shown yet.
    if g == Gate::Overridable && !w.session.typing {
        keys.push(k("key-override"));
    }
    vec![general, keys]
}

/// Lays the groups of keys into `rows` lines of `width` in their order,
/// each key whole, each group on a line of its own where there is one.
/// Also says how many fit nowhere: those go last on the last line, cut off
/// where a snapshot shows it (the render tests hold that none is).
pub(super) fn flow(groups: &[Vec<String>], width: u16, rows: usize) -> (Vec<String>, usize) {
    let width = usize::from(width);
    let mut lines: Vec<String> = vec![String::new(); rows.max(1)];
    let mut row = 0;
    let mut left_out = 0;
    for group in groups {
        if !lines[row].is_empty() && row + 1 < lines.len() {
            row += 1;
        }
        for k in group {
            let fits = |l: &String| {
                let need = if l.is_empty() {
                    1 + display_width(k)
                } else {
                    display_width(l) + 2 + display_width(k)
                };
                // The last column stays free: a key never touches the edge.
                need < width
            };
            if !fits(&lines[row]) && row + 1 < lines.len() {
                row += 1;
            }
            if !fits(&lines[row]) {
                left_out += 1;
            }
            let l = &mut lines[row];
            l.push_str(if l.is_empty() { " " } else { "  " });
            l.push_str(k);
        }
    }
    (lines, left_out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn keys_keep_their_order_and_wrap_whole() {
        let k = keys(&["Enter weiter", "Esc zurück", "F3/Ctrl+W trotzdem weiter"]);
        let (lines, left) = flow(&[k], 40, 2);
        assert_eq!(
            lines,
            vec![" Enter weiter  Esc zurück", " F3/Ctrl+W trotzdem weiter"]
        );
        assert_eq!(left, 0);
    }

    #[test]
    fn what_fits_nowhere_is_counted_and_shown_cut() {
        let k = keys(&["Enter weiter", "Esc zurück", "F1/Ctrl+G Hilfe"]);
        let (lines, left) = flow(&[k], 20, 1);
        assert_eq!(left, 2);
        assert!(lines[0].ends_with("F1/Ctrl+G Hilfe"), "{lines:?}");
    }
}
