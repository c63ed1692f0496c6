//! What a CAA record set means for a certificate from Let's Encrypt for a
//! single, non-wildcard name (RFC 8659, with the RFC 8657 parameters).

use super::CaaSet;

/// The issuer domain Let's Encrypt looks for in `issue` properties.
pub const LETSENCRYPT: &str = "letsencrypt.org";

/// The only tags whose meaning RFC 8659 defines; a critical record with any
/// other tag forbids issuance, because the CA cannot know what it asks for.
const KNOWN_TAGS: [&str; 3] = ["issue", "issuewild", "iodef"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The set has no `issue` property: RFC 8659 §4.2 leaves issuance open.
    /// `issuewild` alone restricts wildcard names only (§4.3), and ours is
    /// not one.
    NoIssue,
    Allows,
    /// Allowed only for one Let's Encrypt account (RFC 8657 `accounturi`).
    AllowsOneAccount,
    /// Let's Encrypt is named, but only with validation methods other than
    /// the HTTP-01 challenge the wizard uses.
    MethodExcluded,
    /// Other CAs are named, or none at all (`issue ";"`).
    Denies {
        issuers: Vec<String>,
    },
    UnknownCritical {
        tag: String,
    },
}

struct Issue<'a> {
    issuer: String,
    params: Vec<(String, &'a str)>,
}

fn parse_issue(value: &str) -> Issue<'_> {
    let mut parts = value.split(';');
    let issuer = parts.next().unwrap_or("").trim().to_ascii_lowercase();
    let params = parts
        .filter_map(|p| {
            let (k, v) = p.split_once('=')?;
            Some((k.trim().to_ascii_lowercase(), v.trim()))
        })
        .collect();
    Issue { issuer, params }
}

impl Issue<'_> {
    fn param(&self, key: &str) -> Option<&str> {
        self.params.iter().find(|(k, _)| k == key).map(|(_, v)| *v)
    }

    fn allows_http01(&self) -> bool {
        match self.param("validationmethods") {
            None => true,
            Some(list) => list
                .split(',')
                .any(|m| m.trim().eq_ignore_ascii_case("http-01")),
        }
    }
}

pub fn evaluate(set: &CaaSet) -> Verdict {
    if let Some(unknown) = set.records.iter().find(|r| {
        r.critical
            && !KNOWN_TAGS
                .iter()
                .any(|known| r.tag.eq_ignore_ascii_case(known))
    }) {
        return Verdict::UnknownCritical {
            tag: unknown.tag.clone(),
        };
    }
    let issues: Vec<Issue<'_>> = set
        .records
        .iter()
        .filter(|r| r.tag.eq_ignore_ascii_case("issue"))
        .map(|r| parse_issue(&r.value))
        .collect();
    if issues.is_empty() {
        return Verdict::NoIssue;
    }
    let ours: Vec<&Issue<'_>> = issues.iter().filter(|i| i.issuer == LETSENCRYPT).collect();
    let usable: Vec<&&Issue<'_>> = ours.iter().filter(|i| i.allows_http01()).collect();
    if usable.iter().any(|i| i.param("accounturi").is_none()) {
        Verdict::Allows
    } else if !usable.is_empty() {
        Verdict::AllowsOneAccount
    } else if !ours.is_empty() {
        Verdict::MethodExcluded
    } else {
        let mut issuers: Vec<String> = Vec::new();
        for issue in issues {
            if !issue.issuer.is_empty() && !issuers.contains(&issue.issuer) {
                issuers.push(issue.issuer);
            }
        }
        Verdict::Denies { issuers }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::library::dns::CaaRecord;

    fn set(records: &[(bool, &str, &str)]) -> CaaSet {
        CaaSet {
            owner: "praxis-muster.ch".into(),
            records: records
                .iter()
                .map(|(critical, tag, value)| CaaRecord {
                    critical: *critical,
                    tag: (*tag).into(),
                    value: (*value).into(),
                })
                .collect(),
        }
    }

    #[test]
    fn issue_for_letsencrypt_allows() {
        assert_eq!(
            evaluate(&set(&[(false, "issue", "letsencrypt.org")])),
            Verdict::Allows
        );
        assert_eq!(
            evaluate(&set(&[
                (false, "issue", "pki.example"),
                (false, "ISSUE", " LetsEncrypt.org ; foo=bar"),
            ])),
            Verdict::Allows
        );
    }

    #[test]
    fn other_issuers_deny() {
        assert_eq!(
            evaluate(&set(&[(false, "issue", "pki.example")])),
            Verdict::Denies {
                issuers: vec!["pki.example".into()]
            }
        );
        assert_eq!(
            evaluate(&set(&[(false, "issue", ";")])),
            Verdict::Denies { issuers: vec![] }
        );
        // The name is compared as a whole, not as a suffix.
        assert_eq!(
            evaluate(&set(&[(false, "issue", "notletsencrypt.org")])),
            Verdict::Denies {
                issuers: vec!["notletsencrypt.org".into()]
            }
        );
    }

    #[test]
    fn issuewild_and_iodef_do_not_restrict_a_plain_name() {
        assert_eq!(
            evaluate(&set(&[
                (false, "issuewild", "pki.example"),
                (false, "iodef", "mailto:it@praxis-muster.ch"),
            ])),
            Verdict::NoIssue
        );
        // ... but an issue record next to them still counts.
        assert_eq!(
            evaluate(&set(&[
                (false, "issuewild", "letsencrypt.org"),
                (false, "issue", "pki.example"),
            ])),
            Verdict::Denies {
                issuers: vec!["pki.example".into()]
            }
        );
    }

    #[test]
    fn critical_tags() {
        assert_eq!(
            evaluate(&set(&[
                (false, "issue", "letsencrypt.org"),
                (true, "tbs", "something"),
            ])),
            Verdict::UnknownCritical { tag: "tbs".into() }
        );
        // A critical flag on a tag the CA understands is harmless.
        assert_eq!(
            evaluate(&set(&[(true, "issue", "letsencrypt.org")])),
            Verdict::Allows
        );
        // An unknown tag without the flag is ignored.
        assert_eq!(
            evaluate(&set(&[
                (false, "contactemail", "it@praxis-muster.ch"),
                (false, "issue", "letsencrypt.org")
            ])),
            Verdict::Allows
        );
    }

    #[test]
    fn rfc8657_parameters() {
        assert_eq!(
            evaluate(&set(&[(
                false,
                "issue",
                "letsencrypt.org; validationmethods=dns-01"
            )])),
            Verdict::MethodExcluded
        );
        assert_eq!(
            evaluate(&set(&[(
                false,
                "issue",
                "letsencrypt.org; validationmethods=dns-01,http-01"
            )])),
            Verdict::Allows
        );
        assert_eq!(
            evaluate(&set(&[(
                false,
                "issue",
                "letsencrypt.org; accounturi=https://acme-v02.api.letsencrypt.org/acme/acct/1"
            )])),
            Verdict::AllowsOneAccount
        );
    }
}
