//! The app as a person uses it, headless (egui_kittest), one module per flow: select and
//! attach, evidence and mentions, create/edit/undo/delete, files (save, reopen, the
//! unsaved-changes prompt, the typed-path fallback, failures), recovery after a crash, new
//! notebooks from a dropped file or the clipboard, reading keys, the risk matrix, export,
//! review, and notebooks of several sources. Positions come from the UI
//! (`screen_rect_of_char`, widgets by label) and counts from the notebook, not from the
//! worked example's pixels.

mod conflicts;
mod editing_and_undo;
mod evidence;
mod export;
mod files;
mod new_article;
mod reading;
mod recovery;
mod review;
mod risk_matrix;
mod selection;
mod sources;
mod support;
