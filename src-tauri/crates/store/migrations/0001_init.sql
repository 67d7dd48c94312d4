-- Credentials, their skills and evidence, and a full-text index over them.
CREATE TABLE credentials (
    id            INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('in-progress', 'completed')),
    title         TEXT NOT NULL CHECK (length(title) > 0),
    issuer        TEXT,
    started       TEXT,
    completed     TEXT,
    expires       TEXT,
    hours         REAL CHECK (hours IS NULL OR hours >= 0),
    credit_type   TEXT,
    credential_id TEXT,
    url           TEXT,
    notes         TEXT,
    verified      INTEGER NOT NULL DEFAULT 0,
    source        TEXT NOT NULL DEFAULT 'manual',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    -- Soft delete, so that a removal can be undone.
    deleted_at    TEXT
) STRICT;

CREATE INDEX credentials_kind ON credentials (kind);
CREATE INDEX credentials_recent ON credentials (coalesce(completed, started, ''));

CREATE TABLE skills (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
) STRICT;

CREATE TABLE credential_skills (
    credential_id INTEGER NOT NULL REFERENCES credentials (id) ON DELETE CASCADE,
    skill_id      INTEGER NOT NULL REFERENCES skills (id),
    relevance     REAL NOT NULL CHECK (relevance BETWEEN 0 AND 1),
    position      INTEGER NOT NULL,
    PRIMARY KEY (credential_id, skill_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX credential_skills_skill ON credential_skills (skill_id);

CREATE TABLE evidence (
    credential_id INTEGER NOT NULL REFERENCES credentials (id) ON DELETE CASCADE,
    sha256        TEXT NOT NULL CHECK (length(sha256) = 64),
    name          TEXT NOT NULL,
    size          INTEGER NOT NULL,
    media_type    TEXT,
    added_at      TEXT NOT NULL,
    PRIMARY KEY (credential_id, sha256)
) STRICT;

CREATE INDEX evidence_sha ON evidence (sha256);

-- Kept in step by the store in the same transaction as every write to a credential.
CREATE VIRTUAL TABLE credentials_fts USING fts5 (
    title, issuer, notes, skills,
    tokenize = 'unicode61 remove_diacritics 2'
);
