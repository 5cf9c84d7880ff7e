use std::sync::Arc;

use baton::io::sheet::{self, Choice, Field, Mapping, SheetImportOptions, Table};
use baton::job::Job;
use baton::{Error, Store};
use calamine::{Data, Reader, Xlsx, open_workbook};

/// The same small sheet every encoding test writes: a quoted newline,
/// full-width punctuation, an Extension B character and an emoji.
const SHEET: &str = "公司名称,联系人,手机,备注\n\
华为技术有限公司,张三,138 0013 8000,\"第一行\n第二行\"\n\
𠮷野家（中国）,李四,+86 139-0000-0001,全角，标点。😀\n\
华为技术有限公司,王五,13700000002,\n";

fn expect_table(t: &Table) {
    assert_eq!(t.headers, ["公司名称", "联系人", "手机", "备注"], "{}", t.how);
    assert_eq!(t.rows.len(), 3, "{}", t.how);
    assert_eq!(t.rows[0].cells[3], "第一行\n第二行", "{}", t.how);
    assert_eq!(t.rows[1].cells[0], "𠮷野家（中国）", "{}", t.how);
    assert_eq!(t.rows[1].cells[3], "全角，标点。😀", "{}", t.how);
    assert_eq!(t.rows[2].cells[1], "王五");
}

fn write(dir: &std::path::Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn every_encoding_and_line_ending_reads_to_the_same_table() {
    let dir = tempfile::tempdir().unwrap();
    let crlf = SHEET
        .replace('\n', "\r\n")
        .replace("第一行\r\n第二行", "第一行\n第二行");
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(SHEET.encode_utf16().flat_map(|u| u.to_le_bytes()))
        .collect();
    let (gb, _, unmappable) = encoding_rs::GB18030.encode(SHEET);
    assert!(!unmappable);
    assert!(
        gb.windows(4).any(|w| w[0] >= 0x81 && (0x30..=0x39).contains(&w[1])),
        "the GB18030 file holds four-byte sequences"
    );
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("utf8.csv", SHEET.as_bytes().to_vec(), "UTF-8, comma"),
        (
            "bom.csv",
            [b"\xEF\xBB\xBF".as_slice(), SHEET.as_bytes()].concat(),
            "UTF-8 (BOM), comma",
        ),
        ("utf16.txt", utf16, "UTF-16LE, comma"),
        ("gbk.csv", gb.to_vec(), "GB18030, comma"),
        ("crlf.csv", crlf.into_bytes(), "UTF-8, comma"),
        ("tab.txt", SHEET.replace(',', "\t").into_bytes(), "UTF-8, tab"),
        (
            "semicolon.csv",
            SHEET.replace(',', ";").into_bytes(),
            "UTF-8, semicolon",
        ),
    ];
    for (name, bytes, how) in cases {
        let t = sheet::read(&write(dir.path(), name, &bytes)).unwrap();
        assert_eq!(t.how, how, "{name}");
        expect_table(&t);
        // The first header maps even behind a BOM.
        assert_eq!(Mapping::guess(&t.headers).fields[0], Field::CustomerName, "{name}");
    }
}

#[test]
fn bytes_that_are_no_known_encoding_are_refused_with_where() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "bad.csv", b"name,phone\nabc,\xFF\xFE\xFF\n");
    match sheet::read(&path) {
        Err(Error::BadFile(problems)) => {
            assert_eq!(problems[0].field.as_deref(), Some("byte 15"));
            assert!(problems[0].message.contains("GB18030"), "{}", problems[0].message);
        }
        other => panic!("{other:?}"),
    }
    let other = write(dir.path(), "x.pdf", b"%PDF");
    assert!(matches!(sheet::read(&other), Err(Error::BadFile(_))));
}

#[test]
fn a_workbook_with_a_merged_title_and_empty_rows_reads_its_header_and_typed_cells() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("客户.xlsx");
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.merge_range(0, 0, 0, 3, "2026 客户名单", &Format::new()).unwrap();
    for (c, h) in ["客户名称", "联系人", "成立日期", "员工数"].iter().enumerate() {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    ws.write_string(3, 0, "深圳恒达精密机械").unwrap();
    ws.write_string(3, 1, "赵六").unwrap();
    let date = ExcelDateTime::from_ymd(2008, 6, 1).unwrap();
    ws.write_datetime_with_format(3, 2, &date, &Format::new().set_num_format("yyyy-mm-dd"))
        .unwrap();
    ws.write_number(3, 3, 350.0).unwrap();
    // Row 5 left empty; row 6 has a number stored as text.
    ws.write_string(5, 0, "上海明德").unwrap();
    ws.write_string(5, 3, "1,200人").unwrap();
    book.save(&path).unwrap();

    let t = sheet::read(&path).unwrap();
    assert_eq!(t.headers, ["客户名称", "联系人", "成立日期", "员工数"]);
    assert_eq!(t.rows.len(), 2);
    assert_eq!(t.rows[0].line, 4);
    assert_eq!(t.rows[0].cells, ["深圳恒达精密机械", "赵六", "2008-06-01", "350"]);
    assert_eq!(t.rows[1].line, 6);

    let store = Store::open_in_memory().unwrap();
    let mapping = Mapping::guess(&t.headers);
    assert_eq!(
        mapping.fields,
        [
            Field::CustomerName,
            Field::PersonName,
            Field::FoundedOn,
            Field::StaffCount
        ]
    );
    let plan = store.read(|c| sheet::plan(c, &t, &mapping)).unwrap();
    assert!(plan.rejected.is_empty(), "{:?}", plan.rejected);
    assert_eq!(plan.customers[0].card.founded_on.as_deref(), Some("2008-06-01"));
    assert_eq!(plan.customers[1].card.staff_count, Some(1200));
}

fn read_sheet(dir: &std::path::Path, text: &str) -> Table {
    sheet::read(&write(dir, "s.csv", text.as_bytes())).unwrap()
}

fn dump(store: &Store) -> Vec<u8> {
    let mut out = Vec::new();
    store.read(|c| baton::book::dump::write(c, &mut out)).unwrap();
    out
}

fn count(store: &Store, sql: &str) -> i64 {
    store.read(|c| Ok(c.query_row(sql, [], |r| r.get(0))?)).unwrap()
}

fn options(dir: &std::path::Path) -> SheetImportOptions {
    SheetImportOptions {
        backup_dir: Some(dir.join("backups")),
        ..Default::default()
    }
}

#[test]
fn rows_group_by_company_and_importing_the_same_sheet_twice_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("book.db")).unwrap();
    let t = read_sheet(dir.path(), SHEET);
    let mapping = Mapping::guess(&t.headers);
    let plan = store.read(|c| sheet::plan(c, &t, &mapping)).unwrap();
    assert_eq!(plan.customers.len(), 2, "rows with the same company are one customer");
    assert_eq!(plan.customers[0].people.len(), 2);
    assert_eq!(plan.customers[0].lines, [2, 5]);
    let first = sheet::apply(&store, &plan, &options(dir.path())).unwrap();
    assert_eq!((first.added, first.people_added, first.skipped), (2, 3, 0));
    assert!(std::path::Path::new(first.backup.as_deref().unwrap()).exists());
    let snapshot = dump(&store);

    // Again: every customer is found as a duplicate (by name) and skipped.
    let again = store.read(|c| sheet::plan(c, &t, &mapping)).unwrap();
    assert_eq!(again.duplicates(), 2);
    let second = sheet::apply(&store, &again, &options(dir.path())).unwrap();
    assert_eq!((second.added, second.skipped), (0, 2));
    assert!(dump(&store) == snapshot, "nothing changed");

    // Found by a key person's phone although the company is spelt otherwise.
    let renamed = read_sheet(dir.path(), "公司,联系人,手机\n华为,张三,13800138000\n");
    let plan = store
        .read(|c| sheet::plan(c, &renamed, &Mapping::guess(&renamed.headers)))
        .unwrap();
    let dup = plan.customers[0].duplicate.as_ref().unwrap();
    assert_eq!((dup.name.as_str(), dup.by.as_str()), ("华为技术有限公司", "phone"));
}

#[test]
fn update_fills_the_book_and_create_anyway_makes_a_second_customer() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("book.db")).unwrap();
    let t = read_sheet(dir.path(), SHEET);
    let mapping = Mapping::guess(&t.headers);
    let plan = store.read(|c| sheet::plan(c, &t, &mapping)).unwrap();
    sheet::apply(&store, &plan, &options(dir.path())).unwrap();

    let more = read_sheet(
        dir.path(),
        "公司名称,联系人,手机,邮箱,行业,状态\n华为技术有限公司,张三,13800138000,zhang@huawei.example,通信,活跃\n华为技术有限公司,赵七,13600000003,,,\n𠮷野家（中国）,,,,餐饮,\n",
    );
    let plan = store
        .read(|c| sheet::plan(c, &more, &Mapping::guess(&more.headers)))
        .unwrap();
    assert_eq!(plan.duplicates(), 2);
    let opts = SheetImportOptions {
        default_choice: Choice::Update,
        choices: [(1, Choice::Create)].into(),
        ..options(dir.path())
    };
    let report = sheet::apply(&store, &plan, &opts).unwrap();
    assert_eq!(
        (report.updated, report.added, report.people_added, report.people_updated),
        (1, 1, 1, 1)
    );
    assert_eq!(count(&store, "SELECT count(*) FROM customers"), 3);
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM customers WHERE name = '华为技术有限公司' AND industry = '通信' AND status = 'active'"
        ),
        1
    );
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM people WHERE name = '张三' AND email = 'zhang@huawei.example' AND phone = '13800138000'"
        ),
        1,
        "the matched person is updated, not duplicated"
    );
    assert_eq!(count(&store, "SELECT count(*) FROM people WHERE name = '赵七'"), 1);
}

#[test]
fn bad_values_are_named_by_row_and_column_and_the_good_rows_still_import() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("book.db")).unwrap();
    let long = "长".repeat(201);
    let text = format!(
        "客户名称,成立日期,员工数,生日,联系人\n\
         好公司,2010年5月4日,１２０,,甲\n\
         坏日期,下周三,10,,乙\n\
         坏数字,2010-01-01,很多,,丙\n\
         {long},2010-01-01,1,,丁\n\
         ,2010-01-01,1,,戊\n\
         序列日期,40000,1,1990/2/3,己\n"
    );
    let t = read_sheet(dir.path(), &text);
    let plan = store.read(|c| sheet::plan(c, &t, &Mapping::guess(&t.headers))).unwrap();
    let rejected: Vec<(u64, &str)> = plan.rejected.iter().map(|r| (r.line, r.column.as_str())).collect();
    assert_eq!(rejected, [(5, "客户名称")], "only a required field refuses a row");
    assert!(plan.rejected[0].reason.contains("200"), "{}", plan.rejected[0].reason);
    // A value Baton cannot read in an optional field is kept as a note
    // line and named by row and column, and the customer still arrives.
    let warned: Vec<(u64, &str)> = plan.warnings.iter().map(|w| (w.line, w.column.as_str())).collect();
    assert_eq!(warned, [(3, "成立日期"), (4, "员工数")]);
    assert!(
        plan.warnings[0].message.contains("下周三"),
        "{}",
        plan.warnings[0].message
    );
    let by_name = |n: &str| plan.customers.iter().find(|c| c.card.name == n).unwrap();
    assert_eq!(by_name("坏日期").card.notes, "成立日期：下周三");
    assert_eq!(by_name("坏数字").card.notes, "员工数：很多");
    assert_eq!(by_name("坏数字").card.founded_on.as_deref(), Some("2010-01-01"));
    // A person on a row with no company waits in the unfiled tray, with
    // the row's company values as note lines rather than lost.
    assert_eq!(plan.unfiled.len(), 1);
    assert_eq!(plan.unfiled[0].card.name, "戊");
    assert_eq!(plan.unfiled[0].card.notes, "成立日期：2010-01-01\n员工数：1");
    assert_eq!(plan.customers.len(), 4);
    assert_eq!(by_name("好公司").card.staff_count, Some(120));
    assert_eq!(by_name("序列日期").card.founded_on.as_deref(), Some("2009-07-06"));
    assert_eq!(
        by_name("序列日期").people[0].card.birthday.as_deref(),
        Some("1990-02-03")
    );

    let report = sheet::apply(&store, &plan, &options(dir.path())).unwrap();
    assert_eq!((report.added, report.rejected, report.unfiled_kept), (4, 1, 1));

    let out = dir.path().join("rejected.xlsx");
    sheet::write_rejected(&plan, &out, &baton::files::Protected::none()).unwrap();
    let mut wb: Xlsx<_> = open_workbook(&out).unwrap();
    let range = wb.worksheet_range("未导入 Rejected").unwrap();
    let rows: Vec<Vec<Data>> = range.rows().map(|r| r.to_vec()).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0][2].to_string(), "原因 Reason");
    assert_eq!(rows[1][1].to_string(), "客户名称");
}

#[test]
fn a_dry_run_or_a_cancelled_import_leaves_the_book_exactly_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("book.db")).unwrap();
    baton::demo::fill(&store, 5, 3).unwrap();
    let before = dump(&store);
    let t = read_sheet(dir.path(), SHEET);
    let plan = store.read(|c| sheet::plan(c, &t, &Mapping::guess(&t.headers))).unwrap();
    let dry = sheet::apply(
        &store,
        &plan,
        &SheetImportOptions {
            dry_run: true,
            ..options(dir.path())
        },
    )
    .unwrap();
    assert_eq!((dry.added, dry.people_added, dry.backup.is_none()), (2, 3, true));
    assert!(dump(&store) == before);

    let control = Arc::new(Job::new());
    control.cancel();
    let cancelled = sheet::apply(
        &store,
        &plan,
        &SheetImportOptions {
            job: Some(control),
            ..options(dir.path())
        },
    );
    assert!(matches!(cancelled, Err(Error::Cancelled)));
    assert!(dump(&store) == before);
}

#[test]
fn companies_spelt_differently_in_one_sheet_are_found_by_a_shared_phone_or_email() {
    let dir = tempfile::tempdir().unwrap();
    let text = "公司名称,联系人,手机,邮箱\n华为技术有限公司,张三,13800138000,\n华为（深圳）,张三,+86 138 0013 8000,\n腾讯,马六,,ma@qq.example\n腾讯科技,马六,,MA@qq.example\n阿里,王七,13900000007,\n";
    let t = read_sheet(dir.path(), text);
    for (choice, customers, people) in [(Choice::Skip, 3, 3), (Choice::Update, 3, 3), (Choice::Create, 5, 5)] {
        let store = Store::open(&dir.path().join(format!("{choice:?}.db"))).unwrap();
        let plan = store.read(|c| sheet::plan(c, &t, &Mapping::guess(&t.headers))).unwrap();
        let dups: Vec<(&str, &str, Option<usize>)> = plan
            .customers
            .iter()
            .filter_map(|c| c.duplicate.as_ref())
            .map(|d| (d.name.as_str(), d.by.as_str(), d.in_file))
            .collect();
        assert_eq!(
            dups,
            [
                ("华为技术有限公司", "phone_in_file", Some(0)),
                ("腾讯", "email_in_file", Some(2))
            ]
        );
        let opts = SheetImportOptions {
            default_choice: choice,
            ..options(dir.path())
        };
        let report = sheet::apply(&store, &plan, &opts).unwrap();
        assert_eq!(count(&store, "SELECT count(*) FROM customers"), customers, "{choice:?}");
        assert_eq!(count(&store, "SELECT count(*) FROM people"), people, "{choice:?}");
        if choice == Choice::Update {
            assert_eq!((report.added, report.updated), (3, 2));
        }
    }
}
