-- Unsaved form text, written as the user types, so a crash or a closed
-- window does not lose a long note (issue 13). Not a record: handover, dump
-- and the manager's report leave it out (kinds::NON_RECORD_TABLES).
CREATE TABLE drafts (
    key        TEXT PRIMARY KEY NOT NULL,
    body       TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
