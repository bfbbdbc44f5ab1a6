//! The notebook file: versioned, pretty-printed RON, validated on read.
//!
//! `model::CURRENT_FORMAT` is the format number; the format's history and the migration
//! for each bump are in `storage::migrate`.

use super::atomic::write_atomic_like;
use super::migrate::{StoredNotebook, migrate};
use super::{StorageError, write_atomic};
use crate::anchor::{SpanReport, reanchor};
use crate::model::{CURRENT_FORMAT, Notebook, sha256_hex, validate};
use serde::Deserialize;
use std::path::Path;
use std::sync::Arc;

/// Largest notebook file read (a notebook embeds its article; see `import::MAX_ARTICLE_BYTES`).
const MAX_NOTEBOOK_BYTES: u64 = 256 * 1024 * 1024;

/// Every notebook file starts with this (after optional white space).
const MAGIC: &str = "Notebook(";

/// Serialises a notebook: the same notebook always gives the same bytes. `path` only
/// names the file in the error (serialising plain data should never fail; if it does,
/// nothing is written rather than an empty or partial file).
pub fn to_ron(path: &Path, notebook: &Notebook) -> Result<String, StorageError> {
    // ron escapes a string one char at a time through `char::escape_debug` (about 12 ns a
    // char): most of a large notebook's save. So each source's text goes in as a marker of
    // its own and is escaped here, byte-for-byte as ron would, with plain ASCII copied in
    // runs.
    let mut shell = notebook.clone();
    for (i, source) in shell.sources.iter_mut().enumerate() {
        source.article.text = Arc::from(text_marker(i));
    }
    let text = ron_text(path, &shell)?;
    let Some(places) = marker_places(&text, notebook.sources.len()) else {
        // Some field holds a marker itself: let ron escape everything.
        let mut text = ron_text(path, notebook)?;
        text.push('\n');
        return Ok(text);
    };
    let texts: usize = notebook.sources.iter().map(|s| s.article.text.len()).sum();
    let mut out = String::with_capacity(text.len() + texts + 1);
    let mut copied = 0;
    for (at, len, i) in places {
        out.push_str(&text[copied..=at]);
        push_escaped(&mut out, &notebook.sources[i].article.text);
        copied = at + len - 1;
    }
    out.push_str(&text[copied..]);
    out.push('\n');
    Ok(out)
}

/// Where each source's quoted marker sits in `text`, as (byte offset, length, source
/// index) in text order; `None` unless each occurs exactly once. One pass over `text`,
/// however many sources.
fn marker_places(text: &str, sources: usize) -> Option<Vec<(usize, usize, usize)>> {
    let head = format!("\"{}", MARKER_HEAD.escape_debug());
    let tail = format!("{}\"", '\u{0}'.escape_debug());
    let mut places = Vec::with_capacity(sources);
    let mut seen = vec![false; sources];
    for (at, _) in text.match_indices(&head) {
        let rest = &text[at + head.len()..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let i: usize = rest[..digits].parse().ok()?;
        if !rest[digits..].starts_with(&tail) || seen.get(i) != Some(&false) {
            return None;
        }
        seen[i] = true;
        places.push((at, head.len() + digits + tail.len(), i));
    }
    (places.len() == sources).then_some(places)
}

/// The notebook as pretty RON, every string escaped by ron itself.
fn ron_text(path: &Path, notebook: &Notebook) -> Result<String, StorageError> {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .indentor("    ".to_owned());
    ron::ser::to_string_pretty(notebook, config).map_err(|e| StorageError::Serialise {
        path: path.to_path_buf(),
        message: e.to_string(),
    })
}

/// How every text marker starts; no real text starts with a NUL followed by this.
const MARKER_HEAD: &str = "\u{0}briefing-notebook article text ";

/// Stands for the text of the source at index `i` while the rest of the notebook is
/// serialised.
fn text_marker(i: usize) -> String {
    format!("{MARKER_HEAD}{i}\u{0}")
}

/// Appends `text` escaped exactly as ron's serialiser escapes a string (`char::escape_debug`
/// on every char), copying runs of printable ASCII that need no escape in one go.
fn push_escaped(out: &mut String, text: &str) {
    let plain = |b: u8| (0x20..0x7f).contains(&b) && !matches!(b, b'"' | b'\\' | b'\'');
    let mut rest = text;
    while !rest.is_empty() {
        let run = rest.bytes().position(|b| !plain(b)).unwrap_or(rest.len());
        out.push_str(&rest[..run]);
        rest = &rest[run..];
        if let Some(c) = rest.chars().next() {
            out.extend(c.escape_debug());
            rest = &rest[c.len_utf8()..];
        }
    }
}

/// Only the version number, read before the rest so old and new files can be told apart.
#[derive(Deserialize)]
#[serde(rename = "Notebook")]
struct Probe {
    format: u32,
}

/// How a RON error reads to the user: file, line, column, and what is wrong.
pub(super) fn parse_error(path: &Path) -> impl Fn(ron::error::SpannedError) -> StorageError + '_ {
    move |e| StorageError::Parse {
        path: path.to_path_buf(),
        line: e.span.start.line,
        column: e.span.start.col,
        message: match e.code {
            ron::Error::ExceededRecursionLimit => {
                "nested more deeply than any notebook can be".to_owned()
            }
            ron::Error::NoSuchStructField {
                ref found,
                ref outer,
                ..
            } => format!(
                "unknown field `{found}`{}; it may come from a newer Briefing Notebook (update the app to open it without losing that field)",
                outer
                    .as_deref()
                    .map(|o| format!(" in {o}"))
                    .unwrap_or_default()
            ),
            code => code.to_string(),
        },
    }
}

/// The RON reader options for files from disk (a recursion limit: no stack overflow).
pub(super) fn ron_options() -> ron::Options {
    ron::Options::default().with_recursion_limit(64)
}

/// Parses a notebook in any format this build reads, without checking it (see [`admit`]).
fn parse(path: &Path, text: &str) -> Result<StoredNotebook, StorageError> {
    let options = ron_options();
    let probe: Probe = options.from_str(text).map_err(parse_error(path))?;
    if probe.format > CURRENT_FORMAT {
        return Err(StorageError::NewerFormat {
            path: path.to_path_buf(),
            found: probe.format,
            supported: CURRENT_FORMAT,
        });
    }
    options.from_str(text).map_err(parse_error(path))
}

/// Parses a notebook and passes it through [`admit`] (format, migration, every span
/// re-checked against the text, invariants). `path` only names the file in errors.
pub fn from_ron(path: &Path, text: &str) -> Result<Notebook, StorageError> {
    admit(path, parse(path, text)?).map(|(notebook, _)| notebook)
}

/// The one gate every notebook read from disk passes, opened or restored from a recovery
/// file: format number and migration; every span re-checked against the text, so
/// afterwards a span that is not orphaned lies inside the text whatever offsets the file
/// held; bookkeeping repaired; then the model's invariants ([`validate`]).
pub(super) fn admit(
    path: &Path,
    stored: StoredNotebook,
) -> Result<(Notebook, Vec<SpanReport>), StorageError> {
    if stored.format > CURRENT_FORMAT {
        return Err(StorageError::NewerFormat {
            path: path.to_path_buf(),
            found: stored.format,
            supported: CURRENT_FORMAT,
        });
    }
    if stored.format == 0 {
        return Err(invalid(
            path,
            "format 0 does not exist; the file is damaged",
        ));
    }
    let mut notebook = migrate(path, stored)?;
    let reports = reanchor(&mut notebook);
    repair(&mut notebook);
    validate(&notebook).map_err(|problem| StorageError::Inconsistent {
        path: path.to_path_buf(),
        problem,
    })?;
    Ok((notebook, reports))
}

pub(super) fn invalid(path: &Path, problem: impl Into<String>) -> StorageError {
    StorageError::Invalid {
        path: path.to_path_buf(),
        problem: problem.into(),
    }
}

/// Repairs what is only bookkeeping: the next id (above every id in use, so none is
/// handed out twice) and stale text hashes.
fn repair(nb: &mut Notebook) {
    let max_id = nb.all_ids().max().unwrap_or(0);
    nb.next_id = nb.next_id.max(max_id.saturating_add(1));
    for source in &mut nb.sources {
        if !source.article.hash_matches() {
            source.article.text_sha256 = sha256_hex(&source.article.text);
        }
    }
}

/// A notebook-sized UTF-8 file's text (size limit, no BOM), for notebooks and recovery
/// files alike.
pub(super) fn read_text(path: &Path) -> Result<String, StorageError> {
    let io = |action: &'static str| {
        move |source: std::io::Error| StorageError::Io {
            path: path.to_path_buf(),
            action,
            source,
        }
    };
    let size = std::fs::metadata(path).map_err(io("cannot read"))?.len();
    if size > MAX_NOTEBOOK_BYTES {
        return Err(invalid(
            path,
            format!(
                "the file is {} MB; notebooks larger than {} MB are not opened",
                size / 1_000_000,
                MAX_NOTEBOOK_BYTES / 1_000_000
            ),
        ));
    }
    let bytes = std::fs::read(path).map_err(io("cannot read"))?;
    let mut text = String::from_utf8(bytes).map_err(|e| {
        invalid(
            path,
            format!(
                "not a notebook: byte {} is not UTF-8 text (is this the right file?)",
                e.utf8_error().valid_up_to()
            ),
        )
    })?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}

/// Reads a notebook file, validates it and re-checks every evidence span against its text.
pub fn load_notebook(path: &Path) -> Result<(Notebook, Vec<SpanReport>), StorageError> {
    let text = read_text(path)?;
    admit(path, parse(path, &text)?)
}

/// Saves a notebook atomically. Refuses to replace an existing file that is not a
/// notebook, so a mistyped path cannot destroy someone's document.
pub fn save_notebook(path: &Path, notebook: &Notebook) -> Result<(), StorageError> {
    if path.exists() && !looks_like_notebook(path) {
        return Err(StorageError::WouldClobber {
            path: path.to_path_buf(),
        });
    }
    write_atomic(path, to_ron(path, notebook)?.as_bytes())
}

/// The backup kept beside a notebook: `name.ron.bak`.
pub fn backup_path(path: &Path) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".bak");
    std::path::PathBuf::from(name)
}

/// A manual save: like [`save_notebook`], but first keeps the file being replaced as
/// `name.ron.bak` (written atomically too, so at every moment both files are whole).
pub fn save_notebook_with_backup(path: &Path, notebook: &Notebook) -> Result<(), StorageError> {
    if path.exists() && looks_like_notebook(path) {
        let old = std::fs::read(path).map_err(|source| StorageError::Io {
            path: path.to_path_buf(),
            action: "cannot read the old version to back it up",
            source,
        })?;
        if !old.is_empty() {
            write_atomic_like(&backup_path(path), &old, path)?;
        }
    }
    save_notebook(path, notebook)
}

/// Writes an exported file atomically. Refuses to replace a notebook (an export written
/// over the notebook it came from would destroy the analyst's work).
pub fn write_export(path: &Path, bytes: &[u8]) -> Result<(), StorageError> {
    let is_ron = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"));
    if is_ron || (path.exists() && starts_like_notebook(path)) {
        return Err(StorageError::WouldClobberNotebook {
            path: path.to_path_buf(),
        });
    }
    write_atomic(path, bytes)
}

fn starts_like_notebook(path: &Path) -> bool {
    looks_like_notebook(path) && std::fs::metadata(path).is_ok_and(|m| m.len() > 0)
}

/// True for an empty file or one that starts like a notebook.
fn looks_like_notebook(path: &Path) -> bool {
    use std::io::Read;
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let mut head = Vec::with_capacity(512);
    if file.take(512).read_to_end(&mut head).is_err() {
        return false;
    }
    let head = String::from_utf8_lossy(&head);
    let head = head.trim_start_matches('\u{feff}').trim_start();
    head.is_empty() || head.starts_with(MAGIC)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Edit, ItemKind, Reliability, Source};

    fn ron(nb: &Notebook) -> String {
        to_ron(Path::new("t.ron"), nb).unwrap()
    }

    #[test]
    fn the_article_text_is_written_byte_for_byte_as_ron_would_write_it() {
        let texts = [
            "",
            "plain ASCII words",
            "quotes \" and \\ backslash and ' apostrophe",
            "tab\there\nnew line\r\u{0} nul \u{7f} del \u{1b} esc",
            "Лавров said “hello” to Kabul — 5 km², e\u{301} combining, \u{200b} zero width",
            "emoji 🙂 and a lone combining \u{301}",
            "\u{0}briefing-notebook article text 0\u{0}",
            "\u{0}briefing-notebook article text 1\u{0}",
        ];
        let as_ron_would = |nb: &Notebook| {
            let mut by_ron = ron_text(Path::new("t.ron"), nb).unwrap();
            by_ron.push('\n');
            by_ron
        };
        for text in texts {
            let mut nb = sample();
            nb.sources[0].article = Article::new("T", text);
            assert_eq!(ron(&nb), as_ron_would(&nb), "for {text:?}");
        }
        // Several sources, each text in its place, in any order of length.
        let mut nb = sample();
        for (i, text) in texts.iter().enumerate().rev() {
            let id = nb.allocate_id();
            let mut source = Source::new(id, Article::new(format!("Source {i}"), *text));
            source.reliability = Reliability::B;
            nb.sources.push(source);
        }
        let written = ron(&nb);
        assert_eq!(written, as_ron_would(&nb));
        assert_eq!(from_ron(Path::new("t.ron"), &written).unwrap(), nb);
        // A title that holds a marker makes the fast path step aside, still exact.
        let mut nb = sample();
        nb.sources[0].article.title = text_marker(0);
        assert_eq!(ron(&nb), as_ron_would(&nb));
    }

    fn sample() -> Notebook {
        let mut nb = Notebook::new(Article::new("Title", "Лавров said “hello” to Kabul."));
        let id = nb.allocate_id();
        Edit::AddItem {
            kind: ItemKind::Actor,
            id,
            name: "Лавров".into(),
            evidence: None,
        }
        .apply(&mut nb)
        .unwrap();
        nb
    }

    #[test]
    fn round_trip_is_byte_identical() {
        let nb = sample();
        let text = ron(&nb);
        assert!(text.starts_with(MAGIC), "{text}");
        let back = from_ron(Path::new("x.ron"), &text).unwrap();
        assert_eq!(back, nb);
        assert_eq!(ron(&back), text);
    }

    #[test]
    fn parse_errors_name_file_line_and_column() {
        let text = ron(&sample()).replace("actors: [", "actors: [[[");
        let err = from_ron(Path::new("bad.ron"), &text)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("bad.ron:"), "{err}");
        assert!(err.contains("not a valid notebook"), "{err}");
    }

    #[test]
    fn newer_format_is_refused() {
        let text = ron(&sample()).replacen("format: 4", "format: 99", 1);
        let err = from_ron(Path::new("new.ron"), &text).unwrap_err();
        assert!(
            matches!(err, StorageError::NewerFormat { found: 99, .. }),
            "{err}"
        );
    }

    #[test]
    fn duplicate_ids_and_missing_actors_are_refused() {
        let mut nb = sample();
        nb.actors.push(nb.actors[0].clone());
        let err = from_ron(Path::new("d.ron"), &ron(&nb))
            .unwrap_err()
            .to_string();
        assert!(err.contains("used twice"), "{err}");

        let mut nb = sample();
        let id = nb.allocate_id();
        Edit::AddItem {
            kind: ItemKind::Stake,
            id,
            name: "S".into(),
            evidence: None,
        }
        .apply(&mut nb)
        .unwrap();
        nb.stakes[0].holders.push(999);
        let err = from_ron(Path::new("m.ron"), &ron(&nb))
            .unwrap_err()
            .to_string();
        assert!(err.contains("actor id 999"), "{err}");
    }

    #[test]
    fn a_grade_that_is_no_grade_is_refused_with_what_a_grade_is() {
        let text = ron(&sample());
        for (from, to, says) in [
            (
                "credibility: 6,",
                "credibility: 7,",
                "credibility 7 is not a grade; it must be 1 to 6",
            ),
            ("reliability: F,", "reliability: G,", "G"),
        ] {
            let bad = text.replacen(from, to, 1);
            let err = from_ron(Path::new("g.ron"), &bad).unwrap_err().to_string();
            assert!(err.starts_with("g.ron:") && err.contains(says), "{err}");
        }
    }

    #[test]
    fn unknown_fields_are_refused_not_dropped() {
        let text = ron(&sample()).replacen("kind: Person,", "kind: Person, mood: \"calm\",", 1);
        let err = from_ron(Path::new("n.ron"), &text).unwrap_err().to_string();
        assert!(err.contains("unknown field `mood`"), "{err}");
        assert!(err.contains("newer Briefing Notebook"), "{err}");
    }

    #[test]
    fn manual_saves_keep_the_previous_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("n.ron");
        let mut nb = sample();
        save_notebook_with_backup(&path, &nb).unwrap();
        assert!(
            !backup_path(&path).exists(),
            "nothing to back up the first time"
        );
        let first = std::fs::read(&path).unwrap();
        nb.brief.bottom_line = "Second".into();
        save_notebook_with_backup(&path, &nb).unwrap();
        assert_eq!(std::fs::read(backup_path(&path)).unwrap(), first);
        assert_eq!(backup_path(&path).file_name().unwrap(), "n.ron.bak");
    }

    #[test]
    fn a_save_writes_exactly_the_serialised_notebook() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("n.ron");
        let nb = sample();
        save_notebook(&path, &nb).unwrap();
        let written = std::fs::read_to_string(&path).unwrap();
        assert!(
            written.starts_with(MAGIC),
            "never an empty file: {written:?}"
        );
        assert_eq!(written, ron(&nb));
        let err = StorageError::Serialise {
            path: path.clone(),
            message: "x".into(),
        }
        .to_string();
        assert!(err.starts_with(&path.display().to_string()), "{err}");
        assert!(err.contains("nothing was written"), "{err}");
    }

    #[test]
    fn refuses_to_overwrite_a_non_notebook() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("essay.txt");
        std::fs::write(&path, "my essay").unwrap();
        let err = save_notebook(&path, &sample()).unwrap_err();
        assert!(matches!(err, StorageError::WouldClobber { .. }));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "my essay");
    }
}
