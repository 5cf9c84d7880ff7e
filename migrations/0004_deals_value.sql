-- Version 4: transactions (交易记录), tier history, and what value needs.

-- Quotes, orders, contracts, payments, returns. Amounts are integers in the
-- currency's minor unit (fen, cents): money is never a float.
CREATE TABLE deals (
    id           TEXT PRIMARY KEY NOT NULL,
    customer_id  TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('quote', 'order', 'contract', 'payment', 'return')),
    occurred_on  TEXT NOT NULL,
    amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
    currency     TEXT NOT NULL,
    description  TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted_at   TEXT
);
CREATE INDEX deals_customer ON deals (customer_id, occurred_on);
CREATE INDEX deals_kind_day ON deals (kind, occurred_on, customer_id);

-- Every tier decision: the tier set, what the app suggested then and why,
-- and the salesperson's reason when they overrode the suggestion.
CREATE TABLE tier_changes (
    id             TEXT PRIMARY KEY NOT NULL,
    customer_id    TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    old_tier       TEXT CHECK (old_tier IN ('S', 'A', 'B', 'C')),
    new_tier       TEXT CHECK (new_tier IN ('S', 'A', 'B', 'C')),
    suggested_tier TEXT CHECK (suggested_tier IN ('S', 'A', 'B', 'C')),
    reason         TEXT NOT NULL DEFAULT '',
    decided_at     TEXT NOT NULL,
    decided_by     TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX tier_changes_customer ON tier_changes (customer_id, decided_at);
CREATE INDEX tier_changes_day ON tier_changes (decided_at);

-- Revenue per head (人效) needs the staff we put on serving the customer.
ALTER TABLE customers ADD COLUMN serving_staff INTEGER CHECK (serving_staff BETWEEN 1 AND 1000);
