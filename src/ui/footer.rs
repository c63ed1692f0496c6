//! The footer names exactly the keys that act where the focus is. In a
//! text field letters type, so there every function key is named with
//! its Ctrl stand-in (PuTTY often sends no F-keys), and no letter is.

use super::view::{Tr, display_width};
use crate::core::library::firewall;
use crate::core::{Gate, Step, Wizard, autorenew, cert_step, gate, golive_step, systems};

/// A key's name for the focused widget: in a text field its Ctrl form.
fn key(w: &Wizard, tr: &Tr, id: &str) -> String {
    let input = format!("{id}-input");
    if w.text_input_active() && crate::i18n::has(w.lang, &input) {
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
    let mut keys: Vec<String> = Vec::new();
    let uploading = golive_step::offers_upload(w) && w.session.upload_focus;
    let sends = uploading && golive_step::would_send(w);
    if w.step == Step::Done {
        keys.push(if w.session.scroll < body_max {
            tr.t("key-read-on")
        } else {
            tr.t("key-finish")
        });
    } else if sends {
        keys.push(tr.t("golive-upload-key"));
    } else if w.step == Step::Certificate && !cert_step::has_certificate(w) {
        keys.push(tr.t("key-issue"));
    } else if let Some(id) = golive_step::enter_key(w) {
        keys.push(tr.t(id));
    } else {
        keys.push(tr.t("key-next"));
    }
    if w.step != Step::Language {
        keys.push(tr.t("key-back"));
    }
    keys.extend([k("key-help"), k("key-lang"), k("key-quit")]);
    let general = std::mem::take(&mut keys);
    let detail = k("key-detail");
    match w.step {
        Step::Language => keys.push(tr.t("key-choose")),
        Step::Start | Step::Domain | Step::Dns => {
            if w.step == Step::Start && !w.start.candidates.is_empty() {
                keys.push(tr.t("key-choose"));
            }
            keys.extend([k("key-recheck"), detail]);
        }
        Step::PortForwarding => {
            keys.extend([
                tr.t("key-choose-ports"),
                tr.t("key-toggle"),
                k("key-recheck"),
                detail,
            ]);
        }
        Step::Certificate if !cert_step::has_certificate(w) => {
            keys.push(tr.t("key-choose"));
            // Only the own certificate has more than one field.
            if w.certificate.source == crate::core::certificate::CertSource::Own {
                keys.push(tr.t("key-field"));
            }
        }
        Step::Firewall => {
            let fw = w.network.firewall.as_ref();
            if fw.is_some_and(|p| p.backend != firewall::Backend::None) {
                keys.push(k("key-open"));
            }
            keys.extend([k("key-recheck"), detail]);
        }
        Step::FinalCheck => {
            keys.extend([tr.t("key-toggle"), k("key-recheck"), detail]);
        }
        Step::Install | Step::ProxyConfig | Step::Restart if !golive_step::by_hand(w) => {
            keys.extend([k("key-recheck"), detail]);
        }
        Step::Install if golive_step::offers_upload(w) => {
            if !uploading {
                keys.push(tr.t("key-toggle"));
            }
            keys.push(tr.t("key-field"));
        }
        s if s.is_manual() => keys.push(tr.t("key-toggle")),
        Step::Systems => {
            keys.push(tr.t("key-choose"));
            if systems::field(w).is_some() {
                keys.push(tr.t("key-field"));
            }
            // A plan on screen: its raw diff is behind «D Details».
            if w.systems.plan.is_some() {
                keys.push(detail);
            }
        }
        Step::AutoRenew => {
            keys.push(tr.t("key-choose"));
            if autorenew::field(w).is_some() {
                keys.extend([tr.t("key-field"), tr.t("key-test-mail")]);
            }
        }
        _ => {}
    }
    if gate(w) == Gate::Overridable {
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
