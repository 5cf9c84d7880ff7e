//! How the webview paints: on the GPU where there is one, on the CPU where
//! there is none.
//!
//! WebKitGTK composites the page with OpenGL. With no GPU (a virtual
//! machine, a remote desktop, Xvfb) OpenGL is Mesa's llvmpipe: the page's
//! layers are drawn by shaders run on the CPU, beside the page's own work.
//! On the 100k book, opening a customer's card spent half the web
//! process's time in llvmpipe's threads; painting on the CPU directly
//! halved the time from the click to the card painted (issue 18,
//! `e2e/measure_app.py`). A machine with a GPU has a render node under
//! /dev/dri and keeps WebKit's default.

use std::path::Path;

/// Where the system's GPUs are listed (one `renderD*` node each).
const DRI: &str = "/dev/dri";

/// Whether the page should be painted on the CPU: no GPU render node, and
/// the user did not choose (`WEBKIT_DISABLE_COMPOSITING_MODE`, which WebKit
/// reads itself, or `BATON_GPU=1` to keep the GPU path).
pub fn paint_on_cpu(dri: &Path, user_chose: bool) -> bool {
    !user_chose && !has_render_node(dri)
}

fn has_render_node(dri: &Path) -> bool {
    std::fs::read_dir(dri).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with("renderD"))
    })
}

/// Applies the choice to the window's webview (Linux: WebKitGTK's
/// hardware acceleration policy; elsewhere the system webview decides).
pub fn apply<R: tauri::Runtime>(window: &tauri::WebviewWindow<R>) {
    let user_chose = ["WEBKIT_DISABLE_COMPOSITING_MODE", "BATON_GPU"]
        .iter()
        .any(|k| std::env::var_os(k).is_some());
    if !paint_on_cpu(Path::new(DRI), user_chose) {
        return;
    }
    #[cfg(target_os = "linux")]
    {
        let done = window.with_webview(|webview| {
            use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
            if let Some(settings) = WebViewExt::settings(&webview.inner()) {
                settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
            }
        });
        if let Err(e) = done {
            tracing::warn!(error = %e, "could not set the webview to paint on the CPU");
        }
    }
    tracing::info!("no GPU render node: the webview paints on the CPU");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paints_on_the_cpu_only_without_a_render_node_and_without_a_choice() {
        let dir = tempfile::tempdir().unwrap();
        let dri = dir.path().join("dri");
        // No /dev/dri at all (Xvfb, most virtual machines).
        assert!(paint_on_cpu(&dri, false));
        // A card node alone is no render node.
        std::fs::create_dir(&dri).unwrap();
        std::fs::write(dri.join("card0"), "").unwrap();
        assert!(paint_on_cpu(&dri, false));
        // The user's choice stands either way.
        assert!(!paint_on_cpu(&dri, true));
        std::fs::write(dri.join("renderD128"), "").unwrap();
        assert!(!paint_on_cpu(&dri, false));
    }
}
