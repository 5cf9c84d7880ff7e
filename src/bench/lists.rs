//! The list's benchmark cases, each beside its reference: the hand-written
//! SQL doing the same work as the list page (issue 18, item 7). That is
//! the total of the filter, then the window's rows with every column the
//! page returns (people counted, standing computed, tags). Where the
//! list's order is not one SQL expression (revenue, weight, dependence,
//! computed in Rust), the reference is the nearest plain read, said beside
//! it.

use baton::enums::{Status, Tier};
use baton::views::list::{ListQuery, SortBy};

use super::ReferenceIs;

/// The columns of a list row, as the hand-written reference reads them.
/// `{standing}` is the standing rule of activity.rs with its cutoff.
const ROW: &str = "c.id, c.name, c.short_name, c.industry, c.region, c.status, c.tier, c.is_key, c.owner, c.tags, \
    (SELECT count(*) FROM people p WHERE p.customer_id = c.id AND p.deleted_at IS NULL), c.updated_at, \
    {standing}, c.last_contact_on, c.next_due_on";

/// The list's order by name.
const BY_NAME: &str = "c.sort_key, c.name, c.id";

/// A reference: the total's SQL, then the page's, and what it is.
pub(super) struct Reference {
    pub count: String,
    pub page: String,
    pub is: ReferenceIs,
}

/// The same work as a list page: `filter` (beside the live customers),
/// its order, and the window at `offset`.
fn same_work(filter: &str, order: &str, offset: i64, cutoff: &str) -> Reference {
    let standing = baton::customers::activity::standing_sql("c", &format!("'{cutoff}'"));
    let filter = if filter.is_empty() {
        "c.deleted_at IS NULL".to_owned()
    } else {
        format!("c.deleted_at IS NULL AND {filter}")
    };
    Reference {
        count: format!("SELECT count(*) FROM customers c WHERE {filter}"),
        page: format!(
            "SELECT {} FROM customers c WHERE {filter} ORDER BY {order} LIMIT 100 OFFSET {offset}",
            ROW.replace("{standing}", &standing)
        ),
        is: ReferenceIs::SameWork,
    }
}

/// The same work as the list's first page by name.
pub(super) fn first_by_name(cutoff: &str) -> Reference {
    same_work("", BY_NAME, 0, cutoff)
}

/// The same work as the dormant filter's first page, written by hand as
/// one who knows the quiet index (migration 31) would: the count from its
/// range before the cutoff, then the page in name order. (Each row's
/// standing is still computed, as the list's rows carry it.)
fn dormant(cutoff: &str) -> Reference {
    let filter = format!(
        "max(ifnull(c.last_order_on, ''), ifnull(c.last_contact_on, '')) < '{cutoff}' \
         AND c.status <> 'lost' AND NOT (c.status = 'prospect' AND c.last_order_on IS NULL) \
         AND NOT (c.created_at >= '{cutoff}' AND c.last_order_on IS NULL AND c.last_contact_on IS NULL)"
    );
    Reference {
        count: format!(
            "SELECT count(*) FROM customers c INDEXED BY customers_live_quiet \
             WHERE c.deleted_at IS NULL AND {filter}"
        ),
        ..same_work(&filter, BY_NAME, 0, cutoff)
    }
}

/// The nearest plain read (with the total), for orders the list
/// computes in Rust.
fn nearest(page: &str) -> Reference {
    Reference {
        count: "SELECT count(*) FROM customers c WHERE c.deleted_at IS NULL".to_owned(),
        page: page.to_owned(),
        is: ReferenceIs::NearestRead,
    }
}

/// (operation, query, reference) for the first page of each list;
/// `cutoff` is the standing's (activity.rs).
pub(super) fn cases(first_page: &ListQuery, total: i64, cutoff: &str) -> Vec<(&'static str, ListQuery, Reference)> {
    let standing = baton::customers::activity::standing_sql("c", &format!("'{cutoff}'"));
    let by_name = BY_NAME;
    vec![
        (
            "list: first page by name",
            first_page.clone(),
            same_work("", by_name, 0, cutoff),
        ),
        (
            "list: last page by name",
            ListQuery {
                offset: (total as u32).saturating_sub(100),
                ..first_page.clone()
            },
            same_work("", by_name, total.saturating_sub(100), cutoff),
        ),
        (
            "list: status + tier filter, by tier",
            ListQuery {
                status: Some(Status::Active),
                tier: Some(Tier::A),
                sort: SortBy::Tier,
                ..first_page.clone()
            },
            same_work("c.status = 'active' AND c.tier = 'A'", by_name, 0, cutoff),
        ),
        (
            "list: tag filter",
            ListQuery {
                tag: Some("大项目".into()),
                ..first_page.clone()
            },
            same_work(
                "c.id IN (SELECT customer_id FROM customer_tags WHERE tag = '大项目')",
                by_name,
                0,
                cutoff,
            ),
        ),
        (
            "list: dormant filter (standing)",
            ListQuery {
                standing: Some(baton::customers::activity::Standing::Dormant),
                ..first_page.clone()
            },
            dormant(cutoff),
        ),
        (
            "list: sorted by standing",
            ListQuery {
                sort: SortBy::Status,
                ..first_page.clone()
            },
            same_work(
                "",
                &format!(
                    "CASE {standing} WHEN 'prospect' THEN 0 WHEN 'new' THEN 1 WHEN 'active' THEN 2 \
                     WHEN 'dormant' THEN 3 ELSE 4 END, {by_name}"
                ),
                0,
                cutoff,
            ),
        ),
        // Issue 14's columns, kept by triggers (migrations 16 and 18).
        (
            "list: sorted by last contact, latest first",
            ListQuery {
                sort: SortBy::LastContact,
                descending: true,
                ..first_page.clone()
            },
            same_work("", "c.last_contact_on DESC, c.rowid DESC", 0, cutoff),
        ),
        (
            "list: sorted by next step, soonest first",
            ListQuery {
                sort: SortBy::NextStep,
                ..first_page.clone()
            },
            same_work("", "c.next_due_on IS NULL, c.next_due_on, c.rowid", 0, cutoff),
        ),
        (
            "list: first page with revenue, weight and dependence columns",
            ListQuery {
                figures: true,
                ..first_page.clone()
            },
            nearest(
                "SELECT c.id, c.name, (SELECT sum(amount_minor) FROM deals d WHERE d.customer_id = c.id AND d.kind = 'order') \
                 FROM customers c WHERE c.deleted_at IS NULL ORDER BY sort_key LIMIT 100",
            ),
        ),
        // Orders computed in Rust (the kept revenue ranking, the weight by
        // the settings' dimensions, dependence by each person's last
        // contact): their references are the nearest plain reads, not the
        // same work.
        (
            "list: sorted by revenue in the window, largest first",
            ListQuery {
                sort: SortBy::Revenue,
                descending: true,
                figures: true,
                ..first_page.clone()
            },
            nearest(
                "SELECT c.id, c.name FROM customers c LEFT JOIN (SELECT customer_id, sum(amount_minor) AS rev FROM deals \
                 WHERE kind = 'order' AND deleted_at IS NULL GROUP BY customer_id) r ON r.customer_id = c.id \
                 WHERE c.deleted_at IS NULL ORDER BY coalesce(r.rev, 0) DESC LIMIT 100",
            ),
        ),
        (
            "list: sorted by relationship weight",
            ListQuery {
                sort: SortBy::Weight,
                descending: true,
                figures: true,
                ..first_page.clone()
            },
            nearest(
                "SELECT c.id, c.name FROM customers c LEFT JOIN assessments a ON a.customer_id = c.id \
                 WHERE c.deleted_at IS NULL ORDER BY a.assessed_on DESC LIMIT 100",
            ),
        ),
        (
            "list: sorted by dependence",
            ListQuery {
                sort: SortBy::Dependence,
                descending: true,
                figures: true,
                ..first_page.clone()
            },
            nearest(
                "SELECT c.id, c.name FROM customers c WHERE c.deleted_at IS NULL ORDER BY \
                 (SELECT count(*) FROM people p WHERE p.customer_id = c.id) LIMIT 100",
            ),
        ),
    ]
}
