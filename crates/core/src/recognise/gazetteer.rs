//! The recogniser's gazetteers: which lists a word is on, as bits. The lists are
//! `suggest::lexicon`'s (countries, titles, organisation words...) and the shipped name
//! lists (assets/gazetteers). A word on a list is a feature the weights decide on, not a
//! rule.

use super::weights::IdHasher;
use crate::suggest::lexicon;
use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

type FastSet<K> = HashSet<K, BuildHasherDefault<IdHasher>>;

pub const GAZ_COUNTRY: u16 = 1;
pub const GAZ_DEMONYM: u16 = 2;
pub const GAZ_CAPITAL: u16 = 4;
pub const GAZ_TITLE: u16 = 8;
pub const GAZ_ORG: u16 = 16;
pub const GAZ_ARMED: u16 = 32;
pub const GAZ_CALENDAR: u16 = 64;
pub const GAZ_FIRST_NAME: u16 = 128;
pub const GAZ_SURNAME: u16 = 256;
pub const GAZ_PLACE: u16 = 512;
pub const GAZ_PLACE_WORD: u16 = 1024;
pub const GAZ_ORG_END: u16 = 2048;
pub const GAZ_COUNTRY_WORD: u16 = 4096;
/// How many gazetteer bits there are.
pub const GAZ_BITS: u16 = 13;

/// The shipped name lists (assets/gazetteers: given names, surnames, and GeoNames
/// countries, and places with their regions), as sets of words.
struct Lists {
    first_names: FastSet<&'static str>,
    surnames: FastSet<&'static str>,
    places: FastSet<&'static str>,
    place_words: FastSet<&'static str>,
    countries: FastSet<&'static str>,
    country_words: FastSet<&'static str>,
}

static LISTS: LazyLock<Lists> = LazyLock::new(|| {
    let places: Vec<&str> = crate::assets::PLACES.lines().collect();
    Lists {
        first_names: crate::assets::FIRST_NAMES.lines().collect(),
        surnames: crate::assets::SURNAMES.lines().collect(),
        place_words: places
            .iter()
            .filter(|p| p.contains(' '))
            .flat_map(|p| p.split(' '))
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .collect(),
        places: places.into_iter().filter(|p| !p.contains(' ')).collect(),
        countries: crate::assets::COUNTRIES.lines().collect(),
        country_words: crate::assets::COUNTRIES
            .lines()
            .flat_map(|c| c.split([' ', ',']))
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .collect(),
    }
});

/// Words that end company and club names.
const ORG_ENDINGS: &[&str] = &[
    "Inc",
    "Inc.",
    "Corp",
    "Corp.",
    "Co",
    "Co.",
    "Ltd",
    "Ltd.",
    "Plc",
    "plc",
    "PLC",
    "AG",
    "SA",
    "NV",
    "BV",
    "GmbH",
    "SpA",
    "AB",
    "ASA",
    "Oyj",
    "Holdings",
    "Group",
    "Bank",
    "Airlines",
    "Airways",
    "Motors",
    "Industries",
    "Securities",
    "Capital",
    "Partners",
    "Energy",
    "Petroleum",
    "Oil",
    "Telecom",
    "Communications",
    "Systems",
    "Technologies",
    "Pharmaceuticals",
    "Chemicals",
    "Steel",
    "Mining",
    "Insurance",
    "Investments",
    "Trust",
    "Fund",
    "Exchange",
    "Club",
    "FC",
    "Rovers",
    "Wanderers",
    "Athletic",
    "Albion",
    "Newsroom",
    "Times",
    "Post",
    "Journal",
    "News",
    "Press",
    "Herald",
    "Daily",
    "Agency",
    "Party",
];

pub fn gazetteer(word: &str) -> u16 {
    let mut bits = 0;
    let lists = &*LISTS;
    for (set, bit) in [
        (&lists.first_names, GAZ_FIRST_NAME),
        (&lists.surnames, GAZ_SURNAME),
        (&lists.places, GAZ_PLACE),
        (&lists.place_words, GAZ_PLACE_WORD),
        (&lists.countries, GAZ_COUNTRY),
        (&lists.country_words, GAZ_COUNTRY_WORD),
    ] {
        if set.contains(word) {
            bits |= bit;
        }
    }
    if ORG_ENDINGS.contains(&word) {
        bits |= GAZ_ORG_END;
    }
    for (name, others, capital) in lexicon::COUNTRIES {
        if name.split(' ').any(|w| w == word) {
            bits |= GAZ_COUNTRY;
        }
        if others.contains(&word) {
            bits |= GAZ_DEMONYM;
        }
        if capital.split(' ').any(|w| w == word) {
            bits |= GAZ_CAPITAL;
        }
    }
    if lexicon::TITLE_WORDS.contains(&word) {
        bits |= GAZ_TITLE;
    }
    if lexicon::ORG_WORDS.contains(&word) {
        bits |= GAZ_ORG;
    }
    if lexicon::ARMED_WORDS.contains(&word) || lexicon::ARMED_GROUPS.contains(&word) {
        bits |= GAZ_ARMED;
    }
    if lexicon::CALENDAR.contains(&word) {
        bits |= GAZ_CALENDAR;
    }
    bits
}
