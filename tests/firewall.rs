//! Firewall windows: the plans as data for every backend, and the nftables
//! window for real inside a network namespace this test creates (never the
//! machine's own firewall; only 127.0.0.1 inside that namespace).

#[path = "support/skip.rs"]
mod skip;

use std::process::Command as Std;
use std::time::{Duration, Instant};

use praxis_tls::core::library::firewall::{
    Backend, Detection, FirewallPlan, InputChain, choose, plan, plan_for,
};
use praxis_tls::io::firewall::{Runner, apply, close, detect, input_chains, remove};

fn all_text(cmds: &[praxis_tls::core::library::firewall::Command]) -> String {
    cmds.iter()
        .map(|c| c.display())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn backend_choice_follows_the_manager_in_charge() {
    let base = Detection {
        nft: true,
        iptables: true,
        systemd_run: true,
        ..Detection::default()
    };
    assert_eq!(
        choose(&Detection {
            firewalld_running: true,
            ufw_active: true,
            ..base.clone()
        }),
        Backend::Firewalld
    );
    assert_eq!(
        choose(&Detection {
            ufw_active: true,
            ..base.clone()
        }),
        Backend::Ufw
    );
    assert_eq!(choose(&base), Backend::Nftables);
    let legacy = Detection {
        iptables: true,
        iptables_input_drops: true,
        ..Detection::default()
    };
    assert_eq!(choose(&legacy), Backend::Iptables);
    assert_eq!(choose(&Detection::default()), Backend::None);
}

#[test]
fn nftables_plan_is_a_timed_set_element() {
    let p = plan(Backend::Nftables, &Detection::default(), 28402, 900);
    assert_eq!(p.open.len(), 1);
    let script = p.open[0].stdin.clone().unwrap();
    assert_eq!(p.open[0].program, "nft");
    for needed in [
        "table inet praxis_tls {",
        "set acme_window { type inet_service; flags timeout; }",
        "type filter hook input priority filter - 10; policy accept;",
        "tcp dport @acme_window accept",
        "tcp dport 28402 drop",
        "add element inet praxis_tls acme_window { 28402 timeout 900s }",
    ] {
        assert!(script.contains(needed), "missing {needed:?} in\n{script}");
    }
    assert!(all_text(&p.close).contains("flush set inet praxis_tls acme_window"));
    assert!(all_text(&p.remove).contains("delete table inet praxis_tls"));
    assert_eq!(p.describe.id, "firewall-plan-nftables");
    assert!(
        p.describe
            .args
            .contains(&("minutes".into(), praxis_tls::core::Arg::Num(15)))
    );
}

#[test]
fn nftables_plan_opens_a_dropping_foreign_chain_too() {
    let chain = |has_our_rule| InputChain {
        family: "inet".into(),
        table: "filter".into(),
        chain: "input".into(),
        drops: true,
        has_our_rule,
    };
    let d = Detection {
        nft: true,
        nft_input_chains: vec![chain(false)],
        ..Detection::default()
    };
    let p = plan_for(&d, 28402, 120);
    let script = p.open[0].stdin.clone().unwrap();
    assert!(
        script
            .contains("add set inet filter praxis_tls_acme { type inet_service; flags timeout; }")
    );
    assert!(script.contains(
        "insert rule inet filter input tcp dport @praxis_tls_acme accept comment \"praxis-tls\""
    ));
    assert!(script.contains("add element inet filter praxis_tls_acme { 28402 timeout 120s }"));
    assert!(all_text(&p.close).contains("flush set inet filter praxis_tls_acme"));
    assert_eq!(p.describe.id, "firewall-plan-nftables-foreign");
    // A second window does not stack a second rule.
    let d = Detection {
        nft: true,
        nft_input_chains: vec![chain(true)],
        ..Detection::default()
    };
    assert!(
        !plan_for(&d, 28402, 120).open[0]
            .stdin
            .clone()
            .unwrap()
            .contains("insert rule")
    );
}

#[test]
fn firewalld_ufw_iptables_plans() {
    let fw = plan(Backend::Firewalld, &Detection::default(), 28402, 900);
    assert_eq!(
        all_text(&fw.open),
        "firewall-cmd --add-port=28402/tcp --timeout=900s"
    );
    assert_eq!(all_text(&fw.close), "firewall-cmd --remove-port=28402/tcp");

    let ufw = plan(Backend::Ufw, &Detection::default(), 28402, 900);
    let open = all_text(&ufw.open);
    // The timer that takes the rule away is scheduled before the rule.
    let timer = open
        .find("systemd-run --unit=praxis-tls-acme-28402 --collect --on-active=900s")
        .unwrap();
    let allow = open
        .find("ufw allow 28402/tcp comment praxis-tls-acme")
        .unwrap();
    assert!(timer < allow, "{open}");
    assert!(open.contains("ufw delete allow 28402/tcp"));
    let close = all_text(&ufw.close);
    assert!(close.contains("systemctl stop praxis-tls-acme-28402.timer"));
    assert!(close.contains("ufw delete allow 28402/tcp"));

    let ipt = plan(Backend::Iptables, &Detection::default(), 28402, 60);
    let open = all_text(&ipt.open);
    let timer = open.find("systemd-run").unwrap();
    let insert = open.find("iptables -I INPUT -p tcp --dport 28402").unwrap();
    assert!(timer < insert, "{open}");
    assert!(open.contains("ip6tables -I INPUT"));
    assert!(all_text(&ipt.close).contains("iptables -D INPUT -p tcp --dport 28402"));

    let none = plan(Backend::None, &Detection::default(), 28402, 60);
    assert!(none.open.is_empty() && none.close.is_empty());
    assert_eq!(none.describe.id, "firewall-plan-none");
}

#[test]
fn foreign_input_chains_are_read_from_nft_json() {
    let json = r#"{"nftables":[{"metainfo":{"version":"1.0.6"}},
      {"chain":{"family":"inet","table":"filter","name":"input","handle":1,"type":"filter","hook":"input","prio":0,"policy":"accept"}},
      {"chain":{"family":"inet","table":"filter","name":"forward","handle":2,"type":"filter","hook":"forward","prio":0,"policy":"drop"}},
      {"chain":{"family":"ip","table":"filter","name":"INPUT","handle":1,"type":"filter","hook":"input","prio":0,"policy":"drop"}},
      {"chain":{"family":"inet","table":"firewalld","name":"filter_INPUT","handle":1,"type":"filter","hook":"input","prio":10,"policy":"accept"}},
      {"chain":{"family":"inet","table":"praxis_tls","name":"input","handle":1,"type":"filter","hook":"input","prio":-10,"policy":"accept"}},
      {"rule":{"family":"inet","table":"filter","chain":"input","handle":5,"expr":[{"match":{"op":"==","left":{"payload":{"protocol":"tcp","field":"dport"}},"right":22}},{"accept":null}]}},
      {"rule":{"family":"inet","table":"filter","chain":"input","handle":6,"comment":"praxis-tls","expr":[{"accept":null}]}},
      {"rule":{"family":"inet","table":"filter","chain":"input","handle":7,"expr":[{"drop":null}]}}
    ]}"#;
    let chains = input_chains(json);
    assert_eq!(chains.len(), 1, "{chains:?}");
    let c = &chains[0];
    assert_eq!(
        (c.family.as_str(), c.table.as_str(), c.chain.as_str()),
        ("inet", "filter", "input")
    );
    assert!(c.drops, "a drop rule counts like a drop policy");
    assert!(c.has_our_rule);
    assert!(input_chains("not json").is_empty());
}

/// A network namespace deleted when the test ends, however it ends.
struct Netns(String);

impl Netns {
    fn new() -> Option<Netns> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .subsec_nanos();
        let name = format!("praxis-tls-test-{}-{nanos:x}", std::process::id());
        let ok = Std::new("ip")
            .args(["netns", "add", &name])
            .status()
            .ok()?
            .success();
        ok.then_some(Netns(name))
    }

    fn exec(&self, args: &[&str]) -> std::process::Output {
        Std::new("ip")
            .args(["netns", "exec", &self.0])
            .args(args)
            .output()
            .unwrap()
    }

    fn set(&self) -> String {
        let out = self.exec(&["nft", "list", "set", "inet", "praxis_tls", "acme_window"]);
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Connects to 127.0.0.1:port inside the namespace: "open", "refused"
    /// or "dropped" (no answer within a second).
    fn connect(&self, port: u16) -> String {
        let script = format!(
            "import socket\ns=socket.socket()\ns.settimeout(1)\n\
             try:\n  s.connect(('127.0.0.1',{port}))\n  print('open')\n\
             except ConnectionRefusedError:\n  print('refused')\n\
             except OSError:\n  print('dropped')\n"
        );
        let out = self.exec(&["python3", "-c", &script]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }
}

impl Drop for Netns {
    fn drop(&mut self) {
        let _ = Std::new("ip").args(["netns", "delete", &self.0]).status();
    }
}

#[tokio::test]
async fn nftables_window_in_a_namespace() {
    if !nix::unistd::geteuid().is_root() {
        skip::skipped("network namespaces need root");
        return;
    }
    let ns = Netns::new().expect("ip netns add");
    assert!(ns.exec(&["ip", "link", "set", "lo", "up"]).status.success());
    let runner = Runner::in_netns(&ns.0);

    let d = detect(&runner).await;
    assert!(d.nft, "nft must be installed (Debian package nftables)");
    assert!(
        d.nft_input_chains.is_empty(),
        "a fresh namespace has no rules"
    );
    let p: FirewallPlan = plan(Backend::Nftables, &d, 28402, 2);

    // A listener inside the namespace stands in for the responder.
    let mut listener = Std::new("ip")
        .args(["netns", "exec", &ns.0, "python3", "-c"])
        .arg("import socket,time\ns=socket.socket()\ns.setsockopt(socket.SOL_SOCKET,socket.SO_REUSEADDR,1)\ns.bind(('127.0.0.1',28402))\ns.listen(16)\ntime.sleep(30)\n")
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(5);
    while ns.connect(28402) != "open" {
        assert!(Instant::now() < deadline, "listener did not start");
        std::thread::sleep(Duration::from_millis(100));
    }

    apply(&p, &runner).await.unwrap();
    assert!(ns.set().contains("28402 timeout 2s"), "{}", ns.set());
    assert_eq!(ns.connect(28402), "open", "accepted during the window");

    // The element expires by itself: nothing has to close it.
    let deadline = Instant::now() + Duration::from_secs(6);
    while ns.set().contains("28402") {
        assert!(
            Instant::now() < deadline,
            "element did not expire: {}",
            ns.set()
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    assert_eq!(ns.connect(28402), "dropped", "dropped after the window");

    // Opening twice is fine, closing early empties the set.
    apply(&p, &runner).await.unwrap();
    apply(&p, &runner).await.unwrap();
    assert!(ns.set().contains("28402"));
    close(&p, &runner).await.unwrap();
    assert!(!ns.set().contains("28402"), "{}", ns.set());
    assert_eq!(ns.connect(28402), "dropped");
    close(&p, &runner).await.unwrap();

    remove(&p, &runner).await.unwrap();
    let rules = ns.exec(&["nft", "list", "ruleset"]);
    assert!(!String::from_utf8_lossy(&rules.stdout).contains("praxis_tls"));
    assert_eq!(ns.connect(28402), "open", "nothing of ours is left");
    let _ = listener.kill();
    let _ = listener.wait();
}

#[tokio::test]
async fn foreign_dropping_table_gets_its_own_window() {
    if !nix::unistd::geteuid().is_root() {
        skip::skipped("network namespaces need root");
        return;
    }
    let ns = Netns::new().expect("ip netns add");
    assert!(ns.exec(&["ip", "link", "set", "lo", "up"]).status.success());
    // A hand-written ruleset that drops everything new on input.
    let conf = "table inet filter {\n chain input {\n  type filter hook input priority filter; policy drop;\n  ct state established,related accept\n }\n}\n";
    let out = Std::new("ip")
        .args(["netns", "exec", &ns.0, "nft", "-f", "-"])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            use std::io::Write;
            c.stdin.take().unwrap().write_all(conf.as_bytes())?;
            c.wait()
        })
        .unwrap();
    assert!(out.success());
    let runner = Runner::in_netns(&ns.0);
    let d = detect(&runner).await;
    assert_eq!(d.nft_input_chains.len(), 1, "{d:?}");
    let p = plan_for(&d, 28402, 30);
    apply(&p, &runner).await.unwrap();
    let listed = ns.exec(&["nft", "list", "set", "inet", "filter", "praxis_tls_acme"]);
    assert!(String::from_utf8_lossy(&listed.stdout).contains("28402"));
    // The rule is found again, so a second plan does not insert it twice.
    let d2 = detect(&runner).await;
    assert!(d2.nft_input_chains[0].has_our_rule, "{d2:?}");
    close(&p, &runner).await.unwrap();
    let listed = ns.exec(&["nft", "list", "set", "inet", "filter", "praxis_tls_acme"]);
    assert!(!String::from_utf8_lossy(&listed.stdout).contains("28402"));
}
