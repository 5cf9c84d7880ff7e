//! Issue 14: the app's demo is in the chosen language throughout — no
//! English phrase or name in a Chinese demo, no Chinese in an English one —
//! and it is dated to the day it is loaded, with today's and this week's
//! follow-ups waiting on the best customers.

use baton::demo::{self, DemoLang, DemoOptions};
use baton::{Store, history::followups};

/// Every text a person reads in the book, with where it came from.
fn texts(store: &Store) -> Vec<(String, String)> {
    const COLUMNS: &[(&str, &str)] = &[
        (
            "customers",
            "name, short_name, industry, region, address, tags, notes, revenue_band, operating_condition, organisation, \
             culture, industry_standing, prospects, need_stated, need_real, need_unstated, need_delight, need_secret, \
             competitors, lost_reason, owner",
        ),
        (
            "people",
            "name, title, department, personality, interests, experience, background, origin, education, notes, known_by",
        ),
        ("contacts", "subject, summary, outcome, objection_note, next_step"),
        ("followups", "title"),
        ("deals", "description"),
        ("satisfaction_checks", "comment"),
        ("assessments", "assessor, scores"),
        (
            "handover_notes",
            "key_relationships, open_promises, risks, next_steps, written_by",
        ),
        ("handover_checklist", "label, taken_over_by"),
    ];
    let mut out = Vec::new();
    store
        .read(|c| {
            for (table, columns) in COLUMNS {
                for column in columns.split(", ") {
                    let mut stmt = c.prepare(&format!("SELECT {column} FROM {table}"))?;
                    let mut rows = stmt.query([])?;
                    while let Some(r) = rows.next()? {
                        let text: String = r.get(0)?;
                        out.push((format!("{table}.{column}"), text));
                    }
                }
            }
            Ok(())
        })
        .unwrap();
    out
}

/// The Latin words in a text, leaving out what is Latin in any language:
/// JSON keys and values of the format (dimension, layer…), PO numbers.
fn latin_words(text: &str) -> Vec<String> {
    let value: Option<serde_json::Value> = serde_json::from_str(text)
        .ok()
        .filter(|v: &serde_json::Value| !v.is_string());
    let mut strings = Vec::new();
    match value {
        Some(v) => collect_strings(&v, &mut strings),
        None => strings.push(text.to_string()),
    }
    strings
        .iter()
        .flat_map(|s| {
            s.split(|c: char| !c.is_ascii_alphabetic())
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .filter(|w| w.len() >= 2 && !["PO", "ABB"].contains(&w.as_str()))
        .collect()
}

/// The human strings of a JSON document: values of keys that hold text.
fn collect_strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Array(items) => items.iter().for_each(|i| collect_strings(i, out)),
        serde_json::Value::Object(map) => {
            for (key, value) in map {
                match (key.as_str(), value) {
                    ("name" | "notes" | "evidence" | "step", serde_json::Value::String(s)) => out.push(s.clone()),
                    (_, serde_json::Value::String(_)) => {}
                    _ => collect_strings(value, out),
                }
            }
        }
        serde_json::Value::String(s) => out.push(s.clone()),
        _ => {}
    }
}

fn demo(lang: DemoLang) -> Store {
    let store = Store::open_in_memory().unwrap();
    demo::fill_with(&store, 80, 3, &DemoOptions::for_today(lang), None).unwrap();
    store
}

#[test]
fn a_chinese_demo_has_no_english_in_it() {
    let store = demo(DemoLang::Zh);
    let english: Vec<(String, String)> = texts(&store)
        .into_iter()
        .filter(|(_, text)| !latin_words(text).is_empty())
        .take(5)
        .collect();
    assert!(english.is_empty(), "English in the Chinese demo: {english:?}");
}

#[test]
fn an_english_demo_has_no_chinese_in_it() {
    let store = demo(DemoLang::En);
    let chinese: Vec<(String, String)> = texts(&store)
        .into_iter()
        .filter(|(_, text)| {
            text.chars()
                .any(|c| ('\u{3000}'..='\u{9fff}').contains(&c) || c == '，')
        })
        .take(5)
        .collect();
    assert!(chinese.is_empty(), "Chinese in the English demo: {chinese:?}");
}

#[test]
fn the_mixed_demo_still_mixes() {
    let store = Store::open_in_memory().unwrap();
    demo::fill(&store, 80, 3).unwrap();
    let names: Vec<String> = texts(&store)
        .into_iter()
        .filter(|(place, _)| place == "customers.name")
        .map(|(_, n)| n)
        .collect();
    assert!(names.iter().any(|n| n.is_ascii()) && names.iter().any(|n| !n.is_ascii()));
}

#[test]
fn the_demo_has_a_day_of_work_waiting_on_its_best_customers() {
    let store = demo(DemoLang::Zh);
    let today = baton::clock::local_today();
    let week_end = today + chrono::Duration::days(7);
    let open: Vec<(String, Option<String>)> = store
        .read(|c| {
            let mut out = Vec::new();
            baton::record::for_each::<followups::FollowUp>(c, |f| {
                if f.is_open() && f.deleted_at.is_none() {
                    let tier: Option<String> =
                        c.query_row("SELECT tier FROM customers WHERE id = ?1", [&f.customer_id], |r| {
                            r.get(0)
                        })?;
                    out.push((f.due_on.clone(), tier));
                }
                Ok(())
            })?;
            Ok(out)
        })
        .unwrap();
    let due_today: Vec<_> = open.iter().filter(|(d, _)| *d == today.to_string()).collect();
    let this_week = open
        .iter()
        .filter(|(d, _)| *d > today.to_string() && *d <= week_end.to_string())
        .count();
    assert!(due_today.len() >= 3, "due today: {due_today:?}");
    assert!(this_week >= 5, "due this week: {this_week}");
    assert!(
        due_today.iter().all(|(_, t)| matches!(t.as_deref(), Some("S" | "A"))),
        "today's work is on the best customers: {due_today:?}"
    );
    // Dated to the day it is loaded: nothing happened after now.
    let latest: String = store
        .read(|c| Ok(c.query_row("SELECT max(happened_at) FROM contacts", [], |r| r.get(0))?))
        .unwrap();
    assert!(latest <= baton::clock::now(), "no contact in the future: {latest}");
    assert!(
        latest >= (chrono::Utc::now() - chrono::Duration::days(30)).to_rfc3339(),
        "recent history: {latest}"
    );
}

#[test]
fn the_cli_writes_the_demo_in_the_language_asked_and_refuses_another() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("en.db");
    crate::baton_ok(&db, &["demo", "--customers", "12", "--lang", "en"]);
    let store = Store::open(&db).unwrap();
    let names: Vec<String> = texts(&store)
        .into_iter()
        .filter(|(place, _)| place == "customers.name")
        .map(|(_, n)| n)
        .collect();
    assert_eq!(names.len(), 12);
    assert!(names.iter().all(|n| n.is_ascii()), "{names:?}");
    let bad = dir.path().join("fr.db");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_baton"))
        .arg("--db")
        .arg(&bad)
        .args(["demo", "--lang", "fr"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(!bad.exists(), "a refused flag creates no book");
}
