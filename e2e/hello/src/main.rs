//! Hello, world: a window and a page, nothing else.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    if let Err(e) = tauri::Builder::default().run(tauri::generate_context!()) {
        eprintln!("baton-hello: {e}");
        std::process::exit(1);
    }
}
