//! Baton desktop app: a thin Tauri 2 shell over the `baton` core.
//!
//! Commands take arguments, call the core, and return; every error crosses
//! IPC as `{code, message}` (see [`error`]). The book is chosen by `--db PATH`,
//! then `BATON_DB`, then the default file in the user's data directory.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
#[cfg(test)]
mod contract;
mod error;
mod idle_memory;
mod log;
mod reminders;
mod render;
mod shown;
mod stalls;
mod state;
mod tidy;
mod warm;

/// How long after the first screen's reads the first card's reads are made
/// ahead and today's backup is taken.
const BACKUP_AFTER: std::time::Duration = std::time::Duration::from_millis(1500);

fn main() {
    // First: it sets WebKit's environment, which only a single thread may.
    let cpu_painting = render::choose();
    idle_memory::fix_thresholds();
    let _log = log::start();
    if cpu_painting {
        tracing::info!("no GPU render node: the webview paints on the CPU, without compositing");
    }
    // The book opens on a thread of its own while the window and WebKit's
    // processes come up: opened first, it held the window back by 200-600
    // ms on a cold start of the 100k book (issue 18). It is joined in
    // `setup`, before the page can load or call a command (both wait for
    // the main thread's event loop, which runs after `setup`).
    let opening = std::thread::spawn(|| {
        let state = state::AppState::open(state::book_path_from(std::env::args().skip(1)));
        *state.file_to_open.lock().unwrap_or_else(|p| p.into_inner()) =
            state::file_to_open(std::env::args().skip(1)).map(|p| p.display().to_string());
        if let Some(e) = state.open_error() {
            // The window still opens and explains the problem in the user's
            // language; stderr is for whoever launched us from a terminal.
            eprintln!("baton: {}", e.message);
        }
        state
    });
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(
            // Not its visibility: the window is shown by `shown`.
            tauri_plugin_window_state::Builder::default()
                .with_state_flags(
                    tauri_plugin_window_state::StateFlags::all() - tauri_plugin_window_state::StateFlags::VISIBLE,
                )
                .build(),
        )
        .manage(std::sync::Arc::new(stalls::Stalls::default()))
        .setup(move |app| {
            use tauri::Manager;
            let state = opening.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            app.manage(state);
            let probe = app.state::<std::sync::Arc<stalls::Stalls>>().inner().clone();
            stalls::start(app.handle().clone(), probe);
            let warming = warm::start(app.handle());
            // Once the first screen's reads are done and it is painted, the
            // first card's reads are made ahead, then the first start of
            // each day backs the book up (and prunes): reading the whole
            // book beside the first screen slowed a cold start by half a
            // second (issue 18).
            let handle = app.handle().clone();
            std::thread::spawn(move || {
                warming.wait();
                std::thread::sleep(BACKUP_AFTER);
                warm::after_first_screen(&handle);
                commands::book::backups::take_daily(&handle.state::<state::AppState>())
            });
            shown::at_the_latest(app.handle().clone());
            reminders::start(app.handle().clone());
            tidy::start(app.handle().clone());
            idle_memory::start(app.handle().clone());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app::app_info,
            commands::app::app_events,
            commands::app::app_log,
            commands::app::app_open_log_folder,
            commands::app::app_open_link,
            commands::app::demo_fill,
            commands::app::drafts::drafts_get,
            commands::app::drafts::drafts_save,
            commands::app::drafts::drafts_clear,
            commands::app::drafts::app_set_unsaved,
            commands::app::drafts::app_close,
            commands::app::dialogs::dialog_open,
            commands::app::dialogs::dialog_save,
            commands::customers::customers_list,
            commands::customers::customers_list_ids,
            commands::customers::customers_tags,
            commands::customers::customers_get,
            commands::customers::customers_create,
            commands::customers::customers_update,
            commands::customers::customers_bulk,
            commands::customers::customers_delete,
            commands::history::contacts_create,
            commands::history::timeline_page,
            commands::history::followups_board,
            commands::history::followups_done,
            commands::history::contacts_update,
            commands::history::followups_reschedule,
            commands::history::followups_cancel,
            commands::history::followups_reopen,
            commands::history::followups_edit,
            commands::history::followups_clear_backlog,
            commands::history::followups_ics,
            commands::customers::people::people_create,
            commands::customers::people::people_update,
            commands::customers::people::people_delete,
            commands::book::trash::trash_list,
            commands::book::trash::trash_move,
            commands::book::trash::trash_restore,
            commands::book::trash::trash_empty,
            commands::app::settings::settings_get,
            commands::app::settings::settings_save,
            commands::value::value_get,
            commands::value::deals_create,
            commands::value::deals_update,
            commands::value::tiers_decide,
            commands::value::satisfaction_create,
            commands::value::satisfaction_update,
            commands::value::value_board,
            commands::relationship::relationship_get,
            commands::relationship::relationship_scales,
            commands::relationship::assessments_create,
            commands::relationship::assessments_update,
            commands::relationship::assessments_plan_followup,
            commands::relationship::customers_set_key,
            commands::relationship::key_board,
            commands::search::search,
            commands::handover::handover_note_get,
            commands::handover::handover_note_save,
            commands::handover::handover_overview,
            commands::handover::handover_export,
            commands::io::report::report_preview,
            commands::io::sheet::sheet_open,
            commands::customers::people::people_export_vcard,
            commands::io::sheet::sheet_plan,
            commands::io::sheet::sheet_import,
            commands::io::sheet::sheet_write_rejected,
            commands::io::unfiled::unfiled_list,
            commands::io::unfiled::unfiled_count,
            commands::io::unfiled::unfiled_file,
            commands::io::unfiled::unfiled_update,
            commands::io::unfiled::unfiled_delete,
            commands::handover::handover_undo_available,
            commands::io::report::report_export,
            commands::handover::handover_import,
            commands::handover::handover_undo_import,
            commands::app::jobs::job_cancel,
            stalls::app_stalls,
            commands::handover::conflicts_list,
            commands::handover::conflicts_resolve,
            commands::handover::backup_create,
            commands::handover::backup_restore,
            commands::book::backups::backups_list,
            commands::book::backups::backups_restore,
            commands::handover::checklist_get,
            commands::handover::checklist_tick,
        ])
        .on_page_load(shown::on_page_load)
        .on_window_event(|window, event| {
            ask_before_closing(window, event);
            remember_the_window(window, event);
        })
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("baton: the window could not start: {e}");
        std::process::exit(1);
    }
}

/// The window's size and position are saved half a second after it stops
/// moving, not only when it closes: a crash or a killed app still comes
/// back where it was.
fn remember_the_window(window: &tauri::Window, event: &tauri::WindowEvent) {
    use std::sync::atomic::{AtomicU64, Ordering};
    use tauri_plugin_window_state::{AppHandleExt, StateFlags};
    static LATEST: AtomicU64 = AtomicU64::new(0);
    if !matches!(event, tauri::WindowEvent::Resized(_) | tauri::WindowEvent::Moved(_)) {
        return;
    }
    let this = LATEST.fetch_add(1, Ordering::SeqCst) + 1;
    let app = tauri::Manager::app_handle(window).clone();
    std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(500));
        if LATEST.load(Ordering::SeqCst) == this
            && let Err(e) = app.save_window_state(StateFlags::all())
        {
            tracing::warn!(error = %e, "the window's place could not be saved");
        }
    });
}

/// Closing the window with unsaved work in a form asks first: the close is
/// held and the page shows save / discard / stay; `app_close` then closes it.
fn ask_before_closing(window: &tauri::Window, event: &tauri::WindowEvent) {
    use tauri::Manager;
    if let tauri::WindowEvent::CloseRequested { api, .. } = event {
        let unsaved = window
            .try_state::<state::AppState>()
            .is_some_and(|s| s.unsaved.load(std::sync::atomic::Ordering::SeqCst));
        if let Some(page) = window.get_webview_window(window.label()).filter(|_| unsaved) {
            // Held only if the page can be asked; otherwise it closes as usual.
            match page.eval("window.__batonCloseRequested && window.__batonCloseRequested()") {
                Ok(()) => api.prevent_close(),
                Err(e) => eprintln!("baton: could not ask about unsaved work: {e}"),
            }
        }
    }
}
