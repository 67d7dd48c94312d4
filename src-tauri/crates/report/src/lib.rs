//! Dossier's portfolio PDF. The domain computes every figure; `data` selects and formats
//! them; typst typesets the shipped template (`template/portfolio.typ`) with the shipped
//! fonts, the data passed as JSON and the coverage chart as SVG. The result is PDF/A-2b and
//! tagged, with title, author and date set.

mod data;
mod world;

pub use data::{assemble, hours, ReportData};

use dossier_core::coverage::Coverage;
use dossier_core::dashboard::Dashboard;
use dossier_core::profile::{Profile, Sections, Snapshot};
use dossier_core::Credential;
use typst::diag::{SourceDiagnostic, Warned};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("the report could not be typeset: {0}")]
    Typeset(String),
    #[error("the report could not be written as PDF: {0}")]
    Pdf(String),
    #[error("the report data could not be encoded: {0}")]
    Data(#[from] serde_json::Error),
}

/// What a report is made of; all of it computed by the domain for one as-of date.
pub struct ReportInput<'a> {
    pub profile: &'a Profile,
    pub records: &'a [Credential],
    pub dashboard: &'a Dashboard,
    pub coverage: &'a Coverage,
    pub chart_svg: &'a str,
    /// When the report is generated, as shown in its footer.
    pub generated: &'a str,
}

impl<'a> ReportInput<'a> {
    pub fn from_snapshot(s: &'a Snapshot, generated: &'a str) -> Self {
        Self {
            profile: &s.profile,
            records: &s.records,
            dashboard: &s.dashboard,
            coverage: &s.coverage,
            chart_svg: &s.chart_svg,
            generated,
        }
    }
}

fn messages(diags: &[SourceDiagnostic]) -> String {
    diags
        .iter()
        .map(|d| d.message.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

fn typeset(input: &ReportInput, sections: &Sections) -> Result<PagedDocument> {
    let data = assemble(
        input.profile,
        input.records,
        input.dashboard,
        input.coverage,
        sections,
        input.generated,
    );
    let world = world::ReportWorld::new(
        serde_json::to_string(&data)?,
        input.chart_svg.to_string(),
        input.dashboard.as_of,
    );
    let Warned { output, .. } = typst::compile::<PagedDocument>(&world);
    output.map_err(|diags| Error::Typeset(messages(&diags)))
}

/// A rendered report.
pub struct Pdf {
    pub bytes: Vec<u8>,
    /// Whether the file conforms to PDF/A-2b.
    pub pdf_a: bool,
    /// Why it does not, when it does not.
    pub note: Option<String>,
    pub pages: usize,
}

/// The portfolio as a tagged PDF/A-2b. PDF/A forbids a character without a glyph in an
/// embedded font; when a record holds one that no shipped font covers, the report is still
/// produced, without the PDF/A claim, and `note` says which text caused it.
pub fn render_pdf(input: &ReportInput, sections: &Sections) -> Result<Pdf> {
    let doc = typeset(input, sections)?;
    let pages = doc.pages().len();
    let standards =
        PdfStandards::new(&[PdfStandard::A_2b]).map_err(|e| Error::Pdf(e.message().to_string()))?;
    let archival = PdfOptions {
        standards,
        tagged: true,
        ..PdfOptions::default()
    };
    match typst_pdf::pdf(&doc, &archival) {
        Ok(bytes) => Ok(Pdf {
            bytes,
            pdf_a: true,
            note: None,
            pages,
        }),
        Err(diags) => {
            let why = messages(&diags);
            let plain = PdfOptions {
                tagged: true,
                ..PdfOptions::default()
            };
            let bytes = typst_pdf::pdf(&doc, &plain).map_err(|d| Error::Pdf(messages(&d)))?;
            Ok(Pdf {
                bytes,
                pdf_a: false,
                note: Some(format!("not PDF/A: {why}")),
                pages,
            })
        }
    }
}

/// Typesets a standalone typst document with the report's fonts, as plain PDF: how test
/// fixtures (certificates with a text layer, or holding only an image) are made. Only markup
/// the program itself holds goes here; user data never does.
pub fn typeset_document(source: &str, inputs: Vec<(String, Vec<u8>)>) -> Result<Vec<u8>> {
    let world = world::ReportWorld::document(source, inputs);
    let Warned { output, .. } = typst::compile::<PagedDocument>(&world);
    let doc = output.map_err(|diags| Error::Typeset(messages(&diags)))?;
    typst_pdf::pdf(&doc, &PdfOptions::default()).map_err(|d| Error::Pdf(messages(&d)))
}

/// Drops typst's memoised layouts. typst caches across compilations in the process, which
/// makes a second render of the same data nearly free; the app calls this after an export so
/// memory does not grow with each report, and the benchmark between runs so it measures a
/// cold typesetting.
pub fn clear_cache() {
    typst::comemo::evict(0);
}

/// The first page as SVG, for the app's preview; also returns the page count.
pub fn first_page_svg(input: &ReportInput, sections: &Sections) -> Result<(String, usize)> {
    let doc = typeset(input, sections)?;
    let pages = doc.pages().len();
    let svg = doc
        .pages()
        .first()
        .map(|p| typst_svg::svg(p, &typst_svg::SvgOptions::default()))
        .unwrap_or_default();
    Ok((svg, pages))
}
