//! The IPC contract, rendered to TypeScript from the Rust types.
//!
//! Every type a command takes or returns (and every event it sends down a
//! channel) derives `ts_rs::TS`; [`render`] walks them from the roots listed
//! here, with everything they reach, and renders one declaration per type.
//! The result is committed as `ui/src/lib/contract/`, and the test below fails
//! when it is stale, so the UI's types cannot drift from the Rust ones: run
//! `BATON_BLESS=1 cargo test -p baton-app contract` to write it again.

use std::any::TypeId;
use std::collections::BTreeMap;

use ts_rs::{Config, TS, TypeVisitor};

/// Where the generated files live, from the shell crate's folder.
pub const DIR: &str = "../ui/src/lib/contract";

/// One generated declaration: the TypeScript name and its file's text.
pub struct Rendered {
    pub name: String,
    pub text: String,
}

/// Collects each type once, with its dependencies, refusing two Rust types
/// that would take the same TypeScript name.
struct Walk {
    cfg: Config,
    seen: BTreeMap<String, (TypeId, &'static str, String)>,
    clashes: Vec<String>,
}

impl TypeVisitor for Walk {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        if T::output_path().is_none() {
            // Primitives and std containers: nothing to declare, but what
            // they hold may be (Vec<Customer>, Option<Tier>).
            T::visit_generics(self);
            return;
        }
        let name = T::ident(&self.cfg);
        let id = TypeId::of::<T::WithoutGenerics>();
        match self.seen.get(&name) {
            Some((seen, _, _)) if *seen == id => return,
            Some((_, other, _)) => {
                self.clashes
                    .push(format!("{name} ({other} and {})", std::any::type_name::<T>()));
                return;
            }
            None => {}
        }
        let text = T::WithoutGenerics::export_to_string(&self.cfg).unwrap_or_else(|e| format!("// {e}\n"));
        self.seen.insert(name, (id, std::any::type_name::<T>(), text));
        T::visit_dependencies(self);
        T::visit_generics(self);
    }
}

/// Every type that crosses IPC: what the commands return and take, the
/// events they send, and the error. Their dependencies come by themselves.
macro_rules! roots {
    ($walk:ident; $($t:ty),+ $(,)?) => { $( $walk.visit::<$t>(); )+ };
}

/// Renders the contract: one file per type, sorted by name, and an
/// `index.ts` that re-exports them all.
pub fn render() -> Result<Vec<Rendered>, String> {
    use crate::commands as c;
    use baton::book::trash;
    use baton::customers::tier_changes;
    use baton::customers::{bulk, people};
    use baton::history::{contacts, followups, timeline};
    use baton::io::{report, sheet, unfiled};
    use baton::relationship::{checklist, handover_notes, key_board};
    use baton::store::backup;
    use baton::value::{deals, satisfaction};
    use baton::views::list;
    use baton::*;
    // i64/u64 cross IPC as JSON numbers, and none of ours reaches 2^53.
    let cfg = Config::new()
        .with_large_int("number")
        .with_import_extension(None::<String>);
    let mut w = Walk {
        cfg,
        seen: BTreeMap::new(),
        clashes: Vec::new(),
    };
    roots!(w;
        crate::error::IpcError, crate::state::PageEvent, job::Progress,
        // app, settings, backups, dialogs, drafts
        c::app::AppInfo, settings::Settings, backup::BackupInfo, c::app::dialogs::FileKind,
        c::app::dialogs::SaveTarget, drafts::Draft, demo::DemoLang,
        // customers, people, trash, search
        customers::Customer, customers::CustomerCard, baton::views::list::ListPage, baton::views::list::ListQuery,
        list::Picked, c::customers::CustomerDetail, bulk::BulkAction,
        people::Person, people::PersonCard, trash::TrashItem, trash::TrashKind,
        search::Group, search::SearchQuery,
        // history
        contacts::Contact, contacts::ContactDraft, followups::FollowUp, followups::Board,
        followups::Backlog, followups::Reschedule, timeline::TimelinePage, timeline::TimelineQuery,
        // value
        deals::Deal, deals::DealDraft, satisfaction::SatisfactionCheck, satisfaction::CheckDraft,
        tier_changes::TierChange, c::value::ValueDetail, c::value::ValueBoard, enums::Tier,
        // relationship
        relationship::Assessment, relationship::AssessmentDraft, key_board::Board,
        key_board::BoardSort, key_board::Card, c::relationship::Scales, enums::Dimension,
        // handover
        c::handover::Overview, c::handover::ExportRequest, c::handover::ImportRequest,
        handover::Header, handover::ImportReport, handover::conflicts::LoggedConflict,
        handover_notes::HandoverNote, handover_notes::NoteDraft, checklist::Checklist,
        checklist::ChecklistItem,
        // sheet, vCard, unfiled, report
        c::io::sheet::SheetOpened, c::io::sheet::SheetRequest, c::io::sheet::SheetPlanned,
        sheet::SheetReport, sheet::Why, c::io::unfiled::TrayPerson, unfiled::UnfiledPerson, unfiled::Target,
        c::io::report::ReportRequest, report::ReportPreview, c::io::report::Written,
    );
    if !w.clashes.is_empty() {
        return Err(format!(
            "two Rust types render as the same TypeScript name: {} (give one #[ts(rename = \"…\")])",
            w.clashes.join(", ")
        ));
    }
    let mut files: Vec<Rendered> = w
        .seen
        .into_iter()
        .map(|(name, (_, _, text))| Rendered { name, text })
        .collect();
    let mut index = String::from("// Generated from the Rust types by src-tauri/src/contract.rs. Do not edit.\n");
    for f in &files {
        index.push_str(&format!("export type {{ {0} }} from './{0}';\n", f.name));
    }
    files.push(Rendered {
        name: "index".to_string(),
        text: index,
    });
    Ok(files)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    /// The committed contract is what the Rust types say today; with
    /// `BATON_BLESS=1` the test writes it instead (and removes stale files).
    #[test]
    fn the_committed_contract_is_current() {
        let rendered = render().unwrap_or_else(|e| panic!("{e}"));
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(DIR);
        let bless = std::env::var_os("BATON_BLESS").is_some();
        let mut stale = Vec::new();
        let wanted: std::collections::BTreeSet<String> = rendered.iter().map(|r| format!("{}.ts", r.name)).collect();
        for r in &rendered {
            let path = dir.join(format!("{}.ts", r.name));
            if std::fs::read_to_string(&path).ok().as_deref() != Some(r.text.as_str()) {
                stale.push(path.display().to_string());
                if bless {
                    std::fs::create_dir_all(&dir).expect("make the contract folder");
                    std::fs::write(&path, &r.text).expect("write a contract file");
                }
            }
        }
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let name = entry.file_name().to_string_lossy().to_string();
            if name.ends_with(".ts") && !wanted.contains(&name) {
                stale.push(format!("{} (no Rust type renders it)", entry.path().display()));
                if bless {
                    std::fs::remove_file(entry.path()).expect("remove a stale contract file");
                }
            }
        }
        assert!(
            bless || stale.is_empty(),
            "the TypeScript contract is stale; run BATON_BLESS=1 cargo test -p baton-app contract:\n{}",
            stale.join("\n")
        );
    }
}
