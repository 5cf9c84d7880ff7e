//! Reminders and the calendar file (issue 15): what is told at start, what
//! is told while the app stays open, quiet hours, and .ics events whose UIDs
//! stay put so a calendar updates rather than doubles them.

use baton::enums::Channel;
use baton::history::contacts::{self, ContactDraft};
use baton::history::followups::reminders::{self, Notice, Reminders};
use baton::history::followups::{self, Reschedule};
use baton::settings::Settings;
use baton::{Store, customers};
use chrono::{Duration, NaiveDate, NaiveDateTime};

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
}

fn at(d: NaiveDate, hm: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(&format!("{d} {hm}"), "%Y-%m-%d %H:%M").unwrap()
}

/// A contact with a next step due `due`; returns the follow-up's id.
fn step(store: &Store, customer: &str, title: &str, due: NaiveDate) -> String {
    let mut draft = ContactDraft::new("2026-11-01T09:00:00Z", Channel::Phone, title);
    draft.next_step = title.into();
    draft.next_due = Some(due.to_string());
    store.write(|tx| contacts::create(tx, customer, draft)).unwrap();
    store
        .read(|c| Ok(c.query_row("SELECT id FROM followups WHERE title = ?1", [title], |r| r.get(0))?))
        .unwrap()
}

fn book() -> (Store, String) {
    let store = Store::open_in_memory().unwrap();
    let c = store
        .write(|tx| customers::create(tx, crate::card("华东电力")))
        .unwrap();
    (store, c.id)
}

#[test]
fn the_start_says_how_many_then_each_step_falling_due_is_told_once() {
    let (store, c) = book();
    let d = day();
    step(&store, &c, "寄样品", d);
    step(&store, &c, "回访", d);
    step(&store, &c, "催款", d - Duration::days(3));
    let later = step(&store, &c, "报价", d + Duration::days(1));
    let s = Settings::default(); // quiet 22:00–08:00
    let mut r = Reminders::new();
    let tick = |r: &mut Reminders, now| store.read(|c| r.tick(c, now, &s)).unwrap();

    assert_eq!(tick(&mut r, at(d, "07:30")), vec![], "quiet hours: nothing yet");
    assert_eq!(
        tick(&mut r, at(d, "08:00")),
        vec![Notice::Summary {
            due_today: 2,
            overdue: 1
        }]
    );
    assert_eq!(tick(&mut r, at(d, "09:00")), vec![], "told once");

    // Moved to today while the app is open: told by itself.
    store
        .write(|tx| followups::reschedule(tx, &later, &Reschedule::To(d.to_string()), d))
        .unwrap();
    let told = tick(&mut r, at(d, "10:00"));
    assert!(
        matches!(&told[..], [Notice::Due { title, customer, .. }] if title == "报价" && customer == "华东电力"),
        "{told:?}"
    );
    assert_eq!(tick(&mut r, at(d, "10:01")), vec![]);

    // The next morning (after quiet hours) the day's own are told.
    let next = d + Duration::days(1);
    step(&store, &c, "拜访", next);
    assert_eq!(tick(&mut r, at(next, "00:30")), vec![], "quiet");
    let told = tick(&mut r, at(next, "08:05"));
    assert!(
        matches!(&told[..], [Notice::Due { title, .. }] if title == "拜访"),
        "{told:?}"
    );
}

#[test]
fn many_at_once_are_one_summary_and_reminders_off_say_nothing() {
    let (store, c) = book();
    let d = day();
    let mut r = Reminders::new();
    let s = Settings::default();
    assert_eq!(
        store.read(|x| r.tick(x, at(d, "09:00"), &s)).unwrap(),
        vec![],
        "nothing due: silent"
    );
    for i in 0..5 {
        step(&store, &c, &format!("第{i}件"), d);
    }
    assert_eq!(
        store.read(|x| r.tick(x, at(d, "09:01"), &s)).unwrap(),
        vec![Notice::Summary {
            due_today: 5,
            overdue: 0
        }]
    );

    let off = Settings {
        reminders: false,
        ..Settings::default()
    };
    let mut r = Reminders::new();
    assert_eq!(store.read(|x| r.tick(x, at(d, "12:00"), &off)).unwrap(), vec![]);
}

#[test]
fn quiet_hours_may_span_midnight_or_be_off() {
    let mut s = Settings::default();
    let t = |hm: &str| chrono::NaiveTime::parse_from_str(hm, "%H:%M").unwrap();
    assert!(reminders::quiet(&s, t("23:00")) && reminders::quiet(&s, t("03:00")));
    assert!(!reminders::quiet(&s, t("08:00")) && !reminders::quiet(&s, t("21:59")));
    s.quiet_from = "12:00".into();
    s.quiet_to = "13:30".into();
    assert!(reminders::quiet(&s, t("12:45")) && !reminders::quiet(&s, t("13:30")));
    s.quiet_from.clear();
    s.quiet_to.clear();
    assert!(!reminders::quiet(&s, t("03:00")));
    // Saving checks the times.
    let store = Store::open_in_memory().unwrap();
    s.quiet_from = "25:00".into();
    s.quiet_to = "08:00".into();
    let err = store.write(|tx| baton::settings::save(tx, &s)).unwrap_err();
    assert!(
        matches!(&err, baton::Error::Invalid(v) if v.field == "settings.quiet_from"),
        "{err:?}"
    );
}

#[test]
fn the_calendar_file_keeps_each_follow_ups_uid_and_a_change_raises_its_sequence() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("book.db")).unwrap();
    let c = store
        .write(|tx| customers::create(tx, crate::card("华东电力, 苏州; 分公司")))
        .unwrap();
    let id = step(&store, &c.id, "寄送样品：两套", day());
    let file = dir.path().join("跟进.ics");
    let write = || {
        let protected = store.protected();
        store
            .read(|x| followups::ics::write(x, &file, day(), &protected))
            .unwrap();
        std::fs::read_to_string(&file).unwrap()
    };
    let first = write();
    assert!(first.starts_with("BEGIN:VCALENDAR\r\n") && first.ends_with("END:VCALENDAR\r\n"));
    assert!(first.contains(&format!("UID:{id}@baton\r\n")), "{first}");
    assert!(first.contains("DTSTART;VALUE=DATE:20261130\r\nDTEND;VALUE=DATE:20261201\r\n"));
    assert!(
        first.contains("SUMMARY:华东电力\\, 苏州\\; 分公司 · 寄送样品：两套"),
        "{first}"
    );
    let seq = |text: &str| -> i64 {
        text.lines()
            .find_map(|l| l.strip_prefix("SEQUENCE:"))
            .unwrap()
            .trim()
            .parse()
            .unwrap()
    };

    std::thread::sleep(std::time::Duration::from_millis(1100));
    store
        .write(|tx| followups::reschedule(tx, &id, &Reschedule::PlusDay, day()))
        .unwrap();
    let second = write();
    assert_eq!(
        second.matches("BEGIN:VEVENT").count(),
        1,
        "the same event, not a second one"
    );
    assert!(second.contains(&format!("UID:{id}@baton\r\n")));
    assert!(second.contains("DTSTART;VALUE=DATE:20261201"));
    assert!(seq(&second) > seq(&first), "the newer version wins in a calendar");
}

/// The start's summary counts the overdue as Today counts them (issue 18:
/// it now uses the board's index counts): a trashed customer's and a
/// trashed contact's follow-ups are left out.
#[test]
fn the_start_summary_counts_the_overdue_as_today_does() {
    let (store, c) = book();
    let d = day();
    let other = store
        .write(|tx| customers::create(tx, crate::card("已删除的客户")))
        .unwrap()
        .id;
    for (i, back) in [1, 3, 6, 10, 29].into_iter().enumerate() {
        step(&store, &c, &format!("逾期{i}"), d - Duration::days(back));
    }
    step(&store, &other, "随客户删除", d - Duration::days(2));
    let gone = step(&store, &c, "随记录删除", d - Duration::days(20));
    let contact: String = store
        .read(|x| Ok(x.query_row("SELECT contact_id FROM followups WHERE id = ?1", [&gone], |r| r.get(0))?))
        .unwrap();
    store
        .write(|tx| {
            customers::delete(tx, &other)?;
            contacts::delete(tx, &contact)
        })
        .unwrap();
    let board = store.read(|x| followups::board(x, d, 14, 30)).unwrap();
    assert_eq!(board.overdue.total, 5);
    let mut r = Reminders::new();
    let told = store.read(|x| r.tick(x, at(d, "09:00"), &Settings::default())).unwrap();
    assert_eq!(
        told,
        vec![Notice::Summary {
            due_today: 0,
            overdue: 5
        }]
    );
}
