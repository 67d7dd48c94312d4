//! How much, and of what: the amount awarded and the principal credit type. A claimed,
//! awarded or earned amount is preferred over the activity's maximum ("designates this ...
//! for a maximum of"), which is taken only when nothing else is printed, and said to be so.
//! Contact hours are preferred over the same amount in CEUs; CEUs alone are converted.

use super::credits::{ceu_to_hours, mentions, numbers, rank, Amount, Context, Said, CEU};
use super::credits::{CONTACT_HOURS, HOURS};
use super::labels::Kind;
use super::page::Page;
use super::Candidate;
use regex::Regex;
use std::sync::LazyLock;

fn re(pattern: &str) -> Regex {
    // The patterns are constants of this file: a failure is a bug every test run catches.
    Regex::new(pattern).expect("a valid pattern")
}

static LABEL_MAX: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:maximum|max|designated|approved|available|up\s+to|offered)\b"));
static LABEL_AWARDED: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b(?:claimed|awarded|earned|received|granted|of\s+participation|reported)\b")
});
static DONE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b(?:complet\w*|participat\w*|attend\w*|earn\w*|award\w*|claim\w*|receiv\w*)")
});

const MAXIMUM_NOTE: &str =
    "the most the activity offers; the certificate does not say how much was claimed or awarded";

/// An amount on offer, with what its unit and its words say.
struct Offer {
    cand: Candidate,
    unit: Option<&'static str>,
    ceu: bool,
    said: Said,
}

/// `(hours, credit_type)`.
pub(super) fn hours_and_type(page: &Page, ctx: Context) -> (Option<Candidate>, Option<Candidate>) {
    let hours = hours(page, ctx);
    let kind = credit_type(page, ctx, hours.as_ref());
    (hours.map(|o| o.cand), kind)
}

fn hours(page: &Page, ctx: Context) -> Option<Offer> {
    let mut offers = Vec::new();
    for f in page
        .fields
        .iter()
        .filter(|f| matches!(f.kind, Kind::Hours | Kind::CreditType))
    {
        let amounts = numbers(&f.value, ctx, false);
        let Some(a) = amounts.iter().find(|a| !a.ceu).or(amounts.first()) else {
            continue;
        };
        let label_unit = mentions(&f.label, ctx).first().map(|m| m.kind).or_else(|| {
            // "Hours: 1.5" counts hours even where no credit type is named.
            f.label.to_lowercase().contains("hour").then_some(HOURS)
        });
        let unit = a.unit.or(label_unit);
        let ceu = unit == Some(CEU);
        let said = if a.said == Said::Maximum || LABEL_MAX.is_match(&f.label) {
            Said::Maximum
        } else if a.said == Said::Awarded || LABEL_AWARDED.is_match(&f.label) {
            Said::Awarded
        } else {
            Said::Plain
        };
        let lines = f.lines.clone();
        let cand = match (said, f.kind) {
            (Said::Maximum, _) => Candidate::low(a.value.clone(), lines, 10, MAXIMUM_NOTE),
            (_, Kind::CreditType) => Candidate::high(a.value.clone(), lines, 85),
            (Said::Awarded, _) => Candidate::high(a.value.clone(), lines, 100),
            _ => Candidate::high(a.value.clone(), lines, 95),
        }
        .unsure(f.note);
        offers.push(Offer {
            cand,
            unit,
            ceu,
            said,
        });
    }
    for a in numbers(&page.prose, ctx, true) {
        if a.unit == Some(HOURS) && !ctx.ce {
            continue;
        }
        offers.push(prose_offer(page, &a));
    }
    // Contact hours and the same credit in CEUs: the contact hours.
    if offers.iter().any(|o| !o.ceu && o.said != Said::Maximum) {
        offers.retain(|o| !o.ceu);
    }
    let best = offers
        .into_iter()
        .enumerate()
        .max_by_key(|(i, o)| (o.cand.score, std::cmp::Reverse(*i)))
        .map(|(_, o)| o)?;
    if !best.ceu {
        return Some(best);
    }
    let hours = ceu_to_hours(&best.cand.value)?;
    let conversion = format!(
        "{} CEU = {hours} contact hours (1 CEU = 10 contact hours)",
        best.cand.value
    );
    let note = match &best.cand.note {
        Some(n) => format!("{n}; {conversion}"),
        None => conversion,
    };
    Some(Offer {
        cand: Candidate {
            value: hours,
            note: Some(note),
            ..best.cand
        },
        ..best
    })
}

fn prose_offer(page: &Page, a: &Amount) -> Offer {
    let lines = page.prose_lines(a.start, a.end);
    let sentence = sentence_around(&page.prose, a.start);
    let cand = match a.said {
        Said::Awarded => Candidate::high(a.value.clone(), lines, 90),
        Said::Maximum => Candidate::low(a.value.clone(), lines, 10, MAXIMUM_NOTE),
        Said::Plain if DONE_WORDS.is_match(sentence) => Candidate::high(a.value.clone(), lines, 60),
        Said::Plain => Candidate::low(
            a.value.clone(),
            lines,
            40,
            "an amount printed with its credit type; the certificate does not say it was awarded",
        ),
    };
    Offer {
        cand,
        unit: a.unit,
        ceu: a.ceu,
        said: a.said,
    }
}

/// The sentence (or table cell) of the prose around byte `at`.
fn sentence_around(text: &str, at: usize) -> &str {
    let seps = [". ", "\u{1f}", "\n", ";"];
    let head = text.get(..at).unwrap_or("");
    let start = seps
        .iter()
        .filter_map(|s| head.rfind(s).map(|i| i + s.len()))
        .max()
        .unwrap_or(0);
    let tail = text.get(at..).unwrap_or("");
    let end = seps
        .iter()
        .filter_map(|s| tail.find(s))
        .min()
        .map_or(text.len(), |i| at + i);
    text.get(start..end).unwrap_or("")
}

/// The principal credit type: the one a label names, else the unit of the amount awarded,
/// else the highest-ranked one the page names.
fn credit_type(page: &Page, ctx: Context, hours: Option<&Offer>) -> Option<Candidate> {
    if let Some(h) = hours.filter(|h| h.ceu) {
        // The amount is CEUs: the credit type says so, whatever else the page names.
        return Some(Candidate::high(CEU.to_string(), h.cand.lines.clone(), 200));
    }
    let mut found = Vec::new();
    let mut named: Vec<(&'static str, Vec<usize>)> = Vec::new();
    for f in &page.fields {
        let in_value = mentions(&f.value, ctx);
        if f.kind == Kind::CreditType {
            if let Some(m) = in_value.iter().min_by_key(|m| rank(m.kind)) {
                let c = Candidate::high(m.kind.to_string(), f.lines.clone(), 100);
                found.push(c.unsure(f.note));
            }
        }
        if matches!(f.kind, Kind::Other) {
            continue;
        }
        for m in mentions(&f.label, ctx).iter().chain(&in_value) {
            named.push((m.kind, f.lines.clone()));
        }
    }
    if let Some(h) = hours {
        if let Some(unit) = h.unit {
            let score = if h.said == Said::Maximum { 60 } else { 90 };
            found.push(Candidate::high(
                unit.to_string(),
                h.cand.lines.clone(),
                score,
            ));
        }
    }
    for m in mentions(&page.prose, ctx) {
        named.push((m.kind, page.prose_lines(m.start, m.end)));
    }
    named.retain(|(k, _)| *k != HOURS || ctx.ce);
    if let Some((kind, lines)) = named.iter().min_by_key(|(k, _)| rank(k)) {
        let mut kinds: Vec<&str> = named
            .iter()
            .map(|(k, _)| *k)
            .filter(|k| ![HOURS, CEU, CONTACT_HOURS].contains(k))
            .collect();
        kinds.sort_by_key(|k| rank(k));
        kinds.dedup();
        let c = if kinds.len() > 1 {
            let note = format!(
                "the certificate names several credit types ({}); the principal one is taken",
                kinds.join(", ")
            );
            Candidate::low(kind.to_string(), lines.clone(), 50, &note)
        } else {
            Candidate::high(kind.to_string(), lines.clone(), 50)
        };
        found.push(c);
    }
    super::best(found)
}
