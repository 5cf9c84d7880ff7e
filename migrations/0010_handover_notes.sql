-- Version 10: handover notes (交接备注), one per customer, and their search
-- index (kind 'note', with the same per-kind FTS tables as migration 8).
CREATE TABLE handover_notes (
    id                TEXT PRIMARY KEY NOT NULL,
    customer_id       TEXT NOT NULL UNIQUE REFERENCES customers (id) ON DELETE CASCADE,
    key_relationships TEXT NOT NULL DEFAULT '',
    open_promises     TEXT NOT NULL DEFAULT '',
    risks             TEXT NOT NULL DEFAULT '',
    next_steps        TEXT NOT NULL DEFAULT '',
    written_by        TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);

CREATE VIRTUAL TABLE search_fts_note USING fts5 (title, body, content = '', tokenize = 'trigram');
CREATE VIRTUAL TABLE search_grams_note USING fts5 (grams, content = '', detail = 'none', prefix = '5', tokenize = 'ascii');
INSERT INTO search_fts_note (search_fts_note, rank) VALUES ('automerge', 0);
INSERT INTO search_grams_note (search_grams_note, rank) VALUES ('automerge', 0);

-- A note has no title of its own: its four texts form the body, and a hit
-- shows the matching passage under its customer's name.
CREATE TRIGGER search_notes_ai AFTER INSERT ON handover_notes BEGIN
    INSERT INTO search_docs (record_id, kind, customer_id, title, body) VALUES (
        new.id, 'note', new.customer_id, '',
        concat_ws(char(10), nullif(new.key_relationships, ''), nullif(new.open_promises, ''),
                  nullif(new.risks, ''), nullif(new.next_steps, '')));
END;
CREATE TRIGGER search_notes_au AFTER UPDATE OF key_relationships, open_promises, risks, next_steps ON handover_notes BEGIN
    UPDATE search_docs SET
        body = concat_ws(char(10), nullif(new.key_relationships, ''), nullif(new.open_promises, ''),
                         nullif(new.risks, ''), nullif(new.next_steps, ''))
    WHERE record_id = new.id;
END;
CREATE TRIGGER search_notes_ad AFTER DELETE ON handover_notes BEGIN
    DELETE FROM search_docs WHERE record_id = old.id;
END;
