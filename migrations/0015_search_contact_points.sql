-- Search finds people and customers by phone, email and messaging id
-- (issue 14: "who is calling me?"). A phone is indexed as typed and as its
-- digits alone (baton_digits), so the full number finds "150 8017 9467".
-- The bodies of existing people and customers are rewritten here; the
-- search queue then re-indexes them (migrations::migrate runs search::sync).

DROP TRIGGER search_people_ai;
DROP TRIGGER search_people_au;
CREATE TRIGGER search_people_ai AFTER INSERT ON people BEGIN
    INSERT INTO search_docs (record_id, kind, customer_id, initials, title, body) VALUES (
        new.id, 'person', new.customer_id, baton_initials(new.name), new.name,
        concat_ws(char(10), nullif(new.title, ''), nullif(new.interests, ''), nullif(new.notes, ''),
                  nullif(new.phone, ''), nullif(baton_digits(new.phone), ''), nullif(new.email, ''),
                  nullif(new.messaging_id, '')));
END;
CREATE TRIGGER search_people_au AFTER UPDATE OF name, title, interests, notes, customer_id, phone, email,
    messaging_id ON people BEGIN
    UPDATE search_docs SET customer_id = new.customer_id, initials = baton_initials(new.name), title = new.name,
        body = concat_ws(char(10), nullif(new.title, ''), nullif(new.interests, ''), nullif(new.notes, ''),
                         nullif(new.phone, ''), nullif(baton_digits(new.phone), ''), nullif(new.email, ''),
                         nullif(new.messaging_id, ''))
    WHERE record_id = new.id;
END;

DROP TRIGGER search_customers_ai;
DROP TRIGGER search_customers_au;
CREATE TRIGGER search_customers_ai AFTER INSERT ON customers BEGIN
    INSERT INTO search_docs (record_id, kind, customer_id, initials, title, body) VALUES (
        new.id, 'customer', new.id,
        concat_ws(' ', baton_initials(new.name), nullif(baton_initials(new.short_name), '')),
        concat_ws(char(10), new.name, nullif(new.short_name, '')),
        concat_ws(char(10), nullif(new.notes, ''), nullif(new.need_stated, ''), nullif(new.need_real, ''),
                  nullif(new.need_unstated, ''), nullif(new.need_delight, ''), nullif(new.need_secret, ''),
                  (SELECT group_concat(concat_ws(' ', value ->> 'name', nullif(value ->> 'notes', '')), char(10))
                   FROM json_each(new.competitors)),
                  nullif(new.phone, ''), nullif(baton_digits(new.phone), '')));
END;
CREATE TRIGGER search_customers_au AFTER UPDATE OF name, short_name, notes, need_stated, need_real,
    need_unstated, need_delight, need_secret, competitors, phone ON customers BEGIN
    UPDATE search_docs SET
        initials = concat_ws(' ', baton_initials(new.name), nullif(baton_initials(new.short_name), '')),
        title = concat_ws(char(10), new.name, nullif(new.short_name, '')),
        body = concat_ws(char(10), nullif(new.notes, ''), nullif(new.need_stated, ''), nullif(new.need_real, ''),
                  nullif(new.need_unstated, ''), nullif(new.need_delight, ''), nullif(new.need_secret, ''),
                  (SELECT group_concat(concat_ws(' ', value ->> 'name', nullif(value ->> 'notes', '')), char(10))
                   FROM json_each(new.competitors)),
                  nullif(new.phone, ''), nullif(baton_digits(new.phone), ''))
    WHERE record_id = new.id;
END;

-- Existing records: their documents take the new text (and are queued).
UPDATE search_docs SET body = (
    SELECT concat_ws(char(10), nullif(p.title, ''), nullif(p.interests, ''), nullif(p.notes, ''),
                     nullif(p.phone, ''), nullif(baton_digits(p.phone), ''), nullif(p.email, ''),
                     nullif(p.messaging_id, ''))
    FROM people p WHERE p.id = search_docs.record_id)
WHERE kind = 'person' AND record_id IN (SELECT id FROM people WHERE phone <> '' OR email <> '' OR messaging_id <> '');
UPDATE search_docs SET body = (
    SELECT concat_ws(char(10), nullif(c.notes, ''), nullif(c.need_stated, ''), nullif(c.need_real, ''),
                     nullif(c.need_unstated, ''), nullif(c.need_delight, ''), nullif(c.need_secret, ''),
                     (SELECT group_concat(concat_ws(' ', value ->> 'name', nullif(value ->> 'notes', '')), char(10))
                      FROM json_each(c.competitors)),
                     nullif(c.phone, ''), nullif(baton_digits(c.phone), ''))
    FROM customers c WHERE c.id = search_docs.record_id)
WHERE kind = 'customer' AND record_id IN (SELECT id FROM customers WHERE phone <> '');
