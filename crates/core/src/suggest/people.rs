//! One article's mentions of people, grouped into one actor per person: "Tony Blair",
//! "Mr Blair" and "Blair" are one person, and so are "Viktor Makarov" and "Victor
//! Makarov"; but when Tony and Cherie Blair are both named, "Blair" alone could be either,
//! so it stays apart and says so.

use std::collections::HashMap;

/// One mention of a person.
#[derive(Clone, Debug)]
pub struct PersonMention {
    /// The name without titles or honorifics ("Peter Goldsmith", "Goldsmith").
    pub name: String,
    /// As written, honorifics included ("Lord Goldsmith").
    pub surface: String,
    /// Char range of the name in the article.
    pub span: (usize, usize),
    /// The title or office written with it.
    pub role: String,
    /// How sure the recogniser was.
    pub confidence: f32,
}

/// One person of the article.
#[derive(Clone, Debug, Default)]
pub struct Person {
    /// The fullest name (the most mentioned of the full names).
    pub name: String,
    /// The other ways the article names them.
    pub aliases: Vec<String>,
    /// Char ranges of the mentions.
    pub spans: Vec<(usize, usize)>,
    /// The first title or office seen.
    pub role: String,
    /// The surest mention's confidence.
    pub confidence: f32,
    /// Why the suggestion needs a look (a surname two people share), if it does.
    pub note: String,
}

impl Person {
    fn take(&mut self, m: &PersonMention) {
        for name in [&m.name, &m.surface] {
            if *name != self.name && !self.aliases.contains(name) {
                self.aliases.push(name.clone());
            }
        }
        if self.role.is_empty() {
            self.role = m.role.clone();
        }
        self.confidence = self.confidence.max(m.confidence);
        self.spans.push(m.span);
    }
}

fn last_word(name: &str) -> &str {
    name.rsplit(' ').next().unwrap_or(name)
}

/// Edit distance between two short words (chars, case ignored).
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.to_lowercase().chars().collect();
    let b: Vec<char> = b.to_lowercase().chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (row[j + 1] + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != cb));
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

/// True for two spellings of one given name ("Viktor"/"Victor", "Mohammed"/"Muhammad",
/// "Sergei"/"Sergey"): same first letter, and at most one edit apart (two for names of
/// seven letters or more).
pub fn same_given_name(a: &str, b: &str) -> bool {
    let first = |s: &str| {
        s.chars()
            .next()
            .map(|c| c.to_lowercase().collect::<String>())
    };
    let longest = a.chars().count().max(b.chars().count());
    first(a) == first(b) && distance(a, b) <= if longest >= 7 { 2 } else { 1 }
}

/// True when two full names are one person: the same surname, and either the words of one
/// are among the other's ("Tayyip Erdogan", "Recep Tayyip Erdogan") or their given names
/// are spellings of one name.
pub fn same_person(a: &str, b: &str) -> bool {
    // Headlines write names in capitals ("ALAN SHEARER").
    let (a, b) = (&a.to_lowercase(), &b.to_lowercase());
    if a == b {
        return true;
    }
    let (wa, wb): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    if wa.len() < 2 || wb.len() < 2 || !last_word(a).eq_ignore_ascii_case(last_word(b)) {
        return false;
    }
    let (short, long) = if wa.len() <= wb.len() {
        (&wa, &wb)
    } else {
        (&wb, &wa)
    };
    short.iter().all(|w| long.contains(w)) || same_given_name(wa[0], wb[0])
}

/// Groups one article's mentions of people, in order of first mention.
pub fn group(mentions: &[PersonMention]) -> Vec<Person> {
    // Full names first: each joins the first group it is a variant of (the same name
    // again found at once, by name).
    let mut groups: Vec<Vec<&PersonMention>> = Vec::new();
    let mut group_of: HashMap<String, usize> = HashMap::new();
    for m in mentions.iter().filter(|m| m.name.contains(' ')) {
        let key = m.name.to_lowercase();
        let found = group_of
            .get(&key)
            .copied()
            .or_else(|| groups.iter().position(|g| same_person(&g[0].name, &m.name)));
        let g = match found {
            Some(g) => g,
            None => {
                groups.push(Vec::new());
                groups.len() - 1
            }
        };
        groups[g].push(m);
        group_of.entry(key).or_insert(g);
    }
    let mut people: Vec<Person> = groups
        .iter()
        .map(|g| {
            // The name mentioned most leads; the longer on a tie.
            let mut names: Vec<&str> = g.iter().map(|m| m.name.as_str()).collect();
            names.sort_unstable();
            let leader = names
                .iter()
                .max_by_key(|n| {
                    (
                        !all_capitals(n),
                        names.iter().filter(|x| x == n).count(),
                        n.len(),
                    )
                })
                .copied()
                .unwrap_or_default();
            let mut p = Person {
                name: leader.to_owned(),
                ..Person::default()
            };
            for m in g {
                p.take(m);
            }
            p
        })
        .collect();
    // Then names of one word: a surname joins the one person it ends; shared by several,
    // it stays apart with a note.
    let mut alone: Vec<Person> = Vec::new();
    let mut by_last: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, p) in people.iter().enumerate() {
        by_last
            .entry(last_word(&p.name).to_lowercase())
            .or_default()
            .push(i);
    }
    for m in mentions.iter().filter(|m| !m.name.contains(' ')) {
        let owners: Vec<usize> = by_last
            .get(&m.name.to_lowercase())
            .cloned()
            .unwrap_or_default();
        if let [only] = owners[..] {
            people[only].take(m);
            continue;
        }
        let note = if owners.len() >= 2 {
            let who: Vec<&str> = owners.iter().map(|&i| people[i].name.as_str()).collect();
            format!(
                "“{}” alone could be {}: check its mentions",
                m.name,
                join_or(&who)
            )
        } else {
            String::new()
        };
        match alone
            .iter_mut()
            .find(|p| p.name.to_lowercase() == m.name.to_lowercase())
        {
            Some(p) => p.take(m),
            None => {
                let mut p = Person {
                    name: m.name.clone(),
                    note,
                    ..Person::default()
                };
                p.take(m);
                alone.push(p);
            }
        }
    }
    people.extend(alone);
    people
}

/// True for a name written in capitals, as headlines write them.
pub fn all_capitals(name: &str) -> bool {
    name.chars().any(char::is_alphabetic) && !name.chars().any(char::is_lowercase)
}

fn join_or(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(name: &str, surface: &str) -> PersonMention {
        PersonMention {
            name: name.into(),
            surface: surface.into(),
            span: (0, 1),
            role: String::new(),
            confidence: 0.9,
        }
    }

    #[test]
    fn variants_of_one_person_merge() {
        let people = group(&[
            m("Viktor Makarov", "Viktor Makarov"),
            m("Makarov", "Makarov"),
            m("Victor Makarov", "Victor Makarov"),
            m("Peter Goldsmith", "Peter Goldsmith"),
            m("Goldsmith", "Lord Goldsmith"),
            m("Recep Tayyip Erdogan", "Recep Tayyip Erdogan"),
            m("Tayyip Erdogan", "Tayyip Erdogan"),
        ]);
        let names: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            names,
            ["Viktor Makarov", "Peter Goldsmith", "Recep Tayyip Erdogan"]
        );
        assert!(people[0].aliases.contains(&"Victor Makarov".to_owned()));
        assert!(people[1].aliases.contains(&"Lord Goldsmith".to_owned()));
        assert_eq!(people[0].spans.len(), 3);
    }

    #[test]
    fn a_variant_seen_again_joins_its_own_person() {
        // The second "Victor Makarov" must find the group the first one joined, not the
        // newest group.
        let people = group(&[
            m("Viktor Makarov", "Viktor Makarov"),
            m("Tony Blair", "Tony Blair"),
            m("Victor Makarov", "Victor Makarov"),
            m("Victor Makarov", "Victor Makarov"),
        ]);
        let names: Vec<(&str, usize)> = people
            .iter()
            .map(|p| (p.name.as_str(), p.spans.len()))
            .collect();
        assert_eq!(
            names,
            [("Victor Makarov", 3), ("Tony Blair", 1)],
            "the form named most leads"
        );
    }

    #[test]
    fn a_shared_surname_stays_apart_and_says_so() {
        let people = group(&[
            m("Tony Blair", "Tony Blair"),
            m("Cherie Blair", "Cherie Blair"),
            m("Blair", "Mr Blair"),
            m("Blair", "Blair"),
        ]);
        let names: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Tony Blair", "Cherie Blair", "Blair"]);
        assert_eq!(people[2].spans.len(), 2);
        assert!(
            people[2].note.contains("Tony Blair or Cherie Blair"),
            "{}",
            people[2].note
        );
    }

    #[test]
    fn given_names() {
        assert!(same_given_name("Viktor", "Victor"));
        assert!(same_given_name("Mohammed", "Muhammad"));
        assert!(same_given_name("Sergei", "Sergey"));
        assert!(!same_given_name("Tony", "Cherie"));
        assert!(!same_given_name("Ivan", "Igor"));
        assert!(!same_person("Tony Blair", "Cherie Blair"));
    }
}
