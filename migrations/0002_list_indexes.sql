-- Version 2: indexes that let the customer list page through 100k customers
-- by walking an index instead of sorting the whole book.

-- Name order is (sort_key, name, rowid); the index covers all of it.
DROP INDEX customers_live_sort;
CREATE INDEX customers_live_sort ON customers (deleted_at, sort_key, name);
CREATE INDEX customers_live_created ON customers (deleted_at, created_at);

-- Tags, one row per (customer, tag), derived from customers.tags by the core
-- on every write. The JSON column stays the record's truth (it travels in
-- dumps and handover files); this table only makes "customers tagged X"
-- an index lookup instead of a JSON scan of every customer.
CREATE TABLE customer_tags (
    customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    tag         TEXT NOT NULL,
    PRIMARY KEY (customer_id, tag)
) WITHOUT ROWID;
CREATE INDEX customer_tags_tag ON customer_tags (tag, customer_id);
INSERT INTO customer_tags (customer_id, tag)
    SELECT DISTINCT c.id, j.value FROM customers c, json_each(c.tags) j;

-- Filters: count and page without reading the (wide) customer rows.
CREATE INDEX customers_live_status ON customers (deleted_at, status, tier, sort_key, name);
CREATE INDEX customers_live_tier ON customers (deleted_at, tier, sort_key, name);
-- Tag filter: "is this tagged customer live?" answered from the index alone.
CREATE INDEX customers_id_live ON customers (id, deleted_at);
