//! Dates as certificates print them: month names (`October 22, 2023`, `Oct. 22nd, 2023`,
//! `22 Oct 2023`), ISO, US slash and dash dates (`10/22/2023`, `10-22-23`), European dotted
//! dates (`22.10.2023`), and ranges (`From A to B`, `A - B`, `October 22-24, 2023`,
//! `22-24 October 2023`). OCR's usual digit confusions (`l` for 1, `O` for 0) are undone
//! inside number-like tokens before reading.

use chrono::{Datelike, NaiveDate};
use regex::{Captures, Regex};
use std::sync::LazyLock;

/// One date read from text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateRead {
    /// `YYYY-MM-DD`.
    pub iso: String,
    /// Why the reading is uncertain (a slash date both of whose numbers could be the month),
    /// `None` when it is not.
    pub note: Option<String>,
}

/// A date or a range of dates found in a text, with its byte span in that text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateSpan {
    pub start: usize,
    pub end: usize,
    /// The range's first day, when the text gives a range.
    pub from: Option<DateRead>,
    /// The date, or the range's last day.
    pub date: DateRead,
}

impl DateSpan {
    /// The note of either end of the span: a range is as uncertain as its less certain end.
    pub fn note(&self) -> Option<&str> {
        self.date
            .note
            .as_deref()
            .or(self.from.as_ref().and_then(|f| f.note.as_deref()))
    }
}

const AMBIGUOUS: &str = "read as month/day; could be day/month";

const MONTH: &str = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?";
const DAY: &str = r"(\d{1,2})(?:st|nd|rd|th)?\b";

static MONTH_DAY_YEAR: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"\b{MONTH}\s*{DAY}\s*,?\s*(\d{{4}})\b")));
static DAY_MONTH_YEAR: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"\b{DAY}\s*(?:of\s+)?{MONTH}\s*,?\s*(\d{{4}})\b")));
/// "October 22-24, 2023", "March 30 - April 2, 2024".
static MONTH_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b{MONTH}\s*{DAY}\s*(?:[-–—]|to|through|thru|&)\s*(?:{MONTH}\s*)?{DAY}\s*,?\s*(\d{{4}})\b"
    ))
});
/// "22-24 October 2023", "30 March - 2 April 2024".
static DAY_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b{DAY}\s*(?:{MONTH}\s*)?(?:[-–—]|to|through|thru|&)\s*{DAY}\s*{MONTH}\s*,?\s*(\d{{4}})\b"
    ))
});
// A time may follow an ISO date directly ("2023-10-22T14:33:00Z", as exports print it).
static ISO: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(\d{4})([-/.])(\d{1,2})([-/.])(\d{1,2})(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\b")
});
static NUMERIC: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(\d{1,2})([/.-])(\d{1,2})([/.-])(\d{4}|\d{2})\b"));
/// What may stand between the two dates of a range ("From A to B", "A - B", "A through B").
static BETWEEN: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s*(?:[-–—]|to|through|thru|until|till)\s*$"));

fn re(pattern: &str) -> Regex {
    // The patterns are constants of this file: a failure is a bug caught by every test run.
    Regex::new(&format!("(?i){pattern}")).expect("a valid date pattern")
}

/// `text` with OCR's digit confusions undone inside number-like tokens ("2O23", "l4/03"),
/// byte for byte the same length so spans found in it are spans of `text`. A token is
/// changed only when it already holds a digit and nothing but digits, date punctuation and
/// the confusable letters, so words ("I", "Oct", "H04-P") stay as they are.
pub(super) fn fix_digits(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let body = rest.trim_start();
        out.push_str(rest.get(..rest.len() - body.len()).unwrap_or(""));
        let end = body.find(char::is_whitespace).unwrap_or(body.len());
        let (token, after) = (
            body.get(..end).unwrap_or(body),
            body.get(end..).unwrap_or(""),
        );
        let mixed = token.bytes().any(|b| b.is_ascii_digit())
            && token
                .bytes()
                .any(|b| matches!(b, b'l' | b'I' | b'O' | b'o' | b'|'))
            && token
                .bytes()
                .all(|b| b.is_ascii_digit() || b"lIOo|/.-,:*()'".contains(&b));
        if mixed {
            out.extend(token.chars().map(|c| match c {
                'l' | 'I' | '|' => '1',
                'O' | 'o' => '0',
                c => c,
            }));
        } else {
            out.push_str(token);
        }
        rest = after;
    }
    out
}

/// Reads `text` as one date (surrounding spaces and a trailing `.`, `,` or `*` allowed).
/// Ranges are not one date: see `find_dates`.
pub fn parse_date(text: &str) -> Option<DateRead> {
    let core = text
        .trim()
        .trim_end_matches(['.', ',', '*', ';'])
        .trim_end();
    match find_dates(core).as_slice() {
        [one] if one.from.is_none() && one.start == 0 && one.end == core.len() => {
            Some(one.date.clone())
        }
        _ => None,
    }
}

/// Every date and range in `text`, in order, not overlapping. Impossible dates (February 30,
/// month 13) and years outside 1950..=2100 are not dates.
pub fn find_dates(text: &str) -> Vec<DateSpan> {
    let fixed = fix_digits(text);
    let mut spans: Vec<DateSpan> = Vec::new();
    // Ranges first: their parts would otherwise be read as single dates or not at all.
    for c in MONTH_RANGE.captures_iter(&fixed) {
        let second_month = c.get(3).map_or_else(|| c.get(1), Some);
        let from = month_day(c.get(1), c.get(2), c.get(5));
        let to = month_day(second_month, c.get(4), c.get(5));
        push_range(&mut spans, &c, from, to);
    }
    for c in DAY_RANGE.captures_iter(&fixed) {
        let first_month = c.get(2).map_or_else(|| c.get(4), Some);
        let from = month_day(first_month, c.get(1), c.get(5));
        let to = month_day(c.get(4), c.get(3), c.get(5));
        push_range(&mut spans, &c, from, to);
    }
    for c in MONTH_DAY_YEAR.captures_iter(&fixed) {
        push(&mut spans, &c, month_day(c.get(1), c.get(2), c.get(3)));
    }
    for c in DAY_MONTH_YEAR.captures_iter(&fixed) {
        push(&mut spans, &c, month_day(c.get(2), c.get(1), c.get(3)));
    }
    for c in ISO.captures_iter(&fixed) {
        let same_sep = c.get(2).map(|m| m.as_str()) == c.get(4).map(|m| m.as_str());
        let read = same_sep.then(|| ymd(num(c.get(1))?, num(c.get(3))?, num(c.get(5))?, None));
        if isolated(&fixed, c.get(0)) {
            push(&mut spans, &c, read.flatten());
        }
    }
    for c in NUMERIC.captures_iter(&fixed) {
        if isolated(&fixed, c.get(0)) {
            push(&mut spans, &c, numeric(&c));
        }
    }
    spans.sort_by_key(|s| s.start);
    join_ranges(&fixed, spans)
}

/// A date's text must not be part of a longer number ("0204-0000-24-118", "1.25.2023.4").
fn isolated(text: &str, m: Option<regex::Match>) -> bool {
    let Some(m) = m else { return false };
    let before = text.get(..m.start()).and_then(|s| s.chars().next_back());
    let mut after = text.get(m.end()..).unwrap_or("").chars();
    let joined = |c: Option<char>| matches!(c, Some(c) if c.is_ascii_digit() || "/-.".contains(c));
    let next = after.next();
    let then_digit = matches!(after.next(), Some(c) if c.is_ascii_digit());
    let glued_after = match next {
        Some(c) if c.is_ascii_digit() => true,
        Some('/' | '-' | '.') => then_digit,
        _ => false,
    };
    !joined(before) && !glued_after
}

fn num(m: Option<regex::Match>) -> Option<u32> {
    m?.as_str().parse().ok()
}

/// `1-12` from a month's name (its first three letters decide).
fn month_number(m: Option<regex::Match>) -> Option<u32> {
    let name = m?.as_str().to_ascii_lowercase();
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let head = name.get(..3)?;
    MONTHS.iter().position(|p| *p == head).map(|i| i as u32 + 1)
}

fn month_day(
    month: Option<regex::Match>,
    day: Option<regex::Match>,
    year: Option<regex::Match>,
) -> Option<DateRead> {
    ymd(num(year)?, month_number(month)?, num(day)?, None)
}

fn ymd(year: u32, month: u32, day: u32, note: Option<&str>) -> Option<DateRead> {
    let year = i32::try_from(year).ok()?;
    if !(1950..=2100).contains(&year) {
        return None;
    }
    let d = NaiveDate::from_ymd_opt(year, month, day)?;
    Some(DateRead {
        iso: format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
        note: note.map(str::to_string),
    })
}

/// `10/22/2023`, `10-22-23` (month/day unless the first number cannot be a month) and
/// `22.10.2023` (day.month, as the countries that write dots do).
fn numeric(c: &Captures) -> Option<DateRead> {
    let sep = c.get(2)?.as_str();
    if Some(sep) != c.get(4).map(|m| m.as_str()) {
        return None;
    }
    let (a, b) = (num(c.get(1))?, num(c.get(3))?);
    let year_text = c.get(5)?.as_str();
    let mut year: u32 = year_text.parse().ok()?;
    if year_text.len() == 2 {
        // Two-digit years: the window that keeps 1950..=2100 readable.
        year += if year < 50 { 2000 } else { 1900 };
    }
    if sep == "." {
        return ymd(year, b, a, None);
    }
    if a > 12 {
        return ymd(year, b, a, None);
    }
    let note = (b <= 12 && a != b).then_some(AMBIGUOUS);
    ymd(year, a, b, note)
}

fn push(spans: &mut Vec<DateSpan>, c: &Captures, date: Option<DateRead>) {
    let (Some(m), Some(date)) = (c.get(0), date) else {
        return;
    };
    if spans.iter().any(|s| s.start < m.end() && m.start() < s.end) {
        return;
    }
    spans.push(DateSpan {
        start: m.start(),
        end: m.end(),
        from: None,
        date,
    });
}

fn push_range(
    spans: &mut Vec<DateSpan>,
    c: &Captures,
    from: Option<DateRead>,
    to: Option<DateRead>,
) {
    let (Some(m), Some(from), Some(to)) = (c.get(0), from, to) else {
        return;
    };
    if from.iso > to.iso || spans.iter().any(|s| s.start < m.end() && m.start() < s.end) {
        return;
    }
    spans.push(DateSpan {
        start: m.start(),
        end: m.end(),
        from: Some(from),
        date: to,
    });
}

/// Two dates with only "-", "to", "through" between them are one range.
fn join_ranges(text: &str, spans: Vec<DateSpan>) -> Vec<DateSpan> {
    let mut out: Vec<DateSpan> = Vec::with_capacity(spans.len());
    for s in spans {
        if let Some(prev) = out.last_mut() {
            let between = text.get(prev.end..s.start).unwrap_or("x");
            if prev.from.is_none()
                && s.from.is_none()
                && BETWEEN.is_match(between)
                && prev.date.iso <= s.date.iso
            {
                prev.from = Some(prev.date.clone());
                prev.date = s.date;
                prev.end = s.end;
                continue;
            }
        }
        out.push(s);
    }
    out
}
