//! The workbook's per-customer figures are the card's own (issue 18: the
//! report scores dependence in bulk, weighs from the kept assessment
//! summary and reads the next follow-up's day and the latest rating
//! without the records; each must still say what the card says).

use baton::history::{contacts, followups};
use baton::relationship::dependence;
use baton::{Store, demo};
use calamine::{Data, DataType, Reader, Xlsx, open_workbook};

#[test]
fn each_customer_row_has_the_cards_dependence_and_next_follow_up() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("book.db")).unwrap();
    demo::fill(&store, 60, 9).unwrap();
    let today = baton::clock::local_today();
    // A contact in the trash takes its follow-up off the customer's next
    // step: pick the one that was some customer's soonest.
    let soonest: (String, String) = store
        .read(|c| {
            Ok(c.query_row(
                "SELECT customer_id, contact_id FROM followups WHERE done_at IS NULL AND cancelled_at IS NULL \
                 AND deleted_at IS NULL AND contact_id IS NOT NULL ORDER BY due_on LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?)
        })
        .unwrap();
    store.write(|tx| contacts::delete(tx, &soonest.1)).unwrap();

    let path = dir.path().join("r.xlsx");
    store
        .read(|c| baton::io::report::write_xlsx(c, &Default::default(), &path, today))
        .unwrap();
    let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
    let sheet = wb.worksheet_range("客户").unwrap();
    let ids: Vec<String> = store
        .read(|c| {
            let mut stmt = c.prepare("SELECT id FROM customers WHERE deleted_at IS NULL ORDER BY sort_key, id")?;
            let ids = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
            Ok(ids)
        })
        .unwrap();
    assert_eq!(sheet.height() - 1, ids.len());
    let (mut with_next, mut weighed) = (0, 0);
    for (row, id) in sheet.rows().skip(1).zip(&ids) {
        let card = store.read(|c| dependence::score(c, id, today)).unwrap();
        assert_eq!(row[15].as_f64(), Some(card.score as f64), "dependence of {id}");
        let next = store
            .read(|c| followups::open_for(c, id))
            .unwrap()
            .first()
            .map(|f| f.due_on.clone());
        let shown = match &row[9] {
            Data::DateTime(d) => d.as_datetime().map(|t| t.date().to_string()),
            Data::Empty => None,
            other => panic!("next follow-up of {id}: {other:?}"),
        };
        assert_eq!(shown, next, "next follow-up of {id}");
        // Weight, its change and satisfaction: from the assessments and
        // checks themselves.
        let settings = store.read(baton::settings::get).unwrap();
        let cards = store.read(|c| baton::relationship::list_for(c, id)).unwrap();
        let weight = |i: Option<usize>| {
            i.and_then(|i| cards.get(i))
                .and_then(|a| baton::relationship::weight(&a.draft.scores, &settings))
        };
        let (now, before) = (weight(cards.len().checked_sub(1)), weight(cards.len().checked_sub(2)));
        assert_eq!(row[13].as_f64(), now.map(|w| w as f64), "weight of {id}");
        assert_eq!(
            row[14].as_f64(),
            now.zip(before).map(|(a, b)| (a - b) as f64),
            "weight change of {id}"
        );
        let rating = store
            .read(|c| baton::value::satisfaction::list_for(c, id))
            .unwrap()
            .last()
            .map(|c| c.draft.rating as f64);
        assert_eq!(row[16].as_f64(), rating, "satisfaction of {id}");
        weighed += usize::from(now.is_some());
        with_next += usize::from(next.is_some());
    }
    assert!(with_next > 10, "{with_next} customers with a next follow-up");
    assert!(weighed > 5, "{weighed} customers weighed");
}
