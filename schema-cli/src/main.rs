//! `cargo-schema`: the command-line face of the schema contract checker. Works both as
//! `cargo schema <command>` (cargo passes `schema` as the first argument) and as
//! `cargo-schema <command>`.

mod inspect;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "cargo-schema", bin_name = "cargo schema", version, about = "Schema contract checks across engine tracks")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Replay migrations offline and print the resulting catalog.
    Inspect(inspect::InspectArgs),
}

fn main() -> ExitCode {
    let mut args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if args.get(1).is_some_and(|a| a == "schema") {
        args.remove(1);
    }
    let cli = Cli::parse_from(args);
    match cli.command {
        Command::Inspect(args) => inspect::run(&args),
    }
}
