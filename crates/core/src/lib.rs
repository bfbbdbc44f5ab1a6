//! Briefing Notebook's core: the notebook model, evidence anchoring, storage, import, the
//! brief and its export, checks and suggestions. No window, no egui, no command line: the
//! views (`briefing-ui`) and the binary (`briefing-notebook`) sit on top. See ARCHITECTURE.md.

// Nothing that can fail at run time may panic: handle it and say what went wrong.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]
#![forbid(unsafe_code)]

pub mod anchor;
pub mod assets;
pub mod brief;
pub mod checks;
pub mod dates;
pub mod diff;
pub mod export;
pub mod import;
pub mod mentions;
pub mod merge;
pub mod model;
pub mod recognise;
pub mod search;
pub mod sentences;
pub mod session;
pub mod storage;
pub mod suggest;
