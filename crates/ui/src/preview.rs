//! The brief preview: the page as it will print, a live "page fullness" meter, and the
//! export buttons. It draws the same layout items the PDF writer draws.

use super::command::{Command, FileCommand};
use super::fonts;
use briefing_core::brief::Brief;
use briefing_core::dates::today;
use briefing_core::export::fit::{Fitted, TooLong, fit};
use briefing_core::export::fonts::{FontSet, Measurer, Style};
use briefing_core::export::layout::{Item, Page, Rgb};
use briefing_core::export::{Format, Paper, unsupported_characters};
use briefing_core::model::Document;
use egui::{self, Color32, FontId, Pos2, Rect, Sense, Stroke, Ui, pos2, vec2};

/// Where the preview stands for the current notebook.
enum State {
    Fits(Fitted),
    TooLong(TooLong, Page),
    Unsupported(String),
    NoFonts,
}

/// The preview panel's state.
pub struct Preview {
    /// Shown beside the article.
    pub open: bool,
    /// Page size for preview and export.
    pub paper: Paper,
    measurer: Option<Measurer>,
    computed_for: Option<(u64, Paper)>,
    state: Option<State>,
}

impl Default for Preview {
    fn default() -> Self {
        Self {
            open: false,
            paper: Paper::A4,
            measurer: FontSet::get().map(Measurer::new),
            computed_for: None,
            state: None,
        }
    }
}

fn color(c: Rgb) -> Color32 {
    Color32::from_rgb(c.0, c.1, c.2)
}

impl Preview {
    /// One line for the meter: "fits at 92%", "too long by 14 lines: shorten Risks".
    pub fn meter_text(&self) -> String {
        match &self.state {
            Some(State::Fits(f)) => f.summary(),
            Some(State::TooLong(t, _)) => {
                let names: Vec<&str> = t.sections.iter().map(|s| s.0).collect();
                format!(
                    "too long by {:.0} lines: shorten {}",
                    t.lines.ceil(),
                    names.join(", ")
                )
            }
            Some(State::Unsupported(chars)) => format!("cannot print {chars}"),
            Some(State::NoFonts) => "fonts missing: reinstall the app".to_owned(),
            None => String::new(),
        }
    }

    /// Re-lays the page when the notebook or the paper changed.
    fn refresh(&mut self, doc: &Document) {
        let key = (doc.revision(), self.paper);
        if self.computed_for == Some(key) && self.state.is_some() {
            return;
        }
        self.computed_for = Some(key);
        let brief = Brief::from_notebook(doc.notebook(), today());
        let (Some(fonts), Some(m)) = (FontSet::get(), self.measurer.as_mut()) else {
            self.state = Some(State::NoFonts);
            return;
        };
        if let Some(chars) = unsupported_characters(&brief, fonts) {
            self.state = Some(State::Unsupported(chars));
            return;
        }
        self.state = Some(match fit(&brief, self.paper, m) {
            Ok(f) => State::Fits(f),
            Err(t) => {
                let page = briefing_core::export::fit::smallest_page(&brief, self.paper, m);
                State::TooLong(t, page)
            }
        });
    }

    /// Draws the panel: paper choice, meter, export buttons, the page.
    pub fn show(
        &mut self,
        ui: &mut Ui,
        doc: &Document,
        findings: &[briefing_core::checks::Finding],
        cmds: &mut Vec<Command>,
    ) {
        self.refresh(doc);
        ui.horizontal(|ui| {
            ui.strong("Brief preview");
            for paper in [Paper::A4, Paper::Letter] {
                if ui
                    .selectable_label(self.paper == paper, paper.label())
                    .clicked()
                {
                    self.paper = paper;
                }
            }
        });
        let (fullness, ok) = match &self.state {
            Some(State::Fits(f)) => (
                f.page.fullness().min(1.0),
                f.dropped.is_empty() && f.scale >= 0.999,
            ),
            Some(State::TooLong(..)) => (1.0, false),
            _ => (0.0, false),
        };
        let meter_color = match &self.state {
            Some(State::Fits(_)) if ok => Color32::from_rgb(52, 150, 83),
            Some(State::Fits(_)) => Color32::from_rgb(214, 140, 30),
            _ => ui.visuals().error_fg_color,
        };
        ui.add(
            egui::ProgressBar::new(fullness)
                .fill(meter_color)
                .text(self.meter_text()),
        )
        .on_hover_text("How full the page is. Over a full page, the type shrinks (to 8 pt), then evidence quotes, risk and stake explanations and actor positions are left out, in that order.");
        let exportable = matches!(self.state, Some(State::Fits(_)));
        ui.horizontal(|ui| {
            ui.label("Export:");
            if ui
                .add_enabled(exportable, egui::Button::new("PDF…"))
                .on_disabled_hover_text("Fix what the meter says first")
                .clicked()
            {
                cmds.push(Command::File(FileCommand::Export(Format::Pdf)));
            }
            if ui.button("HTML…").clicked() {
                cmds.push(Command::File(FileCommand::Export(Format::Html)));
            }
            if ui.button("Markdown…").clicked() {
                cmds.push(Command::File(FileCommand::Export(Format::Markdown)));
            }
        });
        // What a reviewer would ask about before this goes out.
        let unsupported: Vec<&briefing_core::checks::Finding> = findings
            .iter()
            .filter(|f| {
                matches!(
                    f.kind,
                    briefing_core::checks::Kind::Unsupported
                        | briefing_core::checks::Kind::NoEvidence
                )
            })
            .collect();
        if !unsupported.is_empty() {
            let color = ui.visuals().warn_fg_color;
            ui.colored_label(
                color,
                format!(
                    "{} claims without evidence (exporting is still allowed):",
                    unsupported.len()
                ),
            )
            .on_hover_text("See the Review tab");
            for f in unsupported.iter().take(4) {
                ui.label(
                    egui::RichText::new(format!(
                        "{}: {}",
                        super::panes::place_name(doc.notebook(), f.place),
                        f.message
                    ))
                    .small()
                    .color(color),
                );
            }
            if unsupported.len() > 4 {
                ui.label(
                    egui::RichText::new(format!(
                        "… and {} more in the Review tab",
                        unsupported.len() - 4
                    ))
                    .small()
                    .color(color),
                );
            }
        }
        ui.separator();
        let page = match &self.state {
            Some(State::Fits(f)) => Some(&f.page),
            Some(State::TooLong(_, p)) => Some(p),
            _ => None,
        };
        if let Some(page) = page {
            egui::ScrollArea::vertical()
                .id_salt("preview-scroll")
                .auto_shrink(false)
                .show(ui, |ui| draw_page(ui, page));
        }
    }
}

/// Draws a laid-out page scaled to the available width.
fn draw_page(ui: &mut Ui, page: &Page) {
    let width = ui.available_width().max(100.0);
    let scale = width / page.width;
    let (rect, _) = ui.allocate_exact_size(vec2(width, page.height * scale), Sense::hover());
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, Color32::WHITE);
    let at = |x: f32, y: f32| -> Pos2 { rect.min + vec2(x * scale, y * scale) };
    let bold = fonts::bold(ui.ctx());
    let italic = fonts::italic(ui.ctx());
    for item in &page.items {
        match item {
            Item::Text {
                x,
                y,
                size,
                style,
                color: c,
                text,
            } => {
                let family = match style {
                    Style::Regular => egui::FontFamily::Proportional,
                    Style::Bold => bold.clone(),
                    Style::Italic => italic.clone(),
                };
                let galley = painter.layout_no_wrap(
                    text.clone(),
                    FontId::new(size * scale, family),
                    color(*c),
                );
                // Put the galley's baseline on the item's baseline.
                let baseline = galley
                    .rows
                    .first()
                    .and_then(|r| r.row.glyphs.first().map(|g| r.pos.y + g.pos.y))
                    .unwrap_or(size * scale * 0.8);
                painter.galley(at(*x, *y) - vec2(0.0, baseline), galley, color(*c));
            }
            Item::Line {
                from,
                to,
                width,
                color: c,
            } => {
                painter.line_segment(
                    [at(from.0, from.1), at(to.0, to.1)],
                    Stroke::new(width * scale, color(*c)),
                );
            }
            Item::Rect {
                x,
                y,
                w,
                h,
                color: c,
            } => {
                painter.rect_filled(
                    Rect::from_min_size(at(*x, *y), vec2(w * scale, h * scale)),
                    0.0,
                    color(*c),
                );
            }
            Item::Circle {
                cx,
                cy,
                r,
                color: c,
            } => {
                painter.circle_filled(at(*cx, *cy), r * scale, color(*c));
            }
        }
    }
    // The printable limit: where content must end.
    let limit = at(0.0, page.content_limit).y;
    if !page.fits() {
        painter.line_segment(
            [pos2(rect.min.x, limit), pos2(rect.max.x, limit)],
            Stroke::new(1.5, Color32::from_rgb(200, 40, 40)),
        );
    }
}
