//! The merge conflicts in the Review tab: where two merged versions disagree, the three
//! values, and the choice (keep ours, take theirs, or type a value or pick one from the
//! field's set), each one undo step.

use super::PaneContext;
use super::fields::shorten;
use crate::command::{Command, EditCommand, ViewCommand};
use briefing_core::merge::Choice;
use briefing_core::model::{
    Conflict, Field, Notebook, Target, Value, impact_word, likelihood_word,
};
use egui::{self, RichText, Ui};

/// A value being typed for one conflict (egui keeps it between frames).
#[derive(Clone, Default)]
struct Draft {
    field: Option<Field>,
    text: String,
    /// The editor has just opened: give it the keyboard.
    focus: bool,
}

fn draft_id() -> egui::Id {
    egui::Id::unique("merge-conflict-draft")
}

/// Where a conflict is: "Actor “Sergei Lavrov” · role", "Brief · bottom line".
pub fn conflict_place(nb: &Notebook, field: Field) -> String {
    let what = match field.target() {
        Target::Brief => "Brief".to_owned(),
        Target::Item(item) | Target::Evidence(item, _) => {
            let kind = item.kind.label();
            format!(
                "{}{} “{}”",
                kind[..1].to_uppercase(),
                &kind[1..],
                shorten(nb.item_name(item).unwrap_or_default(), 40)
            )
        }
        Target::Source(id) => format!(
            "Source [{}] “{}”",
            nb.source_number(id).unwrap_or_default(),
            shorten(nb.source(id).map_or("", |s| s.article.title.as_str()), 40)
        ),
    };
    format!("{what} · {}", field.label())
}

/// A value as the card shows it.
fn shown(value: &Value) -> String {
    match value {
        Value::Absent => "deleted".to_owned(),
        Value::Present => "kept, with changes".to_owned(),
        // A whole article is cut; a field is shown in full, as the choice needs it.
        Value::Text(text) if text.len() > 1_000 => format!(
            "“{}” ({} characters)",
            shorten(text, 300),
            text.chars().count()
        ),
        other => other.summary(),
    }
}

/// What choosing a side does, in words: a deletion deletes (the notebook holds the
/// changed version meanwhile, so "keep" would mislead).
fn choice_hint(value: &Value, side: &str) -> String {
    match value {
        Value::Absent => format!("Delete it, as {side} did (Ctrl+Z undoes the choice)"),
        Value::Present => format!("Keep it as {side} changed it (Ctrl+Z undoes the choice)"),
        _ => format!("Use the value {side} has (Ctrl+Z undoes the choice)"),
    }
}

/// A value to pick, as the item's own menus show it ("4 – likely (55-80%)").
fn choice_label(field: Field, value: &Value) -> String {
    match (field, value) {
        (Field::Likelihood(_), Value::Number(n)) => format!("{n} – {}", likelihood_word(*n)),
        (Field::Impact(_), Value::Number(n)) => format!("{n} – {}", impact_word(*n)),
        _ => value.summary(),
    }
}

/// True when the analyst can type a value of their own (text fields; not a whole text).
fn typeable(field: Field) -> bool {
    matches!(field, Field::Text(_) | Field::SourceMeta(..))
}

/// Lists every conflict with its choices.
pub fn show(ui: &mut Ui, cx: &mut PaneContext<'_>) {
    let nb = cx.notebook;
    if nb.conflicts.is_empty() {
        return;
    }
    ui.label(RichText::new(format!("Merge conflicts ({})", nb.conflicts.len())).strong());
    ui.label(
        "Both versions of this notebook changed these (or one deleted what the other changed). \
         Until you choose it holds ours, or the changed version where one side deleted it.",
    );
    ui.add_space(4.0);
    let mut draft: Draft = ui.data(|d| d.get_temp(draft_id())).unwrap_or_default();
    let before = (draft.field, draft.text.clone(), draft.focus);
    for conflict in &nb.conflicts {
        card(ui, cx, conflict, &mut draft);
        ui.add_space(4.0);
    }
    if (draft.field, draft.text.clone(), draft.focus) != before {
        ui.data_mut(|d| d.insert_temp(draft_id(), draft));
    }
    ui.add_space(6.0);
}

fn card(ui: &mut Ui, cx: &mut PaneContext<'_>, c: &Conflict, draft: &mut Draft) {
    let nb = cx.notebook;
    let resolve = |choice| Command::Edit(EditCommand::ResolveConflict(c.field, choice));
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let place = ui.link(RichText::new(conflict_place(nb, c.field)).strong());
        if place.clicked()
            && let Target::Item(item) | Target::Evidence(item, _) = c.field.target()
        {
            cx.cmds.push(Command::View(ViewCommand::Focus(item)));
        }
        egui::Grid::new(("conflict", c.field))
            .num_columns(2)
            .spacing([8.0, 2.0])
            .show(ui, |ui| {
                for (label, value) in [("Base", &c.base), ("Ours", &c.ours), ("Theirs", &c.theirs)]
                {
                    ui.weak(label);
                    ui.add(egui::Label::new(shown(value)).wrap());
                    ui.end_row();
                }
            });
        let editing = draft.field == Some(c.field);
        if editing && typeable(c.field) {
            let label = ui.label("Your value:");
            let edit = egui::TextEdit::multiline(&mut draft.text)
                .desired_rows(2)
                .desired_width(f32::INFINITY);
            let response = ui.add(edit).labelled_by(label.id);
            if std::mem::take(&mut draft.focus) {
                response.request_focus();
            }
        }
        ui.horizontal_wrapped(|ui| {
            if ui
                .button("Keep ours")
                .on_hover_text(choice_hint(&c.ours, "ours"))
                .clicked()
            {
                cx.cmds.push(resolve(Choice::Ours));
            }
            if ui
                .button("Take theirs")
                .on_hover_text(choice_hint(&c.theirs, "theirs"))
                .clicked()
            {
                cx.cmds.push(resolve(Choice::Theirs));
            }
            let choices = c.field.choices();
            if !choices.is_empty() {
                if editing {
                    // A value of one's own from the field's set: chosen, it settles.
                    for value in choices {
                        if ui.button(choice_label(c.field, &value)).clicked() {
                            cx.cmds.push(resolve(Choice::Value(value)));
                            draft.field = None;
                        }
                    }
                    if ui.button("Cancel").clicked() {
                        draft.field = None;
                    }
                } else if ui
                    .button("Edit…")
                    .on_hover_text("Choose another value yourself")
                    .clicked()
                {
                    draft.field = Some(c.field);
                }
            } else if typeable(c.field) {
                if editing {
                    if ui.button("Use this").clicked() {
                        let text = std::mem::take(&mut draft.text);
                        cx.cmds.push(resolve(Choice::Value(Value::Text(text))));
                        draft.field = None;
                    }
                    if ui.button("Cancel").clicked() {
                        draft.field = None;
                    }
                } else if ui
                    .button("Edit…")
                    .on_hover_text("Write the value yourself, starting from ours")
                    .clicked()
                {
                    draft.field = Some(c.field);
                    draft.text = c.ours.text().unwrap_or_default().to_owned();
                    draft.focus = true;
                }
            }
        });
    });
}
