-- A stable identity for every record (issue 11): a UUID v7 (48-bit millisecond time, version
-- 7, variant 10, random bits) on credentials, field changes, requirements, frameworks and
-- evidence links. Existing rows get one here; a new row gets one from a trigger, so no insert
-- can forget it; another trigger refuses to change it. Exports carry it and imports match on it
-- first. (The expression is written out per row: SQLite would compute a subquery only once.)

ALTER TABLE credentials ADD COLUMN uuid TEXT;
ALTER TABLE field_changes ADD COLUMN uuid TEXT;
ALTER TABLE requirements ADD COLUMN uuid TEXT;
ALTER TABLE frameworks ADD COLUMN uuid TEXT;
ALTER TABLE evidence ADD COLUMN uuid TEXT;

UPDATE credentials SET uuid =
        substr(printf('%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER)), 9, 4) || '-7' ||
        lower(substr(hex(randomblob(2)), 2, 3)) || '-' ||
        substr('89ab', 1 + abs(random() % 4), 1) || lower(substr(hex(randomblob(2)), 2, 3)) ||
        '-' || lower(hex(randomblob(6)))
WHERE uuid IS NULL;
CREATE UNIQUE INDEX credentials_uuid ON credentials (uuid);
CREATE TRIGGER credentials_uuid_given AFTER INSERT ON credentials WHEN NEW.uuid IS NULL
BEGIN
    UPDATE credentials SET uuid =
        substr(printf('%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER)), 9, 4) || '-7' ||
        lower(substr(hex(randomblob(2)), 2, 3)) || '-' ||
        substr('89ab', 1 + abs(random() % 4), 1) || lower(substr(hex(randomblob(2)), 2, 3)) ||
        '-' || lower(hex(randomblob(6)))
    WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER credentials_uuid_kept BEFORE UPDATE OF uuid ON credentials
WHEN OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid
BEGIN
    SELECT RAISE(ABORT, 'a record''s uuid never changes');
END;

UPDATE field_changes SET uuid =
        substr(printf('%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER)), 9, 4) || '-7' ||
        lower(substr(hex(randomblob(2)), 2, 3)) || '-' ||
        substr('89ab', 1 + abs(random() % 4), 1) || lower(substr(hex(randomblob(2)), 2, 3)) ||
        '-' || lower(hex(randomblob(6)))
WHERE uuid IS NULL;
CREATE UNIQUE INDEX field_changes_uuid ON field_changes (uuid);
CREATE TRIGGER field_changes_uuid_given AFTER INSERT ON field_changes WHEN NEW.uuid IS NULL
BEGIN
    UPDATE field_changes SET uuid =
        substr(printf('%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER)), 9, 4) || '-7' ||
        lower(substr(hex(randomblob(2)), 2, 3)) || '-' ||
        substr('89ab', 1 + abs(random() % 4), 1) || lower(substr(hex(randomblob(2)), 2, 3)) ||
        '-' || lower(hex(randomblob(6)))
    WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER field_changes_uuid_kept BEFORE UPDATE OF uuid ON field_changes
WHEN OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid
BEGIN
    SELECT RAISE(ABORT, 'a record''s uuid never changes');
END;

UPDATE requirements SET uuid =
        substr(printf('%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER)), 9, 4) || '-7' ||
        lower(substr(hex(randomblob(2)), 2, 3)) || '-' ||
        substr('89ab', 1 + abs(random() % 4), 1) || lower(substr(hex(randomblob(2)), 2, 3)) ||
        '-' || lower(hex(randomblob(6)))
WHERE uuid IS NULL;
CREATE UNIQUE INDEX requirements_uuid ON requirements (uuid);
CREATE TRIGGER requirements_uuid_given AFTER INSERT ON requirements WHEN NEW.uuid IS NULL
BEGIN
    UPDATE requirements SET uuid =
        substr(printf('%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER)), 9, 4) || '-7' ||
        lower(substr(hex(randomblob(2)), 2, 3)) || '-' ||
        substr('89ab', 1 + abs(random() % 4), 1) || lower(substr(hex(randomblob(2)), 2, 3)) ||
        '-' || lower(hex(randomblob(6)))
    WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER requirements_uuid_kept BEFORE UPDATE OF uuid ON requirements
WHEN OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid
BEGIN
    SELECT RAISE(ABORT, 'a record''s uuid never changes');
END;

UPDATE frameworks SET uuid =
        substr(printf('%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER)), 9, 4) || '-7' ||
        lower(substr(hex(randomblob(2)), 2, 3)) || '-' ||
        substr('89ab', 1 + abs(random() % 4), 1) || lower(substr(hex(randomblob(2)), 2, 3)) ||
        '-' || lower(hex(randomblob(6)))
WHERE uuid IS NULL;
CREATE UNIQUE INDEX frameworks_uuid ON frameworks (uuid);
CREATE TRIGGER frameworks_uuid_given AFTER INSERT ON frameworks WHEN NEW.uuid IS NULL
BEGIN
    UPDATE frameworks SET uuid =
        substr(printf('%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER)), 9, 4) || '-7' ||
        lower(substr(hex(randomblob(2)), 2, 3)) || '-' ||
        substr('89ab', 1 + abs(random() % 4), 1) || lower(substr(hex(randomblob(2)), 2, 3)) ||
        '-' || lower(hex(randomblob(6)))
    WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER frameworks_uuid_kept BEFORE UPDATE OF uuid ON frameworks
WHEN OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid
BEGIN
    SELECT RAISE(ABORT, 'a record''s uuid never changes');
END;

UPDATE evidence SET uuid =
        substr(printf('%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER)), 9, 4) || '-7' ||
        lower(substr(hex(randomblob(2)), 2, 3)) || '-' ||
        substr('89ab', 1 + abs(random() % 4), 1) || lower(substr(hex(randomblob(2)), 2, 3)) ||
        '-' || lower(hex(randomblob(6)))
WHERE uuid IS NULL;
CREATE UNIQUE INDEX evidence_uuid ON evidence (uuid);
CREATE TRIGGER evidence_uuid_given AFTER INSERT ON evidence WHEN NEW.uuid IS NULL
BEGIN
    UPDATE evidence SET uuid =
        substr(printf('%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER)), 9, 4) || '-7' ||
        lower(substr(hex(randomblob(2)), 2, 3)) || '-' ||
        substr('89ab', 1 + abs(random() % 4), 1) || lower(substr(hex(randomblob(2)), 2, 3)) ||
        '-' || lower(hex(randomblob(6)))
    WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER evidence_uuid_kept BEFORE UPDATE OF uuid ON evidence
WHEN OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid
BEGIN
    SELECT RAISE(ABORT, 'a record''s uuid never changes');
END;
