//! Dossier's own backup archive: a zip holding `dossier.json` (the whole state, made and read
//! elsewhere; here it is bytes) and every evidence file as `evidence/<sha256>`. With a
//! passphrase the whole zip is sealed (`seal`): Argon2id makes the key, AES-256-GCM in STREAM
//! segments encrypts it, so a wrong passphrase, a changed byte, a cut-short file and swapped
//! segments are all refused.
//!
//! Evidence can be large (each file up to `bounds::MAX_ZIP_ENTRY_BYTES`), so nothing here
//! holds an archive in memory: writing streams the blobs through, and reading
//! (`ArchiveReader`) takes a seekable source (the archive file itself, which may be far over
//! the 20 MiB import bound: that bound is for single records, the zip bounds apply here) and
//! hands each blob to a callback as a reader, one at a time, decrypting one segment at a time.
//! `read_archive` is the in-memory shortcut for archives already held as bytes.

mod seal;
mod zipped;

pub use seal::SealParams;

use crate::error::{Error, Result};
use crate::record::{Format, InputFile};
use std::io::{self, Cursor, Read, Seek, SeekFrom, Write};
use zip::{ZipArchive, ZipWriter};

/// The first bytes of an encrypted archive.
pub const MAGIC: &[u8] = b"DOSSIER-ARCHIVE\0";

/// The message of the `Error::Archive` for an encrypted archive read without a passphrase
/// (see `needs_passphrase`), so a caller can ask for one.
pub const NEEDS_PASSPHRASE: &str = "the archive is encrypted and needs its passphrase";
/// AES-GCM cannot tell a wrong key from a changed file, so the message says both.
pub const WRONG_PASSPHRASE: &str = "the passphrase is wrong or the archive was changed";
const CHANGED: &str = "the archive was changed after it was written";
/// The name errors give while writing, where the caller's file has no name here.
const WRITTEN: &str = "the archive";

/// One evidence file to write: its SHA-256 (64 lowercase hex digits) and its content.
pub type Blob<R> = (String, R);

/// A whole archive read into memory by `read_archive`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArchiveContents {
    /// `dossier.json`, as written.
    pub state: Vec<u8>,
    /// Each evidence file as (SHA-256, content), checked against its name.
    pub blobs: Vec<(String, Vec<u8>)>,
}

/// Whether `bytes` (the file's first bytes are enough) are an encrypted archive.
pub fn is_encrypted(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

/// Whether `e` says an encrypted archive was read without its passphrase.
pub fn needs_passphrase(e: &Error) -> bool {
    matches!(e, Error::Archive { message, .. } if message == NEEDS_PASSPHRASE)
}

/// What a zip holds: a Dossier archive (`dossier.json` at its root) or a LinkedIn export
/// (`Certifications.csv`, `Education.csv` or `Courses.csv` in any folder, in any case).
pub fn zip_format(file: &InputFile) -> Result<Format> {
    zip_format_of(&file.name, Cursor::new(&file.bytes[..]))
}

/// `zip_format` of a zip read from `source` (the file itself, so that an archive over the
/// import bound, `bounds::MAX_FILE_BYTES`, is told without reading it into memory); only
/// the central directory is read.
pub fn zip_format_of<R: Read + Seek>(name: &str, source: R) -> Result<Format> {
    let zip = ZipArchive::new(source)
        .map_err(|e| Error::invalid(name, "zip", format!("not a readable zip ({e})")))?;
    if zip.len() > crate::bounds::MAX_ZIP_ENTRIES {
        return Err(Error::TooLarge {
            file: name.to_string(),
            what: format!("the zip's {} entries", zip.len()),
            limit: crate::bounds::MAX_ZIP_ENTRIES.to_string(),
        });
    }
    let names: Vec<String> = zip
        .file_names_raw()
        .map(|n| String::from_utf8_lossy(n).into_owned())
        .collect();
    if names.iter().any(|n| n == zipped::STATE) {
        return Ok(Format::Archive);
    }
    let linkedin = ["certifications.csv", "education.csv", "courses.csv"];
    let is_linkedin = names.iter().any(|n| {
        let leaf = n.rsplit(['/', '\\']).next().unwrap_or(n);
        linkedin.iter().any(|l| leaf.eq_ignore_ascii_case(l))
    });
    if is_linkedin {
        return Ok(Format::Linkedin);
    }
    let shown = match names.len() {
        0 => "nothing".to_string(),
        n if n <= 5 => names.join(", "),
        n => format!("{} and {} more", names[..5].join(", "), n - 5),
    };
    Err(Error::Unrecognised {
        file: name.to_string(),
        hint: format!(
            "a zip holding {shown}: neither a Dossier archive (dossier.json) nor a LinkedIn \
             export (Certifications.csv, Education.csv or Courses.csv)"
        ),
    })
}

/// Writes an archive of `state` and `blobs` to `out`, sealed with `passphrase` if given
/// (under `SealParams::DEFAULT`). Blobs are pulled from the iterator one at a time and
/// checked against their names as they are copied; a repeated hash is written once.
pub fn write_archive<W, I, R>(
    out: &mut W,
    state: &[u8],
    blobs: I,
    passphrase: Option<&str>,
) -> Result<()>
where
    W: Write + Seek,
    I: IntoIterator<Item = Blob<R>>,
    R: Read,
{
    write_archive_with(out, state, blobs, passphrase, SealParams::DEFAULT)
}

/// `write_archive` with the sealing settings given (tests use a cheap key; the settings are
/// in the header, so any archive reads whatever it was made with).
pub fn write_archive_with<W, I, R>(
    out: &mut W,
    state: &[u8],
    blobs: I,
    passphrase: Option<&str>,
    params: SealParams,
) -> Result<()>
where
    W: Write + Seek,
    I: IntoIterator<Item = Blob<R>>,
    R: Read,
{
    let zip_err = |e| zipped::unreadable(WRITTEN, e);
    match passphrase {
        None => {
            let mut zip = ZipWriter::new(out);
            zipped::fill(&mut zip, state, blobs)?;
            zip.finish().map_err(zip_err)?;
        }
        // Sealed segments cannot be rewritten, so the zip is written as a stream (sizes in
        // data descriptors after each entry), which the reader takes from the central directory.
        Some(passphrase) => {
            let mut zip = ZipWriter::new_stream(seal::Sealer::new(out, passphrase, params)?);
            zipped::fill(&mut zip, state, blobs)?;
            let sealer = zip.finish().map_err(zip_err)?.into_inner();
            sealer.finish().map_err(|e| io(WRITTEN, e))?;
        }
    }
    Ok(())
}

/// The plain zip of an archive, read from the file or decrypted as it is read.
enum Source<R> {
    Plain(R),
    Sealed(Box<seal::Opened<R>>),
}

impl<R: Read + Seek> Read for Source<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Source::Plain(r) => r.read(buf),
            Source::Sealed(r) => r.read(buf),
        }
    }
}

impl<R: Read + Seek> Seek for Source<R> {
    fn seek(&mut self, pos: SeekFrom) -> io::Result<u64> {
        match self {
            Source::Plain(r) => r.seek(pos),
            Source::Sealed(r) => r.seek(pos),
        }
    }
}

/// An archive opened for reading: its entries are listed and checked against the bounds,
/// and (when sealed) every segment is authenticated, before anything is read from it.
pub struct ArchiveReader<R: Read + Seek> {
    name: String,
    zip: ZipArchive<Source<R>>,
    listing: zipped::Listing,
    encrypted: bool,
}

impl<R: Read + Seek> ArchiveReader<R> {
    /// Opens the archive `name` (for messages) from `source`. An encrypted archive without a
    /// passphrase gives `NEEDS_PASSPHRASE`; a wrong one, or any changed byte, gives
    /// `WRONG_PASSPHRASE`; a plain archive ignores a passphrase.
    pub fn open(name: &str, mut source: R, passphrase: Option<&str>) -> Result<Self> {
        let mut head = [0u8; 16];
        let mut got = 0;
        while got < head.len() {
            match source.read(&mut head[got..]).map_err(|e| io(name, e))? {
                0 => break,
                n => got += n,
            }
        }
        source.seek(SeekFrom::Start(0)).map_err(|e| io(name, e))?;
        let encrypted = is_encrypted(&head[..got]);
        let source = if encrypted {
            let passphrase = passphrase.ok_or_else(|| fault_plain(name, NEEDS_PASSPHRASE))?;
            Source::Sealed(Box::new(seal::Opened::open(name, source, passphrase)?))
        } else if head[..got].starts_with(b"PK") {
            Source::Plain(source)
        } else if got < MAGIC.len() && MAGIC.starts_with(&head[..got]) {
            return Err(fault(name, "it is cut short: its header is incomplete"));
        } else {
            return Err(fault(
                name,
                "it is neither a zip nor an encrypted Dossier archive",
            ));
        };
        let zip = ZipArchive::new(source).map_err(|e| zipped::unreadable(name, e))?;
        let listing = zipped::Listing::of(name, &zip)?;
        Ok(ArchiveReader {
            name: name.to_string(),
            zip,
            listing,
            encrypted,
        })
    }

    pub fn encrypted(&self) -> bool {
        self.encrypted
    }

    /// The SHA-256 of every evidence file in the archive, in the archive's order.
    pub fn blob_names(&self) -> impl Iterator<Item = &str> {
        self.listing.blobs.iter().map(|(h, _)| h.as_str())
    }

    /// `dossier.json`, whole (bounded by `bounds::MAX_ZIP_ENTRY_BYTES`).
    pub fn state(&mut self) -> Result<Vec<u8>> {
        let index = self.listing.state;
        let name = self.name.as_str();
        let entry = self
            .zip
            .by_index(index)
            .map_err(|e| zipped::unreadable(name, e))?;
        let size = entry.size();
        let mut checked = zipped::Checked::new(name, zipped::STATE, entry, size, true);
        let mut state = Vec::new();
        let read = checked.read_to_end(&mut state);
        if let Some(e) = checked.failure.take() {
            return Err(e);
        }
        read.map_err(|e| from_io(name, e))?;
        Ok(state)
    }

    /// Hands each evidence file to `each` as (SHA-256, reader). The reader fails, rather than
    /// ending, if the content does not match its hash or declared size, so a consumer that
    /// copies to the end (`io::copy`) never sees a bad blob complete; a blob is checked to its
    /// end even when `each` reads less. The first failure ends the walk.
    pub fn each_blob(
        &mut self,
        mut each: impl FnMut(&str, &mut dyn Read) -> Result<()>,
    ) -> Result<()> {
        let name = self.name.as_str();
        for (hash, index) in &self.listing.blobs {
            let entry = self
                .zip
                .by_index(*index)
                .map_err(|e| zipped::unreadable(name, e))?;
            let size = entry.size();
            let what = format!("evidence {hash}");
            let mut checked = zipped::Checked::new(name, &what, entry, size, true).hashed(hash);
            let handed = each(hash, &mut checked);
            if let Some(e) = checked.failure.take() {
                return Err(e);
            }
            handed?;
            checked.finish()?;
        }
        Ok(())
    }
}

/// Reads a whole archive held in memory (a small one, or a test's). Larger archives go
/// through `ArchiveReader` from their file.
pub fn read_archive(file: &InputFile, passphrase: Option<&str>) -> Result<ArchiveContents> {
    let mut reader = ArchiveReader::open(&file.name, Cursor::new(&file.bytes[..]), passphrase)?;
    let state = reader.state()?;
    let mut blobs = Vec::new();
    reader.each_blob(|hash, r| {
        let mut bytes = Vec::new();
        r.read_to_end(&mut bytes).map_err(|e| io(&file.name, e))?;
        blobs.push((hash.to_string(), bytes));
        Ok(())
    })?;
    Ok(ArchiveContents { state, blobs })
}

/// `Error::Archive` saying what is wrong with the archive `file`.
fn fault(file: &str, why: impl std::fmt::Display) -> Error {
    Error::Archive {
        file: file.to_string(),
        message: format!("cannot be read: {why}"),
    }
}

/// `Error::Archive` with `message` as it is, for the messages a caller matches.
fn fault_plain(file: &str, message: &str) -> Error {
    Error::Archive {
        file: file.to_string(),
        message: message.to_string(),
    }
}

fn io(file: &str, source: io::Error) -> Error {
    Error::Io {
        file: file.to_string(),
        source,
    }
}

/// A fault found under the zip reader (a segment failing its check), carried through the
/// `io::Error`s the zip crate passes on so that it reaches the caller as `Error::Archive`.
#[derive(Debug)]
struct Fault(String);

impl std::fmt::Display for Fault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Fault {}

fn io_fault(message: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, Fault(message))
}

/// An `io::Error` as the crate's error: a `Fault` becomes `Error::Archive`.
fn from_io(file: &str, e: io::Error) -> Error {
    match e.get_ref().and_then(|inner| inner.downcast_ref::<Fault>()) {
        Some(Fault(message)) => fault_plain(file, message),
        None => io(file, e),
    }
}
