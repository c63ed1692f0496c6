//! Which addresses the internet can reach. Let's Encrypt connects from the
//! outside, so an address only the practice's own network knows is useless
//! in public DNS, however well it works from inside.

use std::net::{Ipv4Addr, Ipv6Addr};

/// Why an address cannot be reached from the internet. The names double as
/// the Fluent selector `$kind`, so they must stay in step with the .ftl files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotPublic {
    /// RFC 1918: the practice's own network.
    Private,
    /// RFC 6598: the provider's shared network (DS-Lite, CGNAT).
    Cgnat,
    Loopback,
    LinkLocal,
    /// IPv6 unique local addresses (fc00::/7), the IPv6 twin of `Private`.
    UniqueLocal,
    /// Unspecified, multicast, broadcast or reserved for the future.
    Other,
}

impl NotPublic {
    pub fn kind(self) -> &'static str {
        match self {
            NotPublic::Private => "private",
            NotPublic::Cgnat => "cgnat",
            NotPublic::Loopback => "loopback",
            NotPublic::LinkLocal => "link-local",
            NotPublic::UniqueLocal => "unique-local",
            NotPublic::Other => "other",
        }
    }
}

pub fn v4(ip: Ipv4Addr) -> Option<NotPublic> {
    let [a, b, ..] = ip.octets();
    if ip.is_private() {
        Some(NotPublic::Private)
    } else if a == 100 && (64..128).contains(&b) {
        Some(NotPublic::Cgnat)
    } else if ip.is_loopback() {
        Some(NotPublic::Loopback)
    } else if ip.is_link_local() {
        Some(NotPublic::LinkLocal)
    } else if a == 0 || ip.is_multicast() || a >= 240 {
        Some(NotPublic::Other)
    } else {
        None
    }
}

pub fn v6(ip: Ipv6Addr) -> Option<NotPublic> {
    let first = ip.segments()[0];
    if ip.is_loopback() {
        Some(NotPublic::Loopback)
    } else if first & 0xffc0 == 0xfe80 {
        Some(NotPublic::LinkLocal)
    } else if first & 0xfe00 == 0xfc00 {
        Some(NotPublic::UniqueLocal)
    } else if let Some(mapped) = ip.to_ipv4_mapped() {
        // A mapped IPv4 address is only as reachable as the IPv4 inside it.
        v4(mapped).map(|_| NotPublic::Other)
    } else if ip.is_unspecified() || ip.is_multicast() {
        Some(NotPublic::Other)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv4_ranges() {
        let cases = [
            ("10.1.2.3", Some(NotPublic::Private)),
            ("172.16.0.1", Some(NotPublic::Private)),
            ("172.31.255.255", Some(NotPublic::Private)),
            ("172.32.0.1", None),
            ("192.168.178.20", Some(NotPublic::Private)),
            ("100.64.0.1", Some(NotPublic::Cgnat)),
            ("100.127.255.255", Some(NotPublic::Cgnat)),
            ("100.128.0.1", None),
            ("127.0.0.1", Some(NotPublic::Loopback)),
            ("169.254.1.1", Some(NotPublic::LinkLocal)),
            ("0.0.0.0", Some(NotPublic::Other)),
            ("224.0.0.1", Some(NotPublic::Other)),
            ("255.255.255.255", Some(NotPublic::Other)),
            ("203.0.113.10", None),
            ("185.12.64.1", None),
        ];
        for (ip, want) in cases {
            assert_eq!(v4(ip.parse().unwrap()), want, "{ip}");
        }
    }

    #[test]
    fn ipv6_ranges() {
        let cases = [
            ("::1", Some(NotPublic::Loopback)),
            ("fe80::1", Some(NotPublic::LinkLocal)),
            ("febf::1", Some(NotPublic::LinkLocal)),
            ("fd00::20", Some(NotPublic::UniqueLocal)),
            ("fc12::1", Some(NotPublic::UniqueLocal)),
            ("::", Some(NotPublic::Other)),
            ("ff02::1", Some(NotPublic::Other)),
            ("::ffff:192.168.1.1", Some(NotPublic::Other)),
            ("::ffff:203.0.113.1", None),
            ("2a02:1210:5a3c::1", None),
            ("2001:db8::10", None),
        ];
        for (ip, want) in cases {
            assert_eq!(v6(ip.parse().unwrap()), want, "{ip}");
        }
    }
}
