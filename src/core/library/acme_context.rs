//! A CA's problem explained with what the wizard knows and the CA does not:
//! the port the router must forward to, and the practice's public address.

use std::net::IpAddr;

use crate::core::model::check::{Finding, Text};

/// Fixes that tell where port 80 must point; their `-port` twins name the
/// port instead of "the assistant's port".
const NAMES_THE_PORT: &[&str] = &[
    "acme-fix-connection",
    "acme-fix-connection-refused",
    "acme-fix-response",
    "acme-fix-response-404",
    "acme-fix-unauthorized",
    "acme-fix-incorrect-response",
    "acme-fix-redirect-https",
    "acme-fix-tls",
];

/// The address the CA connected to, as Let's Encrypt writes it at the start
/// of a validation error: `203.0.113.7: Fetching http://…`.
pub fn address_tried(raw: &str) -> Option<IpAddr> {
    ["Fetching ", "Invalid response from "]
        .iter()
        .filter_map(|marker| raw.find(&format!(": {marker}")))
        .find_map(|end| {
            let before = raw.get(..end)?;
            let token = before.rsplit([' ', '\n', '[', ']']).next()?;
            token.parse().ok()
        })
}

/// Refines a finding from the CA. An address that is not the practice's
/// own is the cause, whatever the CA called it; otherwise the fix names
/// the responder's port.
pub fn in_context(mut finding: Finding, port: u16, public: &[IpAddr], host: &str) -> Finding {
    let raw = finding.detail.clone().unwrap_or_default();
    if let Some(seen) = address_tried(&raw)
        && !public.is_empty()
        && !public.contains(&seen)
    {
        let own: Vec<String> = public.iter().map(ToString::to_string).collect();
        let own = own.join(", ");
        let original = std::mem::replace(
            &mut finding.summary,
            Text::new("acme-error-elsewhere")
                .arg("host", host)
                .arg("seen", seen.to_string())
                .arg("public", own.clone()),
        );
        finding.more.insert(0, original);
        finding.fix = Some(
            Text::new("acme-fix-elsewhere")
                .arg("host", host)
                .arg("public", own),
        );
        return finding;
    }
    // Port 0: the firewall step has not reported the port yet (a state
    // from before it was saved), so the port stays unnamed rather than wrong.
    if let Some(fix) = &mut finding.fix
        && port != 0
        && NAMES_THE_PORT.contains(&fix.id.as_str())
    {
        fix.id.push_str("-port");
        fix.args
            .push(("port".into(), crate::core::Arg::Num(port.into())));
    }
    finding
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(detail: &str) -> Finding {
        Finding::new(Text::new("acme-error-connection-refused"))
            .fix(Text::new("acme-fix-connection-refused"))
            .detail(format!(
                "400 urn:ietf:params:acme:error:connection: {detail}"
            ))
    }

    #[test]
    fn an_unknown_port_is_not_named() {
        let f = in_context(refused("Connection refused"), 0, &[], "t");
        let fix = f.fix.unwrap();
        assert_eq!(fix.id, "acme-fix-connection-refused");
        assert!(fix.args.is_empty());
        let f = in_context(refused("Connection refused"), 28402, &[], "t");
        assert_eq!(f.fix.unwrap().id, "acme-fix-connection-refused-port");
    }

    #[test]
    fn the_address_the_ca_tried_is_read_in_both_families() {
        assert_eq!(
            address_tried("400 x: 203.0.113.7: Fetching http://a/: Connection refused"),
            Some("203.0.113.7".parse().unwrap())
        );
        assert_eq!(
            address_tried("403 x: 2001:db8::7: Invalid response from http://a/: 404"),
            Some("2001:db8::7".parse().unwrap())
        );
        assert_eq!(
            address_tried("dial tcp 127.0.0.1:80: connection refused"),
            None
        );
    }

    #[test]
    fn another_address_than_the_practices_is_named_as_the_cause() {
        let public = ["198.51.100.4".parse().unwrap()];
        let f = in_context(
            refused("203.0.113.7: Fetching http://t/: Connection refused"),
            28402,
            &public,
            "t",
        );
        assert_eq!(f.summary.id, "acme-error-elsewhere");
        assert!(
            f.summary
                .args
                .contains(&("seen".into(), "203.0.113.7".into()))
        );
        assert!(
            f.summary
                .args
                .contains(&("public".into(), "198.51.100.4".into()))
        );
        assert_eq!(f.more[0].id, "acme-error-connection-refused");
        assert_eq!(f.fix.map(|t| t.id).as_deref(), Some("acme-fix-elsewhere"));
    }

    #[test]
    fn at_the_practices_own_address_the_fix_names_the_port() {
        let public = ["198.51.100.4".parse().unwrap()];
        let f = in_context(
            refused("198.51.100.4: Fetching http://t/: Connection refused"),
            28402,
            &public,
            "t",
        );
        let fix = f.fix.unwrap();
        assert_eq!(fix.id, "acme-fix-connection-refused-port");
        assert_eq!(
            fix.args,
            [("port".to_string(), crate::core::Arg::Num(28402))]
        );
    }
}
