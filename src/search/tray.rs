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
        let name: String = crate::record::cell(r, 1, "name")?;
        let body: String = crate::record::cell(r, 3, "body")?;
        Ok(Hit {
            kind: HitKind::Unfiled,
            record_id: crate::record::cell(r, 0, "id")?,
            customer_id: String::new(),
            customer_name: crate::record::cell(r, 2, "guess")?,
            title: mark(&name, terms),
            context: crate::search::context_of(&body, terms),
            tier: None,
            person_title: crate::record::cell(r, 4, "title")?,
            phone: crate::record::cell(r, 5, "phone")?,
        })
    })?;
    let mut hits = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    let more = hits.len() > limit;
    hits.truncate(limit);
    Ok((hits, more))
}
