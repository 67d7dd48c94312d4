//! Running poppler and tesseract on an untrusted file: each run has a time limit and a cap on
//! what it may print, and is killed when it passes either, so a hostile PDF costs seconds and
//! megabytes at most. A crash in the C++ parsers stays in their process.

use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// Why a run gave no output.
#[derive(Debug)]
pub(super) enum RunError {
    /// The program could not be started (not installed, not executable).
    Missing(std::io::Error),
    TimedOut(Duration),
    /// It printed more than the cap.
    TooMuch(usize),
    /// It exited with a failure; the first lines of what it said.
    Failed(String),
}

/// The output of a run that succeeded.
pub(super) struct Output {
    pub stdout: Vec<u8>,
}

/// Runs `program args` with `limit` and at most `max_out` bytes of standard output. Threads
/// of OpenMP (tesseract) are held to one: two pages run side by side instead, which on two
/// cores is twice as fast as one page on both.
pub(super) fn run(
    program: &Path,
    args: &[&std::ffi::OsStr],
    limit: Duration,
    max_out: usize,
) -> Result<Output, RunError> {
    let mut child = Command::new(program)
        .args(args)
        .env("OMP_THREAD_LIMIT", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(RunError::Missing)?;
    let stdout = child.stdout.take().map(|s| reader(s, max_out + 1));
    let stderr = child.stderr.take().map(|s| reader(s, 16 * 1024));
    let status = wait(&mut child, limit);
    let out = stdout.and_then(|h| h.join().ok()).unwrap_or_default();
    let err = stderr.and_then(|h| h.join().ok()).unwrap_or_default();
    let status = status?;
    if out.len() > max_out {
        return Err(RunError::TooMuch(max_out));
    }
    if !status.success() {
        let said = String::from_utf8_lossy(&err);
        let mut first: Vec<&str> = Vec::new();
        for line in said.lines().map(str::trim).filter(|l| !l.is_empty()) {
            if !first.contains(&line) {
                first.push(line);
            }
            if first.len() == 3 {
                break;
            }
        }
        let code = status
            .code()
            .map_or_else(|| "a signal".to_string(), |c| format!("code {c}"));
        return Err(RunError::Failed(if first.is_empty() {
            format!("it stopped with {code}")
        } else {
            first.join("; ")
        }));
    }
    Ok(Output { stdout: out })
}

/// Reads a pipe to its end, keeping at most `cap` bytes (and then draining, so the child is
/// never blocked on a full pipe).
fn reader<R: Read + Send + 'static>(mut pipe: R, cap: usize) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut kept = Vec::new();
        let mut buf = [0u8; 64 * 1024];
        loop {
            match pipe.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    let room = cap.saturating_sub(kept.len());
                    kept.extend_from_slice(&buf[..n.min(room)]);
                }
            }
        }
        kept
    })
}

/// Waits for the child, killing it at the time limit.
fn wait(child: &mut Child, limit: Duration) -> Result<std::process::ExitStatus, RunError> {
    let start = Instant::now();
    let mut pause = Duration::from_millis(2);
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return Ok(status),
            Ok(None) if start.elapsed() >= limit => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(RunError::TimedOut(limit));
            }
            Ok(None) => {
                thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(25));
            }
            Err(e) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(RunError::Missing(e));
            }
        }
    }
}
