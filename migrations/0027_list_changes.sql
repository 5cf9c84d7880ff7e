-- Sorting the whole list by standing, dependence or revenue reads every live
-- customer's kept facts and sorts them in Rust: 30-50 ms at 100k, on every
-- page of the sort (issue 18). The order is now kept between reads
-- (src/views/list/kept_order.rs) for as long as this count stands: it moves
-- whenever something such an order is computed from changes on a customer.
--
-- n: changes to the customers' order, standing or dependence facts

CREATE TABLE list_changes (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n  INTEGER NOT NULL
);
INSERT INTO list_changes (id, n) VALUES (1, 0);

CREATE TRIGGER list_changes_ai AFTER INSERT ON customers BEGIN
    UPDATE list_changes SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER list_changes_ad AFTER DELETE ON customers BEGIN
    UPDATE list_changes SET n = n + 1 WHERE id = 1;
END;
-- The kept facts' triggers often write a value unchanged: only a real
-- change moves the count.
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
END;
