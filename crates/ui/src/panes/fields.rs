//! Building blocks shared by the panes: labelled fields that emit edits, evidence lists,
//! actor pickers and item cards.

use crate::command::{Command, EditCommand, ViewCommand};
use crate::icons::{Icon, icon_button};
use crate::theme;
use briefing_core::model::{
    AnchorStatus, Edit, Evidence, Id, ItemRef, ListField, Notebook, TextField,
};
use egui::{self, Align, Layout, RichText, TextEdit, Ui};

/// A labelled text field bound to a notebook field: typing emits `SetText` edits.
pub fn text_field(
    ui: &mut Ui,
    cmds: &mut Vec<Command>,
    label: &str,
    value: &str,
    field: TextField,
    multiline: bool,
    hint: &str,
) {
    let label = ui.label(RichText::new(label).small().strong());
    let mut text = value.to_owned();
    let edit = if multiline {
        TextEdit::multiline(&mut text).desired_rows(2)
    } else {
        TextEdit::singleline(&mut text)
    };
    let response = ui
        .add(
            edit.id_salt(field)
                .hint_text(hint)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    if response.changed() {
        cmds.push(Command::from(Edit::SetText(field, text)));
    }
    if response.lost_focus() {
        cmds.push(Command::Edit(EditCommand::Seal));
    }
}

/// A list of short strings (aliases, indicators), each editable and removable, plus "add".
pub fn list_field(
    ui: &mut Ui,
    cmds: &mut Vec<Command>,
    label: &str,
    entries: &[String],
    field: ListField,
    add_label: &str,
) {
    let label_response = ui.label(RichText::new(label).small().strong());
    // The entry "add" made, to put the cursor in once it is drawn.
    let new_entry = ui.make_persistent_id((field, "new entry"));
    let focus = ui.data_mut(|d| d.remove_temp::<usize>(new_entry));
    for (i, entry) in entries.iter().enumerate() {
        ui.horizontal(|ui| {
            let mut text = entry.clone();
            let remove = icon_button(ui, Icon::Remove, "Remove this entry");
            let response = ui
                .add(
                    TextEdit::singleline(&mut text)
                        .id_salt((field, i))
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label_response.id);
            if focus == Some(i) {
                response.request_focus();
            }
            if response.changed() {
                cmds.push(Command::from(Edit::SetListEntry(field, i, text)));
            }
            if response.lost_focus() {
                cmds.push(Command::Edit(EditCommand::Seal));
            }
            if remove.clicked() {
                cmds.push(Command::from(Edit::RemoveListEntry(field, i)));
            }
        });
    }
    if let Some(f) = focus.filter(|&f| f >= entries.len()) {
        // Not drawn yet (the edit lands after this frame): ask again next frame.
        ui.data_mut(|d| d.insert_temp(new_entry, f));
    }
    if ui.small_button(add_label).clicked() {
        cmds.push(Command::from(Edit::AddListEntry(field, String::new())));
        ui.data_mut(|d| d.insert_temp(new_entry, entries.len()));
    }
}

/// A labelled drop-down of `options`; choosing a different one emits `edit(option)`.
pub fn choice<T: Copy + PartialEq>(
    ui: &mut Ui,
    cmds: &mut Vec<Command>,
    label: &str,
    current: T,
    options: &[T],
    text: impl Fn(T) -> String,
    edit: impl Fn(T) -> Edit,
) {
    ui.horizontal(|ui| {
        // The label is a unique salt within a card; the card's ui id tells cards apart.
        let salt = label;
        let label = ui.label(RichText::new(label).small().strong());
        egui::ComboBox::from_id_salt(salt)
            .selected_text(text(current))
            .width(220.0)
            .show_ui(ui, |ui| {
                for &option in options {
                    if ui
                        .selectable_label(option == current, text(option))
                        .clicked()
                        && option != current
                    {
                        cmds.push(Command::from(edit(option)));
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
}

/// Toggle buttons for choosing actors (a stake's holders, a risk's actors).
pub fn actor_picker(
    ui: &mut Ui,
    cmds: &mut Vec<Command>,
    label: &str,
    notebook: &Notebook,
    chosen: &[Id],
    toggle: impl Fn(Id) -> Edit,
) {
    ui.label(RichText::new(label).small().strong());
    if notebook.actors.is_empty() {
        ui.weak("No actors yet.");
        return;
    }
    ui.horizontal_wrapped(|ui| {
        for actor in &notebook.actors {
            let name = if actor.name.is_empty() {
                "(unnamed)"
            } else {
                &actor.name
            };
            if ui
                .selectable_label(chosen.contains(&actor.id), name)
                .clicked()
            {
                cmds.push(Command::from(toggle(actor.id)));
            }
        }
    });
}

/// The evidence of an item: each quote jumps to and flashes its place in the text.
/// With several sources each quote is named by its source ("[2] B2 · Title").
pub fn evidence_list(
    ui: &mut Ui,
    cmds: &mut Vec<Command>,
    nb: &Notebook,
    item: ItemRef,
    evidence: &[Evidence],
) {
    ui.label(
        RichText::new(format!("Evidence ({})", evidence.len()))
            .small()
            .strong(),
    );
    if evidence.is_empty() {
        ui.weak("None yet: select words in the article, then Attach (Ctrl+D).");
        return;
    }
    let several = nb.sources.len() > 1;
    for e in evidence {
        let reveal = Command::View(ViewCommand::Reveal {
            source: e.source,
            start: e.start,
            end: e.end,
        });
        let named = nb
            .source(e.source)
            .zip(nb.source_number(e.source))
            .filter(|_| several);
        if let Some((source, number)) = named {
            let name = shorten(&super::sources::source_label(number, source), 70);
            if ui
                .add(egui::Link::new(RichText::new(name).small()))
                .on_hover_text("Show this source and the quote")
                .clicked()
            {
                cmds.push(reveal.clone());
            }
        }
        ui.horizontal_top(|ui| {
            // Long quotes wrap inside the pane instead of widening it.
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Wrap);
            if icon_button(ui, Icon::Remove, "Remove this evidence").clicked() {
                cmds.push(Command::from(Edit::RemoveEvidence(item, e.id)));
            }
            if e.status != AnchorStatus::Exact {
                let color = match e.status {
                    AnchorStatus::Orphaned => ui.visuals().error_fg_color,
                    _ => ui.visuals().warn_fg_color,
                };
                ui.label(RichText::new(e.status.label()).small().color(color))
                    .on_hover_text(status_help(e.status));
            }
            let quote = shorten(&e.quote, 110);
            let link = ui
                .add(egui::Link::new(format!("“{quote}”")))
                .on_hover_text("Show in the article");
            if link.clicked() {
                cmds.push(reveal);
            }
        });
    }
}

fn status_help(status: AnchorStatus) -> &'static str {
    match status {
        AnchorStatus::Exact => "The quote is where it was.",
        AnchorStatus::Moved => "The quote was found at another place in the text.",
        AnchorStatus::Fuzzy => "Only a similar passage was found: please review.",
        AnchorStatus::Orphaned => "The quote is no longer in the text; kept as written.",
    }
}

/// Shortens text to `max` chars with an ellipsis, on one line.
pub fn shorten(text: &str, max: usize) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        one_line
    } else {
        let cut: String = one_line.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

/// An item's card: a header (click to focus; move up/down; delete) and, when focused,
/// its editable body. Returns the header response (to scroll to it).
pub fn item_card(
    ui: &mut Ui,
    cmds: &mut Vec<Command>,
    item: ItemRef,
    title: &str,
    subtitle: &str,
    focused: bool,
    body: impl FnOnce(&mut Ui, &mut Vec<Command>),
) -> egui::Response {
    let stroke = if focused {
        egui::Stroke::new(1.5, theme::kind_color(item.kind))
    } else {
        ui.visuals().widgets.noninteractive.bg_stroke
    };
    // The whole card is clickable (not only the name), so a collapsed card is easy to open.
    let card = ui.scope_builder(egui::UiBuilder::new().sense(egui::Sense::click()), |ui| {
        egui::Frame::group(ui.style())
            .stroke(stroke)
            .inner_margin(8.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                let header = ui
                    .horizontal(|ui| {
                        let (dot, _) =
                            ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                        ui.painter()
                            .circle_filled(dot.center(), 4.5, theme::kind_color(item.kind));
                        let name = if title.trim().is_empty() {
                            "(untitled)"
                        } else {
                            title
                        };
                        // Buttons first (at the right), then the name takes the room left,
                        // cut with an ellipsis if it must be; the full text is in the fields.
                        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                            if icon_button(ui, Icon::Delete, "Delete (Ctrl+Z brings it back)")
                                .clicked()
                            {
                                cmds.push(Command::from(Edit::DeleteItem(item)));
                            }
                            if icon_button(ui, Icon::Down, "Move down").clicked() {
                                cmds.push(Command::from(Edit::MoveItem(item, 1)));
                            }
                            if icon_button(ui, Icon::Up, "Move up").clicked() {
                                cmds.push(Command::from(Edit::MoveItem(item, -1)));
                            }
                            ui.with_layout(Layout::left_to_right(Align::Center), |ui| {
                                let label = ui
                                    .add(
                                        egui::Button::selectable(
                                            focused,
                                            RichText::new(name).strong(),
                                        )
                                        .truncate(),
                                    )
                                    .on_hover_text(
                                        "Select: new evidence is attached to the selected item",
                                    );
                                if label.clicked() {
                                    cmds.push(Command::View(ViewCommand::Focus(item)));
                                }
                                label
                            })
                            .inner
                        })
                        .inner
                    })
                    .inner;
                if !subtitle.is_empty() {
                    // Not selectable, so a click on it reaches the card.
                    ui.add(egui::Label::new(RichText::new(subtitle).weak()).selectable(false));
                }
                if focused {
                    ui.add_space(4.0);
                    body(ui, cmds);
                }
                header
            })
            .inner
    });
    if card.response.clicked() && !focused {
        cmds.push(Command::View(ViewCommand::Focus(item)));
    }
    card.inner
}

/// The reviewer's notes about an item or the bottom line, as small warnings.
pub fn show_marks(ui: &mut Ui, marks: &[String]) {
    for m in marks {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            RichText::new(format!("Review: {m}")).small(),
        );
    }
}
