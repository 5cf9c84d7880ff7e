-- Baton book schema, version 1: customer profile cards, key people, the
-- history of owner and status changes, and per-book settings.
--
-- Conventions every later migration follows:
--   * `id` is a UUID (text). Handover import merges by it, so it never changes.
--   * `created_at` / `updated_at` are UTC RFC 3339 with milliseconds.
--   * `deleted_at` (when present) makes a delete soft: the row sits in the
--     trash until the trash is emptied.
--   * lists (tags, competitors, who-knows-them) are JSON arrays in text
--     columns: they always travel with their record and are never queried
--     across the book except through json_each().

CREATE TABLE customers (
    id                  TEXT PRIMARY KEY NOT NULL,
    name                TEXT NOT NULL,
    -- pinyin (for Chinese) / lowercase (for Latin) key, so the list sorts the
    -- way a Chinese user expects; computed by the core on every write.
    sort_key            TEXT NOT NULL,
    short_name          TEXT NOT NULL DEFAULT '',
    industry            TEXT NOT NULL DEFAULT '',
    region              TEXT NOT NULL DEFAULT '',
    address             TEXT NOT NULL DEFAULT '',
    phone               TEXT NOT NULL DEFAULT '',
    website             TEXT NOT NULL DEFAULT '',
    tags                TEXT NOT NULL DEFAULT '[]',
    notes               TEXT NOT NULL DEFAULT '',
    -- customer characteristics (客户特征)
    staff_count         INTEGER,
    revenue_band        TEXT NOT NULL DEFAULT '',
    operating_condition TEXT NOT NULL DEFAULT '',
    founded_on          TEXT,
    organisation        TEXT NOT NULL DEFAULT '',
    culture             TEXT NOT NULL DEFAULT '',
    industry_standing   TEXT NOT NULL DEFAULT '',
    prospects           TEXT NOT NULL DEFAULT '',
    importance          INTEGER CHECK (importance BETWEEN 1 AND 5),
    -- the five kinds of needs (客户需求)
    need_stated         TEXT NOT NULL DEFAULT '',
    need_real           TEXT NOT NULL DEFAULT '',
    need_unstated       TEXT NOT NULL DEFAULT '',
    need_delight        TEXT NOT NULL DEFAULT '',
    need_secret         TEXT NOT NULL DEFAULT '',
    competitors         TEXT NOT NULL DEFAULT '[]',
    status              TEXT NOT NULL DEFAULT 'prospect'
                        CHECK (status IN ('prospect', 'active', 'dormant', 'lost')),
    lost_reason         TEXT NOT NULL DEFAULT '',
    tier                TEXT CHECK (tier IN ('S', 'A', 'B', 'C')),
    is_key              INTEGER NOT NULL DEFAULT 0 CHECK (is_key IN (0, 1)),
    owner               TEXT NOT NULL DEFAULT '',
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    deleted_at          TEXT
);
CREATE INDEX customers_live_sort ON customers (deleted_at, sort_key);
CREATE INDEX customers_live_updated ON customers (deleted_at, updated_at);

CREATE TABLE people (
    id                TEXT PRIMARY KEY NOT NULL,
    customer_id       TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    name              TEXT NOT NULL,
    sort_key          TEXT NOT NULL,
    title             TEXT NOT NULL DEFAULT '',
    department        TEXT NOT NULL DEFAULT '',
    phone             TEXT NOT NULL DEFAULT '',
    email             TEXT NOT NULL DEFAULT '',
    messaging_id      TEXT NOT NULL DEFAULT '',
    birthday          TEXT,
    role              TEXT CHECK (role IN ('decision_maker', 'influencer', 'technical_evaluator',
                                           'user', 'gatekeeper', 'coach')),
    attitude          TEXT CHECK (attitude IN ('supporter', 'neutral', 'opponent')),
    personality       TEXT NOT NULL DEFAULT '',
    interests         TEXT NOT NULL DEFAULT '',
    experience        TEXT NOT NULL DEFAULT '',
    background        TEXT NOT NULL DEFAULT '',
    age_band          TEXT CHECK (age_band IN ('under_30', '30s', '40s', '50s', '60_plus')),
    origin            TEXT NOT NULL DEFAULT '',
    education         TEXT NOT NULL DEFAULT '',
    preferred_channel TEXT CHECK (preferred_channel IN ('phone', 'visit', 'meeting', 'email',
                                                         'message', 'event', 'meal', 'other')),
    known_by          TEXT NOT NULL DEFAULT '[]',
    notes             TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    deleted_at        TEXT
);
CREATE INDEX people_customer ON people (customer_id, sort_key);

-- Every change of owner or status, so the card can show the history of
-- owners and the timeline can show when a customer went dormant or was lost.
CREATE TABLE customer_changes (
    id          TEXT PRIMARY KEY NOT NULL,
    customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    field       TEXT NOT NULL CHECK (field IN ('owner', 'status')),
    old_value   TEXT NOT NULL,
    new_value   TEXT NOT NULL,
    changed_at  TEXT NOT NULL,
    changed_by  TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX customer_changes_customer ON customer_changes (customer_id, changed_at);

CREATE TABLE settings (
    key        TEXT PRIMARY KEY NOT NULL,
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
