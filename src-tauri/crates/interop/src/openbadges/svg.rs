//! Baked SVG badges: an `assertion` element in the `http://openbadges.org` namespace (OB 2.0:
//! JSON in CDATA, or only a `verify` attribute holding the assertion's URL or its JWS) or a
//! `credential` element in `https://purl.imsglobal.org/ob/v3p0` (OB 3.0: JSON-LD or a compact
//! JWT). roxmltree parses the XML with DTDs refused, so no entity is ever expanded (a billion
//! laughs) or fetched (an external entity). The SVG is only read, never shown.

use super::payload;
use crate::error::{Error, Result};
use crate::record::{Found, InputFile};
use roxmltree::{Document, Node, ParsingOptions};

const OB2_NS: &str = "http://openbadges.org";
const OB3_NS: &str = "https://purl.imsglobal.org/ob/v3p0";
/// Far more elements than any badge drawing has; a bound on what a hostile file makes us hold.
const MAX_NODES: u32 = 1_000_000;

/// The records of a baked SVG (any XML detection sends here).
pub(super) fn read(file: &InputFile, text: &[u8]) -> Result<Vec<Found>> {
    let text = std::str::from_utf8(text).map_err(|e| {
        Error::invalid(
            &file.name,
            format!("byte {}", e.valid_up_to()),
            "the SVG is not UTF-8 text",
        )
    })?;
    let options = ParsingOptions {
        allow_dtd: false,
        nodes_limit: MAX_NODES,
        ..ParsingOptions::default()
    };
    let doc = Document::parse_with_options(text, options).map_err(|e| xml_error(file, &e))?;
    let Some(node) = doc.descendants().find(is_badge) else {
        return Err(Error::Unrecognised {
            file: file.name.clone(),
            hint: "XML with no badge baked in (no openbadges:assertion or openbadges:credential \
                   element)"
                .into(),
        });
    };
    let line = doc.text_pos_at(node.range().start).row;
    let carrier = format!(
        "element openbadges:{} (line {line} of the SVG)",
        node.tag_name().name()
    );
    let content: String = node.children().filter_map(|c| c.text()).collect();
    if !content.trim().is_empty() {
        return payload(file, content.as_bytes(), &carrier);
    }
    match node.attribute("verify") {
        // The URL of a hosted assertion, or (for a signed one) the JWS itself.
        Some(verify) => payload(file, verify.as_bytes(), &carrier),
        None => Err(Error::invalid(
            &file.name,
            carrier,
            "the element holds no assertion and has no verify attribute",
        )),
    }
}

fn is_badge(n: &Node) -> bool {
    let name = n.tag_name();
    match name.namespace() {
        Some(OB2_NS) => name.name() == "assertion",
        Some(OB3_NS) => name.name() == "credential",
        _ => false,
    }
}

fn xml_error(file: &InputFile, e: &roxmltree::Error) -> Error {
    if let roxmltree::Error::NodesLimitReached = e {
        return Error::TooLarge {
            file: file.name.clone(),
            what: "the SVG's XML nodes".into(),
            limit: format!("{MAX_NODES} nodes"),
        };
    }
    let pos = e.pos();
    let at = format!("line {}, column {}", pos.row, pos.col);
    let message = match e {
        roxmltree::Error::DtdDetected => "the SVG declares a DTD (<!DOCTYPE …>); Dossier refuses \
             DTDs so that no entity is expanded or fetched. Save the SVG without its DOCTYPE \
             line to import it"
            .to_string(),
        e => format!("not well-formed XML, so not a readable SVG badge: {e}"),
    };
    Error::invalid(&file.name, at, message)
}
