//! Reading the values formats put in their fields: dates in the shapes real files use,
//! strings that may be objects or language maps, durations. Shared by every importer so that
//! "Mar 2021" or "2021-03-04T00:00:00Z" means the same everywhere.

use chrono::{DateTime, NaiveDate};
use serde_json::Value;

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// A date as Dossier's draft takes it (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), read from the
/// shapes real files carry: ISO dates and date-times with any offset (the date as written,
/// not shifted), `YYYY-MM`, `YYYY`, LinkedIn's `Mon YYYY` and `Month YYYY`, US `MM/DD/YYYY`.
/// `None` when the text is none of these.
pub fn date(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d.date_naive().to_string());
    }
    // The date part of an ISO date-time that RFC 3339 refuses (no offset, fractional forms).
    let head = s.split(['T', ' ']).next().unwrap_or(s);
    if let Ok(d) = NaiveDate::parse_from_str(head, "%Y-%m-%d") {
        return Some(d.to_string());
    }
    if let Some((y, m)) = head.split_once('-') {
        if let (Some(y), Ok(m)) = (year(y), m.parse::<u32>()) {
            if (1..=12).contains(&m) {
                return Some(format!("{y:04}-{m:02}"));
            }
        }
        return None;
    }
    if let Some(y) = year(s) {
        return Some(format!("{y:04}"));
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%m/%d/%Y") {
        return Some(d.to_string());
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%B %d, %Y") {
        return Some(d.to_string());
    }
    let mut words = s.split_whitespace();
    let (m, y) = (words.next()?, words.next()?);
    if words.next().is_some() {
        return None;
    }
    let m = m.trim_end_matches(['.', ',']).to_ascii_lowercase();
    // A month name is ASCII: anything else (a BOM, a letter in another script) is no month,
    // and slicing it by bytes would split a character.
    let head = m.get(..3).filter(|_| m.is_ascii())?;
    let month = MONTHS.iter().position(|p| p.starts_with(head))? + 1;
    Some(format!("{:04}-{month:02}", year(y)?))
}

fn year(s: &str) -> Option<i32> {
    let s = s.trim();
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// A date from a JSON value: a string as `date` reads it, or a Unix timestamp (seconds, as a
/// number or a string of digits), which OB 1.0 badges use for `issuedOn`.
pub fn date_value(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if s.len() >= 9 && s.bytes().all(|b| b.is_ascii_digit()) => {
            unix(s.parse().ok()?)
        }
        Value::String(s) => date(s),
        Value::Number(n) => unix(n.as_i64()?),
        _ => None,
    }
}

fn unix(secs: i64) -> Option<String> {
    Some(DateTime::from_timestamp(secs, 0)?.date_naive().to_string())
}

/// The text of a value that may be a string, a language map (`{"en": "…"}`, English first),
/// a list of either, or an object with a `name`, `title` or `@value`.
pub fn text(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => Some(s.clone()),
        Value::Array(items) => items.iter().find_map(text),
        Value::Object(m) => ["name", "title", "@value", "en", "content"]
            .iter()
            .find_map(|k| m.get(*k).and_then(text))
            .or_else(|| m.values().find_map(|v| v.as_str().map(str::to_string))),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }?;
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// Hours from an ISO 8601 duration (`PT60H`, `P2D`, `PT90M`, `P1DT4H30M`); days count 8
/// hours, as workloads do. `None` for anything else.
pub fn duration_hours(s: &str) -> Option<f64> {
    let rest = s.trim().strip_prefix('P')?;
    let (days, time) = match rest.split_once('T') {
        Some((d, t)) => (d, t),
        None => (rest, ""),
    };
    let mut hours = 0.0;
    let mut read = |part: &str, units: &[(char, f64)]| -> Option<()> {
        let mut num = String::new();
        for ch in part.chars() {
            if ch.is_ascii_digit() || ch == '.' || ch == ',' {
                num.push(if ch == ',' { '.' } else { ch });
                continue;
            }
            let (_, per) = units.iter().find(|(u, _)| *u == ch)?;
            hours += num.parse::<f64>().ok()? * per;
            num.clear();
        }
        num.is_empty().then_some(())
    };
    read(
        days,
        &[
            ('Y', 8.0 * 220.0),
            ('M', 8.0 * 20.0),
            ('W', 40.0),
            ('D', 8.0),
        ],
    )?;
    read(time, &[('H', 1.0), ('M', 1.0 / 60.0), ('S', 1.0 / 3600.0)])?;
    (rest != "T" && !rest.is_empty()).then_some(hours)
}

/// A number of hours as the draft takes it: no trailing `.0`, at most two decimals.
pub fn hours_text(h: f64) -> String {
    let r = (h * 100.0).round() / 100.0;
    if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        format!("{r}")
    }
}
