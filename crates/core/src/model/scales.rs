//! The words shown beside likelihood and impact numbers (see the brief format notes).

/// Likelihood 1-5 in words of estimative probability (ICD 203 bands, merged to five steps).
pub fn likelihood_word(level: u8) -> &'static str {
    match level {
        1 => "very unlikely (5-20%)",
        2 => "unlikely (20-45%)",
        3 => "roughly even chance (45-55%)",
        4 => "likely (55-80%)",
        5 => "very likely (80-95%)",
        _ => "unrated",
    }
}

/// Impact 1-5 in words.
pub fn impact_word(level: u8) -> &'static str {
    match level {
        1 => "minimal",
        2 => "minor",
        3 => "moderate",
        4 => "major",
        5 => "severe",
        _ => "unrated",
    }
}
