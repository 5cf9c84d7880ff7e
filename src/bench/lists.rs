//! The list's benchmark cases: each query beside the hand-written SQL that
//! returns the same first page of ids and names, or the nearest plain
//! read of the columns it sorts by (said beside each).

use baton::enums::{Status, Tier};
use baton::views::list::{ListQuery, SortBy};

/// (operation, query, reference SQL) for the first page of each list.
pub(super) fn cases(first_page: &ListQuery, total: i64) -> Vec<(&'static str, ListQuery, String)> {
    vec![
        (
            "list: first page by name",
            first_page.clone(),
            "SELECT id, name FROM customers WHERE deleted_at IS NULL ORDER BY sort_key LIMIT 100".into(),
        ),
        (
            "list: last page by name",
            ListQuery {
                offset: (total as u32).saturating_sub(100),
                ..first_page.clone()
            },
            format!(
                "SELECT id, name FROM customers WHERE deleted_at IS NULL ORDER BY sort_key LIMIT 100 OFFSET {}",
                total.saturating_sub(100)
            ),
        ),
        (
            "list: status + tier filter, by tier",
            ListQuery {
                status: Some(Status::Active),
                tier: Some(Tier::A),
                sort: SortBy::Tier,
                ..first_page.clone()
            },
            "SELECT id, name FROM customers WHERE deleted_at IS NULL AND status = 'active' AND tier = 'A' ORDER BY sort_key LIMIT 100".into(),
        ),
        (
            "list: tag filter",
            ListQuery {
                tag: Some("大项目".into()),
                ..first_page.clone()
            },
            "SELECT c.id, c.name FROM customers c WHERE deleted_at IS NULL AND c.id IN (SELECT customer_id FROM customer_tags WHERE tag = '大项目') ORDER BY sort_key LIMIT 100".into(),
        ),
        // The standing (activity.rs) is computed per row: these two show what
        // that costs until issue 18's maintained summaries make it a column.
        (
            "list: dormant filter (standing)",
            ListQuery {
                standing: Some(baton::customers::activity::Standing::Dormant),
                ..first_page.clone()
            },
            "SELECT id, name FROM customers WHERE deleted_at IS NULL AND status = 'dormant' ORDER BY sort_key LIMIT 100".into(),
        ),
        (
            "list: sorted by standing",
            ListQuery {
                sort: SortBy::Status,
                ..first_page.clone()
            },
            "SELECT id, name FROM customers WHERE deleted_at IS NULL ORDER BY status, sort_key LIMIT 100".into(),
        ),
        // Issue 14's columns, kept by triggers (migrations 16 and 18).
        (
            "list: sorted by last contact, latest first",
            ListQuery {
                sort: SortBy::LastContact,
                descending: true,
                ..first_page.clone()
            },
            "SELECT id, name FROM customers WHERE deleted_at IS NULL ORDER BY last_contact_on DESC LIMIT 100".into(),
        ),
        (
            "list: sorted by next step, soonest first",
            ListQuery {
                sort: SortBy::NextStep,
                ..first_page.clone()
            },
            "SELECT id, name FROM customers WHERE deleted_at IS NULL AND next_due_on IS NOT NULL ORDER BY next_due_on LIMIT 100".into(),
        ),
        (
            "list: first page with revenue, weight and dependence columns",
            ListQuery {
                figures: true,
                ..first_page.clone()
            },
            "SELECT c.id, c.name, (SELECT sum(amount_minor) FROM deals d WHERE d.customer_id = c.id AND d.kind = 'order') \
             FROM customers c WHERE c.deleted_at IS NULL ORDER BY sort_key LIMIT 100"
                .into(),
        ),
        // Issue 14's computed columns: revenue in the window sorts in SQL
        // (grouped over the covering index); weight and dependence read what
        // they are made of for every customer and sort in Rust.
        (
            "list: sorted by revenue in the window, largest first",
            ListQuery {
                sort: SortBy::Revenue,
                descending: true,
                figures: true,
                ..first_page.clone()
            },
            "SELECT c.id, c.name FROM customers c LEFT JOIN (SELECT customer_id, sum(amount_minor) AS rev FROM deals \
             WHERE kind = 'order' AND deleted_at IS NULL GROUP BY customer_id) r ON r.customer_id = c.id \
             WHERE c.deleted_at IS NULL ORDER BY coalesce(r.rev, 0) DESC LIMIT 100".into(),
        ),
        (
            "list: sorted by relationship weight",
            ListQuery {
                sort: SortBy::Weight,
                descending: true,
                figures: true,
                ..first_page.clone()
            },
            "SELECT c.id, c.name FROM customers c LEFT JOIN assessments a ON a.customer_id = c.id \
             WHERE c.deleted_at IS NULL ORDER BY a.assessed_on DESC LIMIT 100".into(),
        ),
        (
            "list: sorted by dependence",
            ListQuery {
                sort: SortBy::Dependence,
                descending: true,
                figures: true,
                ..first_page.clone()
            },
            "SELECT c.id, c.name FROM customers c WHERE c.deleted_at IS NULL ORDER BY \
             (SELECT count(*) FROM people p WHERE p.customer_id = c.id) LIMIT 100".into(),
        ),
    ]
}
