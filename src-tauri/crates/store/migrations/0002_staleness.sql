-- Staleness and CE requirements: half-lives on skills, dated field changes, renewal history,
-- requirement cycles, and user settings.
ALTER TABLE skills ADD COLUMN half_life_years REAL CHECK (half_life_years IS NULL OR half_life_years > 0);
ALTER TABLE skills ADD COLUMN description TEXT;

CREATE TABLE field_changes (
    id         INTEGER PRIMARY KEY,
    date       TEXT NOT NULL,
    title      TEXT NOT NULL CHECK (length(title) > 0),
    impact     REAL NOT NULL CHECK (impact BETWEEN 0 AND 1),
    source     TEXT,
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE field_change_skills (
    change_id INTEGER NOT NULL REFERENCES field_changes (id) ON DELETE CASCADE,
    skill     TEXT NOT NULL,
    PRIMARY KEY (change_id, skill)
) STRICT, WITHOUT ROWID;

-- Each renewal keeps the dates it replaced, so the history stays.
CREATE TABLE renewals (
    id                 INTEGER PRIMARY KEY,
    credential_id      INTEGER NOT NULL REFERENCES credentials (id) ON DELETE CASCADE,
    previous_completed TEXT,
    previous_expires   TEXT,
    completed          TEXT NOT NULL,
    expires            TEXT,
    renewed_at         TEXT NOT NULL
) STRICT;

CREATE INDEX renewals_credential ON renewals (credential_id);

-- The rule set is validated by the domain and kept as JSON: its shape (topics, caps, windows)
-- is the domain's, not a query target.
CREATE TABLE requirements (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    spec       TEXT NOT NULL CHECK (json_valid(spec)),
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
