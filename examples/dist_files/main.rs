//! Writes the command line's man pages and shell completions, generated from its clap
//! definitions (`Cli` in `src/cli/mod.rs`, compiled in here from the same file the binary
//! compiles, so a subcommand added there is documented on the next run):
//!
//! ```sh
//! cargo run --example dist_files            # into target/dist
//! cargo run --example dist_files -- OUT_DIR
//! ```
//!
//! `cargo deb` packages them from `target/dist` (`[package.metadata.deb]` in Cargo.toml).
//! An example rather than part of the binary: clap_mangen and clap_complete are
//! dev-dependencies, so the release build never compiles them (ARCHITECTURE.md).

// The subcommands' code comes along with their definitions; only `Cli` is used here.
#[allow(dead_code)]
#[path = "../../src/cli/mod.rs"]
mod cli;
mod generate;

use clap::CommandFactory;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Where the files go unless told otherwise, relative to the repository; cargo-deb reads
/// them from there (it moves only `target/release/` paths to `CARGO_TARGET_DIR`).
const DEFAULT_DIR: &str = "target/dist";

fn main() -> ExitCode {
    let out = match std::env::args_os().nth(1) {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join(DEFAULT_DIR),
    };
    match generate::write_all(cli::Cli::command(), &out) {
        Ok(files) => {
            for file in files {
                println!("{}", file.display());
            }
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("dist_files: {message}");
            ExitCode::FAILURE
        }
    }
}
