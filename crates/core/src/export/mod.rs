//! Exports: the one-page brief (PDF, HTML, Markdown), all rendered from one [`Brief`].

pub mod annotations;
#[cfg(test)]
mod cited_tests;
pub mod fit;
pub mod fonts;
pub mod html;
pub mod layout;
pub mod markdown;
pub mod pdf;

use crate::brief::Brief;
use crate::dates::Date;
use crate::model::Notebook;
use fonts::{FontSet, Measurer};
use std::path::{Path, PathBuf};
use thiserror::Error;

/// Page size of the brief.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Paper {
    /// 210 × 297 mm.
    #[default]
    A4,
    /// 8.5 × 11 in.
    Letter,
}

impl Paper {
    /// Width and height in points.
    pub fn size_pt(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.276, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }

    /// "A4" or "US Letter".
    pub fn label(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::Letter => "US Letter",
        }
    }

    /// The CSS `@page` size.
    pub fn css_size(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::Letter => "letter",
        }
    }
}

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One-page PDF.
    Pdf,
    /// Standalone HTML.
    Html,
    /// Markdown.
    Markdown,
    /// The evidence as W3C Web Annotations (JSON-LD).
    W3c,
    /// The evidence as CSV.
    Csv,
}

impl Format {
    /// File extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Html => "html",
            Format::Markdown => "md",
            Format::W3c => "jsonld",
            Format::Csv => "csv",
        }
    }
}

/// Why an export could not be made.
#[derive(Debug, Error)]
pub enum ExportError {
    /// The brief uses characters the shipped fonts cannot draw.
    #[error(
        "the brief's fonts cannot draw {0}; replace or remove these characters and export again"
    )]
    Unsupported(String),
    /// The brief does not fit one page.
    #[error("{0}")]
    TooLong(fit::TooLong),
    /// The fonts failed to load (a broken build).
    #[error("the brief's fonts could not be loaded; reinstall Briefing Notebook")]
    Fonts,
    /// The PDF writer failed.
    #[error("could not write the PDF: {0}")]
    Pdf(String),
    /// The annotations could not be converted to JSON (a bug: nothing was written).
    #[error(
        "the evidence could not be converted to JSON ({0}); nothing was written, please report this"
    )]
    Serialise(String),
}

/// An export, ready to write.
pub struct Exported {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// For PDF: how it was fitted ("fits at 92%", what was left out).
    pub fit: Option<fit::Fitted>,
}

/// Characters in the brief the fonts cannot draw, with where they are, as one phrase:
/// "“漢” (U+6F22) in key actors, “😀” (U+1F600) in bottom line".
pub fn unsupported_characters(brief: &Brief, fonts: &FontSet) -> Option<String> {
    let mut found: Vec<(char, &'static str)> = Vec::new();
    for (section, text) in brief.all_text() {
        for c in text.chars() {
            if !fonts.covers(c) && !found.iter().any(|&(f, s)| f == c && s == section) {
                found.push((c, section));
            }
        }
    }
    if found.is_empty() {
        return None;
    }
    let shown: Vec<String> = found
        .iter()
        .take(8)
        .map(|(c, s)| format!("“{c}” (U+{:04X}) in {s}", *c as u32))
        .collect();
    let more = if found.len() > 8 {
        format!(" and {} more", found.len() - 8)
    } else {
        String::new()
    };
    Some(format!("{}{more}", shown.join(", ")))
}

/// Lays the brief out on one page (shrinking and leaving out what it must).
pub fn fit_brief(brief: &Brief, paper: Paper) -> Result<fit::Fitted, ExportError> {
    let fonts = FontSet::get().ok_or(ExportError::Fonts)?;
    let mut measurer = Measurer::new(fonts);
    fit::fit(brief, paper, &mut measurer).map_err(ExportError::TooLong)
}

/// Renders a notebook's brief in `format`.
pub fn export(
    notebook: &Notebook,
    format: Format,
    paper: Paper,
    date: Date,
) -> Result<Exported, ExportError> {
    let brief = Brief::from_notebook(notebook, date);
    match format {
        Format::Pdf => {
            let fonts = FontSet::get().ok_or(ExportError::Fonts)?;
            if let Some(chars) = unsupported_characters(&brief, fonts) {
                return Err(ExportError::Unsupported(chars));
            }
            let fitted = fit_brief(&brief, paper)?;
            let bytes = pdf::render(
                &fitted.page,
                fonts,
                &pdf::PdfInfo {
                    title: &brief.title,
                    language: "en",
                    author: brief.analyst.as_deref(),
                },
            )
            .map_err(ExportError::Pdf)?;
            Ok(Exported {
                bytes,
                fit: Some(fitted),
            })
        }
        Format::Html => {
            // Print the way the PDF fits; a brief too long for the PDF still gets HTML,
            // printed at the smallest type with everything optional left out.
            let print = match fit_brief(&brief, paper) {
                Ok(f) => html::PrintFit {
                    scale: f.scale,
                    dropped: f.dropped,
                },
                Err(_) => html::PrintFit {
                    scale: fit::MIN_SCALE,
                    dropped: fit::DROP_ORDER.to_vec(),
                },
            };
            Ok(Exported {
                bytes: html::render(&brief, paper, &print).into_bytes(),
                fit: None,
            })
        }
        Format::Markdown => Ok(Exported {
            bytes: markdown::render(&brief).into_bytes(),
            fit: None,
        }),
        Format::W3c => Ok(Exported {
            bytes: serde_json::to_vec_pretty(&annotations::w3c(notebook))
                .map_err(|e| ExportError::Serialise(e.to_string()))?,
            fit: None,
        }),
        Format::Csv => Ok(Exported {
            bytes: annotations::csv(notebook).into_bytes(),
            fit: None,
        }),
    }
}

/// Where an export goes by default: beside the notebook, with the format's extension.
pub fn default_output(notebook_path: &Path, format: Format) -> PathBuf {
    notebook_path.with_extension(format.extension())
}
