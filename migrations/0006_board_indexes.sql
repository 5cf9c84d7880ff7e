-- Version 6: indexes for the follow-up screen and the revenue ranking on a
-- book with ~1M contacts and ~700k transactions (see baton bench).

-- Open follow-ups in due order, with what the screen filters on, from the index alone.
DROP INDEX followups_open;
CREATE INDEX followups_open ON followups (done_at, due_on, customer_id, contact_id);

-- Revenue per customer in a window, without reading the deal rows.
CREATE INDEX deals_revenue ON deals (kind, occurred_on, currency, customer_id, amount_minor)
    WHERE deleted_at IS NULL;

-- What is in the trash, from indexes holding only trashed rows: the
-- follow-up screen subtracts their follow-ups without scanning 1M contacts.
CREATE INDEX customers_trashed ON customers (id) WHERE deleted_at IS NOT NULL;
CREATE INDEX contacts_trashed ON contacts (id) WHERE deleted_at IS NOT NULL;
