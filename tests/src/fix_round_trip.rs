//! The comparison behind the fix-it SQL round trips (`cargo schema diff --sql`): the parity
//! differences between a source schema A and a target B, and the script `fix_sql` prints to
//! make B match A.

use schema_model::catalog::Catalog;
use schema_model::fix_sql::fix_script;
use schema_model::parity::{self, TrackCatalog};
use schema_model::risk::{changes_from_parity, Change, Named};

/// Every parity difference between A and B, printed.
pub fn differences(a: &Catalog, b: &Catalog) -> Vec<String> {
    parity_differences(a, b).iter().map(|d| d.to_string()).collect()
}

/// The fix script making `b` match `a`; `None` when the two schemas do not differ.
pub fn fix_script_between(a: &Catalog, b: &Catalog) -> Option<String> {
    let before = parity_differences(a, b);
    if before.is_empty() {
        return None;
    }
    let changes: Vec<Change> = before
        .iter()
        .flat_map(|d| changes_from_parity(d, Named { name: "A", catalog: a }, Named { name: "B", catalog: b }))
        .collect();
    Some(fix_script(&changes, a, b))
}

fn parity_differences(a: &Catalog, b: &Catalog) -> Vec<parity::Difference> {
    parity::check(&[TrackCatalog { name: "A", catalog: a }, TrackCatalog { name: "B", catalog: b }])
}
