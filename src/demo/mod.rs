//! `baton demo`: a realistic, deterministic demo book.
//!
//! The same `(customers, seed)` always gives the same book, ids and
//! timestamps included, so two demo books dump byte-identically and the
//! benchmark always measures the same data. Chinese and English companies
//! are mixed, and every profile-card and key-person field is used.
//!
//! The app's demo ([`fill_with`], issue 14) is in the user's language alone
//! and dated to the day it is loaded, with a day's work waiting: follow-ups
//! due today and this week on the best customers.

mod assessments;
mod cards;
mod deals;
mod history;
mod notes;
mod rng;

pub use rng::Rng;
mod words;

mod agenda;

use chrono::{DateTime, TimeZone, Utc};
use rusqlite::Connection;
use serde::Deserialize;

use crate::Store;
use crate::customers::changes::{ChangeField, CustomerChange};
use crate::error::{Error, Result};
use crate::job::{self, Job};

/// The language of the demo's companies, people and history.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum DemoLang {
    /// About two in three customers Chinese, the rest English (the
    /// benchmark's and the tests' book).
    #[default]
    Mixed,
    /// Chinese throughout.
    Zh,
    /// English throughout.
    En,
}

/// How to fill the demo book.
#[derive(Debug, Clone, Copy)]
pub struct DemoOptions {
    /// Its language.
    pub lang: DemoLang,
    /// The moment the book is "now": history ends here, follow-ups fall due
    /// around it.
    pub now: DateTime<Utc>,
    /// Leave today's and this week's follow-ups on the best customers.
    pub agenda: bool,
}

impl DemoOptions {
    /// The app's demo: in `lang`, dated to this moment, with a day's work.
    pub fn for_today(lang: DemoLang) -> DemoOptions {
        DemoOptions {
            lang,
            now: Utc::now(),
            agenda: true,
        }
    }
}

/// What a demo run wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoSummary {
    /// Customers written.
    pub customers: usize,
    /// Key people written.
    pub people: usize,
    /// Contacts written.
    pub contacts: usize,
    /// Follow-ups written.
    pub followups: usize,
    /// Transactions written.
    pub deals: usize,
    /// Relationship-card assessments written.
    pub assessments: usize,
}

/// Fills an empty book with `customers` demo customers from `seed`, in one
/// transaction: the fixed, mixed-language book of the tests and benchmarks.
pub fn fill(store: &Store, customers: usize, seed: u64) -> Result<DemoSummary> {
    let fixed = DemoOptions {
        lang: DemoLang::Mixed,
        now: epoch(),
        agenda: false,
    };
    fill_with(store, customers, seed, &fixed, None)
}

/// [`fill`] with the language, the day and the agenda chosen; `job` counts
/// the customers written and may cancel (the one transaction then rolls
/// back: the book stays empty).
pub fn fill_with(
    store: &Store,
    customers: usize,
    seed: u64,
    opts: &DemoOptions,
    job: Option<&Job>,
) -> Result<DemoSummary> {
    job::start(job, customers as u64);
    let fill = |tx: &rusqlite::Transaction<'_>| {
        let existing: i64 = tx.query_row("SELECT count(*) FROM customers", [], |r| r.get(0))?;
        if existing > 0 {
            return Err(Error::NotEmpty(format!(
                "the book already holds {existing} customers; the demo only fills an empty book"
            )));
        }
        // The kept columns are computed once at the end, not for each
        // person, contact, deal and follow-up (store::bulk_fill).
        let kept = crate::store::bulk_fill::suspend(tx)?;
        // Every record is new: inserted, not upserted (record::as_new_rows).
        let summary = crate::record::as_new_rows(|| generate(tx, customers, seed, opts, job))?;
        kept.resume(tx)?;
        Ok(summary)
    };
    // The app's demo (with a job) fills the open book its window reads
    // meanwhile: in WAL, readers never wait. Without one (the CLI, the
    // bench), the fill may take the book alone (Store::fill_empty).
    let summary = match job {
        Some(_) => store.write_bulk(fill)?,
        None => store.fill_empty(fill)?,
    };
    if let Some(j) = job {
        j.finish();
    }
    Ok(summary)
}

/// Writes the demo records through the same validated `put` paths as real data.
fn generate(conn: &Connection, count: usize, seed: u64, opts: &DemoOptions, job: Option<&Job>) -> Result<DemoSummary> {
    let now = opts.now;
    let mut rng = Rng::new(seed);
    let mut people_written = 0;
    let (mut contacts_written, mut followups_written, mut deals_written, mut assessments_written) = (0, 0, 0, 0);
    for index in 0..count {
        let customer = cards::customer(&mut rng, opts.lang, now);
        crate::record::put(conn, &customer)?;
        for (field, value) in [
            (ChangeField::Status, customer.card.status.as_str()),
            (ChangeField::Owner, &customer.card.owner),
        ] {
            crate::record::put(
                conn,
                &CustomerChange {
                    id: rng.uuid(),
                    customer_id: customer.id.clone(),
                    field,
                    old_value: String::new(),
                    new_value: value.to_string(),
                    changed_at: customer.created_at.clone(),
                    changed_by: customer.card.owner.clone(),
                    created_at: customer.created_at.clone(),
                    updated_at: customer.created_at.clone(),
                },
            )?;
        }
        let chinese = customer.card.name.chars().next().is_some_and(|c| !c.is_ascii());
        let n = 1 + rng.below(5) as usize; // 1..=5, three on average
        let mut its_people = Vec::with_capacity(n);
        for _ in 0..n {
            let p = cards::person(&mut rng, &customer, chinese);
            crate::record::put(conn, &p)?;
            its_people.push(p);
        }
        people_written += n;
        let (c, f) = history::generate(conn, &mut rng, &customer, &its_people, chinese, now)?;
        contacts_written += c;
        followups_written += f;
        deals_written += deals::generate(conn, &mut rng, &customer, chinese, now)?;
        if customer.card.is_key {
            assessments_written += assessments::generate(conn, &mut rng, &customer, chinese, now)?;
            notes::generate(conn, index as u64, seed, &customer, chinese, now)?;
            notes::checklist(conn, index as u64, seed, &customer, &its_people, now)?;
        }
        job::tick(job)?;
    }
    if opts.agenda {
        followups_written += agenda::generate(conn, seed, now)?;
    }
    Ok(DemoSummary {
        customers: count,
        people: people_written,
        contacts: contacts_written,
        followups: followups_written,
        deals: deals_written,
        assessments: assessments_written,
    })
}

/// A fixed "now" for the demo, so timestamps do not depend on the clock.
fn epoch() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).single().unwrap_or_default()
}
