//! Schema 1 kept every argument of a text as a string, and the words were
//! formatted by guessing: a whole number written without leading zeros
//! went to Fluent as a number. Schema 2 says which arguments are numbers
//! (`Arg::Num`). A schema 1 file is read once through that same guess, so
//! that a saved finding reads as it did ("1 Tag", not "1 Tage"); nothing
//! written since needs it.

use serde_json::Value;

pub const SCHEMA: u32 = 1;

/// Turns the arguments schema 1 formatted as numbers into numbers, in
/// every text of the saved wizard (an object with an `id` and `args`).
pub fn typed_args(v: &mut Value) {
    match v {
        Value::Object(map) => {
            if map.get("id").is_some_and(Value::is_string)
                && let Some(Value::Array(args)) = map.get_mut("args")
            {
                for pair in args.iter_mut() {
                    if let Value::Array(kv) = pair
                        && let [Value::String(_), value] = kv.as_mut_slice()
                        && let Some(n) = value.as_str().and_then(old_count)
                    {
                        *value = Value::from(n);
                    }
                }
            }
            map.values_mut().for_each(typed_args);
        }
        Value::Array(items) => items.iter_mut().for_each(typed_args),
        _ => {}
    }
}

/// The old guess, word for word: a whole number without leading zeros
/// (a count, days left, which may be negative) was a number; a date, a
/// version or "0443" stayed text.
fn old_count(v: &str) -> Option<i64> {
    let digits = v.strip_prefix('-').unwrap_or(v);
    let ok = !digits.is_empty()
        && digits.len() <= 9
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'));
    ok.then(|| v.parse().ok()).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{Arg, Finding, Lang, Text};
    use crate::i18n;

    /// A finding as schema 1 saved it.
    const OLD: &str = r#"{
        "summary": {"id": "golive-step-proxy-planned", "args": [["count", "1"]]},
        "fix": {"id": "reach-fix-forward", "args": [["port", "0443"]]},
        "more": [
            {"id": "cert-ready", "args": [
                ["issuer", "R11"], ["until", "2026-12-24"], ["days", "30"]]},
            {"id": "exposure-ports-open", "args": [
                ["ports", "4040"], ["count", "1"], ["rest", ""], ["last", "4040"]]}],
        "detail": null
    }"#;

    #[test]
    fn an_old_finding_still_reads_and_renders_as_before() {
        let mut v: Value = serde_json::from_str(OLD).unwrap();
        // As it is, every old argument reads as a word.
        let plain: Finding = serde_json::from_value(v.clone()).unwrap();
        assert_eq!(plain.summary.get("count"), Some(&Arg::Str("1".into())));
        typed_args(&mut v);
        let f: Finding = serde_json::from_value(v).unwrap();
        assert_eq!(f.summary.get("count"), Some(&Arg::Num(1)));
        let fix = f.fix.clone().unwrap();
        assert_eq!(fix.get("port"), Some(&Arg::Str("0443".into())));
        let cert = &f.more[0];
        assert_eq!(cert.get("until"), Some(&Arg::Str("2026-12-24".into())));
        // The words schema 1 showed (the guess took "1" for a number).
        let de = |t: &Text| i18n::text(Lang::De, t);
        assert!(de(&f.summary).starts_with("1 Datei wird geändert"));
        assert!(i18n::text(Lang::En, &f.summary).starts_with("1 file will be changed"));
        assert!(de(&fix).contains("Port 0443 "), "{}", de(&fix));
        assert!(de(cert).contains("gültig bis 24.12.2026 (noch 30 Tage)"));
        assert!(i18n::text(Lang::DeCh, &f.more[1]).contains("(Port 4040)"));
        // And the same as the texts built today.
        let today = Text::new("golive-step-proxy-planned").num("count", 1);
        for lang in Lang::ALL {
            assert_eq!(i18n::text(lang, &f.summary), i18n::text(lang, &today));
        }
    }

    /// A whole resume file as the previous version wrote it: it loads
    /// (not moved aside), and its saved finding reads as it did.
    #[test]
    fn an_old_resume_file_loads_and_reads_as_before() {
        use crate::core::{CheckId, CheckState, Outcome, Wizard};
        use crate::io::store::Store;
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let mut w = Wizard::new(Lang::De, time::OffsetDateTime::UNIX_EPOCH);
        let planned = Finding::new(Text::new("golive-step-proxy-planned").num("count", 1));
        w.checks
            .insert(CheckId::ProxyConfig, Outcome::Passed(planned).into());
        store.save(&w).unwrap();
        // Back to schema 1: the number written as a string.
        let raw = std::fs::read_to_string(store.path()).unwrap();
        let mut v: Value = serde_json::from_str(&raw).unwrap();
        v["schema"] = SCHEMA.into();
        // The check's key in the file, as serde spells it.
        let key = serde_json::to_value(CheckId::ProxyConfig).unwrap();
        let key = key.as_str().unwrap();
        let args = &mut v["wizard"]["checks"][key]["summary"]["args"];
        assert_eq!(args[0][1], 1, "{args}");
        args[0][1] = "1".into();
        std::fs::write(store.path(), serde_json::to_vec(&v).unwrap()).unwrap();
        let back = store.load().unwrap().unwrap();
        let CheckState::Passed(f) = back.check(CheckId::ProxyConfig) else {
            panic!("{:?}", back.check(CheckId::ProxyConfig));
        };
        assert_eq!(f.summary.get("count"), Some(&Arg::Num(1)));
        assert!(i18n::text(Lang::De, &f.summary).starts_with("1 Datei wird geändert"));
    }

    #[test]
    fn only_what_the_old_guess_took_for_a_number_becomes_one() {
        for (old, new) in [("1", Some(1)), ("-3", Some(-3)), ("28402", Some(28402))] {
            assert_eq!(old_count(old), new, "{old}");
        }
        for word in ["0443", "007", "-", "", "2026-12-24", "1.2", "1234567890"] {
            assert_eq!(old_count(word), None, "{word}");
        }
    }
}
