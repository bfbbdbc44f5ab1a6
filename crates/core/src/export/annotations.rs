//! The evidence, out of the app: W3C Web Annotation Data Model (JSON-LD) and CSV.

use crate::model::{AnchorStatus, Article, Evidence, ItemKind, ItemRef, Notebook};
use serde_json::{Value, json};

/// An IRI for an article: its URL when known, else its text's hash.
fn source_iri(article: &Article) -> String {
    article
        .url
        .clone()
        .unwrap_or_else(|| format!("urn:sha256:{}", article.text_sha256))
}

/// The start of an article's hash, naming it in annotation ids.
fn short_hash(article: &Article) -> &str {
    &article.text_sha256[..article.text_sha256.len().min(16)]
}

/// Words describing what an evidence span supports.
fn body_text(nb: &Notebook, item: ItemRef) -> String {
    let name = nb.item_name(item).unwrap_or_default();
    let note = match item.kind {
        ItemKind::Actor => nb.actor(item.id).map(|a| {
            [a.role.as_str(), a.position.as_str(), a.notes.as_str()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" — ")
        }),
        ItemKind::Stake => nb.stake(item.id).map(|s| s.detail.clone()),
        ItemKind::Risk => nb.risk(item.id).map(|r| {
            format!(
                "likelihood {}/5, impact {}/5. {}",
                r.likelihood, r.impact, r.detail
            )
        }),
    }
    .unwrap_or_default();
    let kind = item.kind.label();
    let head = format!("{}{}: {name}", kind[..1].to_uppercase(), &kind[1..]);
    if note.trim().is_empty() {
        head
    } else {
        format!("{head}. {}", note.trim())
    }
}

/// One span as an annotation whose target is the source it quotes.
fn annotation(nb: &Notebook, item: ItemRef, e: &Evidence) -> Value {
    let article = nb.source(e.source).map(|s| &s.article);
    let base = article.map(short_hash).unwrap_or_default();
    json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": format!("urn:briefing-notebook:{base}:evidence:{}", e.id),
        "type": "Annotation",
        "motivation": "describing",
        "body": [
            {
                "type": "TextualBody",
                "purpose": "describing",
                "value": body_text(nb, item),
                "format": "text/plain",
            },
            {
                "type": "TextualBody",
                "purpose": "tagging",
                "value": item.kind.label(),
            }
        ],
        "target": {
            "source": article.map(source_iri).unwrap_or_default(),
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": e.quote,
                    "prefix": e.prefix,
                    "suffix": e.suffix,
                },
                {
                    "type": "TextPositionSelector",
                    "start": e.start,
                    "end": e.end,
                }
            ]
        }
    })
}

/// Every evidence span as a W3C Web Annotation, in one AnnotationCollection (JSON-LD),
/// each targeting its own source. Text positions are counted in Unicode code points, as
/// the model specifies.
pub fn w3c(nb: &Notebook) -> Value {
    let items: Vec<Value> = nb
        .all_evidence()
        .map(|(item, e)| annotation(nb, item, e))
        .collect();
    let base = nb
        .first_source()
        .map(|s| short_hash(&s.article))
        .unwrap_or_default();
    json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": format!("urn:briefing-notebook:{base}:evidence"),
        "type": "AnnotationCollection",
        "label": format!("Evidence for “{}”", nb.brief.title),
        "total": items.len(),
        "first": {
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        }
    })
}

/// One CSV field, quoted when it must be (RFC 4180).
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// The evidence as CSV (RFC 4180: CRLF line ends, quoted fields; UTF-8): item kind, item
/// name, source (its id), quote, start, end, status.
pub fn csv(nb: &Notebook) -> String {
    let mut out = String::from("item kind,item name,source,quote,start,end,status\r\n");
    for (item, e) in nb.all_evidence() {
        let status = match e.status {
            AnchorStatus::Exact => "exact",
            AnchorStatus::Moved => "moved",
            AnchorStatus::Fuzzy => "fuzzy",
            AnchorStatus::Orphaned => "orphaned",
        };
        let row = [
            field(item.kind.label()),
            field(nb.item_name(item).unwrap_or_default()),
            e.source.to_string(),
            field(&e.quote),
            e.start.to_string(),
            e.end.to_string(),
            status.to_owned(),
        ];
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_what_needs_quoting() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"no\""), "\"say \"\"no\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
    }
}
