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

/// Given names (the `random-name` package's first and middle names, MIT), one a line: a
/// gazetteer of the name recogniser.
pub const FIRST_NAMES: &str = include_str!("../../../assets/gazetteers/first-names.txt");
/// Surnames (the same package's), one a line.
pub const SURNAMES: &str = include_str!("../../../assets/gazetteers/surnames.txt");
/// Cities and their regions from GeoNames (CC BY 4.0, via the `world-cities` data
/// package), one a line.
pub const PLACES: &str = include_str!("../../../assets/gazetteers/places.txt");
/// Countries from GeoNames (the same package's), one a line.
pub const COUNTRIES: &str = include_str!("../../../assets/gazetteers/countries.txt");
