//! The zip inside an archive: which entries it may hold, the bounds on them, and a reader that
//! holds each entry to its declared size and its blob to its SHA-256.

use super::{fault, Blob};
use crate::bounds::{MAX_ZIP_ENTRIES, MAX_ZIP_ENTRY_BYTES, MAX_ZIP_RATIO, MAX_ZIP_TOTAL_BYTES};
use crate::error::{Error, Result};
use sha2::{Digest, Sha256};
use std::io::{self, Read, Seek, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

pub(super) const STATE: &str = "dossier.json";
const EVIDENCE: &str = "evidence/";
/// Below this an entry is no bomb whatever its ratio: a small JSON of repeated records may
/// compress more than `MAX_ZIP_RATIO` times.
const RATIO_FLOOR: u64 = 1 << 20;

/// Whether `s` is a SHA-256 as Dossier names evidence: 64 lowercase hex digits.
pub(super) fn is_sha256(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// What an entry's name says it is, or why it may not be in an archive.
enum Entry {
    State,
    Blob(String),
    Folder,
}

fn entry(name: &str) -> Result<Entry, &'static str> {
    if name.starts_with('/') || name.get(1..2) == Some(":") {
        return Err("an absolute path");
    }
    if name.contains('\\') {
        return Err("a backslash in its path");
    }
    if name.split('/').any(|part| part == "..") {
        return Err("a path that climbs out of the archive (..)");
    }
    match name {
        STATE => Ok(Entry::State),
        EVIDENCE => Ok(Entry::Folder),
        _ => match name.strip_prefix(EVIDENCE) {
            Some(hash) if is_sha256(hash) => Ok(Entry::Blob(hash.to_string())),
            _ => Err("a name other than dossier.json or evidence/<SHA-256>"),
        },
    }
}

/// The entries of an archive's zip, each checked against the bounds from its central
/// directory before anything is inflated.
pub(super) struct Listing {
    pub(super) state: usize,
    pub(super) blobs: Vec<(String, usize)>,
}

impl Listing {
    pub(super) fn of<R: Read + Seek>(file: &str, zip: &ZipArchive<R>) -> Result<Listing> {
        if zip.len() > MAX_ZIP_ENTRIES {
            return Err(too_large(
                file,
                format!("{} entries", zip.len()),
                MAX_ZIP_ENTRIES,
            ));
        }
        if zip.has_duplicate_names() {
            return Err(fault(file, "it holds two entries of the same name"));
        }
        let (mut state, mut blobs, mut total) = (None, Vec::new(), 0u64);
        for i in 0..zip.len() {
            let e = zip.by_index_data(i).map_err(|e| unreadable(file, e))?;
            let name = std::str::from_utf8(e.name_raw()).map_err(|_| {
                fault(
                    file,
                    format!("entry {} has a name that is not UTF-8", i + 1),
                )
            })?;
            let kind =
                entry(name).map_err(|why| fault(file, format!("entry '{name}' has {why}")))?;
            if e.encrypted() {
                return Err(fault(file, format!("entry '{name}' uses zip encryption")));
            }
            if !matches!(
                e.compression(),
                CompressionMethod::Stored | CompressionMethod::Deflated
            ) {
                return Err(fault(
                    file,
                    format!("entry '{name}' uses {} compression", e.compression()),
                ));
            }
            let (size, packed) = (e.size(), e.compressed_size());
            if size > MAX_ZIP_ENTRY_BYTES {
                let what = format!("entry '{name}' ({})", mib(size));
                return Err(too_large(file, what, mib(MAX_ZIP_ENTRY_BYTES)));
            }
            if size > RATIO_FLOOR && size / packed.max(1) > MAX_ZIP_RATIO {
                return Err(Error::TooLarge {
                    file: file.to_string(),
                    what: format!("entry '{name}' inflating {} times", size / packed.max(1)),
                    limit: format!("{MAX_ZIP_RATIO} times"),
                });
            }
            total += size;
            if total > MAX_ZIP_TOTAL_BYTES {
                return Err(too_large(
                    file,
                    "its entries together".into(),
                    mib(MAX_ZIP_TOTAL_BYTES),
                ));
            }
            match kind {
                Entry::State => state = Some(i),
                Entry::Blob(hash) => blobs.push((hash, i)),
                Entry::Folder => {}
            }
        }
        let state = state.ok_or_else(|| fault(file, "it holds no dossier.json"))?;
        Ok(Listing { state, blobs })
    }
}

fn mib(bytes: u64) -> String {
    format!("{} MiB", bytes.div_ceil(1 << 20))
}

fn too_large(file: &str, what: String, limit: impl std::fmt::Display) -> Error {
    Error::TooLarge {
        file: file.to_string(),
        what,
        limit: limit.to_string(),
    }
}

/// A zip the zip crate cannot read, or a fault from the encrypted layer under it.
pub(super) fn unreadable(file: &str, e: zip::result::ZipError) -> Error {
    match e {
        zip::result::ZipError::Io(e) => super::from_io(file, e),
        e => fault(file, format!("it is not a readable zip ({e})")),
    }
}

/// Reads one entry (or a blob being written), refusing more than `limit` bytes, fewer than
/// `limit` when `exact`, and content whose SHA-256 is not `expected`. The first failure is
/// kept as an `Error` (the reader only gives an `io::Error`, which a callback may replace with
/// its own), and the reader gives no end of file until the content is proven.
pub(super) struct Checked<'a, R> {
    inner: R,
    what: &'a str,
    file: &'a str,
    limit: u64,
    exact: bool,
    count: u64,
    hasher: Sha256,
    expected: Option<&'a str>,
    pub(super) failure: Option<Error>,
}

impl<'a, R: Read> Checked<'a, R> {
    pub(super) fn new(file: &'a str, what: &'a str, inner: R, limit: u64, exact: bool) -> Self {
        Checked {
            inner,
            what,
            file,
            limit,
            exact,
            count: 0,
            hasher: Sha256::new(),
            expected: None,
            failure: None,
        }
    }

    pub(super) fn hashed(mut self, expected: &'a str) -> Self {
        self.expected = Some(expected);
        self
    }

    fn fail(&mut self, e: Error) -> io::Error {
        let message = e.to_string();
        self.failure.get_or_insert(e);
        io::Error::new(io::ErrorKind::InvalidData, message)
    }

    /// Reads what the consumer left, so the size and hash are checked whatever it read.
    pub(super) fn finish(mut self) -> Result<u64> {
        let drained = io::copy(&mut self, &mut io::sink());
        match (self.failure.take(), drained) {
            (Some(e), _) => Err(e),
            (None, Err(e)) => Err(super::from_io(self.file, e)),
            (None, Ok(_)) => Ok(self.count),
        }
    }
}

impl<R: Read> Read for Checked<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if let Some(e) = &self.failure {
            return Err(io::Error::new(io::ErrorKind::InvalidData, e.to_string()));
        }
        // One byte past the limit is asked for, so that a lying size is seen, not trusted.
        let room = (self.limit - self.count.min(self.limit) + 1).min(buf.len() as u64) as usize;
        let n = match self.inner.read(&mut buf[..room]) {
            Ok(n) => n,
            Err(e) => {
                // A failed CRC or inflate is the zip's content changed, not the disk failing.
                let e = match super::from_io(self.file, e) {
                    Error::Io { source, .. } if source.kind() == io::ErrorKind::InvalidData => {
                        fault(self.file, format!("{} is damaged ({source})", self.what))
                    }
                    e => e,
                };
                return Err(self.fail(e));
            }
        };
        self.count += n as u64;
        if self.count > self.limit {
            let e = if self.exact {
                fault(
                    self.file,
                    format!("{} inflates past its declared size", self.what),
                )
            } else {
                too_large(self.file, self.what.to_string(), mib(self.limit))
            };
            return Err(self.fail(e));
        }
        self.hasher.update(&buf[..n]);
        if n == 0 && !buf.is_empty() {
            if self.exact && self.count != self.limit {
                let e = fault(
                    self.file,
                    format!("{} is shorter than its declared size", self.what),
                );
                return Err(self.fail(e));
            }
            if let Some(expected) = self.expected {
                let got = format!("{:x}", std::mem::take(&mut self.hasher).finalize());
                if got != expected {
                    let e = fault(
                        self.file,
                        format!(
                            "{}'s content does not match its SHA-256 (it is {got})",
                            self.what
                        ),
                    );
                    return Err(self.fail(e));
                }
                self.expected = None;
            }
        }
        Ok(n)
    }
}

/// Writes `dossier.json` (deflated) and each blob as `evidence/<sha256>` (stored: scans and
/// PDFs are compressed already), each blob checked against its name as it is copied.
pub(super) fn fill<W, I, R>(zip: &mut ZipWriter<W>, state: &[u8], blobs: I) -> Result<()>
where
    W: Write + Seek,
    I: IntoIterator<Item = Blob<R>>,
    R: Read,
{
    let file = super::WRITTEN;
    let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    let zip_err = |e| unreadable(file, e);
    zip.start_file(STATE, deflated).map_err(zip_err)?;
    zip.write_all(state).map_err(|e| super::io(file, e))?;
    let (mut seen, mut total) = (std::collections::HashSet::new(), state.len() as u64);
    for (hash, reader) in blobs {
        if !is_sha256(&hash) {
            return Err(fault(
                file,
                format!("evidence '{hash}' is not named by its SHA-256"),
            ));
        }
        if !seen.insert(hash.clone()) {
            continue;
        }
        if seen.len() >= MAX_ZIP_ENTRIES {
            return Err(too_large(
                file,
                "the evidence files".into(),
                MAX_ZIP_ENTRIES - 1,
            ));
        }
        let what = format!("evidence {hash}");
        zip.start_file(format!("{EVIDENCE}{hash}"), stored)
            .map_err(zip_err)?;
        let mut checked =
            Checked::new(file, &what, reader, MAX_ZIP_ENTRY_BYTES, false).hashed(&hash);
        let copied = io::copy(&mut checked, zip);
        if let Some(e) = checked.failure.take() {
            return Err(e);
        }
        total += copied.map_err(|e| super::io(file, e))?;
        if total > MAX_ZIP_TOTAL_BYTES {
            return Err(too_large(
                file,
                "the archive's contents".into(),
                mib(MAX_ZIP_TOTAL_BYTES),
            ));
        }
    }
    Ok(())
}
