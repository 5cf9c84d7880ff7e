//! A passphrase that leaves memory when it is dropped (zeroized), and never
//! shows in `Debug` output or logs.

use zeroize::Zeroizing;

/// A handover passphrase.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Passphrase(Zeroizing<String>);

impl Passphrase {
    /// The passphrase's text.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Whether it is empty (no encryption).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl From<String> for Passphrase {
    fn from(s: String) -> Self {
        Passphrase(Zeroizing::new(s))
    }
}

impl From<&str> for Passphrase {
    fn from(s: &str) -> Self {
        Passphrase(Zeroizing::new(s.to_string()))
    }
}

impl std::fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Passphrase(…)")
    }
}
