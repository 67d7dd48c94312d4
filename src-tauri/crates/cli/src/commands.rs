//! One function per subcommand. Input is validated before the store is opened, so a bad
//! `add` does not even create a database.

use crate::args::{Cli, Command, ListArgs, RecordArgs};
use crate::output;
use crate::staleness;
use crate::{CliError, Result};
use dossier_core::{CredentialDraft, CredentialKind, ListQuery, SkillDraft, SortKey};
use dossier_store::Store;
use std::io::Write;
use std::path::PathBuf;

use dossier_service::today;

pub fn db_path(cli_db: &Option<PathBuf>) -> Result<PathBuf> {
    match cli_db {
        Some(p) => Ok(p.clone()),
        None => Ok(dossier_store::default_db_path()?),
    }
}

/// Opens the store for a command that writes, creating it if needed; the first write of a day
/// also leaves the day's verified backup in `backups/` (the last seven are kept).
pub fn open_to_write(cli_db: &Option<PathBuf>) -> Result<Store> {
    let store = Store::open(&db_path(cli_db)?)?;
    // A backup that cannot be written must not stop the write the person asked for; it says
    // so, and `dossier check` reports the missing backups.
    if let Err(e) = store.daily_backup(today()) {
        eprintln!("dossier: could not write today's backup: {e}");
    }
    Ok(store)
}

/// Opens the store for a command that only reads: it must exist (a mistyped `--db` is an
/// error, not a new empty store), and a read-only folder is fine.
fn open_to_read(cli_db: &Option<PathBuf>) -> Result<Store> {
    Ok(Store::open_to_read(&db_path(cli_db)?)?)
}

/// The store, opened only when a subcommand gets that far: a command checks its input first,
/// so a bad one creates nothing; a reading subcommand opens to read (an existing store only),
/// a writing one to write.
pub struct LazyStore<'a> {
    db: &'a Option<PathBuf>,
    cell: std::cell::OnceCell<Store>,
}

impl<'a> LazyStore<'a> {
    pub fn new(db: &'a Option<PathBuf>) -> Self {
        Self {
            db,
            cell: std::cell::OnceCell::new(),
        }
    }

    pub fn read(&self) -> Result<&Store> {
        self.get(open_to_read)
    }

    pub fn write(&self) -> Result<&Store> {
        self.get(open_to_write)
    }

    /// Whether there is a database at all (without creating one).
    pub fn exists(&self) -> Result<bool> {
        Ok(self.cell.get().is_some() || db_path(self.db)?.exists())
    }

    fn get(&self, open: fn(&Option<PathBuf>) -> Result<Store>) -> Result<&Store> {
        if let Some(s) = self.cell.get() {
            return Ok(s);
        }
        let s = open(self.db)?;
        Ok(self.cell.get_or_init(|| s))
    }
}

/// Opens the store for a command about an existing record: with no database yet there is no
/// such record, and the failed command should not create one.
fn open_for_record(cli_db: &Option<PathBuf>, id: i64) -> Result<Store> {
    let path = db_path(cli_db)?;
    if !path.exists() {
        return Err(dossier_store::Error::NotFound(id).into());
    }
    open_to_write(cli_db)
}

fn parse_kind(s: &str) -> Result<CredentialKind> {
    s.parse()
        .map_err(|e: dossier_core::model::UnknownKind| CliError::Usage(format!("--kind: {e}")))
}

/// Applies the flags that were given onto `draft`; absent flags leave fields as they are.
fn apply(draft: &mut CredentialDraft, a: &RecordArgs) -> Result<()> {
    if let Some(k) = &a.kind {
        draft.kind = parse_kind(k)?;
    }
    let fields = [
        (&a.title, &mut draft.title),
        (&a.issuer, &mut draft.issuer),
        (&a.started, &mut draft.started),
        (&a.completed, &mut draft.completed),
        (&a.expires, &mut draft.expires),
        (&a.hours, &mut draft.hours),
        (&a.credit_type, &mut draft.credit_type),
        (&a.credential_id, &mut draft.credential_id),
        (&a.url, &mut draft.url),
        (&a.notes, &mut draft.notes),
    ];
    crate::input::overlay(fields);
    if !a.skills.is_empty() {
        draft.skills = a.skills.iter().map(|s| SkillDraft::parse_flag(s)).collect();
    }
    if a.in_progress {
        draft.in_progress = true;
    }
    if a.verified {
        draft.verified = true;
    }
    Ok(())
}

/// Attachments must exist before anything is written; checked up front for a clear message.
fn check_attachments(files: &[PathBuf]) -> Result<()> {
    for f in files {
        if !f.is_file() {
            return Err(CliError::Usage(format!(
                "--attach: {} is not a readable file",
                f.display()
            )));
        }
    }
    Ok(())
}

pub fn run(cli: Cli) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match cli.command {
        Command::Add(a) => {
            let Some(kind) = &a.kind else {
                return Err(CliError::Usage("--kind is required".into()));
            };
            let mut draft = CredentialDraft {
                kind: parse_kind(kind)?,
                ..Default::default()
            };
            apply(&mut draft, &a)?;
            let input = draft.validate(today()).map_err(CliError::Validation)?;
            check_attachments(&a.attach)?;
            let store = open_to_write(&cli.db)?;
            let c = store.add(&input, &a.attach, "manual")?;
            writeln!(out, "Added #{} {}", c.id, c.title)?;
            note_default_half_lives(&store, &c)?;
        }
        Command::List(l) => list(&cli.db, &l, &mut out)?,
        Command::Show { id, json } => {
            let store = match open_to_read(&cli.db) {
                Err(CliError::Store(dossier_store::Error::NoDatabase { .. })) => {
                    return Err(dossier_store::Error::NotFound(id).into())
                }
                other => other?,
            };
            let c = store.get(id)?;
            if json {
                serde_json::to_writer_pretty(&mut out, &c)?;
                writeln!(out)?;
            } else {
                output::detail(&mut out, &c)?;
            }
        }
        Command::Edit {
            id,
            record,
            done,
            unverified,
            detach,
        } => {
            check_attachments(&record.attach)?;
            let store = open_for_record(&cli.db, id)?;
            let current = store.get(id)?;
            let mut draft = CredentialDraft::from_input(&current.input());
            apply(&mut draft, &record)?;
            if done {
                draft.in_progress = false;
            }
            if unverified {
                draft.verified = false;
            }
            let input = draft.validate(today()).map_err(CliError::Validation)?;
            let detach = resolve_detach(&current, &detach)?;
            let mut c = store.update(id, &input, &record.attach)?;
            for sha in detach {
                c = store.remove_evidence(id, &sha)?;
            }
            writeln!(out, "Updated #{} {}", c.id, c.title)?;
            note_default_half_lives(&store, &c)?;
        }
        Command::Remove { ids } => {
            let ids = crate::input::ids(&ids)?;
            if let [id] = ids[..] {
                let c = open_for_record(&cli.db, id)?.remove(id)?;
                writeln!(
                    out,
                    "Removed #{} {}. Undo with: dossier restore {}",
                    c.id, c.title, c.id
                )?;
            } else {
                let n = open_for_record(&cli.db, ids[0])?.remove_many(&ids)?;
                writeln!(out, "Removed {n} records. Undo with: dossier restore ID")?;
            }
        }
        Command::Restore { target, yes } => match target.parse::<i64>() {
            Ok(id) => {
                let c = open_for_record(&cli.db, id)?.restore(id)?;
                writeln!(out, "Restored #{} {}", c.id, c.title)?;
            }
            Err(_) if dossier_service::archive::is_archive(std::path::Path::new(&target)) => {
                crate::archives::restore(&cli.db, std::path::Path::new(&target), yes, &mut out)?
            }
            Err(_) => crate::backups::restore(&db_path(&cli.db)?, &target, &mut out)?,
        },
        Command::Recover { out: to, use_it } => {
            crate::backups::recover(&db_path(&cli.db)?, to, use_it, &mut out)?
        }
        Command::Check { json } => crate::backups::check(&open_to_read(&cli.db)?, json, &mut out)?,
        Command::Backups { json } => crate::backups::list(&open_to_read(&cli.db)?, json, &mut out)?,
        Command::Import {
            files,
            format,
            dry_run,
            json,
            map,
        } => {
            let options = crate::imports::options(&format, &map)?;
            let path = db_path(&cli.db)?;
            let store = if dry_run && !path.exists() {
                // A preview with no database yet: everything would be added; nothing is created.
                Store::open_in_memory()?
            } else if dry_run {
                open_to_read(&cli.db)?
            } else {
                open_to_write(&cli.db)?
            };
            crate::imports::import(&store, &files, &options, dry_run, json, &mut out)?
        }
        Command::Demo => {
            let n = open_to_write(&cli.db)?.load_demo(today())?;
            writeln!(out, "Loaded the demo portfolio: {n} records")?;
        }
        Command::Backup { file } => {
            let b = open_to_read(&cli.db)?.backup_to(&file)?;
            writeln!(
                out,
                "Backed up {} records to {} (checked)",
                b.records,
                b.path.display()
            )?;
        }
        Command::Flags { as_of, json } => {
            let day = crate::input::as_of(&as_of)?;
            staleness::flags(&open_to_read(&cli.db)?, day, json, &mut out)?;
        }
        Command::Skill(cmd) => staleness::skill(&LazyStore::new(&cli.db), cmd, &mut out)?,
        Command::FieldChange(cmd) => {
            crate::changes::field_change(&LazyStore::new(&cli.db), cmd, &mut out)?
        }
        Command::Explain { id, as_of, json } => {
            let day = crate::input::as_of(&as_of)?;
            let store = open_to_read(&cli.db)?;
            crate::changes::explain(&store, id, day, json, &mut out)?
        }
        Command::Requirement(cmd) => {
            crate::requirements::requirement(&LazyStore::new(&cli.db), cmd, &mut out)?
        }
        Command::Requirements { as_of, json } => {
            let day = crate::input::as_of(&as_of)?;
            crate::requirements::requirements(&open_to_read(&cli.db)?, day, json, &mut out)?;
        }
        Command::Renew {
            id,
            completed,
            expires,
        } => staleness::renew(
            &open_for_record(&cli.db, id)?,
            id,
            &completed,
            &expires,
            &mut out,
        )?,
        Command::Coverage {
            as_of,
            json,
            framework,
            chart,
        } => {
            let day = crate::input::as_of(&as_of)?;
            let store = open_to_read(&cli.db)?;
            crate::coverage::coverage(
                &store,
                day,
                framework.as_deref(),
                json,
                chart.as_deref(),
                &mut out,
            )?
        }
        Command::Plan {
            as_of,
            json,
            framework,
        } => {
            let day = crate::input::as_of(&as_of)?;
            let store = open_to_read(&cli.db)?;
            crate::coverage::plan(&store, day, framework.as_deref(), json, &mut out)?
        }
        Command::Framework(cmd) => {
            crate::coverage::framework(&LazyStore::new(&cli.db), cmd, &mut out)?
        }
        Command::Profile(cmd) => crate::report::profile(&LazyStore::new(&cli.db), cmd, &mut out)?,
        Command::Export(cmd) => crate::report::export(&open_to_read(&cli.db)?, cmd, &mut out)?,
    }
    Ok(())
}

/// Tells the user which of the record's skills age at the default half-life, and how to
/// set one; on stderr, so `--json` consumers and pipes are not disturbed.
fn note_default_half_lives(store: &Store, c: &dossier_core::Credential) -> Result<()> {
    let names: Vec<String> = c.skills.iter().map(|s| s.name.clone()).collect();
    let unset = store.skills_without_half_life(&names)?;
    if unset.is_empty() {
        return Ok(());
    }
    let years = store.staleness_settings()?.default_half_life;
    for name in unset {
        eprintln!(
            "note: '{name}' has no half-life yet and ages at the default {years} years; \
             set one with: dossier skill set '{name}' --half-life YEARS"
        );
    }
    Ok(())
}

/// Matches `--detach` prefixes to the record's evidence; an unknown or ambiguous prefix is a
/// usage error, raised before anything is written.
fn resolve_detach(c: &dossier_core::Credential, prefixes: &[String]) -> Result<Vec<String>> {
    prefixes
        .iter()
        .map(|p| {
            let p = p.to_ascii_lowercase();
            let hits: Vec<_> = c
                .evidence
                .iter()
                .filter(|e| e.sha256.starts_with(&p))
                .collect();
            match hits.as_slice() {
                [one] if !p.is_empty() => Ok(one.sha256.clone()),
                [] | [_] => Err(CliError::Usage(format!(
                    "--detach: #{} has no evidence {p}",
                    c.id
                ))),
                _ => Err(CliError::Usage(format!(
                    "--detach: {p} matches several files"
                ))),
            }
        })
        .collect()
}

fn list(db: &Option<PathBuf>, l: &ListArgs, out: &mut impl Write) -> Result<()> {
    let query = ListQuery {
        search: l.search.clone(),
        kind: l.kind.as_deref().map(parse_kind).transpose()?,
        skill: l.skill.clone(),
        sort: l
            .sort
            .parse::<SortKey>()
            .map_err(|e| CliError::Usage(format!("--sort: {e}")))?,
        limit: l.limit,
        offset: l.offset,
    };
    let records = open_to_read(db)?.list(&query)?;
    if l.json {
        serde_json::to_writer_pretty(&mut *out, &records)?;
        writeln!(out)?;
    } else {
        output::table(out, &records)?;
    }
    Ok(())
}
