use baton::io::sheet::{self, Choice, SheetImportOptions};
use baton::{Store, customers, customers::people, io::vcard};

/// `text` as QUOTED-PRINTABLE bytes of its GBK encoding.
fn qp_gbk(text: &str) -> String {
    let (bytes, _, _) = encoding_rs::GBK.encode(text);
    bytes.iter().map(|b| format!("={b:02X}")).collect()
}

fn import(store: &Store, file: &std::path::Path) -> sheet::SheetReport {
    let cards = vcard::read_file(file).unwrap();
    let (table, mapping) = vcard::as_table(&cards);
    let plan = store.read(|c| sheet::plan(c, &table, &mapping)).unwrap();
    sheet::apply(
        store,
        &plan,
        &SheetImportOptions {
            default_choice: Choice::Update,
            ..Default::default()
        },
    )
    .unwrap()
}

#[test]
fn cards_of_every_version_are_read_and_filed_under_their_company() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in_memory().unwrap();
    let huawei = store
        .write(|tx| customers::create(tx, crate::card("华为技术有限公司")))
        .unwrap();
    let photo = "A".repeat(5000);
    let folded_photo: String = photo
        .as_bytes()
        .chunks(70)
        .map(|c| format!(" {}\r\n", std::str::from_utf8(c).unwrap()))
        .collect();
    let qp_name = qp_gbk("王五");
    let text = format!(
        "BEGIN:VCARD\r\nVERSION:2.1\r\n\
         N;CHARSET=GB2312;ENCODING=QUOTED-PRINTABLE:{}\r\n\
         ORG;CHARSET=GB2312;QUOTED-PRINTABLE:{}\r\n\
         TEL;WORK;VOICE:010-1234567\r\nTEL;CELL:13900000005\r\n\
         PHOTO;ENCODING=BASE64;TYPE=JPEG:\r\n{folded_photo}\r\nEND:VCARD\r\n\
         BEGIN:VCARD\r\nVERSION:3.0\r\nFN:李四\r\nN:李;四;;;\r\nORG:新客户\\, 深圳;采购部\r\n\
         TITLE:采购经理\r\nNOTE:很长的备注，被折\r\n 行了\r\nEMAIL;TYPE=INTERNET:li@example.com\r\nBDAY:1985-04-12\r\nEND:VCARD\r\n\
         BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Anna Schmidt\r\nORG:华为技术有限公司\r\nIMPP:wechat:anna_s\r\nTEL;TYPE=cell;VALUE=uri:tel:+86-138-0000-0009\r\nEND:VCARD\r\n\
         BEGIN:VCARD\r\nVERSION:3.0\r\nFN:没有公司的人\r\nTEL:13700000000\r\nEND:VCARD\r\n",
        qp_name,
        qp_gbk("华为技术有限公司")
    );
    let file = dir.path().join("contacts.vcf");
    std::fs::write(&file, text).unwrap();
    let cards = vcard::read_file(&file).unwrap();
    assert_eq!(cards.len(), 4);
    assert_eq!(
        (cards[0].name.as_str(), cards[0].org.as_str()),
        ("王五", "华为技术有限公司")
    );
    assert_eq!(cards[0].phone, "13900000005", "a mobile number wins over a work one");
    assert!(cards[0].had_photo);
    assert_eq!(cards[1].org, "新客户, 深圳");
    assert_eq!(cards[1].department, "采购部");
    assert_eq!(cards[1].note, "很长的备注，被折行了");
    assert_eq!(cards[2].wechat, "anna_s");
    assert_eq!(cards[2].phone, "+86-138-0000-0009");

    let report = import(&store, &file);
    assert_eq!((report.added, report.updated, report.rejected), (1, 1, 0));
    assert_eq!(report.unfiled_kept, 1, "the card without ORG waits in the tray");
    assert_eq!(report.people_added, 3);
    let at_huawei: Vec<String> = store
        .read(|c| people::list_for(c, &huawei.id))
        .unwrap()
        .into_iter()
        .map(|p| p.card.name)
        .collect();
    assert_eq!(at_huawei.len(), 2, "{at_huawei:?}");
    assert!(at_huawei.contains(&"王五".to_string()) && at_huawei.contains(&"Anna Schmidt".to_string()));

    // The same file again adds nobody.
    let again = import(&store, &file);
    assert_eq!((again.added, again.people_added, again.unfiled_kept), (0, 0, 0));
    assert_eq!(again.unfiled_skipped, 1, "already in the tray");
}

#[test]
fn exported_cards_import_into_an_empty_book_with_the_same_people() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in_memory().unwrap();
    baton::demo::fill(&store, 12, 4).unwrap();
    let file = dir.path().join("all.vcf");
    let n = store.read(|c| vcard::export(c, &[], &file)).unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    assert_eq!(text.matches("BEGIN:VCARD\r\nVERSION:4.0\r\n").count(), n);
    assert!(text.lines().all(|l| l.len() <= 76), "lines are folded");

    let fresh = Store::open_in_memory().unwrap();
    let report = import(&fresh, &file);
    assert_eq!(report.people_added as usize, n);
    let people_of = |s: &Store| -> Vec<(String, String, String)> {
        s.read(|c| {
            let mut stmt = c.prepare(
                "SELECT c.name, p.name, p.phone FROM people p JOIN customers c ON c.id = p.customer_id \
                 WHERE p.deleted_at IS NULL AND c.deleted_at IS NULL ORDER BY 1, 2, 3",
            )?;
            Ok(stmt
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<rusqlite::Result<_>>()?)
        })
        .unwrap()
    };
    assert_eq!(people_of(&fresh), people_of(&store));
}
