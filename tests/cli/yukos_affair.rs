//! The multi-source worked example, `saves/yukos-affair.ron`, holds what the README says
//! of it: six graded sources, at least 10 actors, 4 stakes and 4 risks, every item with
//! evidence found exactly, and at least 4 items corroborated by two or more sources.

use super::{run, statuses, stdout};

const YUKOS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/saves/yukos-affair.ron");

#[test]
fn the_yukos_worked_example_is_graded_corroborated_and_fully_evidenced() {
    let out = run(&["check", "--json", YUKOS]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();

    let sources = v["sources"].as_array().unwrap();
    assert_eq!(sources.len(), 6);
    for s in sources {
        // Graded: not the "cannot be judged" default F6.
        assert_ne!(
            (s["reliability"].as_str(), s["credibility"].as_u64()),
            (Some("F"), Some(6)),
            "{s}"
        );
    }
    assert!(v["actors"].as_u64().unwrap() >= 10);
    assert!(v["stakes"].as_u64().unwrap() >= 4);
    assert!(v["risks"].as_u64().unwrap() >= 4);

    let corroboration = v["corroboration"].as_array().unwrap();
    let items = v["actors"].as_u64().unwrap()
        + v["stakes"].as_u64().unwrap()
        + v["risks"].as_u64().unwrap();
    assert_eq!(corroboration.len() as u64, items, "one entry per item");
    assert!(
        corroboration
            .iter()
            .all(|c| c["sources"].as_u64().unwrap() >= 1),
        "every item has evidence"
    );
    let corroborated = corroboration
        .iter()
        .filter(|c| c["sources"].as_u64().unwrap() >= 2)
        .count();
    assert!(corroborated >= 4, "{corroborated} items corroborated");

    let spans = statuses(&v);
    assert!(!spans.is_empty());
    assert!(spans.iter().all(|s| *s == "exact"), "{spans:?}");
}
