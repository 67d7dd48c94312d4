//! What: the activity's title, from a label ("Activity title", "Program:"), from the phrase
//! before it ("titled", "for successful completion of", "has successfully completed the ...
//! activity" with the title on the next line), from a quoted line, or, last, from its place
//! after the participant's name.

use super::credits::{mentions, Context};
use super::dates::find_dates;
use super::labels::Kind;
use super::names::{clean_title, generic, title_from, title_like};
use super::page::Page;
use super::Candidate;
use regex::Regex;
use std::sync::LazyLock;

fn re(pattern: &str) -> Regex {
    // The patterns are constants of this file: a failure is a bug every test run catches.
    Regex::new(pattern).expect("a valid pattern")
}

static TITLED: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(?:titled|entitled)\b\s*:?"));
static DONE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:for\s+(?:the\s+)?successful(?:ly)?\s+complet(?:ion\s+of|ing)|for\s+(?:the\s+)?complet(?:ion\s+of|ing)|for\s+participati(?:on|ng)\s+in|for\s+attend(?:ing|ance\s+at)|in\s+recognition\s+of\s+(?:completing|participation\s+in)|(?:has\s+)?(?:successfully|satisfactorily)\s+completed|has\s+completed|(?:has\s+)?participated\s+in|has\s+attended|attended)\b\s*:?",
    )
});
/// A line that is a statement about someone, not a title.
static STATEMENT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:certif|this\s+is\s+to|awarded\s+to|presented\s+to|has\s+|have\s+|participated|completed|designates|accredit)",
    )
});

/// A label this reader does not know, with a number for its value ("ABIM ID: 123456").
static UNKNOWN_LABEL: LazyLock<Regex> = LazyLock::new(|| re(r"^[^:]{1,30}:[\s\d\W]*$"));

const GENERIC_NOTE: &str =
    "a description of the kind of activity; no title is printed on the certificate";

/// The activity's title. `after` is the participant's line, after which an unlabelled title
/// is looked for.
pub(super) fn title(page: &Page, after: Option<usize>) -> Option<Candidate> {
    let mut found = Vec::new();
    for f in page.fields.iter().filter(|f| f.kind == Kind::Title) {
        let t = clean_title(&f.value);
        if !title_like(&t) {
            continue;
        }
        if generic(&t) {
            found.push(Candidate::low(t, f.lines.clone(), 25, GENERIC_NOTE));
        } else {
            found.push(Candidate::high(t, f.lines.clone(), 100).unsure(f.note));
        }
    }
    for (l, line) in page.lines.iter().enumerate() {
        for (k, p) in line.pieces.iter().enumerate() {
            if p.label.is_some() {
                continue;
            }
            if let Some(m) = TITLED.find(&p.text) {
                let rest = p.text.get(m.end()..).unwrap_or("");
                found.extend(from_phrase(page, l, k, rest, 95));
            } else if let Some(m) = DONE.find_iter(&p.text).last() {
                let rest = p.text.get(m.end()..).unwrap_or("");
                found.extend(from_phrase(page, l, k, rest, 90));
            } else if k + 1 == line.pieces.len() && !page.is_consumed(l, k) {
                let t = p.text.trim();
                if t.len() > 4 && t.starts_with('"') && t.ends_with('"') {
                    let t = clean_title(t);
                    if title_like(&t) && !generic(&t) {
                        found.push(Candidate::low(
                            t,
                            vec![l],
                            40,
                            "a quoted line; no label says it is the title",
                        ));
                    }
                }
            }
        }
    }
    if found.iter().all(|c| c.low) {
        if let Some(c) = after.and_then(|l| by_place(page, l)) {
            found.push(c);
        }
    }
    super::best(found)
}

/// The title after a phrase: the rest of its piece, or, when that is empty or only says what
/// kind of activity it was, the value to its right or on the next line.
fn from_phrase(page: &Page, l: usize, k: usize, rest: &str, score: u32) -> Vec<Candidate> {
    let mut out = Vec::new();
    let last = page.lines.get(l).is_some_and(|x| x.pieces.len() == k + 1);
    let rest = without_kind(rest);
    let cut = title_from(rest, first_date(rest));
    let whole = clean_title(rest);
    if !cut.is_empty() && !generic(&cut) {
        let (mut text, mut lines) = (cut.clone(), vec![l]);
        // A title that runs to the end of its line may go on below.
        if last && cut == whole {
            let col = page.piece(l, k).map_or(0, |p| p.col);
            let joined = with_continuation(page, l, col, rest, &mut lines);
            text = title_from(&joined, first_date(&joined));
        }
        if title_like(&text) {
            out.push(Candidate::high(text, lines, score));
        }
        return out;
    }
    if !cut.is_empty() {
        out.push(Candidate::low(cut, vec![l], 20, GENERIC_NOTE));
    }
    let Some((vl, vk)) = page.value_after(l, k) else {
        return out;
    };
    let Some(v) = page.piece(vl, vk) else {
        return out;
    };
    let mut lines = vec![l, vl];
    let last_here = page.lines.get(vl).is_some_and(|x| x.pieces.len() == vk + 1);
    let joined = if last_here {
        with_continuation(page, vl, v.col, &v.text, &mut lines)
    } else {
        v.text.clone()
    };
    let t = title_from(&joined, first_date(&joined));
    // A line that itself leads into the title ("... activity titled") is not the title.
    if !title_like(&t) || STATEMENT.is_match(&t) || TITLED.is_match(&t) {
        return out;
    }
    if generic(&t) {
        out.push(Candidate::low(t, lines, 20, GENERIC_NOTE));
    } else {
        out.push(Candidate::high(t, lines, score));
    }
    out
}

/// The text after a phrase without the words saying what kind of activity it was: "the
/// live activity Advances in ..." is "Advances in ...". Only lowercase words go, so a title
/// that starts with "Live" keeps it.
fn without_kind(rest: &str) -> &str {
    let text = rest.trim_start();
    if !["the ", "a ", "an ", "this "]
        .iter()
        .any(|a| text.starts_with(a))
    {
        return rest;
    }
    let mut at = 0;
    for w in text.split_inclusive(' ') {
        let word = w.trim();
        let lower = word.starts_with(|c: char| c.is_lowercase());
        if !lower || !generic(word) {
            break;
        }
        at += w.len();
    }
    match text.get(at..) {
        Some(left) if !left.trim().is_empty() && !generic(left) => left,
        _ => rest,
    }
}

fn with_continuation(
    page: &Page,
    l: usize,
    col: usize,
    text: &str,
    lines: &mut Vec<usize>,
) -> String {
    let mut joined = text.trim().to_string();
    for c in page.continuation(l, col, text) {
        if let Some(p) = page.piece(c, 0) {
            joined = format!("{joined} {}", p.text.trim());
            lines.push(c);
        }
    }
    joined
}

fn first_date(text: &str) -> Option<usize> {
    find_dates(text).first().map(|d| d.start)
}

/// The first line after the participant's that reads as a title: not a statement, a date, a
/// credit or a generic description.
fn by_place(page: &Page, after: usize) -> Option<Candidate> {
    for l in (after + 1..page.lines.len()).take(8) {
        let Some(p) = page.lines.get(l).and_then(|x| x.pieces.first()) else {
            continue;
        };
        if p.label.is_some() || page.is_consumed(l, 0) {
            continue;
        }
        let text = p.text.trim();
        let t = clean_title(text);
        let plain = !STATEMENT.is_match(text)
            && !UNKNOWN_LABEL.is_match(text)
            && !DONE.is_match(text)
            && find_dates(text).is_empty()
            && mentions(text, Context::default()).is_empty()
            && t.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            && t.split_whitespace().count() <= 25;
        if !plain || generic(&t) || !title_like(&t) {
            continue;
        }
        let mut lines = vec![l];
        let joined = with_continuation(page, l, p.col, text, &mut lines);
        return Some(Candidate::low(
            clean_title(&joined),
            lines,
            30,
            "found by its place after the participant's name; no label says it is the title",
        ));
    }
    None
}
