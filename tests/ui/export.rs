//! Exporting: Ctrl+E previews the brief; a PDF on the chosen paper, then the offer to
//! open it.

use crate::support::{ScriptedPicker, open_worked_example, press, step_until};
use briefing_core::export::Paper;
use briefing_ui::modals::Modal;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

#[test]
fn ctrl_e_previews_the_brief_and_exports_a_pdf_then_offers_to_open_it() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("exported-brief");
    let (_d, _path, mut h) = open_worked_example(ScriptedPicker::new(vec![Some(target.clone())]));
    press(&mut h, Modifiers::COMMAND, Key::E);
    h.run_steps(2);
    h.get_by_label_contains("fits");
    h.get_by_label(Paper::Letter.label()).click();
    h.run_steps(2);
    h.get_by_label("PDF…").click();
    let pdf = target.with_extension("pdf");
    step_until(&mut h, "the export", |app| {
        matches!(app.modal(), Some(Modal::Exported { .. }))
    });
    h.run_steps(2);
    h.get_by_label("Brief exported");
    h.get_by_label("Open folder");
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let (width, height) = Paper::Letter.size_pt();
    assert!(
        String::from_utf8_lossy(&bytes).contains(&format!("{width} {height}")),
        "US Letter media box"
    );
    h.get_by_label("Close").click();
    h.run_steps(2);
    assert!(h.state().modal().is_none());
}
