//! The desktop integration files agree with each other and with the app: one app id
//! (window, desktop entry, icon), one MIME type (shared-mime-info, desktop entry,
//! metainfo), and a magic that matches the notebooks the app writes and no other RON.

use crate::{
    DESKTOP_ENTRY, METAINFO, MIME_XML, attribute, binary_name, desktop_value, notebook_type, read,
    repo, tags, texts,
};
use briefing_core::model::{Article, Notebook};
use briefing_core::storage::{RecoveryStore, Settings, save_notebook};
use std::ops::RangeInclusive;

/// The window's app id, as `src/window.rs` sets it.
fn window_app_id() -> String {
    let source = read("src/window.rs");
    let line = source
        .lines()
        .find(|l| l.starts_with("const APP_ID: &str = "))
        .expect("src/window.rs defines APP_ID");
    line.split('"').nth(1).expect("a quoted id").to_owned()
}

#[test]
fn the_desktop_entry_names_the_window_app_id_binary_icon_and_notebook_type() {
    let entry = read(DESKTOP_ENTRY);
    let app_id = window_app_id();
    let file_stem = DESKTOP_ENTRY
        .rsplit('/')
        .next()
        .unwrap()
        .strip_suffix(".desktop");
    // Wayland's app_id names the desktop entry; X11's WM_CLASS class is StartupWMClass.
    assert_eq!(file_stem, Some(app_id.as_str()));
    assert_eq!(desktop_value(&entry, "StartupWMClass"), app_id);
    assert_eq!(desktop_value(&entry, "Icon"), app_id);
    let exec = desktop_value(&entry, "Exec");
    assert_eq!(exec.split_whitespace().next(), Some(binary_name().as_str()));
    assert!(
        exec.ends_with(" %f"),
        "a notebook double-clicked is passed on: {exec}"
    );
    assert_eq!(desktop_value(&entry, "TryExec"), binary_name());
    let mime_types = desktop_value(&entry, "MimeType");
    assert!(
        mime_types.split(';').any(|t| t == notebook_type()),
        "{DESKTOP_ENTRY} opens {}: {mime_types}",
        notebook_type()
    );
}

#[test]
fn the_metainfo_points_at_the_desktop_entry_binary_notebook_type_and_this_release() {
    let xml = read(METAINFO);
    let id = texts(&xml, "id");
    let file_name = METAINFO.rsplit('/').next().unwrap();
    assert_eq!(id.len(), 1);
    assert_eq!(
        Some(file_name),
        format!("{}.metainfo.xml", id[0]).as_str().into()
    );
    let desktop_file = DESKTOP_ENTRY.rsplit('/').next().unwrap();
    assert_eq!(texts(&xml, "launchable"), [desktop_file]);
    assert_eq!(texts(&xml, "binary"), [binary_name()]);
    assert_eq!(texts(&xml, "mediatype"), [notebook_type()]);

    // Releases go newest first: the newest is this version, with notes.
    let releases = tags(&xml, "release");
    let newest = releases.first().expect("release notes").0;
    assert_eq!(
        attribute(newest, "version"),
        Some(env!("CARGO_PKG_VERSION"))
    );
    assert!(!texts(&xml, "p").iter().any(String::is_empty));
    let after_newest = &xml[releases[0].1..];
    let notes = &after_newest[..after_newest.find("</release>").expect("closed")];
    assert!(
        notes.contains("<description>") && notes.contains("<p>"),
        "{notes}"
    );

    // The screenshot is a file of this repository, as its address will serve it.
    let images = texts(&xml, "image");
    assert!(!images.is_empty(), "a screenshot");
    for url in images {
        assert!(url.starts_with("https://"), "{url}");
        let path = url
            .split_once("/main/")
            .expect("a path on the main branch")
            .1;
        let bytes = std::fs::read(repo(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(bytes.starts_with(b"\x89PNG"), "{path} is a PNG");
    }
}

/// Width and height from a PNG's header.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n") && &bytes[12..16] == b"IHDR");
    let be = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (be(16), be(20))
}

#[test]
fn each_icon_is_the_size_its_folder_names_and_the_window_uses_one() {
    let mut sizes = Vec::new();
    for dir in std::fs::read_dir(repo("assets/icons/hicolor")).unwrap() {
        let dir = dir.unwrap().path();
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let (w, h) = name.split_once('x').expect("NxN");
        let png = std::fs::read(dir.join("apps").join(format!("{}.png", window_app_id())))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            png_size(&png),
            (w.parse().unwrap(), h.parse().unwrap()),
            "{name}"
        );
        sizes.push(w.parse::<u32>().unwrap());
    }
    sizes.sort();
    assert_eq!(sizes, [16, 24, 32, 48, 64, 128, 256, 512]);
    let svg = read(&format!("assets/icons/{}.svg", window_app_id()));
    assert!(svg.contains("<svg") && svg.contains("viewBox=\"0 0 128 128\""));
    let window_icon = format!("assets/icons/hicolor/128x128/apps/{}.png", window_app_id());
    assert!(read("src/window.rs").contains(&window_icon));
}

/// One `<match type="string">` of the MIME type's magic: where `value` may start.
struct StringMatch {
    offsets: RangeInclusive<usize>,
    value: String,
}

/// The magic's matches, outermost first; the file has one chain, each nested in the last
/// (shared-mime-info: a nested match must hold as well as its parent).
fn magic_chain() -> Vec<StringMatch> {
    let xml = read(MIME_XML);
    assert_eq!(tags(&xml, "magic").len(), 1);
    let matches: Vec<StringMatch> = tags(&xml, "match")
        .into_iter()
        .map(|(tag, _)| {
            assert_eq!(attribute(tag, "type"), Some("string"), "{tag}");
            let offset = attribute(tag, "offset").expect("an offset");
            let (from, to) = offset.split_once(':').unwrap_or((offset, offset));
            let value = attribute(tag, "value").expect("a value").to_owned();
            assert!(
                !value.contains(['\\', '&']),
                "no escapes to decode: {value}"
            );
            let offsets = from.parse().unwrap()..=to.parse().unwrap();
            StringMatch { offsets, value }
        })
        .collect();
    assert!(!matches.is_empty());
    assert_eq!(
        xml.matches("</match>").count(),
        matches.len() - 1,
        "one nested chain"
    );
    matches
}

fn magic_matches(chain: &[StringMatch], bytes: &[u8]) -> bool {
    chain.iter().all(|m| {
        m.offsets
            .clone()
            .any(|at| bytes.get(at..at + m.value.len()) == Some(m.value.as_bytes()))
    })
}

#[test]
fn the_notebook_type_matches_the_notebooks_the_app_writes_and_no_other_ron() {
    let chain = magic_chain();
    let dir = tempfile::tempdir().unwrap();

    let mut notebooks = vec![
        repo("saves/yukos-affair.ron"),
        repo("saves/lavrov-central-asia-tour.ron"),
    ];
    let saved = dir.path().join("new.ron");
    let article = Article::new("A title", "Sergei Lavrov went to Tashkent.");
    save_notebook(&saved, &Notebook::new(article.clone())).unwrap();
    notebooks.push(saved);
    for path in &notebooks {
        let bytes = std::fs::read(path).unwrap();
        assert!(
            magic_matches(&chain, &bytes),
            "{} is a notebook",
            path.display()
        );
    }

    // The app's own other RON files: its settings and its recovery files.
    let settings = dir.path().join("settings.ron");
    Settings::default().save(&settings).unwrap();
    let recovery = RecoveryStore::new(dir.path().join("recovery"));
    recovery
        .write("key", None, &Notebook::new(article))
        .unwrap();
    let mut others = vec![settings, dir.path().join("recovery/key.ron")];
    for (name, text) in [
        ("tuple.ron", "(name: \"x\", format: 2)\n"),
        ("config.ron", "Config(\n    format: 2,\n)\n"),
        (
            "named-notebook-without-format.ron",
            "Notebook(\n    title: \"x\",\n)\n",
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        others.push(path);
    }
    for path in &others {
        let bytes = std::fs::read(path).unwrap();
        assert!(
            !magic_matches(&chain, &bytes),
            "{} is not a notebook",
            path.display()
        );
    }
}
