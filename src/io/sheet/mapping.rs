//! Which Baton field each source column fills, guessed from common Chinese
//! and English headers and corrected by the user; a mapping can be saved as
//! JSON (`{"公司名称": "customer_name", …}`) and used again next time.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A field a column can fill: of the customer, or of the row's key person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "SheetField")]
pub enum Field {
    /// Not imported.
    Ignore,
    /// The customer's (company's) name: rows with the same name are one customer.
    CustomerName,
    /// Short name.
    ShortName,
    /// Industry.
    Industry,
    /// Region or city.
    Region,
    /// Address.
    Address,
    /// The company's switchboard.
    CompanyPhone,
    /// Website.
    Website,
    /// Tags, separated by commas, semicolons or 、.
    Tags,
    /// Notes about the customer.
    CustomerNotes,
    /// A notes column (备注): about the person on a row that names one,
    /// else about the customer.
    Notes,
    /// Status (潜在/活跃/休眠/流失 or prospect/active/dormant/lost).
    Status,
    /// Tier S/A/B/C.
    Tier,
    /// Head count.
    StaffCount,
    /// Founding date.
    FoundedOn,
    /// Who on our side owns the customer.
    Owner,
    /// The key person's name.
    PersonName,
    /// Job title.
    PersonTitle,
    /// Department.
    PersonDepartment,
    /// Mobile or phone.
    PersonPhone,
    /// Email.
    PersonEmail,
    /// WeChat or another messaging id.
    PersonMessaging,
    /// Birthday.
    PersonBirthday,
    /// Notes about the person.
    PersonNotes,
    /// The person's family name (姓, Last Name): joined with the given name.
    PersonFamilyName,
    /// The person's given name (名, First Name).
    PersonGivenName,
    /// Middle (additional) names.
    PersonMiddleName,
    /// An honorific before the name (Dr., Mr.; Outlook's "Title").
    PersonNamePrefix,
    /// After the name (Jr., PhD).
    PersonNameSuffix,
    /// A nickname: the name of someone with no other.
    PersonNickname,
    /// The day of the last contact (上次拜访): a contact.
    LastContactOn,
    /// What the last contact was about (跟进记录).
    ContactSummary,
    /// The next step (下一步).
    NextStep,
    /// When the next step is due (下次跟进): a follow-up.
    NextStepOn,
    /// An order's amount (成交金额).
    DealAmount,
    /// An order's day (成交日期).
    DealOn,
}

impl Field {
    /// Every field, in the order the mapping screen lists them.
    pub const ALL: &'static [Field] = &[
        Field::Ignore,
        Field::CustomerName,
        Field::ShortName,
        Field::Industry,
        Field::Region,
        Field::Address,
        Field::CompanyPhone,
        Field::Website,
        Field::Tags,
        Field::Notes,
        Field::CustomerNotes,
        Field::Status,
        Field::Tier,
        Field::StaffCount,
        Field::FoundedOn,
        Field::Owner,
        Field::PersonName,
        Field::PersonTitle,
        Field::PersonDepartment,
        Field::PersonPhone,
        Field::PersonEmail,
        Field::PersonMessaging,
        Field::PersonBirthday,
        Field::PersonNotes,
        Field::PersonFamilyName,
        Field::PersonGivenName,
        Field::PersonMiddleName,
        Field::PersonNamePrefix,
        Field::PersonNameSuffix,
        Field::PersonNickname,
        Field::LastContactOn,
        Field::ContactSummary,
        Field::NextStep,
        Field::NextStepOn,
        Field::DealAmount,
        Field::DealOn,
    ];

    /// Whether the field describes the company (not its name, not a person,
    /// not the row's notes).
    pub fn is_customer_value(self) -> bool {
        matches!(
            self,
            Field::ShortName
                | Field::Industry
                | Field::Region
                | Field::Address
                | Field::CompanyPhone
                | Field::Website
                | Field::Tags
                | Field::CustomerNotes
                | Field::Status
                | Field::Tier
                | Field::StaffCount
                | Field::FoundedOn
                | Field::Owner
                | Field::LastContactOn
                | Field::ContactSummary
                | Field::NextStep
                | Field::NextStepOn
                | Field::DealAmount
                | Field::DealOn
        )
    }

    /// The snake_case name (as in a saved mapping).
    pub fn name(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }
}

/// A header folded for matching: full-width forms to ASCII, lower case,
/// no spaces, punctuation or a trailing colon.
pub fn normalise_header(header: &str) -> String {
    header
        .chars()
        .map(fold_width)
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Full-width ASCII (Ａ１，) to its half-width form; ideographic space to space.
pub fn fold_width(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        _ => c,
    }
}

/// The field a header most likely means (`Ignore` when none).
pub fn guess(header: &str) -> Field {
    let h = normalise_header(header);
    if h.is_empty() {
        return Field::Ignore;
    }
    Field::ALL
        .iter()
        .copied()
        .find(|f| super::aliases::aliases(*f).contains(&h.as_str()))
        .unwrap_or(Field::Ignore)
}

/// The field of each source column, in column order, and how the sheet's
/// own words for enumerated values translate (高级 → A).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mapping {
    /// One per column.
    pub fields: Vec<Field>,
    /// Per field, the sheet's value → Baton's (`{"tier": {"高级": "A"}}`).
    pub values: ValueMap,
}

/// The sheet's words for a field's values → the ones Baton reads.
pub type ValueMap = BTreeMap<Field, BTreeMap<String, String>>;

impl Mapping {
    /// Guesses from the headers; a field already taken by an earlier column
    /// is not guessed twice (two "电话" columns: the second is left for the
    /// user to decide).
    pub fn guess(headers: &[String]) -> Mapping {
        let mut taken = std::collections::HashSet::new();
        // Outlook's "Title" is the honorific (Mr., Dr.) when "Job Title"
        // is there too.
        let job_title = headers.iter().any(|h| normalise_header(h) == "jobtitle");
        let fields = headers
            .iter()
            .map(|h| {
                let f = match guess(h) {
                    Field::PersonTitle if job_title && normalise_header(h) == "title" => Field::PersonNamePrefix,
                    f => f,
                };
                if f != Field::Ignore && !taken.insert(f) {
                    Field::Ignore
                } else {
                    f
                }
            })
            .collect();
        Mapping {
            fields,
            values: ValueMap::new(),
        }
    }

    /// The value to read for `field` given the sheet's `text`: its mapped
    /// word if the value map names one.
    pub fn value<'a>(&'a self, field: Field, text: &'a str) -> &'a str {
        self.values
            .get(&field)
            .and_then(|m| m.get(text.trim()))
            .map_or(text, String::as_str)
    }

    /// Applies a saved mapping (header → field) over the guesses; headers it
    /// does not name keep their guess.
    pub fn with_saved(headers: &[String], saved: &BTreeMap<String, Field>) -> Mapping {
        let mut m = Mapping::guess(headers);
        for (i, h) in headers.iter().enumerate() {
            if let Some(f) = saved.get(h) {
                m.fields[i] = *f;
            }
        }
        m
    }

    /// The mapping as saved: header → field.
    pub fn to_saved(&self, headers: &[String]) -> BTreeMap<String, Field> {
        headers.iter().cloned().zip(self.fields.iter().copied()).collect()
    }

    /// The column of a field, if one maps to it.
    pub fn column(&self, field: Field) -> Option<usize> {
        self.fields.iter().position(|f| *f == field)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_headers_are_guessed_in_both_languages() {
        for (h, f) in [
            ("公司名称", Field::CustomerName),
            ("客户名称", Field::CustomerName),
            ("Company", Field::CustomerName),
            ("联系人", Field::PersonName),
            ("Contact", Field::PersonName),
            ("手机", Field::PersonPhone),
            ("电话", Field::PersonPhone),
            ("Mobile", Field::PersonPhone),
            ("E-mail", Field::PersonEmail),
            ("\u{feff}公司名称：", Field::CustomerName),
            ("ＥＭＡＩＬ", Field::PersonEmail),
            ("座机", Field::CompanyPhone),
            ("名称", Field::CustomerName),
            ("店名", Field::CustomerName),
            ("门店名称", Field::CustomerName),
            ("商户名称", Field::CustomerName),
            ("公司/单位", Field::CustomerName),
            ("First Name", Field::PersonGivenName),
            ("Last Name", Field::PersonFamilyName),
            ("姓", Field::PersonFamilyName),
            ("名", Field::PersonGivenName),
            ("随便", Field::Ignore),
        ] {
            assert_eq!(guess(h), f, "{h}");
        }
    }

    #[test]
    fn a_field_is_guessed_once_and_a_saved_mapping_wins() {
        let headers: Vec<String> = ["公司", "手机", "电话"].iter().map(|s| s.to_string()).collect();
        let m = Mapping::guess(&headers);
        assert_eq!(m.fields, [Field::CustomerName, Field::PersonPhone, Field::Ignore]);
        let saved = BTreeMap::from([("电话".to_string(), Field::CompanyPhone)]);
        let m = Mapping::with_saved(&headers, &saved);
        assert_eq!(m.fields[2], Field::CompanyPhone);
        assert_eq!(m.to_saved(&headers).len(), 3);
        assert_eq!(Field::PersonPhone.name(), "person_phone");
    }
}
