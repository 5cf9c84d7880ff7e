//! The system's open and save dialogs, so no path is ever typed: each file
//! step asks for its kind of file with the right filter, starting in the
//! Documents folder with a sensible name. Called from Baton's own commands
//! (async: a dialog blocks, and must not block the window's thread), so the
//! webview needs no dialog permission. The core still refuses to write onto
//! the open book or its backups, whatever a dialog returns.
//!
//! The e2e test cannot click in a GTK dialog: with `BATON_TEST_DIALOG_ANSWERS`
//! naming a file, each dialog instead takes that file's first line as the
//! user's answer (empty: cancelled) and removes it.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;

use crate::error::CmdResult;

/// What a dialog is for: its filter.
#[derive(Debug, Clone, Copy, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    /// A handover file (.baton).
    Handover,
    /// The manager's report (.xlsx or .html).
    Report,
    /// A spreadsheet or phone export to import (.csv, .xlsx, .xls, .txt, .vcf).
    Sheet,
    /// A backup of the book (.db).
    Backup,
    /// The rows an import left out (.xlsx).
    Rejected,
    /// Key people as contact cards (.vcf).
    Vcard,
    /// Open follow-ups for a calendar (.ics).
    Calendar,
}

impl FileKind {
    fn filter(self, zh: bool) -> (&'static str, &'static [&'static str]) {
        let pick = |a, b| if zh { a } else { b };
        match self {
            FileKind::Handover => (pick("交接文件", "Handover file"), &["baton"]),
            FileKind::Report => (
                pick("Excel 表格或网页报告", "Workbook or web report"),
                &["xlsx", "html"],
            ),
            FileKind::Sheet => (
                pick("表格或通讯录", "Spreadsheet or contacts"),
                &["csv", "xlsx", "xls", "txt", "vcf"],
            ),
            FileKind::Backup => (pick("客户本备份", "Book backup"), &["db"]),
            FileKind::Rejected => (pick("Excel 表格", "Workbook"), &["xlsx"]),
            FileKind::Vcard => (pick("名片文件", "Contact cards"), &["vcf"]),
            FileKind::Calendar => (pick("日历文件", "Calendar file"), &["ics"]),
        }
    }
}

/// The test's answer to this dialog, if the test answers dialogs.
fn test_answer() -> Option<Option<String>> {
    let file = std::env::var_os("BATON_TEST_DIALOG_ANSWERS")?;
    let text = std::fs::read_to_string(&file).unwrap_or_default();
    let mut lines = text.lines();
    let first = lines.next().unwrap_or_default().to_string();
    let rest: Vec<&str> = lines.collect();
    if let Err(e) = std::fs::write(&file, rest.join("\n")) {
        eprintln!("baton: could not update the test's dialog answers: {e}");
    }
    Some((!first.is_empty()).then_some(first))
}

fn chosen(path: Option<tauri_plugin_dialog::FilePath>) -> Option<String> {
    path.and_then(|p| p.into_path().ok())
        .map(|p: PathBuf| p.display().to_string())
}

/// Where to save, and whether the user already agreed to replace a file
/// that is there (the system's save dialog asks; an answer from the test
/// did not, so the app asks itself).
#[derive(Debug, Serialize, ts_rs::TS)]
pub struct SaveTarget {
    path: String,
    replace_confirmed: bool,
}

/// `name.ext` with the name made safe for any file system.
fn offered_name(file_name: &str) -> String {
    match file_name.rsplit_once('.') {
        Some((stem, ext)) => format!("{}.{ext}", baton::files::name::safe_stem(stem, "baton")),
        None => baton::files::name::safe_stem(file_name, "baton"),
    }
}

/// The dialog for `kind`: its title, its filter, starting in Documents.
fn builder(
    app: &AppHandle,
    kind: FileKind,
    title: String,
    zh: bool,
) -> tauri_plugin_dialog::FileDialogBuilder<tauri::Wry> {
    let (name, extensions) = kind.filter(zh);
    app.dialog()
        .file()
        .set_title(title)
        .add_filter(name, extensions)
        .set_directory(baton::paths::documents_dir())
}

/// Asks for a file to read; `None` when the user cancelled.
#[tauri::command(async)]
pub async fn dialog_open(app: AppHandle, kind: FileKind, title: String, zh: bool) -> CmdResult<Option<String>> {
    if let Some(answer) = test_answer() {
        return Ok(answer);
    }
    Ok(chosen(builder(&app, kind, title, zh).blocking_pick_file()))
}

/// Asks where to write a file, offering `file_name`; `None` when cancelled.
/// The dialog itself asks before replacing a file that exists.
#[tauri::command(async)]
pub async fn dialog_save(
    app: AppHandle,
    kind: FileKind,
    title: String,
    file_name: String,
    zh: bool,
) -> CmdResult<Option<SaveTarget>> {
    if let Some(answer) = test_answer() {
        return Ok(answer.map(|path| SaveTarget {
            path,
            replace_confirmed: false,
        }));
    }
    let picked = builder(&app, kind, title, zh)
        .set_file_name(offered_name(&file_name))
        .blocking_save_file();
    Ok(chosen(picked).map(|path| SaveTarget {
        path,
        replace_confirmed: true,
    }))
}
