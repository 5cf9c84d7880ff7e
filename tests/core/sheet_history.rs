//! Issue 16, part 5: columns that tell a customer's history (上次拜访,
//! 跟进记录, 下次跟进, 成交金额 …) become contacts, follow-ups and orders;
//! importing the sheet again adds none of them twice.

use baton::io::sheet::{self, Choice, Mapping, SheetImportOptions};
use baton::{Store, history::contacts, history::followups, value::deals};

/// The customer's live contacts.
fn contacts_of(store: &Store, customer_id: &str) -> Vec<contacts::Contact> {
    let mut all = Vec::new();
    store
        .read(|c| {
            baton::record::for_each::<contacts::Contact>(c, |k| {
                if k.customer_id == customer_id && k.deleted_at.is_none() {
                    all.push(k);
                }
                Ok(())
            })
        })
        .unwrap();
    all
}

fn import(store: &Store, path: &std::path::Path) -> sheet::SheetReport {
    let table = sheet::read(path).unwrap();
    let plan = store
        .read(|c| sheet::plan(c, &table, &Mapping::guess(&table.headers)))
        .unwrap();
    assert!(plan.rejected.is_empty(), "{:?}", plan.rejected);
    let opts = SheetImportOptions {
        default_choice: Choice::Update,
        ..Default::default()
    };
    sheet::apply(store, &plan, &opts).unwrap()
}

#[test]
fn visits_next_steps_and_orders_arrive_once() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("crm.csv");
    std::fs::write(
        &file,
        "客户名称,联系人,手机,上次拜访,跟进记录,下一步,下次跟进,成交金额,成交日期\n\
         苏州恒达机械有限公司,李工,13800000001,2026/11/20,谈了报价,寄样品,2026-12-05,\"¥12,000.50\",2026-10-01\n\
         苏州恒达机械有限公司,钱立群,13800000002,,,,,1.2万,2026-06-01\n\
         无锡新材料有限公司,赵敏,13800000003,,客户说下月再谈,,2027-01-04,,\n",
    )
    .unwrap();
    let store = Store::open(&dir.path().join("book.db")).unwrap();
    let report = import(&store, &file);
    assert_eq!(
        (report.contacts_added, report.followups_added, report.deals_added),
        (1, 2, 2),
        "one visit, its next step and one of its own, two orders"
    );
    let all = baton::views::list::ListQuery {
        limit: 50,
        ..Default::default()
    };
    let page = store.read(|c| baton::views::list::list(c, &all)).unwrap();
    let id = |name: &str| page.rows.iter().find(|r| r.name == name).unwrap().id.clone();
    let hengda = id("苏州恒达机械有限公司");
    let visits = contacts_of(&store, &hengda);
    assert_eq!(visits.len(), 1);
    let visit = &visits[0].draft;
    assert_eq!(visit.happened_at, "2026-11-20T12:00:00.000Z");
    assert_eq!(visit.channel, baton::enums::Channel::Visit);
    assert_eq!(
        (visit.subject.as_str(), visit.summary.as_str()),
        ("上次拜访", "谈了报价")
    );
    assert_eq!(visit.person_ids.len(), 1, "the row's person took part");
    let open = store.read(|c| followups::open_for(c, &hengda)).unwrap();
    assert_eq!(
        (open[0].title.as_str(), open[0].due_on.as_str()),
        ("寄样品", "2026-12-05")
    );
    let mut orders: Vec<i64> = store
        .read(|c| deals::list_for(c, &hengda))
        .unwrap()
        .iter()
        .map(|d| d.draft.amount_minor)
        .collect();
    orders.sort();
    assert_eq!(orders, [1_200_000, 1_200_050], "1.2万 is 12,000.00");
    // A summary with no day is a note line, not a contact dated today.
    let wuxi = store
        .read(|c| baton::customers::get(c, &id("无锡新材料有限公司")))
        .unwrap();
    assert!(
        wuxi.card.notes.contains("跟进记录：客户说下月再谈"),
        "{}",
        wuxi.card.notes
    );
    assert!(contacts_of(&store, &wuxi.id).is_empty());
    let wuxi_next = store.read(|c| followups::open_for(c, &wuxi.id)).unwrap();
    assert_eq!(
        (wuxi_next[0].title.as_str(), wuxi_next[0].due_on.as_str()),
        ("下次跟进", "2027-01-04")
    );

    let again = import(&store, &file);
    assert_eq!(
        (again.contacts_added, again.followups_added, again.deals_added),
        (0, 0, 0),
        "the same sheet again adds no history"
    );
}
