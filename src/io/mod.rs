pub mod acme;
pub mod cert_import;
pub mod self_signed;
