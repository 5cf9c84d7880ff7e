-- Version 5: satisfaction checks (客户满意度), a dated five-step rating.
CREATE TABLE satisfaction_checks (
    id          TEXT PRIMARY KEY NOT NULL,
    customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    checked_on  TEXT NOT NULL,
    -- 1 very dissatisfied, 2 dissatisfied, 3 neutral, 4 satisfied, 5 very satisfied
    rating      INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment     TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX satisfaction_customer ON satisfaction_checks (customer_id, checked_on);
