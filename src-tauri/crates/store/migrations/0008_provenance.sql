-- Where an imported record came from (issue 11), beside `source` (the format): the file's name
-- and the credential's own id in that file (an assertion URL, a urn:uuid). Imports match a
-- file's credential against `source_ref` so that importing the same badge twice adds nothing.
ALTER TABLE credentials ADD COLUMN source_file TEXT;
ALTER TABLE credentials ADD COLUMN source_ref TEXT;
CREATE INDEX credentials_source_ref ON credentials (source_ref) WHERE source_ref IS NOT NULL;
CREATE INDEX credentials_credential_id ON credentials (credential_id)
    WHERE credential_id IS NOT NULL;
