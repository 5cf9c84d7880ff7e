-- Version 8: full-text search over what a salesperson looks up: customers
-- (name, short name, notes, needs, competitors), key people (name, title,
-- interests, notes) and contact history (subject, summary, outcome).
--
-- search_docs holds one row of searchable text per record, written by the
-- triggers below on every write path (create, edit, soft delete, trash
-- restore, import), so it never lags behind the records. Its INTEGER PRIMARY
-- KEY is the FTS rowid: unlike the implicit rowid of our TEXT-keyed tables it
-- survives VACUUM. `initials` holds the pinyin initials of a customer's or
-- person's names (华为 → hw), from baton_initials(), a function every Baton
-- connection registers.
CREATE TABLE search_docs (
    doc         INTEGER PRIMARY KEY,
    record_id   TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL CHECK (kind IN ('customer', 'person', 'contact', 'note')),
    customer_id TEXT NOT NULL,
    title       TEXT NOT NULL,
    body        TEXT NOT NULL,
    initials    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX search_docs_customer ON search_docs (customer_id);

-- Two indexes per kind, so a term common in contact history (报价) never
-- makes a customer search wade through a million contacts' matches:
-- * search_fts_<kind>: trigrams, for terms of three or more characters in
--   any script;
-- * search_grams_<kind>: every character pair as an ASCII token (and the
--   pairs of the pinyin initials), document ids only, with a prefix index of
--   one encoded character, for terms of one or two characters and initials
--   (baton_grams(), src/search/grams.rs).
-- Both are contentless: a document is removed by replaying the text it was
-- indexed with, which search_queue keeps.
CREATE VIRTUAL TABLE search_fts_customer USING fts5 (title, body, content = '', tokenize = 'trigram');
CREATE VIRTUAL TABLE search_grams_customer USING fts5 (grams, content = '', detail = 'none', prefix = '5', tokenize = 'ascii');
CREATE VIRTUAL TABLE search_fts_person USING fts5 (title, body, content = '', tokenize = 'trigram');
CREATE VIRTUAL TABLE search_grams_person USING fts5 (grams, content = '', detail = 'none', prefix = '5', tokenize = 'ascii');
CREATE VIRTUAL TABLE search_fts_contact USING fts5 (title, body, content = '', tokenize = 'trigram');
CREATE VIRTUAL TABLE search_grams_contact USING fts5 (grams, content = '', detail = 'none', prefix = '5', tokenize = 'ascii');

-- A bigger in-memory buffer (default 1 MiB) before FTS5 writes a segment:
-- fewer, larger segments when an import or the demo indexes millions of rows
-- at once. Automatic merging is off: it would merge whole levels inside some
-- unlucky write (a 400 ms edit); search::sync() merges a little after every
-- write instead, and everything after a bulk one.
INSERT INTO search_fts_customer (search_fts_customer, rank) VALUES ('hashsize', 16777216);
INSERT INTO search_fts_customer (search_fts_customer, rank) VALUES ('automerge', 0);
INSERT INTO search_grams_customer (search_grams_customer, rank) VALUES ('hashsize', 16777216);
INSERT INTO search_grams_customer (search_grams_customer, rank) VALUES ('automerge', 0);
INSERT INTO search_fts_person (search_fts_person, rank) VALUES ('hashsize', 16777216);
INSERT INTO search_fts_person (search_fts_person, rank) VALUES ('automerge', 0);
INSERT INTO search_grams_person (search_grams_person, rank) VALUES ('hashsize', 16777216);
INSERT INTO search_grams_person (search_grams_person, rank) VALUES ('automerge', 0);
INSERT INTO search_fts_contact (search_fts_contact, rank) VALUES ('hashsize', 16777216);
INSERT INTO search_fts_contact (search_fts_contact, rank) VALUES ('automerge', 0);
INSERT INTO search_grams_contact (search_grams_contact, rank) VALUES ('hashsize', 16777216);
INSERT INTO search_grams_contact (search_grams_contact, rank) VALUES ('automerge', 0);

-- The FTS indexes are not written by per-row triggers: FTS5 flushes its
-- in-memory buffer to a new segment at every statement savepoint, so a
-- trigger per row turns a big import into endless segment merging (a 10k
-- demo took 293 s that way, 23 s this way). Changed documents are queued
-- instead, with the text the indexes hold for them, and search::sync()
-- applies the queue in a few statements at the end of every write
-- transaction (Store::write), before it commits.
CREATE TABLE search_queue (
    doc          INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL,
    indexed      INTEGER NOT NULL,  -- 1: the indexes hold the old_* text for doc
    old_title    TEXT,
    old_body     TEXT,
    old_initials TEXT
);

CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
    INSERT INTO search_queue (doc, kind, indexed) VALUES (new.doc, new.kind, 0) ON CONFLICT (doc) DO NOTHING;
END;
CREATE TRIGGER search_docs_au AFTER UPDATE OF title, body, initials ON search_docs BEGIN
    INSERT INTO search_queue (doc, kind, indexed, old_title, old_body, old_initials)
        VALUES (old.doc, old.kind, 1, old.title, old.body, old.initials) ON CONFLICT (doc) DO NOTHING;
END;
CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
    INSERT INTO search_queue (doc, kind, indexed, old_title, old_body, old_initials)
        VALUES (old.doc, old.kind, 1, old.title, old.body, old.initials) ON CONFLICT (doc) DO NOTHING;
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
INSERT INTO search_fts_customer (rowid, title, body)
SELECT d.doc, d.title, d.body FROM search_queue q JOIN search_docs d ON d.doc = q.doc WHERE q.kind = 'customer';
INSERT INTO search_grams_customer (rowid, grams)
SELECT d.doc, baton_grams(d.title, d.body, d.initials) FROM search_queue q JOIN search_docs d ON d.doc = q.doc
WHERE q.kind = 'customer';
INSERT INTO search_fts_person (rowid, title, body)
SELECT d.doc, d.title, d.body FROM search_queue q JOIN search_docs d ON d.doc = q.doc WHERE q.kind = 'person';
INSERT INTO search_grams_person (rowid, grams)
SELECT d.doc, baton_grams(d.title, d.body, d.initials) FROM search_queue q JOIN search_docs d ON d.doc = q.doc
WHERE q.kind = 'person';
INSERT INTO search_fts_contact (rowid, title, body)
SELECT d.doc, d.title, d.body FROM search_queue q JOIN search_docs d ON d.doc = q.doc WHERE q.kind = 'contact';
INSERT INTO search_grams_contact (rowid, grams)
SELECT d.doc, baton_grams(d.title, d.body, d.initials) FROM search_queue q JOIN search_docs d ON d.doc = q.doc
WHERE q.kind = 'contact';
DELETE FROM search_queue;
