-- Version 9: the conflict log of handover imports. When an import meets a
-- record whose two versions differ, the newer one stays and the other is
-- kept here whole (as the JSON of the record), so nothing is silently
-- dropped; the user opens the log and resolves each entry by hand.
CREATE TABLE import_conflicts (
    id          TEXT PRIMARY KEY NOT NULL,
    import_id   TEXT NOT NULL,
    kind        TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    kept        TEXT NOT NULL CHECK (kept IN ('book', 'file')),  -- which version stayed
    losing      TEXT NOT NULL,                                   -- the other version, as JSON
    created_at  TEXT NOT NULL,
    resolved_at TEXT
);
CREATE INDEX import_conflicts_open ON import_conflicts (resolved_at, created_at);
