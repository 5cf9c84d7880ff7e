-- Version 8: full-text search over what a salesperson looks up: customers
-- (name, short name, notes, needs, competitors), key people (name, title,
-- interests, notes) and contact history (subject, summary, outcome).
--
-- search_docs holds one row of searchable text per record, written by the
-- triggers below on every write path (create, edit, soft delete, trash
-- restore, import), so the index can never lag behind the records. Its
-- INTEGER PRIMARY KEY is the FTS rowid: unlike the implicit rowid of our
-- TEXT-keyed tables it survives VACUUM. search_fts is a trigram index over it
-- (substring search in any script; queries under three characters fall back to
-- a scan of search_docs, see src/search.rs). `initials` holds the pinyin
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

CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
    INSERT INTO search_fts (rowid, title, body) VALUES (new.doc, new.title, new.body);
END;
CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
    INSERT INTO search_fts (search_fts, rowid, title, body) VALUES ('delete', old.doc, old.title, old.body);
END;
CREATE TRIGGER search_docs_au AFTER UPDATE ON search_docs BEGIN
    INSERT INTO search_fts (search_fts, rowid, title, body) VALUES ('delete', old.doc, old.title, old.body);
    INSERT INTO search_fts (rowid, title, body) VALUES (new.doc, new.title, new.body);
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
