-- Field changes get two kinds of date: when their content was announced (the old `date`,
-- kept as it was) and the phases in which they apply; plus where they apply and a note.
-- Shipped changes are re-dated from their primary sources by the Rust step that follows
-- this script in the same transaction (migrate.rs).
ALTER TABLE field_changes RENAME COLUMN date TO announced;
ALTER TABLE field_changes ADD COLUMN effective TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(effective) AND json_type(effective) = 'array');
ALTER TABLE field_changes ADD COLUMN jurisdiction TEXT;
ALTER TABLE field_changes ADD COLUMN note TEXT;
