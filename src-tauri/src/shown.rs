//! The window is created hidden and shown once its page has loaded.
//!
//! Painting without compositing (`render.rs`), a window shown at once made
//! most cold starts of the measure wait: the page's navigation began a
//! near-constant ~500 ms later than on the others (1050 against 550 ms
//! after asking for the window), while the web process had started at the
//! same moment in both. With compositing on (6 cold starts), or with the
//! window shown once the page has loaded (15), none waited (issue 18,
//! `e2e/measure_app.py`). Half a second is the timeout WebKit's UI process
//! gives the web process's first backing store when the window is first
//! drawn; shown at once, that draw comes while the web process is still
//! starting. Shown when the load started instead of when it finished, one
//! start in 14 still waited, at its first paint: the page's own files come
//! through the UI process, which was waiting.
//!
//! It is also what a user sees: no blank window first.

use std::time::Duration;

use tauri::webview::{PageLoadEvent, PageLoadPayload};
use tauri::{AppHandle, Manager, Runtime, Webview};

/// How long the window may stay hidden if the page never loads: a window
/// is still better than none, even a blank one.
const AT_THE_LATEST: Duration = Duration::from_secs(5);

/// The page has loaded (or failed to): the window is shown.
pub fn on_page_load<R: Runtime>(webview: &Webview<R>, payload: &PageLoadPayload<'_>) {
    if payload.event() == PageLoadEvent::Finished {
        show(&webview.window());
    }
}

/// Shows every window still hidden after [`AT_THE_LATEST`].
pub fn at_the_latest<R: Runtime>(app: AppHandle<R>) {
    std::thread::spawn(move || {
        std::thread::sleep(AT_THE_LATEST);
        for window in app.webview_windows().into_values() {
            show(&window.as_ref().window());
        }
    });
}

fn show<R: Runtime>(window: &tauri::Window<R>) {
    if !window.is_visible().unwrap_or(true)
        && let Err(e) = window.show()
    {
        tracing::warn!("the window could not be shown: {e}");
    }
}
