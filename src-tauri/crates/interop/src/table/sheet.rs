//! A CSV read with bounds, for the generic CSV importer and LinkedIn's export alike: the
//! header row and the data rows as trimmed text, numbered as a spreadsheet shows them (the
//! header is row 1), so every message can point at the row a person sees.
//!
//! The `csv` crate does the parsing. It is lenient by design, so the few ways a file can be
//! malformed (bytes that are not UTF-8, a quote never closed) are checked here and named by
//! line.

use crate::bounds::{self, MAX_ROWS};
use crate::error::{Error, Result};
use csv::ByteRecord;

/// A CSV file's header and rows.
pub(crate) struct Sheet {
    /// The header row's names, trimmed; a trailing comma gives an empty name.
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
}

/// One data row.
pub(crate) struct Row {
    /// The row as a spreadsheet numbers it: the header is row 1, the first data row 2.
    pub number: usize,
    /// The cells, trimmed; fewer or more than the headers when the row is short or long.
    pub cells: Vec<String>,
}

impl Row {
    /// The cell in column `i`, or "" when the row is shorter.
    pub fn get(&self, i: usize) -> &str {
        self.cells.get(i).map_or("", String::as_str)
    }

    /// The cell in the column `i` names, or "" when there is no such column.
    pub fn at(&self, i: Option<usize>) -> &str {
        i.map_or("", |i| self.get(i))
    }

    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(String::is_empty)
    }

    /// A problem when the row carries values past the last header: a comma inside a value
    /// that was not quoted shifts every value after it.
    pub fn overflow(&self, headers: &[String]) -> Option<String> {
        let extra = self.cells.get(headers.len()..)?;
        extra.iter().any(|c| !c.is_empty()).then(|| {
            format!(
                "row {}: {} values for {} columns; a value with a comma in it may be missing \
                 its quotes",
                self.number,
                self.cells.len(),
                headers.len()
            )
        })
    }
}

/// The column whose header is one of `names` (compared trimmed and case-insensitively).
pub(crate) fn find(headers: &[String], names: &[&str]) -> Option<usize> {
    headers
        .iter()
        .position(|h| names.iter().any(|n| h.trim().eq_ignore_ascii_case(n)))
}

/// How a column is named in messages: its header, or its position when the header is empty.
pub(crate) fn column_name(headers: &[String], i: usize) -> String {
    match headers.get(i).map(|h| h.trim()) {
        Some(h) if !h.is_empty() => h.to_string(),
        _ => format!("column {}", i + 1),
    }
}

/// A date cell as the draft takes it. Text `text::date` cannot read is kept as written (so
/// the person sees and fixes it) with a problem naming the row and column.
pub(crate) fn date_cell(raw: &str, row: usize, column: &str, problems: &mut Vec<String>) -> String {
    if raw.is_empty() {
        return String::new();
    }
    crate::text::date(raw).unwrap_or_else(|| {
        problems.push(format!(
            "row {row}: {column} '{raw}' is not a date (use YYYY, Mon YYYY or YYYY-MM-DD)"
        ));
        raw.to_string()
    })
}

/// The header row alone, for recognising a file and for showing its columns.
pub(crate) fn header(file: &str, bytes: &[u8], delimiter: u8) -> Result<Vec<String>> {
    let mut records = Records::new(file, bytes, delimiter)?;
    let start = records.next()?.ok_or_else(|| empty(file))?;
    let headers = records.cells(&[], 1, start)?;
    if records.next()?.is_none() {
        unclosed_quote(file, records.bytes, start)?;
    }
    Ok(headers)
}

/// The whole file: at most `MAX_ROWS` data rows and `MAX_FIELD_BYTES` a cell.
pub(crate) fn read(file: &str, bytes: &[u8], delimiter: u8) -> Result<Sheet> {
    let mut records = Records::new(file, bytes, delimiter)?;
    let mut last = records.next()?.ok_or_else(|| empty(file))?;
    let headers = records.cells(&[], 1, last)?;
    let mut rows = Vec::new();
    let mut number = 1;
    while let Some(start) = records.next()? {
        // The parser skips blank lines; a spreadsheet shows each as a row.
        number += 1 + start.blank_lines;
        if rows.len() == MAX_ROWS {
            return Err(Error::TooLarge {
                file: file.to_string(),
                what: format!("the number of rows (row {number} is one too many)"),
                limit: format!("{MAX_ROWS} data rows"),
            });
        }
        let cells = records.cells(&headers, number, start)?;
        rows.push(Row { number, cells });
        last = start;
    }
    // An unclosed quote swallows the file to its end, so it shows in the last record.
    unclosed_quote(file, records.bytes, last)?;
    Ok(Sheet { headers, rows })
}

/// The parser over a file's text, record by record, with where each starts.
struct Records<'a> {
    file: &'a str,
    bytes: &'a [u8],
    reader: csv::Reader<&'a [u8]>,
    record: ByteRecord,
}

/// Where a record starts (its byte offset and line), past the blank lines the parser skipped
/// to reach it.
#[derive(Clone, Copy)]
struct Start {
    byte: usize,
    line: u64,
    blank_lines: usize,
}

impl<'a> Records<'a> {
    fn new(file: &'a str, bytes: &'a [u8], delimiter: u8) -> Result<Records<'a>> {
        let bytes = text(file, bytes)?;
        Ok(Records {
            file,
            bytes,
            reader: reader(bytes, delimiter),
            record: ByteRecord::new(),
        })
    }

    fn next(&mut self) -> Result<Option<Start>> {
        let more = self
            .reader
            .read_byte_record(&mut self.record)
            .map_err(|e| csv_error(self.file, e))?;
        if !more {
            return Ok(None);
        }
        // The record's position is where the parser started looking for it.
        let (byte, line) = self.record.position().map_or((0, 1), |p| {
            (usize::try_from(p.byte()).unwrap_or(0), p.line())
        });
        let skipped: Vec<u8> = self
            .bytes
            .get(byte..)
            .unwrap_or_default()
            .iter()
            .copied()
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .collect();
        let blank_lines = skipped.iter().filter(|&&b| b == b'\n').count();
        Ok(Some(Start {
            byte: byte + skipped.len(),
            line: line + blank_lines as u64,
            blank_lines,
        }))
    }

    /// The current record's cells as trimmed UTF-8 text, bounded.
    fn cells(&self, headers: &[String], row: usize, start: Start) -> Result<Vec<String>> {
        let file = self.file;
        self.record
            .iter()
            .enumerate()
            .map(|(i, raw)| {
                let at = if row == 1 {
                    format!("the header row, column {}", i + 1)
                } else {
                    format!("row {row}, column {}", column_name(headers, i))
                };
                let cell = std::str::from_utf8(raw).map_err(|e| {
                    Error::invalid(
                        file,
                        format!("line {} ({at})", start.line),
                        format!(
                            "not UTF-8 text (byte {} of the cell); save the file as CSV in UTF-8",
                            e.valid_up_to() + 1
                        ),
                    )
                })?;
                bounds::check_field(file, &at, cell)?;
                Ok(cell.trim().to_string())
            })
            .collect()
    }
}

fn reader(bytes: &[u8], delimiter: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes)
}

/// The file's text without a UTF-8 BOM; UTF-16 is refused by name, as spreadsheet programs
/// offer it next to UTF-8 and the fix is to choose the other.
fn text<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a [u8]> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(Error::invalid(
            file,
            "line 1",
            "the file is UTF-16 text; save it as CSV in UTF-8",
        ));
    }
    Ok(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))
}

fn empty(file: &str) -> Error {
    Error::invalid(
        file,
        "line 1",
        "the file is empty; a CSV needs a header row",
    )
}

fn csv_error(file: &str, e: csv::Error) -> Error {
    let at = e
        .position()
        .map_or_else(|| "the file".to_string(), |p| format!("line {}", p.line()));
    Error::invalid(file, at, format!("not readable as CSV: {e}"))
}

/// Refuses a file whose last record holds an odd number of quotes: a quoted field opened
/// there and never closed, which the lenient parser would read to the end of the file.
fn unclosed_quote(file: &str, bytes: &[u8], last: Start) -> Result<()> {
    let rest = bytes.get(last.byte..).unwrap_or_default();
    if rest.iter().filter(|&&b| b == b'"').count() % 2 == 1 {
        return Err(Error::invalid(
            file,
            format!("line {}", last.line),
            "a quoted value that starts on this line is never closed (an unbalanced \")",
        ));
    }
    Ok(())
}
