//! One list of a kind's columns, from which its `COLUMNS`, its reading
//! (by name) and its writing (the values, in the same order) all come, so
//! the three can never disagree and no kind spells them out by hand.
//!
//! ```ignore
//! record_row! {
//!     id, customer_id,
//!     draft: DealDraft { kind, occurred_on, amount_minor, currency, description },
//!     created_at, updated_at, deleted_at
//! }
//! ```
//!
//! A column is a field of the record, or of one struct flattened into it
//! (`draft: DealDraft { … }`); `tags json` marks a list kept as JSON text.

/// Declares `COLUMNS`, `from_row` and `values` inside `impl Record for …`.
#[macro_export]
macro_rules! record_row {
    // The column names, in order, nested ones in place.
    (@names [$($acc:expr),*]) => { &[$($acc),*] };
    (@names [$($acc:expr),*] , $($rest:tt)*) => { $crate::record_row!(@names [$($acc),*] $($rest)*) };
    (@names [$($acc:expr),*] $f:ident : $I:ident { $($inner:tt)* } $(, $($rest:tt)*)?) => {
        $crate::record_row!(@names [$($acc),*] $($inner)* $(, $($rest)*)?)
    };
    (@names [$($acc:expr),*] $f:ident json $(, $($rest:tt)*)?) => {
        $crate::record_row!(@names [$($acc,)* stringify!($f)] $($($rest)*)?)
    };
    (@names [$($acc:expr),*] $f:ident $(, $($rest:tt)*)?) => {
        $crate::record_row!(@names [$($acc,)* stringify!($f)] $($($rest)*)?)
    };

    // The struct literal, each field read by its column's name.
    // (Each is looked for first where COLUMNS puts it, found at compile
    // time, and by name only if the query put it elsewhere.)
    (@read $T:tt, $row:ident, $cols:path, [$($acc:tt)*]) => { ($T { $($acc)* }) };
    (@read $T:tt, $row:ident, $cols:path, [$($acc:tt)*] $f:ident : $I:ident { $($inner:tt)* } $(, $($rest:tt)*)?) => {
        $crate::record_row!(@read $T, $row, $cols,
            [$($acc)* $f: $crate::record_row!(@read $I, $row, $cols, [] $($inner)*),] $($($rest)*)?)
    };
    (@read $T:tt, $row:ident, $cols:path, [$($acc:tt)*] $f:ident json $(, $($rest:tt)*)?) => {
        $crate::record_row!(@read $T, $row, $cols, [$($acc)* $f: $crate::record::json_column(
            $row, const { $crate::record::index_of($cols, stringify!($f)) }, stringify!($f))?,] $($($rest)*)?)
    };
    (@read $T:tt, $row:ident, $cols:path, [$($acc:tt)*] $f:ident $(, $($rest:tt)*)?) => {
        $crate::record_row!(@read $T, $row, $cols, [$($acc)* $f: $crate::record::cell(
            $row, const { $crate::record::index_of($cols, stringify!($f)) }, stringify!($f))?,] $($($rest)*)?)
    };

    // The values to write, in the order of the names.
    (@write $v:ident, $r:expr, ) => {};
    (@write $v:ident, $r:expr, $f:ident : $I:ident { $($inner:tt)* } $(, $($rest:tt)*)?) => {
        $crate::record_row!(@write $v, &$r.$f, $($inner)*);
        $crate::record_row!(@write $v, $r, $($($rest)*)?);
    };
    (@write $v:ident, $r:expr, $f:ident json $(, $($rest:tt)*)?) => {
        $v.push(rusqlite::types::ToSqlOutput::from($crate::record::json_text(&$r.$f)?));
        $crate::record_row!(@write $v, $r, $($($rest)*)?);
    };
    (@write $v:ident, $r:expr, $f:ident $(, $($rest:tt)*)?) => {
        $v.push(rusqlite::types::ToSql::to_sql(&$r.$f)?);
        $crate::record_row!(@write $v, $r, $($($rest)*)?);
    };

    // The entry: the internal rules above start with @.
    ($($spec:tt)*) => {
        const COLUMNS: &'static [&'static str] = $crate::record_row!(@names [] $($spec)*);

        fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
            Ok($crate::record_row!(@read Self, row, Self::COLUMNS, [] $($spec)*))
        }

        fn values(&self) -> $crate::error::Result<Vec<rusqlite::types::ToSqlOutput<'_>>> {
            let mut values = Vec::with_capacity(Self::COLUMNS.len());
            let record = self;
            $crate::record_row!(@write values, record, $($spec)*);
            Ok(values)
        }
    };
}
