//! Evidence and mentions: a quote's link scrolls the reader to it, a highlight focuses its
//! item, mentions can be stepped through and attached, and a corrected article text keeps
//! every span (re-anchored, or listed for review).

use crate::support::{
    ScriptedPicker, WINDOW, actor_id, char_range, char_rect, click_at, open_worked_example, press,
    selection,
};
use briefing_core::model::{AnchorStatus, ItemKind, ItemRef};
use briefing_ui::command::{FileCommand, ViewCommand};
use briefing_ui::modals::Modal;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

#[test]
fn clicking_an_evidence_quote_reveals_it_and_clicking_a_highlight_focuses_its_item() {
    let (_dir, _path, mut h) = open_worked_example(ScriptedPicker::none());
    // Where the reader's first line sits with the article scrolled to the top.
    let article_top = char_rect(&mut h, 0).min.y;
    h.get_by_label("Sergei Lavrov").click();
    h.run_steps(2);
    h.get_by_label_contains("Russian Foreign Minister Sergei Lavrov embarked")
        .click();
    h.run_steps(2);
    // Going to a piece of evidence is reading, not editing.
    assert!(!h.state().document().is_dirty());
    // Lavrov's first evidence span: click it, with nothing selected.
    let stake = h.state().document().notebook().stakes[0].id;
    h.state_mut().apply(ViewCommand::Focus(ItemRef {
        kind: ItemKind::Stake,
        id: stake,
    }));
    h.run_steps(2);
    let (a, _) = char_range(h.state(), "Foreign Minister Sergei Lavrov embarked");
    let p = char_rect(&mut h, a + 3).center();
    h.state_mut().article_view().clear_selection();
    click_at(&mut h, p);
    let focus = h.state().focus().unwrap();
    assert_eq!(
        h.state().document().notebook().item_name(focus),
        Some("Sergei Lavrov")
    );

    // A quote near the end of the article: its link scrolls the article to it.
    let (far, _) = char_range(h.state(), "None of the forty invited Afghans");
    let before = char_rect(&mut h, far);
    assert!(
        before.min.y > WINDOW.y,
        "starts below the window: {before:?}"
    );
    let ghani = actor_id(h.state(), "Ghani government");
    h.state_mut().apply(ViewCommand::Focus(ItemRef {
        kind: ItemKind::Actor,
        id: ghani,
    }));
    h.run_steps(10); // the pane scrolls the card into view, animated
    h.get_by_label_contains("None of the forty invited Afghans")
        .click();
    h.run_steps(3);
    let after = char_rect(&mut h, far);
    assert!(
        after.min.y > article_top && after.max.y < WINDOW.y,
        "revealed at {after:?}"
    );
}

#[test]
fn an_actors_mentions_can_be_stepped_through_and_one_click_makes_evidence() {
    let (_dir, _path, mut h) = open_worked_example(ScriptedPicker::none());
    let id = actor_id(h.state(), "Kyrgyzstan");
    let text = h.state().document().notebook().sources[0]
        .article
        .text
        .clone();
    // Its name and its alias (the president's name) both count.
    let count = text.matches("Kyrgyzstan").count() + text.matches("Sooronbay Jeenbekov").count();
    assert_eq!(h.state().mentions_of(id).len(), count);
    h.state_mut().apply(ViewCommand::Focus(ItemRef {
        kind: ItemKind::Actor,
        id,
    }));
    h.run_steps(10);
    h.get_by_label("Next mention").click();
    h.run_steps(2);
    h.get_by_label("Next mention").click();
    h.run_steps(2);
    h.get_by_label(&format!("2 of {count}"));
    let (range, quote) = selection(&mut h);
    assert_eq!(quote, "Kyrgyzstan");
    let evidence = |h: &egui_kittest::Harness<'_, briefing_ui::BriefingApp>| {
        h.state()
            .document()
            .notebook()
            .actor(id)
            .unwrap()
            .evidence
            .clone()
    };
    let before = evidence(&h).len();
    h.get_by_label("Attach as evidence").click();
    h.run_steps(2);
    let after = evidence(&h);
    assert_eq!(after.len(), before + 1);
    let added = after.last().unwrap();
    assert_eq!((added.start, added.end), range);
}

#[test]
fn fixing_the_article_text_reattaches_evidence_and_lists_what_to_review() {
    let (_dir, _path, mut h) = open_worked_example(ScriptedPicker::none());
    let original = h.state().document().notebook().sources[0]
        .article
        .text
        .clone();
    let spans = h.state().document().notebook().all_evidence().count();
    h.state_mut().apply(FileCommand::EditArticleText);
    h.run_steps(3);
    // Correct a word inside a quoted span, and delete a quoted sentence.
    let corrected = original
        .replacen("still refuses", "still declines", 1)
        .replacen("These disparate goals could hamper peace efforts. ", "", 1);
    match h.state().modal() {
        Some(Modal::EditArticle { .. }) => {}
        other => panic!("expected the article editor, got {other:?}"),
    }
    h.get_by_label("Article text:").focus();
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.step();
    h.get_by_label("Article text:").type_text(&corrected);
    h.run_steps(2);
    h.get_by_label("Apply").click();
    h.run_steps(3);
    let nb = h.state().document().notebook().clone();
    assert_eq!(&*nb.sources[0].article.text, corrected.as_str());
    assert!(
        h.state().status().contains("1 fuzzy, 1 orphaned"),
        "{}",
        h.state().status()
    );
    assert_eq!(nb.all_evidence().count(), spans, "no span is dropped");

    // The Review tab lists both; accept the fuzzy one as it now reads.
    let with_status = |h: &egui_kittest::Harness<'_, briefing_ui::BriefingApp>, s| {
        let nb = h.state().document().notebook();
        nb.all_evidence().filter(|(_, e)| e.status == s).count()
    };
    let fuzzy = with_status(&h, AnchorStatus::Fuzzy);
    let to_review = fuzzy + with_status(&h, AnchorStatus::Orphaned);
    assert_eq!(to_review, 2);
    h.get_by_label_contains(&format!("Review ({to_review})"));
    h.get_by_label("Accept").click();
    h.run_steps(3);
    assert_eq!(with_status(&h, AnchorStatus::Fuzzy), 0);
    h.get_by_label_contains(&format!("Review ({})", to_review - fuzzy));

    // Undo twice: the accept, then the whole text change.
    press(&mut h, Modifiers::COMMAND, Key::Z);
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        h.state().document().notebook().sources[0].article.text,
        original
    );
    assert_eq!(with_status(&h, AnchorStatus::Exact), spans);
}
