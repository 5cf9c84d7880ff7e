use baton::report::{self, Lang, ReportOptions};
use baton::{Store, demo};
use calamine::{Data, Reader, Xlsx, open_workbook};

fn write(store: &Store, opts: &ReportOptions, path: &std::path::Path) -> report::ReportSummary {
    store
        .read(|c| report::write_xlsx(c, opts, path, baton::clock::local_today()))
        .unwrap()
}

fn count(store: &Store, sql: &str) -> usize {
    store
        .read(|c| Ok(c.query_row(sql, [], |r| r.get::<_, i64>(0))?))
        .unwrap() as usize
}

#[test]
fn the_workbook_has_every_sheet_typed_cells_and_no_private_fields_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("book.db")).unwrap();
    demo::fill(&store, 40, 5).unwrap();
    let path = dir.path().join("经理报告.xlsx");
    write(&store, &ReportOptions::default(), &path);

    let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
    assert_eq!(
        wb.sheet_names(),
        ["客户", "关键人", "联系记录", "交易", "关系评估", "逾期跟进", "汇总"]
    );
    let rows = |wb: &mut Xlsx<_>, name: &str| wb.worksheet_range(name).unwrap().height() - 1;
    assert_eq!(
        rows(&mut wb, "客户"),
        count(&store, "SELECT count(*) FROM customers WHERE deleted_at IS NULL")
    );
    assert_eq!(
        rows(&mut wb, "关键人"),
        count(
            &store,
            "SELECT count(*) FROM people p JOIN customers c ON c.id = p.customer_id WHERE p.deleted_at IS NULL AND c.deleted_at IS NULL"
        )
    );
    assert_eq!(
        rows(&mut wb, "联系记录"),
        count(
            &store,
            "SELECT count(*) FROM contacts k JOIN customers c ON c.id = k.customer_id WHERE k.deleted_at IS NULL AND c.deleted_at IS NULL"
        )
    );
    assert_eq!(
        rows(&mut wb, "交易"),
        count(
            &store,
            "SELECT count(*) FROM deals d JOIN customers c ON c.id = d.customer_id WHERE d.deleted_at IS NULL AND c.deleted_at IS NULL"
        )
    );
    assert_eq!(
        rows(&mut wb, "关系评估"),
        count(
            &store,
            "SELECT count(*) FROM assessments a, json_each(a.scores) JOIN customers c ON c.id = a.customer_id WHERE c.deleted_at IS NULL"
        ),
        "one row per assessment per dimension"
    );

    let customers = wb.worksheet_range("客户").unwrap();
    let header: Vec<String> = customers.rows().next().unwrap().iter().map(|c| c.to_string()).collect();
    assert_eq!(header[0], "客户名称");
    assert!(
        customers.rows().skip(1).any(|r| r[0]
            .to_string()
            .chars()
            .any(|ch| ('\u{4e00}'..='\u{9fff}').contains(&ch))),
        "Chinese names survive"
    );
    let deals = wb.worksheet_range("交易").unwrap();
    let first = deals.rows().nth(1).unwrap();
    assert!(matches!(first[1], Data::DateTime(_)), "dates are dates: {:?}", first[1]);
    assert!(
        matches!(first[3], Data::Float(_)),
        "amounts are numbers: {:?}",
        first[3]
    );
    let contacts = wb.worksheet_range("联系记录").unwrap();
    assert!(matches!(contacts.rows().nth(1).unwrap()[1], Data::DateTime(_)));

    let people = wb.worksheet_range("关键人").unwrap();
    let header: Vec<String> = people.rows().next().unwrap().iter().map(|c| c.to_string()).collect();
    assert!(
        !header.iter().any(|h| h == "生日" || h == "背景" || h == "兴趣"),
        "private fields are left out: {header:?}"
    );

    // Asked for, in English: private columns appear, headers are English.
    let en = dir.path().join("report-en.xlsx");
    write(
        &store,
        &ReportOptions {
            lang: Lang::En,
            include_private: true,
            ..Default::default()
        },
        &en,
    );
    let mut wb: Xlsx<_> = open_workbook(&en).unwrap();
    assert_eq!(wb.sheet_names()[0], "Customers");
    let people = wb.worksheet_range("Key people").unwrap();
    let header: Vec<String> = people.rows().next().unwrap().iter().map(|c| c.to_string()).collect();
    assert!(
        header.contains(&"Birthday".to_string()) && header.contains(&"Background".to_string()),
        "{header:?}"
    );
}

#[test]
fn a_tier_selection_narrows_every_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("book.db")).unwrap();
    demo::fill(&store, 40, 5).unwrap();
    let path = dir.path().join("s.xlsx");
    let summary = write(
        &store,
        &ReportOptions {
            tiers: vec![baton::enums::Tier::S],
            ..Default::default()
        },
        &path,
    );
    let s_customers = count(
        &store,
        "SELECT count(*) FROM customers WHERE deleted_at IS NULL AND tier = 'S'",
    );
    assert_eq!(summary.sheets[0].1 as usize, s_customers);
    assert!(s_customers < 40);
    let people = count(
        &store,
        "SELECT count(*) FROM people p JOIN customers c ON c.id = p.customer_id WHERE p.deleted_at IS NULL AND c.deleted_at IS NULL AND c.tier = 'S'",
    );
    assert_eq!(summary.sheets[1].1 as usize, people);
}
