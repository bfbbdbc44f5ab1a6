//! Briefing Notebook: annotate an article's actors, stakes and risks with evidence, save
//! the notebook as RON, export a one-page brief.
//!
//! The core (`model`, `anchor`, `storage`, `import`) has no egui and no window; `cli`
//! drives it headless; `ui` (feature `gui`) is the desktop app. See ARCHITECTURE.md.

// Nothing that can fail at run time may panic: handle it and say what went wrong.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]
#![forbid(unsafe_code)]

pub mod anchor;
pub mod assets;
pub mod brief;
pub mod checks;
pub mod cli;
pub mod export;
pub mod import;
pub mod mentions;
pub mod model;
pub mod search;
pub mod sentences;
pub mod storage;
pub mod suggest;
#[cfg(feature = "gui")]
pub mod ui;
