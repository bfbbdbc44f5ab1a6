//! `suggest`: the actors an article or a notebook names, as text or JSON.

use super::{SAMPLE_ARTICLE, WORKED_EXAMPLE, run, stderr, stdout};

#[test]
fn suggest_lists_the_actors_an_article_names_as_json() {
    let o = run(&["suggest", SAMPLE_ARTICLE, "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let list = v.as_array().unwrap();
    let lavrov = list
        .iter()
        .find(|s| s["name"] == "Sergei Lavrov")
        .expect("Lavrov suggested");
    assert_eq!(lavrov["kind"], "person");
    assert!(lavrov["mentions"].as_u64().unwrap() >= 4);
    assert!(
        lavrov["role"]
            .as_str()
            .unwrap()
            .contains("Foreign Minister"),
        "{lavrov}"
    );
    let confidence = lavrov["confidence"].as_f64().unwrap();
    assert!(confidence > 0.5 && confidence <= 1.0, "{lavrov}");
    assert!(
        lavrov["aliases"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("Lavrov"))
    );
    let us = list
        .iter()
        .find(|s| s["name"] == "United States")
        .expect("US suggested");
    assert_eq!(us["kind"], "state");
    assert!(
        list.iter().all(|s| s["name"] != "U.S."),
        "U.S. merged into United States"
    );
    // A notebook works too, minus what its analyst dismissed.
    let o = run(&["suggest", WORKED_EXAMPLE]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("Sergei Lavrov"));
}
