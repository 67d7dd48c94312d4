//! An encrypted archive damaged: a flipped byte anywhere, a cut, swapped or foreign segments.

use super::{archive_error, blobs, read, sha, write, HEADER_LEN, SEALED_SEGMENT};
use dossier_interop::archive::read_archive;
use dossier_interop::archive::MAGIC;
use dossier_interop::{Error, InputFile};

#[test]
fn a_flipped_byte_anywhere_is_refused() {
    let blobs = vec![(sha(&[42u8; 900]), vec![42u8; 900])];
    let bytes = write(&blobs, Some("pass"));
    assert!(
        bytes.len() > HEADER_LEN + SEALED_SEGMENT,
        "the archive spans two segments"
    );
    for i in 0..bytes.len() {
        let mut bad = bytes.clone();
        bad[i] ^= 0x80;
        let file = InputFile::new("flipped", bad);
        match read_archive(&file, Some("pass")) {
            Err(Error::Archive { .. }) => {}
            other => panic!(
                "byte {i} of {} flipped: expected refusal, got {other:?}",
                bytes.len()
            ),
        }
    }
}

#[test]
fn a_cut_short_archive_is_refused() {
    let bytes = write(&blobs(), Some("pass"));
    let cuts = [
        0,
        5,
        MAGIC.len(),
        HEADER_LEN - 1,
        HEADER_LEN,
        HEADER_LEN + 15,
        HEADER_LEN + SEALED_SEGMENT,
        HEADER_LEN + 2 * SEALED_SEGMENT,
        bytes.len() - 16,
        bytes.len() - 1,
    ];
    for cut in cuts {
        let message = archive_error(read(&bytes[..cut], Some("pass")), &format!("cut at {cut}"));
        assert!(!message.is_empty(), "cut at {cut} says why");
    }
    let plain = write(&blobs(), None);
    for cut in [plain.len() / 2, plain.len() - 1] {
        archive_error(
            read(&plain[..cut], None),
            &format!("plain archive cut at {cut}"),
        );
    }
}

#[test]
fn swapped_repeated_or_transplanted_segments_are_refused() {
    let bytes = write(&blobs(), Some("pass"));
    let segment = |b: &[u8], i: usize| {
        b[HEADER_LEN + i * SEALED_SEGMENT..HEADER_LEN + (i + 1) * SEALED_SEGMENT].to_vec()
    };
    assert!(
        bytes.len() > HEADER_LEN + 3 * SEALED_SEGMENT,
        "at least three full segments"
    );
    let put = |b: &mut Vec<u8>, i: usize, seg: &[u8]| {
        b[HEADER_LEN + i * SEALED_SEGMENT..HEADER_LEN + (i + 1) * SEALED_SEGMENT]
            .copy_from_slice(seg);
    };
    let mut swapped = bytes.clone();
    put(&mut swapped, 1, &segment(&bytes, 2));
    put(&mut swapped, 2, &segment(&bytes, 1));
    let message = archive_error(read(&swapped, Some("pass")), "segments 2 and 3 swapped");
    assert!(
        message.contains("changed") && message.contains("passphrase is right"),
        "a later segment failing says the file changed: {message}"
    );
    let mut repeated = bytes.clone();
    put(&mut repeated, 1, &segment(&bytes, 0));
    archive_error(read(&repeated, Some("pass")), "segment 1 repeated");
    let mut dropped = bytes[..HEADER_LEN + SEALED_SEGMENT].to_vec();
    dropped.extend_from_slice(&bytes[HEADER_LEN + 2 * SEALED_SEGMENT..]);
    archive_error(read(&dropped, Some("pass")), "segment 2 dropped");
    let other = write(&blobs(), Some("pass"));
    let mut transplanted = bytes.clone();
    put(&mut transplanted, 1, &segment(&other, 1));
    archive_error(
        read(&transplanted, Some("pass")),
        "a segment of another archive",
    );
}
