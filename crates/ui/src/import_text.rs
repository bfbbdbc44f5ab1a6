//! What the app says when an article cannot be imported: the importer's own sentence,
//! except where the app has better advice for that kind of problem.

use briefing_core::import::{FileImportError, ImportError};
use briefing_core::session::SessionError;

/// What the OCR advice tells the user to run: the usual free tool, in its simplest form.
const OCR_ADVICE: &str = "This PDF is a scan with no text layer: run OCR on it first, e.g. `ocrmypdf in.pdf out.pdf`, then open the result.";

/// The message shown for a failed import, naming the file.
pub fn import_error_message(e: &FileImportError) -> String {
    match e.error {
        ImportError::ScannedPdf => format!("{}: {OCR_ADVICE}", e.path.display()),
        _ => e.to_string(),
    }
}

/// The message for a failed session operation: import problems get their advice, others
/// keep their own sentence.
pub fn session_error_message(e: &SessionError) -> String {
    match e {
        SessionError::Import(e) => import_error_message(e),
        e => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn error(error: ImportError) -> FileImportError {
        FileImportError {
            path: PathBuf::from("report.pdf"),
            error,
        }
    }

    #[test]
    fn a_scanned_pdf_gets_ocr_advice() {
        let message = import_error_message(&error(ImportError::ScannedPdf));
        assert!(
            message.starts_with("report.pdf: This PDF is a scan"),
            "{message}"
        );
        assert!(message.contains("ocrmypdf in.pdf out.pdf"), "{message}");
    }

    #[test]
    fn other_problems_keep_the_importers_sentence() {
        let e = error(ImportError::EncryptedPdf);
        assert_eq!(import_error_message(&e), e.to_string());
    }
}
