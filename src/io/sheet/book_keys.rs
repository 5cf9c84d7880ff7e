//! The book's live customers and their people by the keys a planned
//! customer is found again by: name, and a person's phone or email.

use std::collections::HashMap;

use rusqlite::Connection;

use super::plan::Duplicate;
use super::values;
use crate::customers::people::PersonCard;
use crate::error::Result;

/// The book's live customers and people by their duplicate keys.
pub(super) struct BookKeys {
    names: HashMap<String, (String, String)>,
    phones: HashMap<String, (String, String)>,
    emails: HashMap<String, (String, String)>,
}

impl BookKeys {
    pub(super) fn load(conn: &Connection) -> Result<BookKeys> {
        let mut names = HashMap::new();
        let mut stmt =
            conn.prepare("SELECT id, name FROM customers WHERE deleted_at IS NULL ORDER BY created_at, id")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let (id, name): (String, String) = (r.get(0)?, r.get(1)?);
            names.entry(values::name_key(&name)).or_insert((id, name));
        }
        let (mut phones, mut emails) = (HashMap::new(), HashMap::new());
        let mut stmt = conn.prepare(
            "SELECT c.id, c.name, p.phone, p.email FROM people p JOIN customers c ON c.id = p.customer_id \
             WHERE p.deleted_at IS NULL AND c.deleted_at IS NULL AND (p.phone <> '' OR p.email <> '')",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let (id, name, phone, email): (String, String, String, String) =
                (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
            let phone = values::phone_key(&phone);
            if !phone.is_empty() {
                phones.entry(phone).or_insert((id.clone(), name.clone()));
            }
            let email = values::email_key(&email);
            if !email.is_empty() {
                emails.entry(email).or_insert((id, name));
            }
        }
        Ok(BookKeys { names, phones, emails })
    }

    pub(super) fn customer(&self, key: &str) -> Option<Duplicate> {
        self.names.get(key).map(|(id, name)| Duplicate {
            customer_id: id.clone(),
            name: name.clone(),
            by: "name".into(),
            in_file: None,
        })
    }

    pub(super) fn person(&self, p: &PersonCard) -> Option<Duplicate> {
        let hit = |map: &HashMap<String, (String, String)>, key: String, by: &str| {
            map.get(&key).filter(|_| !key.is_empty()).map(|(id, name)| Duplicate {
                customer_id: id.clone(),
                name: name.clone(),
                by: by.into(),
                in_file: None,
            })
        };
        hit(&self.phones, values::phone_key(&p.phone), "phone")
            .or_else(|| hit(&self.emails, values::email_key(&p.email), "email"))
    }
}
