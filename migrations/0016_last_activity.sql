-- Where a customer stands (src/activity.rs) depends on its last order and
-- its last contact. Computing them per row made a list filtered or sorted
-- by standing cost a few index probes per customer (112 ms at 20k); kept
-- here by triggers, the rule reads two columns.
--
-- last_order_on:   the day of its last live order (any currency), or NULL
-- last_contact_on: the UTC day of its last live contact, or NULL

ALTER TABLE customers ADD COLUMN last_order_on TEXT;
ALTER TABLE customers ADD COLUMN last_contact_on TEXT;

UPDATE customers SET
    last_order_on = (SELECT max(d.occurred_on) FROM deals d
                     WHERE d.customer_id = customers.id AND d.kind = 'order' AND d.deleted_at IS NULL),
    last_contact_on = (SELECT substr(max(t.happened_at), 1, 10) FROM contacts t
                       WHERE t.customer_id = customers.id AND t.deleted_at IS NULL);

CREATE TRIGGER activity_deals_ai AFTER INSERT ON deals WHEN new.kind = 'order' BEGIN
    UPDATE customers SET last_order_on = (SELECT max(d.occurred_on) FROM deals d
        WHERE d.customer_id = new.customer_id AND d.kind = 'order' AND d.deleted_at IS NULL)
    WHERE id = new.customer_id;
END;
CREATE TRIGGER activity_deals_au AFTER UPDATE OF kind, occurred_on, deleted_at, customer_id ON deals BEGIN
    UPDATE customers SET last_order_on = (SELECT max(d.occurred_on) FROM deals d
        WHERE d.customer_id = customers.id AND d.kind = 'order' AND d.deleted_at IS NULL)
    WHERE id IN (old.customer_id, new.customer_id);
END;
CREATE TRIGGER activity_deals_ad AFTER DELETE ON deals WHEN old.kind = 'order' BEGIN
    UPDATE customers SET last_order_on = (SELECT max(d.occurred_on) FROM deals d
        WHERE d.customer_id = old.customer_id AND d.kind = 'order' AND d.deleted_at IS NULL)
    WHERE id = old.customer_id;
END;

CREATE TRIGGER activity_contacts_ai AFTER INSERT ON contacts BEGIN
    UPDATE customers SET last_contact_on = (SELECT substr(max(t.happened_at), 1, 10) FROM contacts t
        WHERE t.customer_id = new.customer_id AND t.deleted_at IS NULL)
    WHERE id = new.customer_id;
END;
CREATE TRIGGER activity_contacts_au AFTER UPDATE OF happened_at, deleted_at, customer_id ON contacts BEGIN
    UPDATE customers SET last_contact_on = (SELECT substr(max(t.happened_at), 1, 10) FROM contacts t
        WHERE t.customer_id = customers.id AND t.deleted_at IS NULL)
    WHERE id IN (old.customer_id, new.customer_id);
END;
CREATE TRIGGER activity_contacts_ad AFTER DELETE ON contacts BEGIN
    UPDATE customers SET last_contact_on = (SELECT substr(max(t.happened_at), 1, 10) FROM contacts t
        WHERE t.customer_id = old.customer_id AND t.deleted_at IS NULL)
    WHERE id = old.customer_id;
END;
