//! What a person's name, an activity's title and an organisation's name look like, as text:
//! the checks that keep "Certificate of Completion" from being read as a participant and
//! "Journal-based CME activity" from being read as a title when a real one is printed.

use regex::Regex;
use std::sync::LazyLock;

fn re(pattern: &str) -> Regex {
    // The patterns are constants of this file: a failure is a bug every test run catches.
    Regex::new(pattern).expect("a valid name pattern")
}

/// Words no person's name holds: a line with one of them is a heading or a sentence.
const NOT_IN_NAMES: &str = "\
    certificate|certify|certifies|certified|statement|completion|participation|attendance|\
    credit|credits|activity|education|continuing|this|that|has|have|the|of|awarded|\
    presented|program|course|hours|date|medical|nursing|pharmacy|university|college|society|\
    center|centre|association|institute|hospital|clinic|accredited|provider|for|and|in|is|\
    was|with|on|to|by|at|cme|ce|contact|title|signature|director|chair|president|dear|\
    sincerely|invoice|total|page|school|department";

/// `text` as a person's name as printed ("Jane Q. Doe, MD", "Dr. Amir Haddad"), or `None`
/// when it does not read as one.
pub(super) fn person_name(text: &str) -> Option<String> {
    let t = text
        .trim()
        .trim_matches(|c: char| matches!(c, '"' | '\'' | '*' | '_'))
        .trim_end_matches([',', ';', ':'])
        .trim();
    // A sentence's full stop, not the one of "Jr." or "M.D.".
    let t = match t.strip_suffix('.') {
        Some(s)
            if !s.rsplit(' ').next().unwrap_or("").contains('.')
                && !["Jr", "Sr", "Dr"].contains(&s.rsplit(' ').next().unwrap_or("")) =>
        {
            s
        }
        _ => t,
    };
    let words: Vec<&str> = t.split_whitespace().collect();
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    let ok = (2..=10).contains(&words.len())
        && t.chars().count() <= 80
        && letters >= 4
        && t.starts_with(|c: char| c.is_uppercase())
        && t.chars()
            .all(|c| c.is_alphabetic() || " .,-'()".contains(c))
        && words.iter().all(|w| {
            let w = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            !NOT_IN_NAMES.split('|').any(|n| n == w)
        });
    ok.then(|| words.join(" "))
}

/// Words of the generic descriptions certificates print where a title could be: "Journal-based
/// CME activity", "the continuing nursing education activity", "Certificate of Completion".
const GENERIC: &str = "\
    the|a|an|this|all|following|journal|journal-based|based|cme|ce|cne|cpe|cpd|moc|activity|\
    activities|continuing|medical|nursing|pharmacy|pharmacist|physician|professional|\
    education|educational|enduring|material|materials|live|internet|internet-based|online|\
    web-based|web|virtual|in-person|webinar|course|program|programme|module|modules|\
    certificate|of|completion|participation|attendance|development|accredited|session|event|\
    statement|credit|credits|requirements|for|and|in|self-assessment|learning|training|\
    interprofessional|ipce|knowledge-based|application-based|regularly|scheduled|series|rss|\
    performance|improvement|quality|test|post-test|article|lecture|conference|point-of-care|\
    podcast|video|recorded|home|study|independent|achievement|cde|accreditation|approved";

/// Whether `text` is only a description of the kind of activity, not its title.
pub(super) fn generic(text: &str) -> bool {
    text.split(|c: char| c.is_whitespace() || c == '/')
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .all(|w| GENERIC.split('|').any(|g| g == w))
}

static AFTER_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\s*(?:\bheld\b|\band\s+(?:is|was|has\s+been)\s+(?:hereby\s+)?awarded|\band\s+(?:earned|received|is\s+entitled)|\bfor\s+(?:a\s+(?:total|maximum)\s+of\s+)?\d|\b(?:jointly\s+)?(?:presented|provided|sponsored|offered|conducted|hosted)\s+by\b|\bwith\s+a\s+(?:passing\s+)?score|\bat\s+the\s+level\b|\s[|;]|[|;]|\.\s|\.$)",
    )
});

/// A title from the text after a phrase ("titled", "successfully completed"): the quoted
/// part when it is quoted, else up to where the sentence goes on to say something else (a
/// date, "and is awarded", "presented by").
pub(super) fn title_from(rest: &str, first_date: Option<usize>) -> String {
    let rest = rest.trim().trim_start_matches(':').trim_start();
    if let Some(quoted) = rest.strip_prefix('"') {
        let inner = quoted.split('"').next().unwrap_or(quoted);
        return clean_title(inner);
    }
    let mut end = rest.len();
    if let Some(d) = first_date.filter(|d| *d <= rest.len()) {
        end = d;
    }
    if let Some(m) = AFTER_TITLE.find(rest.get(..end).unwrap_or(rest)) {
        end = end.min(m.start());
    }
    let mut t = rest.get(..end).unwrap_or(rest).trim_end();
    // The words that led into the date just cut off.
    loop {
        let lower = t.to_ascii_lowercase();
        let Some(w) = [
            "on", "from", "between", "dated", "held", ",", "-", "in", "of",
        ]
        .iter()
        .find(|w| lower.ends_with(&format!(" {w}")) || (w.len() == 1 && lower.ends_with(*w))) else {
            break;
        };
        t = t.get(..t.len() - w.len()).unwrap_or(t).trim_end();
    }
    clean_title(t)
}

/// A title without the quotes, stars and trailing punctuation around it, spaces collapsed.
pub(super) fn clean_title(text: &str) -> String {
    let t = text.split_whitespace().collect::<Vec<_>>().join(" ");
    t.trim_matches(|c: char| matches!(c, '"' | '\'' | '*' | '_' | ' '))
        .trim_end_matches([',', ';', ':', '.'])
        .trim()
        .to_string()
}

/// Whether `text` can be a title: some letters, not too long, not a sentence about credit.
pub(super) fn title_like(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let lower = text.to_lowercase();
    letters >= 3
        && text.chars().count() <= 250
        && !lower.contains("certif")
        && !lower.contains("accredit")
        && !lower.contains("designates")
        && !lower.starts_with("has ")
        && !lower.starts_with("is ")
}

static ORG: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:University|College|Center|Centre|Institute|Society|Association|Academy|Hospital|Clinic|Health|Network|Foundation|School|Council|Department|Medicine|Inc|LLC|Ltd|Group|Partners|Alliance|Federation|Organi[sz]ation|Associates|Corporation|Company|Education|Learning|Collaborative|Consortium|Institutes)\b",
    )
});

/// Whether a line reads as an organisation's name standing on its own ("Stanford Medicine
/// Center for Continuing Medical Education" by a signature).
pub(super) fn organisation_line(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let lower = format!(" {} ", text.to_lowercase());
    (2..=12).contains(&words)
        && text.starts_with(|c: char| c.is_uppercase())
        && ORG.is_match(text)
        && !text
            .chars()
            .any(|c| c.is_ascii_digit() || c == '#' || c == '@')
        && ![
            " is ",
            " are ",
            " has ",
            " have ",
            " was ",
            "certif",
            " approved ",
            " board ",
            " should ",
            " designates ",
            " awarded ",
            " completed ",
            " participat",
            " credit",
        ]
        .iter()
        .any(|w| lower.contains(w))
}

/// An organisation's name as a provider: trimmed of the punctuation a sentence left on it;
/// `None` when it is not one (too long, a number, a sentence).
pub(super) fn provider_name(text: &str) -> Option<String> {
    let t = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let t = t
        .trim_matches(|c: char| matches!(c, '"' | '*' | '_' | ' '))
        .trim_end_matches([',', ';', ':', '.'])
        .trim();
    let lower = format!(" {} ", t.to_lowercase());
    let ok = t.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && t.chars().count() <= 150
        && t.split_whitespace().count() <= 20
        && t.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && !t.contains('#')
        && ![
            " approved by ",
            " is ",
            " are ",
            " has ",
            "certif",
            " designates ",
        ]
        .iter()
        .any(|w| lower.contains(w));
    ok.then(|| t.to_string())
}
