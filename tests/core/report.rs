use baton::customers::activity::Standing;
use baton::io::report::{self, Lang, ReportOptions};
use baton::{Store, demo};
use calamine::{Data, DataType, Reader, Xlsx, open_workbook};

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
    assert_eq!(header[3..5], ["建议分级", "分级理由"]);
    if count(&store, "SELECT count(*) FROM tier_changes WHERE reason <> ''") > 0 {
        assert!(
            customers.rows().skip(1).any(|r| !r[4].to_string().is_empty()),
            "a tier decision's reason reaches the sheet"
        );
    }
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
    // Each contact's time, as the book holds it, in local wall-clock time
    // to the second.
    let mut shown: Vec<String> = contacts
        .rows()
        .skip(1)
        .map(|r| {
            r[1].as_datetime()
                .expect("a time")
                .format("%Y-%m-%d %H:%M:%S")
                .to_string()
        })
        .collect();
    let mut held: Vec<String> = store
        .read(|c| {
            let mut stmt = c.prepare(
                "SELECT k.happened_at FROM contacts k JOIN customers c ON c.id = k.customer_id \
                 WHERE k.deleted_at IS NULL AND c.deleted_at IS NULL",
            )?;
            let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
        .unwrap()
        .iter()
        .map(|t| {
            let t = chrono::DateTime::parse_from_rfc3339(t)
                .unwrap()
                .with_timezone(&chrono::Local);
            t.format("%Y-%m-%d %H:%M:%S").to_string()
        })
        .collect();
    shown.sort();
    held.sort();
    assert_eq!(shown, held, "contact times");

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

/// A key customer (the name may be hostile) whose weight fell from 4s to 2s.
fn falling_key_customer(store: &Store, name: &str) -> String {
    use baton::enums::Dimension;
    let c = store
        .write(|tx| baton::customers::create(tx, crate::card(name)))
        .unwrap();
    store.write(|tx| baton::customers::set_key(tx, &c.id, true)).unwrap();
    for (day, level) in [("2026-01-10", 4), ("2026-04-10", 2)] {
        let scores = Dimension::ALL
            .iter()
            .map(|d| baton::relationship::DimensionScore {
                target: Some(5),
                ..crate::score(*d, level)
            })
            .collect();
        store
            .write(|tx| baton::relationship::create(tx, &c.id, crate::assessment(day, scores)))
            .unwrap();
    }
    c.id
}

#[test]
fn the_visual_report_is_one_self_contained_file_with_every_section_and_text_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("book.db")).unwrap();
    demo::fill(&store, 40, 5).unwrap();
    let hostile = "<img src=x onerror=alert(1)>&\"'东方";
    falling_key_customer(&store, hostile);
    let path = dir.path().join("经理报告.html");
    let summary = store
        .read(|c| report::write(c, &ReportOptions::default(), &path, baton::clock::local_today()))
        .unwrap();
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(
        !dir.path().join("经理报告.html.part").exists(),
        "the staging file is gone"
    );

    for id in [
        "figures",
        "pyramid",
        "distribution",
        "key",
        "fell",
        "dependent",
        "dormant",
        "overdue",
    ] {
        assert!(html.contains(&format!("id=\"{id}\"")), "section {id} is missing");
    }
    // Nothing to fetch and nothing to run: no script, no external reference,
    // and a policy that forbids both anyway.
    assert!(html.contains("Content-Security-Policy") && html.contains("default-src 'none'"));
    for forbidden in ["<script", "<link", "<img", "<iframe", "http://", "https://", "url("] {
        assert!(!html.contains(forbidden), "the file holds {forbidden}");
    }
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;&amp;&quot;&#39;东方"));
    assert!(
        html.contains("不含关键人的私人信息"),
        "says private fields are left out"
    );
    // Every card drawn with its radar and curve; the falling customer listed.
    let cards = html.matches("<article class=\"card\">").count();
    assert!(cards > 0);
    assert_eq!(html.matches("data-chart=\"radar\"").count(), cards);
    assert_eq!(html.matches("data-chart=\"curve\"").count(), cards);
    let fell = &html[html.find("id=\"fell\"").unwrap()..html.find("id=\"dependent\"").unwrap()];
    assert!(fell.contains("东方") && fell.contains("-40"), "{fell}");
    assert_eq!(
        summary.sheets[0].1 as usize,
        count(&store, "SELECT count(*) FROM customers WHERE deleted_at IS NULL")
    );
    let overdue = count(
        &store,
        &format!(
            "SELECT count(*) FROM followups f JOIN customers c ON c.id = f.customer_id \
             WHERE f.done_at IS NULL AND c.deleted_at IS NULL AND f.due_on < '{}' \
             AND (f.contact_id IS NULL OR EXISTS (SELECT 1 FROM contacts k WHERE k.id = f.contact_id AND k.deleted_at IS NULL))",
            baton::clock::local_today()
        ),
    );
    assert_eq!(summary.sheets[3].1 as usize, overdue);
}

#[test]
fn the_summary_sheet_follows_the_scope_and_names_key_customers_whose_weight_fell() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("book.db")).unwrap();
    demo::fill(&store, 40, 5).unwrap();
    falling_key_customer(&store, "称重下滑有限公司");
    let path = dir.path().join("active.xlsx");
    let opts = ReportOptions {
        statuses: vec![Standing::Active, Standing::Prospect],
        ..Default::default()
    };
    let summary = write(&store, &opts, &path);
    // The scope is by standing, as the list's badge says it today.
    let cutoff = baton::customers::activity::cutoff(baton::clock::local_today(), 180);
    let in_scope = count(
        &store,
        &format!(
            "SELECT count(*) FROM customers c WHERE deleted_at IS NULL AND {} IN ('active', 'prospect')",
            baton::customers::activity::standing_sql("c", &format!("'{cutoff}'"))
        ),
    );
    assert_eq!(summary.sheets[0].1 as usize, in_scope);
    let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
    let sheet = wb.worksheet_range("汇总").unwrap();
    let rows: Vec<Vec<Data>> = sheet.rows().map(|r| r.to_vec()).collect();
    let label = |r: &Vec<Data>| r[0].to_string();
    let per_tier: f64 = rows
        .iter()
        .filter(|r| label(r).starts_with("分级"))
        .map(|r| r[1].as_f64().unwrap())
        .sum();
    assert_eq!(per_tier as usize, in_scope, "tier counts cover the scope, not the book");
    let dormant_row = rows.iter().find(|r| label(r) == "状态 休眠").unwrap();
    assert_eq!(
        dormant_row[1].as_f64(),
        Some(0.0),
        "out-of-scope statuses count nothing"
    );
    let fell = rows
        .iter()
        .find(|r| label(r) == "称重下降：称重下滑有限公司")
        .expect("the falling key customer is named");
    assert_eq!((fell[3].as_f64(), fell[4].as_f64()), (Some(80.0), Some(40.0)));
}

#[test]
fn a_report_that_cannot_be_written_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("book.db")).unwrap();
    demo::fill(&store, 5, 5).unwrap();
    let path = dir.path().join("missing-folder").join("r.html");
    let err = store
        .read(|c| report::write(c, &ReportOptions::default(), &path, baton::clock::local_today()))
        .unwrap_err();
    assert!(err.to_string().contains("missing-folder"), "{err}");
    let bad = dir.path().join("r.pdf");
    assert!(
        store
            .read(|c| report::write(c, &ReportOptions::default(), &bad, baton::clock::local_today()))
            .is_err()
    );
    assert!(!bad.exists());
}

#[test]
fn the_preview_counts_what_the_workbook_then_holds() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("book.db")).unwrap();
    demo::fill(&store, 50, 9).unwrap();
    let today = baton::clock::local_today();
    let tag: String = store
        .read(|c| Ok(c.query_row("SELECT tag FROM customer_tags ORDER BY tag LIMIT 1", [], |r| r.get(0))?))
        .unwrap();
    // Three customers picked in the list (issue 14: the manager's file of a selection).
    let picked: std::collections::BTreeSet<String> = store
        .read(|c| {
            let mut stmt = c.prepare("SELECT id FROM customers ORDER BY sort_key LIMIT 3")?;
            Ok(stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?)
        })
        .unwrap();
    for opts in [
        ReportOptions {
            customers: picked.clone(),
            ..Default::default()
        },
        ReportOptions::default(),
        ReportOptions {
            tiers: vec![baton::enums::Tier::A, baton::enums::Tier::B],
            statuses: vec![Standing::Active],
            ..Default::default()
        },
        ReportOptions {
            tags: vec![tag.clone()],
            include_private: true,
            ..Default::default()
        },
    ] {
        let preview = store.read(|c| report::preview(c, &opts, today)).unwrap();
        let path = dir.path().join("p.xlsx");
        let summary = write(&store, &opts, &path);
        let rows: Vec<i64> = summary.sheets.iter().map(|(_, n)| *n as i64).collect();
        assert_eq!(
            [
                preview.customers,
                preview.people,
                preview.contacts,
                preview.deals,
                preview.assessment_rows,
                preview.overdue
            ],
            rows[..6],
            "{opts:?}"
        );
        assert!(preview.customers > 0, "{opts:?} selects someone");
        if !opts.customers.is_empty() {
            assert_eq!(preview.customers, 3, "exactly the picked customers");
        }
        assert_eq!(preview.include_private, opts.include_private);
    }
}

#[test]
fn every_record_kind_is_in_the_workbook_or_left_out_on_purpose() {
    use baton::book::kinds::RecordKind;
    use baton::io::report::Coverage;
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("book.db")).unwrap();
    demo::fill(&store, 40, 5).unwrap();
    let summary = write(&store, &ReportOptions::default(), &dir.path().join("k.xlsx"));
    for kind in RecordKind::ALL {
        let records = count(&store, &format!("SELECT count(*) FROM {}", kind.table()));
        match report::coverage(*kind) {
            Coverage::Sheet(i) | Coverage::Column(i) => {
                let (sheet, rows) = &summary.sheets[i];
                assert!(
                    records == 0 || *rows > 0,
                    "{kind:?} has {records} records but sheet {sheet} is empty"
                );
            }
            Coverage::Left(why) => assert!(!why.is_empty()),
        }
    }
}

#[test]
fn a_cancelled_report_leaves_no_file_and_progress_counts_customers() {
    use std::sync::Arc;
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("book.db")).unwrap();
    demo::fill(&store, 12, 5).unwrap();
    let today = baton::clock::local_today();
    for name in ["c.xlsx", "c.html"] {
        let control = Arc::new(baton::job::Job::new());
        control.cancel();
        let opts = ReportOptions {
            job: Some(control),
            ..Default::default()
        };
        let path = dir.path().join(name);
        let result = store.read(|c| report::write(c, &opts, &path, today));
        assert!(matches!(result, Err(baton::Error::Cancelled)), "{name}: {result:?}");
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .filter(|n| n.starts_with("c."))
            .collect();
        assert!(left.is_empty(), "{name} left {left:?}");
    }
    let control = Arc::new(baton::job::Job::new());
    let opts = ReportOptions {
        job: Some(control.clone()),
        ..Default::default()
    };
    store
        .read(|c| report::write(c, &opts, &dir.path().join("ok.html"), today))
        .unwrap();
    assert_eq!(control.progress().total, 12);
    assert_eq!(control.progress().done, 12);
}

#[test]
fn a_customer_scope_naming_no_customer_is_refused_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("book.db")).unwrap();
    demo::fill(&store, 5, 2).unwrap();
    let opts = ReportOptions {
        customers: ["0190a000-0000-7000-8000-000000000000".to_string()].into(),
        ..Default::default()
    };
    let path = dir.path().join("nobody.xlsx");
    let today = baton::clock::local_today();
    let err = store.read(|c| report::write(c, &opts, &path, today)).unwrap_err();
    assert!(
        matches!(err, baton::Error::NotFound { kind: "customer", .. }),
        "{err:?}"
    );
    assert!(!path.exists(), "no file for a scope that names nobody");
    let err = store.read(|c| report::preview(c, &opts, today)).unwrap_err();
    assert!(matches!(err, baton::Error::NotFound { .. }), "{err:?}");
}
