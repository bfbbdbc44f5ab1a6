//! The Sources pane: every source with its number, grade and evidence; the one the
//! reader shows is expanded for grading and for what is known about it.

use super::{PaneContext, counted};
use crate::command::{Command, EditCommand, FileCommand, ViewCommand};
use crate::icons::{Icon, icon_button};
use briefing_core::model::{Credibility, Edit, Reliability, Source, SourceField};
use egui::{self, Align, Layout, RichText, TextEdit, Ui};

/// "[2] B2 · Mystery surrounds new Yukos owner": how a source is named everywhere.
pub fn source_label(number: usize, source: &Source) -> String {
    format!("[{number}] {} · {}", source.grade(), source.article.title)
}

/// Lists the sources, with buttons to add more.
pub fn show(ui: &mut Ui, cx: &mut PaneContext<'_>) {
    let nb = cx.notebook;
    ui.horizontal(|ui| {
        if ui
            .button("+ Add sources…")
            .on_hover_text("Add article files (Ctrl+Shift+O), or drop them on the window")
            .clicked()
        {
            cx.cmds.push(FileCommand::AddSources.into());
        }
        if ui.button("+ From clipboard").clicked() {
            cx.cmds.push(
                FileCommand::AddSourceFromClipboard {
                    allow_duplicates: false,
                }
                .into(),
            );
        }
    });
    ui.add_space(4.0);
    for (i, source) in nb.sources.iter().enumerate() {
        let current = cx.source == Some(source.id);
        let evidence = nb.evidence_count(source.id);
        card(ui, cx.cmds, i + 1, source, evidence, current);
        ui.add_space(4.0);
    }
}

/// One source's card: its header (click to show it), and when shown, its grade and facts.
fn card(
    ui: &mut Ui,
    cmds: &mut Vec<Command>,
    number: usize,
    source: &Source,
    evidence: usize,
    current: bool,
) {
    let stroke = if current {
        egui::Stroke::new(1.5, ui.visuals().selection.stroke.color)
    } else {
        ui.visuals().widgets.noninteractive.bg_stroke
    };
    ui.push_id(("source-card", source.id), |ui| {
        egui::Frame::group(ui.style())
            .stroke(stroke)
            .inner_margin(8.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal(|ui| {
                    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                        let id = source.id;
                        if icon_button(ui, Icon::Delete, "Remove source").clicked() {
                            cmds.push(
                                EditCommand::RemoveSource {
                                    id,
                                    confirmed: false,
                                }
                                .into(),
                            );
                        }
                        if icon_button(ui, Icon::Down, "Move source down").clicked() {
                            cmds.push(Edit::MoveSource(id, 1).into());
                        }
                        if icon_button(ui, Icon::Up, "Move source up").clicked() {
                            cmds.push(Edit::MoveSource(id, -1).into());
                        }
                        ui.label(RichText::new(source.grade()).strong().monospace())
                            .on_hover_text(grade_meaning(source));
                        ui.with_layout(Layout::left_to_right(Align::Center), |ui| {
                            let title = format!("[{number}] {}", source.article.title);
                            let shown = ui
                                .add(
                                    egui::Button::selectable(
                                        current,
                                        RichText::new(title).strong(),
                                    )
                                    .truncate(),
                                )
                                .on_hover_text("Show this source in the reader");
                            if shown.clicked() && !current {
                                cmds.push(ViewCommand::ShowSource(id).into());
                            }
                        });
                    });
                });
                let mut facts: Vec<String> = [SourceField::Publisher, SourceField::Date]
                    .iter()
                    .map(|f| f.get(&source.article).to_owned())
                    .filter(|v| !v.is_empty())
                    .collect();
                facts.push(counted(evidence, "evidence span"));
                ui.add(egui::Label::new(RichText::new(facts.join(" · ")).weak()).selectable(false));
                if current {
                    ui.add_space(4.0);
                    grade_pickers(ui, cmds, source);
                    for field in SourceField::ALL {
                        meta_field(ui, cmds, source, field);
                    }
                }
            });
    });
}

/// "B: usually reliable; 2: probably true".
fn grade_meaning(source: &Source) -> String {
    format!(
        "{}: {}; {}: {}",
        source.reliability.letter(),
        source.reliability.meaning(),
        source.credibility.value(),
        source.credibility.meaning()
    )
}

/// Reliability A-F and credibility 1-6, each option's meaning in its hover text.
fn grade_pickers(ui: &mut Ui, cmds: &mut Vec<Command>, source: &Source) {
    let (id, r, c) = (source.id, source.reliability, source.credibility);
    let letter = |g: Reliability| g.letter().to_string();
    let number = |g: Credibility| g.value().to_string();
    grade_picker(
        ui,
        cmds,
        (
            "Reliability",
            "How reliable the source has proved (A best, F cannot be judged)",
        ),
        (r, &Reliability::ALL),
        (letter, Reliability::meaning),
        |g| Edit::SetSourceGrade(id, g, c),
    );
    grade_picker(
        ui,
        cmds,
        (
            "Credibility",
            "How credible this information is (1 best, 6 cannot be judged)",
        ),
        (c, &Credibility::ALL),
        (number, Credibility::meaning),
        |g| Edit::SetSourceGrade(id, r, g),
    );
}

/// One labelled drop-down of grades: `(label, help)`, `(current, options)`,
/// `(name, meaning)` of a grade; choosing another emits `edit(grade)`.
fn grade_picker<T: Copy + PartialEq>(
    ui: &mut Ui,
    cmds: &mut Vec<Command>,
    (label, help): (&str, &str),
    (current, options): (T, &[T]),
    (name, meaning): (impl Fn(T) -> String, impl Fn(T) -> &'static str),
    edit: impl Fn(T) -> Edit,
) {
    ui.horizontal(|ui| {
        let label_response = ui.label(RichText::new(label).small().strong());
        egui::ComboBox::from_id_salt(label)
            .selected_text(format!("{} · {}", name(current), meaning(current)))
            .width(170.0)
            .show_ui(ui, |ui| {
                for &option in options {
                    let picked = ui
                        .selectable_label(option == current, name(option))
                        .on_hover_text(format!("{}: {}", name(option), meaning(option)));
                    if picked.clicked() && option != current {
                        cmds.push(edit(option).into());
                    }
                }
            })
            .response
            .labelled_by(label_response.id)
            .on_hover_text(help);
    });
}

/// One thing known about the source, editable: typing emits `SetSourceMeta`.
fn meta_field(ui: &mut Ui, cmds: &mut Vec<Command>, source: &Source, field: SourceField) {
    ui.horizontal(|ui| {
        let label = ui.add_sized(
            [70.0, 18.0],
            egui::Label::new(RichText::new(field.label()).small().strong()),
        );
        let mut text = field.get(&source.article).to_owned();
        let response = ui
            .add(
                TextEdit::singleline(&mut text)
                    .id_salt(("source-field", source.id, field.label()))
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        if response.changed() {
            cmds.push(Edit::SetSourceMeta(source.id, field, text).into());
        }
        if response.lost_focus() {
            cmds.push(EditCommand::Seal.into());
        }
    });
}
