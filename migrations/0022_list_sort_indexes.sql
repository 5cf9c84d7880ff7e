-- Indexes for the list's sorts on a big book (issue 18).
--
-- The list sorted by the last contact or the next step (issue 14's kept
-- days) sorted every live customer to show one page: 89 and 72 ms on the
-- 100k book. These indexes give the page from an index walk. Customers
-- without the day come last either way (views/list):
-- * latest / furthest first: SQLite puts NULL last in a descending order,
--   so the plain index read backwards is the order;
-- * earliest / soonest first: the index leads with "has no day", so the
--   blanks follow the days read forwards.

CREATE INDEX customers_live_last_contact ON customers (last_contact_on) WHERE deleted_at IS NULL;
CREATE INDEX customers_live_last_contact_blank_last ON customers (last_contact_on IS NULL, last_contact_on)
    WHERE deleted_at IS NULL;
CREATE INDEX customers_live_next_due ON customers (next_due_on) WHERE deleted_at IS NULL;
CREATE INDEX customers_live_next_due_blank_last ON customers (next_due_on IS NULL, next_due_on)
    WHERE deleted_at IS NULL;

-- The sorts by revenue, weight and dependence take every live customer's
-- id in name order, then sort by the kept figure: with the id in the name
-- index that is an index walk, not a read of every (wide) customer row
-- (263 against 66 ms on the 100k book).
DROP INDEX customers_live_sort;
CREATE INDEX customers_live_sort ON customers (deleted_at, sort_key, name, id);

-- The weight of every assessed customer, from the kept scores alone.
CREATE INDEX customers_scored ON customers (id, latest_scores, previous_scores) WHERE latest_scores IS NOT NULL;

-- The name order ends in the id (unique, and in the index), so the
-- filtered indexes that give it carry the id too: a page of "active, tier
-- A" stops after its rows instead of sorting every match by id.
DROP INDEX customers_live_status;
CREATE INDEX customers_live_status ON customers (deleted_at, status, tier, sort_key, name, id);
DROP INDEX customers_live_tier;
CREATE INDEX customers_live_tier ON customers (deleted_at, tier, sort_key, name, id);
