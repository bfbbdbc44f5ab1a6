//! The brief as one standalone HTML file: inline styles, no script, no remote resource,
//! every piece of user text escaped and marked `dir="auto"`, print CSS for one page.

use super::Paper;
use super::fit::{Droppable, source_form};
use crate::brief::{Brief, GRADE_KEY, SourceEntry, SourceForm};
use std::fmt::Write;

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// User text in an element that finds its own direction.
fn user(tag: &str, class: &str, text: &str) -> String {
    let class = if class.is_empty() {
        String::new()
    } else {
        format!(" class=\"{class}\"")
    };
    format!("<{tag}{class} dir=\"auto\">{}</{tag}>", escape(text))
}

const STYLE: &str = r#"
:root { --ink:#181c26; --muted:#5c6574; --accent:#164078; --rule:#c6ccd6; --tint:#ecf1f8; --scale: SCALE; }
* { box-sizing: border-box; }
body { margin: 0; background: #e9ebef; color: var(--ink);
  font: 10pt/1.35 "Noto Sans", "Helvetica Neue", Arial, sans-serif; }
.page { background: #fff; max-width: 210mm; margin: 12mm auto; padding: 14mm 17mm 12mm;
  box-shadow: 0 1px 6px rgba(0,0,0,.15); }
.kicker { font-size: 7.5pt; font-weight: 700; letter-spacing: .08em; color: var(--muted); margin: 0; }
h1 { font-size: 19pt; line-height: 1.2; margin: 2pt 0 2pt; }
.meta { font-size: 8pt; color: var(--muted); margin: 0 0 5pt; padding-bottom: 7pt;
  border-bottom: 1.2pt solid var(--accent); }
h2 { font-size: 10.5pt; color: var(--accent); margin: 9pt 0 3pt; }
.bluf { background: var(--tint); border-left: 2.5pt solid var(--accent); padding: 5pt 8pt; margin-top: 9pt; }
.bluf h2 { margin-top: 0; }
.bluf p { margin: 0; font-size: 10pt; }
table { width: 100%; border-collapse: collapse; font-size: 8.5pt; }
th { text-align: left; color: var(--muted); font-weight: 700; border-bottom: .6pt solid var(--rule); padding: 0 6pt 2pt 0; }
td { vertical-align: top; border-bottom: .4pt solid var(--rule); padding: 2.5pt 6pt 2.5pt 0; }
td .kind { color: var(--muted); }
ul { margin: 0; padding-left: 12pt; }
ul.indicators { columns: 2; column-gap: 14pt; }
li { margin: 0 0 1.5pt; }
.muted { color: var(--muted); }
.risks { display: flex; gap: 14pt; align-items: flex-start; }
.risks svg { flex: none; }
.risks ol { margin: 0; padding-left: 0; list-style: none; flex: 1; }
.risks li { display: flex; gap: 5pt; margin-bottom: 3pt; }
.num { flex: none; width: 11pt; height: 11pt; border-radius: 50%; background: var(--accent); color: #fff;
  font-size: 6.5pt; font-weight: 700; text-align: center; line-height: 11pt; margin-top: 1.5pt; }
.facts { font-size: 8pt; color: var(--muted); display: block; }
.detail { font-size: 8.5pt; display: block; }
.small { font-size: 8.5pt; }
.source { border-top: .6pt solid var(--rule); margin-top: 9pt; padding-top: 4pt; font-size: 8pt; color: var(--muted); }
.source q { font-style: italic; color: var(--ink); }
.source ol { list-style: none; margin: 1pt 0 0; padding: 0; }
.source li { margin: 0; }
.source .title { color: var(--ink); }
.sources-fitted { display: none; }
footer { border-top: .6pt solid var(--rule); margin-top: 12pt; padding-top: 3pt; font-size: 7pt; color: var(--muted);
  display: flex; justify-content: space-between; }
@media print {
  /* The same type scale and omissions as the one-page PDF, a little smaller still,
     since the browser's fonts may be wider. */
  html { font-size: calc(9.5pt * var(--scale) * 0.9); }
  footer { margin-top: 6pt; }
  body { background: #fff; font-size: 1rem; }
  .page { margin: 0; padding: 0; box-shadow: none; max-width: none; }
  @page { size: PAPER; margin: 15mm 15.5mm 12mm; }
  h1 { font-size: 2rem; } h2 { font-size: 1.1rem; margin: .8rem 0 .25rem; }
  .kicker, footer { font-size: .79rem; } .meta, .facts, .source { font-size: .84rem; }
  table, .small, .detail { font-size: .9rem; } .bluf p { font-size: 1.05rem; }
  h1, h2, tr, li { break-inside: avoid; }
  DROPPED
  FITTED
}
"#;

/// The 5×5 matrix as inline SVG, with the same numbered markers as the PDF.
fn matrix_svg(brief: &Brief) -> String {
    let cell = 26.0;
    let label = 14.0;
    let size = label + 5.0 * cell;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"Risk matrix: likelihood by impact\">",
        w = size,
        h = 5.0 * cell + 30.0
    );
    for row in 0..5u8 {
        let l = 5 - row;
        for col in 0..5u8 {
            let color = match u16::from(l) * u16::from(col + 1) {
                0..=4 => "#dbedde",
                5..=9 => "#faf1cb",
                10..=14 => "#fbdec0",
                _ => "#f6c9c5",
            };
            let _ = write!(
                svg,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{color}\"/>",
                label + f32::from(col) * cell + 0.5,
                f32::from(row) * cell + 0.5,
                cell - 1.0,
                cell - 1.0
            );
        }
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" font-size=\"8\" fill=\"#5c6574\" text-anchor=\"end\">{l}</text>",
            label - 3.0,
            f32::from(row) * cell + cell / 2.0 + 3.0
        );
    }
    for col in 1..=5u8 {
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" font-size=\"8\" fill=\"#5c6574\" text-anchor=\"middle\">{col}</text>",
            label + (f32::from(col) - 0.5) * cell,
            5.0 * cell + 11.0
        );
    }
    let _ = write!(
        svg,
        "<text x=\"{}\" y=\"{}\" font-size=\"7.5\" fill=\"#5c6574\" text-anchor=\"middle\">rows: likelihood · columns: impact</text>",
        label + 2.5 * cell,
        5.0 * cell + 24.0
    );
    let mut seen: Vec<(u8, u8)> = Vec::new();
    for r in &brief.risks {
        let (l, i) = (r.likelihood.clamp(1, 5), r.impact.clamp(1, 5));
        let k = seen.iter().filter(|&&p| p == (l, i)).count() as f32;
        let n = brief
            .risks
            .iter()
            .filter(|x| (x.likelihood.clamp(1, 5), x.impact.clamp(1, 5)) == (l, i))
            .count() as f32;
        seen.push((l, i));
        let step = 11.0;
        let per_row = 2.0;
        let rows = (n / per_row).ceil();
        let in_row = if (k / per_row).floor() + 1.0 < rows {
            per_row
        } else {
            n - (rows - 1.0) * per_row
        };
        let cx = label
            + f32::from(i - 1) * cell
            + (cell - in_row * step) / 2.0
            + step / 2.0
            + (k % per_row) * step;
        let cy = f32::from(5 - l) * cell
            + (cell - rows * step) / 2.0
            + step / 2.0
            + (k / per_row).floor() * step;
        let _ = write!(
            svg,
            "<circle cx=\"{cx}\" cy=\"{cy}\" r=\"5\" fill=\"#164078\"/><text x=\"{cx}\" y=\"{}\" font-size=\"6.5\" font-weight=\"700\" fill=\"#fff\" text-anchor=\"middle\">{}</text>",
            cy + 2.3,
            r.number
        );
    }
    svg.push_str("</svg>");
    svg
}

/// How the one-page PDF fitted, applied to printing: type scale and what to leave out.
#[derive(Clone, Debug)]
pub struct PrintFit {
    /// Type scale (1 = 9.5 pt body).
    pub scale: f32,
    /// Left out (see `fit::DROP_ORDER`).
    pub dropped: Vec<Droppable>,
}

/// CSS class of the elements each droppable piece is in.
fn dropped_class(dropped: Droppable) -> &'static str {
    match dropped {
        Droppable::Quotes => ".quotes",
        // The full list gives way to the fitted one (see `sources`).
        Droppable::SourceDetails | Droppable::SourceEntries => ".sources-full",
        Droppable::RiskDetails => ".risk-detail",
        Droppable::StakeDetails => ".stake-detail",
        Droppable::ActorPositions => ".position",
    }
}

/// The source numbers after a claim, muted: ` <span class="muted cite">[1, 2]</span>`
/// (nothing when the brief cites no sources).
fn cite(brief: &Brief, numbers: &[usize]) -> String {
    let cited = brief.citation(numbers);
    if cited.is_empty() {
        return cited;
    }
    format!(
        " <span class=\"muted cite\">{}</span>",
        escape(cited.trim())
    )
}

/// One source entry: "<b>[2]</b> <span class="title">Title</span> — BBC News, B2".
fn entry(e: &SourceEntry) -> String {
    let label = if e.label.is_empty() {
        String::new()
    } else {
        format!("<strong>{}</strong> ", escape(&e.label))
    };
    format!(
        "{label}{}{}",
        user("span", "title", &e.name),
        escape(&format!("{}, {}", e.detail, e.grade))
    )
}

/// The start of the source section: one source on one line; several as a list in full
/// (on screen, and in print unless the PDF shortened it), and, when the PDF shortened
/// it, the same shortened list for print.
fn sources(h: &mut String, brief: &Brief, form: SourceForm) {
    if !brief.cites_sources() {
        let line: Vec<String> = brief.source_entries(form).iter().map(entry).collect();
        let _ = write!(
            h,
            "<section class=\"source\"><strong>Source:</strong> {}",
            line.join("")
        );
        return;
    }
    let _ = write!(
        h,
        "<section class=\"source\"><strong>Sources:</strong> {}<ol class=\"sources-full\">",
        escape(GRADE_KEY)
    );
    for e in brief.source_entries(SourceForm::Full) {
        let _ = write!(h, "<li>{}</li>", entry(&e));
    }
    h.push_str("</ol>");
    if form != SourceForm::Full {
        let fitted: Vec<String> = brief.source_entries(form).iter().map(entry).collect();
        let _ = write!(
            h,
            "<span class=\"sources-fitted\">{}.</span>",
            fitted.join("; ")
        );
    }
}

/// Renders the brief. `paper` sets the print page size; `fit` the print type scale and
/// omissions (as in the PDF), so the page prints on one sheet.
pub fn render(brief: &Brief, paper: Paper, fit: &PrintFit) -> String {
    let mut h = String::new();
    let hidden: Vec<&str> = fit.dropped.iter().map(|&d| dropped_class(d)).collect();
    let dropped = if hidden.is_empty() {
        String::new()
    } else {
        format!("{} {{ display: none; }}", hidden.join(", "))
    };
    let css = STYLE
        .replace("PAPER", paper.css_size())
        .replace("SCALE", &format!("{:.3}", fit.scale))
        .replace("DROPPED", &dropped)
        .replace(
            "FITTED",
            if source_form(&fit.dropped) == SourceForm::Full {
                ""
            } else {
                ".sources-fitted { display: block; }"
            },
        );
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"Briefing Notebook\">\n<title>{}</title>\n<style>{css}</style>\n</head>\n<body>\n<main class=\"page\">\n",
        escape(&brief.title)
    );
    let _ = writeln!(
        h,
        "<p class=\"kicker\">{}</p>",
        escape(&brief.kicker.to_uppercase())
    );
    let _ = writeln!(h, "{}", user("h1", "", &brief.title));
    let _ = writeln!(h, "{}", user("p", "meta", &brief.meta_line()));
    if !brief.bottom_line.is_empty() {
        let _ = writeln!(
            h,
            "<section class=\"bluf\"><h2>Bottom line <span class=\"muted\" style=\"font-weight:400\">· {} confidence</span></h2>{}</section>",
            escape(&brief.confidence),
            user("p", "", &brief.bottom_line)
        );
    }
    if !brief.actors.is_empty() {
        h.push_str("<section><h2>Key actors</h2>\n<table><thead><tr><th style=\"width:27%\">Actor</th><th>Role and position</th></tr></thead><tbody>\n");
        for a in &brief.actors {
            let position = if a.position.is_empty() {
                String::new()
            } else {
                format!(
                    "<span class=\"muted position\" dir=\"auto\">{}{}</span>",
                    if a.role.is_empty() { "" } else { " — " },
                    escape(&a.position)
                )
            };
            let _ = writeln!(
                h,
                "<tr><td><strong dir=\"auto\">{}</strong>{} <span class=\"kind\">· {}</span></td><td><span dir=\"auto\">{}</span>{position}</td></tr>",
                escape(&a.name),
                cite(brief, &a.sources),
                escape(&a.kind),
                escape(&a.role)
            );
        }
        h.push_str("</tbody></table></section>\n");
    }
    if !brief.stakes.is_empty() {
        h.push_str("<section><h2>Stakes</h2><ul>\n");
        for s in &brief.stakes {
            let _ = writeln!(
                h,
                "<li><strong dir=\"auto\">{}</strong>{}<span class=\"muted\" dir=\"auto\">{}</span> {}</li>",
                escape(&s.title),
                cite(brief, &s.sources),
                escape(&s.holders_and_importance()),
                user("span", "stake-detail", &s.detail)
            );
        }
        h.push_str("</ul></section>\n");
    }
    if !brief.risks.is_empty() {
        let _ = writeln!(
            h,
            "<section><h2>Risks</h2><div class=\"risks\">{}<ol>",
            matrix_svg(brief)
        );
        for r in &brief.risks {
            let facts = r.facts();
            let _ = writeln!(
                h,
                "<li><span class=\"num\">{}</span><div><strong dir=\"auto\">{}</strong>{}{}{}</div></li>",
                r.number,
                escape(&r.title),
                cite(brief, &r.sources),
                user("span", "facts", &facts),
                if r.detail.is_empty() {
                    String::new()
                } else {
                    user("span", "detail risk-detail", &r.detail)
                }
            );
        }
        h.push_str("</ol></div></section>\n");
    }
    if !brief.indicators.is_empty() {
        h.push_str("<section><h2>Indicators to watch</h2><ul class=\"small indicators\">\n");
        for i in &brief.indicators {
            let _ = writeln!(
                h,
                "<li>{} <span class=\"muted\">(risk {})</span></li>",
                user("span", "", &i.text),
                i.risk
            );
        }
        h.push_str("</ul></section>\n");
    }
    sources(&mut h, brief, source_form(&fit.dropped));
    if !brief.quotes.is_empty() {
        h.push_str("<span class=\"quotes\"><br><strong>Evidence:</strong> ");
        let quotes: Vec<String> = brief
            .quotes
            .iter()
            .map(|q| {
                format!(
                    "<q dir=\"auto\">{}</q> ({})",
                    escape(&q.quote),
                    escape(&brief.quote_label(q))
                )
            })
            .collect();
        h.push_str(&quotes.join("; "));
        h.push_str(".</span>");
    }
    h.push_str("</section>\n");
    let _ = write!(
        h,
        "<footer><span>Page 1 of 1 · {}</span><span>Briefing Notebook</span></footer>\n</main>\n</body>\n</html>\n",
        paper.label()
    );
    h
}
