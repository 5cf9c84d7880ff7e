//! Customer profile cards (客户资料卡): the records, their rules and their SQL.

pub mod activity;
pub mod bulk;
pub mod changes;
pub mod people;
pub mod tier_changes;

use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};

use self::changes::ChangeField;
use crate::enums::{Status, Tier};
use crate::error::{Error, Result, Rule};
use crate::record::{self, Record, RecordKind};
use crate::validate::{self, LIST_MAX, NAME_MAX, NOTES_MAX, SHORT_MAX, TAG_MAX, TAGS_MAX, TEXT_MAX};
use crate::{clock, settings, sort_key::sort_key};

/// A competitor present at the customer, and what we know of them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default, deny_unknown_fields)]
pub struct Competitor {
    /// The competitor's name.
    pub name: String,
    /// What we know: products placed, relationships, price level.
    pub notes: String,
}

/// Everything the salesperson edits on a customer profile card.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default, deny_unknown_fields)]
pub struct CustomerCard {
    // Basic facts.
    /// Full company name. Required.
    pub name: String,
    /// Short name used in conversation (简称).
    pub short_name: String,
    /// Industry.
    pub industry: String,
    /// Region or city.
    pub region: String,
    /// Postal address.
    pub address: String,
    /// Switchboard phone.
    pub phone: String,
    /// Website.
    pub website: String,
    /// Free tags, trimmed and de-duplicated.
    pub tags: Vec<String>,
    /// Free notes.
    pub notes: String,
    // Customer characteristics (客户特征).
    /// Staff headcount.
    pub staff_count: Option<i64>,
    /// Revenue band, as the salesperson knows it ("1–5亿").
    pub revenue_band: String,
    /// Operating condition (经营状况).
    pub operating_condition: String,
    /// Founding date (创业时间), `YYYY-MM-DD`.
    pub founded_on: Option<String>,
    /// Organisation traits (组织特点).
    pub organisation: String,
    /// Business philosophy and culture (经营理念/企业文化).
    pub culture: String,
    /// Standing in its industry (行业比较).
    pub industry_standing: String,
    /// Prospects (发展前景).
    pub prospects: String,
    /// Assessed importance to us, 1 (low) to 5 (high).
    pub importance: Option<i64>,
    // The five kinds of needs (客户需求).
    /// Stated needs (说出来的需求).
    pub need_stated: String,
    /// Real needs (真正的需求).
    pub need_real: String,
    /// Unstated needs (没说出来的需求).
    pub need_unstated: String,
    /// Delight needs (令人满足的需求).
    pub need_delight: String,
    /// Secret needs (秘密需求).
    pub need_secret: String,
    /// Competitors present at this customer.
    pub competitors: Vec<Competitor>,
    /// Where the customer stands.
    pub status: Status,
    /// Why a lost customer was lost. Required when `status` is lost.
    pub lost_reason: String,
    /// Accepted value tier.
    pub tier: Option<Tier>,
    /// Marked as a key customer (gets a relationship card).
    pub is_key: bool,
    /// The salesperson responsible now. Defaults to "me" (settings) on create.
    pub owner: String,
    /// How many of our staff serve this customer (for revenue per head, 人效).
    pub serving_staff: Option<i64>,
}

// Written out because `string_enum!` cannot mark a default variant.
#[allow(clippy::derivable_impls)]
impl Default for Status {
    fn default() -> Self {
        Status::Prospect
    }
}

/// A stored customer: the card plus its identity and timestamps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Customer {
    /// Stable UUID.
    pub id: String,
    /// The card.
    #[serde(flatten)]
    pub card: CustomerCard,
    /// When the record was created (UTC, RFC 3339).
    pub created_at: String,
    /// When the record last changed (UTC, RFC 3339).
    pub updated_at: String,
    /// When it went to the trash, if it is there.
    pub deleted_at: Option<String>,
}

impl CustomerCard {
    /// Trims single-line fields and tidies tags, so stored values are canonical.
    pub fn normalise(&mut self) {
        for field in [
            &mut self.name,
            &mut self.short_name,
            &mut self.industry,
            &mut self.region,
            &mut self.phone,
            &mut self.website,
            &mut self.revenue_band,
            &mut self.owner,
        ] {
            *field = field.trim().to_string();
        }
        let mut seen = std::collections::HashSet::new();
        self.tags = std::mem::take(&mut self.tags)
            .into_iter()
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty() && seen.insert(t.clone()))
            .collect();
        if self.founded_on.as_deref().is_some_and(|d| d.trim().is_empty()) {
            self.founded_on = None;
        }
        for c in &mut self.competitors {
            c.name = c.name.trim().to_string();
        }
        if self.status != Status::Lost {
            self.lost_reason.clear();
        }
    }

    /// Checks every field; the error names the first field that is wrong.
    pub fn validate(&self) -> Result<()> {
        use validate::{required, text};
        required("customer.name", &self.name, NAME_MAX)?;
        for (field, value, max) in [
            ("customer.short_name", &self.short_name, NAME_MAX),
            ("customer.industry", &self.industry, SHORT_MAX),
            ("customer.region", &self.region, SHORT_MAX),
            ("customer.address", &self.address, SHORT_MAX),
            ("customer.phone", &self.phone, SHORT_MAX),
            ("customer.website", &self.website, SHORT_MAX),
            ("customer.notes", &self.notes, NOTES_MAX),
            ("customer.revenue_band", &self.revenue_band, SHORT_MAX),
            ("customer.operating_condition", &self.operating_condition, TEXT_MAX),
            ("customer.organisation", &self.organisation, TEXT_MAX),
            ("customer.culture", &self.culture, TEXT_MAX),
            ("customer.industry_standing", &self.industry_standing, TEXT_MAX),
            ("customer.prospects", &self.prospects, TEXT_MAX),
            ("customer.need_stated", &self.need_stated, TEXT_MAX),
            ("customer.need_real", &self.need_real, TEXT_MAX),
            ("customer.need_unstated", &self.need_unstated, TEXT_MAX),
            ("customer.need_delight", &self.need_delight, TEXT_MAX),
            ("customer.need_secret", &self.need_secret, TEXT_MAX),
            ("customer.lost_reason", &self.lost_reason, TEXT_MAX),
            ("customer.owner", &self.owner, NAME_MAX),
        ] {
            text(field, value, max)?;
        }
        validate::count("customer.tags", &self.tags, TAGS_MAX)?;
        for (i, tag) in self.tags.iter().enumerate() {
            text(&format!("customer.tags[{i}]"), tag, TAG_MAX)?;
        }
        validate::count("customer.competitors", &self.competitors, LIST_MAX)?;
        for (i, c) in self.competitors.iter().enumerate() {
            required(&format!("customer.competitors[{i}].name"), &c.name, NAME_MAX)?;
            text(&format!("customer.competitors[{i}].notes"), &c.notes, TEXT_MAX)?;
        }
        if let Some(staff) = self.staff_count {
            validate::range("customer.staff_count", staff, 0, 10_000_000)?;
        }
        if let Some(staff) = self.serving_staff {
            validate::range("customer.serving_staff", staff, 1, 1000)?;
        }
        if let Some(importance) = self.importance {
            validate::range("customer.importance", importance, 1, 5)?;
        }
        if let Some(founded) = &self.founded_on {
            let min = chrono::NaiveDate::from_ymd_opt(1800, 1, 1).unwrap_or_default();
            validate::past_date("customer.founded_on", founded, min)?;
        }
        if self.status == Status::Lost && self.lost_reason.trim().is_empty() {
            return Err(Error::invalid("customer.lost_reason", Rule::Required));
        }
        Ok(())
    }
}

impl Record for Customer {
    const KIND: RecordKind = RecordKind::Customer;
    type Edited = CustomerCard;

    crate::record_row! {
        id,
        card: CustomerCard {
            name, short_name, industry, region, address, phone, website, tags json, notes,
            staff_count, revenue_band, operating_condition, founded_on, organisation, culture,
            industry_standing, prospects, importance, need_stated, need_real, need_unstated,
            need_delight, need_secret, competitors json, status, lost_reason, tier, is_key, owner,
            serving_staff,
        },
        created_at, updated_at, deleted_at,
    }

    fn put(&self, conn: &Connection) -> Result<()> {
        validate::id("customer.id", &self.id)?;
        validate::timestamp("customer.created_at", &self.created_at)?;
        validate::timestamp("customer.updated_at", &self.updated_at)?;
        self.card.validate()?;
        let c = &self.card;
        record::upsert(conn, self, &[("sort_key", &sort_key(&c.name))])?;
        write_tags(conn, &self.id, &c.tags)
    }

    fn check(&self, _conn: &Connection) -> Result<()> {
        self.card.validate()
    }
}

/// Rewrites the derived tag rows of one customer (see migration 0002).
fn write_tags(conn: &Connection, id: &str, tags: &[String]) -> Result<()> {
    conn.prepare_cached("DELETE FROM customer_tags WHERE customer_id = ?1")?
        .execute([id])?;
    let mut insert = conn.prepare_cached("INSERT OR IGNORE INTO customer_tags (customer_id, tag) VALUES (?1, ?2)")?;
    for tag in tags {
        insert.execute(params![id, tag])?;
    }
    Ok(())
}

/// Creates a customer. An empty owner becomes "me" from the settings.
/// Call inside a transaction ([`crate::Store::write`]).
pub fn create(conn: &Connection, mut card: CustomerCard) -> Result<Customer> {
    card.normalise();
    let me = settings::get(conn)?.user_name;
    if card.owner.is_empty() {
        card.owner = me.clone();
    }
    let now = clock::now();
    let customer = Customer {
        id: clock::new_id(),
        card,
        created_at: now.clone(),
        updated_at: now.clone(),
        deleted_at: None,
    };
    record::put(conn, &customer)?;
    changes::record(
        conn,
        &customer.id,
        ChangeField::Status,
        "",
        customer.card.status.as_str(),
        &me,
        &now,
    )?;
    if !customer.card.owner.is_empty() {
        changes::record(
            conn,
            &customer.id,
            ChangeField::Owner,
            "",
            &customer.card.owner,
            &me,
            &now,
        )?;
    }
    Ok(customer)
}

/// Replaces a live customer's card, recording owner and status changes.
/// Call inside a transaction.
pub fn update(conn: &Connection, id: &str, mut card: CustomerCard) -> Result<Customer> {
    card.normalise();
    let old = get(conn, id)?;
    let now = clock::now();
    let me = settings::get(conn)?.user_name;
    let customer = Customer {
        card,
        updated_at: now.clone(),
        ..old.clone()
    };
    record::put(conn, &customer)?;
    if old.card.status != customer.card.status {
        let (from, to) = (old.card.status.as_str(), customer.card.status.as_str());
        changes::record(conn, id, ChangeField::Status, from, to, &me, &now)?;
    }
    if old.card.tier != customer.card.tier {
        crate::customers::tier_changes::record(conn, id, old.card.tier, customer.card.tier, None, "")?;
    }
    if old.card.owner != customer.card.owner {
        changes::record(
            conn,
            id,
            ChangeField::Owner,
            &old.card.owner,
            &customer.card.owner,
            &me,
            &now,
        )?;
    }
    Ok(customer)
}

/// Marks a live customer as a key customer (关键客户), or not. Unmarking keeps
/// the relationship card's assessments: marking again brings them back.
pub fn set_key(conn: &Connection, id: &str, is_key: bool) -> Result<Customer> {
    let old = get(conn, id)?;
    if old.card.is_key == is_key {
        return Ok(old);
    }
    let mut card = old.card.clone();
    card.is_key = is_key;
    let customer = Customer {
        card,
        updated_at: clock::now(),
        ..old
    };
    record::put(conn, &customer)?;
    Ok(customer)
}

/// Moves a live customer to the trash.
pub fn delete(conn: &Connection, id: &str) -> Result<()> {
    record::soft_delete(conn, RecordKind::Customer, id)
}

/// A live customer by id.
pub fn get(conn: &Connection, id: &str) -> Result<Customer> {
    record::get(conn, id)
}
