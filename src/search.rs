//! Full-text search over customers, key people and contact history.
//!
//! The index (`search_docs` + the trigram FTS5 table `search_fts`, migration
//! 8) is kept by triggers, so every write path maintains it. A query is split
//! on whitespace into terms that must all match, as substrings, case-folded:
//! - terms of three or more characters go to the trigram index as quoted
//!   phrases, so FTS5 syntax in the input (`"`, `*`, `NEAR`, parentheses,
//!   `OR`) is only ever text;
//! - shorter terms (华, 华为, `hw`) cannot be trigram-matched: they filter the
//!   rows the index found, or, when every term is short, a scan of
//!   `search_docs` with `instr()`.
//!
//! Results come grouped by kind, each hit with its text cut around the match
//! and the matching parts marked, as data: the UI renders it as text.

use chrono::NaiveDate;
use rusqlite::{Connection, params_from_iter, types::Value};
use serde::{Deserialize, Serialize};

use crate::enums::{Status, Tier};
use crate::error::Result;

/// Queries longer than this (in characters) cannot match anything useful;
/// they return no hits rather than an error.
pub const QUERY_MAX: usize = 200;

/// What a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HitKind {
    /// A customer profile card.
    Customer,
    /// A key person.
    Person,
    /// A contact-history entry.
    Contact,
}

impl HitKind {
    /// Every kind, in the order results are shown.
    pub const ALL: [HitKind; 3] = [HitKind::Customer, HitKind::Person, HitKind::Contact];

    fn as_str(self) -> &'static str {
        match self {
            HitKind::Customer => "customer",
            HitKind::Person => "person",
            HitKind::Contact => "contact",
        }
    }

    /// The join that keeps only live records (and live customers).
    fn live_join(self) -> &'static str {
        match self {
            HitKind::Customer => "JOIN customers c ON c.id = d.record_id AND c.deleted_at IS NULL",
            HitKind::Person => {
                "JOIN people r ON r.id = d.record_id AND r.deleted_at IS NULL \
                 JOIN customers c ON c.id = d.customer_id AND c.deleted_at IS NULL"
            }
            HitKind::Contact => {
                "JOIN contacts r ON r.id = d.record_id AND r.deleted_at IS NULL \
                 JOIN customers c ON c.id = d.customer_id AND c.deleted_at IS NULL"
            }
        }
    }
}

/// A piece of a hit's text; `mark` pieces are what matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Piece {
    /// The text.
    pub text: String,
    /// Whether it matched the query.
    pub mark: bool,
}

/// One record found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hit {
    /// What it is.
    pub kind: HitKind,
    /// Its id.
    pub record_id: String,
    /// The customer it belongs to (itself, for a customer).
    pub customer_id: String,
    /// That customer's name.
    pub customer_name: String,
    /// The record's title line (name, or a contact's subject), marked.
    pub title: Vec<Piece>,
    /// The text around the first match outside the title, marked; empty if
    /// the title holds every match.
    pub context: Vec<Piece>,
}

/// The hits of one kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Group {
    /// The kind.
    pub kind: HitKind,
    /// The best hits, at most the limit asked for.
    pub hits: Vec<Hit>,
    /// True if there are more than shown.
    pub more: bool,
}

/// Splits a query into its distinct terms, case-folded as the index folds
/// ASCII letters. `None` when the query cannot match (empty or too long).
pub fn terms(query: &str) -> Option<Vec<String>> {
    if query.chars().count() > QUERY_MAX {
        return None;
    }
    let mut terms: Vec<String> = Vec::new();
    for t in query.split_whitespace().map(str::to_ascii_lowercase) {
        if !terms.contains(&t) {
            terms.push(t);
        }
    }
    (!terms.is_empty()).then_some(terms)
}

/// The term to look up as pinyin initials (`hw` → 华为), if the query is
/// one: a single term of 2–10 ASCII letters. Longer or mixed queries are
/// text, not initials.
pub fn initials_term(terms: &[String]) -> Option<&str> {
    match terms {
        [t] if (2..=10).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_lowercase()) => Some(t),
        _ => None,
    }
}

/// What to look for: the text, and filters on the customer each hit belongs to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SearchQuery {
    /// The words typed.
    pub text: String,
    /// Only customers of this tier.
    pub tier: Option<Tier>,
    /// Only customers in this status.
    pub status: Option<Status>,
    /// Only key customers.
    pub key_only: bool,
    /// Only customers owned by this salesperson.
    pub owner: Option<String>,
    /// Only customers with this tag.
    pub tag: Option<String>,
    /// Only dormant customers (no order or contact within the dormancy threshold).
    pub dormant: bool,
    /// Hits per kind (default 20, at most 10,000).
    pub limit: Option<usize>,
}

/// The customer filters as SQL on `c`, with their arguments appended to `args`.
fn customer_filter(conn: &Connection, q: &SearchQuery, today: NaiveDate, args: &mut Vec<Value>) -> Result<String> {
    let mut sql = String::new();
    let arg = |args: &mut Vec<Value>, v: String| {
        args.push(Value::Text(v));
        args.len()
    };
    if let Some(tier) = q.tier {
        sql.push_str(&format!(" AND c.tier = ?{}", arg(args, tier.as_str().into())));
    }
    if let Some(status) = q.status {
        sql.push_str(&format!(" AND c.status = ?{}", arg(args, status.as_str().into())));
    }
    if q.key_only {
        sql.push_str(" AND c.is_key = 1");
    }
    if let Some(owner) = q.owner.as_ref().filter(|o| !o.trim().is_empty()) {
        sql.push_str(&format!(" AND c.owner = ?{}", arg(args, owner.trim().into())));
    }
    if let Some(tag) = q.tag.as_ref().filter(|t| !t.trim().is_empty()) {
        let n = arg(args, tag.trim().into());
        sql.push_str(&format!(
            " AND c.id IN (SELECT customer_id FROM customer_tags WHERE tag = ?{n})"
        ));
    }
    if q.dormant {
        let days = crate::settings::get(conn)?.dormant_days;
        let n = arg(args, (today - chrono::Duration::days(days)).to_string());
        sql.push_str(&format!(
            " AND c.status <> 'lost' \
             AND NOT EXISTS (SELECT 1 FROM deals dd WHERE dd.customer_id = c.id AND dd.kind = 'order' \
                             AND dd.deleted_at IS NULL AND dd.occurred_on >= ?{n}) \
             AND NOT EXISTS (SELECT 1 FROM contacts dc WHERE dc.customer_id = c.id AND dc.deleted_at IS NULL \
                             AND dc.happened_at >= ?{n})"
        ));
    }
    Ok(sql)
}

fn hit_from_row(r: &rusqlite::Row<'_>, kind: HitKind, terms: &[String]) -> rusqlite::Result<Hit> {
    let title: String = r.get(3)?;
    let body: String = r.get(4)?;
    Ok(Hit {
        kind,
        record_id: r.get(0)?,
        customer_id: r.get(1)?,
        customer_name: r.get(2)?,
        context: context(&body, terms),
        title: mark(&title, terms),
    })
}

fn run(conn: &Connection, sql: &str, args: &[Value], kind: HitKind, terms: &[String]) -> Result<Vec<Hit>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map(params_from_iter(args.iter()), |r| hit_from_row(r, kind, terms))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Searches the live book as of `today` (for the dormant filter); up to the
/// limit of hits per kind, best first. A query that looks like pinyin
/// initials also finds names by their initials, listed before text matches.
pub fn search(conn: &Connection, q: &SearchQuery, today: NaiveDate) -> Result<Vec<Group>> {
    let Some(terms) = terms(&q.text) else {
        return Ok(Vec::new());
    };
    let limit = q.limit.unwrap_or(20).clamp(1, 10_000);
    let fetch = limit + 1;
    let initials = initials_term(&terms);
    let (long, short): (Vec<&String>, Vec<&String>) = terms.iter().partition(|t| t.chars().count() >= 3);
    let mut groups = Vec::new();
    for kind in HitKind::ALL {
        let join = kind.live_join();
        let mut args: Vec<Value> = vec![Value::Text(kind.as_str().into())];
        let customers = customer_filter(conn, q, today, &mut args)?;
        let shared = args.clone();
        let mut hits = match (initials, kind) {
            (Some(term), HitKind::Customer | HitKind::Person) => {
                let mut a = shared.clone();
                a.push(Value::Text(term.into()));
                let n = a.len();
                run(
                    conn,
                    &format!(
                        "SELECT d.record_id, d.customer_id, c.name, d.title, d.body \
                         FROM search_docs d INDEXED BY search_docs_initials {join} \
                         WHERE d.kind = ?1 AND instr(d.initials, ?{n}) > 0{customers} \
                         ORDER BY instr(d.initials, ?{n}) <> 1, length(d.initials), d.doc LIMIT {fetch}"
                    ),
                    &a,
                    kind,
                    &terms,
                )?
            }
            _ => Vec::new(),
        };
        let mut filter = customers.clone();
        for t in &short {
            args.push(Value::Text((*t).clone()));
            let n = args.len();
            filter.push_str(&format!(
                " AND (instr(lower(d.title), ?{n}) > 0 OR instr(lower(d.body), ?{n}) > 0)"
            ));
        }
        let sql = if long.is_empty() {
            // Names that start with the query first, then names containing
            // it, then the rest (a match in notes or history text).
            let first = shared.len() + 1;
            format!(
                "SELECT d.record_id, d.customer_id, c.name, d.title, d.body FROM search_docs d {join} \
                 WHERE d.kind = ?1{filter} \
                 ORDER BY instr(lower(d.title), ?{first}) = 0, instr(lower(d.title), ?{first}) <> 1, \
                 length(d.title), d.doc LIMIT {fetch}"
            )
        } else {
            let phrase = long
                .iter()
                .map(|t| format!("\"{}\"", t.replace('"', "\"\"")))
                .collect::<Vec<_>>()
                .join(" ");
            args.push(Value::Text(phrase));
            let m = args.len();
            format!(
                "SELECT d.record_id, d.customer_id, c.name, d.title, d.body FROM search_fts f \
                 JOIN search_docs d ON d.doc = f.rowid {join} \
                 WHERE search_fts MATCH ?{m} AND d.kind = ?1{filter} \
                 ORDER BY f.rank LIMIT {fetch}"
            )
        };
        for hit in run(conn, &sql, &args, kind, &terms)? {
            if hits.len() > limit {
                break;
            }
            if !hits.iter().any(|h| h.record_id == hit.record_id) {
                hits.push(hit);
            }
        }
        let more = hits.len() > limit;
        hits.truncate(limit);
        if !hits.is_empty() {
            groups.push(Group { kind, hits, more });
        }
    }
    Ok(groups)
}

/// Byte ranges in `text` where any term occurs (ASCII case-folded), merged.
fn ranges(text: &str, terms: &[String]) -> Vec<(usize, usize)> {
    let folded = text.to_ascii_lowercase(); // same byte offsets as `text`
    let mut found: Vec<(usize, usize)> = Vec::new();
    for t in terms {
        let mut from = 0;
        while let Some(i) = folded[from..].find(t.as_str()) {
            let start = from + i;
            found.push((start, start + t.len()));
            from = start + t.len().max(1);
        }
    }
    found.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in found {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

/// `text` cut into marked and unmarked pieces.
pub fn mark(text: &str, terms: &[String]) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut at = 0;
    for (s, e) in ranges(text, terms) {
        if s > at {
            pieces.push(Piece {
                text: text[at..s].to_string(),
                mark: false,
            });
        }
        pieces.push(Piece {
            text: text[s..e].to_string(),
            mark: true,
        });
        at = e;
    }
    if at < text.len() || pieces.is_empty() {
        pieces.push(Piece {
            text: text[at..].to_string(),
            mark: false,
        });
    }
    pieces
}

/// Characters of context kept on each side of the first match in the body.
const CONTEXT_CHARS: usize = 30;

/// The body's line around its first match, if the body matches at all.
fn context(body: &str, terms: &[String]) -> Vec<Piece> {
    let Some(&(s, _)) = ranges(body, terms).first() else {
        return Vec::new();
    };
    let line_start = body[..s].rfind('\n').map_or(0, |i| i + 1);
    let line_end = body[s..].find('\n').map_or(body.len(), |i| s + i);
    let start = body[line_start..s]
        .char_indices()
        .rev()
        .nth(CONTEXT_CHARS - 1)
        .map_or(line_start, |(i, _)| line_start + i);
    let end = body[s..line_end]
        .char_indices()
        .nth(CONTEXT_CHARS * 2)
        .map_or(line_end, |(i, _)| s + i);
    let mut pieces = mark(&body[start..end], terms);
    if start > line_start {
        pieces.insert(
            0,
            Piece {
                text: "…".into(),
                mark: false,
            },
        );
    }
    if end < line_end {
        pieces.push(Piece {
            text: "…".into(),
            mark: false,
        });
    }
    pieces
}
