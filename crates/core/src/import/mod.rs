//! Turns an article file into an [`Article`]: decoded, normalised once, titled.

mod decode;
pub mod html;
mod markdown;
pub mod pdf;

use crate::model::Article;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// Largest article file imported. Far above any real article or report; keeps a wrong
/// file (a disk image, a video) from exhausting memory.
pub const MAX_ARTICLE_BYTES: u64 = 64 * 1024 * 1024;

/// Longest first line still taken as a title.
const MAX_TITLE_CHARS: usize = 200;

/// Why an article could not be imported, one variant per kind of problem, so callers can
/// react to each (the app gives OCR advice for a scanned PDF). Each message is a sentence
/// for the user that says what to do, without the file's name: [`import_file`] adds it
/// ([`FileImportError`]).
#[derive(Debug, Error)]
pub enum ImportError {
    /// The file could not be read (missing, no permission...).
    #[error("cannot read: {0}")]
    Unreadable(#[source] std::io::Error),
    /// The file is larger than [`MAX_ARTICLE_BYTES`].
    #[error(
        "the file is {} MB; articles larger than {} MB are not imported (is this the right file?)",
        size / 1_000_000,
        limit / 1_000_000
    )]
    TooLarge {
        /// The file's size in bytes.
        size: u64,
        /// The largest size imported, in bytes.
        limit: u64,
    },
    /// Zero bytes.
    #[error("the file is empty")]
    Empty,
    /// Only white space (or only markup) once decoded.
    #[error("the file has no text in it")]
    NoText,
    /// NUL bytes (or, in UTF-16 text, NUL characters): not a text file.
    #[error("{}", if *in_utf16 {
        "this looks like a binary file, not text (it contains NUL characters)"
    } else {
        "this looks like a binary file, not text (it contains NUL bytes); import a .txt or .md article"
    })]
    Binary {
        /// True when the text was UTF-16 (with a byte order mark).
        in_utf16: bool,
    },
    /// Neither UTF-8 nor UTF-16 with a byte order mark.
    #[error(
        "the text is not UTF-8 (invalid byte at offset {offset}); save it as UTF-8 and import it again"
    )]
    NotUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// UTF-16 text with an odd number of bytes.
    #[error("the UTF-16 text is cut off (odd number of bytes)")]
    TruncatedUtf16,
    /// UTF-16 text with an unpaired surrogate.
    #[error("the UTF-16 text is damaged (unpaired surrogate)")]
    DamagedUtf16,
    /// A web page in which no article text was found.
    #[error(
        "no article text was found in this page (is it the article itself, saved as a complete page?)"
    )]
    NoArticleInPage,
    /// Not a PDF the reader can open.
    #[error("this is not a PDF that can be read ({0})")]
    NotPdf(String),
    /// A password-protected PDF.
    #[error("this PDF is encrypted; save an unprotected copy and import that")]
    EncryptedPdf,
    /// The PDF opened but its text could not be extracted.
    #[error("the PDF's text could not be read ({0})")]
    PdfText(String),
    /// The PDF's structure made the reader fail outright.
    #[error("the PDF's structure is damaged or unsupported; try printing it to a new PDF")]
    DamagedPdf,
    /// A PDF of scanned pages: no text layer at all.
    #[error(
        "this PDF has no text layer (it is probably scanned pages); run it through OCR, then import the result"
    )]
    ScannedPdf,
}

/// An [`ImportError`] with the file it happened to: "notes.txt: the file is empty".
#[derive(Debug, Error)]
#[error("{path}: {error}")]
pub struct FileImportError {
    /// The file.
    pub path: PathBuf,
    /// What went wrong; match on it to react to a kind of problem.
    #[source]
    pub error: ImportError,
}

/// Formats the importer understands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArticleFormat {
    /// Plain text.
    Text,
    /// Markdown: the text without markup, headings kept as paragraphs.
    Markdown,
    /// A saved web page: its main text and metadata.
    Html,
    /// A PDF report's text layer.
    Pdf,
}

impl ArticleFormat {
    /// Picks the format from a file name (unknown extensions are read as plain text).
    pub fn from_path(path: &Path) -> Self {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("md" | "markdown") => ArticleFormat::Markdown,
            Some("html" | "htm" | "xhtml") => ArticleFormat::Html,
            Some("pdf") => ArticleFormat::Pdf,
            _ => ArticleFormat::Text,
        }
    }
}

/// Reads and imports an article file.
pub fn import_file(path: &Path) -> Result<Article, FileImportError> {
    let in_file = |error| FileImportError {
        path: path.to_path_buf(),
        error,
    };
    let size = std::fs::metadata(path)
        .map_err(|e| in_file(ImportError::Unreadable(e)))?
        .len();
    if size > MAX_ARTICLE_BYTES {
        return Err(in_file(ImportError::TooLarge {
            size,
            limit: MAX_ARTICLE_BYTES,
        }));
    }
    let bytes = std::fs::read(path).map_err(|e| in_file(ImportError::Unreadable(e)))?;
    let mut article = import_bytes(&bytes, ArticleFormat::from_path(path)).map_err(in_file)?;
    article.imported_from = path.file_name().map(|n| n.to_string_lossy().into_owned());
    if article.title.is_empty() {
        article.title = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
    }
    Ok(article)
}

/// Imports article bytes.
pub fn import_bytes(bytes: &[u8], format: ArticleFormat) -> Result<Article, ImportError> {
    if format == ArticleFormat::Pdf {
        return pdf_article(bytes);
    }
    let decoded = decode::decode_text(bytes)?;
    let text = normalise(&decoded);
    if format == ArticleFormat::Html {
        return html_article(&text);
    }
    let (text, heading) = match format {
        ArticleFormat::Markdown => markdown::to_plain_text(&text),
        _ => (text, None),
    };
    let text = text.trim_end().to_owned();
    if text.trim().is_empty() {
        return Err(ImportError::NoText);
    }
    let title = heading.unwrap_or_else(|| title_from_first_line(&text).unwrap_or_default());
    Ok(Article::new(title, text))
}

/// A PDF's article: its title (from its info, else a short first line) and paragraphs.
fn pdf_article(bytes: &[u8]) -> Result<Article, ImportError> {
    let report = pdf::parse(bytes)?;
    let text = normalise(&report.paragraphs.join("\n"));
    let title = report
        .title
        .clone()
        .filter(|t| text.starts_with(t.as_str()));
    let (title, text) = match (title, report.title) {
        (Some(t), _) => (t, text),
        (None, Some(t)) => (t.clone(), format!("{t}\n{text}")),
        (None, None) => (title_from_first_line(&text).unwrap_or_default(), text),
    };
    let mut article = Article::new(title, text.trim_end().to_owned());
    article.author = report.author;
    Ok(article)
}

/// A web page's article: the headline as the first line, then its paragraphs.
fn html_article(html: &str) -> Result<Article, ImportError> {
    let page = html::parse(html);
    if page.paragraphs.is_empty() {
        return Err(ImportError::NoArticleInPage);
    }
    let title = page.title.clone().unwrap_or_default();
    let mut text = String::new();
    if !title.is_empty() {
        text.push_str(&title);
        text.push('\n');
    }
    text.push_str(&page.paragraphs.join("\n"));
    let mut article = Article::new(title, text);
    article.publisher = page.publisher;
    article.author = page.author;
    article.published = page.published;
    article.url = page.url;
    Ok(article)
}

/// Line endings to LF and Unicode to NFC (composed: "é" is one char however the source
/// wrote it), done once before any offset is taken. Also drops a leading BOM and leading
/// blank lines.
pub fn normalise(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let text = text.trim_start_matches('\n');
    if unicode_normalization::is_nfc_quick(text.chars()) == unicode_normalization::IsNormalized::Yes
    {
        text.to_owned()
    } else {
        text.nfc().collect()
    }
}

/// The first line, when it reads like a headline: short, and not ending like a sentence.
fn title_from_first_line(text: &str) -> Option<String> {
    let first = text.lines().next()?.trim();
    let looks_like_title = !first.is_empty()
        && first.chars().count() <= MAX_TITLE_CHARS
        && !first.ends_with(['.', ',', ';', ':'])
        && text.lines().nth(1).is_some();
    looks_like_title.then(|| first.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_and_bom_are_normalised_and_title_found() {
        let a = import_bytes(
            "\u{feff}Lavrov’s Tour\r\n\r\nRussia’s minister went.\r\nЛавров.\r\n".as_bytes(),
            ArticleFormat::Text,
        )
        .unwrap();
        assert_eq!(a.title, "Lavrov’s Tour");
        assert_eq!(
            &*a.text,
            "Lavrov’s Tour\n\nRussia’s minister went.\nЛавров."
        );
    }

    #[test]
    fn decomposed_accents_are_composed_once_at_import() {
        let a = import_bytes(
            "Caf\u{65}\u{301} talks\nIn Bishkek.".as_bytes(),
            ArticleFormat::Text,
        )
        .unwrap();
        assert_eq!(a.title, "Café talks");
        assert_eq!(
            a.text.chars().count(),
            "Café talks\nIn Bishkek.".chars().count()
        );
    }

    #[test]
    fn a_sentence_is_not_a_title() {
        let a = import_bytes(b"This is a sentence.\nAnother one.", ArticleFormat::Text).unwrap();
        assert_eq!(a.title, "");
    }

    #[test]
    fn binary_and_empty_files_are_refused_clearly() {
        let elf = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0";
        assert!(matches!(
            import_bytes(elf, ArticleFormat::Text),
            Err(ImportError::Binary { in_utf16: false })
        ));
        assert!(matches!(
            import_bytes(b"  \n\n", ArticleFormat::Text),
            Err(ImportError::NoText)
        ));
        assert!(matches!(
            import_bytes(b"", ArticleFormat::Markdown),
            Err(ImportError::Empty)
        ));
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert!(matches!(
            import_bytes(png, ArticleFormat::Text),
            Err(ImportError::Binary { .. })
        ));
        assert!(matches!(
            import_bytes(
                b"<html><body><nav>Home</nav></body></html>",
                ArticleFormat::Html
            ),
            Err(ImportError::NoArticleInPage)
        ));
    }

    #[test]
    fn import_file_names_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("latin1.txt");
        std::fs::write(&path, b"caf\xe9 au lait").unwrap();
        let err = import_file(&path).unwrap_err();
        assert!(
            matches!(err.error, ImportError::NotUtf8 { offset: 3 }),
            "{err}"
        );
        assert_eq!(err.path, path);
        let message = err.to_string();
        assert!(
            message.starts_with(&path.display().to_string()),
            "{message}"
        );
        assert!(message.contains("UTF-8"), "{message}");

        let missing = dir.path().join("missing.txt");
        let err = import_file(&missing).unwrap_err();
        assert!(matches!(err.error, ImportError::Unreadable(_)), "{err}");
        assert!(
            err.to_string()
                .starts_with(&format!("{}: cannot read: ", missing.display())),
            "{err}"
        );
    }
}
