//! The customer list: filtered, sorted, paged.
//!
//! The UI shows a virtualised list, so it asks for one window of rows at a
//! time plus the total; nothing here ever loads the whole book.

use rusqlite::{Connection, ToSql};
use serde::{Deserialize, Serialize};

mod figures;
mod kept_order;
mod plans;
pub use kept_order::{forget as forget_kept_order, resorts as kept_order_resorts};
pub use plans::{count_plan, plan};

use crate::customers::activity::{self, Standing};
use crate::enums::{Status, Tier};
use crate::error::Result;

/// What to sort the list by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum SortBy {
    /// Name, by pinyin for Chinese names.
    #[default]
    Name,
    /// Last change.
    Updated,
    /// Creation.
    Created,
    /// Tier, S first; untiered last.
    Tier,
    /// Status, prospect → lost.
    Status,
    /// The last contact, most recent first when descending; never last.
    LastContact,
    /// The next step's day, soonest first; none last.
    NextStep,
    /// Revenue in the value window (the book's currency), smallest first.
    Revenue,
    /// The relationship's weight, lowest first; unassessed last.
    Weight,
    /// The dependence score, lowest first.
    Dependence,
    /// The owner, by pinyin; none last.
    Owner,
    /// The region, by pinyin; none last.
    Region,
    /// The industry, by pinyin; none last.
    Industry,
}

/// A page request: filters, sort, and the window.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default, deny_unknown_fields)]
pub struct ListQuery {
    /// Only this status (the card's field).
    pub status: Option<Status>,
    /// Only customers standing so (active, dormant, new…; see [`crate::customers::activity`]).
    pub standing: Option<Standing>,
    /// The day the standing is judged on (default: today, local).
    pub as_of: Option<chrono::NaiveDate>,
    /// Only this tier.
    pub tier: Option<Tier>,
    /// Only customers carrying this tag.
    pub tag: Option<String>,
    /// Only key customers.
    pub key_only: bool,
    /// Sort order.
    pub sort: SortBy,
    /// Reverse the sort.
    pub descending: bool,
    /// First row of the window.
    pub offset: u32,
    /// Rows in the window (capped at 500).
    pub limit: u32,
    /// Also compute each row's revenue, weight and dependence (a few
    /// queries a page; the list asks when it shows those columns).
    pub figures: bool,
}

/// One row of the list: what the table shows, not the whole card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ListRow {
    /// Customer id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Short name.
    pub short_name: String,
    /// Industry.
    pub industry: String,
    /// Region.
    pub region: String,
    /// Status (the card's field).
    pub status: Status,
    /// Where it stands by what happened (the list's badge).
    pub standing: Standing,
    /// Tier.
    pub tier: Option<Tier>,
    /// Key customer flag.
    pub is_key: bool,
    /// Owner.
    pub owner: String,
    /// Tags.
    pub tags: Vec<String>,
    /// Live key people.
    pub people_count: i64,
    /// Last change.
    pub updated_at: String,
    /// The day of the last live contact, if any.
    pub last_contact_on: Option<String>,
    /// The day of the earliest open follow-up, if any.
    pub next_due_on: Option<String>,
    /// Revenue in the value window, in minor units of the book's currency
    /// (orders less returns; other currencies are not counted). With
    /// [`ListQuery::figures`] only, as are the two below.
    pub revenue: Option<i64>,
    /// The relationship's weight (0–100) by its latest scored assessment;
    /// none when unassessed.
    pub weight: Option<i64>,
    /// The dependence score (0–100), as on the card.
    pub dependence: Option<i64>,
}

/// One window of the list, with the total matching the filters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ListPage {
    /// Live customers matching the filters.
    pub total: i64,
    /// The rows of the window.
    pub rows: Vec<ListRow>,
}

/// Most rows one request may return.
const PAGE_MAX: u32 = 500;

/// One window of live customers matching `query`.
///
/// Two steps, so the cost follows the window and not the book: first the
/// rowids of the window, in order, from an index walk (or a sort of rowids
/// only); then the display columns of just those rows.
pub fn list(conn: &Connection, query: &ListQuery) -> Result<ListPage> {
    let today = query.as_of.unwrap_or_else(crate::clock::local_today);
    let s = crate::settings::get(conn)?;
    let Filter {
        sql: filter,
        args,
        cutoff,
        plain,
    } = Filter::of(query, today, &s);
    let params: Vec<&dyn ToSql> = args.iter().map(|a| a.as_ref()).collect();

    // With no filter, the kept number of live customers (migration 26).
    let total: i64 = if plain {
        conn.prepare_cached("SELECT n FROM customers_live WHERE id = 1")?
            .query_row([], |r| r.get(0))?
    } else {
        conn.prepare_cached(&count_sql(query, &filter))?
            .query_row(params.as_slice(), |r| r.get(0))?
    };

    let limit = query.limit.clamp(1, PAGE_MAX);
    let order = order_sql(query);
    // The sorts done in Rust: every match's key in name order, sorted by
    // key; with no filter, kept between reads (kept_order). `only` narrows
    // it to one customer (the kept order moving a customer a write
    // touched): looked up by rowid, not by walking an index.
    let keyed = |only: Option<i64>| -> Result<Vec<(i64, Option<i64>)>> {
        let (filter, index) = match only {
            Some(_) => (format!("{filter} AND c.rowid = ?{}", params.len() + 1), ""),
            None => (filter.clone(), index_of(query)),
        };
        let mut params = params.clone();
        params.extend(only.as_ref().map(|rowid| rowid as &dyn ToSql));
        match query.sort {
            SortBy::Dependence => {
                // Every match's kept facts in name order, scored as the card
                // scores them (migration 23): one index walk.
                let since = crate::relationship::dependence::recent_since(today, &s);
                let mut stmt = conn.prepare_cached(&facts_sql(index, &filter, &order))?;
                let mut rows = stmt.query(params.as_slice())?;
                let mut keyed = Vec::new();
                while let Some(r) = rows.next()? {
                    let scored = crate::relationship::dependence::scored_of_row(r, 1, &since, today, &s)?;
                    keyed.push((r.get::<_, i64>(0)?, Some(scored.score)));
                }
                Ok(keyed)
            }
            SortBy::Revenue => {
                let rowids = conn
                    .prepare_cached(&ids_sql(index, &filter, &order))?
                    .query_map(params.as_slice(), |r| r.get::<_, i64>(0))?
                    .collect::<rusqlite::Result<Vec<_>>>()?;
                // The book's revenue in the window, kept between reads (the
                // value picture's ranking): every customer has one, 0 without
                // orders, so none goes last as a blank would.
                let ranking = crate::value::kept_ranking(conn, &s, today)?;
                Ok(rowids
                    .into_iter()
                    .map(|rowid| (rowid, Some(ranking.revenue_at(rowid))))
                    .collect())
            }
            // By standing: every match's standing in name order from the
            // kept facts' index, then stably by standing (five values):
            // sorting every match by standing, pinyin and name in SQL took
            // 30-50 ms at 100k.
            _ => Ok(conn
                .prepare_cached(&standings_sql(index, &filter, &order))?
                .query_map(params.as_slice(), |r| {
                    Ok((r.get::<_, i64>(0)?, Some(r.get::<_, i64>(1)?)))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?),
        }
    };
    let rowids = match query.sort {
        SortBy::Dependence | SortBy::Revenue | SortBy::Status if plain => kept_order::window(
            conn,
            query.sort,
            query.descending,
            today,
            &s,
            (query.offset, limit),
            keyed,
        )?,
        SortBy::Dependence | SortBy::Revenue | SortBy::Status => {
            window_by_key(keyed(None)?, query.descending, query.offset, limit)
        }
        SortBy::Weight => weight_window(conn, &filter, &args, &order, &s, query, limit)?,
        _ => conn
            .prepare_cached(&window_sql(query, &filter, &order, limit, query.offset))?
            .query_map(params.as_slice(), |r| r.get::<_, i64>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?,
    };

    let mut row_stmt = conn.prepare_cached(&format!(
        "SELECT c.id, c.name, c.short_name, c.industry, c.region, c.status, c.tier, c.is_key, c.owner, c.tags, \
                (SELECT count(*) FROM people p WHERE p.customer_id = c.id AND p.deleted_at IS NULL) AS people_count, \
                c.updated_at, {} AS standing, c.last_contact_on, c.next_due_on FROM customers c WHERE c.rowid = ?2",
        activity::standing_sql("c", "?1")
    ))?;
    let mut rows = Vec::with_capacity(rowids.len());
    for rowid in rowids {
        rows.push(row_stmt.query_row(rusqlite::params![cutoff, rowid], |r| {
            let tags: String = crate::record::cell(r, 9, "tags")?;
            Ok(ListRow {
                id: crate::record::cell(r, 0, "id")?,
                name: crate::record::cell(r, 1, "name")?,
                short_name: crate::record::cell(r, 2, "short_name")?,
                industry: crate::record::cell(r, 3, "industry")?,
                region: crate::record::cell(r, 4, "region")?,
                status: crate::record::cell(r, 5, "status")?,
                tier: crate::record::cell(r, 6, "tier")?,
                is_key: crate::record::cell(r, 7, "is_key")?,
                owner: crate::record::cell(r, 8, "owner")?,
                tags: serde_json::from_str(&tags).unwrap_or_default(),
                people_count: crate::record::cell(r, 10, "people_count")?,
                updated_at: crate::record::cell(r, 11, "updated_at")?,
                standing: crate::record::cell(r, 12, "standing")?,
                last_contact_on: crate::record::cell(r, 13, "last_contact_on")?,
                next_due_on: crate::record::cell(r, 14, "next_due_on")?,
                revenue: None,
                weight: None,
                dependence: None,
            })
        })?);
    }
    if query.figures {
        let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
        let figures = figures::of_page(conn, &ids, &s, today)?;
        for row in &mut rows {
            let f = figures.get(&row.id).copied().unwrap_or_default();
            (row.revenue, row.weight, row.dependence) = (Some(f.revenue), f.weight, Some(f.dependence));
        }
    }
    Ok(ListPage { total, rows })
}

/// The ORDER BY of `query`'s sort. Every order ends in a unique column
/// (the id after the name, the rowid after a day), so pages never overlap
/// or skip on ties, and the name order is exactly the customers_live_sort
/// index (sort key, name, id).
fn order_sql(query: &ListQuery) -> String {
    let dir = if query.descending { "DESC" } else { "ASC" };
    // Blank text sorts last either way, then by pinyin (see sort_key).
    let by_text = |col: &str| format!("c.{col} = '', baton_sort_key(c.{col}) {dir}, c.sort_key, c.name, c.id");
    match query.sort {
        SortBy::Name => format!("c.sort_key {dir}, c.name {dir}, c.id {dir}"),
        SortBy::Updated => format!("c.updated_at {dir}, c.rowid {dir}"),
        SortBy::Created => format!("c.created_at {dir}, c.rowid {dir}"),
        // One tier left by the filter: its order is the name order, which
        // an index gives (a CASE over the tier made SQLite sort every match).
        SortBy::Tier if query.tier.is_some() => "c.sort_key, c.name, c.id".to_owned(),
        SortBy::Tier => format!(
            "CASE c.tier WHEN 'S' THEN 0 WHEN 'A' THEN 1 WHEN 'B' THEN 2 WHEN 'C' THEN 3 ELSE 4 END {dir}, \
             c.sort_key, c.name, c.id"
        ),
        // Customers without the day come last either way, as an index
        // gives them (migration 22): descending puts NULL last by itself.
        SortBy::LastContact => day_order("last_contact_on", query.descending),
        SortBy::NextStep => day_order("next_due_on", query.descending),
        SortBy::Owner => by_text("owner"),
        SortBy::Region => by_text("region"),
        SortBy::Industry => by_text("industry"),
        // Sorted in Rust by their key, stably from name order (see window_by_key).
        // (By standing: by the badge the list shows, in the order of a
        // customer's life; see `standings_sql`.)
        SortBy::Weight | SortBy::Dependence | SortBy::Revenue | SortBy::Status => "c.sort_key, c.name, c.id".to_owned(),
    }
}

/// The order of a sort by a kept day, customers without it last.
fn day_order(column: &str, descending: bool) -> String {
    if descending {
        format!("c.{column} DESC, c.rowid DESC")
    } else {
        format!("c.{column} IS NULL, c.{column}, c.rowid")
    }
}

/// The statement giving the rowids of one window in order.
fn window_sql(query: &ListQuery, filter: &str, order: &str, limit: u32, offset: u32) -> String {
    format!(
        "SELECT c.rowid FROM customers c {} WHERE {filter} ORDER BY {order} LIMIT {limit} OFFSET {offset}",
        index_of(query)
    )
}

/// The index an unfiltered sort walks, named: SQLite would otherwise weigh
/// the kept facts' index (migration 23), which covers every column these
/// statements read, above an index that gives the order, and sort every
/// live customer to show one page (or, for dependence, read their rows).
fn index_of(query: &ListQuery) -> &'static str {
    let unfiltered = query.status.is_none()
        && query.standing.is_none()
        && query.tier.is_none()
        && query.tag.is_none()
        && !query.key_only;
    let only_tag = query.tag.as_ref().is_some_and(|t| !t.is_empty())
        && query.status.is_none()
        && query.standing.is_none()
        && query.tier.is_none()
        && !query.key_only;
    match (unfiltered, query.sort, query.descending) {
        // A tag's customers in name order: the name index walked, each
        // entry checked against the tag's customers, stopping once the
        // page is full. SQLite otherwise looked every tagged customer's row
        // up and sorted them all: a tag on 9k of the 100k book took 30-45
        // ms for the first page; the walk costs at most the whole index.
        (false, SortBy::Name, _) if only_tag => "INDEXED BY customers_live_sort",
        (false, ..) => "",
        (true, SortBy::LastContact, true) => "INDEXED BY customers_live_last_contact",
        (true, SortBy::LastContact, false) => "INDEXED BY customers_live_last_contact_blank_last",
        (true, SortBy::NextStep, true) => "INDEXED BY customers_live_next_due",
        (true, SortBy::NextStep, false) => "INDEXED BY customers_live_next_due_blank_last",
        (true, SortBy::Dependence | SortBy::Status, _) => "INDEXED BY customers_live_facts",
        // The same order from the narrow name index: on the 100k book, with
        // ANALYZE's figures, SQLite took the three-times-wider facts index.
        (true, SortBy::Name | SortBy::Revenue, _) => "INDEXED BY customers_live_sort",
        (true, SortBy::Weight, _) => "INDEXED BY customers_live_scored",
        _ => "",
    }
}

/// The statement giving every matching customer in name order, for the
/// sorts done in Rust (see [`window_by_key`]).
fn ids_sql(index: &str, filter: &str, order: &str) -> String {
    format!(
        "SELECT c.rowid FROM customers c {} WHERE {filter} ORDER BY {order}",
        index
    )
}

/// The statement giving every match's standing as its place in a
/// customer's life (prospect, new, active, dormant, lost) in name order
/// (after its rowid), for the sort by standing.
fn standings_sql(index: &str, filter: &str, order: &str) -> String {
    format!(
        "SELECT c.rowid, CASE {} WHEN 'prospect' THEN 0 WHEN 'new' THEN 1 WHEN 'active' THEN 2 \
         WHEN 'dormant' THEN 3 ELSE 4 END FROM customers c {} WHERE {filter} ORDER BY {order}",
        activity::standing_sql("c", "?1"),
        index
    )
}

/// The statement giving every assessed match's id and kept scores in name
/// order (after its rowid), for the sort by weight.
fn assessed_sql(query: &ListQuery, filter: &str, order: &str) -> String {
    format!(
        "SELECT c.rowid, c.id, c.latest_scores, c.previous_scores FROM customers c {} \
         WHERE {filter} AND c.latest_scores IS NOT NULL ORDER BY {order}",
        index_of(query)
    )
}

/// The statement giving every matching customer's kept dependence facts
/// in name order (after its rowid), for the sort by dependence.
fn facts_sql(index: &str, filter: &str, order: &str) -> String {
    format!(
        "SELECT c.rowid, {} FROM customers c {} WHERE {filter} ORDER BY {order}",
        crate::relationship::dependence::FACTS,
        index
    )
}

/// The statement counting a filtered list's matches. The dormant alone
/// are counted from the quiet index (migration 31), which holds them in
/// one range; SQLite, going by ANALYZE's figures, preferred walking every
/// live customer's facts. With other filters it chooses.
fn count_sql(query: &ListQuery, filter: &str) -> String {
    let dormant_only = query.standing == Some(activity::Standing::Dormant)
        && query.status.is_none()
        && query.tier.is_none()
        && query.tag.is_none()
        && !query.key_only;
    let index = if dormant_only {
        "INDEXED BY customers_live_quiet"
    } else {
        ""
    };
    format!("SELECT count(*) FROM customers c {index} WHERE {filter}")
}

/// The WHERE clause of a query's filters and its arguments.
struct Filter {
    sql: String,
    args: Vec<Box<dyn ToSql>>,
    cutoff: String,
    /// No filter: every live customer matches.
    plain: bool,
}

impl Filter {
    fn of(query: &ListQuery, today: chrono::NaiveDate, s: &crate::settings::Settings) -> Filter {
        // ?1 is always the standing's cutoff, named even when unused (a bound
        // value the statement lacks is an error).
        let mut sql = String::from("c.deleted_at IS NULL AND ?1 IS NOT NULL");
        let cutoff = activity::cutoff(today, s.dormant_days);
        let mut args: Vec<Box<dyn ToSql>> = vec![Box::new(cutoff.clone())];
        if let Some(want) = query.standing {
            sql.push_str(&format!(" AND {}", activity::is_standing_sql("c", "?1", want)));
        }
        if let Some(status) = query.status {
            args.push(Box::new(status));
            sql.push_str(&format!(" AND c.status = ?{}", args.len()));
        }
        if let Some(tier) = query.tier {
            args.push(Box::new(tier));
            sql.push_str(&format!(" AND c.tier = ?{}", args.len()));
        }
        if let Some(tag) = query.tag.as_ref().filter(|t| !t.is_empty()) {
            args.push(Box::new(tag.clone()));
            sql.push_str(&format!(
                " AND c.id IN (SELECT customer_id FROM customer_tags WHERE tag = ?{})",
                args.len()
            ));
        }
        if query.key_only {
            sql.push_str(" AND c.is_key = 1");
        }
        let plain = args.len() == 1 && query.standing.is_none() && !query.key_only;
        Filter {
            sql,
            args,
            cutoff,
            plain,
        }
    }
}

/// A customer picked for an action on many: what the pickers show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Picked {
    /// Customer id.
    pub id: String,
    /// Name.
    pub name: String,
}

/// Every live customer matching `query`'s filters (its sort and window
/// aside), in name order, for "pick all" (Ctrl+A) and the actions on many.
pub fn ids(conn: &Connection, query: &ListQuery) -> Result<Vec<Picked>> {
    let today = query.as_of.unwrap_or_else(crate::clock::local_today);
    let filter = Filter::of(query, today, &crate::settings::get(conn)?);
    let params: Vec<&dyn ToSql> = filter.args.iter().map(|a| a.as_ref()).collect();
    let ids = conn
        .prepare_cached(&format!(
            "SELECT c.id, c.name FROM customers c WHERE {} ORDER BY c.sort_key, c.name, c.id",
            filter.sql
        ))?
        .query_map(params.as_slice(), |r| {
            Ok(Picked {
                id: crate::record::cell(r, 0, "id")?,
                name: crate::record::cell(r, 1, "name")?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(ids)
}

/// One window of the list sorted by weight. Only an assessed customer can
/// have a weight: their kept scores are read in name order from their own
/// index (migration 23) and sorted, a quarter of the 100k book; the rest of
/// the window, the customers without a weight, is walked in name order from
/// the kept facts' index, where the latest assessment's day says who was
/// assessed. Reading every customer's id to sort 100k keys took 57 ms.
fn weight_window(
    conn: &Connection,
    filter: &str,
    args: &[Box<dyn ToSql>],
    order: &str,
    s: &crate::settings::Settings,
    query: &ListQuery,
    limit: u32,
) -> Result<Vec<i64>> {
    let params: Vec<&dyn ToSql> = args.iter().map(|a| a.as_ref()).collect();
    let mut keyed: Vec<(i64, Option<i64>)> = Vec::new();
    // Weighed from older assessments (index into `keyed`, id), or not at all.
    let (mut older, mut unweighed) = (Vec::new(), Vec::new());
    let mut stmt = conn.prepare_cached(&assessed_sql(query, filter, order))?;
    let mut rows = stmt.query(params.as_slice())?;
    while let Some(r) = rows.next()? {
        let latest = r
            .get_ref(2)?
            .as_str()
            .map_err(|e| crate::Error::Corrupt(e.to_string()))?;
        match figures::weigh_kept(latest, r.get::<_, Option<String>>(3)?.as_deref(), s) {
            figures::Kept::Weight(w) => keyed.push((r.get(0)?, Some(w))),
            figures::Kept::Older => {
                older.push((keyed.len(), r.get::<_, String>(1)?));
                keyed.push((r.get(0)?, None));
            }
            figures::Kept::None => unweighed.push(r.get::<_, String>(1)?),
        }
    }
    if !older.is_empty() {
        let ids: Vec<&str> = older.iter().map(|(_, id)| id.as_str()).collect();
        let found = figures::weights_from_assessments(conn, s, &serde_json::to_string(&ids).unwrap_or_default())?;
        for (at, id) in older {
            match found.get(&id) {
                Some(w) => keyed[at].1 = Some(*w),
                None => unweighed.push(id),
            }
        }
        keyed.retain(|(_, w)| w.is_some());
    }
    let weighed = keyed.len() as u32;
    let mut window = window_by_key(keyed, query.descending, query.offset, limit);
    let rest = limit - window.len() as u32;
    if rest > 0 {
        let unweighed = serde_json::to_string(&unweighed).unwrap_or_default();
        let mut params = params;
        params.push(&unweighed);
        window.extend(
            conn.prepare_cached(&format!(
                "SELECT c.rowid FROM customers c WHERE {filter} AND (c.assessed_on IS NULL \
                 OR c.id IN (SELECT value FROM json_each(?{}))) ORDER BY {order} LIMIT {rest} OFFSET {}",
                params.len(),
                query.offset.saturating_sub(weighed)
            ))?
            .query_map(params.as_slice(), |r| r.get::<_, i64>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?,
        );
    }
    Ok(window)
}

/// One window of `keyed` (rowids in name order, each with its key) sorted
/// by the key: stable, so ties stay in name order; rows without a key come
/// last either way.
fn window_by_key(keyed: Vec<(i64, Option<i64>)>, descending: bool, offset: u32, limit: u32) -> Vec<i64> {
    kept_order::page(&kept_order::ordered(keyed, descending), offset, limit)
}

/// Every tag in use on live customers, sorted, for the filter menu.
pub fn all_tags(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT t.tag FROM customer_tags t JOIN customers c ON c.id = t.customer_id \
         WHERE c.deleted_at IS NULL ORDER BY 1",
    )?;
    let tags = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(tags)
}
