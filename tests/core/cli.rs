use std::process::Command;

fn baton() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_baton"));
    cmd.env_remove("BATON_DB");
    cmd
}

#[test]
fn demo_dump_and_check_work_on_a_file_book() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.db");
    let out = baton()
        .arg("--db")
        .arg(&db)
        .args(["demo", "--customers", "25", "--seed", "5"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let check = baton().arg("--db").arg(&db).arg("check").output().unwrap();
    assert!(check.status.success());
    let report = String::from_utf8(check.stdout).unwrap();
    assert!(report.contains("customers") && report.contains("25 live"), "{report}");
    let dump = baton().arg("--db").arg(&db).arg("dump").output().unwrap();
    assert!(dump.status.success());
    let value: serde_json::Value = serde_json::from_slice(&dump.stdout).unwrap();
    assert_eq!(value["customers"].as_array().unwrap().len(), 25);
}

#[test]
fn the_book_can_come_from_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("env.db");
    let out = baton()
        .env("BATON_DB", &db)
        .args(["demo", "--customers", "3"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(db.exists());
}

#[test]
fn errors_go_to_stderr_with_a_non_zero_exit() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.db");
    baton()
        .arg("--db")
        .arg(&db)
        .args(["demo", "--customers", "2"])
        .output()
        .unwrap();
    let again = baton()
        .arg("--db")
        .arg(&db)
        .args(["demo", "--customers", "2"])
        .output()
        .unwrap();
    assert!(!again.status.success());
    assert!(again.stdout.is_empty());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already holds 2 customers"));

    let newer = dir.path().join("newer.db");
    {
        // A book from a newer Baton: stamped as ours, at a higher version.
        let conn = rusqlite::Connection::open(&newer).unwrap();
        conn.pragma_update(None, "application_id", baton::store::APPLICATION_ID)
            .unwrap();
        conn.pragma_update(None, "user_version", 999).unwrap();
    }
    let out = baton().arg("--db").arg(&newer).arg("check").output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("schema version 999"));
}

#[test]
fn check_fails_on_a_damaged_book() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.db");
    baton()
        .arg("--db")
        .arg(&db)
        .args(["demo", "--customers", "4"])
        .output()
        .unwrap();
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute("UPDATE customers SET tags = 'not json'", [])
        .unwrap();
    let out = baton().arg("--db").arg(&db).arg("check").output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("problem"));
}

#[test]
fn bench_prints_figures_with_references_and_cleans_up() {
    let dir = tempfile::tempdir().unwrap();
    let scratch = dir.path().join("bench.db");
    let out = baton()
        .arg("bench")
        .args(["--customers", "40", "--runs", "3", "--scratch"])
        .arg(&scratch)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.contains("median") && table.contains("reference"), "{table}");
    assert!(table.contains("list: first page by name"), "{table}");
    assert!(!scratch.exists(), "the scratch book was left behind");
}

#[test]
fn bench_json_lists_every_operation_with_its_reference_and_the_book_size() {
    let dir = tempfile::tempdir().unwrap();
    let scratch = dir.path().join("bench.db");
    let out = baton()
        .arg("bench")
        .args(["--customers", "30", "--runs", "2", "--json", "--keep", "--scratch"])
        .arg(&scratch)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ops = v["operations"].as_array().unwrap();
    let searches: Vec<&serde_json::Value> = ops
        .iter()
        .filter(|o| o["name"].as_str().unwrap().starts_with("search"))
        .collect();
    assert_eq!(searches.len(), 22, "20 representative queries and two phone numbers");
    assert!(
        searches
            .iter()
            .any(|o| o["name"].as_str().unwrap().contains("last 4 digits")),
        "who is calling: the last digits of a phone"
    );
    for o in &searches {
        assert!(o["median_ms"].as_f64().unwrap() >= 0.0);
        assert!(o["p95_ms"].as_f64().unwrap() >= o["median_ms"].as_f64().unwrap());
        assert!(o["reference_median_ms"].as_f64().is_some(), "{o}");
    }
    assert!(
        ops.iter()
            .any(|o| o["name"].as_str().unwrap().starts_with("key-customer board"))
    );
    // What each reference is beside its operation (issue 18, item 7).
    for o in ops {
        let is = o["reference_is"].as_str();
        assert_eq!(is.is_some(), o["reference_median_ms"].is_number(), "{o}");
        assert!(matches!(is, None | Some("same_work" | "nearest_read")), "{o}");
    }
    for same in [
        "open the book",
        "list: first page by name",
        "open a customer card",
        "card with 10k",
        "follow-up screen",
    ] {
        let named = |o: &&serde_json::Value| o["name"].as_str().unwrap().starts_with(same);
        assert_eq!(ops.iter().find(named).unwrap()["reference_is"], "same_work", "{same}");
    }
    assert!(v["book_bytes"].as_u64().unwrap() > 0);
    // The size split (records vs search) and the demo's seconds (issue 18).
    let (records, search) = (
        v["records_bytes"].as_u64().unwrap(),
        v["search_bytes"].as_u64().unwrap(),
    );
    assert!(records > 0 && search > 0, "{v}");
    assert!(records + search <= v["book_bytes"].as_u64().unwrap());
    let percent = v["search_percent_of_records"].as_f64().unwrap();
    assert!((percent - search as f64 * 100.0 / records as f64).abs() < 1e-6);
    assert!(v["demo_seconds"].as_f64().unwrap() > 0.0);
    // The report's memory, for each form.
    let memory = v["report_memory"].as_array().unwrap();
    let forms: Vec<&str> = memory.iter().map(|m| m["form"].as_str().unwrap()).collect();
    assert_eq!(forms, ["xlsx", "html"]);
    for m in memory {
        let (before, peak) = (
            m["rss_before_bytes"].as_u64().unwrap(),
            m["peak_rss_bytes"].as_u64().unwrap(),
        );
        assert!(peak >= before && before > 0, "{m}");
    }

    // The kept book can be measured again; a book the bench did not build cannot.
    let again = baton()
        .arg("bench")
        .args(["--runs", "1", "--reuse", "--scratch"])
        .arg(&scratch)
        .output()
        .unwrap();
    assert!(again.status.success(), "{}", String::from_utf8_lossy(&again.stderr));
    assert!(scratch.exists(), "a reused scratch book is kept for the next run");
    let mine = dir.path().join("mine.db");
    baton()
        .arg("--db")
        .arg(&mine)
        .args(["demo", "--customers", "3"])
        .output()
        .unwrap();
    let before = std::fs::read(&mine).unwrap();
    let refused = baton()
        .arg("bench")
        .args(["--runs", "1", "--reuse", "--scratch"])
        .arg(&mine)
        .output()
        .unwrap();
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("not a scratch book"));
    assert!(std::fs::read(&mine).unwrap() == before, "the real book is untouched");
}

#[test]
fn bench_refuses_to_overwrite_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let precious = dir.path().join("my-book.db");
    std::fs::write(&precious, b"precious").unwrap();
    let out = baton()
        .arg("bench")
        .args(["--customers", "5", "--scratch"])
        .arg(&precious)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert_eq!(std::fs::read(&precious).unwrap(), b"precious");
}

#[test]
fn followups_lists_open_next_steps_and_filters_overdue() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.db");
    baton()
        .arg("--db")
        .arg(&db)
        .args(["demo", "--customers", "60", "--seed", "4"])
        .output()
        .unwrap();
    let all = baton().arg("--db").arg(&db).arg("followups").output().unwrap();
    assert!(all.status.success(), "{}", String::from_utf8_lossy(&all.stderr));
    let all = String::from_utf8(all.stdout).unwrap();
    let overdue = String::from_utf8(
        baton()
            .arg("--db")
            .arg(&db)
            .args(["followups", "--overdue"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(!overdue.is_empty(), "the demo has overdue follow-ups");
    assert!(overdue.lines().count() <= all.lines().count());
    for line in overdue.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 5, "{line}");
        assert_eq!(cols[1], "overdue");
    }
    let dates: Vec<&str> = all.lines().map(|l| l.split('\t').next().unwrap()).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "soonest due first");
}

#[test]
fn value_prints_rfm_activity_and_the_reasons_for_the_suggestion() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.db");
    baton()
        .arg("--db")
        .arg(&db)
        .args(["demo", "--customers", "80", "--seed", "6"])
        .output()
        .unwrap();
    let id: String = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT id FROM customers WHERE status = 'active' AND tier = 'S' LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let out = baton().arg("--db").arg(&db).args(["value", &id]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    for line in [
        "first purchase: 20",
        "purchases in window",
        "activity: ",
        "suggested tier: ",
        "reasons:\n  +",
    ] {
        assert!(text.contains(line), "missing {line:?} in\n{text}");
    }
    let missing = baton()
        .arg("--db")
        .arg(&db)
        .args(["value", "0190c0de-0000-7000-8000-00000000ffff"])
        .output()
        .unwrap();
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("not found"));
}

#[test]
fn relationship_prints_the_latest_card_its_weight_and_the_dependence_score() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.db");
    baton()
        .arg("--db")
        .arg(&db)
        .args(["demo", "--customers", "60", "--seed", "8"])
        .output()
        .unwrap();
    let id: String = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT customer_id FROM assessments GROUP BY customer_id HAVING count(*) > 1 LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let out = baton()
        .arg("--db")
        .arg(&db)
        .args(["relationship", &id])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    for line in [
        "latest assessment: ",
        "/5",
        "weight: ",
        "(previous ",
        "dependence on one person: ",
        "key people",
    ] {
        assert!(text.contains(line), "missing {line:?} in\n{text}");
    }
}

#[test]
fn export_import_round_trip_through_the_tool_gives_an_identical_dump() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b, file) = (
        dir.path().join("a.db"),
        dir.path().join("b.db"),
        dir.path().join("h.baton"),
    );
    let run = |args: &[&str], db: &std::path::Path| {
        let out = baton()
            .arg("--db")
            .arg(db)
            .args(args)
            .env("HANDOVER_PASS", "口令")
            .env("BATON_SCRYPT_WORK_FACTOR", "10")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    run(&["demo", "--customers", "25"], &a);
    let f = file.to_str().unwrap();
    run(&["export", "--out", f, "--passphrase-env", "HANDOVER_PASS"], &a);
    let preview = run(&["import", f, "--dry-run", "--passphrase-env", "HANDOVER_PASS"], &b);
    assert!(preview.contains("dry run: nothing was written"), "{preview}");
    assert!(
        preview.lines().any(|l| l.starts_with("customer") && l.contains(" 25 ")),
        "{preview}"
    );
    let summary = run(&["import", f, "--passphrase-env", "HANDOVER_PASS"], &b);
    assert!(summary.contains("imported"), "{summary}");
    assert_eq!(
        run(&["dump"], &a),
        run(&["dump"], &b),
        "demo -> export -> import -> identical dump"
    );
    let again = run(&["import", f, "--passphrase-env", "HANDOVER_PASS"], &b);
    let customers_line = again.lines().find(|l| l.starts_with("customer ")).unwrap();
    let cols: Vec<&str> = customers_line.split_whitespace().collect();
    assert_eq!(cols[1..], ["0", "0", "25", "0"], "{again}");

    // A wrong passphrase is a clear error and changes nothing.
    let out = baton()
        .arg("--db")
        .arg(&b)
        .args(["import", f, "--passphrase-env", "WRONG_PASS"])
        .env("WRONG_PASS", "nope")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("wrong passphrase"));

    // Backup and restore.
    let copy = dir.path().join("copy.db");
    run(&["backup", "--out", copy.to_str().unwrap()], &b);
    let saved = run(&["dump"], &b);
    let c = dir.path().join("c.db");
    run(&["demo", "--customers", "3", "--seed", "5"], &c);
    run(&["restore", copy.to_str().unwrap()], &c);
    assert_eq!(run(&["dump"], &c), saved);
}

#[test]
fn report_writes_the_workbook_and_the_visual_report_and_refuses_other_files() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.db");
    baton()
        .arg("--db")
        .arg(&db)
        .args(["demo", "--customers", "12"])
        .output()
        .unwrap();
    let out = baton()
        .arg("--db")
        .arg(&db)
        .args(["report", "--lang", "en", "--out"])
        .arg(dir.path().join("r.xlsx"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("Customers\t12\n"), "{text}");
    assert!(dir.path().join("r.xlsx").exists());
    let html = baton()
        .arg("--db")
        .arg(&db)
        .args(["report", "--out"])
        .arg(dir.path().join("r.html"))
        .output()
        .unwrap();
    assert!(html.status.success(), "{}", String::from_utf8_lossy(&html.stderr));
    assert!(
        std::fs::read_to_string(dir.path().join("r.html"))
            .unwrap()
            .starts_with("<!doctype html>")
    );
    let pdf = baton()
        .arg("--db")
        .arg(&db)
        .args(["report", "--out"])
        .arg(dir.path().join("r.pdf"))
        .output()
        .unwrap();
    assert!(!pdf.status.success());
    assert!(String::from_utf8_lossy(&pdf.stderr).contains("--out must end in .xlsx"));
}

#[test]
fn import_sheet_prints_counts_and_a_second_run_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.db");
    let sheet = dir.path().join("客户.csv");
    // Row 4's company name is too long (a required field: refused); row
    // 5's founding day is no date (optional: kept as a note, warned).
    let long = "长".repeat(201);
    let text = format!(
        "公司名称,联系人,手机,成立日期\r\n深圳恒达,张三,13800138000,2010年1月2日\r\n深圳恒达,李四,13900000000,\r\n{long},王五,1,\r\n上海明德,赵六,,明天\r\n"
    );
    let (gbk, _, _) = encoding_rs::GBK.encode(&text);
    std::fs::write(&sheet, &gbk).unwrap();
    let run = |extra: &[&str]| {
        let out = baton()
            .arg("--db")
            .arg(&db)
            .arg("import-sheet")
            .arg(&sheet)
            .args(extra)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        (
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    let (dry, _) = run(&["--dry-run"]);
    assert!(dry.contains("added\t2\n") && dry.contains("dry run"), "{dry}");
    let mapping = dir.path().join("m.json");
    let (first, err) = run(&["--save-mapping", mapping.to_str().unwrap()]);
    assert!(first.contains("read\tGB18030, comma\t4 rows"), "{first}");
    assert!(first.contains("column\t手机\tperson_phone"), "{first}");
    assert!(
        first.contains("added\t2\n") && first.contains("rejected\t1\n") && first.contains("people added\t3\n"),
        "{first}"
    );
    assert!(err.contains("row 4 column \"公司名称\""), "{err}");
    assert!(
        err.contains("row 5 column \"成立日期\"") && err.contains("kept in the customer's notes"),
        "{err}"
    );
    let (second, _) = run(&["--mapping", mapping.to_str().unwrap()]);
    assert!(
        second.contains("added\t0\n") && second.contains("duplicates skipped\t2\n"),
        "{second}"
    );
    let check = baton().arg("--db").arg(&db).arg("check").output().unwrap();
    let check = String::from_utf8_lossy(&check.stdout).to_string();
    let live = |kind: &str| {
        check
            .lines()
            .find(|l| l.starts_with(kind))
            .and_then(|l| l.split_whitespace().nth(1))
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(
        (live("customers").as_str(), live("people").as_str()),
        ("2", "3"),
        "{check}"
    );
}

#[test]
fn export_vcard_then_import_vcard_into_another_book() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.db");
    let b = dir.path().join("b.db");
    let vcf = dir.path().join("people.vcf");
    let ok = |db: &std::path::Path, args: &[&str]| {
        let out = baton().arg("--db").arg(db).args(args).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    ok(&a, &["demo", "--customers", "6"]);
    let wrote = ok(&a, &["export-vcard", "--out", vcf.to_str().unwrap()]);
    let n: usize = wrote.split_whitespace().nth(1).unwrap().parse().unwrap();
    assert!(n > 0, "{wrote}");
    let dry = ok(&b, &["import-vcard", vcf.to_str().unwrap(), "--dry-run"]);
    assert!(
        dry.contains(&format!("people added\t{n}\n")) && dry.contains("dry run"),
        "{dry}"
    );
    let real = ok(&b, &["import-vcard", vcf.to_str().unwrap()]);
    assert!(
        real.contains(&format!("cards\t{n}\n")) && real.contains("customers added\t6\n"),
        "{real}"
    );
    let again = ok(&b, &["import-vcard", vcf.to_str().unwrap()]);
    assert!(again.contains("people added\t0\n"), "{again}");
}

#[test]
fn followups_ics_writes_every_open_follow_up_as_a_calendar_event() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.db");
    let ok = |args: &[&str]| {
        let out = baton().arg("--db").arg(&db).args(args).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        out
    };
    ok(&["demo", "--customers", "8", "--seed", "3"]);
    let listed = String::from_utf8(ok(&["followups"]).stdout).unwrap();
    let ics = dir.path().join("跟进.ics");
    ok(&["followups", "--ics", ics.to_str().unwrap()]);
    let text = std::fs::read_to_string(&ics).unwrap();
    assert_eq!(text.matches("BEGIN:VEVENT").count(), listed.lines().count());
    for id in listed.lines().map(|l| l.rsplit('\t').next().unwrap()) {
        assert!(text.contains(&format!("UID:{id}@baton\r\n")), "{id}");
    }
    // Never onto the book.
    let out = baton()
        .arg("--db")
        .arg(&db)
        .args(["followups", "--ics"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(!out.status.success());
}
