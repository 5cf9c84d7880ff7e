use baton::book::trash::{self, TrashKind};
use baton::customers::people::{self, PersonCard};
use baton::customers::{self, CustomerCard};
use baton::enums::Channel;
use baton::history::contacts::{self, ContactDraft};
use baton::search::{self, Group, HitKind, SearchQuery};
use baton::{Store, demo};

use crate::card;

/// (kind, id) of every hit, sorted.
fn ids(groups: &[Group]) -> Vec<(HitKind, String)> {
    let mut all: Vec<(HitKind, String)> = groups
        .iter()
        .flat_map(|g| g.hits.iter().map(|h| (h.kind, h.record_id.clone())))
        .collect();
    all.sort_by(|a, b| (a.0 as u8, &a.1).cmp(&(b.0 as u8, &b.1)));
    all
}

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 6, 30).unwrap()
}

fn query(text: &str, limit: usize) -> SearchQuery {
    SearchQuery {
        text: text.into(),
        limit: Some(limit),
        ..Default::default()
    }
}

fn find(store: &Store, q: &str) -> Vec<(HitKind, String)> {
    ids(&store.read(|c| search::search(c, &query(q, 10_000), today())).unwrap())
}

/// The brute-force answer: every live record whose searchable text contains
/// the term, by `instr()` over the same text.
/// Names also match by pinyin initials when the query looks like initials.
fn oracle(store: &Store, term: &str) -> Vec<(HitKind, String)> {
    let initials = search::initials_term(&[term.to_ascii_lowercase()]).is_some();
    let sql = format!(
        "SELECT d.kind, d.record_id FROM search_text d \
         JOIN customers c ON c.id = d.customer_id AND c.deleted_at IS NULL \
         WHERE d.deleted_at IS NULL \
         AND (instr(lower(d.title), lower(?1)) > 0 OR instr(lower(d.body), lower(?1)) > 0 {})",
        if initials {
            "OR (d.kind <> 'contact' AND instr(d.initials, lower(?1)) > 0)"
        } else {
            ""
        }
    );
    let sql = sql.as_str();
    let mut all: Vec<(HitKind, String)> = store
        .read(|c| {
            let mut stmt = c.prepare(sql)?;
            let rows = stmt
                .query_map([term], |r| {
                    let kind: String = r.get(0)?;
                    let kind = match kind.as_str() {
                        "customer" => HitKind::Customer,
                        "person" => HitKind::Person,
                        "note" => HitKind::Note,
                        _ => HitKind::Contact,
                    };
                    Ok((kind, r.get::<_, String>(1)?))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
        .unwrap();
    all.sort_by(|a, b| (a.0 as u8, &a.1).cmp(&(b.0 as u8, &b.1)));
    all
}

/// How many documents the indexes hold, over every kind; the same in
/// both indexes of each kind.
fn indexed(store: &Store) -> i64 {
    store
        .read(|c| {
            let mut all = 0;
            for k in ["customer", "person", "contact", "note"] {
                let count = |t: String| c.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get::<_, i64>(0));
                let fts = count(format!("search_fts_{k}"))?;
                assert_eq!(fts, count(format!("search_grams_{k}"))?, "both indexes of {k}");
                all += fts;
            }
            Ok(all)
        })
        .unwrap()
}

/// `count` random substrings of 1 to `max_len` characters (no whitespace) of
/// the book's indexed text, the same ones for the same seed.
fn substrings(store: &Store, seed: u64, count: usize, max_len: usize) -> Vec<String> {
    let texts: Vec<Vec<char>> = store
        .read(|c| {
            let mut stmt = c.prepare("SELECT title || char(10) || body FROM search_text ORDER BY doc")?;
            let rows = stmt
                .query_map([], |r| r.get::<_, String>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
        .unwrap()
        .into_iter()
        .map(|t| t.chars().collect())
        .collect();
    let mut rng = baton::demo::Rng::new(seed);
    let mut out = Vec::new();
    while out.len() < count {
        let text = &texts[rng.index(texts.len())];
        let len = 1 + rng.index(max_len);
        if text.len() < len {
            continue;
        }
        let start = rng.index(text.len() - len + 1);
        let q: String = text[start..start + len].iter().collect();
        if !q.chars().any(char::is_whitespace) {
            out.push(q);
        }
    }
    out
}

#[test]
fn hits_equal_a_brute_force_scan_for_random_chinese_and_latin_queries() {
    let store = Store::open_in_memory().unwrap();
    demo::fill(&store, 60, 7).unwrap();
    // Queries: substrings of the indexed text (so most hit), 1–5 characters,
    // plus a few that cannot hit.
    let mut queries: Vec<String> = vec![
        "华".into(),
        "华为".into(),
        "客户关系".into(),
        "zzq".into(),
        "不存在的词".into(),
    ];
    queries.extend(substrings(&store, 42, 295, 5));
    let mut hit = 0;
    for q in &queries {
        let expected = oracle(&store, q);
        hit += usize::from(!expected.is_empty());
        assert_eq!(find(&store, q), expected, "query {q:?}");
    }
    assert!(hit > 250, "the queries should mostly hit ({hit} of {})", queries.len());
}

#[test]
fn chinese_substrings_of_any_length_mixed_terms_and_case() {
    let store = Store::open_in_memory().unwrap();
    let hw = store
        .write(|tx| {
            customers::create(
                tx,
                CustomerCard {
                    name: "深圳华为技术有限公司".into(),
                    short_name: "华为".into(),
                    need_stated: "需要 P40 手机 200 台".into(),
                    ..Default::default()
                },
            )
        })
        .unwrap();
    let zx = store.write(|tx| customers::create(tx, card("中兴通讯 ZTE"))).unwrap();
    let zhang = store
        .write(|tx| {
            people::create(
                tx,
                &hw.id,
                PersonCard {
                    name: "张三".into(),
                    interests: "高尔夫、钓鱼".into(),
                    ..Default::default()
                },
            )
        })
        .unwrap();
    let visit = store
        .write(|tx| {
            contacts::create(
                tx,
                &zx.id,
                ContactDraft::new("2026-05-01T02:00:00.000Z", Channel::Visit, "讨论客户关系管理方案"),
            )
        })
        .unwrap();

    assert_eq!(find(&store, "华"), vec![(HitKind::Customer, hw.id.clone())]);
    assert_eq!(find(&store, "华为"), vec![(HitKind::Customer, hw.id.clone())]);
    assert_eq!(find(&store, "华为技术"), vec![(HitKind::Customer, hw.id.clone())]);
    assert_eq!(find(&store, "客户关系"), vec![(HitKind::Contact, visit.id.clone())]);
    assert_eq!(find(&store, "钓鱼"), vec![(HitKind::Person, zhang.id.clone())]);
    assert_eq!(
        find(&store, "zte"),
        vec![(HitKind::Customer, zx.id.clone())],
        "Latin is case-folded"
    );
    assert_eq!(
        find(&store, "p40 手机"),
        vec![(HitKind::Customer, hw.id.clone())],
        "mixed terms all match"
    );
    assert_eq!(find(&store, "P40 中兴"), vec![], "every term must match");
    assert_eq!(find(&store, "200台"), vec![], "a substring, not a bag of words");
    assert_eq!(
        find(&store, "hw"),
        vec![(HitKind::Customer, hw.id.clone())],
        "pinyin initials of 华为"
    );
    assert_eq!(
        find(&store, "ZS"),
        vec![(HitKind::Person, zhang.id.clone())],
        "张三, typed in capitals"
    );
    assert_eq!(find(&store, "zxtx"), vec![(HitKind::Customer, zx.id.clone())]);

    let groups = store.read(|c| search::search(c, &query("华为", 10), today())).unwrap();
    let title = bracketed(&groups[0].hits[0].title);
    assert_eq!(title, "深圳[华为]技术有限公司\n[华为]");
    let groups = store.read(|c| search::search(c, &query("p40", 10), today())).unwrap();
    let context = bracketed(&groups[0].hits[0].context);
    assert_eq!(context, "需要 [P40] 手机 200 台");
}

/// Marked pieces as text with the marks in brackets.
fn bracketed(pieces: &[search::Piece]) -> String {
    pieces
        .iter()
        .map(|p| {
            if p.mark {
                format!("[{}]", p.text)
            } else {
                p.text.clone()
            }
        })
        .collect()
}

#[test]
fn hostile_queries_never_error() {
    let store = Store::open_in_memory().unwrap();
    demo::fill(&store, 20, 3).unwrap();
    let long = "客".repeat(10_240);
    let queries = [
        "\"",
        "\"\"\"",
        "*",
        "华*",
        "NEAR(a b)",
        "a OR b",
        "(((",
        ")",
        "title:华为",
        "'; DROP TABLE customers; --",
        "^abc",
        "a AND NOT b",
        "😀",
        "😀客户",
        "\u{0}",
        "  ",
        "",
        long.as_str(),
    ];
    for q in queries {
        let result = store.read(|c| search::search(c, &query(q, 20), today()));
        assert!(result.is_ok(), "{q:.40?}: {result:?}");
    }
    assert!(
        store
            .read(|c| search::search(c, &query(&long, 20), today()))
            .unwrap()
            .is_empty()
    );
    let count: i64 = store
        .read(|c| Ok(c.query_row("SELECT count(*) FROM customers", [], |r| r.get(0))?))
        .unwrap();
    assert_eq!(count, 20);
}

#[test]
fn the_index_follows_edits_deletes_restores_and_hard_deletes() {
    let store = Store::open_in_memory().unwrap();
    let c = store.write(|tx| customers::create(tx, card("甲乙丙贸易"))).unwrap();
    let p = store
        .write(|tx| {
            people::create(
                tx,
                &c.id,
                PersonCard {
                    name: "王五".into(),
                    ..Default::default()
                },
            )
        })
        .unwrap();
    let k = store
        .write(|tx| {
            contacts::create(
                tx,
                &c.id,
                ContactDraft::new("2026-05-01T02:00:00.000Z", Channel::Phone, "报价跟进"),
            )
        })
        .unwrap();
    assert_eq!(find(&store, "甲乙丙").len(), 1);

    // Edit: the old text is gone, the new one is found.
    let mut edited = c.card.clone();
    edited.name = "丁戊己贸易".into();
    store.write(|tx| customers::update(tx, &c.id, edited)).unwrap();
    assert!(find(&store, "甲乙丙").is_empty());
    assert_eq!(find(&store, "丁戊己"), vec![(HitKind::Customer, c.id.clone())]);
    store
        .write(|tx| {
            people::update(
                tx,
                &p.id,
                PersonCard {
                    name: "赵六".into(),
                    ..Default::default()
                },
            )
        })
        .unwrap();
    assert!(find(&store, "王五").is_empty());
    assert_eq!(find(&store, "赵六"), vec![(HitKind::Person, p.id.clone())]);

    // Soft delete hides, restore brings back (the person and the contact
    // too, since they hang on the customer).
    store.write(|tx| people::delete(tx, &p.id)).unwrap();
    assert!(find(&store, "赵六").is_empty());
    store.write(|tx| trash::restore(tx, TrashKind::Person, &p.id)).unwrap();
    assert_eq!(find(&store, "赵六").len(), 1);
    store.write(|tx| customers::delete(tx, &c.id)).unwrap();
    assert!(find(&store, "丁戊己").is_empty());
    assert!(
        find(&store, "报价跟进").is_empty(),
        "a trashed customer's history is hidden"
    );
    store
        .write(|tx| trash::restore(tx, TrashKind::Customer, &c.id))
        .unwrap();
    assert_eq!(find(&store, "报价跟进"), vec![(HitKind::Contact, k.id.clone())]);

    // Emptying the trash removes the rows from the index itself.
    store.write(|tx| customers::delete(tx, &c.id)).unwrap();
    store.write(|tx| trash::empty(tx)).unwrap();
    assert_eq!(indexed(&store), 0);
    let fts: i64 = store
        .read(|c| {
            Ok(c.query_row(
                "SELECT count(*) FROM search_fts_customer WHERE search_fts_customer MATCH '\"贸易\"'",
                [],
                |r| r.get(0),
            )?)
        })
        .unwrap();
    assert_eq!(fts, 0, "the trigram index forgot them too");
    store
        .write(|c| {
            for t in [
                "search_fts_customer",
                "search_fts_person",
                "search_fts_contact",
                "search_grams_customer",
            ] {
                c.execute_batch(&format!("INSERT INTO {t} ({t}) VALUES ('integrity-check')"))?;
            }
            Ok(())
        })
        .unwrap_or_else(|e| panic!("FTS integrity: {e}"));
}

#[test]
fn filters_combine_with_the_text_and_the_limit_says_there_is_more() {
    use baton::enums::{Status, Tier};
    let store = Store::open_in_memory().unwrap();
    let make = |name: &str, tier: Option<Tier>, status: Status, key: bool, owner: &str, tag: &str| {
        store
            .write(|tx| {
                customers::create(
                    tx,
                    CustomerCard {
                        name: name.into(),
                        tier,
                        status,
                        is_key: key,
                        owner: owner.into(),
                        tags: vec![tag.into()],
                        ..Default::default()
                    },
                )
            })
            .unwrap()
            .id
    };
    let a = make("东方贸易", Some(Tier::S), Status::Active, true, "李娜", "华南");
    let b = make("西方贸易", Some(Tier::B), Status::Active, false, "王强", "华北");
    let c = make("南方贸易", Some(Tier::S), Status::Prospect, false, "李娜", "华南");
    store
        .write(|tx| contacts::create(tx, &b, ContactDraft::new(baton::clock::now(), Channel::Visit, "拜访")))
        .unwrap();
    let with = |f: &dyn Fn(&mut SearchQuery)| {
        let mut q = query("贸易", 50);
        f(&mut q);
        let mut got: Vec<String> = ids(&store
            .read(|conn| search::search(conn, &q, baton::clock::local_today()))
            .unwrap())
        .into_iter()
        .map(|(_, id)| id)
        .collect();
        got.sort();
        got
    };
    let sorted = |mut v: Vec<String>| {
        v.sort();
        v
    };
    assert_eq!(with(&|q| q.tier = Some(Tier::S)), sorted(vec![a.clone(), c.clone()]));
    assert_eq!(with(&|q| q.status = Some(Status::Prospect)), vec![c.clone()]);
    assert_eq!(with(&|q| q.key_only = true), vec![a.clone()]);
    assert_eq!(with(&|q| q.owner = Some("王强".into())), vec![b.clone()]);
    assert_eq!(
        with(&|q| q.tag = Some("华南".into())),
        sorted(vec![a.clone(), c.clone()])
    );
    // A customer created now is new, not dormant: made older, a (silent) is
    // dormant; b was visited today; c is a prospect, which silence does not change.
    assert!(with(&|q| q.dormant = true).is_empty(), "all three are new or prospects");
    for id in [&a, &b, &c] {
        store
            .write(|tx| {
                Ok(tx.execute(
                    "UPDATE customers SET created_at = '2020-01-01T00:00:00Z' WHERE id = ?1",
                    [id],
                )?)
            })
            .unwrap();
    }
    assert_eq!(with(&|q| q.dormant = true), vec![a.clone()]);
    assert_eq!(
        with(&|q| {
            q.tier = Some(Tier::S);
            q.owner = Some("李娜".into());
            q.key_only = true;
        }),
        vec![a.clone()]
    );

    let two = store
        .read(|conn| search::search(conn, &query("贸易", 2), today()))
        .unwrap();
    assert_eq!(two[0].hits.len(), 2);
    assert!(two[0].more);
    let all = store
        .read(|conn| search::search(conn, &query("贸易", 3), today()))
        .unwrap();
    assert!(!all[0].more);
}

#[test]
fn the_index_stays_exact_through_a_handover_import() {
    use baton::handover::{self, ExportOptions, ImportOptions};
    let dir = tempfile::tempdir().unwrap();
    let leaver = Store::open(&dir.path().join("a.db")).unwrap();
    demo::fill(&leaver, 30, 11).unwrap();
    let file = dir.path().join("h.baton");
    leaver
        .read(|c| handover::export(c, &ExportOptions::default(), &file))
        .unwrap();
    let successor = Store::open(&dir.path().join("b.db")).unwrap();
    // The successor already has a customer of their own, found before and after.
    successor
        .write(|tx| customers::create(tx, card("自己的客户甲乙")))
        .unwrap();
    handover::import(&successor, &file, &ImportOptions::default()).unwrap();
    for q in substrings(&successor, 7, 80, 4) {
        assert_eq!(find(&successor, &q), oracle(&successor, &q), "query {q:?} after import");
    }
    assert_eq!(find(&successor, "甲乙").len(), 1);
    // The search index of the successor matches the leaver's for the same records.
    assert_eq!(indexed(&successor), indexed(&leaver) + 1);
}
