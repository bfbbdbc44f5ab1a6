//! The brief as Markdown: headings, a table and lists that paste cleanly into mail or a wiki.

use crate::brief::{Brief, GRADE_KEY, SourceForm};
use std::fmt::Write;

/// Escapes the characters that would break a table cell or start markup.
fn cell(text: &str) -> String {
    inline(text).replace('|', "\\|")
}

/// The source numbers after a claim, escaped: ` \[1, 2\]` (nothing when the brief cites
/// no sources).
fn cited(brief: &Brief, numbers: &[usize]) -> String {
    let cited = brief.citation(numbers);
    if cited.is_empty() {
        return cited;
    }
    format!(" {}", inline(&cited))
}

/// Escapes inline markup characters in user text.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
    {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `text` with its first letter in upper case.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Renders the brief.
pub fn render(brief: &Brief) -> String {
    let mut m = String::new();
    let _ = writeln!(m, "# {}\n", inline(&brief.title));
    let _ = writeln!(
        m,
        "*{} · {}*\n",
        inline(&brief.kicker),
        inline(&brief.meta_line())
    );
    if !brief.bottom_line.is_empty() {
        let _ = writeln!(
            m,
            "## Bottom line\n\n{} *({} confidence)*\n",
            inline(&brief.bottom_line),
            brief.confidence
        );
    }
    if !brief.actors.is_empty() {
        m.push_str(
            "## Key actors\n\n| Actor | Role | Position / interests |\n| --- | --- | --- |\n",
        );
        for a in &brief.actors {
            let _ = writeln!(
                m,
                "| **{}**{} ({}) | {} | {} |",
                cell(&a.name),
                cited(brief, &a.sources),
                cell(&a.kind.to_lowercase()),
                cell(&a.role),
                cell(&a.position)
            );
        }
        m.push('\n');
    }
    if !brief.stakes.is_empty() {
        m.push_str("## Stakes\n\n");
        for s in &brief.stakes {
            let detail = if s.detail.is_empty() {
                String::new()
            } else {
                format!(" {}", inline(&s.detail))
            };
            let _ = writeln!(
                m,
                "- **{}**{}{}{detail}",
                inline(&s.title),
                cited(brief, &s.sources),
                inline(&s.holders_and_importance())
            );
        }
        m.push('\n');
    }
    if !brief.risks.is_empty() {
        m.push_str("## Risks\n\n");
        for r in &brief.risks {
            let _ = writeln!(
                m,
                "{}. **{}**{} — {}.",
                r.number,
                inline(&r.title),
                cited(brief, &r.sources),
                inline(&r.facts())
            );
            if !r.detail.is_empty() {
                let _ = writeln!(m, "   {}", inline(&r.detail));
            }
        }
        m.push('\n');
    }
    if !brief.indicators.is_empty() {
        m.push_str("## Indicators to watch\n\n");
        for i in &brief.indicators {
            let _ = writeln!(m, "- {} (risk {})", inline(&i.text), i.risk);
        }
        m.push('\n');
    }
    // Every source in full: Markdown has no page to fit.
    let entries: Vec<String> = brief
        .source_entries(SourceForm::Full)
        .iter()
        .map(|e| inline(&e.line()))
        .collect();
    if brief.cites_sources() {
        let _ = writeln!(
            m,
            "## Sources\n\n{}\n\n*{}.*\n",
            entries.join("\n\n"),
            capitalised(GRADE_KEY)
        );
    } else {
        let _ = writeln!(m, "## Source\n\n{}\n", entries.join(""));
    }
    if !brief.quotes.is_empty() {
        for q in &brief.quotes {
            let _ = writeln!(
                m,
                "> “{}” — {}",
                inline(&q.quote),
                inline(&brief.quote_label(q))
            );
            m.push_str(">\n");
        }
        // Drop the last quote separator.
        if m.ends_with(">\n") {
            m.truncate(m.len() - 2);
        }
        m.push('\n');
    }
    m
}
