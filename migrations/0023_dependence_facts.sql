-- The list sorted by dependence scored every live customer from its people
-- (known_by parsed from JSON) and its latest assessment (a window over
-- every assessment): 794 ms on the 100k book. What the score is made of is
-- kept here by triggers, as short columns of the customer, so the sort
-- reads one index (issue 18). relationship::dependence scores the kept
-- facts with the same function the card uses; tests hold the two equal.
--
-- Of the customer's live people:
-- dep_people:     how many
-- dep_roles:      the roles among them, one bit each in the order of
--                 enums::Role (decision_maker 1, influencer 2,
--                 technical_evaluator 4, user 8, gatekeeper 16, coach 32)
-- dep_layers:     the layers at which our colleagues know them, one bit each
--                 in the order of enums::Layer (everyday 1, senior 2,
--                 organisational 4)
-- dep_colleagues: how many different colleagues know them (by name)
-- dep_contacted:  the day (YYYY-MM-DD, UTC as last_contact_at) each one was
--                 last contacted, comma-separated, for those ever contacted:
--                 "contacted lately" depends on today, so the read counts
--                 the days on or after its own first day
-- Of the latest live assessment (assessed_on is kept by migration 19):
-- dep_card_layer: its layer, or NULL

ALTER TABLE customers ADD COLUMN dep_people INTEGER NOT NULL DEFAULT 0;
ALTER TABLE customers ADD COLUMN dep_roles INTEGER NOT NULL DEFAULT 0;
ALTER TABLE customers ADD COLUMN dep_layers INTEGER NOT NULL DEFAULT 0;
ALTER TABLE customers ADD COLUMN dep_colleagues INTEGER NOT NULL DEFAULT 0;
ALTER TABLE customers ADD COLUMN dep_contacted TEXT NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN dep_card_layer TEXT;

-- Every live customer's kept facts in name order (the list's tie-break),
-- read from the index alone: the dependence's, and what the standing is
-- made of (status, created_at and the kept last order and contact), so the
-- list filtered or sorted by standing reads no customer row either (the
-- dormant filter's count at 20k: 32 -> 11 ms). It leads with deleted_at, as
-- customers_live_sort does, rather than being partial: SQLite reads a
-- partial index's rows to check the column its condition names.
CREATE INDEX customers_live_facts ON customers (deleted_at, sort_key, name, id, status, created_at,
    last_order_on, last_contact_on, dep_people, dep_roles, dep_layers, dep_colleagues, dep_contacted,
    assessed_on, dep_card_layer);

-- The list sorted by weight reads the assessed customers' kept scores in
-- name order (a quarter of the 100k book): this index gives them, where
-- migration 22's gave them by id and the name order came from a walk of
-- every customer.
DROP INDEX customers_scored;
CREATE INDEX customers_live_scored ON customers (deleted_at, sort_key, name, id, latest_scores, previous_scores)
    WHERE latest_scores IS NOT NULL;

-- The people's facts of the customers a write touched. One statement,
-- written out in each trigger (SQLite triggers cannot share one).
CREATE TRIGGER dependence_people_ai AFTER INSERT ON people BEGIN
    UPDATE customers SET
        dep_people = (SELECT count(*) FROM people p WHERE p.customer_id = customers.id AND p.deleted_at IS NULL),
        dep_roles = (SELECT coalesce(sum(b), 0) FROM (SELECT DISTINCT CASE p.role WHEN 'decision_maker' THEN 1
                         WHEN 'influencer' THEN 2 WHEN 'technical_evaluator' THEN 4 WHEN 'user' THEN 8
                         WHEN 'gatekeeper' THEN 16 WHEN 'coach' THEN 32 END AS b
                     FROM people p WHERE p.customer_id = customers.id AND p.deleted_at IS NULL)),
        dep_layers = (SELECT coalesce(sum(b), 0) FROM (SELECT DISTINCT CASE k.value ->> 'layer'
                         WHEN 'everyday' THEN 1 WHEN 'senior' THEN 2 WHEN 'organisational' THEN 4 END AS b
                     FROM people p, json_each(p.known_by) k WHERE p.customer_id = customers.id AND p.deleted_at IS NULL)),
        dep_colleagues = (SELECT count(DISTINCT k.value ->> 'name') FROM people p, json_each(p.known_by) k
                          WHERE p.customer_id = customers.id AND p.deleted_at IS NULL),
        dep_contacted = (SELECT coalesce(group_concat(substr(p.last_contact_at, 1, 10)), '') FROM people p
                         WHERE p.customer_id = customers.id AND p.deleted_at IS NULL AND p.last_contact_at IS NOT NULL)
    WHERE id = new.customer_id;
END;
-- A record upsert writes every column: only a change in what the score is
-- made of recomputes it.
CREATE TRIGGER dependence_people_au AFTER UPDATE OF customer_id, role, known_by, deleted_at ON people
    WHEN old.customer_id IS NOT new.customer_id OR old.role IS NOT new.role OR old.known_by IS NOT new.known_by
      OR old.deleted_at IS NOT new.deleted_at BEGIN
    UPDATE customers SET
        dep_people = (SELECT count(*) FROM people p WHERE p.customer_id = customers.id AND p.deleted_at IS NULL),
        dep_roles = (SELECT coalesce(sum(b), 0) FROM (SELECT DISTINCT CASE p.role WHEN 'decision_maker' THEN 1
                         WHEN 'influencer' THEN 2 WHEN 'technical_evaluator' THEN 4 WHEN 'user' THEN 8
                         WHEN 'gatekeeper' THEN 16 WHEN 'coach' THEN 32 END AS b
                     FROM people p WHERE p.customer_id = customers.id AND p.deleted_at IS NULL)),
        dep_layers = (SELECT coalesce(sum(b), 0) FROM (SELECT DISTINCT CASE k.value ->> 'layer'
                         WHEN 'everyday' THEN 1 WHEN 'senior' THEN 2 WHEN 'organisational' THEN 4 END AS b
                     FROM people p, json_each(p.known_by) k WHERE p.customer_id = customers.id AND p.deleted_at IS NULL)),
        dep_colleagues = (SELECT count(DISTINCT k.value ->> 'name') FROM people p, json_each(p.known_by) k
                          WHERE p.customer_id = customers.id AND p.deleted_at IS NULL),
        dep_contacted = (SELECT coalesce(group_concat(substr(p.last_contact_at, 1, 10)), '') FROM people p
                         WHERE p.customer_id = customers.id AND p.deleted_at IS NULL AND p.last_contact_at IS NOT NULL)
    WHERE id IN (old.customer_id, new.customer_id);
END;
-- A contact logged or trashed moves one person's last contact (migration
-- 20): only the days are written again.
CREATE TRIGGER dependence_people_contacted AFTER UPDATE OF last_contact_at ON people
    WHEN old.last_contact_at IS NOT new.last_contact_at AND new.deleted_at IS NULL BEGIN
    UPDATE customers SET
        dep_contacted = (SELECT coalesce(group_concat(substr(p.last_contact_at, 1, 10)), '') FROM people p
                         WHERE p.customer_id = customers.id AND p.deleted_at IS NULL AND p.last_contact_at IS NOT NULL)
    WHERE id = new.customer_id;
END;
CREATE TRIGGER dependence_people_ad AFTER DELETE ON people BEGIN
    UPDATE customers SET
        dep_people = (SELECT count(*) FROM people p WHERE p.customer_id = customers.id AND p.deleted_at IS NULL),
        dep_roles = (SELECT coalesce(sum(b), 0) FROM (SELECT DISTINCT CASE p.role WHEN 'decision_maker' THEN 1
                         WHEN 'influencer' THEN 2 WHEN 'technical_evaluator' THEN 4 WHEN 'user' THEN 8
                         WHEN 'gatekeeper' THEN 16 WHEN 'coach' THEN 32 END AS b
                     FROM people p WHERE p.customer_id = customers.id AND p.deleted_at IS NULL)),
        dep_layers = (SELECT coalesce(sum(b), 0) FROM (SELECT DISTINCT CASE k.value ->> 'layer'
                         WHEN 'everyday' THEN 1 WHEN 'senior' THEN 2 WHEN 'organisational' THEN 4 END AS b
                     FROM people p, json_each(p.known_by) k WHERE p.customer_id = customers.id AND p.deleted_at IS NULL)),
        dep_colleagues = (SELECT count(DISTINCT k.value ->> 'name') FROM people p, json_each(p.known_by) k
                          WHERE p.customer_id = customers.id AND p.deleted_at IS NULL),
        dep_contacted = (SELECT coalesce(group_concat(substr(p.last_contact_at, 1, 10)), '') FROM people p
                         WHERE p.customer_id = customers.id AND p.deleted_at IS NULL AND p.last_contact_at IS NOT NULL)
    WHERE id = old.customer_id;
END;

-- The latest live assessment's layer, in the order migration 19 keeps its day.
CREATE TRIGGER dependence_assessments_ai AFTER INSERT ON assessments BEGIN
    UPDATE customers SET dep_card_layer = (SELECT a.layer FROM assessments a WHERE a.customer_id = customers.id
        AND a.deleted_at IS NULL ORDER BY a.assessed_on DESC, a.id DESC LIMIT 1)
    WHERE id = new.customer_id;
END;
CREATE TRIGGER dependence_assessments_au AFTER UPDATE OF assessed_on, layer, deleted_at, customer_id ON assessments BEGIN
    UPDATE customers SET dep_card_layer = (SELECT a.layer FROM assessments a WHERE a.customer_id = customers.id
        AND a.deleted_at IS NULL ORDER BY a.assessed_on DESC, a.id DESC LIMIT 1)
    WHERE id IN (old.customer_id, new.customer_id);
END;
CREATE TRIGGER dependence_assessments_ad AFTER DELETE ON assessments BEGIN
    UPDATE customers SET dep_card_layer = (SELECT a.layer FROM assessments a WHERE a.customer_id = customers.id
        AND a.deleted_at IS NULL ORDER BY a.assessed_on DESC, a.id DESC LIMIT 1)
    WHERE id = old.customer_id;
END;

-- The facts of the customers already in the book.
UPDATE customers SET
    dep_people = (SELECT count(*) FROM people p WHERE p.customer_id = customers.id AND p.deleted_at IS NULL),
    dep_roles = (SELECT coalesce(sum(b), 0) FROM (SELECT DISTINCT CASE p.role WHEN 'decision_maker' THEN 1
                     WHEN 'influencer' THEN 2 WHEN 'technical_evaluator' THEN 4 WHEN 'user' THEN 8
                     WHEN 'gatekeeper' THEN 16 WHEN 'coach' THEN 32 END AS b
                 FROM people p WHERE p.customer_id = customers.id AND p.deleted_at IS NULL)),
    dep_layers = (SELECT coalesce(sum(b), 0) FROM (SELECT DISTINCT CASE k.value ->> 'layer'
                     WHEN 'everyday' THEN 1 WHEN 'senior' THEN 2 WHEN 'organisational' THEN 4 END AS b
                 FROM people p, json_each(p.known_by) k WHERE p.customer_id = customers.id AND p.deleted_at IS NULL)),
    dep_colleagues = (SELECT count(DISTINCT k.value ->> 'name') FROM people p, json_each(p.known_by) k
                      WHERE p.customer_id = customers.id AND p.deleted_at IS NULL),
    dep_contacted = (SELECT coalesce(group_concat(substr(p.last_contact_at, 1, 10)), '') FROM people p
                     WHERE p.customer_id = customers.id AND p.deleted_at IS NULL AND p.last_contact_at IS NOT NULL),
    dep_card_layer = (SELECT a.layer FROM assessments a WHERE a.customer_id = customers.id
                      AND a.deleted_at IS NULL ORDER BY a.assessed_on DESC, a.id DESC LIMIT 1);
