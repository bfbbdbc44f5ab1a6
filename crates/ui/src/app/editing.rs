//! Edit and view commands: changes go to the session's document (each one undo step),
//! the rest to the view state. A handler that leads to another command (a new item is
//! then focused) returns it to the loop rather than running it.

use super::BriefingApp;
use crate::command::{Command, EditCommand, ViewCommand};
use crate::panes::{Tab, fields::shorten};
use briefing_core::anchor::{accept_as_found, evidence_for};
use briefing_core::merge::resolution;
use briefing_core::model::{Edit, Evidence, Id, ItemKind, ItemRef, ListField, TextField};
use briefing_core::suggest::Suggestion;

impl BriefingApp {
    /// Carries out an edit command; returns the command it leads to, if any.
    pub(super) fn run_edit(&mut self, command: EditCommand) -> Option<Command> {
        match command {
            EditCommand::Apply(edit) => {
                self.edit(edit);
            }
            EditCommand::Seal => self.session.document_mut().seal(),
            EditCommand::Undo => {
                if self.session.document_mut().undo() {
                    self.after_history_move("Undone");
                }
            }
            EditCommand::Redo => {
                if self.session.document_mut().redo() {
                    self.after_history_move("Redone");
                }
            }
            EditCommand::AddItem(kind) => {
                let id = self.session.document_mut().allocate_id();
                self.edit(Edit::AddItem {
                    kind,
                    id,
                    name: String::new(),
                    evidence: None,
                });
                return Some(focus(kind, id));
            }
            EditCommand::AttachSelection => self.attach_selection(),
            EditCommand::NewFromSelection(kind) => return self.new_from_selection(kind),
            EditCommand::AttachMention(actor) => self.attach_mention(actor),
            EditCommand::AcceptSuggestion(s) => return self.accept_suggestion(&s, None),
            EditCommand::MergeSuggestion(s, into) => return self.accept_suggestion(&s, Some(into)),
            EditCommand::AcceptSpan(item, id) => {
                let nb = self.session.document().notebook();
                let accepted = nb
                    .evidence_of(item)
                    .and_then(|list| list.iter().find(|e| e.id == id))
                    .and_then(|e| {
                        let text = &nb.source(e.source)?.article.text;
                        Some(accept_as_found(text, self.derived.indexes.of(e.source), e))
                    });
                if let Some(evidence) = accepted {
                    self.edit(Edit::ReplaceEvidence(item, evidence));
                }
            }
            EditCommand::RemoveSource { id, confirmed } => self.remove_source(id, confirmed),
            EditCommand::ResolveConflict(field, choice) => {
                let nb = self.session.document().notebook();
                match resolution(nb, field, choice) {
                    Ok(edit) => {
                        if self.edit(edit) {
                            self.shell.status =
                                "Conflict settled. Undo (Ctrl+Z) brings it back.".to_owned();
                        }
                    }
                    Err(e) => self.shell.status = format!("Could not settle the conflict: {e}"),
                }
            }
        }
        None
    }

    /// Carries out a view command; returns the command it leads to, if any.
    pub(super) fn run_view(&mut self, command: ViewCommand) -> Option<Command> {
        match command {
            ViewCommand::Focus(item) => {
                self.focus = Some(item);
                self.tab = Tab::of(item.kind);
                self.scroll_to_focus = true;
            }
            ViewCommand::Reveal { source, start, end } => {
                self.show_source(source);
                // An orphaned span keeps whatever offsets its file had: show what of it
                // lies in the text, never arithmetic on the raw numbers.
                let len = self.derived.indexes.of(source).char_len();
                let end = end.min(len);
                let start = start.min(end);
                self.article.reveal(start);
                let now = self.ctx.as_ref().map_or(0.0, |c| c.input(|i| i.time));
                self.flash = Some((start, end, now));
            }
            ViewCommand::Find => self.find.open(),
            ViewCommand::TogglePreview => self.preview.open = !self.preview.open,
            ViewCommand::StepMention { actor, step } => return self.step_mention(actor, step),
            ViewCommand::ComputeSuggestions => self
                .derived
                .compute_suggestions_in_background(&self.session.document().notebook().sources),
            ViewCommand::ShowSource(id) => self.show_source(id),
        }
        None
    }

    /// Applies an edit; on failure says why in the status line. True when it applied.
    fn edit(&mut self, edit: Edit) -> bool {
        let deleted = match &edit {
            Edit::DeleteItem(item) => Some(*item),
            _ => None,
        };
        match self.session.document_mut().apply(edit) {
            Ok(()) => {
                if deleted.is_some() && deleted == self.focus {
                    self.focus = None;
                    self.shell.status = "Deleted. Undo (Ctrl+Z) brings it back.".to_owned();
                }
                true
            }
            Err(e) => {
                self.shell.status = format!("Could not change the notebook: {e}");
                false
            }
        }
    }

    /// Removes a source and its evidence, asking first when it has evidence.
    fn remove_source(&mut self, id: Id, confirmed: bool) {
        let nb = self.session.document().notebook();
        let (Some(number), Some(source)) = (nb.source_number(id), nb.source(id)) else {
            return;
        };
        if nb.sources.len() == 1 {
            self.shell.status =
                "A notebook keeps at least one source: add another before removing this one."
                    .to_owned();
            return;
        }
        let spans = nb.evidence_count(id);
        if spans > 0 && !confirmed {
            let question = format!(
                "Remove source {number} and its {}?",
                crate::panes::counted(spans, "evidence span")
            );
            self.modal = Some(crate::modals::Modal::RemoveSource {
                id,
                question,
                title: shorten(&source.article.title, 80),
            });
            return;
        }
        if self.edit(Edit::RemoveSource(id)) {
            self.shell.status = format!("Removed source {number}. Undo (Ctrl+Z) brings it back.");
        }
    }

    fn after_history_move(&mut self, what: &str) {
        let nb = self.session.document().notebook();
        if self.focus.is_some_and(|f| !nb.contains(f)) {
            self.focus = None;
        }
        self.shell.status = what.to_owned();
    }

    /// A new evidence span over chars `start..end` of the source the reader shows, with a
    /// fresh id (`None` in a notebook without sources).
    fn new_evidence(&mut self, start: usize, end: usize) -> Option<Evidence> {
        let source = self.current_source()?;
        self.new_evidence_in(source, start, end)
    }

    /// A new evidence span over chars `start..end` of source `source`, with a fresh id.
    fn new_evidence_in(&mut self, source: Id, start: usize, end: usize) -> Option<Evidence> {
        self.derived.sync_index(self.session.document().notebook());
        let id = self.session.document_mut().allocate_id();
        let text = &self
            .session
            .document()
            .notebook()
            .source(source)?
            .article
            .text;
        let index = self.derived.indexes.of(source);
        Some(evidence_for(source, text, index, id, start, end))
    }

    fn attach_selection(&mut self) {
        let Some((start, end)) = self.article.selection() else {
            self.shell.status = "Select words in the article first.".to_owned();
            return;
        };
        let nb = self.session.document().notebook();
        let Some(item) = self.focus.filter(|f| nb.contains(*f)) else {
            self.shell.status = "Select an actor, stake or risk in the pane first (or make a new one from the selection).".to_owned();
            return;
        };
        let Some(evidence) = self.new_evidence(start, end) else {
            return;
        };
        let quote = shorten(&evidence.quote, 60);
        self.edit(Edit::AttachEvidence(item, evidence));
        let nb = self.session.document().notebook();
        let name = nb.item_name(item).unwrap_or_default();
        self.shell.status = format!("Attached “{quote}” to {} “{name}”.", item.kind.label());
        self.article.clear_selection();
    }

    fn new_from_selection(&mut self, kind: ItemKind) -> Option<Command> {
        let Some((start, end)) = self.article.selection() else {
            self.shell.status = "Select words in the article first.".to_owned();
            return None;
        };
        let item_id = self.session.document_mut().allocate_id();
        let evidence = self.new_evidence(start, end)?;
        let limit = if kind == ItemKind::Actor { 80 } else { 120 };
        let name = shorten(&evidence.quote, limit);
        let mut edits = Vec::new();
        if kind == ItemKind::Actor {
            // What a suggestion knows of the name (kind, role), else a guess from the name.
            let nb = self.session.document().notebook();
            let suggested = self.derived.suggestions(&nb.sources).and_then(|all| {
                all.iter()
                    .find(|s| s.name == name || s.aliases.contains(&name))
                    .map(|s| (s.kind, s.role.clone()))
            });
            let (actor_kind, role) = suggested
                .unwrap_or_else(|| (briefing_core::suggest::kind_of_name(&name), String::new()));
            edits.push(Edit::SetActorKind(item_id, actor_kind));
            if !role.is_empty() {
                edits.push(Edit::SetText(TextField::ActorRole(item_id), role));
            }
        }
        edits.insert(
            0,
            Edit::AddItem {
                kind,
                id: item_id,
                name,
                evidence: Some(evidence),
            },
        );
        self.edit(Edit::Batch(edits));
        self.article.clear_selection();
        self.shell.status = format!("New {} from the selection.", kind.label());
        Some(focus(kind, item_id))
    }

    /// Selects the previous or next mention of `actor` and reveals it.
    fn step_mention(&mut self, actor: Id, step: isize) -> Option<Command> {
        self.derived
            .sync_mentions(self.session.document().notebook());
        let of_actor = self.derived.mentions_of(actor);
        if of_actor.is_empty() {
            return None;
        }
        let n = of_actor.len() as isize;
        let next = match self.current_mention {
            Some((a, i)) if a == actor => (i as isize + step).rem_euclid(n),
            _ if step < 0 => n - 1,
            _ => 0,
        } as usize;
        let m = of_actor[next];
        self.current_mention = Some((actor, next));
        // The mention's source first: showing another source clears the selection.
        self.show_source(m.source);
        self.article.set_selection(m.start, m.end);
        Some(Command::View(ViewCommand::Reveal {
            source: m.source,
            start: m.start,
            end: m.end,
        }))
    }

    /// Attaches the mention last stepped to as evidence for its actor.
    fn attach_mention(&mut self, actor: Id) {
        let Some(m) = self
            .current_mention
            .filter(|&(a, _)| a == actor)
            .and_then(|(_, i)| self.derived.mentions_of(actor).get(i).copied())
        else {
            return;
        };
        let Some(evidence) = self.new_evidence_in(m.source, m.start, m.end) else {
            return;
        };
        self.edit(Edit::AttachEvidence(
            ItemRef {
                kind: ItemKind::Actor,
                id: actor,
            },
            evidence,
        ));
        self.shell.status = "Mention attached as evidence.".to_owned();
    }

    /// Makes a suggestion an actor (or adds its names to `into`), with its first mention
    /// as evidence: one undo step.
    fn accept_suggestion(&mut self, s: &Suggestion, into: Option<Id>) -> Option<Command> {
        let id = match into {
            Some(id) => id,
            None => self.session.document_mut().allocate_id(),
        };
        let evidence = s
            .first_mention()
            .and_then(|(source, a, b)| self.new_evidence_in(source, a, b));
        let existing: Vec<String> = self
            .session
            .document()
            .notebook()
            .actor(id)
            .map(|a| {
                std::iter::once(a.name.clone())
                    .chain(a.aliases.iter().cloned())
                    .collect()
            })
            .unwrap_or_default();
        let mut edits = Vec::new();
        if into.is_none() {
            edits.push(Edit::AddItem {
                kind: ItemKind::Actor,
                id,
                name: s.name.clone(),
                evidence,
            });
            edits.push(Edit::SetActorKind(id, s.kind));
            if !s.role.is_empty() {
                edits.push(Edit::SetText(TextField::ActorRole(id), s.role.clone()));
            }
        } else if let Some(e) = evidence {
            edits.push(Edit::AttachEvidence(
                ItemRef {
                    kind: ItemKind::Actor,
                    id,
                },
                e,
            ));
        }
        let mut names: Vec<&String> = Vec::new();
        if into.is_some() {
            names.push(&s.name);
        }
        names.extend(s.aliases.iter());
        for name in names {
            if !existing.contains(name) {
                edits.push(Edit::AddListEntry(
                    ListField::ActorAliases(id),
                    name.clone(),
                ));
            }
        }
        if !self.edit(Edit::Batch(edits)) {
            return None;
        }
        self.shell.status = match into {
            None => format!("Added {} as an actor.", s.name),
            Some(_) => format!("Merged {} into the actor.", s.name),
        };
        Some(focus(ItemKind::Actor, id))
    }
}

/// Focus on a new or changed item.
fn focus(kind: ItemKind, id: Id) -> Command {
    Command::View(ViewCommand::Focus(ItemRef { kind, id }))
}
