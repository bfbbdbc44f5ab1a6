//! The brief's source list in the forms the fitter may print it in: in full, each entry
//! shortened, or grouped. Every form accounts for every source number, so a claim's
//! "[7]" always leads somewhere on the page.

use super::{Brief, BriefSource, shorten};
use std::collections::BTreeSet;

/// What the grades mean, printed with a list of several sources.
pub const GRADE_KEY: &str = "graded for reliability A-F and credibility 1-6";

/// How much of the source list the page has room for (see `export::fit`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SourceForm {
    /// Number, title, publisher, date and grade.
    #[default]
    Full,
    /// Number, title cut short, grade.
    Short,
    /// Short, with consecutive sources of one publisher and grade in one entry, and the
    /// tail of a long list as "N further sources".
    Grouped,
}

/// One printed entry of the source list: a source, or a run of them.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceEntry {
    /// "[2]", "[4-9]"; empty for the only source of a brief (nothing cites numbers).
    pub label: String,
    /// The first source number it stands for.
    pub first: usize,
    /// The last source number it stands for (`first` for one source).
    pub last: usize,
    /// The title, the group's publisher, or "10 further sources".
    pub name: String,
    /// What follows the name: " — BBC News, 2004-12-20"; may be empty.
    pub detail: String,
    /// "B2"; for a group of mixed grades "graded B2-D4" (best to worst letter and number).
    pub grade: String,
}

impl SourceEntry {
    /// The entry as one line: "[2] Mystery surrounds new Yukos owner — BBC News, B2".
    pub fn line(&self) -> String {
        let label = if self.label.is_empty() {
            String::new()
        } else {
            format!("{} ", self.label)
        };
        format!("{label}{}{}, {}", self.name, self.detail, self.grade)
    }
}

/// Longest title in the short form, in chars.
const SHORT_TITLE_CHARS: usize = 40;
/// Most entries in the grouped form before the uncited rest is folded into "further
/// sources" entries.
const MAX_GROUPED_ENTRIES: usize = 8;

/// " — a, b" of the parts present, or nothing.
fn dash_list(parts: &[Option<&str>]) -> String {
    let present: Vec<&str> = parts.iter().flatten().copied().collect();
    if present.is_empty() {
        String::new()
    } else {
        format!(" — {}", present.join(", "))
    }
}

/// "[4]" or "[4-9]".
fn label(first: usize, last: usize) -> String {
    if first == last {
        format!("[{first}]")
    } else {
        format!("[{first}-{last}]")
    }
}

fn full(s: &BriefSource) -> SourceEntry {
    SourceEntry {
        label: label(s.number, s.number),
        first: s.number,
        last: s.number,
        name: s.title.clone(),
        detail: dash_list(&[s.publisher.as_deref(), s.published.as_deref()]),
        grade: s.grade.clone(),
    }
}

fn short(s: &BriefSource) -> SourceEntry {
    SourceEntry {
        name: shorten(&s.title, SHORT_TITLE_CHARS),
        detail: String::new(),
        ..full(s)
    }
}

/// "graded B2" or "graded B2-D4": the best letter and number to the worst.
fn grade_range(sources: &[BriefSource]) -> String {
    let letters = sources.iter().filter_map(|s| s.grade.chars().next());
    let numbers = sources.iter().filter_map(|s| s.grade.chars().nth(1));
    let (best_letter, worst_letter) = (letters.clone().min(), letters.max());
    let (best_number, worst_number) = (numbers.clone().min(), numbers.max());
    let best: String = best_letter.into_iter().chain(best_number).collect();
    let worst: String = worst_letter.into_iter().chain(worst_number).collect();
    if best == worst {
        format!("graded {best}")
    } else {
        format!("graded {best}-{worst}")
    }
}

/// Runs of one publisher and grade as one entry each, the rest short; then, past
/// `MAX_GROUPED_ENTRIES`, the tail folded into "further sources" entries, except the
/// sources a claim cites on their own (`cited`), which keep their entry so every [n] in
/// the brief can be looked up.
fn grouped(sources: &[BriefSource], cited: &BTreeSet<usize>) -> Vec<SourceEntry> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < sources.len() {
        let s = &sources[i];
        let same = |t: &BriefSource| {
            t.publisher.is_some() && t.publisher == s.publisher && t.grade == s.grade
        };
        let run = sources[i..].iter().take_while(|t| same(t)).count().max(1);
        let last = &sources[i + run - 1];
        out.push(match (&s.publisher, run) {
            (Some(publisher), 2..) => SourceEntry {
                label: label(s.number, last.number),
                first: s.number,
                last: last.number,
                name: publisher.clone(),
                detail: String::new(),
                grade: s.grade.clone(),
            },
            _ => short(s),
        });
        i += run;
    }
    if out.len() <= MAX_GROUPED_ENTRIES {
        return out;
    }
    let tail = out.split_off(MAX_GROUPED_ENTRIES - 1);
    // Uncited entries waiting to be folded into one.
    let mut pending: Vec<SourceEntry> = Vec::new();
    for entry in tail {
        if entry.first == entry.last && cited.contains(&entry.first) {
            fold(sources, &mut pending, &mut out);
            out.push(entry);
        } else {
            pending.push(entry);
        }
    }
    fold(sources, &mut pending, &mut out);
    out
}

/// Moves `pending` to `out` as one "further sources" entry (a lone entry stays as it is).
fn fold(sources: &[BriefSource], pending: &mut Vec<SourceEntry>, out: &mut Vec<SourceEntry>) {
    match (pending.first(), pending.last()) {
        (Some(a), Some(b)) if pending.len() > 1 => {
            let entry = further(sources, a.first, b.last);
            pending.clear();
            out.push(entry);
        }
        _ => out.append(pending),
    }
}

/// Sources `first..=last` as one entry: "[8-50] 43 further sources, graded B2-D4".
fn further(sources: &[BriefSource], first: usize, last: usize) -> SourceEntry {
    let in_range: Vec<BriefSource> = sources
        .iter()
        .filter(|s| (first..=last).contains(&s.number))
        .cloned()
        .collect();
    SourceEntry {
        label: label(first, last),
        first,
        last,
        name: format!("{} further sources", last + 1 - first),
        detail: String::new(),
        grade: grade_range(&in_range),
    }
}

impl Brief {
    /// The source list as printed in `form`. With one source, one unnumbered entry in
    /// full whatever the form: "Title — Publisher, date, URL, B2".
    pub fn source_entries(&self, form: SourceForm) -> Vec<SourceEntry> {
        if let [s] = &self.sources[..] {
            return vec![SourceEntry {
                label: String::new(),
                detail: dash_list(&[
                    s.publisher.as_deref(),
                    s.published.as_deref(),
                    s.url.as_deref(),
                ]),
                ..full(s)
            }];
        }
        match form {
            SourceForm::Full => self.sources.iter().map(full).collect(),
            SourceForm::Short => self.sources.iter().map(short).collect(),
            SourceForm::Grouped => grouped(&self.sources, &self.cited_on_their_own()),
        }
    }

    /// Numbers of the sources the claims cite (actors, stakes, risks).
    fn cited_on_their_own(&self) -> BTreeSet<usize> {
        let actors = self.actors.iter().flat_map(|a| &a.sources);
        let stakes = self.stakes.iter().flat_map(|s| &s.sources);
        let risks = self.risks.iter().flat_map(|r| &r.sources);
        actors.chain(stakes).chain(risks).copied().collect()
    }

    /// The source list on one line. One source: "Title — Publisher, date, URL" (its grade
    /// is printed beside it: see `source_entries`). Several: "[1] Title — Publisher,
    /// date, B2; [2] Title, F6".
    pub fn source_line(&self) -> String {
        if let [s] = &self.sources[..] {
            let detail = dash_list(&[
                s.publisher.as_deref(),
                s.published.as_deref(),
                s.url.as_deref(),
            ]);
            return format!("{}{detail}", s.title);
        }
        let entries: Vec<String> = self
            .source_entries(SourceForm::Full)
            .iter()
            .map(SourceEntry::line)
            .collect();
        entries.join("; ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::Date;
    use crate::model::{Article, Notebook};

    /// A brief whose sources are `(publisher, grade)`, titled "Report n".
    fn brief_with(sources: &[(Option<&str>, &str)]) -> Brief {
        let mut b = Brief::from_notebook(
            &Notebook::new(Article::new("T", "x")),
            Date::new(2026, 1, 2),
        );
        b.sources = sources
            .iter()
            .enumerate()
            .map(|(i, (publisher, grade))| BriefSource {
                number: i + 1,
                title: format!(
                    "Report {} on the long and winding affair of the oil company",
                    i + 1
                ),
                publisher: publisher.map(str::to_owned),
                published: Some("2004-12-20".to_owned()),
                url: Some("https://example.org/a".to_owned()),
                grade: (*grade).to_owned(),
            })
            .collect();
        b
    }

    /// The numbers the entries stand for, in order.
    fn numbers(entries: &[SourceEntry]) -> Vec<usize> {
        entries.iter().flat_map(|e| e.first..=e.last).collect()
    }

    #[test]
    fn the_full_form_names_number_title_publisher_date_and_grade() {
        let b = brief_with(&[(Some("BBC News"), "B2"), (None, "F6")]);
        let lines: Vec<String> = b
            .source_entries(SourceForm::Full)
            .iter()
            .map(SourceEntry::line)
            .collect();
        assert_eq!(
            lines,
            [
                "[1] Report 1 on the long and winding affair of the oil company — BBC News, 2004-12-20, B2",
                "[2] Report 2 on the long and winding affair of the oil company — 2004-12-20, F6",
            ]
        );
        assert_eq!(b.source_line(), lines.join("; "));
    }

    #[test]
    fn one_source_is_unnumbered_with_its_url_and_grade_in_every_form() {
        let b = brief_with(&[(Some("BBC News"), "B2")]);
        for form in [SourceForm::Full, SourceForm::Short, SourceForm::Grouped] {
            let entries = b.source_entries(form);
            assert_eq!(entries.len(), 1);
            assert_eq!(
                entries[0].line(),
                format!(
                    "{} — BBC News, 2004-12-20, https://example.org/a, B2",
                    b.sources[0].title
                )
            );
            assert_eq!(format!("{}, B2", b.source_line()), entries[0].line());
        }
    }

    #[test]
    fn the_short_form_cuts_the_title_and_keeps_the_grade() {
        let b = brief_with(&[(Some("BBC News"), "B2"), (Some("Reuters"), "C3")]);
        let short = b.source_entries(SourceForm::Short);
        assert_eq!(short[0].line(), "[1] Report 1 on the long and winding…, B2");
        assert!(
            short
                .iter()
                .all(|e| e.name.chars().count() <= SHORT_TITLE_CHARS)
        );
        assert_eq!(numbers(&short), [1, 2]);
    }

    #[test]
    fn grouping_joins_runs_of_one_publisher_and_grade() {
        let mut sources = vec![(Some("Reuters"), "A1"), (None, "B2"), (None, "B2")];
        sources.extend([(Some("BBC News"), "B2"); 6]);
        sources.push((Some("BBC News"), "C3"));
        let b = brief_with(&sources);
        let lines: Vec<String> = b
            .source_entries(SourceForm::Grouped)
            .iter()
            .map(SourceEntry::line)
            .collect();
        assert_eq!(
            lines,
            [
                "[1] Report 1 on the long and winding…, A1",
                "[2] Report 2 on the long and winding…, B2",
                "[3] Report 3 on the long and winding…, B2",
                "[4-9] BBC News, B2",
                "[10] Report 10 on the long and winding…, C3",
            ]
        );
    }

    #[test]
    fn a_long_list_keeps_a_tail_of_further_sources_and_every_number() {
        let publishers = ["BBC News", "Reuters", "AP"];
        let grades = ["B2", "D4", "C3"];
        for n in [2, 12, 50] {
            let sources: Vec<(Option<&str>, &str)> = (0..n)
                .map(|i| (Some(publishers[i % 3]), grades[i % 3]))
                .collect();
            let b = brief_with(&sources);
            for form in [SourceForm::Full, SourceForm::Short, SourceForm::Grouped] {
                let entries = b.source_entries(form);
                assert_eq!(
                    numbers(&entries),
                    (1..=n).collect::<Vec<_>>(),
                    "{form:?}, {n}"
                );
            }
            let grouped = b.source_entries(SourceForm::Grouped);
            assert!(grouped.len() <= MAX_GROUPED_ENTRIES);
            if n > MAX_GROUPED_ENTRIES {
                let tail = grouped.last().map(SourceEntry::line).unwrap_or_default();
                assert_eq!(
                    tail,
                    format!("[8-{n}] {} further sources, graded B2-D4", n - 7)
                );
            }
        }
    }

    #[test]
    fn a_source_a_claim_cites_keeps_its_own_entry_in_the_tail() {
        let publishers = ["BBC News", "Reuters", "AP"];
        let sources: Vec<(Option<&str>, &str)> =
            (0..20).map(|i| (Some(publishers[i % 3]), "B2")).collect();
        let mut b = brief_with(&sources);
        b.actors.push(crate::brief::BriefActor {
            name: "Gazprom".into(),
            kind: "Organisation".into(),
            role: String::new(),
            position: String::new(),
            sources: vec![2, 15],
        });
        let grouped = b.source_entries(SourceForm::Grouped);
        let lines: Vec<String> = grouped.iter().map(SourceEntry::line).collect();
        assert_eq!(numbers(&grouped), (1..=20).collect::<Vec<_>>(), "{lines:?}");
        assert!(
            lines.iter().any(|l| l.starts_with("[15] Report 15")),
            "[15] is cited, so it is listed: {lines:?}"
        );
        assert!(
            lines.contains(&"[8-14] 7 further sources, graded B2".to_owned())
                && lines.contains(&"[16-20] 5 further sources, graded B2".to_owned()),
            "{lines:?}"
        );
    }
}
