-- Skill frameworks (the tree is the domain's JSON, validated before it is stored) and the
-- user's aliases mapping record skill names onto a framework's skills.
CREATE TABLE frameworks (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    spec       TEXT NOT NULL CHECK (json_valid(spec)),
    builtin    INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE framework_aliases (
    framework_id TEXT NOT NULL REFERENCES frameworks (id) ON DELETE CASCADE,
    alias        TEXT NOT NULL COLLATE NOCASE,
    skill_id     TEXT NOT NULL,
    PRIMARY KEY (framework_id, alias)
) STRICT, WITHOUT ROWID;
