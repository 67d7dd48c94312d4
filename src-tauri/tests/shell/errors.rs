//! The shell's error as the UI receives it.

use dossier_app::error::AppError;
use dossier_core::UiErrorKind;
use dossier_store::Error as StoreError;
use std::sync::Arc;

#[test]
fn an_unavailable_store_keeps_the_kind_of_why_it_could_not_open() {
    let no_dir = AppError::Unavailable(Arc::new(StoreError::NoDataDir)).to_ui();
    assert_eq!(no_dir.kind, UiErrorKind::Io, "a missing data folder is I/O");
    let newer = AppError::Unavailable(Arc::new(StoreError::NewerSchema {
        path: "x.db".into(),
        found: 9,
        known: 5,
    }))
    .to_ui();
    assert_eq!(
        newer.kind,
        UiErrorKind::Database,
        "a newer schema is a database matter"
    );
    assert!(
        newer.message.contains("x.db"),
        "names the file: {}",
        newer.message
    );
}
