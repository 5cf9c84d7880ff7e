//! The unfiled tray (未归档联系人): people an import found without a company
//! (a phone's contacts, a CRM's rows with an empty company column), kept
//! until the salesperson files each under a customer, instead of dropped.
//! Filing moves the card into the customer's key people.

pub mod guess;

use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use crate::customers::people::{self, PersonCard};
use crate::error::{Error, Result};
use crate::search::tray::HAY;
use crate::{clock, customers, sort_key::sort_key};

pub use guess::{CustomerNames, Guess, GuessFrom, guess};

/// A person waiting in the tray.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct UnfiledPerson {
    /// Stable UUID.
    pub id: String,
    /// The card as it will be filed.
    pub card: PersonCard,
    /// The company guessed at import (empty if none).
    pub guess: String,
    /// Where it came from: the file and its line or row (`phone.vcf:17`).
    pub source: String,
    /// Created (UTC, RFC 3339).
    pub created_at: String,
    /// Last changed (UTC, RFC 3339).
    pub updated_at: String,
}

/// Where to file people from the tray.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "FileTarget")]
pub enum Target {
    /// Under this live customer.
    Customer(String),
    /// Under a customer of this name: the book's, if one has exactly that
    /// name, else a new one.
    NewCustomer(String),
}

const COLUMNS: &str = "id, card, guess, source, created_at, updated_at";

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<UnfiledPerson> {
    let card: String = crate::record::cell(r, 1, "card")?;
    Ok(UnfiledPerson {
        id: crate::record::cell(r, 0, "id")?,
        card: serde_json::from_str(&card)
            .map_err(|e| rusqlite::Error::FromSqlConversionFailure(1, rusqlite::types::Type::Text, Box::new(e)))?,
        guess: crate::record::cell(r, 2, "guess")?,
        source: crate::record::cell(r, 3, "source")?,
        created_at: crate::record::cell(r, 4, "created_at")?,
        updated_at: crate::record::cell(r, 5, "updated_at")?,
    })
}

fn write(conn: &Connection, p: &UnfiledPerson) -> Result<()> {
    p.card.validate()?;
    let card = serde_json::to_string(&p.card).map_err(|e| Error::Corrupt(e.to_string()))?;
    let c = &p.card;
    conn.prepare_cached(
        "INSERT INTO unfiled_people (id, card, name, sort_key, title, phone, email, notes, guess, source, \
         created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) \
         ON CONFLICT(id) DO UPDATE SET card = excluded.card, name = excluded.name, sort_key = excluded.sort_key, \
         title = excluded.title, phone = excluded.phone, email = excluded.email, notes = excluded.notes, \
         guess = excluded.guess, updated_at = excluded.updated_at",
    )?
    .execute(params![
        p.id,
        card,
        c.name,
        sort_key(&c.name),
        c.title,
        c.phone,
        c.email,
        c.notes,
        p.guess,
        p.source,
        p.created_at,
        p.updated_at
    ])?;
    Ok(())
}

/// Puts a person in the tray. Call inside a transaction.
pub fn add(conn: &Connection, mut card: PersonCard, guess: &str, source: &str) -> Result<UnfiledPerson> {
    card.normalise();
    let now = clock::now();
    let p = UnfiledPerson {
        id: clock::new_id(),
        card,
        guess: guess.trim().to_string(),
        source: source.to_string(),
        created_at: now.clone(),
        updated_at: now,
    };
    write(conn, &p)?;
    Ok(p)
}

/// Replaces a tray person's card (a name typed better, say).
pub fn update(conn: &Connection, id: &str, mut card: PersonCard) -> Result<UnfiledPerson> {
    card.normalise();
    let old = get(conn, id)?;
    let p = UnfiledPerson {
        card,
        updated_at: clock::now(),
        ..old
    };
    write(conn, &p)?;
    Ok(p)
}

fn not_found(id: &str) -> Error {
    Error::NotFound {
        kind: "unfiled person",
        id: id.to_string(),
    }
}

/// A tray person by id.
pub fn get(conn: &Connection, id: &str) -> Result<UnfiledPerson> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM unfiled_people WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| not_found(id))
}

/// How many people wait in the tray.
pub fn count(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM unfiled_people", [], |r| r.get(0))?)
}

/// The tray, in name (pinyin) order; only people holding every word of
/// `query` (case-folded substrings, as search) when it has any.
pub fn list(conn: &Connection, query: &str) -> Result<Vec<UnfiledPerson>> {
    let terms = crate::search::terms(query).unwrap_or_default();
    let filter: String = (1..=terms.len())
        .map(|i| format!(" AND instr({HAY}, ?{i}) > 0"))
        .collect();
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM unfiled_people WHERE 1{filter} ORDER BY sort_key, id"
    ))?;
    let rows = stmt.query_map(rusqlite::params_from_iter(terms.iter()), from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Removes people from the tray for good (they were never a customer's).
pub fn delete(conn: &Connection, ids: &[String]) -> Result<u64> {
    let mut n = 0;
    for id in ids {
        let gone = conn.execute("DELETE FROM unfiled_people WHERE id = ?1", [id])?;
        if gone == 0 {
            return Err(not_found(id));
        }
        n += 1;
    }
    Ok(n)
}

/// The live customer `target` names, created if it is a new name; and
/// whether it was created now.
pub fn target_customer(conn: &Connection, target: &Target) -> Result<(String, bool)> {
    match target {
        Target::Customer(id) => Ok((customers::get(conn, id)?.id, false)),
        Target::NewCustomer(name) => {
            let key = crate::io::sheet::values::name_key(name);
            let mut stmt = conn.prepare_cached("SELECT id, name FROM customers WHERE deleted_at IS NULL")?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let (id, known): (String, String) = (r.get(0)?, r.get(1)?);
                if crate::io::sheet::values::name_key(&known) == key {
                    return Ok((id, false));
                }
            }
            let card = customers::CustomerCard {
                name: name.trim().to_string(),
                ..Default::default()
            };
            Ok((customers::create(conn, card)?.id, true))
        }
    }
}

/// The card as filed: a company carried in the name (王总(华为)) is dropped
/// from it, since the customer now says it.
pub fn filed_card(card: &PersonCard) -> PersonCard {
    let mut card = card.clone();
    if let Some(g) = guess(&card).filter(|g| g.from == GuessFrom::Name) {
        card.name = g.person_name;
    }
    card
}

/// Files tray people under `target` as its key people; returns the
/// customer's id. Call inside a transaction: all move, or none.
pub fn file(conn: &Connection, ids: &[String], target: &Target) -> Result<String> {
    let (customer_id, _) = target_customer(conn, target)?;
    for id in ids {
        let p = get(conn, id)?;
        people::create(conn, &customer_id, filed_card(&p.card))?;
        conn.execute("DELETE FROM unfiled_people WHERE id = ?1", [id])?;
    }
    Ok(customer_id)
}
