//! One problem with one typed field, and where that field is. Every validation in Dossier
//! (drafts, rule sets, frameworks, the store's own checks) reports through `FieldError`, so
//! the app places each message under its field and the CLI names the flag that set it.
//!
//! The place is typed (`FieldPath`): a form finds the row of `skills[2].relevance` by reading
//! `path.index`, not by matching the text with a pattern. The text (`field`) is kept exactly
//! as it always was, for display and for the callers that compare it.

use serde::{Deserialize, Serialize};
use std::fmt;
use ts_rs::TS;

/// Where a field is: a plain field (`title`), an entry of a list by position
/// (`jurisdictions[1]`), a column of such an entry (`skills[2].relevance`), or an entry named
/// by its id (`node 'csml.dl'`, for framework nodes, whose positions change as a tree is
/// edited).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub struct FieldPath {
    /// The draft's field, or the list's name (`skills`, `nodes`).
    pub field: String,
    /// The entry's position in the list, from 0.
    #[ts(type = "number | null")]
    pub index: Option<usize>,
    /// The entry's id, when the list names its entries by id.
    pub id: Option<String>,
    /// The entry's own field (`relevance`).
    pub sub: Option<String>,
}

impl FieldPath {
    /// A plain field: `title`.
    pub fn field(name: impl Into<String>) -> Self {
        Self {
            field: name.into(),
            ..Self::default()
        }
    }

    /// An entry of a list of plain values: `jurisdictions[1]`.
    pub fn entry(list: impl Into<String>, index: usize) -> Self {
        Self {
            index: Some(index),
            ..Self::field(list)
        }
    }

    /// A column of a list's entry: `skills[2].relevance`.
    pub fn at(list: impl Into<String>, index: usize, sub: impl Into<String>) -> Self {
        Self {
            sub: Some(sub.into()),
            ..Self::entry(list, index)
        }
    }

    /// A framework node by its id: `node 'csml.dl'`.
    pub fn node(id: impl Into<String>) -> Self {
        Self {
            id: Some(id.into()),
            ..Self::field("nodes")
        }
    }
}

/// The field as text, as messages and older callers have always named it.
impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(id) = &self.id {
            // An entry named by id reads as the singular of its list: "node 'x'".
            let one = self.field.strip_suffix('s').unwrap_or(&self.field);
            return write!(f, "{one} '{id}'");
        }
        f.write_str(&self.field)?;
        if let Some(i) = self.index {
            write!(f, "[{i}]")?;
        }
        if let Some(sub) = &self.sub {
            write!(f, ".{sub}")?;
        }
        Ok(())
    }
}

impl From<&str> for FieldPath {
    fn from(name: &str) -> Self {
        Self::field(name)
    }
}

impl From<String> for FieldPath {
    fn from(name: String) -> Self {
        Self::field(name)
    }
}

/// One problem with one field. `field` is the path as text (`title`, `credit_type`,
/// `skills[2].relevance`); `path` is the same place typed. Built only through `new` (or the
/// shorthands that call it), so the two always agree.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[non_exhaustive]
pub struct FieldError {
    pub field: String,
    /// Optional in TypeScript only: the UI still builds some errors itself (`{field,
    /// message}`) and must keep compiling while it moves to reading `path`.
    /// Boxed: errors travel in `Result`s, and the path's four parts would make every one of
    /// them large.
    #[ts(as = "Option<FieldPath>", optional)]
    pub path: Box<FieldPath>,
    pub message: String,
}

impl FieldError {
    /// The one constructor: a plain field name (`"title"`) or any `FieldPath`.
    pub fn new(path: impl Into<FieldPath>, message: impl Into<String>) -> Self {
        let path = path.into();
        Self {
            field: path.to_string(),
            path: Box::new(path),
            message: message.into(),
        }
    }

    /// A column of a list's entry: `skills[2].relevance`.
    pub fn at(
        list: impl Into<String>,
        index: usize,
        sub: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self::new(FieldPath::at(list, index, sub), message)
    }

    /// An entry of a list of plain values: `jurisdictions[1]`.
    pub fn entry(list: impl Into<String>, index: usize, message: impl Into<String>) -> Self {
        Self::new(FieldPath::entry(list, index), message)
    }

    /// The same problem reported for another field (a shared check used by two forms).
    pub fn renamed(self, path: impl Into<FieldPath>) -> Self {
        Self::new(path, self.message)
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}
