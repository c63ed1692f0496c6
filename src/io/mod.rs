pub mod dns;
pub mod elexis;
