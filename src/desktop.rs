//! The desktop services the views ask for, done by the system: file dialogs (rfd), the
//! clipboard (arboard) and opening files with their default program (open).

use briefing_ui::clipboard::{ClipboardContent, ClipboardSource};
use briefing_ui::file_dialog::{FilePicker, PickRequest, Purpose};
use briefing_ui::opener::Opener;
use std::path::{Path, PathBuf};

/// The system's dialog, through rfd.
pub struct NativePicker;

impl FilePicker for NativePicker {
    fn pick(&self, request: &PickRequest) -> Option<PathBuf> {
        let dialog = rfd::FileDialog::new()
            .set_title(request.purpose.title())
            .set_directory(&request.folder);
        match request.purpose {
            Purpose::Open => dialog
                .add_filter(
                    "Notebooks and articles",
                    &["ron", "txt", "md", "markdown", "html", "htm", "pdf"],
                )
                .add_filter("All files", &["*"])
                .pick_file(),
            Purpose::NewFromArticle | Purpose::ReplaceArticle | Purpose::AddSources => dialog
                .add_filter("Articles", &ARTICLES)
                .add_filter("All files", &["*"])
                .pick_file(),
            Purpose::SaveNotebook => dialog
                .add_filter("Notebooks", &["ron"])
                .set_file_name(request.file_name.clone().unwrap_or_default())
                .save_file(),
            Purpose::Export(format) => dialog
                .add_filter(format.extension(), &[format.extension()])
                .set_file_name(request.file_name.clone().unwrap_or_default())
                .save_file(),
        }
    }

    fn pick_many(&self, request: &PickRequest) -> Vec<PathBuf> {
        rfd::FileDialog::new()
            .set_title(request.purpose.title())
            .set_directory(&request.folder)
            .add_filter("Articles", &ARTICLES)
            .add_filter("All files", &["*"])
            .pick_files()
            .unwrap_or_default()
    }
}

/// The article formats the importer reads.
const ARTICLES: [&str; 6] = ["txt", "md", "markdown", "html", "htm", "pdf"];

/// The system clipboard (arboard).
pub struct SystemClipboard;

impl ClipboardSource for SystemClipboard {
    fn read(&mut self) -> ClipboardContent {
        let Ok(mut clipboard) = arboard::Clipboard::new() else {
            return ClipboardContent::default();
        };
        let html = clipboard.get().html().ok().filter(|h| !h.trim().is_empty());
        let text = clipboard.get().text().ok().filter(|t| !t.trim().is_empty());
        ClipboardContent { html, text }
    }
}

/// The system's default programs (open).
pub struct SystemOpener;

impl Opener for SystemOpener {
    fn open(&self, path: &Path) -> Result<(), String> {
        open::that_detached(path).map_err(|e| e.to_string())
    }
}
