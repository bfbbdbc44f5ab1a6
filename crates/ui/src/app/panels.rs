//! The window's panels: the panes and the preview on the right, the article with its
//! selection bar in the middle. They read the app's state and push commands.

use super::BriefingApp;
use crate::article_view::{ArticleInput, Highlight};
use crate::command::{Command, EditCommand, ViewCommand};
use crate::panes::{self, PaneContext, fields::shorten};
use crate::theme;
use briefing_core::model::{AnchorStatus, ItemKind, ItemRef};
use egui::{self, RichText, Ui};

/// How long a revealed span flashes, in seconds.
const FLASH_SECONDS: f64 = 1.6;

impl BriefingApp {
    /// The panes, and the brief preview when it is open.
    pub(super) fn side_panels(&mut self, ui: &mut Ui, cmds: &mut Vec<Command>) {
        egui::Panel::right("panes")
            .resizable(true)
            .default_size(470.0)
            .min_size(340.0)
            .show(ui, |ui| {
                let source = self.current_source();
                let notebook = self.session.document().notebook();
                let mut cx = PaneContext {
                    notebook,
                    indexes: &self.derived.indexes,
                    source,
                    focus: self.focus,
                    cmds: &mut *cmds,
                    scroll_to_focus: self.scroll_to_focus,
                    mention_counts: &self.derived.mention_counts,
                    card_heights: &mut self.card_heights,
                    findings: &self.derived.findings,
                    suggestions: self.derived.suggestions(&notebook.sources),
                    suggesting: self.derived.suggesting(&notebook.sources),
                    current_mention: self.current_mention,
                };
                panes::show(ui, &mut self.tab, &mut cx);
            });
        self.scroll_to_focus = false;
        if self.preview.open {
            egui::Panel::right("preview")
                .resizable(true)
                .default_size(400.0)
                .min_size(280.0)
                .show(ui, |ui| {
                    self.preview
                        .show(ui, self.session.document(), &self.derived.findings, cmds)
                });
        }
    }

    /// The selection bar, the find bar and the reader on the source it shows (its text,
    /// and the evidence and mentions in it).
    pub(super) fn article_panel(&mut self, ui: &mut Ui, cmds: &mut Vec<Command>) {
        self.selection_bar(ui, cmds);
        let Some(shown) = self.current_source() else {
            return;
        };
        let found = self
            .find
            .show(ui, &self.session.document().notebook().sources, shown);
        if let Some((source, start, end)) = found {
            // Another source's match: the reader switches there first.
            self.show_source(source);
            self.article.set_selection(start, end);
            self.article.reveal(start);
        }
        let Some(source) = self.current_source() else {
            return;
        };
        let Some(shown) = self.session.document().notebook().source(source) else {
            return;
        };
        let (text, title) = (shown.article.text.clone(), shown.article.title.clone());
        self.source_strip(ui, source, cmds);
        ui.separator();

        let now = ui.input(|i| i.time);
        let flash = self.flash.and_then(|(a, b, t)| {
            let strength = 1.0 - (now - t) / FLASH_SECONDS;
            (strength > 0.0).then_some((a, b, strength as f32))
        });
        if flash.is_some() {
            ui.ctx().request_repaint();
        } else {
            self.flash = None;
        }
        let nb = self.session.document().notebook();
        let mut highlights: Vec<Highlight> = nb
            .all_evidence()
            .filter(|(_, e)| e.source == source && e.status != AnchorStatus::Orphaned)
            .map(|(item, e)| Highlight {
                start: e.start,
                end: e.end,
                item,
                emphasised: self.focus == Some(item),
            })
            .collect();
        highlights.sort_by_key(|h| h.start);
        let describe = |item: ItemRef| {
            let name = nb.item_name(item).unwrap_or_default();
            let kind = item.kind.label();
            format!("{}{}: {name}", kind[..1].to_uppercase(), &kind[1..])
        };
        let output = self.article.show(
            ui,
            &ArticleInput {
                text: &text,
                title: &title,
                highlights: &highlights,
                mentions: self.derived.mentions_in(source),
                longest_mention: self.derived.longest_mention,
                find: self.find.matches(source),
                current_find: self.find.current(source),
                flash,
                describe: &describe,
            },
        );
        if let Some(item) = output.clicked_item {
            cmds.push(ViewCommand::Focus(item).into());
        }
    }

    /// With several sources: which one the reader shows (number, grade, title) and a
    /// picker to switch to another.
    fn source_strip(&self, ui: &mut Ui, source: briefing_core::model::Id, cmds: &mut Vec<Command>) {
        let nb = self.session.document().notebook();
        if nb.sources.len() < 2 {
            return;
        }
        let label = |i: usize, s: &briefing_core::model::Source| {
            shorten(&panes::sources::source_label(i + 1, s), 90)
        };
        let shown = nb
            .sources
            .iter()
            .enumerate()
            .find(|(_, s)| s.id == source)
            .map(|(i, s)| label(i, s))
            .unwrap_or_default();
        ui.horizontal(|ui| {
            let name = ui.label(RichText::new("Source").small().strong());
            egui::ComboBox::from_id_salt("reader-source")
                .selected_text(shown)
                .width(ui.available_width().min(620.0))
                .truncate()
                .show_ui(ui, |ui| {
                    for (i, s) in nb.sources.iter().enumerate() {
                        if ui.selectable_label(s.id == source, label(i, s)).clicked() {
                            cmds.push(ViewCommand::ShowSource(s.id).into());
                        }
                    }
                })
                .response
                .labelled_by(name.id);
        });
    }

    fn selection_bar(&self, ui: &mut Ui, cmds: &mut Vec<Command>) {
        let ctx = ui.ctx().clone();
        let shortcut = |s: &egui::KeyboardShortcut| ctx.format_shortcut(s);
        let nb = self.session.document().notebook();
        // Wrapped, so a narrow article column never grows under the panels beside it.
        ui.horizontal_wrapped(|ui| {
            let Some((start, end)) = self.article.selection() else {
                ui.add(
                    egui::Label::new(
                        RichText::new("Select words in the article (drag, double-click, or Shift+arrows) to use them as evidence.")
                            .weak(),
                    )
                    .truncate(),
                );
                return;
            };
            let Some(shown) = self.current_source().and_then(|id| nb.source(id)) else {
                return;
            };
            let quote = self.derived.indexes.of(shown.id).slice(&shown.article.text, start, end);
            ui.add(egui::Label::new(RichText::new(format!("“{}”", shorten(quote, 40))).italics()).truncate());
            let focus_name = self.focus.and_then(|f| nb.item_name(f).map(|n| (f, n)));
            let attach_label = match focus_name {
                Some((_, name)) => format!("Attach to “{}”", shorten(name, 24)),
                None => "Attach to…".to_owned(),
            };
            if ui
                .add_enabled(
                    focus_name.is_some(),
                    egui::Button::new(attach_label).shortcut_text(shortcut(&theme::ATTACH)),
                )
                .on_disabled_hover_text("Select an actor, stake or risk in the pane first")
                .clicked()
            {
                cmds.push(EditCommand::AttachSelection.into());
            }
            for (kind, label, key) in [
                (ItemKind::Actor, "New actor", theme::NEW_ACTOR),
                (ItemKind::Stake, "New stake", theme::NEW_STAKE),
                (ItemKind::Risk, "New risk", theme::NEW_RISK),
            ] {
                if ui
                    .button(RichText::new(label).color(theme::kind_color(kind)))
                    .on_hover_text(shortcut(&key))
                    .clicked()
                {
                    cmds.push(EditCommand::NewFromSelection(kind).into());
                }
            }
        });
    }
}
