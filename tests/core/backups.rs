//! Backups by themselves (issue 15): the daily backup, its rotation over a
//! simulated 90 days, the pre-import ones, the list and a restore that can
//! itself be undone.

use std::collections::BTreeSet;

use baton::store::backup::{self, BackupKind};
use baton::{Store, customers, demo};
use chrono::{Datelike, Duration, NaiveDate};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn daily_days(dir: &std::path::Path) -> BTreeSet<NaiveDate> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().to_string_lossy().to_string();
            let d = name.strip_prefix("daily-")?.strip_suffix(".db")?;
            NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()
        })
        .collect()
}

#[test]
fn ninety_days_of_daily_backups_keep_seven_days_four_weeks_and_six_months() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("book.db")).unwrap();
    demo::fill(&store, 3, 1).unwrap();
    let backups = dir.path().join("book-backups");

    let first = day("2026-06-01");
    let mut today = first;
    for _ in 0..90 {
        let taken = backup::daily(&store, today, Some(backups.clone())).unwrap();
        assert!(taken.is_some(), "the first start of {today} takes a backup");
        if today == first {
            // Not Baton's: never pruned.
            std::fs::write(backups.join("my-notes.txt"), "keep me").unwrap();
            std::fs::write(backups.join("daily-not-a-date.db"), "keep me").unwrap();
        }
        // A second start the same day takes none.
        assert_eq!(backup::daily(&store, today, Some(backups.clone())).unwrap(), None);
        today += Duration::days(1);
    }
    let last = today - Duration::days(1);
    let kept = daily_days(&backups);

    // The newest seven days, each one.
    for back in 0..7 {
        assert!(kept.contains(&(last - Duration::days(back))), "{back} days ago kept");
    }
    // One for each of the last four weeks, the newest day of the week.
    let weeks: BTreeSet<_> = kept
        .iter()
        .map(|d| (d.iso_week().year(), d.iso_week().week()))
        .collect();
    for back in 0..4 {
        let w = (last - Duration::weeks(back)).iso_week();
        assert!(weeks.contains(&(w.year(), w.week())), "week {} kept", w.week());
    }
    // One for each of the last six months it has lived through (June to
    // August: three), the newest day of each month.
    let months: BTreeSet<_> = kept.iter().map(|d| (d.year(), d.month())).collect();
    assert_eq!(months, BTreeSet::from([(2026, 6), (2026, 7), (2026, 8)]));
    assert!(kept.contains(&day("2026-06-30")) && kept.contains(&day("2026-07-31")));
    // And nothing else.
    assert!(kept.len() <= backup::KEEP_DAILY + backup::KEEP_WEEKLY + backup::KEEP_MONTHLY);
    assert!(!kept.contains(&day("2026-06-15")), "a mid-June day is pruned: {kept:?}");
    assert!(backups.join("my-notes.txt").exists() && backups.join("daily-not-a-date.db").exists());

    // Another 200 days: months beyond six are pruned too.
    for _ in 0..200 {
        backup::daily(&store, today, Some(backups.clone())).unwrap();
        today += Duration::days(1);
    }
    let kept = daily_days(&backups);
    let months: BTreeSet<_> = kept.iter().map(|d| (d.year(), d.month())).collect();
    assert_eq!(months.len(), backup::KEEP_MONTHLY, "{months:?}");
    assert!(kept.len() <= 17, "{} kept", kept.len());

    // Owner-only folder and files.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&backups), 0o700);
        let any = backups.join(format!("daily-{}.db", (today - Duration::days(1)).format("%Y-%m-%d")));
        assert_eq!(mode(&any), 0o600);
    }
}

#[test]
fn the_last_ten_pre_import_backups_are_kept_and_a_listed_backup_restores_undoably() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("book.db")).unwrap();
    demo::fill(&store, 4, 2).unwrap();
    backup::daily(&store, day("2026-11-30"), None).unwrap();
    for _ in 0..12 {
        backup::before(&store, "import", None).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(2)); // distinct names
    }
    let list = backup::list(&store).unwrap();
    let before: Vec<_> = list.iter().filter(|b| b.kind == BackupKind::BeforeImport).collect();
    assert_eq!(before.len(), backup::KEEP_BEFORE);
    assert!(list.iter().all(|b| b.customers == Some(4) && b.bytes > 0), "{list:?}");
    assert!(list.windows(2).all(|w| w[0].taken >= w[1].taken), "newest first");
    let daily = list.iter().find(|b| b.kind == BackupKind::Daily).unwrap();
    assert_eq!(daily.taken, "2026-11-30");

    // A new customer after the daily backup; restoring the daily one loses
    // it, and the backup taken first brings it back.
    store
        .write(|tx| customers::create(tx, crate::card("后来的客户")))
        .unwrap();
    let count = |s: &Store| {
        s.read(|c| baton::views::list::list(c, &Default::default()))
            .unwrap()
            .total
    };
    assert_eq!(count(&store), 5);
    let safety = baton::book::restore::named(&store, &daily.name, None).unwrap().unwrap();
    assert_eq!(count(&store), 4);
    let safety_name = std::path::Path::new(&safety)
        .file_name()
        .unwrap()
        .to_string_lossy()
        .to_string();
    assert!(safety_name.starts_with("before-restore-"), "{safety_name}");
    baton::book::restore::named(&store, &safety_name, None).unwrap();
    assert_eq!(count(&store), 5);

    // Only the folder's own backups, by name.
    for bad in [
        "../book.db",
        "book.db",
        "daily-2026-11-30.db/../../book.db",
        "notes.txt",
    ] {
        assert!(
            matches!(
                baton::book::restore::named(&store, bad, None),
                Err(baton::Error::NotFound { .. })
            ),
            "{bad}"
        );
    }
}

/// Closing the app while the day's backup of a big book was written left a
/// hidden staged copy as big as the book each time (found measuring issue
/// 18): the next backup clears those, and only those.
#[test]
fn a_backup_clears_the_staged_copies_a_killed_backup_left_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("book.db")).unwrap();
    let backups = dir.path().join("backups");
    std::fs::create_dir(&backups).unwrap();
    let put = |name: &str, age_secs: u64| {
        let path = backups.join(name);
        let file = std::fs::File::create(&path).unwrap();
        let at = std::time::SystemTime::now() - std::time::Duration::from_secs(age_secs);
        file.set_modified(at).unwrap();
        path
    };
    let left = [
        put(".daily-2026-12-01.db.Pt01ZP.part", 3600),
        put(".before-import-2026-12-01T08-15-02-117Z.db.x1Y2z3.part", 11 * 60),
    ];
    let kept = [
        // Another program's backup under way.
        put(".daily-2026-12-02.db.6uFMXi.part", 5),
        // Not Baton's staged backups.
        put(".notes.txt.abc123.part", 3600),
        put("daily-notes.part", 3600),
    ];
    backup::daily(&store, day("2026-12-02"), Some(backups.clone())).unwrap();
    for path in &left {
        assert!(!path.exists(), "{} was left behind", path.display());
    }
    for path in &kept {
        assert!(path.exists(), "{} was removed", path.display());
    }
    assert!(backups.join("daily-2026-12-02.db").exists());
}
