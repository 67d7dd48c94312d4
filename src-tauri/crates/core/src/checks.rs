//! Reading typed text into values, for every draft: one line of text, a date. Each check records its problem under the field it reads and goes
//! on, so a form can mark every bad field at once; the messages are the ones the UI showed
//! when it checked these itself.

use crate::date::PartialDate;
use crate::field_error::{FieldError, FieldPath};

/// Collects every problem, not just the first.
#[derive(Default)]
pub(crate) struct Checker {
    pub errors: Vec<FieldError>,
}

impl Checker {
    pub fn fail(&mut self, path: impl Into<FieldPath>, message: impl Into<String>) {
        self.errors.push(FieldError::new(path, message));
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
        if s.is_empty() {
            return None;
        }
        let n = s.chars().count();
        if n > max {
            self.fail(path, format!("is too long ({n} characters; at most {max})"));
        } else if s.chars().any(char::is_control) {
            self.fail(path, "must be a single line without control characters");
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
}
