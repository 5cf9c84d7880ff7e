-- The kept revenue ranking (migration 21) was read again in full after any
-- write that could change it: 200 ms on the 100k book, paid by the card
-- opened right after an order was saved. These rows say which customers
-- the latest such writes touched, so the ranking is brought up to date
-- for just those customers (value::ranking).
--
-- A ring of the latest 256 changes: each change replaces the one 256
-- before it, so the table never grows. (An upsert, not INSERT OR REPLACE:
-- a trigger's OR REPLACE gives way to the statement that fired it, and
-- the record layer's own upsert made it fail.) A reader whose ranking is further
-- behind reads it again in full.
--
-- slot:        n % 256
-- n:           the value_changes count this change raised it to
-- customer_id: the customer whose revenue, head count or liveness may
--              have changed
-- other_id:    a second one (a deal moved from one customer to another)

CREATE TABLE value_changed (
    slot        INTEGER PRIMARY KEY CHECK (slot BETWEEN 0 AND 255),
    n           INTEGER NOT NULL,
    customer_id TEXT NOT NULL,
    other_id    TEXT
);

DROP TRIGGER value_changes_deals_ai;
DROP TRIGGER value_changes_deals_au;
DROP TRIGGER value_changes_deals_ad;
DROP TRIGGER value_changes_customers_au;
DROP TRIGGER value_changes_customers_ad;

CREATE TRIGGER value_changes_deals_ai AFTER INSERT ON deals BEGIN
    UPDATE value_changes SET n = n + 1 WHERE id = 1;
    INSERT INTO value_changed (slot, n, customer_id, other_id)
        SELECT n % 256, n, new.customer_id, NULL FROM value_changes WHERE id = 1
        ON CONFLICT (slot) DO UPDATE SET n = excluded.n, customer_id = excluded.customer_id, other_id = excluded.other_id;
END;
CREATE TRIGGER value_changes_deals_au AFTER UPDATE ON deals BEGIN
    UPDATE value_changes SET n = n + 1 WHERE id = 1;
    INSERT INTO value_changed (slot, n, customer_id, other_id)
        SELECT n % 256, n, new.customer_id, nullif(old.customer_id, new.customer_id) FROM value_changes WHERE id = 1
        ON CONFLICT (slot) DO UPDATE SET n = excluded.n, customer_id = excluded.customer_id, other_id = excluded.other_id;
END;
CREATE TRIGGER value_changes_deals_ad AFTER DELETE ON deals BEGIN
    UPDATE value_changes SET n = n + 1 WHERE id = 1;
    INSERT INTO value_changed (slot, n, customer_id, other_id)
        SELECT n % 256, n, old.customer_id, NULL FROM value_changes WHERE id = 1
        ON CONFLICT (slot) DO UPDATE SET n = excluded.n, customer_id = excluded.customer_id, other_id = excluded.other_id;
END;
-- (An edit rewrites every column of the card: only a real change counts.)
CREATE TRIGGER value_changes_customers_au AFTER UPDATE OF serving_staff, deleted_at ON customers
WHEN old.serving_staff IS NOT new.serving_staff OR old.deleted_at IS NOT new.deleted_at BEGIN
    UPDATE value_changes SET n = n + 1 WHERE id = 1;
    INSERT INTO value_changed (slot, n, customer_id, other_id)
        SELECT n % 256, n, new.id, NULL FROM value_changes WHERE id = 1
        ON CONFLICT (slot) DO UPDATE SET n = excluded.n, customer_id = excluded.customer_id, other_id = excluded.other_id;
END;
CREATE TRIGGER value_changes_customers_ad AFTER DELETE ON customers BEGIN
    UPDATE value_changes SET n = n + 1 WHERE id = 1;
    INSERT INTO value_changed (slot, n, customer_id, other_id)
        SELECT n % 256, n, old.id, NULL FROM value_changes WHERE id = 1
        ON CONFLICT (slot) DO UPDATE SET n = excluded.n, customer_id = excluded.customer_id, other_id = excluded.other_id;
END;
