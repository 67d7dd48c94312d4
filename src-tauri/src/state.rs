//! What every command shares: the store (or why it could not be opened), the clock, and the
//! one way to run blocking work (SQLite, typst, native dialogs) off the async runtime.

use crate::error::{AppError, Result};
use dossier_store::Store;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};

type Opened = std::result::Result<Store, Arc<dossier_store::Error>>;

/// The store, or why it could not be opened (shown by the UI instead of a crash), kept typed
/// so that every command reports it with the right kind (a missing folder is an I/O error, a
/// newer schema a database one). A recovery replaces it, so it sits behind a lock.
pub struct AppState {
    store: RwLock<Opened>,
    /// The database file the app uses, even when it could not be opened.
    pub db_path: Option<PathBuf>,
}

fn open(path: &Option<PathBuf>) -> Opened {
    match path {
        Some(p) => Ok(Store::open(p)?),
        None => Err(Arc::new(dossier_store::Error::NoDataDir)),
    }
}

impl AppState {
    /// Opens the store at its default path (migrating it), keeping the error if it fails.
    pub fn open_default() -> Self {
        let db_path = dossier_store::default_db_path().ok();
        Self {
            store: RwLock::new(open(&db_path)),
            db_path,
        }
    }

    /// A state over an opened store (the tests), or over why it failed.
    pub fn new(store: Opened, db_path: Option<PathBuf>) -> Self {
        Self {
            store: RwLock::new(store),
            db_path,
        }
    }

    pub fn store(&self) -> Result<Store> {
        let opened = self.store.read().unwrap_or_else(|p| p.into_inner());
        opened
            .as_ref()
            .cloned()
            .map_err(|e| AppError::Unavailable(e.clone()))
    }

    /// Why the store could not be opened, if it could not.
    pub fn open_error(&self) -> Option<Arc<dossier_store::Error>> {
        let opened = self.store.read().unwrap_or_else(|p| p.into_inner());
        opened.as_ref().err().cloned()
    }

    /// Opens the database file again (after a recovery put a good one in place).
    pub fn reopen(&self) -> Result<Store> {
        let fresh = open(&self.db_path);
        let mut slot = self.store.write().unwrap_or_else(|p| p.into_inner());
        *slot = fresh;
        drop(slot);
        self.store()
    }

    /// The day's verified backup in `backups/`, on the first start of a day (the CLI takes
    /// it on its first write of a day instead). A failure is said, never fatal.
    pub fn daily_backup(&self) {
        if let Ok(store) = self.store() {
            if let Err(e) = store.daily_backup(today()) {
                eprintln!("dossier: could not write today's backup: {e}");
            }
        }
    }

    /// Runs `job` on the blocking pool with a handle to the store: SQLite waits on the disk
    /// (and on a lock another process holds), which must not stall the runtime's workers.
    pub async fn run<T: Send + 'static>(
        &self,
        job: impl FnOnce(&Store) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        let store = self.store()?;
        blocking(move || job(&store)).await
    }
}

/// Runs blocking work on the blocking pool; a panic there becomes `AppError::Stopped`.
pub async fn blocking<T: Send + 'static>(
    job: impl FnOnce() -> Result<T> + Send + 'static,
) -> Result<T> {
    match tauri::async_runtime::spawn_blocking(job).await {
        Ok(out) => out,
        Err(e) => Err(AppError::Stopped(format!("the work stopped: {e}"))),
    }
}

pub fn today() -> chrono::NaiveDate {
    dossier_service::today()
}

/// An as-of date as typed in the UI (`YYYY-MM-DD`), or today when empty.
pub fn as_of_day(as_of: Option<String>) -> Result<chrono::NaiveDate> {
    dossier_service::as_of(as_of.as_deref(), today()).map_err(|e| AppError::Validation(vec![e]))
}
