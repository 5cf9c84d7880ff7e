//! Issue 14: the list shows and sorts by each customer's last contact and
//! next step, exactly as hand-written SQL over the contacts and follow-ups
//! says, through follow-ups done, cancelled, rescheduled and trashed.

use baton::views::list::{ListQuery, SortBy};
use baton::{Store, history::followups};

/// (name, last contact day, next open follow-up day) of every live
/// customer, straight from the records.
fn by_hand(store: &Store) -> Vec<(String, Option<String>, Option<String>)> {
    store
        .read(|c| {
            let mut stmt = c.prepare(
                "SELECT c.name, \
                   (SELECT substr(max(t.happened_at), 1, 10) FROM contacts t \
                    WHERE t.customer_id = c.id AND t.deleted_at IS NULL), \
                   (SELECT min(f.due_on) FROM followups f WHERE f.customer_id = c.id AND f.done_at IS NULL \
                    AND f.cancelled_at IS NULL AND f.deleted_at IS NULL) \
                 FROM customers c WHERE c.deleted_at IS NULL",
            )?;
            Ok(stmt
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<rusqlite::Result<_>>()?)
        })
        .unwrap()
}

fn page(store: &Store, sort: SortBy, descending: bool) -> Vec<(String, Option<String>, Option<String>)> {
    let q = ListQuery {
        sort,
        descending,
        limit: 500,
        ..Default::default()
    };
    store
        .read(|c| baton::views::list::list(c, &q))
        .unwrap()
        .rows
        .into_iter()
        .map(|r| (r.name, r.last_contact_on, r.next_due_on))
        .collect()
}

/// The hand-written rows in the order a sort must give: the day (ascending
/// or descending), customers without one last.
fn sorted(
    mut rows: Vec<(String, Option<String>, Option<String>)>,
    next: bool,
    descending: bool,
) -> Vec<Option<String>> {
    let key = |r: &(String, Option<String>, Option<String>)| if next { r.2.clone() } else { r.1.clone() };
    rows.sort_by(|a, b| match (key(a), key(b)) {
        (Some(x), Some(y)) if descending => y.cmp(&x),
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    rows.iter().map(key).collect()
}

#[test]
fn last_contact_and_next_step_columns_and_sorts_match_the_records() {
    let store = Store::open_in_memory().unwrap();
    baton::demo::fill(&store, 120, 7).unwrap();
    // Move the follow-ups around: done, cancelled, rescheduled, trashed.
    let open: Vec<followups::FollowUp> = store
        .read(|c| {
            let mut all = Vec::new();
            baton::record::for_each::<followups::FollowUp>(c, |f| {
                if f.is_open() && f.deleted_at.is_none() {
                    all.push(f);
                }
                Ok(())
            })?;
            Ok(all)
        })
        .unwrap();
    assert!(open.len() > 20, "the demo has open follow-ups");
    store
        .write(|tx| {
            baton::workflow::followup_done(tx, &open[0].id, None)?;
            followups::cancel(tx, &open[1].id, "客户改期")?;
            let to = followups::Reschedule::To("2031-01-01".into());
            followups::reschedule(tx, &open[2].id, &to, baton::clock::local_today())?;
            followups::delete(tx, &open[3].id)?;
            Ok(())
        })
        .unwrap();

    let truth = by_hand(&store);
    let mut listed = page(&store, SortBy::Name, false);
    let mut expected = truth.clone();
    listed.sort();
    expected.sort();
    assert_eq!(listed, expected, "each row's days are the records' days");
    for (sort, next) in [(SortBy::LastContact, false), (SortBy::NextStep, true)] {
        for descending in [false, true] {
            let got: Vec<Option<String>> = page(&store, sort, descending)
                .into_iter()
                .map(|r| if next { r.2 } else { r.1 })
                .collect();
            assert_eq!(
                got,
                sorted(truth.clone(), next, descending),
                "{sort:?} descending={descending}"
            );
        }
    }
}

#[test]
fn the_sort_by_standing_follows_a_customers_life_then_the_name_order_page_by_page() {
    use baton::customers::activity::Standing;
    let store = Store::open_in_memory().unwrap();
    baton::demo::fill(&store, 120, 6).unwrap();
    let rows = |q: ListQuery| {
        store
            .read(|c| baton::views::list::list(c, &q))
            .unwrap()
            .rows
            .into_iter()
            .map(|r| (r.id, r.standing))
            .collect::<Vec<_>>()
    };
    let life = |s: Standing| {
        [
            Standing::Prospect,
            Standing::New,
            Standing::Active,
            Standing::Dormant,
            Standing::Lost,
        ]
        .iter()
        .position(|x| *x == s)
        .unwrap()
    };
    for (key_only, descending) in [(false, false), (false, true), (true, false), (true, true)] {
        let by_name = rows(ListQuery {
            key_only,
            limit: 500,
            ..Default::default()
        });
        // The oracle: the name order, stably by the place in a customer's life.
        let mut expected = by_name.clone();
        expected.sort_by_key(|(_, s)| if descending { 4 - life(*s) } else { life(*s) });
        let kinds: std::collections::BTreeSet<_> = expected.iter().map(|(_, s)| life(*s)).collect();
        assert!(kinds.len() >= 3, "the demo gives several standings: {kinds:?}");
        let mut paged = Vec::new();
        for offset in (0..by_name.len() as u32).step_by(17) {
            paged.extend(rows(ListQuery {
                key_only,
                sort: SortBy::Status,
                descending,
                offset,
                limit: 17,
                ..Default::default()
            }));
        }
        assert_eq!(paged, expected, "key only {key_only}, descending {descending}");
    }
}
