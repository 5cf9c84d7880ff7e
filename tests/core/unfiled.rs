//! Issue 16: people without a company (a phone's contacts) are kept in the
//! unfiled tray, guessed, filed as chosen, found by search, never dropped.

use std::collections::HashMap;

use baton::io::sheet::{self, SheetImportOptions, UnfiledChoice};
use baton::io::unfiled::{self, GuessFrom, Target};
use baton::search::{HitKind, SearchQuery};
use baton::{Store, customers, customers::people, io::vcard};

/// An Android-style export: vCard 2.1, names in QUOTED-PRINTABLE UTF-8,
/// no ORG on any card (as phones save them).
fn phone_export() -> String {
    let qp = |s: &str| s.bytes().map(|b| format!("={b:02X}")).collect::<String>();
    let card = |name: &str, extra: &str| {
        format!(
            "BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{}\r\n{extra}END:VCARD\r\n",
            qp(name)
        )
    };
    [
        card("王总(华为)", "TEL;CELL:13800000001\r\n"),
        card("李工-恒达", "TEL;CELL:13800000002\r\n"),
        card(
            "赵敏",
            "TEL;CELL:13800000003\r\nEMAIL;HOME:zhaomin@xinxiang-materials.cn\r\n",
        ),
        card("妈妈", "TEL;CELL:13800000004\r\n"),
        card("快递小哥", "TEL;CELL:13800000005\r\n"),
    ]
    .concat()
}

fn plan_vcf(store: &Store, path: &std::path::Path) -> sheet::Plan {
    let cards = vcard::read_file(path).unwrap();
    let (table, mapping) = vcard::as_table(&cards);
    store.read(|c| sheet::plan(c, &table, &mapping)).unwrap()
}

#[test]
fn a_phone_export_without_org_arrives_in_the_tray_and_files_as_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("phone.vcf");
    std::fs::write(&file, phone_export()).unwrap();
    let store = Store::open(&dir.path().join("book.db")).unwrap();
    let huawei = store
        .write(|tx| customers::create(tx, crate::card("华为技术有限公司")))
        .unwrap();

    let plan = plan_vcf(&store, &file);
    assert!(plan.rejected.is_empty(), "{:?}", plan.rejected);
    assert!(plan.customers.is_empty());
    assert_eq!(plan.unfiled.len(), 5, "every card is seen");
    let guesses: Vec<Option<(String, GuessFrom, Option<String>)>> = plan
        .unfiled
        .iter()
        .map(|u| {
            u.guess
                .as_ref()
                .map(|g| (g.company.clone(), g.from, g.customer_id.clone()))
        })
        .collect();
    assert_eq!(
        guesses,
        [
            Some(("华为".into(), GuessFrom::Name, Some(huawei.id.clone()))),
            Some(("恒达".into(), GuessFrom::Name, None)),
            Some(("Xinxiang-materials".into(), GuessFrom::Email, None)),
            None,
            None,
        ]
    );

    // 王总 by its guess (the book's 华为), 赵敏 and 李工 under a new
    // customer, 快递小哥 left out, 妈妈 kept in the tray.
    let opts = SheetImportOptions {
        unfiled: HashMap::from([
            (0, UnfiledChoice::Guess),
            (1, UnfiledChoice::NewCustomer("恒达机械有限公司".into())),
            (2, UnfiledChoice::NewCustomer("恒达机械有限公司".into())),
            (4, UnfiledChoice::Skip),
        ]),
        backup_dir: Some(dir.path().to_path_buf()),
        source: "phone.vcf".into(),
        ..Default::default()
    };
    let report = sheet::apply(&store, &plan, &opts).unwrap();
    assert_eq!(
        (report.unfiled_filed, report.unfiled_kept, report.unfiled_skipped),
        (3, 1, 1)
    );
    assert_eq!(report.added, 1, "the customer created for them counts as added");
    let at_huawei: Vec<String> = store
        .read(|c| people::list_for(c, &huawei.id))
        .unwrap()
        .into_iter()
        .map(|p| p.card.name)
        .collect();
    assert_eq!(at_huawei, ["王总"], "the company part leaves the name once filed");
    let page = store
        .read(|c| baton::views::list::list(c, &Default::default()))
        .unwrap();
    let hengda = page
        .rows
        .iter()
        .find(|r| r.name == "恒达机械有限公司")
        .expect("one new customer");
    assert_eq!(store.read(|c| people::list_for(c, &hengda.id)).unwrap().len(), 2);
    let tray = store.read(|c| unfiled::list(c, "")).unwrap();
    assert_eq!(tray.len(), 1);
    assert_eq!(tray[0].card.name, "妈妈");
    assert_eq!(tray[0].source, "phone.vcf:17");

    // Search finds the tray's people by name and by phone digits.
    let find = |text: &str| {
        let q = SearchQuery {
            text: text.into(),
            ..Default::default()
        };
        store
            .read(|c| baton::search::search(c, &q, baton::clock::today()))
            .unwrap()
    };
    let groups = find("妈妈");
    let tray_group = groups
        .iter()
        .find(|g| g.kind == HitKind::Unfiled)
        .expect("a tray group");
    assert_eq!(tray_group.hits[0].record_id, tray[0].id);
    assert!(find("13800000004").iter().any(|g| g.kind == HitKind::Unfiled));
    let filtered = SearchQuery {
        text: "妈妈".into(),
        key_only: true,
        ..Default::default()
    };
    let groups = store
        .read(|c| baton::search::search(c, &filtered, baton::clock::today()))
        .unwrap();
    assert!(groups.is_empty(), "a customer filter leaves the tray out");

    // The same file again adds nobody: filed people are in the book, the
    // kept one is in the tray, the skipped one is offered again.
    let again = plan_vcf(&store, &file);
    let new: Vec<&str> = again
        .unfiled
        .iter()
        .filter(|u| u.is_new())
        .map(|u| u.card.name.as_str())
        .collect();
    assert_eq!(new, ["快递小哥"]);

    // Filed later from the tray, under the book's customer.
    let id = store
        .write(|tx| unfiled::file(tx, &[tray[0].id.clone()], &Target::Customer(huawei.id.clone())))
        .unwrap();
    assert_eq!(id, huawei.id);
    assert_eq!(store.read(unfiled::count).unwrap(), 0);
    assert_eq!(store.read(|c| people::list_for(c, &huawei.id)).unwrap().len(), 2);
}

#[test]
fn rows_without_a_company_keep_their_person_and_the_cli_says_so() {
    let dir = tempfile::tempdir().unwrap();
    // HubSpot-style: most contacts have no company.
    let file = dir.path().join("hubspot.csv");
    std::fs::write(
        &file,
        "First Name,Last Name,Email,Phone Number,Company Name,Industry\n\
         Anna,Schmidt,anna@ironwood.de,,Ironwood Textiles GmbH,Textiles\n\
         Tom,Baker,tom.baker@gmail.com,+44 20 7946 0001,,Retail\n\
         Mia,Wong,mia@redstone.co.uk,,,\n",
    )
    .unwrap();
    let db = dir.path().join("b.db");
    let run = |args: &[&str]| crate::baton_ok(&db, args);
    let path = file.to_str().unwrap();
    let skipped = run(&["import-sheet", path, "--unfiled", "skip"]);
    assert!(skipped.contains("unfiled skipped\t2"), "{skipped}");
    assert!(skipped.contains("rejected\t0"), "{skipped}");
    let kept = run(&["import-sheet", path]);
    assert!(kept.contains("unfiled kept\t2"), "{kept}");
    assert!(kept.contains("no company\t4\tMia Wong\tguess: Redstone\tnew"), "{kept}");
    let tray = run(&["unfiled", "wong"]);
    assert!(
        tray.contains("Mia Wong\t\tmia@redstone.co.uk\tRedstone\thubspot.csv:4"),
        "{tray}"
    );
    let store = Store::open(&db).unwrap();
    let tom = store.read(|c| unfiled::list(c, "Tom")).unwrap();
    assert_eq!(
        tom[0].card.notes, "Industry：Retail",
        "the row's other values stay with the person"
    );
}
