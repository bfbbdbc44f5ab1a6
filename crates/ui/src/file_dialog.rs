//! File dialogs, off the UI thread, behind a trait the binary (rfd) and tests answer.
//!
//! With no xdg-desktop-portal and no zenity, the system picker returns "nothing" at once, exactly like a
//! cancel. A "cancel" faster than a person can click means no dialog was shown: the app
//! then says so and asks for a typed path instead of looking like it ignored the click.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

/// A "cancel" quicker than this means the dialog never appeared.
const NO_DIALOG_THRESHOLD: Duration = Duration::from_millis(250);

/// What a file is being chosen for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Open a notebook or an article.
    Open,
    /// Choose an article to start a new notebook from.
    NewFromArticle,
    /// Choose where to save the notebook.
    SaveNotebook,
    /// Choose where to write an exported brief.
    Export(briefing_core::export::Format),
    /// Choose a corrected version of the article.
    ReplaceArticle,
    /// Choose articles (several at once) to add as sources.
    AddSources,
}

impl Purpose {
    /// The dialog's title.
    pub fn title(self) -> &'static str {
        match self {
            Purpose::Open => "Open a notebook or article",
            Purpose::NewFromArticle => "New notebook from an article",
            Purpose::SaveNotebook => "Save notebook as",
            Purpose::Export(briefing_core::export::Format::Pdf) => "Export the brief as PDF",
            Purpose::Export(briefing_core::export::Format::Html) => "Export the brief as HTML",
            Purpose::Export(briefing_core::export::Format::Markdown) => {
                "Export the brief as Markdown"
            }
            Purpose::Export(briefing_core::export::Format::W3c) => {
                "Export the evidence as W3C Web Annotations"
            }
            Purpose::Export(briefing_core::export::Format::Csv) => "Export the evidence as CSV",
            Purpose::ReplaceArticle => "Replace the article with a corrected version",
            Purpose::AddSources => "Add articles as sources",
        }
    }

    /// True when the dialog lets the user choose several files.
    pub fn picks_many(self) -> bool {
        self == Purpose::AddSources
    }
}

/// A request for a path.
#[derive(Clone, Debug)]
pub struct PickRequest {
    /// Why.
    pub purpose: Purpose,
    /// Folder to start in.
    pub folder: PathBuf,
    /// Suggested file name (for saving).
    pub file_name: Option<String>,
}

/// Shows a file dialog and blocks until the user answers (runs on a worker thread).
pub trait FilePicker: Send + Sync + 'static {
    /// The chosen path, or `None` on cancel (or when no dialog could be shown).
    fn pick(&self, request: &PickRequest) -> Option<PathBuf>;

    /// The chosen paths for a dialog that lets the user choose several (empty on cancel);
    /// by default, the one path [`FilePicker::pick`] gives.
    fn pick_many(&self, request: &PickRequest) -> Vec<PathBuf> {
        self.pick(request).into_iter().collect()
    }
}

/// How a dialog ended.
#[derive(Clone, Debug, PartialEq)]
pub enum PickOutcome {
    /// The user chose a path.
    Chosen(PathBuf),
    /// The user chose several paths (a dialog that allows it).
    ChosenMany(Vec<PathBuf>),
    /// The user cancelled.
    Cancelled,
    /// No dialog could be shown.
    Unavailable,
}

/// Runs pickers on worker threads and hands their answers back to the UI thread.
pub struct Dialogs {
    picker: std::sync::Arc<dyn FilePicker>,
    tx: Sender<(Purpose, PickOutcome)>,
    rx: Receiver<(Purpose, PickOutcome)>,
    open: Option<Purpose>,
    /// Set once a dialog failed to appear: later requests go straight to the typed path.
    pub unavailable: bool,
}

impl Dialogs {
    /// Dialogs shown by `picker`.
    pub fn new(picker: impl FilePicker) -> Self {
        let (tx, rx) = channel();
        Self {
            picker: std::sync::Arc::new(picker),
            tx,
            rx,
            open: None,
            unavailable: false,
        }
    }

    /// True while a dialog is open (the app keeps running; the result arrives later).
    pub fn is_open(&self) -> bool {
        self.open.is_some()
    }

    /// Starts a dialog. `wake` is called when it closes (to repaint the UI).
    pub fn request(&mut self, request: PickRequest, wake: impl Fn() + Send + 'static) {
        if self.open.is_some() {
            return;
        }
        self.open = Some(request.purpose);
        let picker = self.picker.clone();
        let tx = self.tx.clone();
        std::thread::spawn(move || {
            let started = Instant::now();
            let many = request.purpose.picks_many();
            let mut chosen = if many {
                picker.pick_many(&request)
            } else {
                picker.pick(&request).into_iter().collect()
            };
            let outcome = match chosen.pop() {
                None if started.elapsed() < NO_DIALOG_THRESHOLD => PickOutcome::Unavailable,
                None => PickOutcome::Cancelled,
                Some(last) if many => {
                    chosen.push(last);
                    PickOutcome::ChosenMany(chosen)
                }
                Some(path) => PickOutcome::Chosen(path),
            };
            let _ = tx.send((request.purpose, outcome));
            wake();
        });
    }

    /// The answer of a dialog that has closed since the last call, if any.
    pub fn poll(&mut self) -> Option<(Purpose, PickOutcome)> {
        let answer = self.rx.try_recv().ok()?;
        self.open = None;
        if answer.1 == PickOutcome::Unavailable {
            self.unavailable = true;
        }
        Some(answer)
    }
}

/// Adds `extension` to a save path that has none.
pub fn with_extension(path: &Path, extension: &str) -> PathBuf {
    if path.extension().is_none() {
        path.with_extension(extension)
    } else {
        path.to_path_buf()
    }
}
