//! Desktop reminders of follow-ups: the core decides what to tell and when
//! (`baton::history::followups::reminders`); this says it in the user's language as
//! a notification. Clicking one brings the window forward on Today.
//!
//! notify-rust (the library under Tauri's notification plugin) is used
//! directly: the plugin reports no click on the desktop, and notify-rust
//! does on Linux (`wait_for_action`). Elsewhere the notification shows and
//! a click simply focuses the app, as the OS does. The page hears of the
//! click on the channel it gave `app_events` (no event permission needed).
//!
//! Tests replace the desktop with a file: `BATON_TEST_NOTIFY_LOG` names a
//! file each notification is appended to as a JSON line, and with
//! `BATON_TEST_NOTIFY_CLICK` set each one counts as clicked.

use std::io::Write;
use std::time::Duration;

use baton::enums::Language;
use baton::history::followups::reminders::{Notice, Reminders};
use tauri::{AppHandle, Manager, Runtime};

use crate::state::AppState;

/// How often the app looks for follow-ups falling due.
const EVERY: Duration = Duration::from_secs(30);
/// The first look, once the window is up (`BATON_TEST_REMINDERS_AFTER_MS`
/// lets a test look around first).
fn first() -> Duration {
    std::env::var("BATON_TEST_REMINDERS_AFTER_MS")
        .ok()
        .and_then(|ms| ms.parse().ok())
        .map_or(Duration::from_secs(2), Duration::from_millis)
}

/// Starts the reminder loop (a thread; it ends with the app).
pub fn start<R: Runtime>(app: AppHandle<R>) {
    std::thread::spawn(move || {
        let mut reminders = Reminders::new();
        std::thread::sleep(first());
        loop {
            let state = app.state::<AppState>();
            if let Ok(store) = state.store() {
                let now = chrono::Local::now().naive_local();
                let told = store.read(|c| {
                    let s = baton::settings::get(c)?;
                    Ok((reminders.tick(c, now, &s)?, s.language))
                });
                match told {
                    Ok((notices, language)) => {
                        if !notices.is_empty() {
                            tracing::info!(count = notices.len(), "reminders shown");
                        }
                        for n in notices {
                            show(&app, &words(&n, zh(language)));
                        }
                    }
                    Err(e) => eprintln!("baton: reminders could not read the book: {e}"),
                }
            }
            std::thread::sleep(EVERY);
        }
    });
}

fn zh(language: Language) -> bool {
    match language {
        Language::Zh => true,
        Language::En => false,
        Language::System => ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| std::env::var(k).ok())
            .find(|v| !v.is_empty())
            .is_some_and(|v| v.starts_with("zh")),
    }
}

/// A notification's title and body.
#[derive(serde::Serialize, ts_rs::TS)]
struct Words {
    title: String,
    body: String,
}

fn words(n: &Notice, zh: bool) -> Words {
    match (n, zh) {
        (Notice::Summary { due_today, overdue }, true) => Words {
            title: "今日跟进".into(),
            body: [(due_today, "今天到期"), (overdue, "逾期")]
                .iter()
                .filter(|(n, _)| **n > 0)
                .map(|(n, what)| format!("{what} {n} 条"))
                .collect::<Vec<_>>()
                .join("，"),
        },
        (Notice::Summary { due_today, overdue }, false) => Words {
            title: "Follow-ups".into(),
            body: [(due_today, "due today"), (overdue, "overdue")]
                .iter()
                .filter(|(n, _)| **n > 0)
                .map(|(n, what)| format!("{n} {what}"))
                .collect::<Vec<_>>()
                .join(", "),
        },
        (Notice::Due { title, customer, .. }, true) => Words {
            title: format!("跟进到期：{customer}"),
            body: title.clone(),
        },
        (Notice::Due { title, customer, .. }, false) => Words {
            title: format!("Follow-up due: {customer}"),
            body: title.clone(),
        },
    }
}

fn show<R: Runtime>(app: &AppHandle<R>, w: &Words) {
    if let Some(log) = std::env::var_os("BATON_TEST_NOTIFY_LOG") {
        let line = serde_json::to_string(w).unwrap_or_default();
        let written = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&log)
            .and_then(|mut f| writeln!(f, "{line}"));
        if let Err(e) = written {
            eprintln!("baton: the test notification log: {e}");
        }
        if std::env::var_os("BATON_TEST_NOTIFY_CLICK").is_some() {
            clicked(app);
        }
        return;
    }
    let mut n = notify_rust::Notification::new();
    n.appname("Baton").summary(&w.title).body(&w.body).icon("baton-app");
    #[cfg(all(unix, not(target_os = "macos")))]
    n.action("default", &w.title);
    match n.show() {
        Ok(_handle) => {
            #[cfg(all(unix, not(target_os = "macos")))]
            {
                let app = app.clone();
                std::thread::spawn(move || {
                    _handle.wait_for_action(|action| {
                        if action == "default" {
                            clicked(&app);
                        }
                    })
                });
            }
        }
        // No notification service (a bare X session): nothing to show it on.
        Err(e) => eprintln!("baton: a reminder could not be shown: {e}"),
    }
}

/// The user clicked a reminder: the window comes forward on Today.
fn clicked<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
    app.state::<AppState>().tell_page(crate::state::PageEvent::OpenToday);
}
