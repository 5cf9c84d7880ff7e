//! Issue 14, part 3: the visual report draws each key customer's decision
//! chain as the app does — people by role and attitude, names as text, the
//! missing decision maker flagged.

use baton::enums::{Attitude, Dimension, Role};
use baton::io::report::{self, ReportOptions};
use baton::{Store, customers, customers::people, relationship};

#[test]
fn a_key_customer_s_chain_is_in_the_report_with_its_gaps() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in_memory().unwrap();
    store
        .write(|tx| {
            let c = customers::create(tx, crate::card("深圳远帆通信技术有限公司"))?;
            customers::set_key(tx, &c.id, true)?;
            let mut li = crate::person("<b>李四</b>");
            li.role = Some(Role::Influencer);
            li.attitude = Some(Attitude::Supporter);
            people::create(tx, &c.id, li)?;
            let scores = vec![crate::score(Dimension::ALL[0], 3)];
            relationship::create(tx, &c.id, crate::assessment("2026-11-01", scores))?;
            Ok(())
        })
        .unwrap();
    let path = dir.path().join("r.html");
    store
        .read(|c| report::write_html(c, &ReportOptions::default(), &path, baton::clock::local_today()))
        .unwrap();
    let html = std::fs::read_to_string(&path).unwrap();
    let chain = &html[html.find("<div class=\"chain\">").expect("a chain block")..];
    assert!(chain.contains("<h5>决策链</h5>"), "{chain}");
    assert!(
        chain.contains("role nobody critical\"><b>决策者</b><span>无人</span>"),
        "{chain}"
    );
    assert!(chain.contains("我们还不认识：决策者"), "{chain}");
    assert!(
        chain.contains("<span class=\"node supporter\">&lt;b&gt;李四&lt;/b&gt;"),
        "names are text: {chain}"
    );
    assert!(!html.contains("<b>李四</b>"));
}

#[test]
fn the_report_s_summaries_count_in_wan_and_yi() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in_memory().unwrap();
    baton::demo::fill(&store, 60, 1).unwrap();
    let html = |lang| {
        let path = dir.path().join("r.html");
        let opts = ReportOptions {
            lang,
            ..Default::default()
        };
        store
            .read(|c| report::write_html(c, &opts, &path, baton::clock::local_today()))
            .unwrap();
        std::fs::read_to_string(&path).unwrap()
    };
    let zh = html(baton::io::report::Lang::Zh);
    let tile = zh.split("<div class=\"figure\">").nth(2).unwrap();
    assert!(
        tile.starts_with('¥') && tile.split('<').next().unwrap().ends_with(" 万"),
        "{}",
        &tile[..40.min(tile.len())]
    );
    let en = html(baton::io::report::Lang::En);
    let tile = en.split("<div class=\"figure\">").nth(2).unwrap();
    let figure = tile.split('<').next().unwrap();
    assert!(figure.ends_with('K') || figure.ends_with('M'), "{figure}");
}
