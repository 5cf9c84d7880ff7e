-- The follow-up screen shows, beside each of up to a thousand follow-ups,
-- its customer's name, tier and key mark and the person it is with (name,
-- title, phone). Each was a lookup of the customer's and the person's id
-- followed by a read of their whole row: on the 100k book those rows are
-- spread over ~30 MB, more than a reader's page cache, so every screen read
-- them again from the kernel (issue 18: 30 ms median, 38 ms p95). Both now
-- come from an index that holds them: one narrow lookup each.

-- The customer's: the live-id index, widened (its queries read a prefix).
DROP INDEX customers_id_live;
CREATE INDEX customers_id_live ON customers (id, deleted_at, name, tier, is_key);

-- The person's.
CREATE INDEX people_brief ON people (id, deleted_at, name, title, phone);
