//! The session without a window: files, the unsaved-changes decision, recovery.

use super::*;
use crate::model::{Edit, TextField};
use std::time::{Duration, Instant};

/// A session with its own settings and recovery folders under `root`.
pub(super) fn session(root: &Path) -> Session {
    Session::new(AppDirs::under(&root.join("home"))).0
}

/// A session on a notebook saved at `root/notebook.ron`.
fn saved_session(root: &Path) -> (Session, PathBuf) {
    let mut s = session(root);
    let path = root.join("notebook.ron");
    s.save_as(&path).unwrap();
    (s, path)
}

fn set_bottom_line(s: &mut Session, text: &str) {
    s.document_mut()
        .apply(Edit::SetText(TextField::BottomLine, text.into()))
        .unwrap();
}

/// A saved session with an unsaved bottom line, and the notebook as edited.
fn edited_session(root: &Path, line: &str) -> (Session, PathBuf, Notebook) {
    let (mut s, path) = saved_session(root);
    set_bottom_line(&mut s, line);
    let edited = s.document().notebook().clone();
    (s, path, edited)
}

/// True once a recovery file is on disk under `root` (as the next start would see it).
fn autosaved(root: &Path) -> bool {
    !RecoveryStore::new(AppDirs::under(&root.join("home")).recovery())
        .leftovers()
        .is_empty()
}

#[test]
fn a_save_that_fails_is_a_typed_error_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, path, edited) = edited_session(dir.path(), "Talks stall.");
    let check_nothing_lost = |s: &Session| {
        assert!(s.document().is_dirty(), "still unsaved");
        assert_eq!(
            s.document().notebook(),
            &edited,
            "the edits are still there"
        );
        assert_eq!(s.path(), Some(path.as_path()), "still the same file");
    };

    // The chosen path is a folder.
    let folder = dir.path().join("a-folder.ron");
    std::fs::create_dir(&folder).unwrap();
    let e = s.save_as(&folder).unwrap_err();
    assert!(
        matches!(e, SessionError::Storage(StorageError::WouldClobber { .. })),
        "{e:?}"
    );
    assert!(
        e.to_string().contains("a-folder.ron"),
        "names the file: {e}"
    );
    assert!(folder.is_dir());
    check_nothing_lost(&s);

    // The folder is a file (or gone): the operating system refuses.
    let file = dir.path().join("plain-file");
    std::fs::write(&file, "x").unwrap();
    let e = s.save_as(&file.join("n.ron")).unwrap_err();
    assert!(
        matches!(e, SessionError::Storage(StorageError::Io { .. })),
        "{e:?}"
    );
    check_nothing_lost(&s);

    // A read-only folder (root may write anyway: then there is nothing to refuse).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let locked = dir.path().join("locked");
        std::fs::create_dir(&locked).unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
        if std::fs::write(locked.join("probe"), "x").is_err() {
            let e = s.save_as(&locked.join("n.ron")).unwrap_err();
            assert!(matches!(e, SessionError::Storage(_)), "{e:?}");
            assert!(e.to_string().contains("locked"), "{e}");
            check_nothing_lost(&s);
        }
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    }

    // The notebook's own file still holds the last save.
    let (on_disk, _) = load_notebook(&path).unwrap();
    assert_eq!(on_disk.brief.bottom_line, "");
}

#[test]
fn save_refuses_to_overwrite_a_file_that_is_not_a_notebook() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path());
    let other = dir.path().join("shopping.ron");
    std::fs::write(&other, "eggs, milk").unwrap();
    let e = s.save_as(&other).unwrap_err();
    assert!(
        matches!(e, SessionError::Storage(StorageError::WouldClobber { .. })),
        "{e:?}"
    );
    assert!(e.to_string().contains("choose another name"), "{e}");
    assert_eq!(std::fs::read_to_string(&other).unwrap(), "eggs, milk");
    assert_eq!(s.path(), None);
}

#[test]
fn unsaved_changes_ask_first_and_a_clean_or_saved_notebook_proceeds() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path());
    assert_eq!(
        s.guard("quit"),
        Guard::Proceed("quit"),
        "the sample, untouched"
    );
    set_bottom_line(&mut s, "Talks stall.");
    assert_eq!(s.guard("quit"), Guard::AskFirst("quit"));
    // A new notebook has no file yet: saving asks for one, and changes nothing.
    assert!(matches!(s.save(), Ok(SaveOutcome::NeedsPath)));
    assert_eq!(s.guard("open"), Guard::AskFirst("open"));
    s.save_as(&dir.path().join("n.ron")).unwrap();
    assert_eq!(s.guard("quit"), Guard::Proceed("quit"), "after saving");
    set_bottom_line(&mut s, "Talks resume.");
    assert!(matches!(s.save(), Ok(SaveOutcome::Saved(_))));
    assert_eq!(s.guard("quit"), Guard::Proceed("quit"), "after Save");
    // Undoing back to the saved state is not an unsaved change either.
    set_bottom_line(&mut s, "Talks collapse.");
    assert!(s.document_mut().undo());
    assert_eq!(s.guard("quit"), Guard::Proceed("quit"));
}

#[test]
fn save_as_takes_the_new_path_and_lists_it_first_in_recent_files() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, first) = saved_session(dir.path());
    let second = dir.path().join("copy.ron");
    let saved = s.save_as(&second).unwrap();
    assert_eq!(saved.path, second);
    assert!(saved.note.is_none(), "the recent list was written");
    assert_eq!(s.path(), Some(second.as_path()));
    let canonical = |p: &Path| std::fs::canonicalize(p).unwrap();
    assert_eq!(s.recent(), [canonical(&second), canonical(&first)]);
    // The next session remembers them, and starts on the last one.
    let again = session(dir.path());
    assert_eq!(again.recent(), s.recent());
    assert_eq!(again.last_notebook(), Some(canonical(&second)));
}

#[test]
fn autosaved_work_is_found_by_the_next_session_and_restored_or_discarded() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, path, edited) = edited_session(dir.path(), "Recovered line.");
    assert!(s.tick(0.0).due_in.is_some(), "waits for a pause in typing");
    assert_eq!(s.tick(3.0).due_in, None, "due now: queued");
    let started = Instant::now();
    while !autosaved(dir.path()) {
        assert!(started.elapsed() < Duration::from_secs(10), "never written");
        std::thread::sleep(Duration::from_millis(10));
    }
    // The app dies here, unsaved; the next session on the same folders finds the work.
    drop(s);
    let mut next = session(dir.path());
    assert!(next.has_leftovers());
    assert_eq!(next.leftovers().len(), 1);
    let file = next.leftovers()[0].file.clone();
    let restored = next.restore(&file).expect("restorable");
    assert!(restored.saved_at > 0);
    assert_eq!(next.document().notebook(), &edited);
    assert!(
        next.document().is_dirty(),
        "restored work still needs saving"
    );
    assert_eq!(next.path(), Some(path.as_path()), "as changes to its file");
    assert!(!next.has_leftovers());
    assert!(file.exists(), "kept until the work is saved");

    // Once more, and this time discard it: the file goes, and is not offered again.
    drop(next);
    let mut third = session(dir.path());
    assert_eq!(third.leftovers().len(), 1);
    third.discard_recovery(&file);
    assert!(!third.has_leftovers());
    assert!(!file.exists());
    assert!(!session(dir.path()).has_leftovers());
}

#[test]
fn opening_an_article_or_pasting_starts_a_new_notebook_without_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, _) = saved_session(dir.path());
    let opened = s
        .open(&write(dir.path(), "a.md", "# Kabul\n\nText."))
        .unwrap();
    assert_eq!(opened.opened, Opened::Article);
    assert_eq!(s.path(), None);
    let nb = s.document().notebook();
    assert_eq!(nb.sources.len(), 1, "one source");
    assert_eq!(nb.sources[0].article.title, "Kabul");

    let page = "<html><body><article><h1>Doha</h1><p>The envoys met in Doha on Monday, officials said.</p></article></body></html>";
    s.import_pasted(Some(page), Some("plain")).unwrap();
    assert_eq!(
        s.document().notebook().sources[0].article.title,
        "Doha",
        "HTML first"
    );
    s.import_pasted(None, Some("Plain words.")).unwrap();
    let article = &s.document().notebook().sources[0].article;
    assert_eq!(&*article.text, "Plain words.");
    assert_eq!(article.imported_from.as_deref(), Some("clipboard"));
    assert!(matches!(
        s.import_pasted(None, None),
        Err(SessionError::NothingPasted)
    ));

    // A broken notebook is an error naming it, and the open notebook stays.
    let bad = write(dir.path(), "bad.ron", "Notebook(format: 1, article: ");
    let e = s.open(&bad).unwrap_err();
    assert!(e.to_string().contains("bad.ron:1:"), "{e}");
    assert_eq!(
        &*s.document().notebook().sources[0].article.text,
        "Plain words."
    );
}

/// Writes `text` to `dir/name`.
pub(super) fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}
