//! Links to the system's phone and mail apps (issue 14's quick actions):
//! built here from a stored phone or email, so the app opens only `tel:`
//! and `mailto:` links, never whatever a page might ask for.

/// A `tel:` link for a phone as people write it (`150 8017 9467`,
/// `+86-138-0000-0009`, `0512-6700 1234 转 8`): the digits, a leading `+`
/// kept; an extension after 转/ext/x dropped. `None` if there are fewer than
/// three digits.
pub fn tel(phone: &str) -> Option<String> {
    let main = phone
        .split(['转', '#', 'x', 'X'])
        .next()
        .unwrap_or("")
        .split("ext")
        .next()
        .unwrap_or("");
    let digits: String = main.chars().filter(char::is_ascii_digit).collect();
    if digits.len() < 3 {
        return None;
    }
    let plus = if main.trim_start().starts_with('+') { "+" } else { "" };
    Some(format!("tel:{plus}{digits}"))
}

/// A `mailto:` link for one address; `None` unless it reads as one (a single
/// `@` with text on both sides, no spaces or control characters). Characters
/// outside the unreserved set are percent-encoded, so the address can add
/// no header (`?cc=`, `&body=`) to the link.
pub fn mailto(email: &str) -> Option<String> {
    let e = email.trim();
    let (local, domain) = e.split_once('@')?;
    if local.is_empty()
        || domain.is_empty()
        || domain.contains('@')
        || e.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        return None;
    }
    let mut out = String::from("mailto:");
    for b in e.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'@' | b'+' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_as_people_write_them() {
        assert_eq!(tel("150 8017 9467").as_deref(), Some("tel:15080179467"));
        assert_eq!(tel("+86-138-0000-0009").as_deref(), Some("tel:+8613800000009"));
        assert_eq!(tel("0512-6700 1234 转 8").as_deref(), Some("tel:051267001234"));
        assert_eq!(tel("+44 20 7946 0102 ext. 12").as_deref(), Some("tel:+442079460102"));
        assert_eq!(tel("无"), None);
    }

    #[test]
    fn an_address_adds_nothing_to_the_link() {
        assert_eq!(
            mailto(" anna@ironwood.example ").as_deref(),
            Some("mailto:anna@ironwood.example")
        );
        assert_eq!(mailto("a?cc=boss@x.cn@evil").as_deref(), None, "two @: not one address");
        assert_eq!(mailto("a&body=hi@x.cn").as_deref(), Some("mailto:a%26body%3Dhi@x.cn"));
        assert_eq!(mailto("zhangsan@"), None);
        assert_eq!(mailto("a b@x.cn"), None);
    }
}
