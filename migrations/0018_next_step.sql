-- The customer list shows and sorts by each customer's next step (issue
-- 14): the day of its earliest open follow-up, kept here by triggers as
-- last_contact_on is (migration 16), so a sort over 100,000 customers reads
-- one column instead of probing the follow-ups per row.
--
-- next_due_on: the earliest due day of the customer's open follow-ups
-- (not done, not cancelled, not in the trash), or NULL.

ALTER TABLE customers ADD COLUMN next_due_on TEXT;

UPDATE customers SET next_due_on = (SELECT min(f.due_on) FROM followups f
    WHERE f.customer_id = customers.id AND f.done_at IS NULL AND f.cancelled_at IS NULL AND f.deleted_at IS NULL);

CREATE TRIGGER next_step_followups_ai AFTER INSERT ON followups BEGIN
    UPDATE customers SET next_due_on = (SELECT min(f.due_on) FROM followups f
        WHERE f.customer_id = new.customer_id AND f.done_at IS NULL AND f.cancelled_at IS NULL AND f.deleted_at IS NULL)
    WHERE id = new.customer_id;
END;
CREATE TRIGGER next_step_followups_au AFTER UPDATE OF due_on, done_at, cancelled_at, deleted_at, customer_id
    ON followups BEGIN
    UPDATE customers SET next_due_on = (SELECT min(f.due_on) FROM followups f
        WHERE f.customer_id = customers.id AND f.done_at IS NULL AND f.cancelled_at IS NULL AND f.deleted_at IS NULL)
    WHERE id IN (old.customer_id, new.customer_id);
END;
CREATE TRIGGER next_step_followups_ad AFTER DELETE ON followups BEGIN
    UPDATE customers SET next_due_on = (SELECT min(f.due_on) FROM followups f
        WHERE f.customer_id = old.customer_id AND f.done_at IS NULL AND f.cancelled_at IS NULL AND f.deleted_at IS NULL)
    WHERE id = old.customer_id;
END;
