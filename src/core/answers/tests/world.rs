//! A synthetic outside world: every effect answered at once with a result
//! the test chose.

use std::net::{IpAddr, Ipv4Addr};

use super::NOW;
use crate::core::library::dns::{Delegation, DnsReport, LookupError};
use crate::core::library::firewall::Detection;
use crate::core::library::reach::{HttpAnswer, ProbeError, ProbeReport};
use crate::core::library::start::{DetectError, Generation, Installation};
use crate::core::library::status::CertRecord;
use crate::core::model::golive::{FileDiff, InstalledFiles, PlanView};
use crate::core::model::network::PublicSeen;
use crate::core::steps::systems::{SystemDone, SystemPlan, SystemRequest};
use crate::core::{Effect, Finding, Msg, Outcome, Text};

/// What the outside world answers.
#[derive(Debug, Clone)]
pub(super) struct World {
    pub install_found: bool,
    pub delegated: bool,
    pub a: Ipv4Addr,
    pub public: Ipv4Addr,
    pub firewall: Detection,
    pub probe_ok: bool,
    pub issue_ok: bool,
}

impl Default for World {
    fn default() -> Self {
        World {
            install_found: true,
            delegated: true,
            a: Ipv4Addr::new(203, 0, 113, 7),
            public: Ipv4Addr::new(203, 0, 113, 7),
            firewall: Detection::default(),
            probe_ok: true,
            issue_ok: true,
        }
    }
}

const KEY_AUTH: &str = "t0k3n.praxis-tls-probe";

fn record(name: &str) -> CertRecord {
    CertRecord {
        domain: name.to_string(),
        path_crt: "/var/lib/praxis-tls/certs/cert.pem".into(),
        path_key: "/var/lib/praxis-tls/certs/key.pem".into(),
        not_before: NOW,
        not_after: NOW + time::Duration::days(90),
        issuer: "Test CA".into(),
        fingerprint_sha256: "00".into(),
        renewal: Default::default(),
    }
}

impl World {
    fn dns(&self, name: String) -> DnsReport {
        DnsReport {
            name,
            cname_chain: vec![],
            a: Ok(vec![self.a]),
            aaaa: Err(LookupError::NoRecords),
            caa: Ok(None),
        }
    }

    pub(super) fn respond(&self, effect: Effect) -> Vec<Msg> {
        let msg = match effect {
            Effect::ScanInstallDirs => Msg::InstallCandidates(vec![]),
            Effect::DetectInstall {
                dir, generation, ..
            } => Msg::InstallDetected {
                generation,
                result: if self.install_found {
                    Ok(Installation::new(dir, Generation::Current))
                } else {
                    Err(DetectError::NotFound { path: dir })
                },
            },
            Effect::InspectCompose { generation, .. } => Msg::ComposeInspected {
                generation,
                facts: crate::core::library::compose_ready::ComposeFacts::Loaded {
                    services: vec!["proxy".into()],
                    missing_images: vec![],
                    stopped: vec![],
                },
            },
            Effect::CheckDelegation { generation, .. } => Msg::DelegationResolved {
                generation,
                delegation: if self.delegated {
                    Delegation::Delegated {
                        nameservers: vec!["ns1.example.net".into()],
                    }
                } else {
                    Delegation::Error(LookupError::NxDomain)
                },
            },
            Effect::ResolveDns { name, generation } => Msg::DnsResolved {
                generation,
                report: self.dns(name),
            },
            Effect::RecheckName {
                name, generation, ..
            } => Msg::NameRechecked {
                generation,
                report: self.dns(name),
                public_v4: Some(self.public),
            },
            Effect::DiscoverPublic { generation } => Msg::PublicDiscovered {
                generation,
                seen: PublicSeen {
                    v4: Some(self.public),
                    v6: None,
                    errors: vec![],
                    router_wan: None,
                    router_detail: None,
                },
            },
            Effect::DetectRouter { .. } => Msg::RouterDetected(Default::default()),
            Effect::DetectFirewall { generation } => Msg::FirewallDetected {
                generation,
                detection: self.firewall.clone(),
                port: 28402,
            },
            Effect::OpenFirewall { generation, .. } => Msg::FirewallOpened {
                generation,
                result: Ok(()),
            },
            Effect::Probe {
                addrs, generation, ..
            } => Msg::Probed {
                generation,
                key_auth: KEY_AUTH.into(),
                reports: addrs.iter().map(|a| self.probe(*a)).collect(),
            },
            Effect::FetchTerms => Msg::Terms {
                url: Some("https://ca.example/terms".into()),
            },
            Effect::Issue {
                env,
                name,
                generation,
                ..
            } => self.issued(generation, Some(env), &name),
            Effect::ImportCertificate {
                name, generation, ..
            }
            | Effect::SelfSign { name, generation } => self.issued(generation, None, &name),
            Effect::ResolvePending { .. } => Msg::PendingResolved { ok: true },
            Effect::PlanSystem {
                request,
                generation,
            } => {
                let (check, kind) = (request.check(), request.kind());
                Msg::SystemPlanned {
                    check,
                    generation,
                    result: Ok(SystemPlan {
                        kind,
                        summary: Text::new("systems-orthanc-plan"),
                        notes: Vec::new(),
                        diff: "+ on\n".into(),
                    }),
                }
            }
            Effect::ApplySystem {
                request,
                generation,
                ..
            } => {
                let (check, kind) = (request.check(), request.kind());
                let host = match request {
                    SystemRequest::Orthanc { host, .. } | SystemRequest::Gateway { host, .. } => {
                        host
                    }
                };
                Msg::SystemApplied {
                    check,
                    generation,
                    result: Ok(SystemDone {
                        kind,
                        terminator: false,
                        host,
                        report: vec![],
                        certificate: None,
                    }),
                }
            }
            Effect::InstallFiles { generation, .. } => Msg::FilesInstalled {
                generation,
                result: Ok(InstalledFiles {
                    crt: "/var/lib/praxis-tls/proxy-certs/t.crt".into(),
                    key: "/var/lib/praxis-tls/proxy-certs/t.key".into(),
                    cert_name: "t.crt".into(),
                    key_name: "t.key".into(),
                    fingerprint: "00".into(),
                }),
            },
            Effect::PlanProxy { generation, .. } => Msg::ProxyPlanned {
                generation,
                result: Ok(crate::core::tests::golive::proxy_plan(PlanView {
                    diffs: vec![FileDiff {
                        path: "/opt/elexis-oob/docker-compose.override.yml".into(),
                        diff: "+x".into(),
                    }],
                    needs_restart: true,
                    drift: false,
                })),
            },
            Effect::ApplyProxy { generation, .. } => Msg::ProxyApplied {
                generation,
                result: Ok(()),
            },
            Effect::Upload { generation, .. } => Msg::Uploaded {
                generation,
                result: Ok(Outcome::Warning(Finding::new(Text::new(
                    "upload-sent-unconfirmed",
                )))),
            },
            Effect::Restart { generation, .. } => Msg::Restarted {
                generation,
                result: Ok(()),
            },
            Effect::FinalCheck { generation, .. } => {
                let ok = Outcome::Passed(Finding::new(Text::new("verify-passed")));
                Msg::FinalChecked {
                    fingerprints: Vec::new(),
                    addresses: Vec::new(),
                    generation,
                    tls: ok.clone(),
                    exposure: ok.clone(),
                    port80: ok,
                }
            }
            Effect::InspectSchedule { generation } => Msg::ScheduleInspected {
                generation,
                view: crate::core::steps::autorenew::ScheduleView {
                    verdict: crate::core::library::schedule::Verdict::NotSet,
                    plan: Ok(crate::core::library::schedule::SchedulePlan {
                        scheduler: crate::core::library::schedule::Scheduler::Cron,
                        binary: "/usr/local/sbin/praxis-tls".into(),
                        copy_from: None,
                        write_units: true,
                        findings: vec![],
                    }),
                    stored_mail: None,
                    password_stored: false,
                },
            },
            Effect::InstallSchedule {
                generation, mail, ..
            } => Msg::ScheduleInstalled {
                generation,
                result: Ok(crate::core::steps::autorenew::RenewalSetUp {
                    binary: "/usr/local/sbin/praxis-tls".into(),
                    mail: mail.is_some(),
                }),
            },
            Effect::SendTestMail { generation, .. } => Msg::TestMailSent {
                generation,
                result: Ok(Text::new("autorenew-test-sent")),
            },
            Effect::InspectOrthanc => Msg::OrthancBuild { affected: false },
            Effect::SettleTyping => Msg::TypingSettled,
            Effect::Persist
            | Effect::Quit
            | Effect::CloseFirewall { .. }
            | Effect::UndoSince { .. } => return vec![],
        };
        vec![msg]
    }

    fn probe(&self, address: IpAddr) -> ProbeReport {
        ProbeReport {
            address,
            port: 80,
            result: if self.probe_ok {
                Ok(HttpAnswer {
                    status: 200,
                    body_prefix: KEY_AUTH.into(),
                    ..HttpAnswer::default()
                })
            } else {
                Err(ProbeError::Refused)
            },
        }
    }

    fn issued(
        &self,
        generation: u64,
        env: Option<crate::core::model::certificate::AcmeEnv>,
        name: &str,
    ) -> Msg {
        if self.issue_ok {
            Msg::Issued {
                generation,
                env,
                record: record(name),
            }
        } else {
            Msg::IssueFailed {
                generation,
                env,
                finding: crate::core::Finding::new(crate::core::Text::new("acme-error-connection")),
                kind: crate::core::model::certificate::FailureKind::Validation,
            }
        }
    }
}
