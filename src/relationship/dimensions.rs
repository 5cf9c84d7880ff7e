//! What each level 0–5 of each relationship dimension means, in Chinese and
//! English, shown while scoring so two salespeople score the same customer
//! alike. Written from the meaning in DOMAIN.md (seed 002's 关键客户拓展卡片).

use serde::Serialize;

use crate::enums::Dimension;

/// One dimension's name and its six level descriptions, in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Scale {
    /// The dimension.
    pub dimension: Dimension,
    /// Its name.
    pub name: &'static str,
    /// The question it answers.
    pub question: &'static str,
    /// Levels 0 to 5.
    pub levels: [&'static str; 6],
}

/// The scale of `dimension` in Chinese (`zh = true`) or English.
pub fn scale(dimension: Dimension, zh: bool) -> Scale {
    let (name, question, levels) = if zh { zh_text(dimension) } else { en_text(dimension) };
    Scale {
        dimension,
        name,
        question,
        levels,
    }
}

fn zh_text(d: Dimension) -> (&'static str, &'static str, [&'static str; 6]) {
    match d {
        Dimension::Acceptance => (
            "接受认可度",
            "通过我们，客户是否认识并认可了我们公司？",
            [
                "只认识销售个人，不了解我们公司",
                "知道公司名字，印象模糊",
                "了解公司主要产品和能力",
                "多个部门认可公司，把我们列为合格供应商",
                "高层认可公司品牌，主动向他人推荐",
                "认可的是公司而非个人，换了销售也照样合作",
            ],
        ),
        Dimension::Events => (
            "活动参与度",
            "邀请客户参加我们的活动、展会、研讨会，他们来吗？",
            [
                "从不参加，也不回复邀请",
                "偶尔回复，但几乎不来",
                "一般人员偶尔参加",
                "关键人常来，会提前确认",
                "关键人积极参加并带同事来",
                "主动参与策划或在活动上发言",
            ],
        ),
        Dimension::Information => (
            "信息传递",
            "客户会把项目、人事变动、决策习惯、内部流程告诉我们吗？",
            [
                "什么都不透露",
                "只给公开信息",
                "问了才说，只说项目基本情况",
                "主动告知项目进展和时间表",
                "透露人事变动、预算和决策流程",
                "第一时间告诉我们内部动向，包括竞争对手的动作",
            ],
        ),
        Dimension::Guidance => (
            "项目日常指导",
            "客户会指点我们该怎样和他们开展工作吗？",
            [
                "不给任何指点",
                "只回答直接提问",
                "偶尔提醒注意事项",
                "常教我们怎样准备方案、找对人",
                "帮我们规划推进路线，提前预警风险",
                "像自己人一样指导我们每一步",
            ],
        ),
        Dimension::Support => (
            "项目支持度",
            "在投标和项目中，客户会主动支持我们吗？",
            [
                "公开反对我们",
                "中立，不表态",
                "私下表示认可，但不公开支持",
                "在内部为我们说话",
                "积极推动我们的方案通过",
                "为我们的项目承担风险、力排众议",
            ],
        ),
        Dimension::Competition => (
            "竞争态度",
            "和竞争对手相比，客户更倾向我们吗？",
            [
                "明显偏向竞争对手",
                "偏向竞争对手，但愿意听我们的",
                "一视同仁，只看价格",
                "同等条件下优先考虑我们",
                "把我们作为首选，竞争对手只作陪标",
                "只和我们合作，并帮我们挡住竞争对手",
            ],
        ),
    }
}

fn en_text(d: Dimension) -> (&'static str, &'static str, [&'static str; 6]) {
    match d {
        Dimension::Acceptance => (
            "Acceptance of our company",
            "Through us, has the customer come to know and accept our company?",
            [
                "They know the salesperson only, not our company",
                "They know our name, vaguely",
                "They know our main products and capabilities",
                "Several departments accept us; we are an approved supplier",
                "Senior people trust our brand and recommend us",
                "They trust the company, not a person: a new salesperson would be welcome",
            ],
        ),
        Dimension::Events => (
            "Event participation",
            "Do they come to our events, fairs and seminars when invited?",
            [
                "Never come, never reply",
                "Reply now and then, rarely come",
                "Junior staff come occasionally",
                "Key people come regularly and confirm ahead",
                "Key people come eagerly and bring colleagues",
                "They help organise or speak at our events",
            ],
        ),
        Dimension::Information => (
            "Information sharing",
            "Do they pass us information: projects, people changes, decision habits, processes?",
            [
                "They tell us nothing",
                "Public information only",
                "Project basics, when asked",
                "They volunteer progress and timelines",
                "They share personnel changes, budgets and how decisions are made",
                "They tell us first about internal moves, competitors' included",
            ],
        ),
        Dimension::Guidance => (
            "Day-to-day project guidance",
            "Do they coach us on how to run our work with them?",
            [
                "No guidance at all",
                "They answer direct questions only",
                "Occasional hints on what to watch",
                "They often show us how to prepare and whom to see",
                "They plan the route with us and warn of risks early",
                "They guide every step as if we were on their team",
            ],
        ),
        Dimension::Support => (
            "Project support",
            "Do they actively back our bids and projects?",
            [
                "They oppose us openly",
                "Neutral, no position",
                "Privately positive, no public support",
                "They speak up for us internally",
                "They push our proposal through",
                "They take risks for our project against opposition",
            ],
        ),
        Dimension::Competition => (
            "Attitude to competitors",
            "Do they favour us over competitors?",
            [
                "Clearly favour a competitor",
                "Lean to a competitor but listen to us",
                "Even-handed; price decides",
                "We win on equal terms",
                "We are first choice; others are there for comparison",
                "They work only with us and keep competitors out",
            ],
        ),
    }
}
