//! A page's text made plain and cut into cells: the characters PDFs and OCR vary on (curly
//! quotes, dashes, odd spaces, ligatures) made one, a `-layout` line's columns found by their
//! gaps of 2+ spaces, and snippets cut to a readable length.

/// Bytes of a page read: a certificate is a few thousand characters, so anything beyond this
/// is not one page of a certificate and only costs time.
const MAX_TEXT: usize = 100_000;

/// The text with the characters PDFs and OCR vary on made plain: curly quotes, dashes, odd
/// spaces, ligatures; carriage returns and form feeds as line ends.
pub(super) fn normalize(text: &str) -> String {
    let mut end = text.len().min(MAX_TEXT);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut out = String::with_capacity(end);
    let mut chars = text.get(..end).unwrap_or("").chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\u{c}' | '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\t' => out.push_str("    "),
            '“' | '”' | '„' | '‟' | '«' | '»' | '″' => out.push('"'),
            '‘' | '’' | '‚' | '‛' | '′' | '`' | '´' => out.push('\''),
            '‐' | '‑' | '‒' | '–' | '—' | '−' | '―' => out.push('-'),
            'ﬁ' => out.push_str("fi"),
            'ﬂ' => out.push_str("fl"),
            'ﬀ' => out.push_str("ff"),
            '\u{200b}'..='\u{200d}' | '\u{feff}' | '\u{ad}' => {}
            // A table's border read by OCR ("Accredited Provider | Medscape, LLC") is a gap
            // between cells; "Category |" is OCR's "Category 1" and stays for the credits.
            '|' if (out.is_empty() || out.ends_with([' ', '\n']))
                && chars.peek().is_none_or(|n| *n == ' ' || *n == '\n') =>
            {
                let before = out.trim_end().to_ascii_lowercase();
                if before.ends_with("category")
                    || before.ends_with("cat")
                    || before.ends_with("cat.")
                {
                    out.push('|');
                } else {
                    out.push_str("  ");
                }
            }
            '\n' => out.push('\n'),
            c if c.is_whitespace() || c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A line's cells: `(column, text)` of each run of text between gaps of 2+ spaces.
pub(super) fn cells(line: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start: Option<(usize, usize)> = None;
    let mut spaces = 0;
    let mut last_end = 0;
    for (col, (i, c)) in line.char_indices().enumerate() {
        if c == ' ' {
            spaces += 1;
            if spaces == 2 {
                if let Some((scol, sbyte)) = start.take() {
                    out.push((scol, line.get(sbyte..last_end).unwrap_or("")));
                }
            }
            continue;
        }
        spaces = 0;
        if start.is_none() {
            start = Some((col, i));
        }
        last_end = i + c.len_utf8();
    }
    if let Some((scol, sbyte)) = start {
        out.push((scol, line.get(sbyte..last_end).unwrap_or("")));
    }
    out
}

/// Words a wrapped phrase cannot end on.
pub(super) fn ends_unfinished(value: &str) -> bool {
    let last = value.split_whitespace().next_back().unwrap_or("");
    let last = last.to_ascii_lowercase();
    value.ends_with([',', '-', ':', '&', '/'])
        || [
            "of", "the", "and", "for", "in", "at", "to", "with", "on", "a", "an", "or", "by",
            "from", "into", "&", "vs", "vs.",
        ]
        .contains(&last.as_str())
}

/// Whether a line reads as a sentence rather than the rest of a title or a name.
pub(super) fn sentence_like(text: &str) -> bool {
    let t = format!(" {} ", text.to_lowercase());
    [
        " is ",
        " are ",
        " has ",
        " have ",
        " was ",
        " were ",
        " should ",
        " will ",
        " designates ",
        "certif",
        " this ",
        " has been ",
    ]
    .iter()
    .any(|w| t.contains(w))
}

/// `text` cut to at most `max` characters, keeping `focus` (when it is in the text) in view.
pub(super) fn window(text: &str, focus: &str, max: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= max {
        return text.to_string();
    }
    let focus_words: String = focus.split_whitespace().collect::<Vec<_>>().join(" ");
    let at = text
        .find(focus_words.get(..focus_words.len().min(40)).unwrap_or(""))
        .map_or(0, |b| text.get(..b).map_or(0, |s| s.chars().count()));
    let start = at
        .saturating_sub(max / 3)
        .min(chars.len().saturating_sub(max));
    let end = (start + max).min(chars.len());
    let mut out: String = chars
        .get(start..end)
        .map(|c| c.iter().collect())
        .unwrap_or_default();
    if start > 0 {
        out.insert(0, '…');
    }
    if end < chars.len() {
        out.push('…');
    }
    out
}
