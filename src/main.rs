//! `briefing-notebook`: the desktop app with no subcommand, headless work with one.

use briefing_notebook::cli::{self, Cli};
use clap::Parser;
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

#[cfg(feature = "gui")]
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
    match briefing_notebook::ui::run(path) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            complain!("briefing-notebook: cannot open the window: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(not(feature = "gui"))]
fn open_app(_path: Option<std::path::PathBuf>) -> ExitCode {
    complain!("briefing-notebook: built without the `gui` feature; use a subcommand (see --help)");
    ExitCode::FAILURE
}
