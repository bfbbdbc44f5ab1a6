//! Briefing Notebook's views, in egui alone (no window system, no native dialogs: the
//! binary supplies those through [`file_dialog::FilePicker`], [`clipboard::ClipboardSource`]
//! and [`opener::Opener`]). Views read the model and push [`command::Command`]s;
//! [`app::BriefingApp`] runs them in one loop: edits on the document, file work
//! through the session (`briefing_core::session`), view changes on the view state.

// Nothing that can fail at run time may panic: handle it and say what went wrong.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]
#![forbid(unsafe_code)]

pub mod app;
pub mod article_view;
pub mod clipboard;
pub mod command;
mod derived;
pub mod file_dialog;
mod file_flow;
pub mod find_bar;
pub mod fonts;
pub mod icons;
pub mod import_text;
pub mod modals;
pub mod opener;
pub mod panes;
pub mod preview;
pub mod recovery_text;
pub mod risk_matrix;
mod shell;
pub mod source_index;
pub mod theme;

pub use app::BriefingApp;
