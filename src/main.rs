//! praxis-tls: with no subcommand, the wizard; subcommands run one part
//! without questions (see `cli`).
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
