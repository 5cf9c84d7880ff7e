//! The one definition of where a customer stands by what happened (活跃 /
//! 休眠 / 新客户): every screen, filter, count, report and command that says
//! "dormant" asks this module, in Rust ([`standing`]) or in SQL
//! ([`standing_sql`]), and a test holds the two to the same answer.
//!
//! - A **lost** customer is lost: the salesperson decided it, and silence
//!   does not change it. A **prospect** (the card's status) stays one until
//!   its first order: from then on it is buying, whatever the card still says.
//! - Otherwise a customer is **active** when its last order or contact is
//!   within the dormancy threshold (settings, 180 days by default),
//!   **dormant** when it is older, and **new** when it has neither yet and
//!   was created within the threshold. One with neither, created earlier,
//!   is dormant: it has been silent as long as we have known it.
//!
//! "Last purchase" is the last order; quotes, contracts and payments are
//! steps of one, not purchases of their own.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::enums::Status;

/// Where a customer stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// Not yet buying (the card's status says so).
    Prospect,
    /// Created within the threshold, no order or contact yet.
    New,
    /// An order or a contact within the threshold.
    Active,
    /// Silent for longer than the threshold.
    Dormant,
    /// Gone (the card's status says so).
    Lost,
}

impl Standing {
    /// Every standing, in the order of a customer's life.
    pub const ALL: [Standing; 5] = [
        Standing::Prospect,
        Standing::New,
        Standing::Active,
        Standing::Dormant,
        Standing::Lost,
    ];

    /// The value SQL gives for it (see [`standing_sql`]).
    pub fn as_str(self) -> &'static str {
        match self {
            Standing::Prospect => "prospect",
            Standing::New => "new",
            Standing::Active => "active",
            Standing::Dormant => "dormant",
            Standing::Lost => "lost",
        }
    }

    /// The standing SQL gave as text.
    pub fn parse(text: &str) -> Option<Standing> {
        Standing::ALL.into_iter().find(|s| s.as_str() == text)
    }
}

impl std::str::FromStr for Standing {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Standing::parse(text).ok_or_else(|| {
            let all: Vec<&str> = Standing::ALL.iter().map(|s| s.as_str()).collect();
            format!("not a standing (one of {})", all.join(", "))
        })
    }
}

impl rusqlite::types::FromSql for Standing {
    fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        let text = value.as_str()?;
        Standing::parse(text)
            .ok_or_else(|| rusqlite::types::FromSqlError::Other(format!("unknown standing {text}").into()))
    }
}

/// The first day that still counts as recent (`YYYY-MM-DD`): activity on or
/// after it keeps a customer active.
pub fn cutoff(today: NaiveDate, threshold_days: i64) -> String {
    (today - chrono::Duration::days(threshold_days)).to_string()
}

/// What [`standing`] needs to know about a customer.
#[derive(Debug, Clone, Copy)]
pub struct Facts<'a> {
    /// The card's status.
    pub status: Status,
    /// When it was created (RFC 3339).
    pub created_at: &'a str,
    /// Whether it ever placed an order.
    pub ordered: bool,
    /// The day of its last order or contact.
    pub last_activity: Option<NaiveDate>,
}

/// A customer's last order (in any currency) and last contact, as
/// [`standing_sql`] reads them.
pub struct Last {
    /// The day of the last order.
    pub order: Option<NaiveDate>,
    /// When the last contact happened (RFC 3339).
    pub contact: Option<String>,
}

impl Last {
    /// Reads them for one customer (two index probes).
    pub fn of(conn: &rusqlite::Connection, customer_id: &str) -> crate::error::Result<Last> {
        let order: Option<String> = conn
            .prepare_cached(
                "SELECT max(occurred_on) FROM deals WHERE customer_id = ?1 AND kind = 'order' AND deleted_at IS NULL",
            )?
            .query_row([customer_id], |r| r.get(0))?;
        let contact: Option<String> = conn
            .prepare_cached("SELECT max(happened_at) FROM contacts WHERE customer_id = ?1 AND deleted_at IS NULL")?
            .query_row([customer_id], |r| r.get(0))?;
        Ok(Last {
            order: order.and_then(|d| d.parse().ok()),
            contact,
        })
    }

    /// The day of the last order or contact (a contact's UTC day, as SQL compares it).
    pub fn day(&self) -> Option<NaiveDate> {
        let contact = self
            .contact
            .as_deref()
            .and_then(|t| t.get(..10))
            .and_then(|d| d.parse().ok());
        self.order.max(contact)
    }
}

/// Where a stored customer stands on `today` (the card's header).
pub fn of(
    conn: &rusqlite::Connection,
    customer: &crate::customers::Customer,
    today: NaiveDate,
) -> crate::error::Result<Standing> {
    let last = Last::of(conn, &customer.id)?;
    let facts = Facts {
        status: customer.card.status,
        created_at: &customer.created_at,
        ordered: last.order.is_some(),
        last_activity: last.day(),
    };
    Ok(standing(facts, today, crate::settings::get(conn)?.dormant_days))
}

/// Where a customer stands on `today`.
pub fn standing(f: Facts<'_>, today: NaiveDate, threshold_days: i64) -> Standing {
    let cut = cutoff(today, threshold_days);
    match f.status {
        Status::Lost => Standing::Lost,
        Status::Prospect if !f.ordered => Standing::Prospect,
        _ => match f.last_activity {
            Some(day) if day.to_string() >= cut => Standing::Active,
            Some(_) => Standing::Dormant,
            None if f.created_at >= cut.as_str() => Standing::New,
            None => Standing::Dormant,
        },
    }
}

/// The same rule as [`standing`] as an SQL expression over the customer
/// aliased `c`, with `cutoff` the placeholder bound to [`cutoff`]. It reads
/// the customer's `last_order_on` and `last_contact_on`, which triggers keep
/// (migration 16), so a list filtered or sorted by standing reads no other
/// table; a test holds it to the Rust rule customer by customer.
pub fn standing_sql(c: &str, cutoff: &str) -> String {
    format!(
        "(CASE WHEN {c}.status = 'lost' THEN 'lost' \
         WHEN {c}.status = 'prospect' AND {c}.last_order_on IS NULL THEN 'prospect' \
         WHEN {c}.last_order_on >= {cutoff} OR {c}.last_contact_on >= {cutoff} THEN 'active' \
         WHEN {c}.created_at >= {cutoff} AND {c}.last_order_on IS NULL AND {c}.last_contact_on IS NULL THEN 'new' \
         ELSE 'dormant' END)"
    )
}

/// Whether the customer aliased `c` stands as `want`: [`standing_sql`]'s
/// rule as a plain condition, for filters. Building the standing's text
/// for every customer to compare it cost the 100k book's dormant filter a
/// third of its time; this is the same first-match rule, each branch
/// excluding those above it. A missing day never counts as recent, as in
/// the `CASE` (where a NULL condition does not match).
pub fn is_standing_sql(c: &str, cutoff: &str, want: Standing) -> String {
    let lost = format!("{c}.status = 'lost'");
    let prospect = format!("({c}.status = 'prospect' AND {c}.last_order_on IS NULL)");
    let recent = format!("(ifnull({c}.last_order_on, '') >= {cutoff} OR ifnull({c}.last_contact_on, '') >= {cutoff})");
    let fresh = format!("({c}.created_at >= {cutoff} AND {c}.last_order_on IS NULL AND {c}.last_contact_on IS NULL)");
    let neither = format!("NOT {lost} AND NOT {prospect}");
    match want {
        Standing::Lost => lost,
        Standing::Prospect => prospect,
        Standing::Active => format!("({neither} AND {recent})"),
        // Fresh means no order and no contact: never recent.
        Standing::New => format!("({neither} AND {fresh})"),
        // Not recent, said as the later day before the cutoff: the quiet
        // index's order (migration 31), so a count reads only that range.
        Standing::Dormant => format!("({} < {cutoff} AND {neither} AND NOT {fresh})", last_active_sql(c)),
    }
}

/// The later of the customer's last order and last contact days, '' for
/// none: the expression the quiet index (migration 31) is ordered by,
/// written the same way so SQLite matches the two.
pub fn last_active_sql(c: &str) -> String {
    format!("max(ifnull({c}.last_order_on, ''), ifnull({c}.last_contact_on, ''))")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn the_rule_in_words() {
        let today = day("2026-11-29");
        let s = |status, created_at: &str, last: Option<&str>| {
            let f = Facts {
                status,
                created_at,
                ordered: last.is_some(),
                last_activity: last.map(day),
            };
            standing(f, today, 180)
        };
        assert_eq!(s(Status::Active, "2026-11-29T08:00:00Z", None), Standing::New);
        assert_eq!(s(Status::Active, "2020-01-01T00:00:00Z", None), Standing::Dormant);
        assert_eq!(
            s(Status::Dormant, "2020-01-01T00:00:00Z", Some("2026-11-01")),
            Standing::Active
        );
        assert_eq!(
            s(Status::Active, "2026-11-28T00:00:00Z", Some("2024-01-01")),
            Standing::Dormant
        );
        // The threshold day itself still counts as recent: 180 days, not 179.
        assert_eq!(
            s(Status::Active, "2020-01-01T00:00:00Z", Some("2026-06-02")),
            Standing::Active
        );
        assert_eq!(
            s(Status::Active, "2020-01-01T00:00:00Z", Some("2026-06-01")),
            Standing::Dormant
        );
        assert_eq!(
            s(Status::Lost, "2020-01-01T00:00:00Z", Some("2026-11-01")),
            Standing::Lost
        );
        assert_eq!(s(Status::Prospect, "2020-01-01T00:00:00Z", None), Standing::Prospect);
        assert_eq!(
            s(Status::Prospect, "2020-01-01T00:00:00Z", Some("2026-11-01")),
            Standing::Active
        );
    }
}
