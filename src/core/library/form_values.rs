//! What a value typed into a form must look like: host names, e-mail
//! addresses, comma-separated lists.

/// A host name as DNS and certificates take it: labels of letters, digits
/// and hyphens. Intranet names are fine here (the practice CA signs them).
pub fn host_ok(host: &str) -> bool {
    let h = host.trim_end_matches('.');
    !h.is_empty()
        && h.len() <= 253
        && h.split('.').all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
}

pub fn split_list(s: &str) -> Vec<String> {
    s.split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

/// An e-mail address as far as a form can tell: something before and a
/// domain with a dot after the «@», no spaces.
pub fn email_ok(email: &str) -> bool {
    let e = email.trim();
    matches!(e.split_once('@'), Some((l, d)) if !l.is_empty() && d.contains('.') && !d.ends_with('.'))
        && !e.contains(char::is_whitespace)
}
