//! The members of a LinkedIn export zip, taken with the bounds of `bounds`: the entry count,
//! every entry's declared size and ratio and path, and the inflated size of the members read,
//! which is read through `Read::take` so a header that lies about the size cannot make Dossier
//! inflate more than it declared.

use crate::bounds::{
    MAX_FILE_BYTES, MAX_ZIP_ENTRIES, MAX_ZIP_ENTRY_BYTES, MAX_ZIP_RATIO, MAX_ZIP_TOTAL_BYTES,
};
use crate::error::{Error, Result};
use crate::record::InputFile;
use std::io::{Cursor, Read};
use zip::ZipArchive;

/// Below this an entry's ratio cannot hurt: a small file of repeated text compresses far
/// better than MAX_ZIP_RATIO, a bomb is large by definition.
const RATIO_FLOOR: u64 = 1024 * 1024;

/// A member read from the zip: its path inside the archive and its bytes.
pub(super) struct Member {
    pub path: String,
    pub bytes: Vec<u8>,
}

fn open(file: &InputFile) -> Result<ZipArchive<Cursor<&[u8]>>> {
    let zip = ZipArchive::new(Cursor::new(&file.bytes[..])).map_err(|e| {
        Error::invalid(
            &file.name,
            "the zip's directory",
            format!("not a readable zip (truncated or damaged): {e}"),
        )
    })?;
    if zip.len() > MAX_ZIP_ENTRIES {
        return Err(Error::TooLarge {
            file: file.name.clone(),
            what: format!("the number of zip entries ({})", zip.len()),
            limit: format!("{MAX_ZIP_ENTRIES} entries"),
        });
    }
    Ok(zip)
}

/// The names of the zip's entries, for recognising an export without inflating anything.
pub(super) fn names(file: &InputFile) -> Result<Vec<String>> {
    let zip = open(file)?;
    Ok(zip
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.into_owned()))
        .collect())
}

/// The members whose path `wanted` accepts, inflated. Every entry is checked first (path,
/// declared size, ratio, the total), so a hostile zip is refused whole, even when its hostile
/// entry is one Dossier would not have read.
pub(super) fn members(file: &InputFile, wanted: impl Fn(&str) -> bool) -> Result<Vec<Member>> {
    let mut zip = open(file)?;
    let mut total: u64 = 0;
    let mut picked = Vec::new();
    for i in 0..zip.len() {
        let entry = zip.by_index_data(i).map_err(|e| {
            Error::invalid(&file.name, format!("zip entry {}", i + 1), e.to_string())
        })?;
        let name = entry.name().map_err(|e| {
            Error::invalid(&file.name, format!("zip entry {}", i + 1), e.to_string())
        })?;
        check_path(file, &name, entry.enclosed_name().is_some())?;
        let take = !entry.is_dir() && wanted(&name);
        let size = entry.size();
        let limit = if take {
            MAX_FILE_BYTES
        } else {
            MAX_ZIP_ENTRY_BYTES
        };
        if size > limit {
            return Err(too_large(
                file,
                &name,
                format!("{size} bytes inflated"),
                limit,
            ));
        }
        if size > RATIO_FLOOR && size / entry.compressed_size().max(1) > MAX_ZIP_RATIO {
            return Err(Error::TooLarge {
                file: file.name.clone(),
                what: format!(
                    "zip entry '{name}' (inflates {}x, {size} bytes from {})",
                    size / entry.compressed_size().max(1),
                    entry.compressed_size()
                ),
                limit: format!("a ratio of {MAX_ZIP_RATIO}x"),
            });
        }
        total = total.saturating_add(size);
        if total > MAX_ZIP_TOTAL_BYTES {
            return Err(Error::TooLarge {
                file: file.name.clone(),
                what: "the zip's entries inflated together".into(),
                limit: format!("{MAX_ZIP_TOTAL_BYTES} bytes"),
            });
        }
        if take {
            picked.push((i, name.into_owned(), size));
        }
    }
    picked
        .into_iter()
        .map(|(i, path, size)| {
            let unreadable = |e: &dyn std::fmt::Display| {
                Error::invalid(
                    &file.name,
                    format!("zip entry '{path}'"),
                    format!("cannot be inflated: {e}"),
                )
            };
            let entry = zip.by_index(i).map_err(|e| unreadable(&e))?;
            // Never more than the declared size (already bounded) and one byte to tell a lie.
            let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
            entry
                .take(size.saturating_add(1))
                .read_to_end(&mut bytes)
                .map_err(|e| unreadable(&e))?;
            if bytes.len() as u64 > size {
                return Err(too_large(
                    file,
                    &path,
                    format!("more than the {size} bytes its header declares"),
                    size,
                ));
            }
            Ok(Member { path, bytes })
        })
        .collect()
}

fn too_large(file: &InputFile, name: &str, what: String, limit: u64) -> Error {
    Error::TooLarge {
        file: file.name.clone(),
        what: format!("zip entry '{name}' ({what})"),
        limit: format!("{limit} bytes"),
    }
}

/// Refuses an absolute path or one with a `..` step: Dossier extracts nothing to disk, but
/// such a name is only ever in a zip made to attack the program that opens it.
fn check_path(file: &InputFile, name: &str, enclosed: bool) -> Result<()> {
    let parts: Vec<&str> = name.split(['/', '\\']).collect();
    let absolute = name.starts_with(['/', '\\']) || parts.first().is_some_and(|p| p.contains(':'));
    if absolute || !enclosed || parts.contains(&"..") {
        return Err(Error::invalid(
            &file.name,
            format!("zip entry '{name}'"),
            "its path is absolute or climbs out of the archive with '..'; Dossier refuses such \
             a zip, though it would read only Certifications.csv, Education.csv and \
             Courses.csv from it",
        ));
    }
    Ok(())
}
