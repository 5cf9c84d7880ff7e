-- The key board ranks every key customer by the weight of its latest
-- assessment and the change since the one before. Reading each customer's
-- two latest assessments and parsing their scores (evidence and plans
-- included) cost about a second on the 100k book; kept here by triggers,
-- the board reads three short columns of the customer.
--
-- assessed_on:     the day of its latest live assessment, or NULL
-- latest_scores:   that assessment's scores as baton_scores() writes them
--                  (six numbers in the order acceptance, events, information,
--                  guidance, support, competition; blank where not scored)
-- previous_scores: the same of the live assessment before it, or NULL
--
-- The weight itself is not kept: it depends on the dimensions in use and
-- their weights in Settings, which the user may change at any time.

-- customers_key_sort: the board's rows (live key customers in name order,
-- with what the board shows of them) read from the index alone, without
-- walking every customer or reading their whole cards.

ALTER TABLE customers ADD COLUMN assessed_on TEXT;
ALTER TABLE customers ADD COLUMN latest_scores TEXT;
ALTER TABLE customers ADD COLUMN previous_scores TEXT;

CREATE INDEX customers_key_sort ON customers (sort_key, id, name, tier, assessed_on, latest_scores, previous_scores)
    WHERE is_key = 1 AND deleted_at IS NULL;

UPDATE customers SET
    assessed_on = (SELECT a.assessed_on FROM assessments a WHERE a.customer_id = customers.id
                   AND a.deleted_at IS NULL ORDER BY a.assessed_on DESC, a.id DESC LIMIT 1),
    latest_scores = (SELECT baton_scores(a.scores) FROM assessments a WHERE a.customer_id = customers.id
                     AND a.deleted_at IS NULL ORDER BY a.assessed_on DESC, a.id DESC LIMIT 1),
    previous_scores = (SELECT baton_scores(a.scores) FROM assessments a WHERE a.customer_id = customers.id
                       AND a.deleted_at IS NULL ORDER BY a.assessed_on DESC, a.id DESC LIMIT 1 OFFSET 1)
WHERE id IN (SELECT customer_id FROM assessments);

CREATE TRIGGER key_scores_ai AFTER INSERT ON assessments BEGIN
    UPDATE customers SET
        assessed_on = (SELECT a.assessed_on FROM assessments a WHERE a.customer_id = customers.id
                       AND a.deleted_at IS NULL ORDER BY a.assessed_on DESC, a.id DESC LIMIT 1),
        latest_scores = (SELECT baton_scores(a.scores) FROM assessments a WHERE a.customer_id = customers.id
                         AND a.deleted_at IS NULL ORDER BY a.assessed_on DESC, a.id DESC LIMIT 1),
        previous_scores = (SELECT baton_scores(a.scores) FROM assessments a WHERE a.customer_id = customers.id
                           AND a.deleted_at IS NULL ORDER BY a.assessed_on DESC, a.id DESC LIMIT 1 OFFSET 1)
    WHERE id = new.customer_id;
END;
CREATE TRIGGER key_scores_au AFTER UPDATE OF assessed_on, scores, deleted_at, customer_id ON assessments BEGIN
    UPDATE customers SET
        assessed_on = (SELECT a.assessed_on FROM assessments a WHERE a.customer_id = customers.id
                       AND a.deleted_at IS NULL ORDER BY a.assessed_on DESC, a.id DESC LIMIT 1),
        latest_scores = (SELECT baton_scores(a.scores) FROM assessments a WHERE a.customer_id = customers.id
                         AND a.deleted_at IS NULL ORDER BY a.assessed_on DESC, a.id DESC LIMIT 1),
        previous_scores = (SELECT baton_scores(a.scores) FROM assessments a WHERE a.customer_id = customers.id
                           AND a.deleted_at IS NULL ORDER BY a.assessed_on DESC, a.id DESC LIMIT 1 OFFSET 1)
    WHERE id IN (old.customer_id, new.customer_id);
END;
CREATE TRIGGER key_scores_ad AFTER DELETE ON assessments BEGIN
    UPDATE customers SET
        assessed_on = (SELECT a.assessed_on FROM assessments a WHERE a.customer_id = customers.id
                       AND a.deleted_at IS NULL ORDER BY a.assessed_on DESC, a.id DESC LIMIT 1),
        latest_scores = (SELECT baton_scores(a.scores) FROM assessments a WHERE a.customer_id = customers.id
                         AND a.deleted_at IS NULL ORDER BY a.assessed_on DESC, a.id DESC LIMIT 1),
        previous_scores = (SELECT baton_scores(a.scores) FROM assessments a WHERE a.customer_id = customers.id
                           AND a.deleted_at IS NULL ORDER BY a.assessed_on DESC, a.id DESC LIMIT 1 OFFSET 1)
    WHERE id = old.customer_id;
END;
