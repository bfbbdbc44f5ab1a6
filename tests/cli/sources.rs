//! Notebooks of several sources on the command line: `new A B C`, `add-source`,
//! `update-article --source`, and what `check --json` and the evidence exports say
//! about sources.

use super::{SAMPLE_ARTICLE, WORKED_EXAMPLE, run, stderr, stdout};
use briefing_core::anchor::evidence_for;
use briefing_core::model::{Article, Edit, Id, ItemKind, ItemRef, Notebook, Source, TextIndex};
use briefing_core::storage::{load_notebook, save_notebook};
use std::path::{Path, PathBuf};
use std::time::Instant;

const NEWS_PAGE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/news-page.html");

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn json(args: &[&str]) -> serde_json::Value {
    let o = run(args);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_str(&stdout(&o)).unwrap()
}

#[test]
fn new_takes_several_articles_one_source_each_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let md = write(
        dir.path(),
        "kabul.md",
        "# Kabul sidelined\n\nKabul was not invited.",
    );
    let out = dir.path().join("three.ron");
    let o = run(&["new", SAMPLE_ARTICLE, p(&md), NEWS_PAGE, "-o", p(&out)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let said = stdout(&o);
    assert!(said.contains("new notebook on 3 sources"), "{said}");
    assert!(said.contains("[2] F6 \"Kabul sidelined\""), "{said}");

    let v = json(&["check", p(&out), "--json"]);
    let sources = v["sources"].as_array().unwrap();
    let titles: Vec<&str> = sources
        .iter()
        .map(|s| s["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Lavrov’s Central Asia Tour and Recent Developments in Afghan Peace Process",
            "Kabul sidelined",
            "Lavrov Tours Central Asia as Afghan Talks Split",
        ]
    );
    for s in sources {
        assert_eq!(
            (s["reliability"].as_str(), s["credibility"].as_u64()),
            (Some("F"), Some(6))
        );
        assert!(
            s["id"].as_u64().is_some() && s["chars"].as_u64().unwrap() > 10,
            "{s}"
        );
    }
    // Markdown's heading is a paragraph of its own: "Kabul sidelined\nKabul was not invited."
    assert_eq!(sources[1]["chars"], 38);
}

#[test]
fn new_names_each_file_that_fails_and_imports_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.txt", "Osh\n\nQuiet in Osh.");
    let empty = write(dir.path(), "empty.txt", "");
    let binary = dir.path().join("binary.txt");
    std::fs::write(&binary, b"\x7fELF\x02\x01\x01\0\0\0\0\0").unwrap();
    let out = dir.path().join("n.ron");
    let o = run(&[
        "new",
        p(&empty),
        p(&good),
        p(&binary),
        SAMPLE_ARTICLE,
        "-o",
        p(&out),
    ]);
    assert!(!o.status.success(), "a failed file fails the command");
    assert_ne!(o.status.code(), Some(101), "no panic");
    let err = stderr(&o);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines.len(),
        3,
        "one line per failed file and one summary: {err}"
    );
    assert!(
        lines[0].contains("empty.txt") && lines[1].contains("binary.txt"),
        "{err}"
    );
    assert!(
        lines[2].contains("2 of 4 articles could not be imported"),
        "{err}"
    );
    let (nb, _) = load_notebook(&out).unwrap();
    let titles: Vec<&str> = nb
        .sources
        .iter()
        .map(|s| s.article.title.as_str())
        .collect();
    assert_eq!(titles[0], "Osh", "the others are in, in order");
    assert_eq!(titles.len(), 2);

    // When none can be imported, nothing is written.
    let none = dir.path().join("none.ron");
    let o = run(&["new", p(&empty), p(&binary), "-o", p(&none)]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("none of the 2 articles could be imported"),
        "{}",
        stderr(&o)
    );
    assert!(!none.exists());
}

#[test]
fn add_source_grades_new_sources_and_leaves_duplicates_out() {
    let dir = tempfile::tempdir().unwrap();
    let nb = dir.path().join("n.ron");
    assert!(run(&["new", SAMPLE_ARTICLE, "-o", p(&nb)]).status.success());
    let before = std::fs::read(&nb).unwrap();
    let kabul = write(dir.path(), "kabul.txt", "Kabul\n\nKabul was not invited.");
    let o = run(&[
        "add-source",
        p(&nb),
        p(&kabul),
        NEWS_PAGE,
        "--reliability",
        "b",
        "--credibility",
        "2",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("2 new sources (3 in all)"),
        "{}",
        stdout(&o)
    );
    assert_eq!(
        std::fs::read(dir.path().join("n.ron.bak")).unwrap(),
        before,
        "a backup"
    );
    let (notebook, _) = load_notebook(&nb).unwrap();
    let grades: Vec<String> = notebook.sources.iter().map(Source::grade).collect();
    assert_eq!(grades, ["F6", "B2", "B2"]);

    // The same text again: said, not added, not an error.
    let again = write(
        dir.path(),
        "again.txt",
        "Kabul\r\n\r\nKabul was not invited.",
    );
    let saved = std::fs::read(&nb).unwrap();
    let o = run(&["add-source", p(&nb), p(&again)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let said = stdout(&o);
    assert!(
        said.contains("the same text as source") && said.contains("\"Kabul\""),
        "{said}"
    );
    assert!(said.contains("not changed"), "{said}");
    assert_eq!(std::fs::read(&nb).unwrap(), saved);
    let o = run(&["add-source", p(&nb), p(&again), "--allow-duplicates"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(load_notebook(&nb).unwrap().0.sources.len(), 4);

    // A grade that is no grade is refused before anything is read.
    for bad in [
        ["--reliability", "G"],
        ["--reliability", "AB"],
        ["--credibility", "7"],
        ["--credibility", "0"],
    ] {
        let o = run(&["add-source", p(&nb), p(&kabul), bad[0], bad[1]]);
        assert!(!o.status.success());
        assert!(stderr(&o).contains("grade"), "{}", stderr(&o));
    }
}

/// A notebook on two sources that both name Doha: actor "Doha" quotes both, stake
/// "Talks" quotes the second only. Returns its path and the sources' ids.
fn two_source_notebook(dir: &Path) -> (PathBuf, Id, Id) {
    let first = "Talks\n\nThe Taliban met in Doha.";
    let second = "Envoys\n\nEnvoys flew to Doha for talks.";
    let mut nb = Notebook::new(Article::new("Talks", first));
    let one = nb.sources[0].id;
    let two = nb.allocate_id();
    Edit::AddSource(Source::new(two, Article::new("Envoys", second)))
        .apply(&mut nb)
        .unwrap();
    let span = |nb: &mut Notebook, source: Id, text: &str, word: &str| {
        let start = text[..text.find(word).unwrap()].chars().count();
        let id = nb.allocate_id();
        evidence_for(
            source,
            text,
            &TextIndex::new(text),
            id,
            start,
            start + word.len(),
        )
    };
    for (kind, name) in [(ItemKind::Actor, "Doha"), (ItemKind::Stake, "Talks")] {
        let id = nb.allocate_id();
        Edit::AddItem {
            kind,
            id,
            name: name.into(),
            evidence: None,
        }
        .apply(&mut nb)
        .unwrap();
    }
    let doha = ItemRef {
        kind: ItemKind::Actor,
        id: nb.actors[0].id,
    };
    let talks = ItemRef {
        kind: ItemKind::Stake,
        id: nb.stakes[0].id,
    };
    for (item, source, text, word) in [
        (doha, one, first, "Doha"),
        (doha, two, second, "Doha"),
        (talks, two, second, "talks"),
    ] {
        let e = span(&mut nb, source, text, word);
        Edit::AttachEvidence(item, e).apply(&mut nb).unwrap();
    }
    let path = dir.join("two.ron");
    save_notebook(&path, &nb).unwrap();
    (path, one, two)
}

#[test]
fn check_json_gives_each_span_its_source_and_each_item_its_corroboration() {
    let dir = tempfile::tempdir().unwrap();
    let (path, one, two) = two_source_notebook(dir.path());
    let v = json(&["check", p(&path), "--json"]);
    let sources: Vec<u64> = v["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["source"].as_u64().unwrap())
        .collect();
    assert_eq!(sources, [one, two, two]);
    assert_eq!(
        v["corroboration"],
        serde_json::json!([
            {"item": {"kind": "actor", "name": "Doha"}, "sources": 2},
            {"item": {"kind": "stake", "name": "Talks"}, "sources": 1},
        ])
    );
    // The stake rests on one ungraded source of two: the reviewer says both.
    let kinds: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["place"]["name"] == "Talks")
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert!(
        kinds.contains(&"single_source") && kinds.contains(&"weak_sources"),
        "{kinds:?}"
    );
    let text = stdout(&run(&["check", p(&path)]));
    assert!(text.contains("sources: 2"), "{text}");
    assert!(
        text.contains("rests on one source, [2] “Envoys” (F6)"),
        "{text}"
    );

    // The worked example: one source, graded B2, every span on it.
    let v = json(&["check", WORKED_EXAMPLE, "--json"]);
    let source = &v["sources"][0];
    assert_eq!(
        (
            source["reliability"].as_str(),
            source["credibility"].as_u64()
        ),
        (Some("B"), Some(2))
    );
    assert_eq!(source["chars"], 4319);
    let id = &source["id"];
    assert!(
        v["evidence"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| &e["source"] == id)
    );
    let corroboration = v["corroboration"].as_array().unwrap();
    assert_eq!(corroboration.len(), 12 + 4 + 4, "every item");
    assert!(corroboration.iter().all(|c| c["sources"] == 1));
}

#[test]
fn update_article_corrects_the_source_it_is_told_and_only_that_one() {
    let dir = tempfile::tempdir().unwrap();
    let (path, one, two) = two_source_notebook(dir.path());
    let before = std::fs::read(&path).unwrap();
    let corrected = write(
        dir.path(),
        "envoys.txt",
        "Envoys\n\nOn Monday the envoys flew to Doha for talks.",
    );
    // Two sources and no --source: which one is meant is not guessed.
    let o = run(&["update-article", p(&path), p(&corrected)]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("two.ron") && err.contains("--source"), "{err}");
    assert!(
        err.contains(&format!("{one} \"Talks\"")) && err.contains(&format!("{two} \"Envoys\"")),
        "lists the sources: {err}"
    );
    let o = run(&["update-article", p(&path), p(&corrected), "--source", "999"]);
    assert!(
        !o.status.success() && stderr(&o).contains("no source 999"),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read(&path).unwrap(), before, "nothing changed");

    let v = json(&[
        "update-article",
        p(&path),
        p(&corrected),
        "--source",
        &two.to_string(),
        "--json",
    ]);
    let spans: Vec<(u64, &str)> = v["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["source"].as_u64().unwrap(), e["status"].as_str().unwrap()))
        .collect();
    assert_eq!(
        spans,
        [(two, "moved"), (two, "moved")],
        "only source {two}'s spans"
    );
    let (nb, _) = load_notebook(&path).unwrap();
    assert_eq!(
        &*nb.sources[0].article.text,
        "Talks\n\nThe Taliban met in Doha."
    );
    assert!(
        nb.sources[1]
            .article
            .text
            .starts_with("Envoys\n\nOn Monday")
    );
    assert_eq!(nb.sources[1].article.title, "Envoys");
}

#[test]
fn evidence_exports_target_each_spans_own_source() {
    let dir = tempfile::tempdir().unwrap();
    let (path, one, two) = two_source_notebook(dir.path());
    let (nb, _) = load_notebook(&path).unwrap();
    let out = dir.path().join("evidence.jsonld");
    let o = run(&["export", p(&path), "--format", "w3c", "-o", p(&out)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    let targets: Vec<&str> = doc["first"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["target"]["source"].as_str().unwrap())
        .collect();
    let iri = |n: usize| format!("urn:sha256:{}", nb.sources[n].article.text_sha256);
    assert_eq!(targets, [iri(0), iri(1), iri(1)]);

    let csv_path = dir.path().join("evidence.csv");
    let o = run(&["export", p(&path), "--format", "csv", "-o", p(&csv_path)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let csv = std::fs::read_to_string(&csv_path).unwrap();
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows[0], "item kind,item name,source,quote,start,end,status");
    assert!(
        rows[1].starts_with(&format!("actor,Doha,{one},Doha,")),
        "{csv}"
    );
    assert!(
        rows[3].starts_with(&format!("stake,Talks,{two},talks,")),
        "{csv}"
    );
}

#[test]
fn twenty_articles_import_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let sample = std::fs::read_to_string(SAMPLE_ARTICLE).unwrap();
    // Twenty distinct articles of about 50 KB (the sample, repeated, under its own title).
    let paths: Vec<PathBuf> = (1..=20)
        .map(|i| {
            let body = sample.repeat(12);
            write(
                dir.path(),
                &format!("a{i:02}.txt"),
                &format!("Report {i}\n\n{body}"),
            )
        })
        .collect();
    let out = dir.path().join("twenty.ron");
    let mut args = vec!["new"];
    args.extend(paths.iter().map(|x| p(x)));
    args.extend(["-o", p(&out)]);
    let started = Instant::now();
    let o = run(&args);
    let took = started.elapsed();
    assert!(o.status.success(), "{}", stderr(&o));
    eprintln!(
        "20 articles ({} KB) imported into one notebook in {} ms ({} build)",
        paths
            .iter()
            .map(|x| std::fs::metadata(x).unwrap().len())
            .sum::<u64>()
            / 1000,
        took.as_millis(),
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
    );
    let (nb, _) = load_notebook(&out).unwrap();
    let titles: Vec<String> = nb.sources.iter().map(|s| s.article.title.clone()).collect();
    let expected: Vec<String> = (1..=20).map(|i| format!("Report {i}")).collect();
    assert_eq!(titles, expected);
    if !cfg!(debug_assertions) {
        assert!(took.as_secs_f64() < 2.0, "target: under 2 s, took {took:?}");
    }
}
