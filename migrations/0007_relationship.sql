-- Version 7: the six-dimension key-customer relationship card (关键客户拓展卡片).
-- One row per dated assessment; its per-dimension scores (score, evidence,
-- target, action plan) travel with it as a JSON array, so an assessment is
-- one record in dumps and handover files.
CREATE TABLE assessments (
    id                TEXT PRIMARY KEY NOT NULL,
    customer_id       TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    assessed_on       TEXT NOT NULL,
    assessor          TEXT NOT NULL DEFAULT '',
    layer             TEXT CHECK (layer IN ('everyday', 'senior', 'organisational')),
    relationship_type TEXT CHECK (relationship_type IN ('basic', 'reactive', 'accountable', 'proactive', 'partner')),
    scores            TEXT NOT NULL DEFAULT '[]',
    notes             TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);
CREATE INDEX assessments_customer ON assessments (customer_id, assessed_on);
