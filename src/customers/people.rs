//! Key people (关键人) of a customer: who decides, who influences, who coaches us,
//! and what we know of each of them.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::enums::{AgeBand, Attitude, Channel, Layer, Role};
use crate::error::{Error, Result};
use crate::record::{self, Record, RecordKind};
use crate::validate::{self, LIST_MAX, NAME_MAX, NOTES_MAX, SHORT_MAX, TEXT_MAX};
use crate::{clock, customers, sort_key::sort_key};

/// Someone on our side who knows this person, and at which layer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct KnownBy {
    /// Our colleague's name.
    pub name: String,
    /// The layer of that acquaintance.
    pub layer: Layer,
}

/// Everything the salesperson edits about a key person.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default, deny_unknown_fields)]
pub struct PersonCard {
    /// Name. Required.
    pub name: String,
    /// Job title.
    pub title: String,
    /// Department.
    pub department: String,
    /// Phone.
    pub phone: String,
    /// Email.
    pub email: String,
    /// Messaging id (WeChat and the like).
    pub messaging_id: String,
    /// Birthday, `YYYY-MM-DD`. Private: left out of the manager's file by default.
    pub birthday: Option<String>,
    /// Role in the decision chain (决策链).
    pub role: Option<Role>,
    /// Attitude to us.
    pub attitude: Option<Attitude>,
    /// Personality (个性).
    pub personality: String,
    /// Interests and hobbies (兴趣爱好).
    pub interests: String,
    /// Experience, career path (经历).
    pub experience: String,
    /// Family and social background. Private.
    pub background: String,
    /// Age band.
    pub age_band: Option<AgeBand>,
    /// Origin or home region.
    pub origin: String,
    /// Education.
    pub education: String,
    /// Preferred way of communicating.
    pub preferred_channel: Option<Channel>,
    /// Who on our side knows them, and at which layer.
    pub known_by: Vec<KnownBy>,
    /// Free notes. Private.
    pub notes: String,
}

/// A stored key person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Person {
    /// Stable UUID.
    pub id: String,
    /// The customer they belong to.
    pub customer_id: String,
    /// The card.
    #[serde(flatten)]
    pub card: PersonCard,
    /// Created (UTC, RFC 3339).
    pub created_at: String,
    /// Last changed (UTC, RFC 3339).
    pub updated_at: String,
    /// In the trash since.
    pub deleted_at: Option<String>,
}

impl PersonCard {
    /// Trims single-line fields.
    pub fn normalise(&mut self) {
        for field in [
            &mut self.name,
            &mut self.title,
            &mut self.department,
            &mut self.phone,
            &mut self.email,
            &mut self.messaging_id,
            &mut self.origin,
            &mut self.education,
        ] {
            *field = field.trim().to_string();
        }
        if self.birthday.as_deref().is_some_and(|b| b.trim().is_empty()) {
            self.birthday = None;
        }
        for k in &mut self.known_by {
            k.name = k.name.trim().to_string();
        }
    }

    /// Checks every field; the error names the first field that is wrong.
    pub fn validate(&self) -> Result<()> {
        use validate::{required, text};
        required("person.name", &self.name, NAME_MAX)?;
        for (field, value, max) in [
            ("person.title", &self.title, SHORT_MAX),
            ("person.department", &self.department, SHORT_MAX),
            ("person.phone", &self.phone, SHORT_MAX),
            ("person.email", &self.email, SHORT_MAX),
            ("person.messaging_id", &self.messaging_id, SHORT_MAX),
            ("person.personality", &self.personality, TEXT_MAX),
            ("person.interests", &self.interests, TEXT_MAX),
            ("person.experience", &self.experience, TEXT_MAX),
            ("person.background", &self.background, TEXT_MAX),
            ("person.origin", &self.origin, SHORT_MAX),
            ("person.education", &self.education, SHORT_MAX),
            ("person.notes", &self.notes, NOTES_MAX),
        ] {
            text(field, value, max)?;
        }
        if let Some(birthday) = &self.birthday {
            let min = chrono::NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or_default();
            validate::past_date("person.birthday", birthday, min)?;
        }
        validate::count("person.known_by", &self.known_by, LIST_MAX)?;
        for (i, k) in self.known_by.iter().enumerate() {
            required(&format!("person.known_by[{i}].name"), &k.name, NAME_MAX)?;
        }
        Ok(())
    }
}

impl Record for Person {
    const KIND: RecordKind = RecordKind::Person;
    type Edited = PersonCard;

    crate::record_row! {
        id, customer_id,
        card: PersonCard {
            name, title, department, phone, email, messaging_id, birthday, role, attitude,
            personality, interests, experience, background, age_band, origin, education,
            preferred_channel, known_by json, notes,
        },
        created_at, updated_at, deleted_at,
    }

    fn put(&self, conn: &Connection) -> Result<()> {
        validate::id("person.id", &self.id)?;
        validate::id("person.customer_id", &self.customer_id)?;
        validate::timestamp("person.created_at", &self.created_at)?;
        validate::timestamp("person.updated_at", &self.updated_at)?;
        self.card.validate()?;
        let c = &self.card;
        let _known_by = serde_json::to_string(&c.known_by).map_err(|e| Error::Corrupt(e.to_string()))?;
        record::upsert(conn, self, &[("sort_key", &sort_key(&c.name))])?;
        Ok(())
    }

    fn check(&self, _conn: &Connection) -> Result<()> {
        self.card.validate()
    }
}

/// Adds a key person to a live customer. Call inside a transaction.
pub fn create(conn: &Connection, customer_id: &str, mut card: PersonCard) -> Result<Person> {
    customers::get(conn, customer_id)?;
    card.normalise();
    let now = clock::now();
    let person = Person {
        id: clock::new_id(),
        customer_id: customer_id.to_string(),
        card,
        created_at: now.clone(),
        updated_at: now,
        deleted_at: None,
    };
    record::put(conn, &person)?;
    Ok(person)
}

/// Replaces a live person's card.
pub fn update(conn: &Connection, id: &str, mut card: PersonCard) -> Result<Person> {
    card.normalise();
    let old = get(conn, id)?;
    let person = Person {
        card,
        updated_at: clock::now(),
        ..old
    };
    record::put(conn, &person)?;
    Ok(person)
}

/// Moves a live person to the trash.
pub fn delete(conn: &Connection, id: &str) -> Result<()> {
    record::soft_delete(conn, RecordKind::Person, id)
}

/// A live person by id.
pub fn get(conn: &Connection, id: &str) -> Result<Person> {
    record::get(conn, id)
}

/// The live key people of a customer, by name (pinyin order).
pub fn list_for(conn: &Connection, customer_id: &str) -> Result<Vec<Person>> {
    let mut stmt = conn.prepare_cached(&record::select::<Person>(
        "WHERE customer_id = ?1 AND deleted_at IS NULL ORDER BY sort_key, name, id",
    ))?;
    let people = stmt
        .query_map([customer_id], Person::from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(people)
}

/// Calls `f` with every live person of a live customer, grouped by customer
/// (the list's sort by dependence reads everyone in one pass).
pub fn for_each_live(conn: &Connection, f: impl FnMut(Person) -> Result<()>) -> Result<()> {
    record::each(
        conn,
        &record::select::<Person>(
            "WHERE deleted_at IS NULL \
             AND customer_id IN (SELECT id FROM customers WHERE deleted_at IS NULL) ORDER BY customer_id",
        ),
        f,
    )
}
