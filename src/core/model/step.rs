//! The wizard's steps, in the order a practice walks them.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Step {
    Language,
    Start,
    Domain,
    Dns,
    PortForwarding,
    Firewall,
    Certificate,
    Install,
    ProxyConfig,
    Restart,
    FinalCheck,
    /// Optional: Orthanc and Express Gateway, each under a name of its own.
    Systems,
    /// Automatic renewal: the timer (or cron), and the mail on failure.
    AutoRenew,
    Done,
}

impl Step {
    pub const ALL: [Step; 14] = [
        Step::Language,
        Step::Start,
        Step::Domain,
        Step::Dns,
        Step::PortForwarding,
        Step::Firewall,
        Step::Certificate,
        Step::Install,
        Step::ProxyConfig,
        Step::Restart,
        Step::FinalCheck,
        Step::Systems,
        Step::AutoRenew,
        Step::Done,
    ];

    /// 1-based position, as people count.
    pub fn number(self) -> usize {
        Self::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1
    }

    pub fn next(self) -> Option<Step> {
        Self::ALL.get(self.number()).copied()
    }

    pub fn prev(self) -> Option<Step> {
        self.number()
            .checked_sub(2)
            .and_then(|i| Self::ALL.get(i))
            .copied()
    }

    /// Steps the person confirms with the space bar: the manual ones, and
    /// the router's port forwards, which no check from inside can prove.
    pub fn needs_confirmation(self) -> bool {
        self.is_manual() || self == Step::PortForwarding
    }

    /// Prefix of the step's Fluent message ids (`dns-title`, `dns-help`, ...).
    pub fn key(self) -> &'static str {
        match self {
            Step::Language => "language",
            Step::Start => "start",
            Step::Domain => "domain",
            Step::Dns => "dns",
            Step::PortForwarding => "ports",
            Step::Firewall => "firewall",
            Step::Certificate => "certificate",
            Step::Install => "install",
            Step::ProxyConfig => "proxy",
            Step::Restart => "restart",
            Step::FinalCheck => "final",
            Step::Systems => "systems",
            Step::AutoRenew => "autorenew",
            Step::Done => "done",
        }
    }

    /// Steps with instructions to do by hand when the wizard does not run on
    /// the Elexis-OOB server; on the server it does them itself.
    pub fn is_manual(self) -> bool {
        matches!(
            self,
            Step::Install | Step::ProxyConfig | Step::Restart | Step::FinalCheck
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_is_consistent() {
        assert_eq!(Step::Language.number(), 1);
        assert_eq!(Step::Done.number(), 14);
        assert_eq!(Step::Language.prev(), None);
        assert_eq!(Step::Done.next(), None);
        for w in Step::ALL.windows(2) {
            assert_eq!(w[0].next(), Some(w[1]));
            assert_eq!(w[1].prev(), Some(w[0]));
        }
    }
}
