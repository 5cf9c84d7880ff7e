//! Issue 16: the corpus in tests/corpus/ (files written by make_corpus.py
//! to mimic each exporter; nobody real) brings the people and companies it
//! holds, into an empty book, with nothing refused and no email as a name.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use baton::enums::Tier;
use baton::io::sheet::{self, Choice, Field, Mapping, SheetImportOptions};
use baton::{Store, io::unfiled, io::vcard};

fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus").join(name)
}

/// What a file brought: live customers, key people, the tray.
#[derive(Debug, PartialEq, Eq)]
struct Arrived {
    customers: i64,
    people: i64,
    unfiled: i64,
}

fn import(store: &Store, name: &str, values: &[(&str, &str)]) -> sheet::Plan {
    let path = corpus(name);
    let (table, mut mapping) = if name.ends_with(".vcf") {
        vcard::as_table(&vcard::read_file(&path).unwrap())
    } else {
        let table = sheet::read(&path).unwrap();
        let mapping = Mapping::guess(&table.headers);
        (table, mapping)
    };
    if !values.is_empty() {
        let words: BTreeMap<String, String> = values.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
        mapping.values.insert(Field::Tier, words);
    }
    let plan = store.read(|c| sheet::plan(c, &table, &mapping)).unwrap();
    let opts = SheetImportOptions {
        default_choice: Choice::Update,
        ..Default::default()
    };
    sheet::apply(store, &plan, &opts).unwrap();
    plan
}

fn arrived(store: &Store) -> Arrived {
    store
        .read(|c| {
            let n = |sql: &str| c.query_row(sql, [], |r| r.get::<_, i64>(0));
            Ok(Arrived {
                customers: n("SELECT count(*) FROM customers WHERE deleted_at IS NULL")?,
                people: n("SELECT count(*) FROM people WHERE deleted_at IS NULL")?,
                unfiled: unfiled::count(c)?,
            })
        })
        .unwrap()
}

fn names(store: &Store) -> Vec<String> {
    store
        .read(|c| {
            let mut stmt = c.prepare("SELECT name FROM people UNION ALL SELECT name FROM unfiled_people ORDER BY 1")?;
            Ok(stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?)
        })
        .unwrap()
}

#[test]
fn every_exporter_brings_its_people_and_companies() {
    // file, (customers, people, unfiled), a name that must arrive
    let cases: &[(&str, (i64, i64, i64), &str)] = &[
        ("iphone.vcf", (3, 4, 2), "老周(远航物流)"),
        ("android.vcf", (1, 1, 7), "李工-恒昌"),
        ("thunderbird.vcf", (2, 2, 1), "Jean Dupont"),
        ("outlook.csv", (2, 3, 1), "Dr. Robert J. Miller Jr."),
        ("google.csv", (2, 3, 2), "Ms. Laura Bianchi"),
        ("salesforce.csv", (3, 4, 0), "王芳"),
        ("hubspot.csv", (1, 1, 5), "Mia Wong"),
        ("linkedin.csv", (3, 3, 1), "Raj Patel"),
        ("thunderbird-en.csv", (2, 2, 1), "周小川"),
        ("thunderbird-de.csv", (2, 2, 1), "Marta Kowalska"),
        ("thunderbird-fr.csv", (2, 2, 1), "Jean Dupont"),
        ("thunderbird-zh.csv", (2, 2, 1), "周小川"),
        ("wps-shops.xlsx", (2, 2, 0), "王老板"),
    ];
    for (file, (customers, people, tray), name) in cases {
        let store = Store::open_in_memory().unwrap();
        let plan = import(&store, file, &[]);
        assert!(plan.rejected.is_empty(), "{file}: {:?}", plan.rejected);
        let got = arrived(&store);
        assert_eq!(
            got,
            Arrived {
                customers: *customers,
                people: *people,
                unfiled: *tray
            },
            "{file}"
        );
        let all = names(&store);
        assert!(all.iter().any(|n| n == name), "{file}: {name} not among {all:?}");
        assert!(
            all.iter().all(|n| !n.contains('@')),
            "{file}: an email is never a name: {all:?}"
        );
    }
}

#[test]
fn a_crm_template_with_its_own_tier_words_in_xls_and_xlsx() {
    for file in ["crm-template.xls", "crm-template.xlsx"] {
        let store = Store::open_in_memory().unwrap();
        let plan = import(&store, file, &[("高", "A"), ("中", "B"), ("低", "C")]);
        assert!(
            plan.rejected.is_empty() && plan.warnings.is_empty(),
            "{file}: {:?}",
            plan.warnings
        );
        assert_eq!(
            arrived(&store),
            Arrived {
                customers: 4,
                people: 4,
                unfiled: 0
            },
            "{file}"
        );
        let tiers: Vec<(String, Option<Tier>)> = store
            .read(|c| {
                let mut stmt = c.prepare("SELECT name, tier FROM customers ORDER BY name")?;
                Ok(stmt
                    .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                    .collect::<rusqlite::Result<_>>()?)
            })
            .unwrap();
        let tier_of = |n: &str| tiers.iter().find(|t| t.0 == n).unwrap().1;
        assert_eq!(tier_of("苏州恒达机械有限公司"), Some(Tier::A), "{file}");
        assert_eq!(tier_of("常州小五金店"), Some(Tier::C), "{file}");
        // 客户来源 (where the customer came from) is kept as a tag.
        let tags: String = store
            .read(|c| {
                Ok(c.query_row(
                    "SELECT tags FROM customers WHERE name = '无锡新材料有限公司'",
                    [],
                    |r| r.get(0),
                )?)
            })
            .unwrap();
        assert_eq!(tags, "[\"转介绍\"]", "{file}");
        // 备注 on a row naming a person is that person's (钱立群 决策人).
        let notes: String = store
            .read(|c| Ok(c.query_row("SELECT notes FROM people WHERE name = '钱立群'", [], |r| r.get(0))?))
            .unwrap();
        assert_eq!(notes, "決策人，喜欢打球", "{file}");
        // A phone typed as a number is read as its digits.
        let phone: String = store
            .read(|c| Ok(c.query_row("SELECT phone FROM people WHERE name = '李工'", [], |r| r.get(0))?))
            .unwrap();
        assert_eq!(phone, "13800000001", "{file}");
    }
}

#[test]
fn a_phone_export_s_guesses_name_the_companies_in_the_cards() {
    let store = Store::open_in_memory().unwrap();
    let plan = import(&store, "android.vcf", &[]);
    let guesses: Vec<(&str, &str)> = plan
        .unfiled
        .iter()
        .filter_map(|u| u.guess.as_ref().map(|g| (u.card.name.as_str(), g.company.as_str())))
        .collect();
    assert_eq!(
        guesses,
        [
            ("王总 华新建材", "华新建材"),
            ("李工-恒昌", "恒昌"),
            ("刘经理", "常州精工模具有限公司"),
            ("赵敏", "Xinliang-materials"),
        ]
    );
}
