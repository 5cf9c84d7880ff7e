-- A customer's value picture ranks its revenue in the window against every
-- live customer's: an aggregate of every deal in the window (275 ms on the
-- 100k book), and the card's header asks for it on every card opened. The
-- ranking is kept in memory while nothing it depends on has changed; this
-- row says whether something has.
--
-- book: a random name of this book's content, renamed whenever a restore
--       replaces the content (a copy of the book shares its name and count)
-- n:    raised by every write that can change a ranking: a deal written,
--       changed or removed, a customer's serving staff, trash or removal

CREATE TABLE value_changes (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    book TEXT NOT NULL,
    n    INTEGER NOT NULL
);
INSERT INTO value_changes (id, book, n) VALUES (1, lower(hex(randomblob(16))), 0);

CREATE TRIGGER value_changes_deals_ai AFTER INSERT ON deals BEGIN
    UPDATE value_changes SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER value_changes_deals_au AFTER UPDATE ON deals BEGIN
    UPDATE value_changes SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER value_changes_deals_ad AFTER DELETE ON deals BEGIN
    UPDATE value_changes SET n = n + 1 WHERE id = 1;
END;
-- (An edit rewrites every column of the card: only a real change counts.)
CREATE TRIGGER value_changes_customers_au AFTER UPDATE OF serving_staff, deleted_at ON customers
WHEN old.serving_staff IS NOT new.serving_staff OR old.deleted_at IS NOT new.deleted_at BEGIN
    UPDATE value_changes SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER value_changes_customers_ad AFTER DELETE ON customers BEGIN
    UPDATE value_changes SET n = n + 1 WHERE id = 1;
END;
