//! The recogniser's labels: the four CoNLL-2003 kinds of name, each begun (B) and
//! continued (I), and O for words outside any name. (Marking names' ends as well, "BILOU",
//! scored lower on the development set: 0.9035 against 0.9087.)

/// A kind of name, as CoNLL-2003 marks them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A person.
    Person,
    /// A company, agency, party, team or other organisation.
    Organisation,
    /// A country, city, region or other place.
    Location,
    /// Other names: nationalities, events, products ("Russian", "Olympics").
    Misc,
}

impl Kind {
    /// All kinds, in label order.
    pub const ALL: [Kind; 4] = [Kind::Person, Kind::Organisation, Kind::Location, Kind::Misc];

    /// The CoNLL tag ("PER", "ORG", "LOC", "MISC").
    pub fn name(self) -> &'static str {
        match self {
            Kind::Person => "PER",
            Kind::Organisation => "ORG",
            Kind::Location => "LOC",
            Kind::Misc => "MISC",
        }
    }

    /// The kind a CoNLL tag names.
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// How many labels there are: O, and B and I for each kind.
pub const LABELS: usize = 1 + 2 * Kind::ALL.len();

/// One token's label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
    /// Outside any name.
    O,
    /// The first word of a name.
    Begin(Kind),
    /// A later word of the same name.
    Inside(Kind),
}

const NAMES: [&str; LABELS] = [
    "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC",
];

impl Label {
    /// Its index in a weight row.
    pub fn index(self) -> usize {
        match self {
            Label::O => 0,
            Label::Begin(k) => 1 + 2 * k as usize,
            Label::Inside(k) => 2 + 2 * k as usize,
        }
    }

    /// The label at a weight row index.
    pub fn from_index(i: usize) -> Label {
        match i {
            0 => Label::O,
            _ if i % 2 == 1 => Label::Begin(Kind::ALL[(i - 1) / 2 % 4]),
            _ => Label::Inside(Kind::ALL[(i - 2) / 2 % 4]),
        }
    }

    /// "O", "B-PER", ...
    pub fn name(self) -> &'static str {
        NAMES[self.index()]
    }

    /// Parses "O", "B-PER", "I-LOC", ...
    pub fn from_name(name: &str) -> Option<Label> {
        NAMES.iter().position(|n| *n == name).map(Label::from_index)
    }

    /// The kind of name it is part of, if any.
    pub fn kind(self) -> Option<Kind> {
        match self {
            Label::O => None,
            Label::Begin(k) | Label::Inside(k) => Some(k),
        }
    }

    /// True when this label may follow `previous` (None at a sentence's start): a name is
    /// continued only after its own kind.
    pub fn may_follow(self, previous: Option<Label>) -> bool {
        match self {
            Label::Inside(k) => previous.and_then(Label::kind) == Some(k),
            _ => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_round_trip() {
        for i in 0..LABELS {
            let l = Label::from_index(i);
            assert_eq!(l.index(), i);
            assert_eq!(Label::from_name(l.name()), Some(l));
        }
        assert!(!Label::Inside(Kind::Person).may_follow(Some(Label::Begin(Kind::Location))));
        assert!(Label::Inside(Kind::Person).may_follow(Some(Label::Begin(Kind::Person))));
        assert!(!Label::Inside(Kind::Person).may_follow(None));
    }
}
