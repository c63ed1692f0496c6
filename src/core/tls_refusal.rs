//! Why a browser would refuse a certificate, from the verifier's own
//! (English, technical) words: the key a Fluent selector turns into her
//! words, so that no «invalid peer certificate: UnknownIssuer» reaches a
//! German screen, a status line or a mail.

/// One of `unknown-issuer`, `wrong-name`, `expired`, `not-yet`,
/// `revoked`, `incomplete`, `other`.
pub fn why(raw: &str) -> &'static str {
    let r = raw.to_ascii_lowercase();
    if r.contains("unknownissuer") || r.contains("unknown issuer") {
        // rustls says the same when the intermediate is missing; the
        // verifier words that case as an incomplete chain where it can.
        "unknown-issuer"
    } else if r.contains("notvalidforname") || r.contains("not valid for name") {
        "wrong-name"
    } else if r.contains("notvalidyet") || r.contains("not valid yet") {
        "not-yet"
    } else if r.contains("expired") {
        "expired"
    } else if r.contains("revoked") {
        "revoked"
    } else if r.contains("issuer") && r.contains("missing") {
        "incomplete"
    } else {
        "other"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rustls_words_map_to_plain_reasons() {
        assert_eq!(
            why("invalid peer certificate: UnknownIssuer"),
            "unknown-issuer"
        );
        assert_eq!(
            why("invalid peer certificate: certificate not valid for name \"termine.x.ch\""),
            "wrong-name"
        );
        assert_eq!(
            why("invalid peer certificate: NotValidForName"),
            "wrong-name"
        );
        assert_eq!(why("invalid peer certificate: Expired"), "expired");
        assert_eq!(why("invalid peer certificate: NotValidYet"), "not-yet");
        assert_eq!(why("invalid peer certificate: Revoked"), "revoked");
        assert_eq!(why("something new"), "other");
    }
}
