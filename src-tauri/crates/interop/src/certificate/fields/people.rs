//! Who: the participant ("This certifies that NAME", "Participant: NAME", the line before
//! "has participated") and the provider (a label, "provided by", or the subject of the
//! accreditation statement: "X is accredited by the ACCME ...").

use super::labels::Kind;
use super::names::{organisation_line, person_name, provider_name};
use super::page::Page;
use super::Candidate;
use regex::Regex;
use std::sync::LazyLock;

fn re(pattern: &str) -> Regex {
    // The patterns are constants of this file: a failure is a bug every test run catches.
    Regex::new(pattern).expect("a valid pattern")
}

static CERTIFY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:this\s+is\s+to\s+certify\s+that|this\s+certifies\s+that|(?:we\s+)?(?:hereby\s+)?certif(?:y|ies)\s+that|this\s+certificate\s+is\s+(?:hereby\s+)?(?:awarded|presented|issued|granted)\s+to|(?:is\s+)?(?:hereby\s+)?(?:awarded|presented|issued|granted)\s+to|conferred\s+(?:up)?on)\b\s*:?",
    )
});
/// Where a name stops in "This certifies that NAME successfully completed ...".
static NAME_END: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\s+(?:has|have|had|successfully|satisfactorily|completed|participated|attended|for|is|was|in\s+recognition|on|who|did|earned)\b|\s*[|\x1f;]",
    )
});
/// A line starting with what the participant did: the name is the line before.
static DID_AT_START: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:(?:has|have)\s+(?:successfully\s+|satisfactorily\s+)?(?:completed|participated|attended|earned|fulfilled)|(?:successfully|satisfactorily)\s+completed|participated\s+in|attended\b|is\s+(?:hereby\s+)?awarded|has\s+been\s+awarded)",
    )
});
/// The same mid-line: the name is what comes before.
static DID_MID: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\s(?:(?:has|have)\s+(?:successfully\s+|satisfactorily\s+)?(?:completed|participated|attended|earned)|successfully\s+completed)\b",
    )
});

/// The participant, as printed.
pub(super) fn participant(page: &Page) -> Option<Candidate> {
    let mut found = Vec::new();
    for f in page.fields.iter().filter(|f| f.kind == Kind::Participant) {
        if let Some(name) = person_name(cut_name(&f.value)) {
            found.push(Candidate::high(name, f.lines.clone(), 100).unsure(f.note));
        }
    }
    for (l, line) in page.lines.iter().enumerate() {
        for (k, p) in line.pieces.iter().enumerate() {
            if p.label.is_some() {
                continue;
            }
            if let Some(m) = CERTIFY.find(&p.text) {
                let rest = p.text.get(m.end()..).unwrap_or("").trim();
                let (name, lines) = if rest.is_empty() {
                    match page
                        .value_after(l, k)
                        .and_then(|(vl, vk)| Some((vl, page.piece(vl, vk)?)))
                    {
                        Some((vl, v)) => (person_name(cut_name(&v.text)), vec![l, vl]),
                        None => (None, vec![]),
                    }
                } else {
                    (person_name(cut_name(rest)), vec![l])
                };
                if let Some(name) = name {
                    found.push(Candidate::high(name, lines, 95));
                    continue;
                }
            }
            if k == 0 && DID_AT_START.is_match(&p.text) {
                let before = match page.prev_text_line(l) {
                    Some(pl) => page
                        .lines
                        .get(pl)
                        .and_then(|x| x.pieces.last())
                        .map(|x| (pl, x.text.clone())),
                    None => None,
                };
                if let Some((pl, text)) = before {
                    if let Some(name) = person_name(&text) {
                        found.push(Candidate::high(name, vec![pl, l], 80));
                    }
                }
            } else if let Some(m) = DID_MID.find(&p.text) {
                let head = p.text.get(..m.start()).unwrap_or("");
                let head = CERTIFY
                    .find(head)
                    .map_or(head, |c| head.get(c.end()..).unwrap_or(""));
                if let Some(name) = person_name(head) {
                    found.push(Candidate::high(name, vec![l], 85));
                }
            }
        }
    }
    super::best(found)
}

fn cut_name(text: &str) -> &str {
    NAME_END
        .find(text)
        .map_or(text, |m| text.get(..m.start()).unwrap_or(text))
}

static BY_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:jointly\s+)?(?:provided|presented|sponsored|offered|hosted|issued)\s+by\s*:?\s+(?:the\s+)?((?-i:[A-Z])[^\x1f\n]{1,150})",
    )
});
/// Where an organisation's name stops in running text.
static ORG_END: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\.\s|\.$|\s+(?:in\s+(?:partnership|collaboration|association)|through|as|to|and\s+(?:is|was|has|are))\s|,\s+(?-i:[a-z])|[;\x1f]",
    )
});
static ACCREDITED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:^|[.\x1f\n*]\s*|\bcare,\s*)((?-i:[A-Z])[^.\x1f\n]{2,150}?)\s+(?:is|are|has\s+been)\s+(?:jointly\s+)?(?:accredited|approved|an?\s+(?:approved|accredited))\b",
    )
});
static DESIGNATES: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)(?:^|[.\x1f\n*]\s*)((?-i:[A-Z])[^.\x1f\n]{2,150}?)\s+designates\s+(?:this|the)\b")
});
static JOINT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bjoint\s+providership\s+of\s+(?:the\s+)?((?-i:[A-Z])[^.\x1f\n]{2,150}?)(?:\s+and\s|\.|\x1f|\n|$)",
    )
});
static SUPPORT: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^in\s+support\s+of\s+improving\s+patient\s+care,\s*"));
/// Subjects that are the activity or the reader, not an organisation.
static NOT_A_PROVIDER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:this|these|the\s+activity|it|participants?|physicians?|nurses?|pharmacists?|credit|each|all|learners?|you|provider\s+approved)\b",
    )
});

const FROM_STATEMENT: &str = "read from the accreditation statement; no provider is labelled";

/// The provider: labelled, or named in the accreditation statement, or an organisation's
/// name standing alone on the page.
pub(super) fn provider(page: &Page, taken: &[&str]) -> Option<Candidate> {
    let mut found = Vec::new();
    for f in page.fields.iter().filter(|f| f.kind == Kind::Provider) {
        let value = org_cut(&f.value);
        if let Some(name) = provider_name(value) {
            found.push(Candidate::high(name, f.lines.clone(), 100).unsure(f.note));
        }
    }
    let prose = &page.prose;
    let subject = |c: &regex::Captures| {
        let m = c.get(1)?;
        let text = m.as_str();
        // The Joint Accreditation statement's opening words.
        let text = SUPPORT
            .find(text)
            .map_or(text, |s| text.get(s.end()..).unwrap_or(text));
        (!NOT_A_PROVIDER.is_match(text)).then_some(())?;
        Some((provider_name(text)?, page.prose_lines(m.start(), m.end())))
    };
    for c in BY_PHRASE.captures_iter(prose) {
        let Some(m) = c.get(1) else { continue };
        let text = org_cut(m.as_str());
        if let Some(name) = provider_name(text) {
            let lines = page.prose_lines(m.start(), m.start() + text.len());
            found.push(Candidate::high(name, lines, 90));
        }
    }
    for c in ACCREDITED.captures_iter(prose) {
        if let Some((name, lines)) = subject(&c) {
            found.push(Candidate::low(name, lines, 50, FROM_STATEMENT));
        }
    }
    for c in DESIGNATES.captures_iter(prose) {
        if let Some((name, lines)) = subject(&c) {
            found.push(Candidate::low(name, lines, 45, FROM_STATEMENT));
        }
    }
    for c in JOINT.captures_iter(prose) {
        if let Some((name, lines)) = subject(&c) {
            found.push(Candidate::low(name, lines, 40, FROM_STATEMENT));
        }
    }
    for (l, line) in page.lines.iter().enumerate() {
        for (k, p) in line.pieces.iter().enumerate() {
            let text = p.text.trim();
            if p.label.is_some() || page.is_consumed(l, k) || taken.contains(&text) {
                continue;
            }
            if organisation_line(text) {
                if let Some(name) = provider_name(text) {
                    found.push(Candidate::low(
                        name,
                        vec![l],
                        20,
                        "an organisation's name printed on the page; not labelled as the provider",
                    ));
                }
            }
        }
    }
    super::best(found)
}

/// An organisation's name cut where the sentence naming it goes on.
fn org_cut(text: &str) -> &str {
    let end = ORG_END
        .find_iter(text)
        .find(|m| {
            // "St. Luke's", "Mt. Sinai", "Acme Co. Ltd" go on past their abbreviation's dot.
            let word = text
                .get(..m.start())
                .and_then(|h| h.rsplit(' ').next())
                .unwrap_or("");
            !(m.as_str().starts_with('.') && ABBREVIATIONS.contains(&word))
        })
        .map_or(text.len(), |m| m.start());
    text.get(..end).unwrap_or(text)
}

const ABBREVIATIONS: &[&str] = &["St", "Mt", "Dr", "Ft", "Co", "Inc", "Jr", "Univ", "Ctr"];
