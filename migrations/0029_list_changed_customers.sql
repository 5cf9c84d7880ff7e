-- A whole-book order sorted in Rust (standing, dependence, revenue) was
-- kept until the next write that moved anyone (migration 27), then sorted
-- afresh: 30-50 ms at 100k, paid by the first page read after every save
-- (issue 18). These rows say which customers the latest such writes
-- touched, so the kept order moves just those customers
-- (src/views/list/kept_order.rs).
--
-- A ring of the latest 256 changes, as value_changed is (migration 25): each
-- change replaces the one 256 before it. A bulk fill raises the count with
-- no row here, so a reader further behind than the ring sorts afresh.
--
-- slot:         n % 256
-- n:            the list_changes count this change raised it to
-- customer_row: the rowid of the customer whose order, standing or
--               dependence facts changed

CREATE TABLE list_changed (
    slot         INTEGER PRIMARY KEY CHECK (slot BETWEEN 0 AND 255),
    n            INTEGER NOT NULL,
    customer_row INTEGER NOT NULL
);

DROP TRIGGER list_changes_ai;
DROP TRIGGER list_changes_ad;
DROP TRIGGER list_changes_au;

CREATE TRIGGER list_changes_ai AFTER INSERT ON customers BEGIN
    UPDATE list_changes SET n = n + 1 WHERE id = 1;
    INSERT INTO list_changed (slot, n, customer_row)
        SELECT n % 256, n, new.rowid FROM list_changes WHERE id = 1
        ON CONFLICT (slot) DO UPDATE SET n = excluded.n, customer_row = excluded.customer_row;
END;
CREATE TRIGGER list_changes_ad AFTER DELETE ON customers BEGIN
    UPDATE list_changes SET n = n + 1 WHERE id = 1;
    INSERT INTO list_changed (slot, n, customer_row)
        SELECT n % 256, n, old.rowid FROM list_changes WHERE id = 1
        ON CONFLICT (slot) DO UPDATE SET n = excluded.n, customer_row = excluded.customer_row;
END;
-- (The same columns and condition as migration 27's.)
CREATE TRIGGER list_changes_au AFTER UPDATE OF deleted_at, sort_key, name, id, status, created_at,
    last_order_on, last_contact_on, dep_people, dep_roles, dep_layers, dep_colleagues, dep_contacted,
    assessed_on, dep_card_layer ON customers
WHEN old.deleted_at IS NOT new.deleted_at OR old.sort_key IS NOT new.sort_key OR old.name IS NOT new.name
    OR old.id IS NOT new.id OR old.status IS NOT new.status OR old.created_at IS NOT new.created_at
    OR old.last_order_on IS NOT new.last_order_on OR old.last_contact_on IS NOT new.last_contact_on
    OR old.dep_people IS NOT new.dep_people OR old.dep_roles IS NOT new.dep_roles
    OR old.dep_layers IS NOT new.dep_layers OR old.dep_colleagues IS NOT new.dep_colleagues
    OR old.dep_contacted IS NOT new.dep_contacted OR old.assessed_on IS NOT new.assessed_on
    OR old.dep_card_layer IS NOT new.dep_card_layer BEGIN
    UPDATE list_changes SET n = n + 1 WHERE id = 1;
    INSERT INTO list_changed (slot, n, customer_row)
        SELECT n % 256, n, new.rowid FROM list_changes WHERE id = 1
        ON CONFLICT (slot) DO UPDATE SET n = excluded.n, customer_row = excluded.customer_row;
END;
