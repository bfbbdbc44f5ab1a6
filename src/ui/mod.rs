//! The desktop app (egui). Views read the model and push [`command::Command`]s;
//! [`app::BriefingApp::apply`] carries them out.

pub mod app;
pub mod article_view;
pub mod autosave;
pub mod clipboard;
pub mod command;
pub mod file_dialog;
pub mod find_bar;
pub mod fonts;
pub mod icons;
pub mod modals;
pub mod panes;
pub mod preview;
pub mod risk_matrix;
pub mod theme;

pub use app::BriefingApp;

use crate::storage::AppDirs;
use std::path::PathBuf;

const ICON_PNG: &[u8] = include_bytes!("../../assets/icon.png");

/// Opens the window on `path` (an article or notebook), or on the last notebook, or on the
/// sample article. Returns when the window closes.
pub fn run(path: Option<PathBuf>) -> Result<(), eframe::Error> {
    let mut viewport = eframe::egui::ViewportBuilder::default()
        .with_title("Briefing Notebook")
        .with_app_id("briefing-notebook")
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([900.0, 560.0])
        .with_drag_and_drop(true);
    if let Ok(icon) = eframe::icon_data::from_png_bytes(ICON_PNG) {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    eframe::run_native(
        "Briefing Notebook",
        options,
        Box::new(move |cc| {
            // Before the first frame, so the article is laid out once, in its own font.
            fonts::install(&cc.egui_ctx);
            Ok(Box::new(BriefingApp::new(
                AppDirs::for_user(),
                file_dialog::NativePicker,
                path,
            )))
        }),
    )
}
