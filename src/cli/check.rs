//! `praxis-tls check`: the live checks that change nothing — delegation,
//! DNS, the public address, the firewall — judged by the same core
//! functions the wizard uses. No lock, no journal, nothing written.

use praxis_tls::core::library::dns::{classify, delegation_outcome};
use praxis_tls::core::library::firewall::plan_for;
use praxis_tls::core::library::reach::{AddressPlan, compare_a};
use praxis_tls::core::library::router_guide;
use praxis_tls::core::model::check::{CheckId, Finding, Outcome, Text};
use praxis_tls::core::model::network::WINDOW_SECS;
use praxis_tls::core::{Lang, library::domain};
use praxis_tls::i18n;
use praxis_tls::io::{dns, firewall, public_ip};
use praxis_tls::ui::Theme;
use serde_json::json;

use super::args::CheckArgs;
use super::{Cli, exit, read_state, say};

/// The public address against the A records, as the wizard judges it:
/// no address because the services could not be asked is a warning, not
/// "no public IPv4".
fn public_outcome(
    a: &[std::net::Ipv4Addr],
    found: &public_ip::PublicAddrs,
    plan: AddressPlan,
) -> Outcome {
    let mut errors = found.v4.errors.clone();
    errors.extend(found.v6.errors.iter().cloned());
    if found.v4.addr.is_none() && !errors.is_empty() {
        return Outcome::Warning(
            Finding::new(Text::new("ports-public-unknown"))
                .fix(Text::new("ports-public-unknown-fix"))
                .detail(errors.join("; ")),
        );
    }
    compare_a(a, found.v4.addr, None, plan)
}

pub(super) fn run(cli: &Cli, lang: Lang, a: &CheckArgs) -> u8 {
    let saved = read_state(&cli.state_dir).unwrap_or_else(|t| {
        say(lang, &t);
        None
    });
    let input = a.domain.clone().or_else(|| {
        saved
            .as_ref()
            .and_then(|w| w.domain.parsed.as_ref().map(|d| d.ascii.clone()))
    });
    let Some(input) = input else {
        say(lang, &Text::new("cli-check-no-domain"));
        return exit::USAGE;
    };
    let name = match domain::parse(&input) {
        Ok(n) => n,
        Err(e) => {
            say(lang, &e.text());
            return exit::USAGE;
        }
    };
    let plan = saved
        .as_ref()
        .map(|w| w.network.address_plan)
        .unwrap_or_default();
    let rt = match super::runtime() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{e}");
            return exit::FAILED;
        }
    };
    let cfg = cli.io_config();
    let (delegation, report, found, detection) = rt.block_on(async {
        tokio::join!(
            dns::check_delegation(&cfg.dns, &name.registered),
            dns::resolve(&cfg.dns, &name.ascii),
            public_ip::discover(&cfg.discovery),
            firewall::detect(&cfg.firewall),
        )
    });

    let mut results: Vec<(CheckId, Outcome)> = vec![(
        CheckId::Delegation,
        delegation_outcome(&name.registered, &delegation),
    )];
    results.extend(classify(&report));
    let a_records = report.a.clone().unwrap_or_default();
    results.push((CheckId::PublicIp, public_outcome(&a_records, &found, plan)));
    let fw = plan_for(&detection, cli.responder_port, WINDOW_SECS);
    let commands: Vec<String> = fw.open.iter().map(|c| c.display()).collect();
    results.push((
        CheckId::FirewallRule,
        Outcome::Passed(Finding::new(fw.describe.clone()).detail(commands.join("\n"))),
    ));

    // The fixes name the menus of the router the wizard recognised.
    let router = saved
        .as_ref()
        .map(|w| router_guide::menu_key(&w.network.router))
        .unwrap_or(router_guide::menu_key(&Default::default()));
    let results: Vec<(CheckId, Outcome)> = results
        .into_iter()
        .map(|(id, o)| (id, router_guide::outcome_naming_menus(o, router)))
        .collect();
    let failed = results.iter().any(|(_, o)| matches!(o, Outcome::Failed(_)));
    if a.json {
        print_json(lang, &name.ascii, &results, failed);
    } else {
        print_text(lang, &name.ascii, &results);
    }
    if failed { exit::FAILED } else { exit::OK }
}

fn parts(o: &Outcome) -> (&'static str, &Finding) {
    match o {
        Outcome::Passed(f) => ("passed", f),
        Outcome::Warning(f) => ("warning", f),
        Outcome::Failed(f) => ("failed", f),
    }
}

fn print_text(lang: Lang, name: &str, results: &[(CheckId, Outcome)]) {
    let theme = Theme::from_env();
    println!(
        "{}",
        i18n::text(lang, &Text::new("cli-check-title").arg("domain", name))
    );
    for (id, o) in results {
        let (state, f) = parts(o);
        let symbol = match state {
            "passed" => theme.passed(),
            "warning" => theme.warning(),
            _ => theme.failed(),
        };
        println!(
            "{symbol} {}: {}",
            i18n::tr(lang, id.key()),
            i18n::text(lang, &f.summary)
        );
        for t in f
            .more
            .iter()
            .chain(f.fix.iter().filter(|_| state != "passed"))
        {
            println!("    {}", i18n::text(lang, t));
        }
    }
}

fn print_json(lang: Lang, name: &str, results: &[(CheckId, Outcome)], failed: bool) {
    let checks: Vec<serde_json::Value> = results
        .iter()
        .map(|(id, o)| {
            let (state, f) = parts(o);
            json!({
                "id": id,
                "title": i18n::tr(lang, id.key()),
                "state": state,
                "summary": i18n::text(lang, &f.summary),
                "summary_id": f.summary.id,
                "fix": f.fix.as_ref().map(|t| i18n::text(lang, t)),
                "more": f.more.iter().map(|t| i18n::text(lang, t)).collect::<Vec<_>>(),
                "detail": f.detail,
            })
        })
        .collect();
    let out = json!({
        "domain": name,
        "ok": !failed,
        "checks": checks,
    });
    println!(
        "{}",
        serde_json::to_string_pretty(&out).unwrap_or_else(|_| out.to_string())
    );
}
