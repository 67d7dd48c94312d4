//! Human-readable output: a table for lists, labelled lines for one record.

use crate::{CliError, Result};
use dossier_core::{Credential, Status};
use std::io::{self, Write};

fn cut(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        return s.to_string();
    }
    let mut t: String = s.chars().take(width.saturating_sub(1)).collect();
    t.push('…');
    t
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

/// "2021-03", or "expected 2027-06" for a record in progress.
fn when(c: &Credential) -> String {
    match (c.status, &c.completed) {
        (Status::InProgress, Some(d)) => format!("exp. {d}"),
        (Status::InProgress, None) => "in progress".into(),
        (Status::Completed, d) => opt(d),
    }
}

fn hours(c: &Credential) -> String {
    c.hours.map(|h| format!("{h}")).unwrap_or_default()
}

pub fn table(out: &mut impl Write, records: &[Credential]) -> io::Result<()> {
    if records.is_empty() {
        return writeln!(out, "No credentials.");
    }
    writeln!(
        out,
        "{:>5}  {:<20}  {:<44}  {:<24}  {:<15}  {:<10}  {:>6}",
        "ID", "KIND", "TITLE", "ISSUER", "COMPLETED", "EXPIRES", "HOURS"
    )?;
    for c in records {
        writeln!(
            out,
            "{:>5}  {:<20}  {:<44}  {:<24}  {:<15}  {:<10}  {:>6}",
            c.id,
            c.kind.label(),
            cut(&c.title, 44),
            cut(&opt(&c.issuer), 24),
            when(c),
            opt(&c.expires),
            hours(c)
        )?;
    }
    writeln!(
        out,
        "{} credential{}",
        records.len(),
        if records.len() == 1 { "" } else { "s" }
    )
}

pub fn detail(out: &mut impl Write, c: &Credential) -> io::Result<()> {
    writeln!(out, "#{} {}", c.id, c.title)?;
    let status = match c.status {
        Status::InProgress => "in progress",
        Status::Completed => "completed",
    };
    let rows = [
        ("Kind", c.kind.label().to_string()),
        ("Status", status.to_string()),
        ("Issuer", opt(&c.issuer)),
        ("Started", opt(&c.started)),
        (
            if c.status == Status::InProgress {
                "Expected"
            } else {
                "Completed"
            },
            opt(&c.completed),
        ),
        ("Expires", opt(&c.expires)),
        ("Hours", hours(c)),
        ("Credit type", opt(&c.credit_type)),
        ("Credential ID", opt(&c.credential_id)),
        ("URL", opt(&c.url)),
        (
            "Verified",
            if c.verified { "yes" } else { "no" }.to_string(),
        ),
        ("Source", c.source.clone()),
    ];
    for (label, value) in rows.iter().filter(|(_, v)| !v.is_empty()) {
        writeln!(out, "  {label:<14}{value}")?;
    }
    if !c.skills.is_empty() {
        let skills: Vec<String> = c
            .skills
            .iter()
            .map(|s| format!("{} ({})", s.name, dossier_core::percent(s.relevance)))
            .collect();
        writeln!(out, "  {:<14}{}", "Skills", skills.join(", "))?;
    }
    for e in &c.evidence {
        writeln!(
            out,
            "  {:<14}{} ({} bytes, sha256 {})",
            "Evidence",
            e.name,
            e.size,
            &e.sha256[..12]
        )?;
    }
    if let Some(n) = &c.notes {
        writeln!(out, "  Notes\n    {}", n.replace('\n', "\n    "))?;
    }
    Ok(())
}

pub fn json(out: &mut impl Write, v: &impl serde::Serialize) -> Result<()> {
    serde_json::to_writer_pretty(&mut *out, v)?;
    writeln!(out)?;
    Ok(())
}

/// Writes next to the target and renames, so a failed export leaves no half file.
pub fn write_atomically(flag: &str, path: &std::path::Path, bytes: &[u8]) -> Result<()> {
    // A disk that is full or a folder not writable is no usage error: exit 1, flag named.
    dossier_store::write_atomically(path, bytes).map_err(|source| CliError::Write {
        flag: flag.to_string(),
        source,
    })
}
