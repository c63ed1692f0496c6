//! Pure libraries the steps use: parsers and editors of other programs'
//! files, and the rules about names, addresses, certificates and limits.
//! None of them knows the wizard.

pub mod acme_context;
pub mod acme_errors;
pub mod attempts;
pub mod change_set;
pub mod compose_override;
pub mod compose_ready;
pub mod dns;
pub mod domain;
pub mod domain_spelling;
pub mod express_gateway;
pub mod firewall;
pub mod form_values;
pub mod limits;
pub mod orthanc;
pub mod plain_diff;
pub mod reach;
pub mod renew;
pub mod renewal;
pub mod router_guide;
pub mod schedule;
pub mod settle;
pub mod start;
pub mod status;
pub mod traefik_legacy;
