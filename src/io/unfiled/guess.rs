//! Guessing the company of a card that names none: salespeople save their
//! people on the phone as "王总(华为)", "李工-恒达" or "Anna Schmidt Ironwood",
//! put the company in the title or note, or the card carries a work email.
//! A guess is only offered: the user confirms it in the check step.

use std::collections::HashMap;

use rusqlite::Connection;
use serde::Serialize;

use crate::customers::people::PersonCard;
use crate::error::Result;
use crate::io::sheet::values::name_key;

/// Where a guess came from, most trusted first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum GuessFrom {
    /// A company inside the name: 王总(华为), 李工-恒达, 王总 华为.
    Name,
    /// The title says it (华为 采购经理, Buyer at Ironwood GmbH).
    Title,
    /// The note says it.
    Note,
    /// The email's domain (not a webmail one).
    Email,
}

/// A guessed company for a person without one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Guess {
    /// The company as the card writes it.
    pub company: String,
    /// Where it was found.
    pub from: GuessFrom,
    /// The person's name without the company part (王总 from 王总(华为)).
    pub person_name: String,
    /// The book's customer it names, if one matches.
    pub customer_id: Option<String>,
    /// That customer's name.
    pub customer_name: Option<String>,
}

/// Words that end or mark a company name.
const COMPANY_MARKS: &[&str] = &[
    "公司",
    "集团",
    "有限",
    "股份",
    "科技",
    "实业",
    "工厂",
    "制造",
    "机械",
    "电子",
    "银行",
    "医院",
    "研究院",
    "事务所",
    "商行",
    "贸易",
    "工厂",
    "门店",
    "商店",
    "酒店",
    "药店",
    " ltd",
    " gmbh",
    " inc",
    " co.",
    " corp",
    " llc",
    " ag",
    " s.a.",
    " plc",
    " limited",
    " company",
];

/// Mail services whose domain (in any country: gmail.com, yahoo.co.uk,
/// web.de) says nothing of the company.
const WEBMAIL: &[&str] = &[
    "qq",
    "163",
    "126",
    "yeah",
    "sina",
    "sohu",
    "foxmail",
    "139",
    "aliyun",
    "gmail",
    "googlemail",
    "outlook",
    "hotmail",
    "live",
    "msn",
    "yahoo",
    "icloud",
    "me",
    "mac",
    "proton",
    "protonmail",
    "gmx",
    "web",
    "mail",
    "laposte",
    "orange",
    "free",
    "t-online",
    "naver",
    "daum",
];

/// Chinese forms of address that end a short name (王总, 李工, 张经理).
const HONORIFICS: &[&str] = &[
    "总", "工", "经理", "主任", "老板", "老师", "姐", "哥", "师傅", "书记", "处长", "科长", "部长", "董", "秘书",
    "助理",
];

/// The company a card without one probably belongs to, or `None`.
pub fn guess(card: &PersonCard) -> Option<Guess> {
    let found = |company: String, from, person_name: String| {
        let company = company
            .trim()
            .trim_matches(['-', '—', '·', '/', '|', ',', '，', '@'])
            .trim()
            .to_string();
        (company.chars().count() >= 2).then(|| Guess {
            company,
            from,
            person_name: person_name.trim().to_string(),
            customer_id: None,
            customer_name: None,
        })
    };
    if let Some((person, company)) = split_name(&card.name) {
        return found(company, GuessFrom::Name, person);
    }
    for (text, from) in [(&card.title, GuessFrom::Title), (&card.notes, GuessFrom::Note)] {
        if let Some(company) = company_in(text) {
            return found(company, from, card.name.clone());
        }
    }
    let domain = card.email.rsplit_once('@')?.1.trim().to_lowercase();
    if domain.is_empty() {
        return None;
    }
    // huawei.com, mail.ironwood.de, hengda.com.cn: the label before the
    // top-level domain and any second-level one (com.cn, co.uk).
    let mut labels: Vec<&str> = domain.split('.').filter(|l| !l.is_empty()).collect();
    labels.pop();
    while labels.len() > 1 && ["com", "net", "org", "co", "gov", "edu", "ac"].contains(labels.last()?) {
        labels.pop();
    }
    let label = labels.last()?;
    if WEBMAIL.contains(label) {
        return None;
    }
    let mut chars = label.chars();
    let company = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect::<String>())?;
    found(company, GuessFrom::Email, card.name.clone())
}

/// 王总(华为) / 王总（华为） / 李工-恒达 / 王总 华为 / 华为-王总: the person and the company.
fn split_name(name: &str) -> Option<(String, String)> {
    let name = name.trim();
    for (open, close) in [('(', ')'), ('（', '）'), ('[', ']'), ('【', '】')] {
        if let Some(start) = name.find(open)
            && name.ends_with(close)
        {
            let inner = &name[start + open.len_utf8()..name.len() - close.len_utf8()];
            let person = &name[..start];
            if !person.trim().is_empty() {
                return Some((person.to_string(), inner.to_string()));
            }
        }
    }
    let parts: Vec<&str> = name
        .split(['-', '—', '－', ' ', '　', '/', '|', '·', '@'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() != 2 {
        return None;
    }
    // The person part is the short Chinese one, or the one with a form of
    // address; a pair of Latin words is a given and family name, not a company.
    let personal = |p: &str| {
        let han = p.chars().all(is_han);
        han && (p.chars().count() <= 3 || HONORIFICS.iter().any(|h| p.ends_with(h)))
    };
    let han_or_marked = |p: &str| p.chars().any(is_han) || company_in(p).is_some();
    match (personal(parts[0]), personal(parts[1])) {
        (true, false) if han_or_marked(parts[1]) => Some((parts[0].into(), parts[1].into())),
        (false, true) if han_or_marked(parts[0]) => Some((parts[1].into(), parts[0].into())),
        // Both short: 王总 华为. The one with a form of address is the person.
        (true, true) => {
            let addressed = |p: &str| HONORIFICS.iter().any(|h| p.ends_with(h));
            match (addressed(parts[0]), addressed(parts[1])) {
                (true, false) => Some((parts[0].into(), parts[1].into())),
                (false, true) => Some((parts[1].into(), parts[0].into())),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The part of `text` (a line, split at spaces and punctuation) that reads
/// as a company name: it holds a company word (公司, Ltd, GmbH …).
fn company_in(text: &str) -> Option<String> {
    for line in text.lines() {
        let lower = format!(" {}", line.to_lowercase());
        if !COMPANY_MARKS.iter().any(|m| lower.contains(m)) {
            continue;
        }
        // Chinese: the run of characters around the mark, up to a space or
        // punctuation; Latin: the whole line after "at"/"@" if present.
        for piece in line.split([' ', '　', ',', '，', ';', '；', '、', '|', '/']) {
            let p = format!(" {}", piece.to_lowercase());
            if piece.chars().filter(|c| is_han(*c)).count() >= 3 && COMPANY_MARKS.iter().any(|m| p.contains(m)) {
                return Some(piece.trim().to_string());
            }
        }
        let latin = line.rsplit_once(" at ").map_or(line, |(_, after)| after);
        return Some(latin.trim().to_string());
    }
    None
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

/// The book's live customers by name key and short-name key, to say which
/// customer a guessed company names.
pub struct CustomerNames {
    exact: HashMap<String, (String, String)>,
    /// (name key, id, name) of every live customer, for a guess that is a
    /// part of one name (华为 in 华为技术有限公司).
    all: Vec<(String, String, String)>,
}

impl CustomerNames {
    /// Loads the book's live customers.
    pub fn load(conn: &Connection) -> Result<Self> {
        let mut stmt = conn.prepare("SELECT id, name, short_name FROM customers WHERE deleted_at IS NULL")?;
        let mut exact = HashMap::new();
        let mut all = Vec::new();
        let rows = stmt.query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?))
        })?;
        for row in rows {
            let (id, name, short) = row?;
            for key in [name_key(&name), name_key(&short)] {
                if !key.is_empty() {
                    exact.entry(key).or_insert_with(|| (id.clone(), name.clone()));
                }
            }
            all.push((name_key(&name), id, name));
        }
        Ok(CustomerNames { exact, all })
    }

    /// The customer `company` names: the same name or short name, else the
    /// only customer whose name contains it.
    pub fn find(&self, company: &str) -> Option<(String, String)> {
        let key = name_key(company);
        if key.is_empty() {
            return None;
        }
        if let Some(hit) = self.exact.get(&key) {
            return Some(hit.clone());
        }
        let mut hits = self.all.iter().filter(|(k, _, _)| k.contains(&key));
        let first = hits.next()?;
        hits.next().is_none().then(|| (first.1.clone(), first.2.clone()))
    }

    /// `guess` with the customer it names filled in.
    pub fn resolve(&self, mut guess: Guess) -> Guess {
        if let Some((id, name)) = self.find(&guess.company) {
            guess.customer_id = Some(id);
            guess.customer_name = Some(name);
        }
        guess
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(name: &str, title: &str, notes: &str, email: &str) -> PersonCard {
        PersonCard {
            name: name.into(),
            title: title.into(),
            notes: notes.into(),
            email: email.into(),
            ..Default::default()
        }
    }

    fn company(c: &PersonCard) -> Option<(String, GuessFrom, String)> {
        guess(c).map(|g| (g.company, g.from, g.person_name))
    }

    #[test]
    fn names_that_carry_their_company() {
        let from_name = |n: &str| company(&card(n, "", "", ""));
        let g = |p: &str, c: &str| Some((c.to_string(), GuessFrom::Name, p.to_string()));
        assert_eq!(from_name("王总(华为)"), g("王总", "华为"));
        assert_eq!(from_name("王总（华为技术）"), g("王总", "华为技术"));
        assert_eq!(from_name("李工-恒达"), g("李工", "恒达"));
        assert_eq!(from_name("王总 华为"), g("王总", "华为"));
        assert_eq!(from_name("恒达机械 张经理"), g("张经理", "恒达机械"));
        assert_eq!(
            from_name("张三 苏州恒达机械有限公司"),
            g("张三", "苏州恒达机械有限公司")
        );
        // Plain names are left alone.
        assert_eq!(from_name("王芳"), None);
        assert_eq!(from_name("Anna Schmidt"), None);
        assert_eq!(from_name("欧阳 娜娜"), None);
    }

    #[test]
    fn titles_notes_and_work_emails() {
        assert_eq!(
            company(&card("王芳", "华东精密机械有限公司 采购经理", "", "")),
            Some(("华东精密机械有限公司".into(), GuessFrom::Title, "王芳".into()))
        );
        assert_eq!(
            company(&card("Anna", "Buyer at Ironwood Textiles GmbH", "", "")),
            Some(("Ironwood Textiles GmbH".into(), GuessFrom::Title, "Anna".into()))
        );
        assert_eq!(
            company(&card("赵敏", "", "展会认识\n无锡新材料有限公司 技术部", "")).map(|g| g.0),
            Some("无锡新材料有限公司".into())
        );
        assert_eq!(
            company(&card("Anna", "", "", "anna@ironwood.de")),
            Some(("Ironwood".into(), GuessFrom::Email, "Anna".into()))
        );
        assert_eq!(
            company(&card("李", "", "", "li@hengda.com.cn")).map(|g| g.0),
            Some("Hengda".into())
        );
        assert_eq!(company(&card("李", "", "", "li@qq.com")), None, "webmail says nothing");
        assert_eq!(company(&card("Tom", "", "", "tom@yahoo.co.uk")), None, "in any country");
        assert_eq!(
            company(&card("孙", "", "", "sun@mail.ningbo-wujin.example")).map(|g| g.0),
            Some("Ningbo-wujin".into())
        );
        assert_eq!(
            company(&card("Tom", "", "", "tom@redstone.co.uk")).map(|g| g.0),
            Some("Redstone".into())
        );
        assert_eq!(company(&card("李", "经理", "老朋友", "")), None);
        assert_eq!(company(&card("李", "店长", "", "")), None, "a job title is no company");
    }
}
