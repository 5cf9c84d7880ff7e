//! Issue 16: files as other programs write them (written here to mimic each
//! exporter; no real person's data) arrive with their people and companies.

use std::path::Path;
use std::process::Command;

use baton::Store;
use baton::enums::Tier;
use baton::io::sheet::{self, Field, Mapping};

fn plan_of(path: &Path, mapping: Option<Mapping>) -> sheet::Plan {
    let table = sheet::read(path).unwrap();
    let mapping = mapping.unwrap_or_else(|| Mapping::guess(&table.headers));
    let store = Store::open_in_memory().unwrap();
    store.read(|c| sheet::plan(c, &table, &mapping)).unwrap()
}

fn people(plan: &sheet::Plan) -> Vec<String> {
    plan.customers
        .iter()
        .flat_map(|c| c.people.iter().map(|p| p.card.name.clone()))
        .collect()
}

#[test]
fn salesforce_split_names_make_names_never_emails() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("salesforce.csv");
    std::fs::write(
        &file,
        "First Name,Last Name,Account Name,Title,Email,Phone\r\n\
         Anna,Schmidt,Ironwood Textiles GmbH,Buyer,anna.schmidt@example.de,+49 30 1234567\r\n\
         芳,王,华东精密机械有限公司,采购经理,wangfang@example.cn,13900000001\r\n\
         ,,Redstone Electronic Components Ltd,,nobody@example.co.uk,\r\n",
    )
    .unwrap();
    let plan = plan_of(&file, None);
    assert!(plan.rejected.is_empty(), "{:?}", plan.rejected);
    let names = people(&plan);
    assert!(names.contains(&"Anna Schmidt".to_string()), "{names:?}");
    assert!(names.contains(&"王芳".to_string()), "{names:?}");
    assert!(
        names.iter().all(|n| !n.contains('@')),
        "an email is never a name: {names:?}"
    );
}

#[test]
fn a_crm_template_with_its_own_tier_words_loses_no_customer() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("crm.csv");
    std::fs::write(
        &file,
        "名称,姓,名,手机,客户级别\n苏州恒达机械有限公司,李,工,13800000001,高级\n无锡新材料有限公司,赵,敏,13800000002,中级\n常州小店,钱,多,13800000003,低级\n",
    )
    .unwrap();
    let plan = plan_of(&file, None);
    assert!(
        plan.rejected.is_empty(),
        "no row refused for an optional word: {:?}",
        plan.rejected
    );
    assert_eq!(plan.customers.len(), 3);
    assert_eq!(plan.warnings.len(), 3, "each unknown word is listed");
    let words: Vec<(Field, &str, usize)> = plan
        .unknown_values
        .iter()
        .map(|u| (u.field, u.value.as_str(), u.rows))
        .collect();
    assert_eq!(
        words,
        [
            (Field::Tier, "中级", 1),
            (Field::Tier, "低级", 1),
            (Field::Tier, "高级", 1)
        ],
        "the distinct words, for the user to map"
    );
    assert!(
        plan.customers[0].card.notes.contains("客户级别：高级"),
        "the word is kept"
    );
    assert_eq!(plan.customers[0].people[0].card.name, "李工");

    // With the sheet's words mapped, the tiers arrive.
    let table = sheet::read(&file).unwrap();
    let mut mapping = Mapping::guess(&table.headers);
    mapping.values.insert(
        Field::Tier,
        [("高级", "A"), ("中级", "B"), ("低级", "C")]
            .into_iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect(),
    );
    let plan = plan_of(&file, Some(mapping));
    assert!(plan.warnings.is_empty());
    let tiers: Vec<Option<Tier>> = plan.customers.iter().map(|c| c.card.tier).collect();
    assert_eq!(tiers, [Some(Tier::A), Some(Tier::B), Some(Tier::C)]);
}

#[test]
fn the_cli_takes_a_value_map() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("shops.csv");
    std::fs::write(&file, "店名,联系人,级别\n老王面馆,王老板,高级\n").unwrap();
    let map = dir.path().join("values.json");
    std::fs::write(&map, r#"{"tier": {"高级": "A"}}"#).unwrap();
    let db = dir.path().join("b.db");
    let out = Command::new(env!("CARGO_BIN_EXE_baton"))
        .env_remove("BATON_DB")
        .args([
            "--db",
            db.to_str().unwrap(),
            "import-sheet",
            file.to_str().unwrap(),
            "--value-map",
        ])
        .arg(&map)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let store = Store::open(&db).unwrap();
    let page = store
        .read(|c| baton::views::list::list(c, &Default::default()))
        .unwrap();
    assert_eq!(page.rows.len(), 1);
    assert_eq!(page.rows[0].name, "老王面馆");
    let customer = store.read(|c| baton::customers::get(c, &page.rows[0].id)).unwrap();
    assert_eq!(customer.card.tier, Some(Tier::A));
}

#[test]
fn iphone_and_shift_jis_vcards_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let iphone = dir.path().join("iphone.vcf");
    let text = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        "N:王;总;;;",
        "FN:王总",
        "ORG:华为;",
        "TEL;type=CELL:150 8017 9467",
        "END:VCARD",
        "",
    ]
    .join("\r\r\n");
    std::fs::write(&iphone, text).unwrap();
    let cards = baton::io::vcard::read_file(&iphone).unwrap();
    assert_eq!(cards.len(), 1);
    assert_eq!((cards[0].name.as_str(), cards[0].org.as_str()), ("王总", "华为"));

    let jis = dir.path().join("docomo.vcf");
    let mut bytes = b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=SHIFT_JIS:".to_vec();
    bytes.extend_from_slice(&encoding_rs::SHIFT_JIS.encode("山田太郎").0);
    bytes.extend_from_slice(b"\r\nORG;CHARSET=SHIFT_JIS:");
    bytes.extend_from_slice(&encoding_rs::SHIFT_JIS.encode("東京精機株式会社").0);
    bytes.extend_from_slice(b"\r\nEND:VCARD\r\n");
    std::fs::write(&jis, bytes).unwrap();
    let cards = baton::io::vcard::read_file(&jis).unwrap();
    assert_eq!(cards[0].name, "山田太郎");
    assert_eq!(cards[0].org, "東京精機株式会社");
}

#[test]
fn nothing_a_row_says_is_dropped_without_a_word() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("gbk.csv");
    let text = "公司名称,联系人,手机,公司电话,备注\r\n\
                恒达机械有限公司,,,0512-66660001,老客户，年底结账\r\n\
                恒达机械有限公司,钱立群,13900000001,0512-66669999,決策人\r\n\
                恒达机械有限公司,,,,每季度回访\r\n";
    let (gbk, _, _) = encoding_rs::GBK.encode(text);
    std::fs::write(&file, &gbk).unwrap();
    let plan = plan_of(&file, None);
    assert_eq!(plan.customers.len(), 1);
    let c = &plan.customers[0];
    assert!(
        c.card.notes.contains("老客户，年底结账") && c.card.notes.contains("每季度回访"),
        "{}",
        c.card.notes
    );
    assert!(
        c.card.notes.contains("row 2") && c.card.notes.contains("row 4"),
        "each note says its row: {}",
        c.card.notes
    );
    let qian = c.people.iter().find(|p| p.card.name == "钱立群").unwrap();
    assert_eq!(
        qian.card.notes, "決策人",
        "a note on a person's row is about the person"
    );
    assert!(!c.card.notes.contains("決策人"));
    let phone = plan
        .warnings
        .iter()
        .find(|w| w.field == Some(Field::CompanyPhone))
        .expect("the second phone is listed");
    assert_eq!(
        phone.why,
        baton::io::sheet::Why::Differs {
            value: "0512-66669999".into(),
            kept: "0512-66660001".into(),
            first_line: 2
        },
        "as data, for the app to word"
    );
    assert_eq!(phone.line, 3);
    assert!(
        phone.message.contains("0512-66669999") && phone.message.contains("\"0512-66660001\" is kept"),
        "{}",
        phone.message
    );
}

#[test]
fn the_second_sheet_of_a_workbook_can_be_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("two-sheets.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let first = book.add_worksheet();
    first.set_name("说明").unwrap();
    first.write_string(0, 0, "本表由 CRM 导出，客户在第二张表").unwrap();
    let second = book.add_worksheet();
    second.set_name("客户").unwrap();
    for (c, h) in ["公司名称", "联系人", "手机"].iter().enumerate() {
        second.write_string(0, c as u16, *h).unwrap();
    }
    second.write_string(1, 0, "宁波港口物流有限公司").unwrap();
    second.write_string(1, 1, "孙经理").unwrap();
    second.write_string(1, 2, "13600000001").unwrap();
    book.save(&file).unwrap();
    assert_eq!(sheet::sheet_names(&file).unwrap(), ["说明", "客户"]);
    let table = sheet::read_sheet(&file, Some("客户")).unwrap();
    assert_eq!(table.headers, ["公司名称", "联系人", "手机"]);
    assert_eq!(table.rows.len(), 1);
    let err = sheet::read_sheet(&file, Some("Sheet9")).unwrap_err();
    assert!(err.to_string().contains("no sheet named"), "{err}");
    let db = dir.path().join("b.db");
    let out = Command::new(env!("CARGO_BIN_EXE_baton"))
        .env_remove("BATON_DB")
        .args([
            "--db",
            db.to_str().unwrap(),
            "import-sheet",
            file.to_str().unwrap(),
            "--sheet",
            "客户",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let store = Store::open(&db).unwrap();
    let page = store
        .read(|c| baton::views::list::list(c, &Default::default()))
        .unwrap();
    assert_eq!(page.rows[0].name, "宁波港口物流有限公司");
}

#[test]
fn the_words_mapped_are_saved_with_the_mapping() {
    let store = Store::open_in_memory().unwrap();
    let headers = vec!["名称".to_string(), "客户级别".to_string()];
    let mut mapping = Mapping::guess(&headers);
    mapping
        .values
        .insert(Field::Tier, [("高".to_string(), "A".to_string())].into_iter().collect());
    store.write(|tx| sheet::save_mapping(tx, &headers, &mapping)).unwrap();
    let mut more = Mapping::guess(&headers);
    more.values
        .insert(Field::Tier, [("低".to_string(), "C".to_string())].into_iter().collect());
    store.write(|tx| sheet::save_mapping(tx, &headers, &more)).unwrap();
    let saved = store.read(sheet::saved_values).unwrap();
    let tier = &saved[&Field::Tier];
    assert_eq!(
        (tier["高"].as_str(), tier["低"].as_str()),
        ("A", "C"),
        "merged over both sheets"
    );
}

#[test]
fn industry_and_source_words_are_listed_and_can_be_renamed() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("crm.csv");
    std::fs::write(
        &file,
        "客户名称,所属行业,客户来源\n恒达机械,机械,展会\n新材料公司,新材料,转介绍\n精工模具,机械,展会\n",
    )
    .unwrap();
    let plan = plan_of(&file, None);
    let words: Vec<(Field, &str, usize)> = plan
        .free_words
        .iter()
        .map(|u| (u.field, u.value.as_str(), u.rows))
        .collect();
    assert_eq!(
        words,
        [
            (Field::Industry, "新材料", 1),
            (Field::Industry, "机械", 2),
            (Field::Tags, "展会", 2),
            (Field::Tags, "转介绍", 1)
        ]
    );
    let table = sheet::read(&file).unwrap();
    let mut mapping = Mapping::guess(&table.headers);
    mapping.values.insert(
        Field::Industry,
        [("机械".to_string(), "机械制造".to_string())].into_iter().collect(),
    );
    mapping.values.insert(
        Field::Tags,
        [("展会".to_string(), "来源：展会".to_string())].into_iter().collect(),
    );
    let plan = plan_of(&file, Some(mapping));
    let first = &plan.customers[0].card;
    assert_eq!(
        (first.industry.as_str(), first.tags.clone()),
        ("机械制造", vec!["来源：展会".to_string()])
    );
}
