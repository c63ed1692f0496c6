//! How long a final check gives the proxy to serve a newly installed
//! certificate: one rule for the wizard's go-live and for `renew` /
//! `certificate --install`, so the unattended path is judged as the
//! wizard is.
//!
//! It is a deadline per address, not a pause: the check looks every half
//! second and stops as soon as the new certificate is served, so a proxy
//! that is quick costs nothing. Traefik reloads its file provider at most
//! every two seconds (`providersThrottleDuration`); right after a restart
//! it listens before that first load and answers with its default
//! certificate meanwhile. Twenty seconds is ten such rounds. A longer
//! deadline makes no correct setup pass that fails now, but it is spent in
//! full on every address that never serves the certificate (a router
//! without hairpin NAT, an address that is not the practice's), by the
//! person in front of the wizard and by the daily timer alike.

use std::time::Duration;

pub const PROXY_SETTLE: Duration = Duration::from_secs(20);
