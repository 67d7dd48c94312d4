//! The encrypted envelope around an archive's zip: a header naming how the key was made, then
//! the zip in AES-256-GCM segments with the STREAM construction (a 7-byte nonce prefix, a
//! 32-bit segment counter and a last-segment flag in each nonce). A changed byte fails its
//! segment's tag, a swapped or repeated segment fails because its counter is in the nonce,
//! and a file cut at a segment boundary fails because its new last segment was not sealed as
//! the last. The header is every segment's associated data, so it cannot be changed either.
//!
//! Layout (integers little-endian): `MAGIC` (16 bytes), format version (1), KDF id (1 =
//! Argon2id v1.3), memory in KiB (u32), iterations (u32), parallelism (u32), salt (16),
//! plaintext bytes per segment (u32), nonce prefix (7), then the segments, each its
//! ciphertext and a 16-byte tag.

use super::{fault, CHANGED, WRONG_PASSPHRASE};
use crate::error::{Error, Result};
use aes_gcm::aead::generic_array::GenericArray;
use aes_gcm::aead::stream::{NewStream, StreamBE32, StreamPrimitive};
use aes_gcm::aead::{KeyInit, Payload};
use aes_gcm::Aes256Gcm;
use std::io::{self, Read, Seek, SeekFrom, Write};
use zeroize::Zeroizing;

const VERSION: u8 = 1;
const KDF_ARGON2ID: u8 = 1;
const SALT_LEN: usize = 16;
const PREFIX_LEN: usize = 7;
const TAG_LEN: u64 = 16;
pub(super) const HEADER_LEN: usize = super::MAGIC.len() + 2 + 12 + SALT_LEN + 4 + PREFIX_LEN;

/// Bounds on what a header may ask for, so a hostile file cannot make the reader allocate
/// gigabytes for the key or for one segment. Far above the defaults, leaving room to raise them.
const MAX_MEMORY_KIB: u32 = 1024 * 1024;
const MAX_ITERATIONS: u32 = 64;
const MAX_PARALLELISM: u32 = 16;
const SEGMENT_BOUNDS: std::ops::RangeInclusive<u32> = 1024..=(16 << 20);

/// How an encrypted archive is sealed: the Argon2id cost and the segment size. Written into
/// the header, so an archive is always read with the settings it was made with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SealParams {
    /// Argon2id memory, in KiB.
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
    /// Plaintext bytes per AES-GCM segment.
    pub segment_bytes: u32,
}

impl SealParams {
    /// OWASP's Argon2id recommendation with headroom (64 MiB, 3 passes, 1 lane): about a
    /// second on a laptop, which a person restoring a backup does not notice and a guesser does.
    pub const DEFAULT: SealParams = SealParams {
        memory_kib: 64 * 1024,
        iterations: 3,
        parallelism: 1,
        segment_bytes: 64 * 1024,
    };

    fn check(&self, file: &str) -> Result<()> {
        let ok = self.memory_kib <= MAX_MEMORY_KIB
            && (1..=MAX_ITERATIONS).contains(&self.iterations)
            && (1..=MAX_PARALLELISM).contains(&self.parallelism)
            && SEGMENT_BOUNDS.contains(&self.segment_bytes);
        if ok {
            return Ok(());
        }
        Err(fault(
            file,
            format!(
                "its key settings are out of range (memory {} KiB, {} passes, {} lanes, \
                 segments of {} bytes): {CHANGED}",
                self.memory_kib, self.iterations, self.parallelism, self.segment_bytes
            ),
        ))
    }
}

impl Default for SealParams {
    fn default() -> Self {
        Self::DEFAULT
    }
}

type Stream = StreamBE32<Aes256Gcm>;

/// The header's bytes and what they say.
struct Header {
    bytes: [u8; HEADER_LEN],
    params: SealParams,
}

impl Header {
    fn new(params: SealParams) -> Result<Header> {
        let mut salt = [0u8; SALT_LEN];
        let mut prefix = [0u8; PREFIX_LEN];
        random(&mut salt)?;
        random(&mut prefix)?;
        let mut bytes = [0u8; HEADER_LEN];
        let fields: [&[u8]; 8] = [
            super::MAGIC,
            &[VERSION, KDF_ARGON2ID],
            &params.memory_kib.to_le_bytes(),
            &params.iterations.to_le_bytes(),
            &params.parallelism.to_le_bytes(),
            &salt,
            &params.segment_bytes.to_le_bytes(),
            &prefix,
        ];
        let mut at = 0;
        for f in fields {
            bytes[at..at + f.len()].copy_from_slice(f);
            at += f.len();
        }
        Ok(Header { bytes, params })
    }

    fn parse(file: &str, bytes: [u8; HEADER_LEN]) -> Result<Header> {
        let m = super::MAGIC.len();
        if &bytes[..m] != super::MAGIC {
            return Err(fault(file, "it is not an encrypted Dossier archive"));
        }
        if bytes[m] != VERSION || bytes[m + 1] != KDF_ARGON2ID {
            return Err(fault(
                file,
                format!(
                    "it is an encrypted archive of format {} (key {}), which this Dossier does \
                     not read: a newer Dossier made it, or {CHANGED}",
                    bytes[m],
                    bytes[m + 1]
                ),
            ));
        }
        let u32_at = |at: usize| {
            u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
        };
        let params = SealParams {
            memory_kib: u32_at(m + 2),
            iterations: u32_at(m + 6),
            parallelism: u32_at(m + 10),
            segment_bytes: u32_at(m + 14 + SALT_LEN),
        };
        params.check(file)?;
        Ok(Header { bytes, params })
    }

    fn salt(&self) -> &[u8] {
        let at = super::MAGIC.len() + 14;
        &self.bytes[at..at + SALT_LEN]
    }

    fn prefix(&self) -> &[u8] {
        &self.bytes[HEADER_LEN - PREFIX_LEN..]
    }

    /// The segment cipher for `passphrase` under this header's settings.
    fn stream(&self, file: &str, passphrase: &str) -> Result<Stream> {
        let p = self.params;
        let params = argon2::Params::new(p.memory_kib, p.iterations, p.parallelism, Some(32))
            .map_err(|e| {
                fault(
                    file,
                    format!("its key settings are unusable ({e}): {CHANGED}"),
                )
            })?;
        let kdf = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
        let mut key = Zeroizing::new([0u8; 32]);
        kdf.hash_password_into(passphrase.as_bytes(), self.salt(), key.as_mut())
            .map_err(|e| fault(file, format!("the key could not be made: {e}")))?;
        let aead = Aes256Gcm::new(GenericArray::from_slice(key.as_ref()));
        Ok(Stream::from_aead(
            aead,
            GenericArray::from_slice(self.prefix()),
        ))
    }
}

fn random(buf: &mut [u8]) -> Result<()> {
    getrandom::fill(buf).map_err(|e| Error::Archive {
        file: super::WRITTEN.into(),
        message: format!("the system gave no random bytes for the key ({e})"),
    })
}

/// Encrypts what is written to it into `out`, one segment at a time.
pub(super) struct Sealer<W: Write> {
    out: W,
    stream: Stream,
    header: Header,
    buffer: Vec<u8>,
    counter: u32,
}

impl<W: Write> Sealer<W> {
    /// Writes the header and makes the key; `passphrase` must not be empty.
    pub(super) fn new(mut out: W, passphrase: &str, params: SealParams) -> Result<Sealer<W>> {
        let file = super::WRITTEN;
        if passphrase.is_empty() {
            return Err(fault(
                file,
                "an empty passphrase protects nothing; give one or none",
            ));
        }
        params.check(file)?;
        let header = Header::new(params)?;
        let stream = header.stream(file, passphrase)?;
        out.write_all(&header.bytes)
            .map_err(|e| super::io(file, e))?;
        Ok(Sealer {
            out,
            stream,
            buffer: Vec::with_capacity(params.segment_bytes as usize),
            header,
            counter: 0,
        })
    }

    fn seal(&mut self, last: bool) -> io::Result<()> {
        let payload = Payload {
            msg: &self.buffer,
            aad: &self.header.bytes,
        };
        let sealed = self
            .stream
            .encrypt(self.counter, last, payload)
            .map_err(|_| io::Error::other("a segment could not be encrypted"))?;
        self.out.write_all(&sealed)?;
        self.buffer.clear();
        self.counter = self
            .counter
            .checked_add(1)
            .ok_or_else(|| io::Error::other("the archive has more segments than STREAM counts"))?;
        Ok(())
    }

    /// Seals what is left as the last segment (empty if the data ended on a boundary).
    pub(super) fn finish(mut self) -> io::Result<W> {
        self.seal(true)?;
        self.out.flush()?;
        Ok(self.out)
    }
}

impl<W: Write> Write for Sealer<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let segment = self.header.params.segment_bytes as usize;
        // A full buffer is sealed only when more data comes, so that the last segment is
        // known to be the last when it is sealed.
        if self.buffer.len() == segment && !buf.is_empty() {
            self.seal(false)?;
        }
        let n = buf.len().min(segment - self.buffer.len());
        self.buffer.extend_from_slice(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// An encrypted archive's plaintext, read and sought at will: each segment is decrypted and
/// checked when it is first needed, one segment in memory at a time.
pub(super) struct Opened<R> {
    src: R,
    stream: Stream,
    header: [u8; HEADER_LEN],
    segment: u64,
    segments: u64,
    body: u64,
    len: u64,
    pos: u64,
    cached: Option<(u64, Vec<u8>)>,
}

impl<R: Read + Seek> Opened<R> {
    /// Reads the header, makes the key and checks every segment, so that a wrong passphrase
    /// or any changed byte is refused here, before anything is read from the archive.
    pub(super) fn open(file: &str, mut src: R, passphrase: &str) -> Result<Opened<R>> {
        let total = src.seek(SeekFrom::End(0)).map_err(|e| super::io(file, e))?;
        src.seek(SeekFrom::Start(0))
            .map_err(|e| super::io(file, e))?;
        let mut bytes = [0u8; HEADER_LEN];
        if total < HEADER_LEN as u64 {
            return Err(fault(file, "it is cut short: its header is incomplete"));
        }
        src.read_exact(&mut bytes).map_err(|e| super::io(file, e))?;
        let header = Header::parse(file, bytes)?;
        let body = total - HEADER_LEN as u64;
        let segment = u64::from(header.params.segment_bytes);
        let sealed = segment + TAG_LEN;
        let segments = body.div_ceil(sealed);
        if body < TAG_LEN || body - (segments - 1) * sealed < TAG_LEN {
            return Err(fault(file, format!("it is cut short, or {CHANGED}")));
        }
        if segments - 1 > u64::from(u32::MAX) {
            return Err(fault(
                file,
                format!("it has more segments than it can: {CHANGED}"),
            ));
        }
        let stream = header.stream(file, passphrase)?;
        let mut opened = Opened {
            src,
            stream,
            header: header.bytes,
            segment,
            segments,
            body,
            len: body - segments * TAG_LEN,
            pos: 0,
            cached: None,
        };
        for index in 0..segments {
            opened.load(index).map_err(|e| super::from_io(file, e))?;
        }
        Ok(opened)
    }

    fn load(&mut self, index: u64) -> io::Result<()> {
        if self.cached.as_ref().is_some_and(|(i, _)| *i == index) {
            return Ok(());
        }
        let sealed = self.segment + TAG_LEN;
        let start = index * sealed;
        let len = sealed.min(self.body - start) as usize;
        let mut buf = vec![0u8; len];
        self.src.seek(SeekFrom::Start(HEADER_LEN as u64 + start))?;
        self.src.read_exact(&mut buf)?;
        let last = index + 1 == self.segments;
        let payload = Payload {
            msg: &buf,
            aad: &self.header,
        };
        // Segment 0 is checked first: if it passes, the passphrase is right, and any later
        // failure can only be a change to the file.
        let plain = self
            .stream
            .decrypt(index as u32, last, payload)
            .map_err(|_| {
                if index == 0 {
                    super::io_fault(WRONG_PASSPHRASE.to_string())
                } else {
                    super::io_fault(format!(
                        "segment {} of {} fails its check: the archive was changed or cut short \
                     after it was written (the passphrase is right)",
                        index + 1,
                        self.segments
                    ))
                }
            })?;
        self.cached = Some((index, plain));
        Ok(())
    }
}

impl<R: Read + Seek> Read for Opened<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.pos >= self.len || buf.is_empty() {
            return Ok(0);
        }
        let index = self.pos / self.segment;
        self.load(index)?;
        let Some((_, plain)) = &self.cached else {
            return Ok(0);
        };
        let from = (self.pos - index * self.segment) as usize;
        let n = buf.len().min(plain.len() - from);
        buf[..n].copy_from_slice(&plain[from..from + n]);
        self.pos += n as u64;
        Ok(n)
    }
}

impl<R: Read + Seek> Seek for Opened<R> {
    fn seek(&mut self, pos: SeekFrom) -> io::Result<u64> {
        let target = match pos {
            SeekFrom::Start(p) => Some(p),
            SeekFrom::End(d) => self.len.checked_add_signed(d),
            SeekFrom::Current(d) => self.pos.checked_add_signed(d),
        };
        let target = target
            .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "seek before the start"))?;
        self.pos = target;
        Ok(target)
    }
}
