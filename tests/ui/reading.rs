//! Reading: Page Up/Down, Space, Home/End scroll a focused article; paging through a long
//! one keeps its laid-out text under the budget; screen readers get the text on screen.

use crate::support::{
    ScriptedPicker, WINDOW, char_rect, click_in_article, open_long_article, open_worked_example,
    press, scroll,
};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

#[test]
fn the_article_reads_with_page_keys_space_home_and_end() {
    let (_dir, mut h) = open_long_article(40_000);
    let (top, max) = scroll(&mut h);
    assert_eq!(top, 0.0);
    assert!(max > 3.0 * WINDOW.y, "a long article: {max}");
    // Not focused yet: Page Down belongs to nobody and scrolls nothing.
    press(&mut h, Modifiers::NONE, Key::PageDown);
    assert_eq!(scroll(&mut h).0, 0.0);

    click_in_article(&mut h);
    press(&mut h, Modifiers::NONE, Key::PageDown);
    let one = scroll(&mut h).0;
    // A page is most of the article's view, which is most of the window.
    assert!(
        one > WINDOW.y / 2.0 && one < WINDOW.y,
        "one page down: {one}"
    );
    press(&mut h, Modifiers::NONE, Key::Space);
    let two = scroll(&mut h).0;
    assert!((two - 2.0 * one).abs() < 1.0, "space pages on: {two}");
    press(&mut h, Modifiers::SHIFT, Key::Space);
    assert!(
        (scroll(&mut h).0 - one).abs() < 1.0,
        "shift+space goes back"
    );
    press(&mut h, Modifiers::NONE, Key::PageUp);
    assert_eq!(scroll(&mut h).0, 0.0, "page up to the top");
    press(&mut h, Modifiers::NONE, Key::PageUp);
    assert_eq!(scroll(&mut h).0, 0.0, "and no further");
    press(&mut h, Modifiers::NONE, Key::End);
    let (end, max) = scroll(&mut h);
    assert!(
        end >= max - 1.0 && end > 3.0 * WINDOW.y,
        "end: {end} of {max}"
    );
    press(&mut h, Modifiers::NONE, Key::Home);
    assert_eq!(scroll(&mut h).0, 0.0, "home");
    press(&mut h, Modifiers::COMMAND, Key::End);
    let (end, max) = scroll(&mut h);
    assert!(end >= max - 1.0, "ctrl+end: {end} of {max}");
    press(&mut h, Modifiers::COMMAND, Key::Home);
    assert_eq!(scroll(&mut h).0, 0.0, "ctrl+home");
    // Reading never selects or edits anything.
    assert!(h.state_mut().article_view().selection().is_none());
    assert!(!h.state().document().is_dirty());
}

#[test]
fn paging_through_a_long_article_keeps_laid_out_text_under_its_budget() {
    // CI-sized: 1 MB under a 2 MB budget (a laid-out char costs about 160 bytes, so the
    // whole article would take about 160 MB; the app's budget is 24 MB, and
    // `cargo bench --bench perf` pages through 10 MB with it).
    const BUDGET: usize = 2 * 1024 * 1024;
    const ONE_SCREEN: usize = 1024 * 1024;
    let (_dir, mut h) = open_long_article(1024 * 1024);
    h.state_mut().article_view().set_layout_budget(BUDGET);
    click_in_article(&mut h);
    let mut pages = 0;
    let mut most = 0;
    let end = loop {
        let (offset, max) = scroll(&mut h);
        if offset >= max {
            break max;
        }
        h.key_press(Key::PageDown);
        h.step();
        pages += 1;
        let held = h.state_mut().article_view().layout_bytes();
        most = most.max(held);
        // The budget, plus at most one screen shown since the last eviction.
        assert!(
            held <= BUDGET + ONE_SCREEN,
            "page {pages}: {held} bytes laid out"
        );
        assert!(pages < 5_000, "Page Down never reached the end");
    };
    // A page is less than a window, so the whole article took at least this many.
    assert!(
        pages as f32 >= end / WINDOW.y,
        "paged through the whole article ({end} points): {pages} pages"
    );
    let (laid_out, total) = h.state_mut().article_view().laid_out_paragraphs();
    assert!(
        laid_out * 10 < total,
        "{laid_out} of {total} paragraphs kept"
    );
    assert!(most > BUDGET / 2, "the budget was used: {most}");
    // Back at the top, the first paragraphs are laid out again and drawn where they were.
    press(&mut h, Modifiers::COMMAND, Key::Home);
    let label = h.get_by_label("Article text").rect();
    let first = char_rect(&mut h, 0);
    assert!(label.contains(first.center()), "{first:?} in {label:?}");
}

#[test]
fn screen_readers_get_the_article_text_on_screen() {
    let (_dir, _path, h) = open_worked_example(ScriptedPicker::none());
    let value = h.get_by_label("Article text").value().unwrap_or_default();
    // The first paragraphs are on screen at the start.
    let text = h.state().document().notebook().sources[0]
        .article
        .text
        .clone();
    for paragraph in text.lines().filter(|l| !l.trim().is_empty()).take(2) {
        assert!(value.contains(paragraph), "{paragraph:?} in {value:?}");
    }
}
