pub mod dns;
pub mod elexis;
pub mod firewall;
pub mod public_ip;
pub mod responder;
