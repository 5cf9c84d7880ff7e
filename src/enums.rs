//! The closed vocabularies of the domain (DOMAIN.md), stored as text.
//!
//! Each enum serialises to the same snake_case string that the database
//! CHECK constraints allow and the UI translates, so one spelling travels
//! from disk to screen.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Rule};

/// Declares a text-backed enum with `as_str`, `ALL` and a validating parser.
macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant),+
        }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stored spelling.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Parses the stored spelling; `field` names the field in the error.
            pub fn parse(text: &str, field: &str) -> Result<Self, Error> {
                match text {
                    $($text => Ok($name::$variant),)+
                    other => Err(Error::invalid(field, Rule::UnknownValue {
                        value: other.to_string(),
                        allowed: Self::ALL.iter().map(|v| v.as_str().to_string()).collect(),
                    })),
                }
            }
        }

        impl std::str::FromStr for $name {
            type Err = Error;
            fn from_str(text: &str) -> Result<Self, Error> {
                $name::parse(text, stringify!($name))
            }
        }

        impl rusqlite::types::FromSql for $name {
            fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                let text = value.as_str()?;
                $name::parse(text, stringify!($name))
                    .map_err(|e| rusqlite::types::FromSqlError::Other(Box::new(e)))
            }
        }

        impl rusqlite::types::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(self.as_str().into())
            }
        }
    };
}

string_enum!(
    /// Where a customer stands with us.
    Status {
        /// Not yet buying.
        Prospect = "prospect",
        /// Buying.
        Active = "active",
        /// Used to buy, has gone quiet.
        Dormant = "dormant",
        /// Gone; the card records why.
        Lost = "lost",
    }
);

string_enum!(
    /// Value tier (客户分级): S and A are strategic / partner customers.
    Tier { S = "S", A = "A", B = "B", C = "C" }
);

string_enum!(
    /// A key person's role in the customer's decision chain (决策链).
    Role {
        DecisionMaker = "decision_maker",
        Influencer = "influencer",
        TechnicalEvaluator = "technical_evaluator",
        User = "user",
        /// Procurement or gatekeeper.
        Gatekeeper = "gatekeeper",
        /// Inside supporter who coaches us.
        Coach = "coach",
    }
);

string_enum!(
    /// A key person's attitude to us.
    Attitude { Supporter = "supporter", Neutral = "neutral", Opponent = "opponent" }
);

string_enum!(
    /// Age band of a key person.
    AgeBand {
        Under30 = "under_30",
        Thirties = "30s",
        Forties = "40s",
        Fifties = "50s",
        SixtyPlus = "60_plus",
    }
);

string_enum!(
    /// How a contact happens, and how a person prefers to be reached.
    Channel {
        Phone = "phone",
        Visit = "visit",
        Meeting = "meeting",
        Email = "email",
        Message = "message",
        Event = "event",
        Meal = "meal",
        Other = "other",
    }
);

string_enum!(
    /// The layer of a relationship: everyday (普遍), senior (高层), organisational (组织型).
    Layer { Everyday = "everyday", Senior = "senior", Organisational = "organisational" }
);

string_enum!(
    /// Interface language. `System` follows the operating system's locale.
    Language { System = "system", Zh = "zh", En = "en" }
);

string_enum!(
    /// The customer's objection in a contact (the seeds' common ones).
    Objection {
        /// 价格太高
        Price = "price",
        /// 我们已经有了 / 自己能做
        AlreadyHave = "already_have",
        /// 我不负责 — record who is in charge
        NotInCharge = "not_in_charge",
        /// 发资料来看看 — follow up whether the decision maker saw it
        SendMaterial = "send_material",
        /// Something else, in the note.
        Other = "other",
    }
);

string_enum!(
    /// Kinds of transaction (交易记录).
    DealKind {
        Quote = "quote",
        Order = "order",
        Contract = "contract",
        Payment = "payment",
        /// Goods returned: subtracts from revenue.
        Return = "return",
    }
);

string_enum!(
    /// The six dimensions of the key-customer relationship card (关键客户拓展卡片).
    Dimension {
        /// 接受认可度: do they know and accept our company, beyond one person?
        Acceptance = "acceptance",
        /// 活动参与度: do they come to our events when invited?
        Events = "events",
        /// 信息传递: do they pass us information?
        Information = "information",
        /// 项目日常指导: do they coach us on how to work with them?
        Guidance = "guidance",
        /// 项目支持度: do they back our bids and projects?
        Support = "support",
        /// 竞争态度: do they favour us over competitors?
        Competition = "competition",
    }
);

string_enum!(
    /// Kotler's five relationship types: how we serve the customer.
    RelationshipType {
        Basic = "basic",
        Reactive = "reactive",
        Accountable = "accountable",
        Proactive = "proactive",
        Partner = "partner",
    }
);
