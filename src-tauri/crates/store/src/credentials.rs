//! The credential aggregate: a record, its skills and its evidence links, always written
//! together in one transaction, with the full-text index kept in step.

use crate::error::{Error, Result};
use crate::evidence::StagedEvidence;
use crate::Store;
use dossier_core::{
    Credential, CredentialInput, CredentialKind, Evidence, ListQuery, PartialDate, SkillTag,
    SortKey, Status,
};
use rusqlite::{params, Connection, OptionalExtension, Row, Rows, Statement};
use std::path::PathBuf;

const COLUMNS: &str = "id, kind, status, title, issuer, started, completed, expires, hours, \
     credit_type, credential_id, url, notes, verified, source, created_at, updated_at";

pub(crate) fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn date_text(d: &Option<PartialDate>) -> Option<String> {
    d.as_ref().map(ToString::to_string)
}

fn corrupt(id: i64, field: &'static str, message: String) -> Error {
    Error::Corrupt { id, field, message }
}

/// Reads one row. Kind, status and dates are parsed from borrowed text (no allocation: lists
/// read thousands of rows); a value the domain cannot parse is reported, not dropped.
fn read_row(r: &Row) -> Result<Credential> {
    let id: i64 = r.get(0)?;
    let text = |i: usize| -> rusqlite::Result<Option<&str>> { Ok(r.get_ref(i)?.as_str_or_null()?) };
    let date = |i: usize, field: &'static str| -> rusqlite::Result<Result<Option<PartialDate>>> {
        Ok(text(i)?
            .map(|s| {
                s.parse()
                    .map_err(|e: dossier_core::DateError| corrupt(id, field, e.to_string()))
            })
            .transpose())
    };
    let kind = parse_kind(text(1)?.unwrap_or_default());
    let status = text(2)?.unwrap_or_default().parse::<Status>();
    let (started, completed, expires) = (
        date(5, "started")?,
        date(6, "completed")?,
        date(7, "expires")?,
    );
    Ok(Credential {
        id,
        kind: kind.map_err(|e| corrupt(id, "kind", e.to_string()))?,
        status: status.map_err(|e| corrupt(id, "status", e))?,
        title: r.get(3)?,
        issuer: r.get(4)?,
        started: started?,
        completed: completed?,
        expires: expires?,
        hours: r.get(8)?,
        credit_type: r.get(9)?,
        credential_id: r.get(10)?,
        url: r.get(11)?,
        notes: r.get(12)?,
        verified: r.get(13)?,
        skills: Vec::new(),
        evidence: Vec::new(),
        source: r.get(14)?,
        created_at: r.get(15)?,
        updated_at: r.get(16)?,
    })
}

/// Stored kinds are canonical, so matching them directly skips the allocations of the lenient
/// parser (two per row) and keeps its answer for anything else.
fn parse_kind(s: &str) -> std::result::Result<CredentialKind, dossier_core::model::UnknownKind> {
    match CredentialKind::ALL.into_iter().find(|k| k.as_str() == s) {
        Some(kind) => Ok(kind),
        None => s.parse(),
    }
}

fn skill_id(conn: &Connection, name: &str) -> Result<i64> {
    let mut find = conn.prepare_cached("SELECT id FROM skills WHERE name = ?1")?;
    if let Some(id) = find.query_row([name], |r| r.get(0)).optional()? {
        return Ok(id);
    }
    conn.prepare_cached("INSERT INTO skills (name) VALUES (?1)")?
        .execute([name])?;
    Ok(conn.last_insert_rowid())
}

fn write_skills_and_index(conn: &Connection, id: i64, input: &CredentialInput) -> Result<()> {
    conn.prepare_cached("DELETE FROM credential_skills WHERE credential_id = ?1")?
        .execute([id])?;
    let mut link = conn.prepare_cached(
        "INSERT INTO credential_skills (credential_id, skill_id, relevance, position) \
         VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (pos, s) in input.skills.iter().enumerate() {
        link.execute(params![
            id,
            skill_id(conn, &s.name)?,
            s.relevance,
            pos as i64
        ])?;
    }
    let skills = input
        .skills
        .iter()
        .map(|s| s.name.as_str())
        .collect::<Vec<_>>()
        .join(" ; ");
    conn.prepare_cached("DELETE FROM credentials_fts WHERE rowid = ?1")?
        .execute([id])?;
    conn.prepare_cached(
        "INSERT INTO credentials_fts (rowid, title, issuer, notes, skills) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![id, input.title, input.issuer, input.notes, skills])?;
    Ok(())
}

fn link_evidence(conn: &Connection, id: i64, staged: &[StagedEvidence], at: &str) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT OR IGNORE INTO evidence (credential_id, sha256, name, size, media_type, added_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for s in staged {
        stmt.execute(params![
            id,
            s.sha256,
            s.name,
            s.size as i64,
            s.media_type,
            at
        ])?;
    }
    Ok(())
}

/// Inserts one record inside the caller's transaction; returns its id.
pub fn insert(
    conn: &Connection,
    input: &CredentialInput,
    staged: &[StagedEvidence],
    source: &str,
) -> Result<i64> {
    let at = now();
    conn.prepare_cached(
        "INSERT INTO credentials (kind, status, title, issuer, started, completed, expires, hours, \
         credit_type, credential_id, url, notes, verified, source, created_at, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15)",
    )?
    .execute(params![
        input.kind.as_str(),
        input.status.as_str(),
        input.title,
        input.issuer,
        date_text(&input.started),
        date_text(&input.completed),
        date_text(&input.expires),
        input.hours,
        input.credit_type,
        input.credential_id,
        input.url,
        input.notes,
        input.verified,
        source,
        at,
    ])?;
    let id = conn.last_insert_rowid();
    write_skills_and_index(conn, id, input)?;
    link_evidence(conn, id, staged, &at)?;
    Ok(id)
}

/// The state of a row: live, soft-deleted, or absent.
fn deleted_at(conn: &Connection, id: i64) -> Result<Option<Option<String>>> {
    Ok(conn
        .prepare_cached("SELECT deleted_at FROM credentials WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?)
}

pub(crate) fn require_live(conn: &Connection, id: i64) -> Result<()> {
    match deleted_at(conn, id)? {
        None => Err(Error::NotFound(id)),
        Some(Some(_)) => Err(Error::Removed(id)),
        Some(None) => Ok(()),
    }
}

/// Marks a record completed on `completed`, valid until `expires` (a renewal's write).
pub(crate) fn set_completion(
    conn: &Connection,
    id: i64,
    completed: dossier_core::PartialDate,
    expires: Option<dossier_core::PartialDate>,
    at: &str,
) -> Result<()> {
    conn.execute(
        "UPDATE credentials SET completed = ?2, expires = ?3, status = 'completed', \
         updated_at = ?4 WHERE id = ?1 AND deleted_at IS NULL",
        params![
            id,
            completed.to_string(),
            expires.map(|d| d.to_string()),
            at
        ],
    )?;
    Ok(())
}

/// Loads one record (live or not) with its skills and evidence.
pub fn load(conn: &Connection, id: i64) -> Result<Credential> {
    let sql = format!("SELECT {COLUMNS} FROM credentials WHERE id = ?1");
    let row = conn
        .prepare_cached(&sql)?
        .query_row([id], |r| Ok(read_row(r)))
        .optional()?;
    let mut c = row.ok_or(Error::NotFound(id))??;
    c.skills = conn
        .prepare_cached(
            "SELECT s.name, cs.relevance FROM credential_skills cs JOIN skills s ON s.id = cs.skill_id \
             WHERE cs.credential_id = ?1 ORDER BY cs.position",
        )?
        .query_map([id], |r| Ok(SkillTag { name: r.get(0)?, relevance: r.get(1)? }))?
        .collect::<rusqlite::Result<_>>()?;
    c.evidence = conn
        .prepare_cached(
            "SELECT name, sha256, size, media_type, added_at FROM evidence \
             WHERE credential_id = ?1 ORDER BY added_at, name",
        )?
        .query_map([id], evidence_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(c)
}

fn evidence_row(r: &Row) -> rusqlite::Result<Evidence> {
    Ok(Evidence {
        name: r.get(0)?,
        sha256: r.get(1)?,
        size: r.get::<_, i64>(2)?.max(0) as u64,
        media_type: r.get(3)?,
        added_at: r.get(4)?,
    })
}

/// Turns what a person types into an FTS5 query: every word must match as a prefix, and
/// nothing typed can be read as FTS syntax (quotes, NEAR, column filters).
fn fts_query(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

fn order_by(sort: SortKey) -> &'static str {
    match sort {
        SortKey::Recent => "coalesce(c.completed, c.started, '') DESC, c.id DESC",
        SortKey::Title => "c.title COLLATE NOCASE, c.id",
        SortKey::Kind => "c.kind, coalesce(c.completed, c.started, '') DESC, c.id DESC",
        SortKey::Expires => "c.expires IS NULL, c.expires, c.id",
        SortKey::Added => "c.id DESC",
    }
}

/// The live records matching `q`, each with skills and evidence, in the asked order.
///
/// SQLite orders ids far faster than whole rows (at 10,000 records: 0.4 ms to read the ids in
/// order from an index, 4.4 ms to visit every row through that index, 12 ms to sort the full
/// rows), so a list is read in steps: the matching ids in order, then the rows and their
/// children in key order, each put at the place of its id.
pub fn list(conn: &Connection, q: &ListQuery) -> Result<Vec<Credential>> {
    // The steps are separate statements; one snapshot keeps a write from another process
    // between them from pairing ids with rows or children of another state.
    let _snapshot = Snapshot::begin(conn)?;
    let order = matching_ids(conn, q)?;
    if order.is_empty() {
        return Ok(Vec::new());
    }
    let mut slots: Vec<Slot> = order.iter().enumerate().map(|(at, &id)| (id, at)).collect();
    slots.sort_unstable();
    let total: i64 = conn
        .prepare_cached("SELECT count(*) FROM credentials")?
        .query_row([], |r| r.get(0))?;
    // A short result reads only its own rows; a long one reads each table in one pass.
    let only = ((order.len() as i64) * 4 < total).then(|| {
        let ids: Vec<String> = slots.iter().map(|(id, _)| id.to_string()).collect();
        format!("[{}]", ids.join(","))
    });
    let (mut records, places) = read_records(conn, &slots, only.as_deref())?;
    attach_children(conn, &mut records, only.as_deref())?;
    Ok(into_places(records, places, order.len()))
}

/// A record's id and its place in the result. Lists keep these sorted by id, the order in
/// which rows and children are read.
type Slot = (i64, usize);

/// A read transaction that also nests inside a caller's: a savepoint, released on drop.
struct Snapshot<'c>(&'c Connection);

impl<'c> Snapshot<'c> {
    fn begin(conn: &'c Connection) -> Result<Self> {
        conn.prepare_cached("SAVEPOINT list_snapshot")?
            .execute([])?;
        Ok(Snapshot(conn))
    }
}

impl Drop for Snapshot<'_> {
    fn drop(&mut self) {
        // Only reads happened, so there is no write lock or work whose release could fail,
        // and drop has no caller to report to.
        let _ = self
            .0
            .prepare_cached("RELEASE list_snapshot")
            .and_then(|mut s| s.execute([]));
    }
}

/// The ids of the live records matching `q`, in the asked order.
fn matching_ids(conn: &Connection, q: &ListQuery) -> Result<Vec<i64>> {
    let mut sql = String::from("SELECT c.id FROM credentials c WHERE c.deleted_at IS NULL");
    let mut args: Vec<String> = Vec::new();
    if let Some(kind) = q.kind {
        args.push(kind.as_str().to_string());
        sql.push_str(&format!(" AND c.kind = ?{}", args.len()));
    }
    if let Some(skill) = q.skill.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        args.push(skill.to_string());
        sql.push_str(&format!(
            " AND c.id IN (SELECT cs.credential_id FROM credential_skills cs \
             JOIN skills s ON s.id = cs.skill_id WHERE s.name = ?{})",
            args.len()
        ));
    }
    if let Some(text) = q.search.as_deref() {
        match fts_query(text) {
            Some(fts) => {
                args.push(fts);
                sql.push_str(&format!(
                    " AND c.id IN (SELECT rowid FROM credentials_fts WHERE credentials_fts MATCH ?{})",
                    args.len()
                ));
            }
            // Punctuation alone matches nothing rather than everything.
            None if !text.trim().is_empty() => return Ok(Vec::new()),
            None => {}
        }
    }
    sql.push_str(" ORDER BY ");
    sql.push_str(order_by(q.sort));
    if let Some(limit) = q.limit {
        sql.push_str(&format!(" LIMIT {limit} OFFSET {}", q.offset.unwrap_or(0)));
    }
    let mut stmt = conn.prepare_cached(&sql)?;
    let ids = stmt
        .query_map(rusqlite::params_from_iter(args.iter()), |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

/// Moves `at` past the items whose id is below `id` and says whether the item there has it.
/// Rows and children both come in ascending id order, so this replaces a lookup per row; it
/// stays on `id` since several child rows belong to one record.
fn seek<T>(items: &[T], at: &mut usize, id: i64, id_of: impl Fn(&T) -> i64) -> bool {
    while items.get(*at).is_some_and(|x| id_of(x) < id) {
        *at += 1;
    }
    items.get(*at).is_some_and(|x| id_of(x) == id)
}

/// `WHERE column IN` the ids of `only`, or nothing when the whole table is read.
fn only_filter(only: Option<&str>, column: &str) -> String {
    match only {
        Some(_) => format!("WHERE {column} IN (SELECT value FROM json_each(?1))"),
        None => String::new(),
    }
}

/// Runs a statement made with `only_filter`.
fn query_only<'s>(stmt: &'s mut Statement<'_>, only: Option<&str>) -> rusqlite::Result<Rows<'s>> {
    match only {
        Some(ids) => stmt.query([ids]),
        None => stmt.query([]),
    }
}

/// Reads the rows of `slots` in id order, with the place in the result of each; `only` is
/// the JSON array of their ids when they are few enough to be looked up one by one.
fn read_records(
    conn: &Connection,
    slots: &[Slot],
    only: Option<&str>,
) -> Result<(Vec<Credential>, Vec<usize>)> {
    let filter = only_filter(only, "id");
    let sql = format!("SELECT {COLUMNS} FROM credentials {filter} ORDER BY id");
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = query_only(&mut stmt, only)?;
    let mut records = Vec::with_capacity(slots.len());
    let mut places = Vec::with_capacity(slots.len());
    let mut at = 0;
    // Of several unreadable records, the one reported is the first in the asked order.
    let mut unreadable: Option<(usize, Error)> = None;
    while let Some(r) = rows.next()? {
        if !seek(slots, &mut at, r.get(0)?, |s| s.0) {
            continue;
        }
        let place = slots[at].1;
        match read_row(r) {
            Ok(c) => {
                records.push(c);
                places.push(place);
            }
            Err(e) if unreadable.as_ref().is_none_or(|(first, _)| place < *first) => {
                unreadable = Some((place, e));
            }
            Err(_) => {}
        }
    }
    match unreadable {
        Some((_, e)) => Err(e),
        None => Ok((records, places)),
    }
}

/// Reorders records to their places without a second vector of them: a list holds thousands,
/// and copying them into a new vector costs page faults and copies that show in its time.
/// `places` are distinct and below `len`; they have gaps only if rows were missing.
fn into_places(mut records: Vec<Credential>, places: Vec<usize>, len: usize) -> Vec<Credential> {
    let mut read_at = vec![usize::MAX; len];
    for (k, &place) in places.iter().enumerate() {
        read_at[place] = k;
    }
    let mut target = vec![0; records.len()];
    for (to, k) in read_at.into_iter().filter(|&k| k != usize::MAX).enumerate() {
        target[k] = to;
    }
    // Each swap puts one record where it belongs.
    for i in 0..records.len() {
        while target[i] != i {
            let t = target[i];
            records.swap(i, t);
            target.swap(i, t);
        }
    }
    records
}

/// Fills skills and evidence for many records with a few queries instead of two per record.
/// `records` are in id order.
fn attach_children(
    conn: &Connection,
    records: &mut [Credential],
    only: Option<&str>,
) -> Result<()> {
    // Thousands of tags share a few names: one read of the names table instead of a join
    // per tag.
    let names: Vec<(i64, String)> = conn
        .prepare_cached("SELECT id, name FROM skills ORDER BY id")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let name = |id: i64| match names.binary_search_by_key(&id, |(k, _)| *k) {
        Ok(k) => names[k].1.clone(),
        Err(_) => String::new(),
    };
    let filter = only_filter(only, "credential_id");
    // Read through the index credential_skills_order, so in this order without a sort.
    let sql = format!(
        "SELECT credential_id, skill_id, relevance FROM credential_skills {filter} \
         ORDER BY credential_id, position, skill_id"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = query_only(&mut stmt, only)?;
    let mut at = 0;
    while let Some(r) = rows.next()? {
        if seek(records, &mut at, r.get(0)?, |c| c.id) {
            records[at].skills.push(SkillTag {
                name: name(r.get(1)?),
                relevance: r.get(2)?,
            });
        }
    }
    let sql = format!(
        "SELECT credential_id, name, sha256, size, media_type, added_at FROM evidence {filter} \
         ORDER BY added_at, name"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = query_only(&mut stmt, only)?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        if let Ok(k) = records.binary_search_by_key(&id, |c| c.id) {
            records[k].evidence.push(Evidence {
                name: r.get(1)?,
                sha256: r.get(2)?,
                size: r.get::<_, i64>(3)?.max(0) as u64,
                media_type: r.get(4)?,
                added_at: r.get(5)?,
            });
        }
    }
    Ok(())
}

impl Store {
    /// Adds a record, copying `files` in as its evidence. All or nothing.
    pub fn add(
        &self,
        input: &CredentialInput,
        files: &[PathBuf],
        source: &str,
    ) -> Result<Credential> {
        let staged = self.stage_evidence(files)?;
        let out = self.with_tx(|tx| {
            let id = insert(tx, input, &staged, source)?;
            load(tx, id)
        });
        if out.is_err() {
            self.discard_staged(&staged);
        }
        out
    }

    /// Adds many records in one transaction (imports, the demo, benchmarks).
    pub fn add_many(&self, inputs: &[CredentialInput], source: &str) -> Result<Vec<i64>> {
        self.with_tx(|tx| inputs.iter().map(|i| insert(tx, i, &[], source)).collect())
    }

    /// Replaces a live record's fields and skills, and adds `files` to its evidence.
    pub fn update(
        &self,
        id: i64,
        input: &CredentialInput,
        files: &[PathBuf],
    ) -> Result<Credential> {
        let staged = self.stage_evidence(files)?;
        let out = self.with_tx(|tx| {
            require_live(tx, id)?;
            let at = now();
            tx.prepare_cached(
                "UPDATE credentials SET kind = ?2, status = ?3, title = ?4, issuer = ?5, \
                 started = ?6, completed = ?7, expires = ?8, hours = ?9, credit_type = ?10, \
                 credential_id = ?11, url = ?12, notes = ?13, verified = ?14, updated_at = ?15 \
                 WHERE id = ?1",
            )?
            .execute(params![
                id,
                input.kind.as_str(),
                input.status.as_str(),
                input.title,
                input.issuer,
                date_text(&input.started),
                date_text(&input.completed),
                date_text(&input.expires),
                input.hours,
                input.credit_type,
                input.credential_id,
                input.url,
                input.notes,
                input.verified,
                at,
            ])?;
            write_skills_and_index(tx, id, input)?;
            link_evidence(tx, id, &staged, &at)?;
            load(tx, id)
        });
        if out.is_err() {
            self.discard_staged(&staged);
        }
        out
    }

    /// A live record.
    pub fn get(&self, id: i64) -> Result<Credential> {
        self.read(|db| db.get(id))
    }

    pub fn list(&self, q: &ListQuery) -> Result<Vec<Credential>> {
        self.read(|db| db.list(q))
    }

    /// Removes a record softly: it disappears from every view but `restore` brings it back
    /// with its skills and evidence.
    pub fn remove(&self, id: i64) -> Result<Credential> {
        self.with_tx(|tx| {
            require_live(tx, id)?;
            tx.execute(
                "UPDATE credentials SET deleted_at = ?2 WHERE id = ?1",
                params![id, now()],
            )?;
            load(tx, id)
        })
    }

    /// Undoes `remove`.
    pub fn restore(&self, id: i64) -> Result<Credential> {
        self.with_tx(|tx| {
            match deleted_at(tx, id)? {
                None => return Err(Error::NotFound(id)),
                Some(None) => {}
                Some(Some(_)) => {
                    tx.execute(
                        "UPDATE credentials SET deleted_at = NULL WHERE id = ?1",
                        [id],
                    )?;
                }
            }
            load(tx, id)
        })
    }

    /// Unlinks one evidence file from a record. The stored copy stays, since other records
    /// (or an undo) may still need it.
    pub fn remove_evidence(&self, id: i64, sha256: &str) -> Result<Credential> {
        self.with_tx(|tx| {
            require_live(tx, id)?;
            let n = tx.execute(
                "DELETE FROM evidence WHERE credential_id = ?1 AND sha256 = ?2",
                params![id, sha256],
            )?;
            if n == 0 {
                return Err(Error::EvidenceNotFound {
                    id,
                    sha256: sha256.to_string(),
                });
            }
            tx.execute(
                "UPDATE credentials SET updated_at = ?2 WHERE id = ?1",
                params![id, now()],
            )?;
            load(tx, id)
        })
    }

    /// Live records.
    pub fn count(&self) -> Result<i64> {
        self.read(|db| db.count())
    }

    /// Names of skills carried by live records, for filters.
    pub fn skill_names(&self) -> Result<Vec<String>> {
        self.read(|db| db.skill_names())
    }
}

impl crate::Db<'_> {
    /// A live record.
    pub fn get(&self, id: i64) -> Result<Credential> {
        let c = self.c;
        require_live(c, id)?;
        load(c, id)
    }
}

impl crate::Db<'_> {
    pub fn list(&self, q: &ListQuery) -> Result<Vec<Credential>> {
        let c = self.c;
        list(c, q)
    }
}

impl crate::Db<'_> {
    /// Live records.
    pub fn count(&self) -> Result<i64> {
        let c = self.c;
        Ok(c.query_row(
            "SELECT count(*) FROM credentials WHERE deleted_at IS NULL",
            [],
            |r| r.get(0),
        )?)
    }
}

impl crate::Db<'_> {
    /// Names of skills carried by live records, for filters.
    pub fn skill_names(&self) -> Result<Vec<String>> {
        let c = self.c;
        let mut stmt = c.prepare_cached(
            "SELECT DISTINCT s.name FROM skills s JOIN credential_skills cs ON cs.skill_id = s.id \
             JOIN credentials c ON c.id = cs.credential_id WHERE c.deleted_at IS NULL \
             ORDER BY s.name COLLATE NOCASE",
        )?;
        let names = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(names)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store_with(n: usize) -> Store {
        let store = Store::open_in_memory().expect("store");
        store
            .add_many(&dossier_core::synth::records(n, 3), "test")
            .expect("add");
        store
    }

    fn ids(records: &[Credential]) -> Vec<i64> {
        records.iter().map(|c| c.id).collect()
    }

    #[test]
    fn records_go_to_their_places_past_missing_rows() {
        let store = store_with(4);
        let all = store.list(&ListQuery::default()).expect("list");
        let by_id = |id| all.iter().find(|c| c.id == id).cloned().expect("present");
        // Read in id order 1, 2, 4 for a result 4, (3 missing), 1, 2.
        let out = into_places(vec![by_id(1), by_id(2), by_id(4)], vec![2, 3, 0], 4);
        assert_eq!(ids(&out), [4, 1, 2]);
    }

    #[test]
    fn listed_records_equal_loaded_ones() {
        let store = store_with(60);
        store
            .with_conn(|c| {
                c.execute_batch(
                    "UPDATE credential_skills SET position = 3 - position \
                     WHERE credential_id % 2 = 0",
                )?;
                Ok(())
            })
            .expect("reorder skills");
        store.remove(7).expect("remove");
        for q in [
            ListQuery::default(),
            ListQuery {
                kind: Some(CredentialKind::CeActivity),
                sort: SortKey::Title,
                ..Default::default()
            },
        ] {
            let listed = store.list(&q).expect("list");
            assert!(!listed.is_empty());
            assert!(!ids(&listed).contains(&7), "removed records are not listed");
            for c in listed {
                assert_eq!(c, store.get(c.id).expect("get"), "record {}", c.id);
            }
        }
    }

    #[test]
    fn the_first_unreadable_record_in_the_asked_order_is_reported() {
        let store = store_with(20);
        store
            .with_conn(|c| {
                c.execute_batch("UPDATE credentials SET kind = 'bogus' WHERE id IN (5, 12)")?;
                Ok(())
            })
            .expect("corrupt");
        let newest_first = ListQuery {
            sort: SortKey::Added,
            ..Default::default()
        };
        match store.list(&newest_first) {
            Err(Error::Corrupt { id, field, .. }) => assert_eq!((id, field), (12, "kind")),
            other => panic!("expected a corrupt record, got {other:?}"),
        }
        // The read snapshot was released: writing still works.
        store
            .add_many(&dossier_core::synth::records(1, 9), "test")
            .expect("write after a failed list");
    }

    #[test]
    fn a_list_inside_a_transaction_leaves_it_usable() {
        let store = store_with(3);
        let extra = dossier_core::synth::records(1, 9);
        let seen = store
            .with_tx(|tx| {
                let before = list(tx, &ListQuery::default())?.len();
                insert(tx, &extra[0], &[], "test")?;
                Ok::<_, Error>((before, list(tx, &ListQuery::default())?.len()))
            })
            .expect("transaction");
        assert_eq!(seen, (3, 4));
        assert_eq!(store.count().expect("count"), 4, "committed");
    }
}
