//! Contact history (联系记录): every call, visit and meeting, with its
//! outcome, the customer's objection, and a next step that becomes a
//! follow-up until it is done.

use chrono::{DateTime, Duration, Utc};
use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};

use crate::enums::{Channel, Objection};
use crate::error::{Error, Result, Rule};
use crate::record::{self, Record, RecordKind};
use crate::validate::{self, NOTES_MAX, SHORT_MAX, TEXT_MAX};
use crate::{clock, customers, customers::people, history::followups};

/// Most key people on one contact.
const PEOPLE_MAX: usize = 50;

/// What the salesperson logs about one contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct ContactDraft {
    /// When it happened (UTC, RFC 3339). At most a day in the future.
    pub happened_at: String,
    /// Phone, visit, meeting…
    pub channel: Channel,
    /// Key people involved, all of this customer.
    #[serde(default)]
    pub person_ids: Vec<String>,
    /// Subject. This or `summary` is required.
    #[serde(default)]
    pub subject: String,
    /// What happened.
    #[serde(default)]
    pub summary: String,
    /// Outcome.
    #[serde(default)]
    pub outcome: String,
    /// The customer's objection, if any.
    #[serde(default)]
    pub objection: Option<Objection>,
    /// The objection in their words, or for "send material", what was sent.
    #[serde(default)]
    pub objection_note: String,
    /// For "not in charge": the key person who is.
    #[serde(default)]
    pub in_charge_person_id: Option<String>,
    /// The next step. Required when `next_due` is set.
    #[serde(default)]
    pub next_step: String,
    /// When the next step is due (`YYYY-MM-DD`, not before the contact).
    /// A due date makes the next step a follow-up.
    #[serde(default)]
    pub next_due: Option<String>,
}

/// A stored contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Contact {
    /// Stable UUID.
    pub id: String,
    /// The customer.
    pub customer_id: String,
    /// What was logged.
    #[serde(flatten)]
    pub draft: ContactDraft,
    /// Created (UTC, RFC 3339).
    pub created_at: String,
    /// Last changed (UTC, RFC 3339).
    pub updated_at: String,
    /// In the trash since.
    pub deleted_at: Option<String>,
}

impl ContactDraft {
    /// A contact with just a time, a channel and a subject; the rest empty.
    pub fn new(happened_at: impl Into<String>, channel: Channel, subject: impl Into<String>) -> Self {
        ContactDraft {
            happened_at: happened_at.into(),
            channel,
            person_ids: Vec::new(),
            subject: subject.into(),
            summary: String::new(),
            outcome: String::new(),
            objection: None,
            objection_note: String::new(),
            in_charge_person_id: None,
            next_step: String::new(),
            next_due: None,
        }
    }

    /// Trims text and drops the fields that do not apply.
    pub fn normalise(&mut self) {
        self.subject = self.subject.trim().to_string();
        self.next_step = self.next_step.trim().to_string();
        if self.next_due.as_deref().is_some_and(|d| d.trim().is_empty()) {
            self.next_due = None;
        }
        if self.objection != Some(Objection::NotInCharge) {
            self.in_charge_person_id = None;
        }
        if self.objection.is_none() {
            self.objection_note.clear();
        }
        self.person_ids.dedup();
    }

    /// Checks the draft against the book: dates, sizes, and that every
    /// person named belongs to `customer_id`.
    pub fn validate(&self, conn: &Connection, customer_id: &str) -> Result<()> {
        let at = DateTime::parse_from_rfc3339(&self.happened_at)
            .map_err(|_| {
                Error::invalid(
                    "contact.happened_at",
                    Rule::Malformed {
                        detail: "not a date and time".into(),
                    },
                )
            })?
            .with_timezone(&Utc);
        let latest = Utc::now() + Duration::days(1);
        let earliest = DateTime::parse_from_rfc3339("1990-01-01T00:00:00Z").map(|d| d.with_timezone(&Utc));
        if at > latest || earliest.is_ok_and(|e| at < e) {
            return Err(Error::invalid(
                "contact.happened_at",
                Rule::DateOutOfRange {
                    min: "1990-01-01".into(),
                    max: latest.date_naive().to_string(),
                },
            ));
        }
        if self.subject.trim().is_empty() && self.summary.trim().is_empty() {
            return Err(Error::invalid("contact.subject", Rule::Required));
        }
        for (field, value, max) in [
            ("contact.subject", &self.subject, SHORT_MAX),
            ("contact.summary", &self.summary, NOTES_MAX),
            ("contact.outcome", &self.outcome, TEXT_MAX),
            ("contact.objection_note", &self.objection_note, TEXT_MAX),
            ("contact.next_step", &self.next_step, TEXT_MAX),
        ] {
            validate::text(field, value, max)?;
        }
        if let Some(due) = &self.next_due {
            let due = validate::parse_date("contact.next_due", due)?;
            let day = at.date_naive();
            if due < day {
                return Err(Error::invalid(
                    "contact.next_due",
                    Rule::BeforeDate { date: day.to_string() },
                ));
            }
            if self.next_step.is_empty() {
                return Err(Error::invalid("contact.next_step", Rule::Required));
            }
        }
        validate::count("contact.person_ids", &self.person_ids, PEOPLE_MAX)?;
        for (i, id) in self.person_ids.iter().enumerate() {
            check_person(conn, &format!("contact.person_ids[{i}]"), id, customer_id)?;
        }
        if let Some(id) = &self.in_charge_person_id {
            check_person(conn, "contact.in_charge_person_id", id, customer_id)?;
        }
        Ok(())
    }
}

fn check_person(conn: &Connection, field: &str, id: &str, customer_id: &str) -> Result<()> {
    match crate::record::find::<people::Person>(conn, id)? {
        Some(p) if p.customer_id == customer_id => Ok(()),
        _ => Err(Error::invalid(field, Rule::NotOfCustomer { id: id.to_string() })),
    }
}

impl Record for Contact {
    const KIND: RecordKind = RecordKind::Contact;
    type Edited = ContactDraft;

    crate::record_row! {
        id, customer_id,
        draft: ContactDraft {
            happened_at, channel, person_ids json, subject, summary, outcome, objection,
            objection_note, in_charge_person_id, next_step, next_due,
        },
        created_at, updated_at, deleted_at,
    }

    fn put(&self, conn: &Connection) -> Result<()> {
        validate::id("contact.id", &self.id)?;
        validate::timestamp("contact.created_at", &self.created_at)?;
        validate::timestamp("contact.updated_at", &self.updated_at)?;
        self.draft.validate(conn, &self.customer_id)?;
        put_unchecked(conn, self)
    }

    fn check(&self, conn: &Connection) -> Result<()> {
        self.draft.validate(conn, &self.customer_id)
    }
}

/// Writes a contact whose people are already known to belong to its customer
/// (the demo generator, which made them).
pub(crate) fn put_unchecked(conn: &Connection, contact: &Contact) -> Result<()> {
    let d = &contact.draft;
    record::upsert(conn, contact, &[])?;
    conn.prepare_cached("DELETE FROM contact_people WHERE contact_id = ?1")?
        .execute([&contact.id])?;
    let mut insert =
        conn.prepare_cached("INSERT OR IGNORE INTO contact_people (person_id, contact_id) VALUES (?1, ?2)")?;
    for person in &d.person_ids {
        insert.execute(params![person, contact.id])?;
    }
    Ok(())
}

/// Logs a contact with a live customer; a next step with a due date becomes a
/// follow-up. Call inside a transaction.
pub fn create(conn: &Connection, customer_id: &str, mut draft: ContactDraft) -> Result<Contact> {
    customers::get(conn, customer_id)?;
    draft.normalise();
    let now = clock::now();
    let contact = Contact {
        id: clock::new_id(),
        customer_id: customer_id.to_string(),
        draft,
        created_at: now.clone(),
        updated_at: now,
        deleted_at: None,
    };
    record::put(conn, &contact)?;
    if let Some(due) = &contact.draft.next_due {
        followups::create_for_contact(conn, &contact, due)?;
    }
    Ok(contact)
}

/// Corrects a live contact (same rules as logging one). Its id stays, so a
/// handover of it later merges as the newer version. Its next step follows:
/// the follow-up it made is reworded and moved (an open one), made when a
/// due date is added, and cancelled when the due date is taken away. Call
/// inside a transaction.
pub fn update(conn: &Connection, id: &str, mut draft: ContactDraft) -> Result<Contact> {
    let old = get(conn, id)?;
    draft.normalise();
    let contact = Contact {
        draft,
        updated_at: clock::now(),
        ..old
    };
    record::put(conn, &contact)?;
    followups::follow_contact(conn, &contact)?;
    Ok(contact)
}

/// Moves a contact to the trash; its follow-up leaves the list with it.
/// Call inside a transaction.
pub fn delete(conn: &Connection, id: &str) -> Result<()> {
    record::soft_delete(conn, RecordKind::Contact, id)
}

/// Logs a contact whose objection is "not in charge" with the person in
/// charge being new to us: creates that key person and the contact together,
/// so a refused contact leaves no stray person behind. Call inside a transaction.
pub fn create_with_new_in_charge(
    conn: &Connection,
    customer_id: &str,
    mut draft: ContactDraft,
    in_charge: people::PersonCard,
) -> Result<Contact> {
    let person = people::create(conn, customer_id, in_charge)?;
    draft.objection = Some(Objection::NotInCharge);
    draft.in_charge_person_id = Some(person.id);
    create(conn, customer_id, draft)
}

/// A live contact by id.
pub fn get(conn: &Connection, id: &str) -> Result<Contact> {
    record::get(conn, id)
}

/// The last contact with each of a customer's key people (person id → when).
pub fn last_contact_by_person(
    conn: &Connection,
    customer_id: &str,
) -> Result<std::collections::BTreeMap<String, String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT cp.person_id, max(c.happened_at) FROM people p \
         JOIN contact_people cp ON cp.person_id = p.id \
         JOIN contacts c ON c.id = cp.contact_id AND c.deleted_at IS NULL \
         WHERE p.customer_id = ?1 GROUP BY cp.person_id",
    )?;
    let rows = stmt
        .query_map([customer_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// [`last_contact_by_person`] for every person of the book at once.
pub fn last_contact_of_everyone(conn: &Connection) -> Result<std::collections::HashMap<String, String>> {
    let mut stmt = conn.prepare(
        "SELECT cp.person_id, max(c.happened_at) FROM contact_people cp \
         JOIN contacts c ON c.id = cp.contact_id AND c.deleted_at IS NULL GROUP BY cp.person_id",
    )?;
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}
