//! The desktop files checked by the freedesktop tools themselves; ignored by default
//! (`cargo test -- --include-ignored` runs them; `.ci/run` installs the tools).

use crate::{DESKTOP_ENTRY, METAINFO, MIME_XML, notebook_type, repo};
use briefing_core::model::{Article, Notebook};
use briefing_core::storage::{Settings, save_notebook};
use std::path::Path;
use std::process::{Command, Output};

/// Runs a tool; a missing tool fails the test with the package to install.
fn run(command: &mut Command, package: &str) -> Output {
    command
        .output()
        .unwrap_or_else(|e| panic!("{command:?}: {e} (apt install {package})"))
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
#[ignore = "needs desktop-file-utils"]
fn desktop_file_validate_passes_the_desktop_entry_without_a_hint() {
    let out = run(
        Command::new("desktop-file-validate").arg(repo(DESKTOP_ENTRY)),
        "desktop-file-utils",
    );
    // Hints and warnings exit 0 too: any output fails.
    assert!(
        out.status.success() && text(&out).trim().is_empty(),
        "{}",
        text(&out)
    );
}

#[test]
#[ignore = "needs appstream"]
fn appstreamcli_passes_the_metainfo_and_finds_its_desktop_entry_once_installed() {
    let out = run(
        Command::new("appstreamcli")
            .args(["validate", "--no-net"])
            .arg(repo(METAINFO)),
        "appstream",
    );
    assert!(out.status.success(), "{}", text(&out));

    // As the package lays them out: the launchable must name an installed entry.
    let root = tempfile::tempdir().unwrap();
    for (file, dir) in [
        (METAINFO, "usr/share/metainfo"),
        (DESKTOP_ENTRY, "usr/share/applications"),
    ] {
        let dir = root.path().join(dir);
        std::fs::create_dir_all(&dir).unwrap();
        let name = Path::new(file).file_name().unwrap();
        std::fs::copy(repo(file), dir.join(name)).unwrap();
    }
    let out = run(
        Command::new("appstreamcli")
            .args(["validate-tree", "--no-net"])
            .arg(root.path()),
        "appstream",
    );
    assert!(out.status.success(), "{}", text(&out));
}

/// What `xdg-mime query filetype` says of `file` with `data_home` as the user's data.
fn filetype(data_home: &Path, file: &Path) -> String {
    let mut xdg_mime = Command::new("xdg-mime");
    xdg_mime
        .args(["query", "filetype"])
        .arg(file)
        .env("XDG_DATA_HOME", data_home)
        .env("XDG_DATA_DIRS", "/usr/share");
    // Without a desktop named, xdg-mime asks shared-mime-info's database via `mimetype`.
    for var in [
        "XDG_CURRENT_DESKTOP",
        "DESKTOP_SESSION",
        "KDE_FULL_SESSION",
        "GNOME_DESKTOP_SESSION_ID",
    ] {
        xdg_mime.env_remove(var);
    }
    let out = run(&mut xdg_mime, "xdg-utils");
    assert!(out.status.success(), "{}", text(&out));
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

#[test]
#[ignore = "needs shared-mime-info, xdg-utils, libfile-mimeinfo-perl"]
fn xdg_mime_tells_notebooks_from_other_ron_files_by_their_content() {
    // xdg-mime falls back to `file`, which knows nothing of shared-mime-info's types.
    let found = run(
        Command::new("mimetype").arg("--version"),
        "libfile-mimeinfo-perl",
    );
    assert!(found.status.success(), "{}", text(&found));

    let home = tempfile::tempdir().unwrap();
    let packages = home.path().join("mime/packages");
    std::fs::create_dir_all(&packages).unwrap();
    std::fs::copy(repo(MIME_XML), packages.join("briefing-notebook.xml")).unwrap();
    let out = run(
        Command::new("update-mime-database")
            .arg(home.path().join("mime"))
            .env("XDG_DATA_HOME", home.path()),
        "shared-mime-info",
    );
    // It reports a malformed or misspelt file on stderr and carries on.
    assert!(
        out.status.success() && out.stderr.is_empty(),
        "{}",
        text(&out)
    );

    let files = tempfile::tempdir().unwrap();
    // A notebook just saved, under a name that says nothing about it.
    let saved = files.path().join("untitled");
    save_notebook(&saved, &Notebook::new(Article::new("T", "Some text."))).unwrap();
    for notebook in [
        repo("saves/yukos-affair.ron"),
        repo("saves/lavrov-central-asia-tour.ron"),
        saved,
    ] {
        assert_eq!(
            filetype(home.path(), &notebook),
            notebook_type(),
            "{}",
            notebook.display()
        );
    }
    let settings = files.path().join("settings.ron");
    Settings::default().save(&settings).unwrap();
    let config = files.path().join("config.ron");
    std::fs::write(&config, "Config(\n    format: 2,\n)\n").unwrap();
    for other in [settings, config] {
        assert_eq!(
            filetype(home.path(), &other),
            "text/plain",
            "{}",
            other.display()
        );
    }
}
