//! Files shipped inside the binary, shared by the app and the exporters.

/// Noto Sans Regular (OFL 1.1, see assets/fonts).
pub const FONT_REGULAR: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Regular.ttf");
/// Noto Sans Bold.
pub const FONT_BOLD: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Bold.ttf");
/// Noto Sans Italic.
pub const FONT_ITALIC: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Italic.ttf");

/// The sample article, opened on first start.
pub const SAMPLE_ARTICLE: &[u8] =
    include_bytes!("../../../assets/articles/lavrov-central-asia-tour.txt");
/// Its file name.
pub const SAMPLE_ARTICLE_NAME: &str = "lavrov-central-asia-tour.txt";
