//! The window: eframe runs the views of `briefing-ui` with the desktop's services.

use crate::desktop::{NativePicker, SystemClipboard, SystemOpener};
use briefing_core::storage::AppDirs;
use briefing_ui::{BriefingApp, fonts};
use eframe::egui;
use std::path::PathBuf;

/// The window icon: the icon theme's 128 px size (scripts/render-icons.sh renders every
/// size from assets/icons/briefing-notebook.svg).
const ICON_PNG: &[u8] =
    include_bytes!("../assets/icons/hicolor/128x128/apps/briefing-notebook.png");

/// The application id: Wayland's app_id and X11's WM_CLASS class. It names the desktop
/// entry (packaging/briefing-notebook.desktop, whose StartupWMClass is the same) so the
/// launcher groups the window under it; tests/packaging checks they agree.
const APP_ID: &str = "briefing-notebook";

/// The app as eframe drives it.
struct Window(BriefingApp);

impl eframe::App for Window {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.0.show(ui);
    }
}

/// Opens the window on `path` (an article or notebook), or on the last notebook, or on the
/// sample article. Returns when the window closes.
pub fn run(path: Option<PathBuf>) -> Result<(), eframe::Error> {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Briefing Notebook")
        .with_app_id(APP_ID)
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
            let app = BriefingApp::new(AppDirs::for_user(), NativePicker, path)
                .with_clipboard(SystemClipboard)
                .with_opener(SystemOpener);
            Ok(Box::new(Window(app)))
        }),
    )
}
