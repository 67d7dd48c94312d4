//! The typst World for the report: it serves the shipped template and fonts and nothing
//! else. No file system, no packages, no network: user data arrives only as JSON through
//! `sys.inputs`, so nothing a user typed is ever parsed as markup.

use std::sync::OnceLock;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Dict, IntoValue};
use typst::syntax::{FileId, Source};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

const TEMPLATE: &str = include_str!("../template/portfolio.typ");

const FONT_FILES: [&[u8]; 9] = [
    include_bytes!("../../../../assets/fonts/Inter-Regular.otf"),
    include_bytes!("../../../../assets/fonts/Inter-Italic.otf"),
    include_bytes!("../../../../assets/fonts/Inter-SemiBold.otf"),
    include_bytes!("../../../../assets/fonts/Inter-Bold.otf"),
    include_bytes!("../../../../assets/fonts/DejaVuSans.ttf"),
    include_bytes!("../../../../assets/fonts/DejaVuSans-Bold.ttf"),
    include_bytes!("../../../../assets/fonts/DroidSansFallbackFull.ttf"),
    include_bytes!("../../../../assets/fonts/Symbola.ttf"),
    include_bytes!("../../../../assets/fonts/NotoColorEmoji.ttf"),
];

/// Fonts are parsed once per process: about 20 MB of font files.
fn fonts() -> &'static (LazyHash<FontBook>, Vec<Font>) {
    static FONTS: OnceLock<(LazyHash<FontBook>, Vec<Font>)> = OnceLock::new();
    FONTS.get_or_init(|| {
        let fonts: Vec<Font> = FONT_FILES
            .iter()
            .flat_map(|data| Font::iter(Bytes::new(*data)))
            .collect();
        (LazyHash::new(FontBook::from_fonts(&fonts)), fonts)
    })
}

pub struct ReportWorld {
    library: LazyHash<Library>,
    main: Source,
    today: Datetime,
}

impl ReportWorld {
    /// A world whose `sys.inputs` hold `data` (the report's JSON) and `chart` (the SVG).
    pub fn new(data: String, chart: String, today: chrono::NaiveDate) -> Self {
        use chrono::Datelike;
        let mut inputs = Dict::new();
        inputs.insert("data".into(), data.into_value());
        inputs.insert("chart".into(), chart.into_value());
        let library = Library::builder().with_inputs(inputs).build();
        let today = Datetime::from_ymd(today.year(), today.month() as u8, today.day() as u8)
            .unwrap_or_else(|| Datetime::from_ymd(1970, 1, 1).expect("a valid fixed date"));
        Self {
            library: LazyHash::new(library),
            main: Source::detached(TEMPLATE),
            today,
        }
    }

    /// A world for a standalone document: `source` as the main file, and `inputs` as bytes in
    /// `sys.inputs` (images a document places with `image(sys.inputs.NAME)`).
    pub fn document(source: &str, inputs: Vec<(String, Vec<u8>)>) -> Self {
        let mut dict = Dict::new();
        for (name, bytes) in inputs {
            dict.insert(name.as_str().into(), Bytes::new(bytes).into_value());
        }
        let library = Library::builder().with_inputs(dict).build();
        Self {
            library: LazyHash::new(library),
            main: Source::detached(source),
            today: Datetime::from_ymd(1970, 1, 1).expect("a valid fixed date"),
        }
    }
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &fonts().0
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, _id: FileId) -> FileResult<Bytes> {
        Err(FileError::AccessDenied)
    }

    fn font(&self, index: usize) -> Option<Font> {
        fonts().1.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}
