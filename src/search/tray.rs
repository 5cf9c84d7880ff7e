//! Search's group for the unfiled tray: a phone's worth of people not yet
//! any customer's, scanned rather than indexed.

use rusqlite::Connection;

use super::{Hit, HitKind, mark};
use crate::error::Result;

/// What is searched: every text of the card that identifies the person.
pub const HAY: &str = "lower(concat_ws(char(10), name, title, phone, baton_digits(phone), email, notes, guess))";

/// Search's group for the tray: people holding every term, names first.
pub fn search(conn: &Connection, terms: &[String], limit: usize) -> Result<(Vec<Hit>, bool)> {
    let filter: String = (1..=terms.len())
        .map(|i| format!(" AND instr({HAY}, ?{i}) > 0"))
        .collect();
    let mut stmt = conn.prepare(&format!(
        "SELECT id, name, guess, concat_ws(char(10), nullif(title, ''), nullif(phone, ''), nullif(email, ''), \
         nullif(notes, '')) AS body, title, phone FROM unfiled_people WHERE 1{filter} \
         ORDER BY instr(lower(name), ?1) <> 1, length(name), sort_key LIMIT {}",
        limit + 1
    ))?;
    let rows = stmt.query_map(rusqlite::params_from_iter(terms.iter()), |r| {
        let name: String = r.get("name")?;
        let body: String = r.get("body")?;
        Ok(Hit {
            kind: HitKind::Unfiled,
            record_id: r.get("id")?,
            customer_id: String::new(),
            customer_name: r.get("guess")?,
            title: mark(&name, terms),
            context: crate::search::context_of(&body, terms),
            tier: None,
            person_title: r.get("title")?,
            phone: r.get("phone")?,
        })
    })?;
    let mut hits = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    let more = hits.len() > limit;
    hits.truncate(limit);
    Ok((hits, more))
}
