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

/// No clipboard at all (headless use): always empty.
pub struct NoClipboard;

impl ClipboardSource for NoClipboard {
    fn read(&mut self) -> ClipboardContent {
        ClipboardContent::default()
    }
}
