#![no_main]
//! Any bytes given as a handover file: the import must return `Ok` or `Err`,
//! never panic, and never leave a partial write.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("case.baton");
    std::fs::write(&file, data).expect("write");
    let store = baton::Store::open_in_memory().expect("store");
    let _ = baton::handover::import(
        &store,
        &file,
        &baton::handover::ImportOptions {
            dry_run: true,
            ..Default::default()
        },
    );
});
