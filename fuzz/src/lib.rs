//! What each fuzz target does with one input. The libFuzzer binaries in
//! `fuzz_targets/` call these, and `tests/fuzz_corpus.rs` includes this
//! file to replay the committed corpus through the very same code on
//! stable Rust, without libFuzzer. Keep it free of anything but the
//! praxis-tls crate and its own dependencies for that reason.
//!
//! A panic is a finding: every check below states a property the wizard
//! relies on, not a guess about the implementation.

#[path = "answers.rs"]
mod answers_target;

pub use answers_target::answers;

use std::borrow::Cow;
use std::ops::Range;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use praxis_tls::core::library::compose_override::{CERTS_MOUNT, CertNames};
use praxis_tls::core::library::dns::Delegation;
use praxis_tls::core::library::domain::{DomainName, parse};
use praxis_tls::core::library::start::DetectError;
use praxis_tls::core::library::traefik_legacy::{LegacyTomlError, enable_certificate};
use praxis_tls::core::{Action, Effect, Lang, Msg, Text, TextInput, Wizard, update};
use praxis_tls::i18n;
use praxis_tls::io::cert_import::{
    ImportError, Material, check, load_key_pem, load_pem, load_pkcs12, to_pem,
};
use praxis_tls::ui::{Theme, ViewCtx, draw};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rustls_pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use similar::{Algorithm, DiffOp, capture_diff_slices};
use time::{Date, Duration, Month, OffsetDateTime};
use toml_edit::{Document, DocumentMut, Item, Table};

/// Target `domain`: whatever a person types (or pastes) as the domain.
pub fn domain(data: &[u8]) {
    let input = String::from_utf8_lossy(data);
    let Ok(name) = parse(&input) else {
        return;
    };
    check_name(&name);
    // What the wizard stores must read back as the same name.
    assert_eq!(parse(&name.ascii).as_ref(), Ok(&name), "ascii form");
    let from_unicode = parse(&name.unicode).map(|n| n.ascii);
    assert_eq!(from_unicode, Ok(name.ascii.clone()), "unicode form");
}

fn check_name(name: &DomainName) {
    let a = &name.ascii;
    assert!(a.len() <= 253, "{a}: too long");
    assert!(
        a.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.'),
        "{a}: not a lower-case LDH name"
    );
    assert!(a.contains('.'), "{a}: no dot");
    for label in a.split('.') {
        assert!((1..=63).contains(&label.len()), "{a}: label {label:?}");
        assert!(
            !label.starts_with('-') && !label.ends_with('-'),
            "{a}: hyphen at the edge of {label:?}"
        );
    }
    let r = &name.registered;
    assert!(
        a == r || a.ends_with(&format!(".{r}")),
        "{a} is not under its registered domain {r}"
    );
    assert!(r.contains('.'), "registered domain {r} has no dot");
}

/// Keys that are not letters, in the order the input bytes pick them.
const KEYS: [Action; 21] = [
    Action::Next,
    Action::Back,
    Action::Help,
    Action::ToggleLang,
    Action::Quit,
    Action::Backspace,
    Action::Delete,
    Action::Left,
    Action::Right,
    Action::Home,
    Action::End,
    Action::Up,
    Action::Down,
    Action::Toggle,
    Action::Override,
    Action::Recheck,
    Action::Detail,
    Action::Yes,
    Action::No,
    Action::PageDown,
    Action::PageUp,
];

/// Letters that have bitten text fields before: wide, combining,
/// right-to-left, zero-width, full-width dot, and what a domain contains.
const TRICKY: [char; 9] = [
    'ä', '\u{0301}', '界', '🦀', '\u{200D}', '\u{FF0E}', '\u{202E}', 'ß', '\u{00A0}',
];

/// Target `wizard_input`: a random session of key presses from a fresh
/// wizard, with the io layer's answers (and late, superseded ones) mixed
/// in. Byte 0 and 1 choose the terminal size; each further byte is one event.
pub fn wizard_input(data: &[u8]) {
    let [w0, h0, events @ ..] = data else {
        return;
    };
    let (width, height) = (20 + u16::from(*w0 % 120), 5 + u16::from(*h0 % 40));
    let start = OffsetDateTime::UNIX_EPOCH + Duration::days(20_000);
    let mut w = Wizard::new(Lang::De, start);
    let mut waiting: Vec<Effect> = Vec::new();
    for (i, &b) in events.iter().enumerate() {
        let now = start + Duration::seconds(i as i64);
        let msg = match b {
            0..=20 => Msg::Key(KEYS[usize::from(b)]),
            21..=29 => Msg::Key(Action::Char(TRICKY[usize::from(b - 21)])),
            30 | 31 => match answer(waiting.pop(), b == 31) {
                Some(m) => m,
                None => continue,
            },
            // The rest, Latin-1 included, are letters as typed.
            _ => Msg::Key(Action::Char(char::from(b))),
        };
        for e in update(&mut w, msg, now) {
            if generation(&e).is_some() {
                waiting.push(e);
            }
        }
        check_input(&w.start.input);
        check_input(&w.domain.input);
        if i % 8 == 0 {
            render(&w, width, height);
        }
    }
    render(&w, width, height);
    // The resume file holds everything but the session.
    let json = match serde_json::to_string(&w) {
        Ok(j) => j,
        Err(e) => panic!("the wizard does not serialise: {e}"),
    };
    let mut back: Wizard = match serde_json::from_str(&json) {
        Ok(b) => b,
        Err(e) => panic!("the resume file does not read back: {e}\n{json}"),
    };
    back.session = w.session.clone();
    assert_eq!(back, w, "resume file round trip");
}

fn generation(e: &Effect) -> Option<u64> {
    match e {
        Effect::DetectInstall { generation, .. }
        | Effect::CheckDelegation { generation, .. }
        | Effect::ResolveDns { generation, .. } => Some(*generation),
        _ => None,
    }
}

/// A plausible answer to a waiting effect; `superseded` answers with a
/// generation other than the effect's, as a late result would.
fn answer(effect: Option<Effect>, superseded: bool) -> Option<Msg> {
    let pick = |g: u64| match (superseded, g) {
        (false, g) => g,
        (true, 0) => 1,
        (true, g) => g - 1,
    };
    match effect? {
        Effect::DetectInstall {
            dir, generation, ..
        } => Some(Msg::InstallDetected {
            generation: pick(generation),
            result: Err(DetectError::NotFound { path: dir }),
        }),
        Effect::CheckDelegation {
            registered,
            generation,
            ..
        } => Some(Msg::DelegationResolved {
            generation: pick(generation),
            delegation: Delegation::Delegated {
                nameservers: vec![format!("ns1.{registered}")],
            },
        }),
        _ => None,
    }
}

fn check_input(t: &TextInput) {
    let len = t.value.chars().count();
    assert!(
        t.cursor <= len,
        "cursor {} past {len}: {:?}",
        t.cursor,
        t.value
    );
    assert!(len <= 512, "{len} characters");
    assert!(!t.value.chars().any(char::is_control), "{:?}", t.value);
}

fn render(w: &Wizard, width: u16, height: u16) {
    let ctx = ViewCtx {
        theme: Theme {
            utf8: true,
            color: false,
        },
        server: "server".into(),
        responder_port: praxis_tls::core::DEFAULT_RESPONDER_PORT,
        ..ViewCtx::default()
    };
    let mut terminal = match Terminal::new(TestBackend::new(width, height)) {
        Ok(t) => t,
        Err(e) => panic!("test backend: {e}"),
    };
    if let Err(e) = terminal.draw(|f| draw(f, w, &ctx)) {
        panic!("draw at {width}x{height}: {e}");
    }
}

/// A message the wizard shows must exist in both languages.
fn check_text(t: &Text, what: &str) {
    for lang in [Lang::De, Lang::En] {
        assert!(
            i18n::has(lang, &t.id),
            "{what}: message {} missing in {lang:?}",
            t.id
        );
    }
}

// ---------------------------------------------------------------------------
// traefik_toml

const HOST: &str = "termine.praxis-muster.ch";
const CERT_HEADER: &str = "[[entryPoints.https.tls.certificates]]";

fn cert_files() -> CertNames {
    match Date::from_calendar_date(2026, Month::November, 24) {
        Ok(d) => CertNames::new(HOST, d),
        Err(e) => panic!("date: {e}"),
    }
}

/// Target `traefik_toml`: any text as the legacy traefik.toml, through the
/// editor that enables the termine certificate (`enable_certificate`).
///
/// On `Ok`:
/// - the result parses as TOML and has an entry with our cert and key;
/// - a second run changes nothing (`text` equal, no diff);
/// - lines: split both texts after each `\n` and diff the line lists.
///   Every input line the diff removes is a *certificate-block line*: a
///   commented `#[[entryPoints.https.tls.certificates]]`, `#certFile =` or
///   `#keyFile =` line (what the editor un-comments), or a line holding the
///   value of a `certFile`/`keyFile` of an existing certificate entry (what
///   it rewrites for the same host). Every line it adds is the header or a
///   line holding one of *our* two values. Everything else, comments, blank
///   lines and indentation, survives byte for byte and in order. A line
///   changed in place keeps its indentation (the new one starts with the
///   old one; un-commenting `#  key` keeps the spaces after `#`) and its
///   line ending. The one exception is appending to an input without a
///   final newline: its last line gains the file's line ending. Added lines
///   end in the file's line ending (CRLF if the input has any).
///
/// On `Err`: the message exists in both languages; a `Parse` error is only
/// for an input that does not parse (never for the editor's own result)
/// and names a line of it (1 up to the number of `\n` plus one); `NoHttps`
/// and `Unsafe` only for an input that parses.
pub fn traefik_toml(data: &[u8]) {
    let input = String::from_utf8_lossy(data);
    let files = cert_files();
    let cert = format!("{CERTS_MOUNT}/{}", files.cert);
    let key = format!("{CERTS_MOUNT}/{}", files.key);
    let edit = match enable_certificate(&input, HOST, &files) {
        Ok(edit) => edit,
        Err(e) => return check_toml_error(&input, &e),
    };
    let out = &edit.text;
    assert_eq!(edit.is_change(), *out != input, "diff and text disagree");
    let doc = match out.parse::<DocumentMut>() {
        Ok(d) => d,
        Err(e) => panic!("the edited file does not parse: {e}\n{out}"),
    };
    let ours = cert_entries(doc.as_table())
        .iter()
        .any(|t| str_of(t, "certFile") == Some(&cert) && str_of(t, "keyFile") == Some(&key));
    assert!(ours, "no entry with our files:\n{out}");
    check_lines(&input, out, &cert, &key);
    match enable_certificate(out, HOST, &files) {
        Ok(again) => {
            assert!(
                again.text == *out && !again.is_change(),
                "not idempotent:\n--- first\n{out}\n--- second\n{}",
                again.text
            );
        }
        Err(e) => panic!("a second run fails: {e}\n{out}"),
    }
}

fn check_toml_error(input: &str, e: &LegacyTomlError) {
    check_text(&e.text(), "traefik.toml error");
    let parses = input.parse::<DocumentMut>().is_ok();
    match e {
        LegacyTomlError::Parse { line, message } => {
            assert!(
                !parses,
                "Parse error at line {line} ({message}) for an input that parses"
            );
            let lines = input.matches('\n').count() + 1;
            assert!(
                (1..=lines).contains(line),
                "line {line} of a {lines}-line input"
            );
            assert!(!message.is_empty(), "empty parse message");
        }
        LegacyTomlError::NoHttps | LegacyTomlError::Unsafe | LegacyTomlError::Unsupported => {
            assert!(parses, "{e} for an input that does not parse");
        }
    }
}

fn cert_entries(root: &Table) -> Vec<&Table> {
    let Some(Item::ArrayOfTables(a)) = ["entryPoints", "https", "tls"]
        .iter()
        .try_fold(root, |t, k| t.get(k)?.as_table())
        .and_then(|t| t.get("certificates"))
    else {
        return Vec::new();
    };
    a.iter().collect()
}

fn str_of<'a>(t: &'a Table, key: &str) -> Option<&'a str> {
    t.get(key)?.as_str()
}

/// Each line with its ending, and its byte range.
fn line_ranges(text: &str) -> Vec<(Range<usize>, &str)> {
    let mut at = 0;
    text.split_inclusive('\n')
        .map(|l| {
            let r = at..at + l.len();
            at += l.len();
            (r, l)
        })
        .collect()
}

/// Lines that hold a `certFile`/`keyFile` value of a certificate entry,
/// with the value; only for a text that parses.
fn value_lines(text: &str) -> Vec<(usize, String, String)> {
    let Ok(doc) = Document::parse(text) else {
        return Vec::new();
    };
    let lines = line_ranges(text);
    let mut out = Vec::new();
    for t in cert_entries(doc.as_table()) {
        for k in ["certFile", "keyFile"] {
            let Some(v) = t.get(k).and_then(Item::as_value) else {
                continue;
            };
            let (Some(s), Some(span)) = (v.as_str(), v.span()) else {
                continue;
            };
            for (i, (r, _)) in lines.iter().enumerate() {
                if r.start < span.end && span.start < r.end {
                    out.push((i, k.to_string(), s.to_string()));
                }
            }
        }
    }
    out
}

fn body(line: &str) -> &str {
    line.trim_end_matches(['\r', '\n'])
}

fn indent(line: &str) -> &str {
    let b = body(line);
    &b[..b.len() - b.trim_start().len()]
}

fn eol(line: &str) -> &str {
    &line[body(line).len()..]
}

/// `#[[entryPoints.https.tls.certificates]]`, `#certFile = …`, `#keyFile = …`.
fn commented_block_line(line: &str) -> bool {
    let Some(rest) = body(line).trim_start().strip_prefix('#') else {
        return false;
    };
    let rest = rest.trim();
    rest == CERT_HEADER
        || ["certFile", "keyFile"].iter().any(|k| {
            rest.strip_prefix(k)
                .is_some_and(|v| v.trim_start().starts_with('='))
        })
}

/// `text` with each multi-line string value of `certFile`/`keyFile` written
/// as a one-line basic string: its inner lines (a blank one, say) would
/// otherwise pair up in the line diff with equal lines outside the block,
/// and a correct edit would seem to touch lines it did not.
fn one_line_values(text: &str) -> String {
    let Ok(doc) = Document::parse(text) else {
        return text.to_string();
    };
    let mut spans: Vec<(Range<usize>, String)> = Vec::new();
    for t in cert_entries(doc.as_table()) {
        for k in ["certFile", "keyFile"] {
            if let Some(v) = t.get(k).and_then(Item::as_value)
                && let (Some(s), Some(span)) = (v.as_str(), v.span())
                && text.get(span.clone()).is_some_and(|raw| raw.contains('\n'))
            {
                spans.push((span, basic_string(s)));
            }
        }
    }
    spans.sort_by_key(|(r, _)| std::cmp::Reverse(r.start));
    let mut out = text.to_string();
    for (r, v) in spans {
        out.replace_range(r, &v);
    }
    out
}

/// A TOML basic string of `s`, every control character escaped. By hand:
/// toml_edit writes a value with a newline as a multi-line string again.
fn basic_string(s: &str) -> String {
    let mut out = String::from('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn check_lines(input: &str, out: &str, cert: &str, key: &str) {
    let file_eol = if input.contains("\r\n") { "\r\n" } else { "\n" };
    // Appending to a file without a final newline ends its last line first.
    let completed;
    let before: &str = if !input.is_empty()
        && !input.ends_with('\n')
        && out.starts_with(input)
        && out[input.len()..].starts_with(file_eol)
    {
        completed = format!("{input}{file_eol}");
        &completed
    } else {
        input
    };
    let (before, out) = (&one_line_values(before), &one_line_values(out));
    let old: Vec<&str> = before.split_inclusive('\n').collect();
    let new: Vec<&str> = out.split_inclusive('\n').collect();
    let old_values = value_lines(before);
    let new_values = value_lines(out);
    let removable = |i: usize| commented_block_line(old[i]) || old_values.iter().any(|v| v.0 == i);
    let addable = |j: usize| {
        body(new[j]).trim() == CERT_HEADER
            || new_values.iter().any(|(l, k, v)| {
                *l == j && (k == "certFile" && v == cert || k == "keyFile" && v == key)
            })
    };
    let show = || format!("--- input\n{input:?}\n--- output\n{out:?}");
    for op in capture_diff_slices(Algorithm::Myers, &old, &new) {
        if let DiffOp::Equal { .. } = op {
            continue;
        }
        let (o, n) = (op.old_range(), op.new_range());
        for i in o.clone() {
            assert!(
                removable(i),
                "input line {} changed: {:?}\n{}",
                i + 1,
                old[i],
                show()
            );
        }
        for j in n.clone() {
            assert!(
                addable(j),
                "output line {} added: {:?}\n{}",
                j + 1,
                new[j],
                show()
            );
        }
        match op {
            DiffOp::Replace { .. } if o.len() == n.len() => {
                for (i, j) in o.zip(n) {
                    assert!(
                        indent(new[j]).starts_with(indent(old[i])),
                        "line {} lost its indentation: {:?} -> {:?}\n{}",
                        i + 1,
                        old[i],
                        new[j],
                        show()
                    );
                    assert_eq!(
                        eol(old[i]),
                        eol(new[j]),
                        "line {} ending\n{}",
                        i + 1,
                        show()
                    );
                }
            }
            DiffOp::Insert { .. } => {
                for j in n {
                    assert_eq!(eol(new[j]), file_eol, "added line {}\n{}", j + 1, show());
                }
            }
            _ => {}
        }
    }
}

// ---------------------------------------------------------------------------
// cert_import

/// The passphrase of the encrypted seeds (throwaway test material).
const SEED_PASSPHRASE: &str = "test-only";

/// PEM labels for the DER forms (see `cert_import`).
const LABELS: [&str; 5] = [
    "CERTIFICATE",
    "PRIVATE KEY",
    "EC PRIVATE KEY",
    "RSA PRIVATE KEY",
    "ENCRYPTED PRIVATE KEY",
];

/// Days since 1970: valid for the seeds, before, after, and a leap day.
const CLOCKS: [i64; 4] = [21_915, 10_957, 25_567, 21_243];

/// Target `cert_import`: a certificate file the practice brings along.
///
/// Byte 0 picks the circumstances: bits 0-1 the passphrase (none, empty,
/// the seeds' one, a wrong one), bits 2-4 the form of the rest, bits 5-6 the
/// clock, bit 7 the host. Form 0 and 6-7: the rest is the file as is.
/// Forms 1-5: the rest is DER items one after another, and the file is
/// their PEM, all but the last labelled CERTIFICATE, the last labelled
/// `LABELS[form - 1]`, so that mutations reach the DER inside the PEM.
///
/// The file goes through `load_key_pem`, `load_pem` (chain and key from the
/// same file) and `load_pkcs12`; every material they return through
/// `check` and `to_pem`. The rest as a lone DER leaf goes through `check`.
/// Nothing panics; every error has its messages in both languages;
/// `NeedsPassphrase` comes only without a passphrase, `WrongPassphrase`
/// only with one; the loaders return no error of `check`'s and `check` none
/// of the loaders' passphrase errors; `load_pem` agrees with `load_key_pem`
/// on the key; `to_pem` reads back to the same material; what `check`
/// accepts is valid at the clock.
pub fn cert_import(data: &[u8]) {
    let [mode, rest @ ..] = data else {
        return;
    };
    let pass = [None, Some(""), Some(SEED_PASSPHRASE), Some("wrong")][usize::from(mode & 3)];
    let form = usize::from((mode >> 2) & 7);
    let now = OffsetDateTime::UNIX_EPOCH + Duration::days(CLOCKS[usize::from((mode >> 5) & 3)]);
    let host = if mode & 0x80 == 0 {
        HOST
    } else {
        "praxis-muster.ch"
    };
    let file: Cow<[u8]> = match form {
        1..=5 => Cow::Owned(der_as_pem(rest, LABELS[form - 1])),
        _ => Cow::Borrowed(rest),
    };
    let anchors = [CertificateDer::from(rest)];

    let key = load_key_pem(&file, pass);
    if let Err(e) = &key {
        check_load_error(e, pass, "load_key_pem");
    }
    let pem = load_pem(&file, &file, pass);
    match (&pem, &key) {
        (Ok(m), Ok(k)) => assert!(m.key == *k, "load_pem and load_key_pem differ on the key"),
        (Ok(_), Err(e)) => panic!("load_pem loads a key load_key_pem refuses ({e})"),
        (Err(ImportError::NoCertificate), _) => {}
        (Err(e), Err(k)) => assert_eq!(e, k, "load_pem and load_key_pem differ"),
        (Err(e), Ok(_)) => panic!("load_pem fails with {e:?} though chain and key load"),
    }
    if let Err(e) = &pem {
        check_load_error(e, pass, "load_pem");
    }
    let p12 = load_pkcs12(&file, pass);
    if let Err(e) = &p12 {
        check_load_error(e, pass, "load_pkcs12");
    }
    for m in [pem, p12].iter().flatten() {
        check_material(m, host, &[], now);
        check_material(m, host, &anchors, now);
        let (chain, key) = to_pem(m);
        match load_pem(chain.as_bytes(), key.as_bytes(), None) {
            Ok(back) => assert!(
                back.chain == m.chain && back.key == m.key,
                "to_pem does not read back"
            ),
            Err(e) => panic!("to_pem does not read back: {e:?}\n{chain}{key}"),
        }
    }
    // The bytes as a lone leaf (with a key that is not one): check reads
    // the certificate before it looks at the key.
    let lone = Material {
        chain: vec![CertificateDer::from(rest.to_vec())],
        key: PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(Vec::new())),
    };
    check_material(&lone, host, &anchors, now);
}

fn check_material(m: &Material, host: &str, anchors: &[CertificateDer<'_>], now: OffsetDateTime) {
    match check(m, host, anchors, now) {
        Ok(info) => assert!(
            info.not_before <= now && now <= info.not_after,
            "accepted outside {}..{} at {now}",
            info.not_before,
            info.not_after
        ),
        Err(e) => {
            check_error_text(&e, host);
            assert!(
                !matches!(
                    e,
                    ImportError::NeedsPassphrase
                        | ImportError::WrongPassphrase
                        | ImportError::LegacyEncrypted
                ),
                "check returns a loader's error: {e:?}"
            );
        }
    }
}

fn check_load_error(e: &ImportError, pass: Option<&str>, loader: &str) {
    check_error_text(e, HOST);
    match e {
        ImportError::NeedsPassphrase => assert!(
            pass.is_none_or(str::is_empty),
            "{loader}: NeedsPassphrase with passphrase {pass:?}"
        ),
        ImportError::WrongPassphrase => {
            assert!(pass.is_some(), "{loader}: WrongPassphrase without one")
        }
        ImportError::KeyMismatch
        | ImportError::NameMismatch { .. }
        | ImportError::ChainIncomplete { .. }
        | ImportError::ChainBadSignature { .. }
        | ImportError::Expired(_)
        | ImportError::NotYetValid(_) => panic!("{loader} returns a check error: {e:?}"),
        _ => {}
    }
}

fn check_error_text(e: &ImportError, host: &str) {
    assert!(!e.to_string().is_empty(), "{e:?}: empty message");
    let f = e.finding(host);
    check_text(&f.summary, "import error");
    if let Some(fix) = &f.fix {
        check_text(fix, "import fix");
    }
}

/// The DER items of `der` one after another (an item that runs past the
/// end takes the rest) as PEM: all but the last CERTIFICATE, the last `last`.
fn der_as_pem(mut der: &[u8], last: &str) -> Vec<u8> {
    let mut items = Vec::new();
    while !der.is_empty() {
        let n = der_len(der).unwrap_or(der.len()).clamp(1, der.len());
        items.push(&der[..n]);
        der = &der[n..];
    }
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        let label = if i + 1 == items.len() {
            last
        } else {
            "CERTIFICATE"
        };
        out.push_str(&format!("-----BEGIN {label}-----\n"));
        let b64 = BASE64.encode(item);
        for chunk in b64.as_bytes().chunks(64) {
            out.push_str(&String::from_utf8_lossy(chunk));
            out.push('\n');
        }
        out.push_str(&format!("-----END {label}-----\n"));
    }
    out.into_bytes()
}

/// Length of the DER item (tag, length, value) at the start of `b`.
fn der_len(b: &[u8]) -> Option<usize> {
    let first = *b.get(1)?;
    if first < 0x80 {
        return Some(2 + usize::from(first));
    }
    let k = usize::from(first & 0x7f);
    if k == 0 || k > 3 {
        return None;
    }
    let len = b.get(2..2 + k)?;
    Some(2 + k + len.iter().fold(0, |a, &x| a << 8 | usize::from(x)))
}
