//! A mutation fuzzer for the spreadsheet-text and vCard readers that runs
//! on stable Rust (cargo-fuzz needs nightly; `fuzz/` has the same target
//! for libFuzzer).
//!
//!     cargo run --release --example fuzz_sheet -- 120
//!
//! Starts from valid CSV (UTF-8, GBK, UTF-16) and vCard (2.1 with
//! QUOTED-PRINTABLE, 3.0 folded) files, mutates them (byte flips, inserted
//! separators, quotes, line ends, partial multi-byte sequences, cut files),
//! and reads, plans and dry-run imports each: every result must be a clean
//! `Ok` or `Err` — no panic — and the book must stay exactly as it was.

use std::time::{Duration, Instant};

use baton::io::sheet::{self, Mapping, SheetImportOptions};
use baton::{Store, book::dump, demo, io::vcard};

const SNIPPETS: &[&[u8]] = &[
    b"\"",
    b",",
    b";",
    b"\t",
    b"\r\n",
    b"\n",
    b"\r",
    b"=",
    b"=E5=",
    b":",
    b"\\",
    b"\xFF",
    b"\x81\x30",
    b"\xEF\xBB\xBF",
    b"\xFF\xFE",
    b"\xE5\x8D",
    b"BEGIN:VCARD\r\n",
    b"END:VCARD\r\n",
    b";ENCODING=QUOTED-PRINTABLE",
    b";CHARSET=GB2312",
    b";CHARSET=nonsense",
    b" ",
    b"45356",
    b"2024\xE5\xB9\xB4",
    b"99999999999999999999",
];

fn seeds() -> Vec<Vec<u8>> {
    let csv = "客户名单,,,\n公司名称,联系人,手机,成立日期,员工数,状态\n华为技术有限公司,张三,138 0013 8000,2010年1月2日,１２０,活跃\n\"多行\n公司\",李四,+86 139,45356,\"1,200\",流失\n";
    let (gbk, _, _) = encoding_rs::GBK.encode(csv);
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(csv.encode_utf16().flat_map(|u| u.to_le_bytes()))
        .collect();
    let vcf = "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E5=BC=A0;=E4=B8=\r\n=89\r\nORG:华为\r\nTEL;CELL:138\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:李四\r\nORG:新客户\\, 深圳;采购部\r\nNOTE:折\r\n 行\r\nBDAY:1985-04-12\r\nEND:VCARD\r\n";
    vec![csv.as_bytes().to_vec(), gbk.to_vec(), utf16, vcf.as_bytes().to_vec()]
}

fn mutate(rng: &mut demo::Rng, seed: &[u8]) -> Vec<u8> {
    let mut b = seed.to_vec();
    for _ in 0..1 + rng.index(5) {
        let len = b.len().max(1);
        let i = rng.index(len).min(b.len());
        match rng.index(5) {
            0 => {
                if i < b.len() {
                    b[i] ^= 1 << rng.index(8);
                }
            }
            1 | 2 => {
                let s = SNIPPETS[rng.index(SNIPPETS.len())];
                b.splice(i..i, s.iter().copied());
            }
            3 => {
                let j = (i + rng.index(32)).min(b.len());
                b.drain(i..j);
            }
            _ => b.truncate(i),
        }
    }
    b
}

fn dump_of(store: &Store) -> Vec<u8> {
    let mut out = Vec::new();
    store.read(|c| dump::write(c, &mut out)).expect("dump");
    out
}

fn main() {
    let seconds: u64 = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(60);
    let book = Store::open_in_memory().expect("book");
    demo::fill(&book, 3, 9).expect("demo");
    let before = dump_of(&book);
    let seeds = seeds();
    let mut rng = demo::Rng::new(0x5EE7_2026);
    let (started, mut runs, mut planned) = (Instant::now(), 0u64, 0u64);
    while started.elapsed() < Duration::from_secs(seconds) {
        let seed = rng.index(seeds.len());
        let bytes = mutate(&mut rng, &seeds[seed]);
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let mut plans = Vec::new();
            if let Ok(table) = sheet::read_text(&bytes) {
                let mapping = Mapping::guess(&table.headers);
                plans.push(book.read(|c| sheet::plan(c, &table, &mapping)));
            }
            if let Ok(text) = sheet::read_text_only(&bytes) {
                let cards = vcard::read(&text);
                let (table, mapping) = vcard::as_table(&cards);
                plans.push(book.read(|c| sheet::plan(c, &table, &mapping)));
            }
            // The byte reader (each value by its own CHARSET) sees every file.
            let cards = vcard::read_bytes(&bytes);
            let (table, mapping) = vcard::as_table(&cards);
            plans.push(book.read(|c| sheet::plan(c, &table, &mapping)));
            let mut n = 0;
            for plan in plans.into_iter().flatten() {
                let dry = SheetImportOptions {
                    dry_run: true,
                    ..Default::default()
                };
                let _ = sheet::apply(&book, &plan, &dry);
                n += 1;
            }
            n
        }));
        match result {
            Ok(n) => planned += n,
            Err(_) => {
                let kept = std::env::temp_dir().join("baton-fuzz-sheet-crash.bin");
                std::fs::write(&kept, &bytes).ok();
                panic!("a reader panicked on a mutated file (kept as {})", kept.display());
            }
        }
        runs += 1;
    }
    assert!(dump_of(&book) == before, "a dry run changed the book");
    println!("fuzz_sheet: {runs} mutated files in {seconds} s, no panic; {planned} planned and dry-run imported");
}
