//! Skills suggested from a record's title: a skill of the active framework is suggested when
//! every word of its name (or of one of its aliases) appears in the title, compared by stem,
//! so "Evaluating the clinical utility of AI tools" suggests "Clinical utility evaluation".
//! A suggestion is never a guess at a topic the title does not name: "Buprenorphine for
//! opioid use disorder" suggests nothing from a healthcare-AI framework, and says so.

use crate::framework::Framework;

/// A skill suggested for a title, with the name or alias that matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkillSuggestion {
    pub skill: String,
    /// The skill's name or the alias whose words the title holds.
    pub matched: String,
}

/// Words that say nothing of a topic; a name made only of them matches nothing.
const STOP: [&str; 18] = [
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to",
    "with", "your", "via",
];

/// The skills of `framework` whose name or alias (its own, or the user's `aliases` as
/// (alias, skill name) pairs) `title` names, in framework order, each once.
pub fn suggest_skills(
    title: &str,
    framework: &Framework,
    aliases: &[(String, String)],
) -> Vec<SkillSuggestion> {
    let words: Vec<String> = stems(title);
    if words.is_empty() {
        return Vec::new();
    }
    let leaves: Vec<&crate::framework::Node> = framework
        .domains()
        .flat_map(|d| framework.skills_under(&d.id))
        .collect();
    let mut out: Vec<SkillSuggestion> = Vec::new();
    for skill in leaves {
        let names = std::iter::once(&skill.name)
            .chain(skill.aliases.iter())
            .chain(
                aliases
                    .iter()
                    .filter(|(_, s)| *s == skill.name)
                    .map(|(a, _)| a),
            );
        if let Some(name) = names.into_iter().find(|n| names_in(n, &words)) {
            if !out.iter().any(|s| s.skill == skill.name) {
                out.push(SkillSuggestion {
                    skill: skill.name.clone(),
                    matched: name.clone(),
                });
            }
        }
    }
    out
}

/// Whether every content word of `name` is among the title's `words`.
fn names_in(name: &str, words: &[String]) -> bool {
    let wanted = stems(name);
    !wanted.is_empty() && wanted.iter().all(|w| words.iter().any(|t| same_word(w, t)))
}

/// The content words of `text`, lowercased, a plural's "s" dropped, stop words left out.
fn stems(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !STOP.contains(&w.as_str()))
        .map(|w| match w.strip_suffix('s') {
            Some(root) if root.chars().count() >= 3 && !root.ends_with('s') => root.to_string(),
            _ => w,
        })
        .collect()
}

/// Two words are one when equal, or when they share a stem of at least five letters that is
/// most of the shorter word: "evaluation" and "evaluating", "clinic" and "clinical", but not
/// "medicine" and "medical", which name different things in a title.
fn same_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let shared = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let shorter = a.chars().count().min(b.chars().count());
    shared >= 5 && shared * 5 >= shorter * 4
}
