//! `briefing-notebook`: the desktop app with no subcommand, headless work with one.

// Nothing that can fail at run time may panic: handle it and say what went wrong.
#![deny(clippy::unwrap_used, clippy::expect_used)]
#![forbid(unsafe_code)]

mod cli;
mod desktop;
mod window;

use clap::Parser;
use cli::Cli;
use std::process::ExitCode;

/// One line on stderr; unlike `eprintln!`, never panics when stderr cannot be written.
macro_rules! complain {
    ($($arg:tt)*) => {{
        use std::io::Write;
        let _ = writeln!(std::io::stderr().lock(), $($arg)*);
    }};
}

fn main() -> ExitCode {
    let args = Cli::parse();
    match args.command {
        Some(command) => cli::run(command),
        None => open_app(args.path),
    }
}

fn open_app(path: Option<std::path::PathBuf>) -> ExitCode {
    let has_display = ["DISPLAY", "WAYLAND_DISPLAY", "WAYLAND_SOCKET"]
        .iter()
        .any(|v| std::env::var_os(v).is_some_and(|s| !s.is_empty()));
    if cfg!(target_os = "linux") && !has_display {
        complain!(
            "briefing-notebook: no display (DISPLAY and WAYLAND_DISPLAY are unset): the app needs a desktop session; for headless work use a subcommand (see --help)"
        );
        return ExitCode::FAILURE;
    }
    match window::run(path) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            complain!("briefing-notebook: cannot open the window: {e}");
            ExitCode::FAILURE
        }
    }
}
