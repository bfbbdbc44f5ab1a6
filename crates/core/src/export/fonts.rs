//! The brief's fonts, and the one shaping function used both to measure and to draw text,
//! so a measured line is exactly as wide as the drawn one.

use crate::assets::{FONT_BOLD, FONT_ITALIC, FONT_REGULAR};
use krilla::text::{Font, GlyphId, KrillaGlyph};
use rustybuzz::{Face, UnicodeBuffer};
use std::collections::HashMap;
use std::sync::OnceLock;

/// A face of the brief's type family.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Style {
    /// Noto Sans Regular.
    Regular,
    /// Noto Sans Bold.
    Bold,
    /// Noto Sans Italic.
    Italic,
}

impl Style {
    fn index(self) -> usize {
        match self {
            Style::Regular => 0,
            Style::Bold => 1,
            Style::Italic => 2,
        }
    }
}

/// Parsed faces for shaping and krilla fonts for drawing, loaded once.
pub struct FontSet {
    faces: [Face<'static>; 3],
    fonts: [Font; 3],
}

static FONTS: OnceLock<Option<FontSet>> = OnceLock::new();

impl FontSet {
    /// The shipped fonts, or `None` if they cannot be parsed (a broken build).
    pub fn get() -> Option<&'static FontSet> {
        FONTS
            .get_or_init(|| {
                let data = [FONT_REGULAR, FONT_BOLD, FONT_ITALIC];
                let faces = [
                    Face::from_slice(data[0], 0)?,
                    Face::from_slice(data[1], 0)?,
                    Face::from_slice(data[2], 0)?,
                ];
                let fonts = [
                    Font::new(data[0].into(), 0)?,
                    Font::new(data[1].into(), 0)?,
                    Font::new(data[2].into(), 0)?,
                ];
                Some(FontSet { faces, fonts })
            })
            .as_ref()
    }

    /// The krilla font of a style.
    pub fn font(&self, style: Style) -> Font {
        self.fonts[style.index()].clone()
    }

    fn face(&self, style: Style) -> &Face<'static> {
        &self.faces[style.index()]
    }

    /// Ascender as a fraction of the font size (where the baseline sits below a line's top).
    pub fn ascent(&self, style: Style) -> f32 {
        let face = self.face(style);
        f32::from(face.ascender()) / f32::from(face.units_per_em() as u16)
    }

    /// True when the font has a glyph for `c`.
    pub fn covers(&self, c: char) -> bool {
        c.is_whitespace() || c.is_control() || self.faces.iter().all(|f| f.glyph_index(c).is_some())
    }

    /// Shapes `text` (kerning and ligatures on). Advances are in ems (size 1).
    pub fn shape(&self, style: Style, text: &str) -> Vec<KrillaGlyph> {
        let face = self.face(style);
        let upem = face.units_per_em() as f32;
        let mut buffer = UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        let output = rustybuzz::shape(face, &[], buffer);
        let infos = output.glyph_infos();
        let positions = output.glyph_positions();
        let mut glyphs = Vec::with_capacity(infos.len());
        for (i, (info, pos)) in infos.iter().zip(positions).enumerate() {
            let start = info.cluster as usize;
            // The cluster ends where the next different cluster starts.
            let end = infos[i + 1..]
                .iter()
                .map(|n| n.cluster as usize)
                .find(|&c| c != start)
                .unwrap_or(text.len());
            glyphs.push(KrillaGlyph::new(
                GlyphId::new(info.glyph_id),
                pos.x_advance as f32 / upem,
                pos.x_offset as f32 / upem,
                pos.y_offset as f32 / upem,
                pos.y_advance as f32 / upem,
                start..end.max(start),
                None,
            ));
        }
        glyphs
    }
}

/// Measures text, remembering the width of each (style, text) it has seen: the fitting
/// loop lays the same words out at several sizes, and width scales with size.
pub struct Measurer {
    fonts: &'static FontSet,
    cache: HashMap<(Style, String), f32>,
}

impl Measurer {
    /// A measurer over the shipped fonts.
    pub fn new(fonts: &'static FontSet) -> Self {
        Self {
            fonts,
            cache: HashMap::new(),
        }
    }

    /// The fonts.
    pub fn fonts(&self) -> &'static FontSet {
        self.fonts
    }

    /// Width of `text` at `size` points, as shaped.
    pub fn width(&mut self, style: Style, text: &str, size: f32) -> f32 {
        if let Some(w) = self.cache.get(&(style, text.to_owned())) {
            return w * size;
        }
        let w: f32 = self
            .fonts
            .shape(style, text)
            .iter()
            .map(|g| g.x_advance)
            .sum();
        self.cache.insert((style, text.to_owned()), w);
        w * size
    }
}
