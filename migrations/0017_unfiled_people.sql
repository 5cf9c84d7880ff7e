-- People an import found without a company (issue 16): almost every card of
-- a phone's export has no ORG, and a sheet row may name a person and no
-- customer. They wait here, in the unfiled tray, until the salesperson files
-- each under a customer; filing moves the card into `people` and removes the
-- row. Not a record of any customer, so handover, dump and the manager's
-- report leave the tray out (kinds::NON_RECORD_TABLES); backups keep it.
--
-- `card` is the person's whole card (people::PersonCard as JSON); name,
-- phone, email and the other searched columns are copies the core writes
-- with it, so the tray is listed and searched without decoding JSON.
-- `guess` is the company the import guessed from the card (ORG, the name,
-- the title or note, the email's domain), offered again when filing.
CREATE TABLE unfiled_people (
    id         TEXT PRIMARY KEY NOT NULL,
    card       TEXT NOT NULL,
    name       TEXT NOT NULL,
    sort_key   TEXT NOT NULL,
    title      TEXT NOT NULL DEFAULT '',
    phone      TEXT NOT NULL DEFAULT '',
    email      TEXT NOT NULL DEFAULT '',
    notes      TEXT NOT NULL DEFAULT '',
    guess      TEXT NOT NULL DEFAULT '',
    source     TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX unfiled_people_sort ON unfiled_people (sort_key, id);
