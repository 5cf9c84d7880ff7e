-- Version 3: contact history (联系记录) and follow-ups (跟进).

CREATE TABLE contacts (
    id                  TEXT PRIMARY KEY NOT NULL,
    customer_id         TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    happened_at         TEXT NOT NULL,
    channel             TEXT NOT NULL CHECK (channel IN ('phone', 'visit', 'meeting', 'email',
                                                         'message', 'event', 'meal', 'other')),
    -- key people involved: a JSON array of person ids (the record's truth);
    -- contact_people below is the derived index of it.
    person_ids          TEXT NOT NULL DEFAULT '[]',
    subject             TEXT NOT NULL DEFAULT '',
    summary             TEXT NOT NULL DEFAULT '',
    outcome             TEXT NOT NULL DEFAULT '',
    objection           TEXT CHECK (objection IN ('price', 'already_have', 'not_in_charge',
                                                  'send_material', 'other')),
    objection_note      TEXT NOT NULL DEFAULT '',
    -- when the objection is "not in charge": the key person who is
    in_charge_person_id TEXT REFERENCES people (id) ON DELETE SET NULL,
    next_step           TEXT NOT NULL DEFAULT '',
    next_due            TEXT,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    deleted_at          TEXT
);
CREATE INDEX contacts_customer ON contacts (customer_id, happened_at);

CREATE TABLE contact_people (
    person_id  TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    contact_id TEXT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    PRIMARY KEY (person_id, contact_id)
) WITHOUT ROWID;
CREATE INDEX contact_people_contact ON contact_people (contact_id);

-- A next step with a due date, on the salesperson's list until done.
CREATE TABLE followups (
    id              TEXT PRIMARY KEY NOT NULL,
    customer_id     TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    -- the contact whose next step this is (NULL for a follow-up made by hand)
    contact_id      TEXT REFERENCES contacts (id) ON DELETE CASCADE,
    title           TEXT NOT NULL,
    due_on          TEXT NOT NULL,
    done_at         TEXT,
    -- the contact that closed it, when it was closed by logging one
    done_contact_id TEXT REFERENCES contacts (id) ON DELETE SET NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX followups_open ON followups (done_at, due_on);
CREATE INDEX followups_customer ON followups (customer_id, due_on);
CREATE UNIQUE INDEX followups_contact ON followups (contact_id) WHERE contact_id IS NOT NULL;
