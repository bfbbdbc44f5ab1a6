//! Reading an article from the clipboard, behind a trait so tests can fill it.

/// What the clipboard holds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ClipboardContent {
    /// HTML, when the copy came from a web page or a rich-text editor.
    pub html: Option<String>,
    /// Plain text.
    pub text: Option<String>,
}

/// A clipboard to read from.
pub trait ClipboardSource {
    /// The clipboard's current content (empty when there is none or it cannot be read).
    fn read(&mut self) -> ClipboardContent;
}

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
