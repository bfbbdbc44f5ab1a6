//! Briefing Notebook: annotate an article's actors, stakes and risks with evidence, save
//! the notebook as RON, export a one-page brief.
//!
//! The core (`model`, `anchor`, `storage`, `import`) has no egui and no window; `cli`
//! drives it headless; `ui` (feature `gui`) is the desktop app. See ARCHITECTURE.md.

pub mod anchor;
pub mod cli;
pub mod import;
pub mod model;
pub mod search;
pub mod storage;
#[cfg(feature = "gui")]
pub mod ui;
