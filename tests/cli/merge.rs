//! `merge`, `diff` and `check` on merged notebooks, run as git runs them: as files on
//! the command line, and (with git installed) through a real `git merge` and `git diff`
//! in a temporary repository with the drivers configured as the README says.

use super::{WORKED_EXAMPLE, run, stderr, stdout};
use briefing_core::model::{Edit, ItemKind, Notebook, TextField};
use briefing_core::storage::{load_notebook, save_notebook};
use std::path::{Path, PathBuf};
use std::process::Command;

fn worked() -> Notebook {
    load_notebook(Path::new(WORKED_EXAMPLE)).unwrap().0
}

fn with(nb: &Notebook, edits: Vec<Edit>) -> Notebook {
    let mut nb = nb.clone();
    for edit in edits {
        edit.apply(&mut nb).unwrap();
    }
    nb
}

/// A new actor at the end of the list, as the app adds one.
fn new_actor(nb: &Notebook, name: &str) -> Notebook {
    let mut nb = nb.clone();
    let id = nb.allocate_id();
    Edit::AddItem {
        kind: ItemKind::Actor,
        id,
        name: name.into(),
        evidence: None,
    }
    .apply(&mut nb)
    .unwrap();
    nb
}

fn write(dir: &Path, name: &str, nb: &Notebook) -> PathBuf {
    let path = dir.join(name);
    save_notebook(&path, nb).unwrap();
    path
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn merge_combines_both_sides_and_exits_0_when_clean() {
    let dir = tempfile::tempdir().unwrap();
    let base = worked();
    let lavrov = base.actors[0].id;
    let ours = new_actor(
        &with(
            &base,
            vec![Edit::SetText(TextField::ActorRole(lavrov), "FM".into())],
        ),
        "Zamir Kabulov",
    );
    let theirs = new_actor(
        &with(
            &base,
            vec![Edit::SetText(TextField::BottomLine, "Moscow leads.".into())],
        ),
        "Ismail Khan",
    );
    let (b, o, t) = (
        write(dir.path(), "base.ron", &base),
        write(dir.path(), "ours.ron", &ours),
        write(dir.path(), "theirs.ron", &theirs),
    );
    let out = run(&["merge", s(&b), s(&o), s(&t)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("merged cleanly"), "{}", stdout(&out));
    let merged = load_notebook(&o).unwrap().0;
    assert_eq!(merged.actors[0].role, "FM");
    assert_eq!(merged.brief.bottom_line, "Moscow leads.");
    let names: Vec<&str> = merged.actors.iter().map(|a| a.name.as_str()).collect();
    assert!(
        names.ends_with(&["Zamir Kabulov", "Ismail Khan"]),
        "{names:?}"
    );
    assert!(merged.conflicts.is_empty());
    let check = run(&["check", s(&o)]);
    assert!(check.status.success(), "{}", stderr(&check));
}

#[test]
fn conflicts_are_kept_in_the_file_and_check_fails_until_they_are_settled() {
    let dir = tempfile::tempdir().unwrap();
    let base = worked();
    let ours = with(
        &base,
        vec![Edit::SetText(TextField::BottomLine, "A.".into())],
    );
    let theirs = with(
        &base,
        vec![Edit::SetText(TextField::BottomLine, "B.".into())],
    );
    let (b, o, t) = (
        write(dir.path(), "base.ron", &base),
        write(dir.path(), "ours.ron", &ours),
        write(dir.path(), "theirs.ron", &theirs),
    );
    let merged = dir.path().join("merged.ron");
    let out = run(&["merge", s(&b), s(&o), s(&t), "-o", s(&merged)]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stdout(&out).contains("1 conflict kept"), "{}", stdout(&out));
    assert_eq!(load_notebook(&o).unwrap().0, ours, "-o leaves ours alone");
    let text = std::fs::read_to_string(&merged).unwrap();
    assert!(!text.contains("<<<<<<<"));
    assert!(text.contains("field: Text(BottomLine)"), "{text}");
    let check = run(&["check", s(&merged)]);
    assert!(!check.status.success());
    assert!(
        stdout(&check).contains("conflict brief: bottom line: base (empty)")
            || stdout(&check).contains("conflict brief: bottom line: base “"),
        "{}",
        stdout(&check)
    );
    assert!(stderr(&check).contains("1 merge conflict to resolve"));
    let json = run(&["check", s(&merged), "--json"]);
    assert!(!json.status.success());
    let v: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(v["conflicts"][0]["ours"], "“A.”");
    assert_eq!(v["conflicts"][0]["theirs"], "“B.”");
}

#[test]
fn an_empty_base_means_no_common_ancestor_and_both_versions_are_kept_whole() {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("base.ron");
    std::fs::write(&base, "").unwrap();
    let ours = new_actor(&worked(), "Zamir Kabulov");
    let o = write(dir.path(), "ours.ron", &ours);
    let t = write(dir.path(), "theirs.ron", &worked());
    let out = run(&["merge", s(&base), s(&o), s(&t)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let merged = load_notebook(&o).unwrap().0;
    assert_eq!(merged.sources.len(), 2, "each version's source");
    assert_eq!(
        merged.actors.len(),
        ours.actors.len() + worked().actors.len()
    );
}

#[test]
fn a_version_that_cannot_be_read_fails_the_merge_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let base = worked();
    let o = write(dir.path(), "ours.ron", &base);
    let t = write(dir.path(), "theirs.ron", &base);
    let broken = dir.path().join("base.ron");
    std::fs::write(&broken, "Notebook(format: 4, sources: [").unwrap();
    let before = std::fs::read(&o).unwrap();
    for (b, o2, t2, named) in [
        (&broken, &o, &t, "base.ron"),
        (&t, &dir.path().join("missing.ron"), &t, "missing.ron"),
    ] {
        let out = run(&["merge", s(b), s(o2), s(t2)]);
        assert_eq!(out.status.code(), Some(255), "{}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.contains(named) && err.contains("nothing was merged"),
            "{err}"
        );
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    }
    assert_eq!(std::fs::read(&o).unwrap(), before, "ours untouched");
}

#[test]
fn diff_lists_changes_item_by_item_with_two_files_or_git_s_seven_or_nine_arguments() {
    let dir = tempfile::tempdir().unwrap();
    let base = worked();
    let lavrov = base.actors[0].id;
    let new = new_actor(
        &with(
            &base,
            vec![Edit::SetText(TextField::ActorRole(lavrov), "FM".into())],
        ),
        "Ismail Khan",
    );
    let (a, b) = (
        write(dir.path(), "a.ron", &base),
        write(dir.path(), "b.ron", &new),
    );
    let out = run(&["diff", s(&a), s(&b)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains(&format!("~ actor {lavrov} \"Sergei Lavrov\": role: ")),
        "{text}"
    );
    let khan = new.actors.last().unwrap().id;
    assert!(
        text.contains(&format!("+ actor {khan} \"Ismail Khan\"")),
        "{text}"
    );
    assert_eq!(text.lines().count(), 2, "{text}");
    let hex = "0".repeat(40);
    let git = run(&[
        "diff",
        "n.ron",
        s(&a),
        &hex,
        "100644",
        s(&b),
        &hex,
        "100644",
    ]);
    assert!(git.status.success(), "{}", stderr(&git));
    assert!(stdout(&git).starts_with("briefing-notebook diff a/n.ron b/n.ron\n"));
    // A renamed file: git adds the new path and the rename's details.
    let renamed = run(&[
        "diff",
        "n.ron",
        s(&a),
        &hex,
        "100644",
        s(&b),
        &hex,
        "100644",
        "m.ron",
        "similarity index 90%\nrename from n.ron\nrename to m.ron\n",
    ]);
    assert!(renamed.status.success(), "{}", stderr(&renamed));
    assert!(stdout(&renamed).starts_with("briefing-notebook diff a/m.ron b/m.ron\n"));
    let added = run(&[
        "diff",
        "n.ron",
        "/dev/null",
        ".",
        ".",
        s(&b),
        &hex,
        "100644",
    ]);
    assert!(
        stdout(&added).contains("+ actor 1 \"Sergei Lavrov\""),
        "{}",
        stdout(&added)
    );
}

fn git(repo: &Path, args: &[&str]) -> std::process::Output {
    Command::new("git")
        .args(args)
        .current_dir(repo)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", repo)
        .env_remove("DISPLAY")
        .output()
        .expect("git runs")
}

fn git_ok(repo: &Path, args: &[&str]) -> String {
    let out = git(repo, args);
    assert!(out.status.success(), "git {args:?}: {}", stderr(&out));
    stdout(&out)
}

/// A repository with the worked example committed on `main` and the drivers configured
/// as the README says (the binary named by its full path).
fn repo_with_drivers() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().to_path_buf();
    let bin = env!("CARGO_BIN_EXE_briefing-notebook");
    git_ok(&repo, &["init", "-q", "-b", "main"]);
    git_ok(&repo, &["config", "user.email", "analyst@example.org"]);
    git_ok(&repo, &["config", "user.name", "Analyst"]);
    std::fs::write(
        repo.join(".gitattributes"),
        "*.ron merge=briefing-notebook diff=briefing-notebook\n",
    )
    .unwrap();
    git_ok(
        &repo,
        &[
            "config",
            "merge.briefing-notebook.driver",
            &format!("{bin} merge %O %A %B"),
        ],
    );
    git_ok(
        &repo,
        &[
            "config",
            "diff.briefing-notebook.command",
            &format!("{bin} diff"),
        ],
    );
    write(&repo, "notebook.ron", &worked());
    git_ok(&repo, &["add", "."]);
    git_ok(&repo, &["commit", "-q", "-m", "base"]);
    (dir, repo)
}

fn commit(repo: &Path, nb: &Notebook, message: &str) {
    write(repo, "notebook.ron", nb);
    git_ok(repo, &["commit", "-q", "-am", message]);
}

#[test]
#[ignore = "needs git"]
fn a_real_git_merge_with_the_driver_keeps_both_analysts_work() {
    let (_dir, repo) = repo_with_drivers();
    let base = worked();
    let lavrov = base.actors[0].id;
    // Both add an actor at the end (the same next id) and edit neighbouring lines.
    git_ok(&repo, &["checkout", "-q", "-b", "colleague"]);
    let theirs = new_actor(
        &with(
            &base,
            vec![Edit::SetText(
                TextField::ActorNotes(lavrov),
                "Tour in Feb.".into(),
            )],
        ),
        "Ismail Khan",
    );
    commit(&repo, &theirs, "colleague: Khan, notes");
    git_ok(&repo, &["checkout", "-q", "main"]);
    let ours = new_actor(
        &with(
            &base,
            vec![Edit::SetText(TextField::ActorRole(lavrov), "FM".into())],
        ),
        "Zamir Kabulov",
    );
    commit(&repo, &ours, "me: Kabulov, role");

    // git's own line merge conflicts on these two versions.
    let tmp = tempfile::tempdir().unwrap();
    let (b, o, t) = (
        write(tmp.path(), "b.ron", &base),
        write(tmp.path(), "o.ron", &ours),
        write(tmp.path(), "t.ron", &theirs),
    );
    let merge_file = Command::new("git")
        .args(["merge-file", "-p", s(&o), s(&b), s(&t)])
        .output()
        .unwrap();
    assert_ne!(
        merge_file.status.code(),
        Some(0),
        "git's line merge conflicts"
    );

    let merged = git(&repo, &["merge", "--no-edit", "colleague"]);
    assert!(
        merged.status.success(),
        "{}{}",
        stdout(&merged),
        stderr(&merged)
    );
    let nb = load_notebook(&repo.join("notebook.ron")).unwrap().0;
    assert_eq!(nb.actors[0].role, "FM");
    assert_eq!(nb.actors[0].notes, "Tour in Feb.");
    let names: Vec<&str> = nb.actors.iter().map(|a| a.name.as_str()).collect();
    assert!(
        names.ends_with(&["Zamir Kabulov", "Ismail Khan"]),
        "{names:?}"
    );
    assert!(nb.conflicts.is_empty());

    // The diff driver shows the merge as items, not lines.
    let shown = git_ok(&repo, &["diff", "HEAD~1", "HEAD"]);
    let khan = nb.actors.last().unwrap().id;
    assert!(
        shown.contains(&format!("+ actor {khan} \"Ismail Khan\"")),
        "{shown}"
    );
    assert!(shown.contains("notes: \"\" → \"Tour in Feb.\""), "{shown}");
}

#[test]
#[ignore = "needs git"]
fn a_real_git_merge_with_conflicts_leaves_a_notebook_that_opens_and_lists_them() {
    let (_dir, repo) = repo_with_drivers();
    let base = worked();
    git_ok(&repo, &["checkout", "-q", "-b", "colleague"]);
    commit(
        &repo,
        &with(
            &base,
            vec![Edit::SetText(TextField::BottomLine, "B.".into())],
        ),
        "colleague: bottom line",
    );
    git_ok(&repo, &["checkout", "-q", "main"]);
    commit(
        &repo,
        &with(
            &base,
            vec![Edit::SetText(TextField::BottomLine, "A.".into())],
        ),
        "me: bottom line",
    );
    let merged = git(&repo, &["merge", "--no-edit", "colleague"]);
    assert_eq!(merged.status.code(), Some(1), "git reports the conflict");
    assert!(stdout(&merged).contains("CONFLICT"), "{}", stdout(&merged));
    let path = repo.join("notebook.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(!text.contains("<<<<<<<"), "no line markers");
    let nb = load_notebook(&path).unwrap().0;
    assert_eq!(nb.brief.bottom_line, "A.");
    assert_eq!(nb.conflicts.len(), 1);
    assert!(!run(&["check", s(&path)]).status.success());
}

#[test]
#[ignore = "needs git"]
fn an_unreadable_version_stops_git_s_merge_and_leaves_the_work_tree_alone() {
    let (_dir, repo) = repo_with_drivers();
    git_ok(&repo, &["checkout", "-q", "-b", "colleague"]);
    std::fs::write(repo.join("notebook.ron"), "Notebook(format: 4, damaged").unwrap();
    git_ok(&repo, &["commit", "-q", "-am", "colleague: damaged file"]);
    git_ok(&repo, &["checkout", "-q", "main"]);
    let ours = with(
        &worked(),
        vec![Edit::SetText(TextField::BottomLine, "A.".into())],
    );
    commit(&repo, &ours, "me: bottom line");
    let before = std::fs::read(repo.join("notebook.ron")).unwrap();
    let merged = git(&repo, &["merge", "--no-edit", "colleague"]);
    assert!(!merged.status.success());
    assert!(
        stderr(&merged).contains("nothing was merged"),
        "{}",
        stderr(&merged)
    );
    assert_eq!(std::fs::read(repo.join("notebook.ron")).unwrap(), before);
}
