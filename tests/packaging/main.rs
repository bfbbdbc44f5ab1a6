//! What the Debian package installs besides the binary: the man pages and completions
//! name every subcommand and option the binary has (`generated.rs`); the desktop entry,
//! AppStream metainfo, MIME type, window app id and icons agree, and the MIME type's
//! magic matches the notebooks the app writes and no other RON (`agreement.rs`). The
//! same files checked by the freedesktop tools themselves are in `tools.rs`, ignored by
//! default (they need desktop-file-utils, appstream, shared-mime-info, xdg-utils and
//! libfile-mimeinfo-perl; `.ci/run` installs them).

// The subcommands' code comes along with their definitions; only `Cli` is used here.
#[allow(dead_code)]
#[path = "../../src/cli/mod.rs"]
mod cli;
#[path = "../../examples/dist_files/generate.rs"]
mod generate;

mod agreement;
mod generated;
mod tools;

use std::path::{Path, PathBuf};
use std::process::Command;

/// The package's files, relative to the repository.
const DESKTOP_ENTRY: &str = "packaging/briefing-notebook.desktop";
const MIME_XML: &str = "packaging/briefing-notebook.xml";
const METAINFO: &str = "packaging/io.github.briefing_notebook.BriefingNotebook.metainfo.xml";

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn read(path: &str) -> String {
    std::fs::read_to_string(repo(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The one MIME type the shared-mime-info file defines.
fn notebook_type() -> String {
    let xml = read(MIME_XML);
    let types = tags(&xml, "mime-type");
    assert_eq!(types.len(), 1, "{MIME_XML} defines one type");
    attribute(types[0].0, "type").expect("a type").to_owned()
}

/// The file name of the binary the package installs.
fn binary_name() -> String {
    let path = Path::new(env!("CARGO_BIN_EXE_briefing-notebook"));
    path.file_name().unwrap().to_string_lossy().into_owned()
}

/// The binary's output for `args`, which must succeed.
fn binary_says(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_briefing-notebook"))
        .args(args)
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 help")
}

/// The value of `key` in the desktop entry's `[Desktop Entry]` group.
fn desktop_value(entry: &str, key: &str) -> String {
    let mut in_group = false;
    for line in entry.lines() {
        if line.starts_with('[') {
            in_group = line == "[Desktop Entry]";
        } else if let Some((k, v)) = line.split_once('=')
            && in_group
            && k.trim() == key
        {
            return v.trim().to_owned();
        }
    }
    panic!("{DESKTOP_ENTRY} has no {key}")
}

/// Each opening tag `<tag ...>` in `xml`, attributes included, with the offset just
/// after it.
fn tags<'a>(xml: &'a str, tag: &str) -> Vec<(&'a str, usize)> {
    let open = format!("<{tag}");
    xml.match_indices(&open)
        .filter(|(at, _)| {
            let next = xml[at + open.len()..].chars().next();
            matches!(next, Some(' ' | '>' | '/' | '\n'))
        })
        .map(|(at, _)| {
            let end = at + xml[at..].find('>').expect("a closed tag") + 1;
            (&xml[at..end], end)
        })
        .collect()
}

/// The value of `name="..."` in an opening tag.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

/// The text inside each `<tag ...>text</tag>` of `xml`, trimmed.
fn texts(xml: &str, tag: &str) -> Vec<String> {
    let close = format!("</{tag}>");
    tags(xml, tag)
        .into_iter()
        .filter(|(t, _)| !t.ends_with("/>"))
        .map(|(_, at)| {
            let len = xml[at..].find(&close).expect("a closing tag");
            xml[at..at + len].trim().to_owned()
        })
        .collect()
}
