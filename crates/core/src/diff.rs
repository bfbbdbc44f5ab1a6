//! What changed between two notebooks, item by item, one line per change: what
//! `briefing-notebook diff` prints (also as git's diff driver).
//!
//! Lines start with `+` (added), `-` (removed) or `~` (changed), then what it is about:
//! `~ actor 12 "Sergei Lavrov": role: "Minister" → "Foreign Minister"`.

use crate::model::{
    Actor, BriefMeta, Evidence, Id, Item, ItemKind, Notebook, Risk, Source, SourceField, Stake,
};
use std::collections::{HashMap, HashSet};

/// The changes from `old` to `new`, one human-readable line each, in notebook order:
/// the brief, sources, actors, stakes, risks, dismissed suggestions, conflicts. Empty
/// when they say the same things.
pub fn diff(old: &Notebook, new: &Notebook) -> Vec<String> {
    let mut out = Vec::new();
    brief(&mut out, &old.brief, &new.brief);
    sources(&mut out, old, new);
    items(&mut out, old, new, &old.actors, &new.actors, actor_fields);
    items(&mut out, old, new, &old.stakes, &new.stakes, stake_fields);
    items(&mut out, old, new, &old.risks, &new.risks, risk_fields);
    let (was, now) = (&old.dismissed_suggestions, &new.dismissed_suggestions);
    for name in now.iter().filter(|n| !was.contains(n)) {
        out.push(format!("+ dismissed suggestion \"{name}\""));
    }
    for name in was.iter().filter(|n| !now.contains(n)) {
        out.push(format!("- dismissed suggestion \"{name}\""));
    }
    for c in new.conflicts.iter().filter(|c| !old.conflicts.contains(c)) {
        out.push(format!(
            "+ conflict about {}: ours {}, theirs {}",
            new.field_place(c.field),
            short(&c.ours.summary()),
            short(&c.theirs.summary())
        ));
    }
    for c in old.conflicts.iter().filter(|c| !new.conflicts.contains(c)) {
        out.push(format!(
            "- conflict about {} (settled)",
            old.field_place(c.field)
        ));
    }
    out
}

/// A quoted value cut to one short line.
fn short(text: &str) -> String {
    const MAX: usize = 80;
    let one_line = text.replace('\n', " ");
    if one_line.chars().count() <= MAX {
        one_line
    } else {
        let cut: String = one_line.chars().take(MAX).collect();
        format!("{cut}…")
    }
}

fn quoted(text: &str) -> String {
    format!("\"{}\"", short(text))
}

fn changed(out: &mut Vec<String>, what: &str, label: &str, old: &str, new: &str) {
    if old != new {
        out.push(format!(
            "~ {what}: {label}: {} → {}",
            quoted(old),
            quoted(new)
        ));
    }
}

fn brief(out: &mut Vec<String>, old: &BriefMeta, new: &BriefMeta) {
    changed(out, "brief", "title", &old.title, &new.title);
    changed(
        out,
        "brief",
        "bottom line",
        &old.bottom_line,
        &new.bottom_line,
    );
    changed(out, "brief", "analyst", &old.analyst, &new.analyst);
    changed(out, "brief", "handling", &old.handling, &new.handling);
    changed(
        out,
        "brief",
        "confidence",
        old.confidence.label(),
        new.confidence.label(),
    );
}

fn source_name(nb: &Notebook, id: Id) -> String {
    let title = nb.source(id).map_or("", |s| s.article.title.as_str());
    format!("source {id} \"{}\"", short(title))
}

fn sources(out: &mut Vec<String>, old: &Notebook, new: &Notebook) {
    let before: HashMap<Id, &Source> = old.sources.iter().map(|s| (s.id, s)).collect();
    let after: HashSet<Id> = new.sources.iter().map(|s| s.id).collect();
    for s in &new.sources {
        let what = source_name(new, s.id);
        let Some(was) = before.get(&s.id) else {
            out.push(format!(
                "+ {what} {} ({} characters)",
                s.grade(),
                s.article.char_len()
            ));
            continue;
        };
        changed(out, &what, "grade", &was.grade(), &s.grade());
        for field in SourceField::ALL {
            let label = field.label().to_lowercase();
            changed(
                out,
                &what,
                &label,
                field.get(&was.article),
                field.get(&s.article),
            );
        }
        if was.article.text_sha256 != s.article.text_sha256 {
            out.push(format!(
                "~ {what}: text changed ({} → {} characters)",
                was.article.char_len(),
                s.article.char_len()
            ));
        }
    }
    for s in old.sources.iter().filter(|s| !after.contains(&s.id)) {
        out.push(format!("- {}", source_name(old, s.id)));
    }
    if order_changed(&old.sources, &new.sources, |s| s.id) {
        out.push("~ sources reordered (the brief numbers them anew)".to_owned());
    }
}

/// True when the things both lists hold are in a different order.
fn order_changed<T>(old: &[T], new: &[T], id: impl Fn(&T) -> Id) -> bool {
    let in_new: HashSet<Id> = new.iter().map(&id).collect();
    let in_old: HashSet<Id> = old.iter().map(&id).collect();
    let a = old.iter().map(&id).filter(|i| in_new.contains(i));
    let b = new.iter().map(&id).filter(|i| in_old.contains(i));
    !a.eq(b)
}

/// An item's fields other than lists and evidence, as (label, value) in form order.
type Fields = fn(&Notebook, &dyn std::any::Any) -> Vec<(&'static str, String)>;

fn actor_fields(_: &Notebook, item: &dyn std::any::Any) -> Vec<(&'static str, String)> {
    let Some(a) = item.downcast_ref::<Actor>() else {
        return Vec::new();
    };
    vec![
        ("name", a.name.clone()),
        ("kind", a.kind.label().to_owned()),
        ("aliases", a.aliases.join("; ")),
        ("role", a.role.clone()),
        ("position", a.position.clone()),
        ("notes", a.notes.clone()),
    ]
}

fn names(nb: &Notebook, ids: &[Id]) -> String {
    ids.iter()
        .map(|&id| nb.actor(id).map_or(format!("#{id}"), |a| a.name.clone()))
        .collect::<Vec<_>>()
        .join("; ")
}

fn stake_fields(nb: &Notebook, item: &dyn std::any::Any) -> Vec<(&'static str, String)> {
    let Some(s) = item.downcast_ref::<Stake>() else {
        return Vec::new();
    };
    vec![
        ("title", s.title.clone()),
        ("detail", s.detail.clone()),
        ("holders", names(nb, &s.holders)),
        ("importance", s.importance.label().to_owned()),
    ]
}

fn risk_fields(nb: &Notebook, item: &dyn std::any::Any) -> Vec<(&'static str, String)> {
    let Some(r) = item.downcast_ref::<Risk>() else {
        return Vec::new();
    };
    vec![
        ("title", r.title.clone()),
        ("detail", r.detail.clone()),
        ("likelihood", r.likelihood.to_string()),
        ("impact", r.impact.to_string()),
        ("horizon", r.horizon.clone()),
        ("indicators", r.indicators.join("; ")),
        ("actors", names(nb, &r.actors)),
        ("confidence", r.confidence.label().to_owned()),
    ]
}

fn items<T: Item + 'static>(
    out: &mut Vec<String>,
    old: &Notebook,
    new: &Notebook,
    was: &[T],
    now: &[T],
    fields: Fields,
) {
    let before: HashMap<Id, &T> = was.iter().map(|i| (i.id(), i)).collect();
    let after: HashSet<Id> = now.iter().map(|i| i.id()).collect();
    for item in now {
        let what = format!(
            "{} {} \"{}\"",
            item.kind().label(),
            item.id(),
            short(item.name())
        );
        let Some(&prev) = before.get(&item.id()) else {
            let filled: Vec<String> = fields(new, item)
                .into_iter()
                .skip(1)
                .filter(|(_, v)| !v.is_empty())
                .map(|(label, v)| format!("{label} {}", quoted(&v)))
                .collect();
            let spans = match item.evidence().len() {
                0 => String::new(),
                n => format!("; {n} evidence span{}", if n == 1 { "" } else { "s" }),
            };
            out.push(format!("+ {what} ({}{spans})", filled.join(", ")));
            evidence(out, new, &what, &[], item.evidence());
            continue;
        };
        for ((label, a), (_, b)) in fields(old, prev).into_iter().zip(fields(new, item)) {
            changed(out, &what, label, &a, &b);
        }
        evidence(out, new, &what, prev.evidence(), item.evidence());
    }
    for item in was.iter().filter(|i| !after.contains(&i.id())) {
        out.push(format!(
            "- {} {} \"{}\"",
            item.kind().label(),
            item.id(),
            short(item.name())
        ));
    }
    let kind = now.first().or(was.first()).map(|i| i.kind());
    if let Some(kind) = kind
        && order_changed(was, now, |i| i.id())
    {
        let list = match kind {
            ItemKind::Actor => "actors",
            ItemKind::Stake => "stakes",
            ItemKind::Risk => "risks",
        };
        let order: Vec<String> = now.iter().map(|i| quoted(i.name())).collect();
        out.push(format!("~ {list} reordered: {}", order.join(", ")));
    }
}

fn evidence(out: &mut Vec<String>, nb: &Notebook, what: &str, was: &[Evidence], now: &[Evidence]) {
    let span = |e: &Evidence| {
        let number = nb
            .source_number(e.source)
            .map_or(String::new(), |n| format!("[{n}] "));
        format!("{number}{}", quoted(&e.quote))
    };
    let before: HashMap<Id, &Evidence> = was.iter().map(|e| (e.id, e)).collect();
    let after: HashSet<Id> = now.iter().map(|e| e.id).collect();
    for e in now {
        match before.get(&e.id) {
            None => out.push(format!("~ {what}: + evidence {}", span(e))),
            Some(old) if old.quote != e.quote || old.source != e.source => out.push(format!(
                "~ {what}: evidence {} now reads {}",
                span(old),
                span(e)
            )),
            Some(_) => {}
        }
    }
    for e in was.iter().filter(|e| !after.contains(&e.id)) {
        out.push(format!("~ {what}: - evidence {}", span(e)));
    }
}

#[cfg(test)]
mod tests {
    use super::diff;
    use crate::model::{Article, Edit, ItemKind, ItemRef, ListField, Notebook, TextField};

    #[test]
    fn each_change_is_one_line_naming_the_item_and_field() {
        let mut old = Notebook::new(Article::new("T", "Moscow hosted the talks."));
        let id = old.allocate_id();
        Edit::AddItem {
            kind: ItemKind::Actor,
            id,
            name: "Lavrov".into(),
            evidence: None,
        }
        .apply(&mut old)
        .unwrap();
        assert!(diff(&old, &old).is_empty());
        let mut new = old.clone();
        let span = new.allocate_id();
        let index = crate::model::TextIndex::new("Moscow hosted the talks.");
        let e = crate::anchor::evidence_for(1, "Moscow hosted the talks.", &index, span, 0, 6);
        let actor = ItemRef {
            kind: ItemKind::Actor,
            id,
        };
        let stake = new.allocate_id();
        for edit in [
            Edit::SetText(TextField::ActorRole(id), "Minister".into()),
            Edit::AddListEntry(ListField::ActorAliases(id), "Sergei".into()),
            Edit::AttachEvidence(actor, e),
            Edit::SetText(TextField::BottomLine, "Moscow leads.".into()),
            Edit::AddItem {
                kind: ItemKind::Stake,
                id: stake,
                name: "Bases".into(),
                evidence: None,
            },
        ] {
            edit.apply(&mut new).unwrap();
        }
        assert_eq!(
            diff(&old, &new),
            [
                "~ brief: bottom line: \"\" → \"Moscow leads.\"".to_owned(),
                format!("~ actor {id} \"Lavrov\": aliases: \"\" → \"Sergei\""),
                format!("~ actor {id} \"Lavrov\": role: \"\" → \"Minister\""),
                format!("~ actor {id} \"Lavrov\": + evidence [1] \"Moscow\""),
                format!("+ stake {stake} \"Bases\" (importance \"Medium\")"),
            ]
        );
        assert_eq!(
            diff(&new, &old).last().unwrap(),
            &format!("- stake {stake} \"Bases\"")
        );
    }
}
