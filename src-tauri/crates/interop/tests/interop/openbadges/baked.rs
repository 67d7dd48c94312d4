//! Baked badges: PNG text chunks (iTXt, zTXt, tEXt, before and after the image data) and SVG
//! elements, the committed fixtures and PNGs written here with the png crate's encoder; and
//! hostile images: decompression bombs, a billion laughs, an external entity, cut-short files.

use super::{assert_credly, assert_error, assert_kept, assert_line, fixture, one, read, valid};
use dossier_interop::{Error, InputFile};
use std::time::{Duration, Instant};

/// A 1x1 PNG with the text chunks `add` writes before its image data.
fn png_with(add: impl FnOnce(&mut png::Writer<&mut Vec<u8>>)) -> InputFile {
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, 1, 1);
        enc.set_color(png::ColorType::Rgba);
        enc.set_depth(png::BitDepth::Eight);
        let mut w = enc.write_header().expect("header");
        add(&mut w);
        w.write_image_data(&[31, 111, 181, 255]).expect("pixels");
        w.finish().expect("end");
    }
    InputFile::new("made.png", out)
}

fn text_of(name: &str) -> String {
    String::from_utf8(fixture(name).bytes.to_vec()).expect("UTF-8 fixture")
}

#[test]
fn a_baked_ob2_png_reads_its_itxt_assertion() {
    let file = fixture("baked-ob2.png");
    let f = one(&file);
    assert_credly(&f);
    assert_eq!(f.location, "iTXt chunk 'openbadges'", "where in the file");
    assert_kept(&f, &file);
}

#[test]
fn a_baked_ob3_png_reads_a_chunk_after_the_image_data() {
    let f = one(&fixture("baked-ob3.png"));
    assert_eq!(
        f.draft.title, "データサイエンス基礎",
        "UTF-8 iTXt, unchanged"
    );
    assert_eq!(
        f.location, "iTXt chunk 'openbadgecredential'",
        "the OB 3.0 keyword"
    );
}

#[test]
fn a_backpack_png_with_only_a_url_is_one_hosted_record() {
    let file = fixture("baked-backpack-url.png");
    let f = one(&file);
    let url = "https://backpack.openbadges.org/share/assertions/71f3b6e0.json";
    assert_eq!(
        f.draft.title, "Badge hosted at backpack.openbadges.org",
        "a title that says what it is, so the image is imported rather than refused"
    );
    assert!(f.problems.is_empty(), "importable: {:?}", f.problems);
    assert_line(
        &f.notes,
        &["hosted at", "never goes online"],
        "said plainly",
    );
    assert_eq!(f.source.id.as_deref(), Some(url), "source id");
    assert_eq!(f.draft.url, url, "url");
    assert_kept(&f, &file);
}

#[test]
fn a_png_without_a_badge_is_a_picture_and_no_badge() {
    let file = png_with(|w| {
        let chunk = png::text_metadata::TEXtChunk::new("Software", "GIMP");
        w.write_text_chunk(&chunk).expect("chunk")
    });
    assert_eq!(
        dossier_interop::detect(&file).ok(),
        Some(dossier_interop::Format::Certificate),
        "a PNG with no badge chunk is a photo of a certificate"
    );
    match dossier_interop::openbadges::read(&file) {
        Err(e @ Error::Unrecognised { .. }) => {
            assert!(
                e.to_string().contains("no badge"),
                "read as a badge, it says so: {e}"
            )
        }
        other => panic!("read as a badge, it is none: {other:?}"),
    }
}

#[test]
fn ztxt_and_compressed_itxt_badges_read_and_keep_non_ascii() {
    let json = text_of("ob2-credly-assertion.json");
    // A baker writing UTF-8 bytes into Latin-1 zTXt, as real ones do.
    let latin1: String = json.bytes().map(char::from).collect();
    let z = png_with(|w| {
        let chunk = png::text_metadata::ZTXtChunk::new("openbadges", latin1);
        w.write_text_chunk(&chunk).expect("chunk")
    });
    assert_credly(&one(&z));
    let mut itxt = png::text_metadata::ITXtChunk::new("openbadges", json);
    itxt.compressed = true;
    let i = png_with(|w| w.write_text_chunk(&itxt).expect("chunk"));
    assert_credly(&one(&i));
}

#[test]
fn png_chunks_carrying_a_jws_or_jwt_read_their_payload() {
    let jws = text_of("ob2-signed.jws");
    let f = one(&png_with(|w| {
        let chunk = png::text_metadata::ITXtChunk::new("openbadges", jws.trim());
        w.write_text_chunk(&chunk).expect("chunk")
    }));
    assert_credly(&f);
    let jwt = text_of("ob3-vc-jose.jwt");
    let f = one(&png_with(|w| {
        let chunk = png::text_metadata::ITXtChunk::new("openbadgecredential", jwt.trim());
        w.write_text_chunk(&chunk).expect("chunk")
    }));
    assert_eq!(
        f.draft.title, "SQL for Analysts (201)",
        "OB 3.0 JWT in a PNG"
    );
    valid(&f);
}

#[test]
fn decompression_bombs_are_refused_fast() {
    for name in ["bomb-ztxt.png", "bomb-itxt.png"] {
        let started = Instant::now();
        assert_error(&fixture(name), "TooLarge", "inflated");
        let took = started.elapsed();
        assert!(took < Duration::from_secs(5), "{name} refused in {took:?}");
    }
}

#[test]
fn a_cut_short_png_is_an_error_at_every_length_not_a_panic() {
    let bytes = fixture("baked-ob2.png").bytes;
    // The iTXt chunk follows the signature (8 bytes) and IHDR (25).
    let itxt_len = u32::from_be_bytes([bytes[33], bytes[34], bytes[35], bytes[36]]);
    let itxt_end = 33 + 12 + itxt_len as usize;
    for len in 0..bytes.len() {
        let file = InputFile::new("cut.png", bytes[..len].to_vec());
        let result = read(&file);
        if len > 8 && len < itxt_end {
            assert!(
                matches!(result, Err(Error::Invalid { .. })),
                "cut at {len}: Invalid, not {:?}",
                result.map(|f| f.len())
            );
        }
    }
    let cut = InputFile::new("cut.png", bytes[..200].to_vec());
    assert_error(&cut, "Invalid", "the PNG is cut short");
}

#[test]
fn a_deep_json_in_a_png_is_refused() {
    let deep = "[".repeat(100_000) + &"]".repeat(100_000);
    let file = png_with(|w| {
        let chunk = png::text_metadata::ITXtChunk::new("openbadges", deep);
        w.write_text_chunk(&chunk).expect("chunk")
    });
    assert_error(&file, "TooLarge", "nesting");
}

#[test]
fn a_baked_ob2_svg_reads_its_cdata_assertion() {
    let file = fixture("baked-ob2.svg");
    let f = one(&file);
    assert_credly(&f);
    let at = "element openbadges:assertion (line 3";
    assert!(f.location.starts_with(at), "{}", f.location);
    assert_kept(&f, &file);
}

#[test]
fn an_svg_with_only_a_verify_url_is_a_hosted_record() {
    let f = one(&fixture("baked-ob2-verify-only.svg"));
    let url = "https://badges.example.org/assertions/5521.json";
    assert_eq!(f.source.id.as_deref(), Some(url), "the verify URL");
    assert_eq!(
        f.draft.title, "Badge hosted at badges.example.org",
        "a placeholder title"
    );
    assert_line(&f.notes, &["hosted at", url], "said plainly");
}

#[test]
fn an_svg_whose_verify_attribute_is_a_jws_reads_it() {
    let jws = text_of("ob2-signed.jws");
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"http://openbadges.org\">\
         <openbadges:assertion verify=\"{}\"/></svg>",
        jws.trim()
    );
    assert_credly(&one(&InputFile::new("signed.svg", svg.into_bytes())));
}

#[test]
fn a_baked_ob3_svg_reads_its_jwt() {
    let f = one(&fixture("baked-ob3.svg"));
    assert_eq!(
        f.draft.title, "SQL for Analysts (201)",
        "the JWT's credential"
    );
    let at = "element openbadges:credential";
    assert!(f.location.starts_with(at), "{}", f.location);
}

#[test]
fn invalid_json_in_an_svg_names_the_element_and_the_json_position() {
    let file = fixture("svg-invalid-json.svg");
    let text = assert_error(&file, "Invalid", "JSON line 7, column 3");
    assert!(
        text.contains("element openbadges:assertion"),
        "the element: {text}"
    );
}

#[test]
fn dtds_are_refused_so_no_entity_is_expanded_or_fetched() {
    for name in ["billion-laughs.svg", "external-entity.svg"] {
        let started = Instant::now();
        assert_error(&fixture(name), "Invalid", "DTD");
        assert!(started.elapsed() < Duration::from_secs(1), "{name} fast");
    }
}

#[test]
fn xml_without_a_badge_and_broken_xml_are_refused() {
    let plain = b"<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"4\"/></svg>";
    assert_error(
        &InputFile::new("drawing.svg", &plain[..]),
        "Unrecognised",
        "no badge",
    );
    for bytes in [
        &b"<svg><openbadges:assertion>"[..],
        b"<html><body><p>Not XML<br></body></html>",
        b"<svg>\xff\xfe</svg>",
    ] {
        assert_error(&InputFile::new("broken.svg", bytes.to_vec()), "Invalid", "");
    }
}
