//! The shipped fonts: Noto Sans for all text (Latin with curly quotes, and Cyrillic), with
//! egui's own fonts behind it for symbols.

use egui::{self, FontData, FontDefinitions, FontFamily};
use std::sync::Arc;

use briefing_core::assets::{FONT_BOLD as BOLD, FONT_ITALIC as ITALIC, FONT_REGULAR as REGULAR};

/// The bold family's name.
const BOLD_FAMILY: &str = "bold";
/// The italic family's name.
const ITALIC_FAMILY: &str = "italic";

/// Makes Noto Sans the app's proportional font and adds a bold family. Takes effect from
/// the next frame.
pub fn install(ctx: &egui::Context) {
    let mut defs = FontDefinitions::default();
    for (name, bytes) in [
        ("NotoSans-Regular", REGULAR),
        ("NotoSans-Bold", BOLD),
        ("NotoSans-Italic", ITALIC),
    ] {
        defs.font_data
            .insert(name.to_owned(), Arc::new(FontData::from_static(bytes)));
    }
    let fallbacks = defs
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    let with = |first: &str| {
        let mut list = vec![first.to_owned()];
        list.extend(fallbacks.iter().cloned());
        list
    };
    defs.families
        .insert(FontFamily::Proportional, with("NotoSans-Regular"));
    defs.families
        .insert(FontFamily::Name(BOLD_FAMILY.into()), with("NotoSans-Bold"));
    defs.families.insert(
        FontFamily::Name(ITALIC_FAMILY.into()),
        with("NotoSans-Italic"),
    );
    ctx.set_fonts(defs);
}

/// True once [`install`] has taken effect.
pub fn installed(ctx: &egui::Context) -> bool {
    let family = FontFamily::Name(BOLD_FAMILY.into());
    ctx.fonts(|f| f.definitions().families.contains_key(&family))
}

/// The bold family once installed, else the plain proportional one (first frame).
pub fn bold(ctx: &egui::Context) -> FontFamily {
    installed_or_plain(ctx, BOLD_FAMILY)
}

/// The italic family once installed, else the plain proportional one (first frame).
pub fn italic(ctx: &egui::Context) -> FontFamily {
    installed_or_plain(ctx, ITALIC_FAMILY)
}

fn installed_or_plain(ctx: &egui::Context, name: &str) -> FontFamily {
    let family = FontFamily::Name(name.into());
    if ctx.fonts(|f| f.definitions().families.contains_key(&family)) {
        family
    } else {
        FontFamily::Proportional
    }
}
