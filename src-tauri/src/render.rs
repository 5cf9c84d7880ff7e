//! How the webview paints: on the GPU where there is one, on the CPU where
//! there is none.
//!
//! WebKitGTK rasterizes the page's layers with OpenGL. With no GPU (a
//! virtual machine, a remote desktop, Xvfb) OpenGL is Mesa's llvmpipe: the
//! layers are drawn by shaders run on the CPU, beside the page's own work.
//! On the 100k book, opening a customer's card spent half the web
//! process's time in llvmpipe's threads. WebKit's own CPU rasterizer
//! (Skia's) nearly halved the time from the click to the card painted,
//! but its layers were still composited by llvmpipe, every frame: a third
//! of all the CPU time while clicking through cards. Without compositing
//! the page is painted straight into the window: a keystroke's results
//! painted in 40 ms instead of 100, and the web process holds ~60 MB less
//! (issue 18, `e2e/measure_app.py`). WebKitWebDriver's screenshot then
//! waits for the page's next paint, which an idle page never makes: the
//! e2e harness keeps a pixel repainting while it takes one
//! (`e2e/harness.py`). A machine with a GPU has a render node under
//! /dev/dri and keeps WebKit's default.

use std::path::Path;

/// Where the system's GPUs are listed (one `renderD*` node each).
const DRI: &str = "/dev/dri";

/// WebKit's switch to its CPU rasterizer, read by its web process.
const CPU_RENDERING: &str = "WEBKIT_SKIA_ENABLE_CPU_RENDERING";
/// WebKit's switch that paints the page without compositing its layers.
const NO_COMPOSITING: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// Whether the page should be painted on the CPU: no GPU render node, and
/// the user did not choose (WebKit's own variables, or `BATON_GPU=1` to
/// keep the GPU path).
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

/// Chooses before anything else runs: WebKit's web process inherits this
/// process's environment. Returns whether the page paints on the CPU.
#[allow(unsafe_code)]
pub fn choose() -> bool {
    let user_chose = [CPU_RENDERING, NO_COMPOSITING, "BATON_GPU"]
        .iter()
        .any(|k| std::env::var_os(k).is_some());
    let cpu = paint_on_cpu(Path::new(DRI), user_chose);
    if cpu {
        // SAFETY: called first thing in `main`, before any thread exists,
        // so nothing can read the environment while it changes.
        unsafe { std::env::set_var(NO_COMPOSITING, "1") };
    }
    cpu
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
