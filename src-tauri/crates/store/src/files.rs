//! Writing a file the person asked for (an export, a report) all or nothing: a temporary file
//! beside the target, fsynced, renamed over it, and the folder fsynced so the rename itself
//! survives a crash. The CLI and the app both write through this one routine.

use crate::error::{Error, Result};
use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` atomically, as an ordinary document (0644 on Unix).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let io = |source: std::io::Error| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(io)?;
    tmp.write_all(bytes).map_err(io)?;
    // A temporary file is private (0600); an exported file is an ordinary document.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))
            .map_err(io)?;
    }
    tmp.as_file().sync_all().map_err(io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    // The rename is durable only once the folder holding it is synced.
    if let Ok(d) = std::fs::File::open(dir) {
        d.sync_all().map_err(io)?;
    }
    Ok(())
}

/// Reads a text file the user chose (a framework), refusing one larger than `limit` bytes
/// before reading it: an untrusted file is bounded before it is parsed.
pub fn read_bounded(path: &Path, limit: u64) -> Result<String> {
    let bytes = read_bytes_bounded(path, limit)?;
    String::from_utf8(bytes).map_err(|e| Error::Io {
        path: path.to_path_buf(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidData, e.utf8_error()),
    })
}

/// `read_bounded` for a file of any content (an import: a badge image, a zip).
pub fn read_bytes_bounded(path: &Path, limit: u64) -> Result<Vec<u8>> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if !meta.is_file() {
        return Err(io(std::io::Error::other("not a regular file")));
    }
    let too_large = |size| Error::FileTooLarge {
        path: path.to_path_buf(),
        size,
        limit,
    };
    if meta.len() > limit {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // `take` holds the bound even if the file grows between the check and the read.
    std::io::Read::read_to_end(&mut std::io::Read::take(file, limit + 1), &mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}
