//! Full-text search over customers, key people and contact history.
//!
//! The index is the store's ([`crate::store::search_index`]): one document
//! per customer, person, contact and handover note, its text read from the
//! record through the kind's `search_text_<kind>` view, kept in step on
//! every write, in per-kind FTS5 tables: a trigram index for terms of three
//! or more characters and a character-pair index (`grams`) for one- and
//! two-character terms and pinyin initials. A query is split on
//! whitespace into terms that must all match, as substrings, case-folded;
//! terms go to FTS5 as quoted phrases, so FTS5 syntax in the input (`"`,
//! `*`, `NEAR`, parentheses, `OR`) is only ever text.
//!
//! Results come grouped by kind, each hit with its text cut around the match
//! and the matching parts marked, as data: the UI renders it as text.

use chrono::NaiveDate;
use rusqlite::{Connection, params_from_iter, types::Value};
use serde::{Deserialize, Serialize};

use crate::enums::{Status, Tier};

mod marks;
pub mod tray;

use crate::error::Result;
use crate::store::search_index::grams;

/// The character-pair index query for one short term anywhere in a record
/// (for the bench's reference lookup).
pub fn pair_query(term: &str) -> String {
    grams::term_query(term, false)
}
use marks::context;
pub use marks::{Piece, mark};

/// The text around the first match in `body`, marked (for hits found
/// outside the index).
pub fn context_of(body: &str, terms: &[String]) -> Vec<Piece> {
    context(body, terms)
}

/// Queries longer than this (in characters) cannot match anything useful;
/// they return no hits rather than an error.
pub const QUERY_MAX: usize = 200;

/// What a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum HitKind {
    /// A customer profile card.
    Customer,
    /// A key person.
    Person,
    /// A contact-history entry.
    Contact,
    /// A handover note.
    Note,
    /// A person in the unfiled tray (no customer yet; not in the FTS
    /// index: the tray is a phone's worth of people, scanned).
    Unfiled,
}

impl HitKind {
    /// Every indexed kind, in the order results are shown (the tray's
    /// group comes last).
    pub const ALL: [HitKind; 4] = [HitKind::Customer, HitKind::Person, HitKind::Contact, HitKind::Note];

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            HitKind::Customer => "customer",
            HitKind::Person => "person",
            HitKind::Contact => "contact",
            HitKind::Note => "note",
            HitKind::Unfiled => "unfiled",
        }
    }
}

/// The join that keeps only live records of live customers (`d` is the
/// kind's `search_text_<kind>` view of its records, `c` their customer).
const LIVE_JOIN: &str = "JOIN customers c ON c.id = d.customer_id AND c.deleted_at IS NULL AND d.deleted_at IS NULL";

/// One record found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
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
    /// The customer's tier (none for the tray's people).
    pub tier: Option<Tier>,
    /// A key person's (or tray person's) job title, so "who is calling?"
    /// is answered in the result; empty for other kinds.
    pub person_title: String,
    /// A key person's (or tray person's) phone; empty for other kinds.
    pub phone: String,
}

/// The hits of one kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(rename = "SearchGroup")]
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
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
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
        let n = arg(args, crate::customers::activity::cutoff(today, days));
        let dormant = crate::customers::activity::is_standing_sql(
            "c",
            &format!("?{n}"),
            crate::customers::activity::Standing::Dormant,
        );
        sql.push_str(&format!(" AND {dormant}"));
    }
    Ok(sql)
}

fn hit_from_row(r: &rusqlite::Row<'_>, kind: HitKind, terms: &[String]) -> rusqlite::Result<Hit> {
    let title: String = crate::record::cell(r, 3, "title")?;
    let body: String = crate::record::cell(r, 4, "body")?;
    Ok(Hit {
        kind,
        record_id: crate::record::cell(r, 0, "record_id")?,
        customer_id: crate::record::cell(r, 1, "customer_id")?,
        customer_name: crate::record::cell(r, 2, "name")?,
        context: context(&body, terms),
        title: mark(&title, terms),
        tier: crate::record::cell(r, 5, "tier")?,
        person_title: crate::record::cell(r, 6, "ptitle")?,
        phone: crate::record::cell(r, 7, "pphone")?,
    })
}

fn run(conn: &Connection, sql: &str, args: &[Value], kind: HitKind, terms: &[String]) -> Result<Vec<Hit>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map(params_from_iter(args.iter()), |r| hit_from_row(r, kind, terms))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// How many index candidates are ranked per phase. Ranking reads each
/// candidate's title, so a query that matches half the book (有限公司) costs
/// this many reads, not half the book: the index streams its matches and the
/// scan stops here.
const CANDIDATES: usize = 2000;

fn quote(term: &str) -> String {
    format!("\"{}\"", term.replace('"', "\"\""))
}

/// Where one phase takes its candidates from, as SQL producing `doc`, plus
/// the `instr()` filters for terms the chosen index cannot check itself.
fn source(kind: HitKind, terms: &[String], title_only: bool, args: &mut Vec<Value>) -> (String, String) {
    let k = kind.as_str();
    let (long, short): (Vec<&String>, Vec<&String>) = terms.iter().partition(|t| t.chars().count() >= 3);
    let arg = |args: &mut Vec<Value>, v: String| {
        args.push(Value::Text(v));
        args.len()
    };
    let mut filter = String::new();
    let from = if long.is_empty() {
        // Only short terms: the character-pair index answers all of them.
        let m = short
            .iter()
            .map(|t| grams::term_query(t, title_only))
            .collect::<Vec<_>>()
            .join(" AND ");
        let n = arg(args, m);
        format!("SELECT rowid AS doc FROM search_grams_{k} WHERE search_grams_{k} MATCH ?{n}")
    } else {
        // Trigrams for the long terms; short ones filter the candidates.
        let phrases = long.iter().map(|t| quote(t)).collect::<Vec<_>>().join(" AND ");
        let m = if title_only {
            format!("title : ({phrases})")
        } else {
            phrases
        };
        let n = arg(args, m);
        for t in &short {
            let i = arg(args, (*t).clone());
            if title_only {
                filter.push_str(&format!(" AND instr(lower(d.title), ?{i}) > 0"));
            } else {
                filter.push_str(&format!(
                    " AND (instr(lower(d.title), ?{i}) > 0 OR instr(lower(d.body), ?{i}) > 0)"
                ));
            }
        }
        format!("SELECT rowid AS doc FROM search_fts_{k} WHERE search_fts_{k} MATCH ?{n}")
    };
    (from, filter)
}

/// One phase of a search for one kind.
struct Phase<'a> {
    /// SQL producing candidate `doc`s from an index.
    from: String,
    /// Conditions on the candidates (`d`, `c`), each starting with ` AND`.
    filter: String,
    /// Arguments for both.
    args: Vec<Value>,
    /// An `instr(...)` expression: 1 ranks first (the name starts with the term).
    rank_by: String,
    /// Whether `rank_by` reads the pinyin initials (computed only then).
    by_initials: bool,
    /// The query's terms, for marking.
    terms: &'a [String],
}

/// Runs one phase: index candidates (capped), live and filtered, ranked
/// names-starting-with-the-query first, then shorter titles. The body (for
/// a customer: notes, needs, competitors' JSON, phone digits) is worked out
/// only for the hits kept, not for every candidate ranked.
fn phase(conn: &Connection, kind: HitKind, p: &Phase<'_>, fetch: usize) -> Result<Vec<Hit>> {
    let Phase {
        from,
        filter,
        args,
        rank_by,
        by_initials,
        terms,
    } = p;
    let k = kind.as_str();
    let initials = if *by_initials { ", d.initials" } else { "" };
    let order = format!("ORDER BY {rank_by} <> 1, length(title), doc");
    let sql = format!(
        "SELECT record_id, customer_id, name, title, \
                (SELECT b.body FROM search_text_{k} b WHERE b.doc = x.doc) AS body, tier, ptitle, pphone \
         FROM ( \
           SELECT * FROM ( \
             SELECT d.record_id, d.customer_id, c.name, d.title, d.doc, c.tier, \
                    d.person_title AS ptitle, d.person_phone AS pphone{initials} \
             FROM ({from}) m JOIN search_text_{k} d ON d.doc = m.doc {LIVE_JOIN} \
             WHERE 1{filter} LIMIT {cap}) \
           {order} LIMIT {fetch}) x \
         {order}",
        cap = CANDIDATES.max(fetch),
    );
    run(conn, &sql, args, kind, terms)
}

/// Searches the live book as of `today` (for the dormant filter); up to the
/// limit of hits per kind. Per kind: names matching the pinyin initials (when
/// the query looks like initials), then records whose title holds every
/// term, then records holding them anywhere.
pub fn search(conn: &Connection, q: &SearchQuery, today: NaiveDate) -> Result<Vec<Group>> {
    let Some(terms) = terms(&q.text) else {
        return Ok(Vec::new());
    };
    let limit = q.limit.unwrap_or(20).clamp(1, 10_000);
    let fetch = limit + 1;
    let initials = initials_term(&terms);
    let mut groups = Vec::new();
    for kind in HitKind::ALL {
        let mut base: Vec<Value> = Vec::new();
        let customers = customer_filter(conn, q, today, &mut base)?;
        let mut hits: Vec<Hit> = Vec::new();
        let take = |found: Vec<Hit>, hits: &mut Vec<Hit>| {
            for hit in found {
                if hits.len() > limit {
                    break;
                }
                if !hits.iter().any(|h| h.record_id == hit.record_id) {
                    hits.push(hit);
                }
            }
        };
        if let (Some(term), HitKind::Customer | HitKind::Person) = (initials, kind) {
            let k = kind.as_str();
            let mut args = base.clone();
            args.push(Value::Text(grams::initials_query(term)));
            let m = args.len();
            args.push(Value::Text(term.into()));
            let t = args.len();
            let from = format!("SELECT rowid AS doc FROM search_grams_{k} WHERE search_grams_{k} MATCH ?{m}");
            let p = Phase {
                from,
                filter: format!("{customers} AND instr(d.initials, ?{t}) > 0"),
                args,
                rank_by: format!("instr(initials, ?{t})"),
                by_initials: true,
                terms: &terms,
            };
            take(phase(conn, kind, &p, fetch)?, &mut hits);
        }
        for title_only in [true, false] {
            if hits.len() > limit {
                break;
            }
            let mut args = base.clone();
            let (from, extra) = source(kind, &terms, title_only, &mut args);
            args.push(Value::Text(terms[0].clone()));
            let first = args.len();
            let p = Phase {
                from,
                filter: format!("{customers}{extra}"),
                args,
                rank_by: format!("instr(lower(title), ?{first})"),
                by_initials: false,
                terms: &terms,
            };
            take(phase(conn, kind, &p, fetch)?, &mut hits);
        }
        let more = hits.len() > limit;
        hits.truncate(limit);
        if !hits.is_empty() {
            groups.push(Group { kind, hits, more });
        }
    }
    // The tray's people have no customer, so a customer filter leaves them out.
    let filtered = q.tier.is_some() || q.status.is_some() || q.key_only || q.dormant;
    let filtered = filtered || q.owner.as_ref().is_some_and(|o| !o.trim().is_empty());
    if !filtered && q.tag.as_ref().is_none_or(|t| t.trim().is_empty()) {
        let (hits, more) = tray::search(conn, &terms, limit)?;
        if !hits.is_empty() {
            groups.push(Group {
                kind: HitKind::Unfiled,
                hits,
                more,
            });
        }
    }
    Ok(groups)
}
