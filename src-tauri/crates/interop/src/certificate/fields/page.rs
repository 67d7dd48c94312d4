//! A page's text as lines, cells and pieces, and the labelled values read from them. The two
//! shapes of text are read alike: `pdftotext -layout` keeps columns (a label and its value on
//! one line, 2+ spaces apart; a wrapped value continues below at the value's column), OCR
//! puts one space between them and blank lines between paragraphs. A label may also stand
//! alone with its value on the next line, or several may share a line ("Awarded to: X
//! Activity: Y"), so a line is split at every known label followed by a colon.

use super::labels::{label_at, Kind, LabelMatch};
use super::lines::{cells, ends_unfinished, normalize, sentence_like, window};

/// What stands between table cells in the prose: a control character, which no page text
/// holds once normalized (OCR's "|" may be a "1").
const CELL: &str = " \u{1f} ";
/// Lines a value may continue onto.
const MAX_CONTINUATION: usize = 3;
/// A line at least this long may have wrapped (OCR has no columns to tell).
const WRAP_LEN: usize = 45;

/// A piece of a line: a cell of a `-layout` table, or the part of a line one label starts.
#[derive(Clone, Debug)]
pub(super) struct Piece {
    pub text: String,
    /// Column (in characters) where it starts.
    pub col: usize,
    pub label: Option<LabelMatch>,
}

#[derive(Clone, Debug)]
pub(super) struct Line {
    pub text: String,
    pub pieces: Vec<Piece>,
    /// Cells split by 2+ spaces: 1 for running text and OCR.
    pub cells: usize,
}

/// A labelled value.
#[derive(Clone, Debug)]
pub(super) struct Field {
    pub kind: Kind,
    /// The label as printed ("Contact Hours Awarded").
    pub label: String,
    pub value: String,
    /// The lines it was read from: the label's, the value's, any continuation.
    pub lines: Vec<usize>,
    /// Why the value may not be the label's, when it may not.
    pub note: Option<&'static str>,
}

/// Whether a line is a sentence of running text (it has a verb, or ends as sentences do),
/// not a value or a heading.
fn running_text(text: &str) -> bool {
    let t = format!(" {} ", text.to_lowercase());
    text.trim_end().ends_with('.')
        || [
            " is ", " are ", " has ", " have ", " was ", " were ", " should ", " will ",
        ]
        .iter()
        .any(|w| t.contains(w))
}

/// Labels in a column of their own: a value matched to its label by order.
const BY_ORDER: &str =
    "matched to its label by order: OCR read the column of labels apart from their values";
/// Labels standing alone on consecutive lines that make a column of labels.
const LABEL_COLUMN: usize = 3;
/// Words a value in a column of values has at most: more is running text.
const VALUE_WORDS: usize = 14;

#[derive(Debug)]
pub(super) struct Page {
    pub lines: Vec<Line>,
    pub fields: Vec<Field>,
    /// The running text outside labelled values, a paragraph a line ("\n"), cells apart by
    /// `CELL`, so a sentence wrapped over lines reads as one and table cells stay apart.
    pub prose: String,
    /// `(start, end, line)` of each piece in `prose`.
    prose_map: Vec<(usize, usize, usize)>,
    /// Pieces taken as another piece's value, by line.
    consumed: Vec<Vec<bool>>,
}

/// A cell split where a known label with a colon (or a certificate number's label) starts
/// mid-line ("Dr. Amir Haddad Activity: ..."): `(char offset, text)` of each part.
fn split_at_labels(cell: &str) -> Vec<(usize, &str)> {
    let mut cuts = vec![0];
    let mut prev = ' ';
    // A label's own words are not searched for labels ("Date Completed:" is one label, not
    // "Date" and "Completed:").
    let mut skip = label_at(cell).map_or(0, |m| m.label_end);
    for (i, c) in cell.char_indices() {
        if i >= skip && prev == ' ' && c.is_uppercase() {
            if let Some(m) = cell.get(i..).and_then(label_at) {
                // A certificate's number needs no colon: "... RN Certificate No. PNC-24-1".
                if m.colon || m.kind == Kind::CredentialId {
                    cuts.push(i);
                    skip = i + m.label_end;
                }
            }
        }
        prev = c;
    }
    cuts.push(cell.len());
    let mut out = Vec::with_capacity(cuts.len());
    let mut chars = 0;
    for w in cuts.windows(2) {
        let (Some(&a), Some(&b)) = (w.first(), w.get(1)) else {
            continue;
        };
        let Some(part) = cell.get(a..b) else { continue };
        if !part.trim().is_empty() {
            out.push((chars, part.trim_end()));
        }
        chars += part.chars().count();
    }
    out
}

impl Page {
    pub fn read(text: &str) -> Page {
        let text = normalize(text);
        let lines: Vec<Line> = text
            .split('\n')
            .map(|raw| {
                let raw = raw.trim_end();
                let cells = cells(raw);
                let mut pieces = Vec::new();
                for (col, cell) in &cells {
                    for (offset, part) in split_at_labels(cell) {
                        pieces.push(Piece {
                            text: part.to_string(),
                            col: col + offset,
                            label: label_at(part),
                        });
                    }
                }
                Line {
                    text: raw.to_string(),
                    pieces,
                    cells: cells.len(),
                }
            })
            .collect();
        let consumed = lines.iter().map(|l| vec![false; l.pieces.len()]).collect();
        let mut page = Page {
            lines,
            fields: Vec::new(),
            prose: String::new(),
            prose_map: Vec::new(),
            consumed,
        };
        page.resolve_label_columns();
        page.resolve_fields();
        page.build_prose();
        page
    }

    pub fn piece(&self, line: usize, k: usize) -> Option<&Piece> {
        self.lines.get(line)?.pieces.get(k)
    }

    pub fn is_consumed(&self, line: usize, k: usize) -> bool {
        self.consumed
            .get(line)
            .and_then(|l| l.get(k))
            .copied()
            .unwrap_or(false)
    }

    fn consume(&mut self, line: usize, k: usize) {
        if let Some(c) = self.consumed.get_mut(line).and_then(|l| l.get_mut(k)) {
            *c = true;
        }
    }

    fn plain(&self, line: usize, k: usize) -> bool {
        self.piece(line, k).is_some_and(|p| p.label.is_none()) && !self.is_consumed(line, k)
    }

    /// The next non-blank line after `line`, within two blank lines.
    pub fn next_text_line(&self, line: usize) -> Option<usize> {
        (line + 1..self.lines.len())
            .take(3)
            .find(|&l| self.lines.get(l).is_some_and(|x| !x.pieces.is_empty()))
    }

    /// The previous non-blank line before `line`, within two blank lines.
    pub fn prev_text_line(&self, line: usize) -> Option<usize> {
        (line.saturating_sub(3)..line)
            .rev()
            .find(|&l| self.lines.get(l).is_some_and(|x| !x.pieces.is_empty()))
    }

    /// The value at `(line, k)`'s right or below it, for a piece whose own text ends where
    /// its value should start (a label alone, "This certifies that" at a line's end):
    /// `(line, piece)` of a plain piece.
    pub fn value_after(&self, line: usize, k: usize) -> Option<(usize, usize)> {
        let l = self.lines.get(line)?;
        if k + 1 < l.pieces.len() {
            return self.plain(line, k + 1).then_some((line, k + 1));
        }
        let next = self.next_text_line(line)?;
        self.plain(next, 0).then_some((next, 0))
    }

    /// The lines after `line` that continue a value ending there: aligned under the value
    /// (`-layout`), or running text wrapped at a long line or mid-phrase (OCR, centred
    /// text). Each is the first piece of its line.
    pub fn continuation(&self, line: usize, value_col: usize, value: &str) -> Vec<usize> {
        self.continuation_of(line, value_col, value, false)
    }

    /// `continuation`, only aligned lines when `aligned_only` (a value in a table's middle
    /// column, which running text cannot continue).
    fn continuation_of(
        &self,
        line: usize,
        value_col: usize,
        value: &str,
        aligned_only: bool,
    ) -> Vec<usize> {
        let mut out = Vec::new();
        let (mut at, mut so_far) = (line, value.to_string());
        while out.len() < MAX_CONTINUATION && !so_far.ends_with(['"', '.']) {
            let next = at + 1;
            let (Some(cur), Some(n)) = (self.lines.get(at), self.lines.get(next)) else {
                break;
            };
            let Some(p) = n.pieces.first() else { break };
            // A line holding a date ("on December 3, 2024") is the activity's date, not
            // the rest of its title.
            if !self.plain(next, 0)
                || sentence_like(&p.text)
                || !super::dates::find_dates(&p.text).is_empty()
            {
                break;
            }
            let aligned = p.col.abs_diff(value_col) <= 2 && cur.cells > 1;
            let wrapped = !aligned_only
                && cur.cells == 1
                && n.cells == 1
                && (cur.text.trim().chars().count() >= WRAP_LEN || ends_unfinished(&so_far));
            if !(aligned || wrapped) {
                break;
            }
            so_far = format!("{so_far} {}", p.text.trim());
            out.push(next);
            // A piece followed by others on its line ends the value there.
            if n.pieces.len() > 1 {
                break;
            }
            at = next;
        }
        out
    }

    /// Reads every label's value: after the label in its piece, in the next cell, under a
    /// header row's label, or on the next line; titles and providers with their wrapped
    /// continuation.
    fn resolve_fields(&mut self) {
        for line in 0..self.lines.len() {
            let header_row = self.lines.get(line).is_some_and(|l| {
                l.pieces.len() >= 2
                    && l.pieces
                        .iter()
                        .all(|p| p.label.as_ref().is_some_and(|m| m.alone(&p.text)))
            });
            for k in 0..self.lines.get(line).map_or(0, |l| l.pieces.len()) {
                let Some(piece) = self.piece(line, k).cloned() else {
                    continue;
                };
                let Some(m) = piece.label.clone() else {
                    continue;
                };
                if self.is_consumed(line, k) {
                    continue;
                }
                let label = piece
                    .text
                    .get(..m.label_end)
                    .unwrap_or("")
                    .trim()
                    .to_string();
                let mut lines = vec![line];
                let (value, value_line, value_k, value_col) = if !m.alone(&piece.text) {
                    let value = piece.text.get(m.value_start..).unwrap_or("").to_string();
                    let before = piece.text.get(..m.value_start).unwrap_or("");
                    (value, line, k, piece.col + before.chars().count())
                } else {
                    let found = if header_row {
                        self.under(line, &piece)
                    } else {
                        self.value_after(line, k)
                    };
                    let Some((vl, vk)) = found else { continue };
                    let Some(v) = self.piece(vl, vk).cloned() else {
                        continue;
                    };
                    // A heading of something else ("Accreditation") over a paragraph: the
                    // paragraph is running text, not the heading's value.
                    let long = v.text.split_whitespace().count() > 6 || sentence_like(&v.text);
                    if m.kind == Kind::Other && vl != line && long {
                        continue;
                    }
                    self.consume(vl, vk);
                    lines.push(vl);
                    (v.text.clone(), vl, vk, v.col)
                };
                let mut value = value.trim().to_string();
                let wraps = matches!(m.kind, Kind::Title | Kind::Provider);
                let last_piece = self
                    .lines
                    .get(value_line)
                    .is_some_and(|l| l.pieces.len() == value_k + 1);
                if wraps {
                    for l in self.continuation_of(value_line, value_col, &value, !last_piece) {
                        if let Some(p) = self.piece(l, 0) {
                            value = format!("{value} {}", p.text.trim());
                        }
                        self.consume(l, 0);
                        lines.push(l);
                    }
                }
                self.fields.push(Field {
                    kind: m.kind,
                    label,
                    value,
                    lines,
                    note: None,
                });
            }
        }
    }

    /// Whether line `l` is a label standing alone, its value not yet found.
    fn lone_label(&self, l: usize) -> bool {
        self.lines.get(l).is_some_and(|x| {
            x.pieces.len() == 1
                && x.pieces
                    .first()
                    .is_some_and(|p| p.label.as_ref().is_some_and(|m| m.alone(&p.text)))
        }) && !self.is_consumed(l, 0)
    }

    /// OCR reads a form whose labels and values stand far apart as two columns: the labels
    /// one under the other, then the values (after any heading above them). A run of labels
    /// standing alone takes the last as many short lines that follow, in order.
    fn resolve_label_columns(&mut self) {
        let mut l = 0;
        while l < self.lines.len() {
            let mut labels = Vec::new();
            let mut at = l;
            while self.lone_label(at) {
                labels.push(at);
                match self.next_text_line(at) {
                    Some(n) => at = n,
                    None => break,
                }
            }
            if labels.len() < LABEL_COLUMN {
                l += 1;
                continue;
            }
            let mut values = Vec::new();
            let mut v = labels.last().and_then(|&last| self.next_text_line(last));
            while let Some(vl) = v {
                let short = self.lines.get(vl).is_some_and(|x| {
                    x.pieces.len() == 1
                        && x.pieces.first().is_some_and(|p| {
                            p.text.split_whitespace().count() <= VALUE_WORDS
                                && !running_text(&p.text)
                        })
                });
                if !short || !self.plain(vl, 0) {
                    break;
                }
                values.push(vl);
                v = self.next_text_line(vl);
            }
            let Some(skip) = values.len().checked_sub(labels.len()) else {
                l = at + 1;
                continue;
            };
            for (&ll, &vl) in labels.iter().zip(values.iter().skip(skip)) {
                let (Some(label), Some(value)) = (self.piece(ll, 0), self.piece(vl, 0)) else {
                    continue;
                };
                let Some(m) = label.label.clone() else {
                    continue;
                };
                let field = Field {
                    kind: m.kind,
                    label: label
                        .text
                        .get(..m.label_end)
                        .unwrap_or("")
                        .trim()
                        .to_string(),
                    value: value.text.trim().to_string(),
                    lines: vec![ll, vl],
                    note: Some(BY_ORDER),
                };
                self.fields.push(field);
                self.consume(ll, 0);
                self.consume(vl, 0);
            }
            l = values.last().map_or(at, |&x| x) + 1;
        }
    }

    /// The piece under a header row's label: on the next line, overlapping its columns.
    fn under(&self, line: usize, label: &Piece) -> Option<(usize, usize)> {
        let next = self.next_text_line(line)?;
        let span = |p: &Piece| (p.col, p.col + p.text.chars().count());
        let (a0, a1) = span(label);
        let pieces = &self.lines.get(next)?.pieces;
        let k = pieces.iter().position(|p| {
            let (b0, b1) = span(p);
            (b0 < a1 && a0 < b1) || b0.abs_diff(a0) <= 3
        })?;
        self.plain(next, k).then_some((next, k))
    }

    fn build_prose(&mut self) {
        let mut last: Option<(usize, bool)> = None;
        for (l, line) in self.lines.iter().enumerate() {
            if line.pieces.is_empty() {
                if !self.prose.is_empty() && !self.prose.ends_with('\n') {
                    self.prose.push('\n');
                }
                last = None;
                continue;
            }
            let count = line.pieces.len();
            for (k, p) in line.pieces.iter().enumerate() {
                let consumed = self.consumed.get(l).and_then(|c| c.get(k)).copied();
                let text = match &p.label {
                    _ if consumed == Some(true) => None,
                    None => Some(p.text.as_str()),
                    // Another thing's label ("Accreditation:"): its value may be a sentence
                    // that names the provider; a short one ("Due date: ...") is its own.
                    Some(m) if m.kind == Kind::Other => p
                        .text
                        .get(m.value_start..)
                        .filter(|v| v.split_whitespace().count() >= 6),
                    Some(_) => None,
                };
                let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else {
                    last = None;
                    continue;
                };
                let wrapped = matches!(last, Some((prev, true)) if prev + 1 == l) && k == 0;
                if !self.prose.is_empty() && !self.prose.ends_with('\n') {
                    self.prose.push_str(if wrapped { " " } else { CELL });
                }
                let start = self.prose.len();
                self.prose.push_str(text);
                self.prose_map.push((start, self.prose.len(), l));
                last = Some((l, k + 1 == count));
            }
        }
    }

    /// The lines the prose bytes `start..end` came from.
    pub fn prose_lines(&self, start: usize, end: usize) -> Vec<usize> {
        let mut out: Vec<usize> = self
            .prose_map
            .iter()
            .filter(|(s, e, _)| *s < end.max(start + 1) && start < *e)
            .map(|(_, _, l)| *l)
            .collect();
        out.dedup();
        out
    }

    /// The snippet of `lines`: their text, whitespace collapsed, at most about 200
    /// characters around `focus`.
    pub fn snippet(&self, lines: &[usize], focus: &str) -> String {
        let mut lines = lines.to_vec();
        lines.sort_unstable();
        lines.dedup();
        let text = lines
            .iter()
            .filter_map(|l| self.lines.get(*l))
            .flat_map(|l| l.text.split_whitespace())
            .collect::<Vec<_>>()
            .join(" ");
        window(&text, focus, 200)
    }
}
