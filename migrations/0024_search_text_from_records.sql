-- Version 24: the search indexes read their text from the records
-- themselves (issue 18: the book's search took 58% on top of its records,
-- and a third of that was search_docs, a second copy of every searchable
-- text with two record ids and two indexes per document).
--
-- Each record now carries its document number, `search_doc`: the FTS rowid
-- of its text, given once at insert from a counter and never reused, so it
-- survives VACUUM (a table's implicit rowid may not). The views
-- search_text_<kind> say what each kind's searchable text is, in one place:
-- search::sync() indexes a queued document's current text from them, and
-- triggers BEFORE an update or delete copy the text the indexes hold into
-- search_queue, to be replayed as the contentless tables' delete (migration
-- 8). The documents already indexed keep their numbers, so nothing is
-- re-indexed: each view gives the same text the triggers of migrations 8,
-- 10 and 15 wrote (tests/core/search_upgrade.rs checks it).

CREATE TABLE search_seq (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    last_doc INTEGER NOT NULL
);
INSERT INTO search_seq (id, last_doc) SELECT 1, coalesce(max(doc), 0) FROM search_docs;

ALTER TABLE customers ADD COLUMN search_doc INTEGER;
ALTER TABLE people ADD COLUMN search_doc INTEGER;
ALTER TABLE contacts ADD COLUMN search_doc INTEGER;
ALTER TABLE handover_notes ADD COLUMN search_doc INTEGER;
UPDATE customers SET search_doc = d.doc FROM search_docs d WHERE d.record_id = customers.id;
UPDATE people SET search_doc = d.doc FROM search_docs d WHERE d.record_id = people.id;
UPDATE contacts SET search_doc = d.doc FROM search_docs d WHERE d.record_id = contacts.id;
UPDATE handover_notes SET search_doc = d.doc FROM search_docs d WHERE d.record_id = handover_notes.id;
-- Named search_* so the bench counts them with the search (src/bench/book.rs).
CREATE UNIQUE INDEX search_doc_customers ON customers (search_doc);
CREATE UNIQUE INDEX search_doc_people ON people (search_doc);
CREATE UNIQUE INDEX search_doc_contacts ON contacts (search_doc);
CREATE UNIQUE INDEX search_doc_handover_notes ON handover_notes (search_doc);

DROP TRIGGER search_docs_ai;
DROP TRIGGER search_docs_au;
DROP TRIGGER search_docs_ad;
DROP TRIGGER search_customers_ai;
DROP TRIGGER search_customers_au;
DROP TRIGGER search_customers_ad;
DROP TRIGGER search_people_ai;
DROP TRIGGER search_people_au;
DROP TRIGGER search_people_ad;
DROP TRIGGER search_contacts_ai;
DROP TRIGGER search_contacts_au;
DROP TRIGGER search_contacts_ad;
DROP TRIGGER search_notes_ai;
DROP TRIGGER search_notes_au;
DROP TRIGGER search_notes_ad;
DROP TABLE search_docs;

-- What each kind's search sees: the document's title, body and the pinyin
-- initials of its names (baton_initials), with what a hit shows beside them.
-- Competitors are a JSON array: their names and notes, not the JSON keys. A
-- phone is indexed as typed and as its digits alone (migration 15).
CREATE VIEW search_text_customer AS
SELECT search_doc AS doc, id AS record_id, id AS customer_id, deleted_at,
       concat_ws(char(10), name, nullif(short_name, '')) AS title,
       concat_ws(char(10), nullif(notes, ''), nullif(need_stated, ''), nullif(need_real, ''),
                 nullif(need_unstated, ''), nullif(need_delight, ''), nullif(need_secret, ''),
                 (SELECT group_concat(concat_ws(' ', value ->> 'name', nullif(value ->> 'notes', '')), char(10))
                  FROM json_each(competitors)),
                 nullif(phone, ''), nullif(baton_digits(phone), '')) AS body,
       concat_ws(' ', baton_initials(name), nullif(baton_initials(short_name), '')) AS initials,
       '' AS person_title, '' AS person_phone
FROM customers;

CREATE VIEW search_text_person AS
SELECT search_doc AS doc, id AS record_id, customer_id, deleted_at,
       name AS title,
       concat_ws(char(10), nullif(title, ''), nullif(interests, ''), nullif(notes, ''),
                 nullif(phone, ''), nullif(baton_digits(phone), ''), nullif(email, ''),
                 nullif(messaging_id, '')) AS body,
       baton_initials(name) AS initials,
       title AS person_title, phone AS person_phone
FROM people;

CREATE VIEW search_text_contact AS
SELECT search_doc AS doc, id AS record_id, customer_id, deleted_at,
       subject AS title,
       concat_ws(char(10), nullif(summary, ''), nullif(outcome, '')) AS body,
       '' AS initials, '' AS person_title, '' AS person_phone
FROM contacts;

-- A note has no title of its own: its four texts form the body.
CREATE VIEW search_text_note AS
SELECT search_doc AS doc, id AS record_id, customer_id, deleted_at,
       '' AS title,
       concat_ws(char(10), nullif(key_relationships, ''), nullif(open_promises, ''),
                 nullif(risks, ''), nullif(next_steps, '')) AS body,
       '' AS initials, '' AS person_title, '' AS person_phone
FROM handover_notes;

-- Every document, with its kind (the search tests' oracle reads it).
CREATE VIEW search_text AS
SELECT 'customer' AS kind, * FROM search_text_customer
UNION ALL SELECT 'person', * FROM search_text_person
UNION ALL SELECT 'contact', * FROM search_text_contact
UNION ALL SELECT 'note', * FROM search_text_note;

-- A new record takes the next document number and is queued to be indexed.
CREATE TRIGGER search_customers_ai AFTER INSERT ON customers BEGIN
    UPDATE search_seq SET last_doc = last_doc + 1;
    UPDATE customers SET search_doc = (SELECT last_doc FROM search_seq) WHERE rowid = new.rowid;
    INSERT INTO search_queue (doc, kind, indexed) SELECT last_doc, 'customer', 0 FROM search_seq;
END;
CREATE TRIGGER search_people_ai AFTER INSERT ON people BEGIN
    UPDATE search_seq SET last_doc = last_doc + 1;
    UPDATE people SET search_doc = (SELECT last_doc FROM search_seq) WHERE rowid = new.rowid;
    INSERT INTO search_queue (doc, kind, indexed) SELECT last_doc, 'person', 0 FROM search_seq;
END;
CREATE TRIGGER search_contacts_ai AFTER INSERT ON contacts BEGIN
    UPDATE search_seq SET last_doc = last_doc + 1;
    UPDATE contacts SET search_doc = (SELECT last_doc FROM search_seq) WHERE rowid = new.rowid;
    INSERT INTO search_queue (doc, kind, indexed) SELECT last_doc, 'contact', 0 FROM search_seq;
END;
CREATE TRIGGER search_notes_ai AFTER INSERT ON handover_notes BEGIN
    UPDATE search_seq SET last_doc = last_doc + 1;
    UPDATE handover_notes SET search_doc = (SELECT last_doc FROM search_seq) WHERE rowid = new.rowid;
    INSERT INTO search_queue (doc, kind, indexed) SELECT last_doc, 'note', 0 FROM search_seq;
END;

-- Before a record's searchable text changes or the record goes, the text the
-- indexes hold is queued (once per transaction: the first copy is the one
-- indexed; a document inserted in the same transaction is not indexed yet).
-- An edit that leaves the text as it was queues nothing.
CREATE TRIGGER search_customers_bu BEFORE UPDATE OF name, short_name, notes, need_stated, need_real,
    need_unstated, need_delight, need_secret, competitors, phone ON customers
WHEN old.name IS NOT new.name OR old.short_name IS NOT new.short_name OR old.notes IS NOT new.notes
    OR old.need_stated IS NOT new.need_stated OR old.need_real IS NOT new.need_real
    OR old.need_unstated IS NOT new.need_unstated OR old.need_delight IS NOT new.need_delight
    OR old.need_secret IS NOT new.need_secret OR old.competitors IS NOT new.competitors
    OR old.phone IS NOT new.phone BEGIN
    INSERT INTO search_queue (doc, kind, indexed, old_title, old_body, old_initials)
        SELECT doc, 'customer', 1, title, body, initials FROM search_text_customer WHERE doc = old.search_doc
        ON CONFLICT (doc) DO NOTHING;
END;
CREATE TRIGGER search_customers_bd BEFORE DELETE ON customers BEGIN
    INSERT INTO search_queue (doc, kind, indexed, old_title, old_body, old_initials)
        SELECT doc, 'customer', 1, title, body, initials FROM search_text_customer WHERE doc = old.search_doc
        ON CONFLICT (doc) DO NOTHING;
END;

CREATE TRIGGER search_people_bu BEFORE UPDATE OF name, title, interests, notes, phone, email, messaging_id ON people
WHEN old.name IS NOT new.name OR old.title IS NOT new.title OR old.interests IS NOT new.interests
    OR old.notes IS NOT new.notes OR old.phone IS NOT new.phone OR old.email IS NOT new.email
    OR old.messaging_id IS NOT new.messaging_id BEGIN
    INSERT INTO search_queue (doc, kind, indexed, old_title, old_body, old_initials)
        SELECT doc, 'person', 1, title, body, initials FROM search_text_person WHERE doc = old.search_doc
        ON CONFLICT (doc) DO NOTHING;
END;
CREATE TRIGGER search_people_bd BEFORE DELETE ON people BEGIN
    INSERT INTO search_queue (doc, kind, indexed, old_title, old_body, old_initials)
        SELECT doc, 'person', 1, title, body, initials FROM search_text_person WHERE doc = old.search_doc
        ON CONFLICT (doc) DO NOTHING;
END;

CREATE TRIGGER search_contacts_bu BEFORE UPDATE OF subject, summary, outcome ON contacts
WHEN old.subject IS NOT new.subject OR old.summary IS NOT new.summary OR old.outcome IS NOT new.outcome BEGIN
    INSERT INTO search_queue (doc, kind, indexed, old_title, old_body, old_initials)
        SELECT doc, 'contact', 1, title, body, initials FROM search_text_contact WHERE doc = old.search_doc
        ON CONFLICT (doc) DO NOTHING;
END;
CREATE TRIGGER search_contacts_bd BEFORE DELETE ON contacts BEGIN
    INSERT INTO search_queue (doc, kind, indexed, old_title, old_body, old_initials)
        SELECT doc, 'contact', 1, title, body, initials FROM search_text_contact WHERE doc = old.search_doc
        ON CONFLICT (doc) DO NOTHING;
END;

CREATE TRIGGER search_notes_bu BEFORE UPDATE OF key_relationships, open_promises, risks, next_steps ON handover_notes
WHEN old.key_relationships IS NOT new.key_relationships OR old.open_promises IS NOT new.open_promises
    OR old.risks IS NOT new.risks OR old.next_steps IS NOT new.next_steps BEGIN
    INSERT INTO search_queue (doc, kind, indexed, old_title, old_body, old_initials)
        SELECT doc, 'note', 1, title, body, initials FROM search_text_note WHERE doc = old.search_doc
        ON CONFLICT (doc) DO NOTHING;
END;
CREATE TRIGGER search_notes_bd BEFORE DELETE ON handover_notes BEGIN
    INSERT INTO search_queue (doc, kind, indexed, old_title, old_body, old_initials)
        SELECT doc, 'note', 1, title, body, initials FROM search_text_note WHERE doc = old.search_doc
        ON CONFLICT (doc) DO NOTHING;
END;
