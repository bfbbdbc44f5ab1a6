//! The command line, run as a user would: the real binary, no display. Notebooks of
//! several sources (new, add-source, update-article --source, check's sources) are in
//! `sources.rs`.

mod merge;
mod sources;
mod suggest;
mod yukos_affair;

use std::path::Path;
use std::process::{Command, Output};

const WORKED_EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/saves/lavrov-central-asia-tour.ron"
);
const SAMPLE_ARTICLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/articles/lavrov-central-asia-tour.txt"
);

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_briefing-notebook"))
        .args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("the binary runs")
}

/// The `status` of every evidence span in a `check --json` object.
fn statuses(v: &serde_json::Value) -> Vec<&str> {
    v["evidence"]
        .as_array()
        .map(|spans| spans.iter().filter_map(|e| e["status"].as_str()).collect())
        .unwrap_or_default()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A failure is one line on stderr naming the file, a non-zero exit, and never a panic.
fn assert_clean_failure(o: &Output, file: &Path) {
    let err = stderr(o);
    assert!(!o.status.success(), "should fail: {err}");
    assert_ne!(o.status.code(), Some(101), "panicked: {err}");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    let name = file.file_name().unwrap().to_string_lossy();
    assert!(err.contains(&*name), "names the file: {err}");
}

#[test]
fn check_json_reports_counts_and_every_span_of_the_worked_example() {
    let o = run(&["check", WORKED_EXAMPLE, "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(v["actors"].as_u64().unwrap() >= 8);
    assert!(v["stakes"].as_u64().unwrap() >= 3);
    assert!(v["risks"].as_u64().unwrap() >= 4);
    let evidence = v["evidence"].as_array().unwrap();
    assert!(!evidence.is_empty());
    for e in evidence {
        assert_eq!(e["status"], "exact", "{e}");
        assert!(e["start"].as_u64().unwrap() < e["end"].as_u64().unwrap());
        assert!(["actor", "stake", "risk"].contains(&e["item"]["kind"].as_str().unwrap()));
        assert!(!e["item"]["name"].as_str().unwrap().is_empty());
        assert!(!e["quote"].as_str().unwrap().is_empty());
    }
    let names: Vec<&str> = evidence
        .iter()
        .map(|e| e["item"]["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"Sergei Lavrov"));
}

#[test]
fn every_item_of_the_worked_example_has_evidence() {
    let (nb, _) = briefing_core::storage::load_notebook(Path::new(WORKED_EXAMPLE)).unwrap();
    assert!(!nb.brief.bottom_line.is_empty());
    for a in &nb.actors {
        assert!(!a.evidence.is_empty(), "actor {}", a.name);
    }
    for s in &nb.stakes {
        assert!(!s.evidence.is_empty(), "stake {}", s.title);
    }
    for r in &nb.risks {
        assert!(
            !r.evidence.is_empty() && !r.indicators.is_empty(),
            "risk {}",
            r.title
        );
    }
    // Saving it again gives the very same bytes.
    let again = briefing_core::storage::to_ron(Path::new(WORKED_EXAMPLE), &nb).unwrap();
    assert_eq!(again, std::fs::read_to_string(WORKED_EXAMPLE).unwrap());
}

#[test]
fn check_json_lists_the_reviewers_findings() {
    // The worked example's bottom line is two sentences ("the U.S." ends none of them).
    let o = run(&["check", WORKED_EXAMPLE, "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["findings"], serde_json::json!([]), "{v}");

    // Four sentences, with abbreviations that must not count.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.ron");
    let (mut nb, _) = briefing_core::storage::load_notebook(Path::new(WORKED_EXAMPLE)).unwrap();
    nb.brief.bottom_line = "Russia is using the tour to gain influence. The U.S. seeks an exit. \
        Gen. Miller met Mr. Khalilzad on Jan. 5. Kabul is likely to stay excluded."
        .into();
    briefing_core::storage::save_notebook(&path, &nb).unwrap();
    let o = run(&["check", path.to_str().unwrap(), "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(
        v["findings"],
        serde_json::json!([{
            "place": {"kind": "bottom line"},
            "kind": "bottom_line_length",
            "message": "4 sentences: a bottom line should be one to three.",
        }]),
        "{v}"
    );
    // Plain `check` prints the same finding, one line.
    let o = run(&["check", path.to_str().unwrap()]);
    let out = stdout(&o);
    assert!(out.contains("findings: 1"), "{out}");
    assert!(
        out.contains("finding  bottom line: 4 sentences: a bottom line should be one to three."),
        "{out}"
    );
}

#[test]
fn check_text_lists_statuses() {
    let o = run(&["check", WORKED_EXAMPLE]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.contains("actors: 12"), "{out}");
    assert!(out.contains("exact"), "{out}");
    assert!(out.contains("findings: 0"), "{out}");
}

#[test]
fn new_imports_an_article_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("n.ron");
    let o = run(&["new", SAMPLE_ARTICLE, "-o", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run(&["check", out.to_str().unwrap(), "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["actors"], 0);
    let before = std::fs::read(&out).unwrap();
    let o = run(&["new", SAMPLE_ARTICLE, "-o", out.to_str().unwrap()]);
    assert_clean_failure(&o, &out);
    assert_eq!(std::fs::read(&out).unwrap(), before);
}

#[test]
fn hostile_inputs_give_one_clear_line_and_no_panic() {
    let dir = tempfile::tempdir().unwrap();
    let mut random = Vec::new();
    let mut x: u32 = 2463534242;
    for _ in 0..4096 {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        random.push(x as u8);
    }
    let worked = std::fs::read_to_string(WORKED_EXAMPLE).unwrap();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty.txt", vec![]),
        ("random.txt", random.clone()),
        ("png.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0".to_vec()),
        ("elf.md", b"\x7fELF\x02\x01\x01\0\0\0\0\0".to_vec()),
        ("latin1.txt", b"Caf\xe9 in Bishkek".to_vec()),
        ("nul.txt", b"text\0with nul".to_vec()),
    ];
    for (name, bytes) in &cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = dir.path().join(format!("{name}.ron"));
        let o = run(&["new", path.to_str().unwrap(), "-o", out.to_str().unwrap()]);
        assert_clean_failure(&o, &path);
        assert!(!out.exists());
    }
    let notebooks: Vec<(&str, Vec<u8>)> = vec![
        ("empty.ron", vec![]),
        ("random.ron", random),
        (
            "truncated.ron",
            worked.as_bytes()[..worked.len() / 2].to_vec(),
        ),
        (
            "future.ron",
            worked.replacen("format: 4", "format: 7", 1).into_bytes(),
        ),
        (
            "wrong-type.ron",
            worked
                .replacen("likelihood: 4", "likelihood: \"high\"", 1)
                .into_bytes(),
        ),
        (
            "bad-variant.ron",
            worked
                .replacen("kind: Person", "kind: Alien", 1)
                .into_bytes(),
        ),
        (
            "out-of-range.ron",
            worked
                .replacen("likelihood: 4", "likelihood: 9", 1)
                .into_bytes(),
        ),
        (
            "deep.ron",
            format!("Notebook(format: 1, article: {}", "(".repeat(100_000)).into_bytes(),
        ),
        (
            "dangling.ron",
            worked
                .replacen("holders: [", "holders: [999, ", 1)
                .into_bytes(),
        ),
        ("png.ron", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0".to_vec()),
        ("elf.ron", b"\x7fELF\x02\x01\x01\0\0\0\0\0".to_vec()),
        (
            "nul.ron",
            worked.replacen("Notebook(", "Notebook(\0", 1).into_bytes(),
        ),
        ("latin1.ron", {
            let mut b = worked.as_bytes()[..200].to_vec();
            b.extend_from_slice(b"caf\xe9");
            b
        }),
        ("utf16.ron", {
            let mut b = vec![0xFF, 0xFE];
            for u in worked.encode_utf16().take(300) {
                b.extend_from_slice(&u.to_le_bytes());
            }
            b
        }),
        (
            "duplicate-ids.ron",
            worked
                .replacen(
                    "Actor(\n            id: 4,",
                    "Actor(\n            id: 1,",
                    1,
                )
                .into_bytes(),
        ),
        (
            "unknown-field.ron",
            worked
                .replacen("kind: Person,", "kind: Person, mood: \"calm\",", 1)
                .into_bytes(),
        ),
    ];
    for (name, bytes) in &notebooks {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let o = run(&["check", path.to_str().unwrap(), "--json"]);
        assert_clean_failure(&o, &path);
        assert_eq!(
            &std::fs::read(&path).unwrap(),
            bytes,
            "{name} is never rewritten"
        );
    }
    let missing = dir.path().join("missing.ron");
    assert_clean_failure(&run(&["check", missing.to_str().unwrap()]), &missing);
}

#[test]
fn evidence_out_of_range_is_reported_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let worked = std::fs::read_to_string(WORKED_EXAMPLE).unwrap();
    // Move one span's offsets past the end: its quote is still found (moved).
    let first_start = worked.find("start: ").unwrap();
    let line_end = worked[first_start..].find(',').unwrap() + first_start;
    let broken = format!(
        "{}start: 999999{}",
        &worked[..first_start],
        &worked[line_end..]
    );
    let path = dir.path().join("shifted.ron");
    std::fs::write(&path, broken).unwrap();
    let o = run(&["check", path.to_str().unwrap(), "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["evidence"][0]["status"], "moved");
}

#[test]
fn help_and_version() {
    let o = run(&["--help"]);
    assert!(o.status.success());
    let help = stdout(&o);
    assert!(help.contains("new") && help.contains("check"), "{help}");
    let o = run(&["--version"]);
    assert!(stdout(&o).contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn update_article_reattaches_spans_saves_with_a_backup_and_reports_like_check() {
    let dir = tempfile::tempdir().unwrap();
    let notebook = dir.path().join("n.ron");
    std::fs::copy(WORKED_EXAMPLE, &notebook).unwrap();
    let original = std::fs::read(&notebook).unwrap();
    let text = std::fs::read_to_string(SAMPLE_ARTICLE).unwrap();
    let corrected = text
        .replacen("still refuses", "still declines", 1)
        .replacen("Meanwhile, Moscow", "Meanwhile, on Tuesday, Moscow", 1)
        .replacen("These disparate goals could hamper peace efforts. ", "", 1)
        .replace('\n', "\r\n");
    let article = dir.path().join("corrected.txt");
    std::fs::write(&article, corrected).unwrap();

    let dry = run(&[
        "update-article",
        notebook.to_str().unwrap(),
        article.to_str().unwrap(),
        "--dry-run",
        "--json",
    ]);
    assert!(dry.status.success(), "{}", stderr(&dry));
    assert_eq!(
        std::fs::read(&notebook).unwrap(),
        original,
        "a dry run changes nothing"
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(&dry)).unwrap();
    let found = statuses(&v);
    assert!(
        found.contains(&"moved") && found.contains(&"fuzzy") && found.contains(&"orphaned"),
        "{found:?}"
    );
    assert_eq!(found.len(), 27, "no span is ever dropped");
    let orphan = v["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["status"] == "orphaned")
        .unwrap();
    assert_eq!(
        orphan["quote"],
        "These disparate goals could hamper peace efforts"
    );

    let real = run(&[
        "update-article",
        notebook.to_str().unwrap(),
        article.to_str().unwrap(),
    ]);
    assert!(real.status.success(), "{}", stderr(&real));
    assert_eq!(
        std::fs::read(dir.path().join("n.ron.bak")).unwrap(),
        original
    );
    let after = run(&["check", notebook.to_str().unwrap(), "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&after)).unwrap();
    let found = statuses(&v);
    assert_eq!(
        found.iter().filter(|s| **s == "exact").count(),
        25,
        "{found:?}"
    );
    assert_eq!(found.iter().filter(|s| **s == "fuzzy").count(), 1);
    assert_eq!(found.iter().filter(|s| **s == "orphaned").count(), 1);
}

#[test]
fn huge_and_sparse_files_get_a_size_message_not_an_out_of_memory() {
    let dir = tempfile::tempdir().unwrap();
    // A 2 GB sparse file: nothing is read, the size alone refuses it.
    for name in ["sparse.txt", "sparse.ron"] {
        let path = dir.path().join(name);
        let f = std::fs::File::create(&path).unwrap();
        f.set_len(2 * 1024 * 1024 * 1024).unwrap();
        let o = if name.ends_with(".txt") {
            run(&[
                "new",
                path.to_str().unwrap(),
                "-o",
                dir.path().join("x.ron").to_str().unwrap(),
            ])
        } else {
            run(&["check", path.to_str().unwrap()])
        };
        assert_clean_failure(&o, &path);
        assert!(stderr(&o).contains("MB"), "{}", stderr(&o));
    }
}

#[test]
fn a_50_mb_article_imports_and_its_notebook_checks() {
    let dir = tempfile::tempdir().unwrap();
    let sample = std::fs::read_to_string(SAMPLE_ARTICLE).unwrap();
    let mut text = String::with_capacity(51 * 1024 * 1024);
    while text.len() < 50 * 1024 * 1024 {
        text.push_str(&sample);
        text.push('\n');
    }
    let article = dir.path().join("big.txt");
    std::fs::write(&article, &text).unwrap();
    let notebook = dir.path().join("big.ron");
    let o = run(&[
        "new",
        article.to_str().unwrap(),
        "-o",
        notebook.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run(&["check", notebook.to_str().unwrap(), "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["actors"], 0);
}

#[test]
fn new_takes_a_saved_web_page_with_its_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let page = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/news-page.html");
    let out = dir.path().join("page.ron");
    let o = run(&["new", page, "-o", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let (nb, _) = briefing_core::storage::load_notebook(&out).unwrap();
    let article = &nb.sources[0].article;
    assert_eq!(
        article.title,
        "Lavrov Tours Central Asia as Afghan Talks Split"
    );
    assert_eq!(article.publisher.as_deref(), Some("The Steppe Monitor"));
    assert_eq!(article.author.as_deref(), Some("Aigerim Bekova"));
    assert_eq!(
        article.url.as_deref(),
        Some("https://example.org/2019/02/lavrov-central-asia")
    );
    assert!(
        article.text.starts_with(
            "Lavrov Tours Central Asia as Afghan Talks Split\nRussian Foreign Minister"
        )
    );
    for furniture in [
        "Advertisement",
        "Share on",
        "Related",
        "Great article",
        "All rights reserved",
        "dataLayer",
    ] {
        assert!(
            !article.text.contains(furniture),
            "{furniture} leaked into the text"
        );
    }
    // A page with no article text gets a sentence, not an empty notebook.
    let empty = dir.path().join("empty.html");
    std::fs::write(
        &empty,
        "<html><body><nav><a href='/'>Home</a></nav></body></html>",
    )
    .unwrap();
    let o = run(&[
        "new",
        empty.to_str().unwrap(),
        "-o",
        dir.path().join("e.ron").to_str().unwrap(),
    ]);
    assert_clean_failure(&o, &empty);
    assert!(stderr(&o).contains("no article text"));
}

/// The worked example with its first span's offsets (and, if given, its quote) replaced.
fn with_first_span(start: &str, end: &str, quote: Option<&str>) -> String {
    let worked = std::fs::read_to_string(WORKED_EXAMPLE).unwrap();
    let replace_field = |text: &str, field: &str, value: &str| {
        let at = text.find(field).unwrap();
        let line_end = text[at..].find(",\n").unwrap() + at;
        format!("{}{field}{value}{}", &text[..at], &text[line_end..])
    };
    let text = replace_field(&worked, "start: ", start);
    let text = replace_field(&text, "end: ", end);
    match quote {
        Some(q) => replace_field(&text, "quote: ", &format!("\"{q}\"")),
        None => text,
    }
}

#[test]
fn offsets_near_the_integer_limits_never_panic_or_wrap() {
    let dir = tempfile::tempdir().unwrap();
    let worked = run(&["check", WORKED_EXAMPLE, "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&worked)).unwrap();
    let (start, end) = (&v["evidence"][0]["start"], &v["evidence"][0]["end"]);
    let cases = [
        // 2^63: past every isize.
        ("9223372036854775808", "9223372036854775893"),
        ("9223372036854775808", "161"),
        // u64::MAX, and a start whose start + quote length overflows.
        ("18446744073709551615", "18446744073709551615"),
        ("18446744073709551610", "18446744073709551615"),
        ("0", "18446744073709551615"),
        ("161", "76"),
    ];
    for (i, (s, e)) in cases.iter().enumerate() {
        let path = dir.path().join(format!("offsets-{i}.ron"));
        std::fs::write(&path, with_first_span(s, e, None)).unwrap();
        let o = run(&["check", path.to_str().unwrap(), "--json"]);
        assert!(o.status.success(), "{s}..{e}: {}", stderr(&o));
        let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
        // The quote is still in the article: found again where it is.
        assert_eq!(v["evidence"][0]["status"], "moved", "{s}..{e}");
        assert_eq!(
            (&v["evidence"][0]["start"], &v["evidence"][0]["end"]),
            (start, end)
        );
        let o = run(&["check", path.to_str().unwrap()]);
        assert!(o.status.success(), "{s}..{e}: {}", stderr(&o));
        for format in ["w3c", "csv", "md"] {
            let out = dir.path().join(format!("offsets-{i}.{format}"));
            let o = run(&[
                "export",
                path.to_str().unwrap(),
                "--format",
                format,
                "-o",
                out.to_str().unwrap(),
            ]);
            assert!(o.status.success(), "{s}..{e} {format}: {}", stderr(&o));
        }

        // With the quote gone the span is orphaned and keeps the file's numbers.
        let gone = dir.path().join(format!("orphan-{i}.ron"));
        let text = with_first_span(s, e, Some("words this article never had"));
        std::fs::write(&gone, text).unwrap();
        let o = run(&["check", gone.to_str().unwrap(), "--json"]);
        assert!(o.status.success(), "{s}..{e}: {}", stderr(&o));
        let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
        assert_eq!(v["evidence"][0]["status"], "orphaned");
        assert_eq!(v["evidence"][0]["start"].to_string(), *s);
        assert_eq!(v["evidence"][0]["end"].to_string(), *e);
        let out = dir.path().join(format!("orphan-{i}.jsonld"));
        let o = run(&[
            "export",
            gone.to_str().unwrap(),
            "--format",
            "w3c",
            "-o",
            out.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{s}..{e}: {}", stderr(&o));
    }
    // Past u64::MAX: one line, no panic.
    let path = dir.path().join("too-big.ron");
    std::fs::write(&path, with_first_span("18446744073709551616", "0", None)).unwrap();
    assert_clean_failure(&run(&["check", path.to_str().unwrap()]), &path);
}

#[test]
fn output_that_cannot_be_written_fails_but_a_closed_pipe_does_not() {
    let bin = env!("CARGO_BIN_EXE_briefing-notebook");
    if Path::new("/dev/full").exists() {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let o = Command::new(bin)
            .args(["check", WORKED_EXAMPLE])
            .stdout(full)
            .output()
            .unwrap();
        let err = stderr(&o);
        assert!(!o.status.success(), "a full disk is an error");
        assert_ne!(o.status.code(), Some(101), "panicked: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
        assert!(err.contains("cannot write the output"), "{err}");
    }
    // The reader is gone before the first byte (`| head -0`): a quiet success.
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let o = Command::new(bin)
        .args(["check", WORKED_EXAMPLE, "--json"])
        .stdout(writer)
        .stderr(std::process::Stdio::piped())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stderr(&o), "");
}

/// Runs the binary under `umask`, as a shell would.
#[cfg(unix)]
fn run_with_umask(umask: &str, args: &[&str]) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(format!("umask {umask}; exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_briefing-notebook"))
        .args(args)
        .output()
        .expect("sh runs")
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[cfg(unix)]
#[test]
fn files_get_ordinary_permissions_and_keep_them() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let notebook = dir.path().join("n.ron");
    let p = |p: &Path| p.to_str().unwrap().to_owned();
    let o = run_with_umask("022", &["new", SAMPLE_ARTICLE, "-o", &p(&notebook)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(mode(&notebook), 0o644, "new file under umask 022");

    let brief = dir.path().join("n.md");
    let o = run_with_umask("022", &["export", &p(&notebook), "--format", "md"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(mode(&brief), 0o644, "export under umask 022");

    let private = dir.path().join("private.ron");
    let o = run_with_umask("077", &["new", SAMPLE_ARTICLE, "-o", &p(&private)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(mode(&private), 0o600, "new file under umask 077");

    // A re-save (with a backup) keeps the notebook's 0640, and the backup matches it.
    std::fs::set_permissions(&notebook, std::fs::Permissions::from_mode(0o640)).unwrap();
    let corrected = dir.path().join("corrected.txt");
    let text = std::fs::read_to_string(SAMPLE_ARTICLE).unwrap();
    std::fs::write(
        &corrected,
        text.replacen("still refuses", "still declines", 1),
    )
    .unwrap();
    let o = run_with_umask("022", &["update-article", &p(&notebook), &p(&corrected)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(mode(&notebook), 0o640, "a replaced notebook keeps its mode");
    let backup = dir.path().join("n.ron.bak");
    assert_eq!(
        mode(&backup),
        0o640,
        "the backup is as private as the notebook"
    );
    // An export over an earlier export keeps that file's mode too.
    std::fs::set_permissions(&brief, std::fs::Permissions::from_mode(0o600)).unwrap();
    let o = run_with_umask("022", &["export", &p(&notebook), "--format", "md"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(mode(&brief), 0o600);
}
