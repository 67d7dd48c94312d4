-- Indexes that let a list read in order without a sort step and without visiting rows.

-- The default order (most recent first) over live records only: reading the ids of a list
-- from it needs no look at the rows for deleted_at. It replaces credentials_recent, which
-- holds deleted records too.
CREATE INDEX credentials_recent_live ON credentials (coalesce(completed, started, ''))
    WHERE deleted_at IS NULL;
DROP INDEX credentials_recent;

-- A record's skills in the order it shows them, with everything a list reads of them.
CREATE INDEX credential_skills_order
    ON credential_skills (credential_id, position, skill_id, relevance);
