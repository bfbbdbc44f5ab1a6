//! A notebook's sources: each an article with a grade on the NATO / Admiralty system
//! (reliability of the source A-F, credibility of the information 1-6).

use super::{Article, Id};
use serde::{Deserialize, Serialize};
use std::fmt;

/// One article the notebook holds, graded. Field order is the file's order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Stable id, from the notebook's one id space.
    pub id: Id,
    /// How reliable the source has proved (A completely reliable … F cannot be judged).
    #[serde(default)]
    pub reliability: Reliability,
    /// How credible this information is (1 confirmed … 6 cannot be judged).
    #[serde(default)]
    pub credibility: Credibility,
    /// The text and what is known about where it came from.
    pub article: Article,
}

impl Source {
    /// An ungraded source (F6: neither reliability nor credibility judged yet).
    pub fn new(id: Id, article: Article) -> Self {
        Self {
            id,
            reliability: Reliability::default(),
            credibility: Credibility::default(),
            article,
        }
    }

    /// The grade as analysts write it: "B2".
    pub fn grade(&self) -> String {
        format!("{}{}", self.reliability.letter(), self.credibility.value())
    }

    /// True when the grade is D-F or 4-6: not enough on its own for a key judgement.
    pub fn is_weak(&self) -> bool {
        self.reliability.is_weak() || self.credibility.is_weak()
    }
}

/// Reliability of a source, A to F (NATO / Admiralty system).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum Reliability {
    /// Completely reliable.
    A,
    /// Usually reliable.
    B,
    /// Fairly reliable.
    C,
    /// Not usually reliable.
    D,
    /// Unreliable.
    E,
    /// Reliability cannot be judged.
    #[default]
    F,
}

impl Reliability {
    /// Every grade, best first.
    pub const ALL: [Reliability; 6] = [
        Reliability::A,
        Reliability::B,
        Reliability::C,
        Reliability::D,
        Reliability::E,
        Reliability::F,
    ];

    /// The letter: 'A' … 'F'.
    pub fn letter(self) -> char {
        match self {
            Reliability::A => 'A',
            Reliability::B => 'B',
            Reliability::C => 'C',
            Reliability::D => 'D',
            Reliability::E => 'E',
            Reliability::F => 'F',
        }
    }

    /// The grade a letter names, either case.
    pub fn from_letter(letter: char) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|r| r.letter() == letter.to_ascii_uppercase())
    }

    /// What the grade means: "usually reliable".
    pub fn meaning(self) -> &'static str {
        match self {
            Reliability::A => "completely reliable",
            Reliability::B => "usually reliable",
            Reliability::C => "fairly reliable",
            Reliability::D => "not usually reliable",
            Reliability::E => "unreliable",
            Reliability::F => "reliability cannot be judged",
        }
    }

    /// D, E or F.
    pub fn is_weak(self) -> bool {
        self >= Reliability::D
    }
}

/// Credibility of the information, 1 to 6 (NATO / Admiralty system). Written in a
/// notebook as the bare number (`credibility: 2`); any other number is refused on read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Credibility(u8);

impl Default for Credibility {
    /// 6: truth cannot be judged.
    fn default() -> Self {
        Self(6)
    }
}

impl Credibility {
    /// Every grade, best first.
    pub const ALL: [Credibility; 6] = [
        Credibility(1),
        Credibility(2),
        Credibility(3),
        Credibility(4),
        Credibility(5),
        Credibility(6),
    ];

    /// The grade `value`, if it is 1 to 6.
    pub fn new(value: u8) -> Option<Self> {
        (1..=6).contains(&value).then_some(Self(value))
    }

    /// 1 … 6.
    pub fn value(self) -> u8 {
        self.0
    }

    /// What the grade means: "probably true".
    pub fn meaning(self) -> &'static str {
        match self.0 {
            1 => "confirmed by other sources",
            2 => "probably true",
            3 => "possibly true",
            4 => "doubtful",
            5 => "improbable",
            _ => "truth cannot be judged",
        }
    }

    /// 4, 5 or 6.
    pub fn is_weak(self) -> bool {
        self.0 >= 4
    }
}

/// A credibility outside 1-6, as read from a file or typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CredibilityOutOfRange(pub u8);

impl fmt::Display for CredibilityOutOfRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "credibility {} is not a grade; it must be 1 to 6",
            self.0
        )
    }
}

impl TryFrom<u8> for Credibility {
    type Error = CredibilityOutOfRange;

    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Self::new(value).ok_or(CredibilityOutOfRange(value))
    }
}

impl From<Credibility> for u8 {
    fn from(c: Credibility) -> u8 {
        c.0
    }
}

/// What is known about a source, one field at a time (for [`super::Edit::SetSourceMeta`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SourceField {
    /// The headline.
    Title,
    /// Publisher or outlet.
    Publisher,
    /// Who wrote it.
    Author,
    /// Publication date as written by the source.
    Date,
    /// Where it was found.
    Url,
}

impl SourceField {
    /// Every field, in form order.
    pub const ALL: [SourceField; 5] = [
        SourceField::Title,
        SourceField::Publisher,
        SourceField::Author,
        SourceField::Date,
        SourceField::Url,
    ];

    /// The field's name as shown to the user.
    pub fn label(self) -> &'static str {
        match self {
            SourceField::Title => "Title",
            SourceField::Publisher => "Publisher",
            SourceField::Author => "Author",
            SourceField::Date => "Date",
            SourceField::Url => "URL",
        }
    }

    /// The field's value in `article` ("" when unknown).
    pub fn get(self, article: &Article) -> &str {
        match self {
            SourceField::Title => &article.title,
            SourceField::Publisher => article.publisher.as_deref().unwrap_or(""),
            SourceField::Author => article.author.as_deref().unwrap_or(""),
            SourceField::Date => article.published.as_deref().unwrap_or(""),
            SourceField::Url => article.url.as_deref().unwrap_or(""),
        }
    }

    /// Sets the field in `article`; an empty value makes an optional field unknown.
    pub fn set(self, article: &mut Article, value: String) {
        let optional = |value: String| (!value.trim().is_empty()).then_some(value);
        match self {
            SourceField::Title => article.title = value,
            SourceField::Publisher => article.publisher = optional(value),
            SourceField::Author => article.author = optional(value),
            SourceField::Date => article.published = optional(value),
            SourceField::Url => article.url = optional(value),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grades_read_as_analysts_write_them() {
        let mut s = Source::new(1, Article::new("T", "x"));
        assert_eq!(s.grade(), "F6", "ungraded");
        assert!(s.is_weak());
        s.reliability = Reliability::B;
        s.credibility = Credibility::new(2).unwrap();
        assert_eq!(s.grade(), "B2");
        assert!(!s.is_weak());
        s.credibility = Credibility::new(4).unwrap();
        assert!(s.is_weak(), "doubtful information from a good source");
        assert_eq!(Reliability::from_letter('c'), Some(Reliability::C));
        assert_eq!(Reliability::from_letter('G'), None);
        assert_eq!(Credibility::new(0), None);
        assert_eq!(Credibility::new(7), None);
        assert_eq!(
            Credibility::new(6).map(Credibility::meaning),
            Some("truth cannot be judged")
        );
    }
}
