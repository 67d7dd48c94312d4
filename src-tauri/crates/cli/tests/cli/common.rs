//! Shared helpers: a temporary data directory and the binary run against it.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A file of the importers' test fixtures (`src-tauri/crates/interop/tests/fixtures/REL`).
pub fn fixture(rel: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../interop/tests/fixtures")
        .join(rel)
        .display()
        .to_string()
}

pub struct Env {
    pub dir: tempfile::TempDir,
}

impl Env {
    pub fn new() -> Env {
        Env {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("data").join("dossier.db")
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.run_with(args, &[])
    }

    /// `run` with environment variables set (a passphrase for an archive).
    pub fn run_with(&self, args: &[&str], envs: &[(&str, &str)]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_dossier"))
            .arg("--db")
            .arg(self.db())
            .args(args)
            .env_remove("DOSSIER_DB")
            .env_remove("DOSSIER_PASSPHRASE")
            .envs(envs.iter().copied())
            .stdin(std::process::Stdio::null())
            .output()
            .expect("dossier runs")
    }

    /// Runs and expects success; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let o = self.run(args);
        assert!(
            o.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        String::from_utf8(o.stdout).expect("utf-8 stdout")
    }

    pub fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args)).expect("valid JSON output")
    }

    /// How many records `dossier list` shows.
    pub fn count(&self) -> usize {
        self.json(&["list", "--json"])
            .as_array()
            .map(Vec::len)
            .unwrap_or_default()
    }

    /// Adds a credential of `kind` titled `title` with the extra flags given; returns stdout.
    pub fn add(&self, kind: &str, title: &str, extra: &[&str]) -> String {
        let mut args = vec!["add", "--kind", kind, "--title", title];
        args.extend_from_slice(extra);
        self.ok(&args)
    }

    /// Runs a command that must exit with `want`; `why` is the assert's message. Returns
    /// stderr, so the caller asserts what the message says in one line.
    pub fn fails(&self, args: &[&str], want: i32, why: &str) -> String {
        let o = self.run(args);
        let err = stderr(&o);
        assert_eq!(code(&o), want, "{args:?}: {why}: {err}");
        err
    }

    pub fn db_bytes(&self) -> Option<Vec<u8>> {
        checkpoint(&self.db());
        std::fs::read(self.db()).ok()
    }
}

/// Folds the WAL into the main file so that comparing bytes compares the whole database.
pub fn checkpoint(path: &Path) {
    if path.exists() {
        let c = rusqlite::Connection::open(path).expect("open db");
        c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .expect("checkpoint");
    }
}

pub fn code(o: &Output) -> i32 {
    o.status.code().expect("exit code")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// `requirement add` for the licence several tests use (ending 2027-01-31), then `extra`:
/// each test gives the cycle, hours and rules it is about.
pub fn licence<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "requirement",
        "add",
        "--name",
        "Licence",
        "--ends",
        "2027-01-31",
    ];
    args.extend_from_slice(extra);
    args
}
