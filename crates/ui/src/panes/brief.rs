//! The Brief pane: title, bottom line, and what the brief will say about the source shown.

use super::PaneContext;
use super::fields::text_field;
use briefing_core::model::TextField;
use egui::{RichText, Ui};

/// The brief's title, bottom line, analyst and handling line, and the article's details.
pub fn show(ui: &mut Ui, cx: &mut PaneContext<'_>) {
    let nb = cx.notebook;
    text_field(
        ui,
        cx.cmds,
        "Brief title",
        &nb.brief.title,
        TextField::BriefTitle,
        false,
        nb.first_source()
            .map(|s| s.article.title.as_str())
            .unwrap_or_default(),
    );
    text_field(
        ui,
        cx.cmds,
        "Bottom line",
        &nb.brief.bottom_line,
        TextField::BottomLine,
        true,
        "Your judgment first, in one to three sentences.",
    );
    // The reviewer's findings (length, language, support), as the Review tab lists them.
    let marks = cx.marks(briefing_core::checks::Place::BottomLine);
    super::fields::show_marks(ui, &marks);
    super::fields::choice(
        ui,
        cx.cmds,
        "Confidence",
        nb.brief.confidence,
        &briefing_core::model::Confidence::ALL,
        |c| c.label().to_owned(),
        briefing_core::model::Edit::SetBriefConfidence,
    );
    text_field(
        ui,
        cx.cmds,
        "Analyst",
        &nb.brief.analyst,
        TextField::Analyst,
        false,
        "optional",
    );
    text_field(
        ui,
        cx.cmds,
        "Handling",
        &nb.brief.handling,
        TextField::Handling,
        false,
        "optional, e.g. Internal",
    );
    ui.add_space(8.0);
    ui.separator();
    // The source the reader shows (the sources list and its grading come later).
    let Some(source) = cx
        .source
        .and_then(|id| nb.source(id))
        .or_else(|| nb.first_source())
    else {
        return;
    };
    let heading = match nb.sources.len() {
        1 => "Source".to_owned(),
        n => format!(
            "Source {} of {n}",
            nb.source_number(source.id).unwrap_or_default()
        ),
    };
    ui.label(RichText::new(heading).small().strong());
    let article = &source.article;
    ui.label(&article.title);
    for (label, value) in [
        ("Publisher", &article.publisher),
        ("Author", &article.author),
        ("URL", &article.url),
        ("Date", &article.published),
        ("Imported from", &article.imported_from),
    ] {
        if let Some(v) = value {
            ui.weak(format!("{label}: {v}"));
        }
    }
    ui.weak(format!(
        "Graded {}: {}, {}",
        source.grade(),
        source.reliability.meaning(),
        source.credibility.meaning()
    ));
    ui.weak(format!("{} characters", article.char_len()));
}
