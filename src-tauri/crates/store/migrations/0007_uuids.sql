-- A stable identity for every record (issue 11): a UUID v7 (48-bit millisecond time, version
-- 7, variant 10, random bits) on credentials, field changes, requirements, frameworks and
-- evidence links. Existing rows get one here; a new row gets one from a trigger, so no insert
-- can forget it; another trigger refuses to change it. Exports carry it and imports match on it
-- first. The backfill, indexes and triggers are written per table by this migration's Rust step
-- (identity.rs), from one expression.

ALTER TABLE credentials ADD COLUMN uuid TEXT;
ALTER TABLE field_changes ADD COLUMN uuid TEXT;
ALTER TABLE requirements ADD COLUMN uuid TEXT;
ALTER TABLE frameworks ADD COLUMN uuid TEXT;
ALTER TABLE evidence ADD COLUMN uuid TEXT;
