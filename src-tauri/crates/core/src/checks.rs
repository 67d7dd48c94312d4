//! Reading typed text into values, for every draft: one line of text, a date, a day, a
//! number, a whole number. Each check records its problem under the field it reads and goes
//! on, so a form can mark every bad field at once; the messages are the ones the UI showed
//! when it checked these itself.

use crate::date::PartialDate;
use crate::field_error::{FieldError, FieldPath};
use chrono::NaiveDate;

/// Collects every problem, not just the first.
#[derive(Default)]
pub(crate) struct Checker {
    pub errors: Vec<FieldError>,
}

/// Decimal notation only (`1.5`, `-2`, `.5`): Rust's own parser would also take `1e3`, `inf`
/// and `NaN`, which nobody types as a number of hours.
fn decimal(s: &str) -> bool {
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    let (whole, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    !(whole.is_empty() && frac.is_empty()) && all_digits(whole) && all_digits(frac)
}

/// Characters that draw nothing: a text made only of these (a zero-width space pasted from a
/// web page) is blank, though Rust's `trim` keeps it. Inside visible text they stay (a
/// zero-width joiner is part of some scripts and emoji).
fn invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}')
}

/// Explicit embeddings, overrides and isolates: right-to-left scripts need none of them, and
/// they can disguise text (a file name, a title) as something else.
fn direction_override(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

impl Checker {
    pub fn fail(&mut self, path: impl Into<FieldPath>, message: impl Into<String>) {
        self.errors.push(FieldError::new(path, message));
    }

    /// Adds the domain's own problems with the parsed value, except on fields that already
    /// failed to parse: their stand-in value would only earn a second, misleading message.
    pub fn rules(&mut self, problems: impl IntoIterator<Item = FieldError>) {
        let failed: Vec<String> = self.errors.iter().map(|e| e.field.clone()).collect();
        self.errors
            .extend(problems.into_iter().filter(|p| !failed.contains(&p.field)));
    }

    /// `value` when nothing failed, or every problem found.
    pub fn finish<T>(self, value: T) -> Result<T, Vec<FieldError>> {
        if self.errors.is_empty() {
            Ok(value)
        } else {
            Err(self.errors)
        }
    }

    /// A one-line text field: trimmed, length-checked, free of control characters; `None`
    /// when blank.
    pub fn line(&mut self, path: impl Into<FieldPath>, raw: &str, max: usize) -> Option<String> {
        let s = raw.trim();
        if s.chars().all(invisible) {
            return None;
        }
        let n = s.chars().count();
        if n > max {
            self.fail(path, format!("is too long ({n} characters; at most {max})"));
        } else if s.chars().any(char::is_control) {
            self.fail(path, "must be a single line without control characters");
        } else if let Some(c) = s.chars().find(|c| direction_override(*c)) {
            // U+202E turns "fdp.exe" into what reads as "exe.pdf": text must read as stored.
            self.fail(
                path,
                format!(
                    "contains a hidden direction override (U+{:04X}) that makes it read \
                     differently from what it is",
                    c as u32
                ),
            );
        }
        Some(s.to_string())
    }

    /// A date at the precision known (`2021`, `2021-03`, `2021-03-15`); `None` when blank.
    pub fn date(&mut self, path: impl Into<FieldPath>, raw: &str) -> Option<PartialDate> {
        let s = raw.trim();
        if s.is_empty() {
            return None;
        }
        s.parse()
            .map_err(|e: crate::DateError| self.fail(path, e.to_string()))
            .ok()
    }

    /// A whole day (`2026-03-15`), required.
    pub fn day(&mut self, path: impl Into<FieldPath>, raw: &str) -> Option<NaiveDate> {
        let s = raw.trim();
        let shaped = s.len() == 10
            && s.bytes().enumerate().all(|(i, b)| {
                if i == 4 || i == 7 {
                    b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            });
        if s.is_empty() {
            self.fail(path, "is required");
        } else if !shaped {
            self.fail(path, format!("'{s}' is not a date; use YYYY-MM-DD"));
        } else {
            match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
                Ok(d) => return Some(d),
                Err(_) => self.fail(path, format!("'{s}' is not a real calendar date")),
            }
        }
        None
    }

    /// A decimal number; blank is `Some(None)`, a problem is `None` (recorded).
    pub fn optional_number(
        &mut self,
        path: impl Into<FieldPath>,
        raw: &str,
    ) -> Option<Option<f64>> {
        let s = raw.trim();
        if s.is_empty() {
            return Some(None);
        }
        match s.parse::<f64>() {
            Ok(n) if decimal(s) && n.is_finite() => Some(Some(n)),
            _ => {
                self.fail(
                    path,
                    format!("'{s}' is not a number (use a decimal point: 1.5)"),
                );
                None
            }
        }
    }

    /// A decimal number, required.
    pub fn number(&mut self, path: impl Into<FieldPath>, raw: &str) -> Option<f64> {
        let path = path.into();
        match self.optional_number(path.clone(), raw) {
            Some(Some(n)) => Some(n),
            Some(None) => {
                self.fail(path, "is required");
                None
            }
            None => None,
        }
    }

    /// A whole number, required; `signed` allows a leading minus. Counts and months are
    /// unsigned, so a minus there is refused as not a whole number rather than wrapped.
    pub fn whole(&mut self, path: impl Into<FieldPath>, raw: &str, signed: bool) -> Option<i64> {
        let s = raw.trim();
        let digits = match s.strip_prefix('-') {
            Some(rest) if signed => rest,
            _ => s,
        };
        if s.is_empty() {
            self.fail(path, "is required");
        } else if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            self.fail(path, format!("'{s}' is not a whole number"));
        } else {
            match s.parse::<i64>() {
                Ok(n) => return Some(n),
                Err(_) => self.fail(path, format!("'{s}' is too large")),
            }
        }
        None
    }

    /// A whole number that must fit a `u32` (months, counts).
    pub fn count(&mut self, path: impl Into<FieldPath>, raw: &str) -> Option<u32> {
        let path = path.into();
        let n = self.whole(path.clone(), raw, false)?;
        u32::try_from(n)
            .map_err(|_| self.fail(path, format!("'{}' is too large", raw.trim())))
            .ok()
    }
}

/// Text as an optional value: trimmed, and `None` when blank.
pub(crate) fn optional(raw: &str) -> Option<String> {
    let s = raw.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// An optional value as the text a form shows for it.
pub(crate) fn text_of<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}
