-- Version 8: full-text search over what a salesperson looks up: customers
-- (name, short name, notes, needs, competitors), key people (name, title,
-- interests, notes) and contact history (subject, summary, outcome).
--
-- search_docs holds one row of searchable text per record, written by the
-- triggers below on every write path (create, edit, soft delete, trash
-- restore, import), so the index can never lag behind the records. Its
-- INTEGER PRIMARY KEY is the FTS rowid: unlike the implicit rowid of our
-- TEXT-keyed tables it survives VACUUM. search_fts is a trigram index over it
-- (substring search in any script); search_grams answers queries under three
-- characters (see src/search/). `initials` holds the pinyin
-- initials of a customer's or person's names (华为 → hw), computed by the
-- baton_initials() function every Baton connection registers.
CREATE TABLE search_docs (
    doc         INTEGER PRIMARY KEY,
    record_id   TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL CHECK (kind IN ('customer', 'person', 'contact')),
    customer_id TEXT NOT NULL,
    title       TEXT NOT NULL,
    body        TEXT NOT NULL,
    initials    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX search_docs_customer ON search_docs (customer_id);
-- Initials queries scan this (covering) index for one kind, not the table.
CREATE INDEX search_docs_initials ON search_docs (kind, initials, doc);

CREATE VIRTUAL TABLE search_fts USING fts5 (
    title, body, content = 'search_docs', content_rowid = 'doc', tokenize = 'trigram'
);

-- One- and two-character queries: every character pair as an ASCII token
-- (baton_grams(), src/search/grams.rs), document ids only, with a prefix
-- index of one encoded character (tag + 4 digits). Contentless: a row is
-- removed by replaying its tokens, which baton_grams() recomputes exactly.
CREATE VIRTUAL TABLE search_grams USING fts5 (
    grams, content = '', detail = 'none', prefix = '5', tokenize = 'ascii'
);

-- A bigger in-memory buffer (default 1 MiB) before FTS5 writes a segment:
-- fewer, larger segments to merge when a big import or the demo writes
-- millions of rows in one transaction.
INSERT INTO search_fts (search_fts, rank) VALUES ('hashsize', 33554432);
INSERT INTO search_grams (search_grams, rank) VALUES ('hashsize', 33554432);

-- The FTS indexes are not written by per-row triggers: FTS5 flushes its
-- in-memory buffer to a new segment at every statement savepoint, so a
-- trigger per row would turn a big import into endless segment merging.
-- Instead changed documents are queued (with the text the indexes hold for
-- them, which a contentless 'delete' must replay) and search::sync() applies
-- the queue in four statements at the end of every write transaction
-- (Store::write), before it commits.
CREATE TABLE search_queue (
    doc       INTEGER PRIMARY KEY,
    indexed   INTEGER NOT NULL,  -- 1: the indexes hold old_title/old_body for doc
    old_title TEXT,
    old_body  TEXT
);

CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
    INSERT INTO search_queue (doc, indexed) VALUES (new.doc, 0) ON CONFLICT (doc) DO NOTHING;
END;
CREATE TRIGGER search_docs_au AFTER UPDATE OF title, body ON search_docs BEGIN
    INSERT INTO search_queue (doc, indexed, old_title, old_body) VALUES (old.doc, 1, old.title, old.body)
        ON CONFLICT (doc) DO NOTHING;
END;
CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
    INSERT INTO search_queue (doc, indexed, old_title, old_body) VALUES (old.doc, 1, old.title, old.body)
        ON CONFLICT (doc) DO NOTHING;
END;

-- Customers. Competitors are a JSON array: index their names and notes, not the JSON keys.
CREATE TRIGGER search_customers_ai AFTER INSERT ON customers BEGIN
    INSERT INTO search_docs (record_id, kind, customer_id, initials, title, body) VALUES (
        new.id, 'customer', new.id,
        concat_ws(' ', baton_initials(new.name), nullif(baton_initials(new.short_name), '')),
        concat_ws(char(10), new.name, nullif(new.short_name, '')),
        concat_ws(char(10), nullif(new.notes, ''), nullif(new.need_stated, ''), nullif(new.need_real, ''),
                  nullif(new.need_unstated, ''), nullif(new.need_delight, ''), nullif(new.need_secret, ''),
                  (SELECT group_concat(concat_ws(' ', value ->> 'name', nullif(value ->> 'notes', '')), char(10))
                   FROM json_each(new.competitors))));
END;
CREATE TRIGGER search_customers_au AFTER UPDATE OF name, short_name, notes, need_stated, need_real,
    need_unstated, need_delight, need_secret, competitors ON customers BEGIN
    UPDATE search_docs SET
        initials = concat_ws(' ', baton_initials(new.name), nullif(baton_initials(new.short_name), '')),
        title = concat_ws(char(10), new.name, nullif(new.short_name, '')),
        body = concat_ws(char(10), nullif(new.notes, ''), nullif(new.need_stated, ''), nullif(new.need_real, ''),
                  nullif(new.need_unstated, ''), nullif(new.need_delight, ''), nullif(new.need_secret, ''),
                  (SELECT group_concat(concat_ws(' ', value ->> 'name', nullif(value ->> 'notes', '')), char(10))
                   FROM json_each(new.competitors)))
    WHERE record_id = new.id;
END;
CREATE TRIGGER search_customers_ad AFTER DELETE ON customers BEGIN
    DELETE FROM search_docs WHERE record_id = old.id;
END;

-- Key people.
CREATE TRIGGER search_people_ai AFTER INSERT ON people BEGIN
    INSERT INTO search_docs (record_id, kind, customer_id, initials, title, body) VALUES (
        new.id, 'person', new.customer_id, baton_initials(new.name), new.name,
        concat_ws(char(10), nullif(new.title, ''), nullif(new.interests, ''), nullif(new.notes, '')));
END;
CREATE TRIGGER search_people_au AFTER UPDATE OF name, title, interests, notes, customer_id ON people BEGIN
    UPDATE search_docs SET customer_id = new.customer_id, initials = baton_initials(new.name), title = new.name,
        body = concat_ws(char(10), nullif(new.title, ''), nullif(new.interests, ''), nullif(new.notes, ''))
    WHERE record_id = new.id;
END;
CREATE TRIGGER search_people_ad AFTER DELETE ON people BEGIN
    DELETE FROM search_docs WHERE record_id = old.id;
END;

-- Contact history.
CREATE TRIGGER search_contacts_ai AFTER INSERT ON contacts BEGIN
    INSERT INTO search_docs (record_id, kind, customer_id, title, body) VALUES (
        new.id, 'contact', new.customer_id, new.subject,
        concat_ws(char(10), nullif(new.summary, ''), nullif(new.outcome, '')));
END;
CREATE TRIGGER search_contacts_au AFTER UPDATE OF subject, summary, outcome, customer_id ON contacts BEGIN
    UPDATE search_docs SET customer_id = new.customer_id, title = new.subject,
        body = concat_ws(char(10), nullif(new.summary, ''), nullif(new.outcome, ''))
    WHERE record_id = new.id;
END;
CREATE TRIGGER search_contacts_ad AFTER DELETE ON contacts BEGIN
    DELETE FROM search_docs WHERE record_id = old.id;
END;

-- Books written before version 8 get their existing records indexed.
INSERT INTO search_docs (record_id, kind, customer_id, initials, title, body)
SELECT id, 'customer', id,
       concat_ws(' ', baton_initials(name), nullif(baton_initials(short_name), '')),
       concat_ws(char(10), name, nullif(short_name, '')),
       concat_ws(char(10), nullif(notes, ''), nullif(need_stated, ''), nullif(need_real, ''),
                 nullif(need_unstated, ''), nullif(need_delight, ''), nullif(need_secret, ''),
                 (SELECT group_concat(concat_ws(' ', value ->> 'name', nullif(value ->> 'notes', '')), char(10))
                  FROM json_each(competitors)))
FROM customers;
INSERT INTO search_docs (record_id, kind, customer_id, initials, title, body)
SELECT id, 'person', customer_id, baton_initials(name), name,
       concat_ws(char(10), nullif(title, ''), nullif(interests, ''), nullif(notes, ''))
FROM people;
INSERT INTO search_docs (record_id, kind, customer_id, title, body)
SELECT id, 'contact', customer_id, subject, concat_ws(char(10), nullif(summary, ''), nullif(outcome, ''))
FROM contacts;

-- Index the backfilled documents (what search::sync() does after each write).
INSERT INTO search_fts (rowid, title, body)
SELECT d.doc, d.title, d.body FROM search_queue q JOIN search_docs d ON d.doc = q.doc;
INSERT INTO search_grams (rowid, grams)
SELECT d.doc, baton_grams(d.title, d.body) FROM search_queue q JOIN search_docs d ON d.doc = q.doc;
DELETE FROM search_queue;
