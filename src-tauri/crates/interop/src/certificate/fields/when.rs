//! When: the completion date and, for a range, the first day. A labelled completion or
//! activity date first, then a date the text ties to the participation ("completed on",
//! "From A to B"), then the issue date; never the release, expiration or review dates an
//! enduring activity prints, which say when credit was available, not when it was earned.

use super::dates::{find_dates, DateSpan};
use super::labels::Kind;
use super::page::Page;
use super::Candidate;
use regex::Regex;
use std::sync::LazyLock;

fn re(pattern: &str) -> Regex {
    // The patterns are constants of this file: a failure is a bug every test run catches.
    Regex::new(pattern).expect("a valid pattern")
}

/// Words before a date that make it the availability window's.
static AVAILABILITY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:release[ds]?|expir\w*|terminat\w*|valid|review\w*|renew\w*|revis\w*|available|effective|publish\w*|posted|original|invoice|due|birth|dob|registered|registration|order\w*|payment|paid|printed|updated|copyright|approv\w*|term)\b",
    )
});
/// The word just before a date that ties it to the participation.
static ANCHOR: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b(?:on|from|dated|completed|held|attended|between|during|participated)\s*:?\s*$")
});
/// A sentence saying what the participant did, which a date in it is the day of.
static DID: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:complet\w*|participat\w*|attend\w*|held)\b"));
/// Words of the completion statement, for the date nearest to it.
static COMPLETION_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b(?:complet\w*|participat\w*|attend\w*|held|awarded|earned|claimed|certif\w*)")
});

/// How far apart two paragraphs count, in characters, for the nearest date.
const PARAGRAPH: usize = 200;

/// The chosen dates: `(completed, started)`.
pub(super) fn dates(page: &Page) -> (Option<Candidate>, Option<Candidate>) {
    let mut completed: Vec<(Candidate, DateSpan)> = Vec::new();
    let mut started: Vec<Candidate> = Vec::new();
    for f in &page.fields {
        let Some(span) = find_dates(&f.value).into_iter().next() else {
            continue;
        };
        let lines = f.lines.clone();
        let dated = |span: &DateSpan, lines: Vec<usize>, score: u32, why: Option<&str>| {
            dated(span, lines, score, why).unsure(f.note)
        };
        match f.kind {
            Kind::Completed => {
                let label = f.label.to_lowercase();
                let generic = ["date", "dates", "date(s)"].contains(&label.as_str());
                let signed = f.lines.iter().any(|l| {
                    page.lines.get(*l).is_some_and(|x| {
                        let t = x.text.to_lowercase();
                        t.contains("signature") || t.contains("signed")
                    })
                });
                let c = if generic && signed {
                    // "Signature ____ Date: ..." dates the signing, like an issue date.
                    let why = "the date by a signature; no completion date is labelled";
                    dated(&span, lines, 58, Some(why))
                } else {
                    dated(&span, lines, if generic { 90 } else { 100 }, None)
                };
                completed.push((c, span));
            }
            Kind::Issued => {
                let c = dated(
                    &span,
                    lines,
                    60,
                    Some("the certificate's issue date; no completion date is printed"),
                );
                completed.push((c, span));
            }
            Kind::Started => started.push(dated(&span, lines, 100, None)),
            _ => {}
        }
    }
    let prose = &page.prose;
    let mut anchored = Vec::new();
    let mut loose = Vec::new();
    for span in find_dates(prose) {
        let before = sentence_before(prose, span.start);
        // Only the words just before the date say what it is: a "Board Review" in the
        // title before "on December 3, 2024" does not make it a review date.
        if AVAILABILITY.is_match(last_words(before, 3)) {
            continue;
        }
        let lines = page.prose_lines(span.start, span.end);
        if ANCHOR.is_match(before) || span.from.is_some() && before.trim().is_empty() {
            anchored.push((dated(&span, lines, 80, None), span));
        } else if DID.is_match(before) {
            anchored.push((dated(&span, lines, 75, None), span));
        } else {
            loose.push((span, lines));
        }
    }
    completed.extend(anchored);
    if completed.is_empty() {
        match loose.as_slice() {
            [(span, lines)] => completed.push((
                dated(
                    span,
                    lines.clone(),
                    20,
                    Some("an unlabelled date, the only one on the page"),
                ),
                span.clone(),
            )),
            [] => {}
            _ => {
                if let Some((span, lines)) = nearest_statement(prose, &loose) {
                    let note = "an unlabelled date, the nearest to the completion statement; \
                                the page has other dates";
                    completed.push((dated(&span, lines, 30, Some(note)), span));
                }
            }
        }
    }
    let best = completed
        .into_iter()
        .enumerate()
        .max_by_key(|(i, (c, _))| (c.score, std::cmp::Reverse(*i)))
        .map(|(_, c)| c);
    let Some((done, span)) = best else {
        return (None, super::best(started));
    };
    let from = span.from.map(|f| Candidate {
        value: f.iso,
        lines: done.lines.clone(),
        score: done.score,
        note: done.note.clone(),
        low: done.low,
    });
    let start = from
        .or_else(|| super::best(started))
        .filter(|s| s.value <= done.value);
    (Some(done), start)
}

/// A candidate for a date span's (last) day, Low when the reading or the label is unsure.
fn dated(span: &DateSpan, lines: Vec<usize>, score: u32, why: Option<&str>) -> Candidate {
    let note = match (why, span.note()) {
        (Some(a), Some(b)) => Some(format!("{a}; {b}")),
        (a, b) => a.or(b).map(str::to_string),
    };
    Candidate {
        value: span.date.iso.clone(),
        lines,
        score,
        low: note.is_some(),
        note,
    }
}

/// The last `n` words of `text`.
fn last_words(text: &str, n: usize) -> &str {
    let trimmed = text.trim_end();
    let (mut count, mut in_word) = (0, false);
    for (i, c) in trimmed.char_indices().rev() {
        if !c.is_whitespace() {
            in_word = true;
            continue;
        }
        if in_word {
            count += 1;
            in_word = false;
            if count == n {
                return trimmed.get(i + c.len_utf8()..).unwrap_or(trimmed);
            }
        }
    }
    trimmed
}

/// The text of the sentence (or table cell) before byte `at` of the prose.
fn sentence_before(text: &str, at: usize) -> &str {
    let head = text.get(..at).unwrap_or("");
    let cut = [". ", "\u{1f}", "\n", ";"]
        .iter()
        .filter_map(|sep| head.rfind(sep).map(|i| i + sep.len()))
        .max()
        .unwrap_or(0);
    head.get(cut..).unwrap_or("")
}

/// Of several unlabelled dates, the one nearest a word of the completion statement; a
/// paragraph break counts as a long way, so a date in the statement's paragraph wins.
fn nearest_statement(
    prose: &str,
    dates: &[(DateSpan, Vec<usize>)],
) -> Option<(DateSpan, Vec<usize>)> {
    let words: Vec<usize> = COMPLETION_WORDS
        .find_iter(prose)
        .map(|m| m.start())
        .collect();
    dates
        .iter()
        .filter_map(|(span, lines)| {
            let distance = words
                .iter()
                .map(|&w| {
                    let (a, b) = if w < span.start {
                        (w, span.start)
                    } else {
                        (span.end, w)
                    };
                    let breaks = prose.get(a..b).map_or(0, |t| t.matches('\n').count());
                    b.saturating_sub(a) + breaks * PARAGRAPH
                })
                .min()?;
            Some((distance, span, lines))
        })
        .min_by_key(|(d, _, _)| *d)
        .map(|(_, s, l)| (s.clone(), l.clone()))
}
