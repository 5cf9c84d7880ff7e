-- Correcting the record (issue 13): every kind of history can go to the trash,
-- and a follow-up can be cancelled, and its changes are kept for the timeline.

ALTER TABLE followups ADD COLUMN cancelled_at TEXT;
ALTER TABLE followups ADD COLUMN cancel_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE followups ADD COLUMN deleted_at TEXT;
ALTER TABLE satisfaction_checks ADD COLUMN deleted_at TEXT;
ALTER TABLE assessments ADD COLUMN deleted_at TEXT;
ALTER TABLE handover_notes ADD COLUMN deleted_at TEXT;

-- "Open" is now three conditions; a partial index keeps the Today counts an
-- index range scan (every open query spells the same WHERE, see followups).
DROP INDEX followups_open;
CREATE INDEX followups_open ON followups (due_on)
    WHERE done_at IS NULL AND cancelled_at IS NULL AND deleted_at IS NULL;

-- What happened to a follow-up after it was made: rescheduled, cancelled,
-- reopened, done. A record kind of its own, so handover carries it.
CREATE TABLE followup_changes (
    id          TEXT PRIMARY KEY NOT NULL,
    customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    followup_id TEXT NOT NULL REFERENCES followups (id) ON DELETE CASCADE,
    action      TEXT NOT NULL CHECK (action IN ('rescheduled', 'cancelled', 'reopened', 'done', 'edited')),
    -- the follow-up's title when it changed (the timeline reads alone)
    title       TEXT NOT NULL DEFAULT '',
    old_due     TEXT,
    new_due     TEXT,
    reason      TEXT NOT NULL DEFAULT '',
    changed_at  TEXT NOT NULL,
    changed_by  TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX followup_changes_customer ON followup_changes (customer_id, changed_at);
CREATE INDEX followup_changes_followup ON followup_changes (followup_id);
