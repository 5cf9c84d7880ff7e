-- Version 11: the successor's handover checklist (交接清单). When a successor
-- takes over an imported customer, one item is created per key person to
-- meet, per open follow-up to confirm, and one to re-assess the relationship
-- card. An item is done when the book shows it (a contact with that person,
-- the follow-up closed, an assessment) after the takeover, or when ticked.
CREATE TABLE handover_checklist (
    id          TEXT PRIMARY KEY NOT NULL,
    customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    task        TEXT NOT NULL CHECK (task IN ('meet_person', 'confirm_followup', 'reassess')),
    target_id   TEXT,            -- the person or follow-up, for those tasks
    label       TEXT NOT NULL DEFAULT '',
    taken_over_by TEXT NOT NULL DEFAULT '',
    taken_over_at TEXT NOT NULL,
    ticked_at   TEXT,            -- ticked by hand
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX handover_checklist_customer ON handover_checklist (customer_id);
