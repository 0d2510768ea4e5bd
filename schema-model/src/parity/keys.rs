//! Key and index parity: primary keys, uniqueness guarantees and functionally equivalent
//! indexes (same table, keys, uniqueness and predicate; names may differ).
//!
//! A unique constraint and a unique index without predicate on plain columns guarantee the
//! same thing, so both count as one uniqueness guarantee over a set of columns. Indexes that
//! back a primary key or unique constraint are compared through those; every other index is
//! compared by its signature.

use super::{group_sides, Difference, DifferenceKind, MISSING};
use crate::catalog::{Index, Location, Table};

/// Compares primary keys, uniqueness guarantees and indexes of one table across tracks.
pub(super) fn compare_keys(table: &str, present: &[(&str, &Table)], out: &mut Vec<Difference>) {
    let primary = present
        .iter()
        .map(|(track, t)| match &t.primary_key {
            Some(pk) => (*track, Some(pk.columns.clone()), format!("PRIMARY KEY ({})", pk.columns.join(", ")), Some(pk.provenance.changed.clone())),
            None => (*track, None, "no primary key".to_string(), Some(t.provenance.created.clone())),
        })
        .collect();
    let sides = group_sides(primary);
    if sides.len() > 1 {
        out.push(Difference { kind: DifferenceKind::PrimaryKey, table: table.to_string(), column: None, detail: None, sides });
    }
    let uniques: Vec<Vec<(String, Location)>> = present.iter().map(|(_, t)| unique_guarantees(t)).collect();
    presence_differences(DifferenceKind::Unique, table, present, &uniques, out);
    let indexes: Vec<Vec<(String, Location)>> = present.iter().map(|(_, t)| index_signatures(t)).collect();
    presence_differences(DifferenceKind::Index, table, present, &indexes, out);
}

/// One difference per signature that some tracks lack.
pub(super) fn presence_differences(
    kind: DifferenceKind,
    table: &str,
    present: &[(&str, &Table)],
    per_track: &[Vec<(String, Location)>],
    out: &mut Vec<Difference>,
) {
    let mut signatures: Vec<&String> = per_track.iter().flatten().map(|(s, _)| s).collect();
    signatures.sort();
    signatures.dedup();
    for signature in signatures {
        let entries: Vec<_> = present
            .iter()
            .zip(per_track)
            .map(|((track, t), found)| match found.iter().find(|(s, _)| s == signature) {
                Some((_, at)) => (*track, true, "present".to_string(), Some(at.clone())),
                None => (*track, false, MISSING.to_string(), Some(t.provenance.created.clone())),
            })
            .collect();
        if entries.iter().any(|e| !e.1) {
            out.push(Difference {
                kind,
                table: table.to_string(),
                column: None,
                detail: Some(signature.clone()),
                sides: group_sides(entries),
            });
        }
    }
}

/// Column sets (sorted, comma separated) guaranteed unique, with where each was declared.
fn unique_guarantees(table: &Table) -> Vec<(String, Location)> {
    let mut out: Vec<(String, Location)> = Vec::new();
    let mut add = |columns: Vec<String>, at: &Location| {
        let key = unique_key(&columns);
        if !out.iter().any(|(k, _)| *k == key) {
            out.push((key, at.clone()));
        }
    };
    for unique in &table.uniques {
        add(unique.columns.clone(), &unique.provenance.created);
    }
    for index in table.indexes.iter().filter(|i| is_standalone(i) && i.unique && i.predicate.is_none()) {
        if let Some(columns) = index.keys.iter().map(|k| k.column.clone()).collect::<Option<Vec<String>>>() {
            add(columns, &index.provenance.created);
        }
    }
    out
}

/// The detail of a [`DifferenceKind::Unique`] difference: the column names sorted and
/// comma separated.
pub fn unique_key(columns: &[String]) -> String {
    let mut columns = columns.to_vec();
    columns.sort();
    columns.join(", ")
}

/// Signatures of the indexes that are neither key-backing nor plain uniqueness guarantees.
fn index_signatures(table: &Table) -> Vec<(String, Location)> {
    table
        .indexes
        .iter()
        .filter(|i| is_standalone(i))
        .filter(|i| !(i.unique && i.predicate.is_none() && i.keys.iter().all(|k| k.column.is_some())))
        .map(|i| (signature(i), i.provenance.created.clone()))
        .collect()
}

/// Whether the index was created on its own rather than to back a constraint.
fn is_standalone(index: &Index) -> bool {
    !index.primary && index.constraint.is_none() && !matches!(index.origin.as_deref(), Some("pk" | "u"))
}

/// `UNIQUE (a, lower(b) DESC) WHERE deleted_at is null`: what the index does, not its name
/// (the detail of a [`DifferenceKind::Index`] difference).
pub fn signature(index: &Index) -> String {
    let keys: Vec<String> = index
        .keys
        .iter()
        .map(|k| {
            let key = k.column.clone().unwrap_or_else(|| normalize_expression(&k.definition));
            if k.descending && !key.ends_with(" DESC") { format!("{key} DESC") } else { key }
        })
        .collect();
    let mut out = format!("{}({})", if index.unique { "UNIQUE " } else { "" }, keys.join(", "));
    if let Some(predicate) = &index.predicate {
        out.push_str(" WHERE ");
        out.push_str(&normalize_expression(predicate));
    }
    out
}

/// Lower-cases outside quotes, collapses whitespace and drops redundant outer parentheses,
/// so the same expression printed by different engines compares equal.
pub(super) fn normalize_expression(text: &str) -> String {
    let mut out = String::new();
    let mut quote: Option<char> = None;
    let mut space = false;
    for c in text.trim().chars() {
        match quote {
            Some(q) => {
                out.push(c);
                if c == q {
                    quote = None;
                }
            }
            None if c.is_whitespace() => space = true,
            None => {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                if c == '\'' || c == '"' || c == '`' {
                    quote = Some(c);
                }
                out.extend(c.to_lowercase());
            }
        }
    }
    while out.starts_with('(') && out.ends_with(')') && wraps_whole(&out) {
        out = out[1..out.len() - 1].trim().to_string();
    }
    out
}

/// Whether the parenthesis opening `text` closes at its very end.
fn wraps_whole(text: &str) -> bool {
    let mut depth = 0i32;
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return i == text.len() - 1;
                }
            }
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::super::{check, DifferenceKind, TrackCatalog};
    use super::*;
    use crate::catalog::{IndexKey, PrimaryKey, Provenance, UniqueConstraint};

    fn index(name: &str, unique: bool, keys: &[(&str, bool)], predicate: Option<&str>, line: u32) -> Index {
        Index {
            name: name.into(),
            unique,
            primary: false,
            method: "btree".into(),
            keys: keys
                .iter()
                .map(|(k, is_column)| IndexKey {
                    column: is_column.then(|| k.to_string()),
                    definition: k.to_string(),
                    descending: false,
                    collation: None,
                    sub_part: None,
                })
                .collect(),
            predicate: predicate.map(str::to_string),
            definition: None,
            constraint: None,
            valid: true,
            origin: None,
            provenance: Provenance::new(&at("m.sql", line)),
        }
    }

    #[test]
    fn equivalent_indexes_with_other_names_match() {
        let mut a = table("t", "a.sql", 1, vec![]);
        a.indexes.push(index("t_email_idx", false, &[("lower(email)", false)], Some("(deleted_at IS NULL)"), 3));
        a.uniques.push(UniqueConstraint {
            name: "t_code_key".into(),
            columns: vec!["code".into(), "org".into()],
            definition: "UNIQUE (code, org)".into(),
            deferral: Default::default(),
            provenance: Provenance::new(&at("a.sql", 2)),
        });
        a.primary_key = Some(PrimaryKey { name: "t_pkey".into(), columns: vec!["id".into()], provenance: Provenance::new(&at("a.sql", 1)) });
        let mut b = table("t", "b.sql", 1, vec![]);
        b.indexes.push(index("by_email", false, &[("LOWER(email)", false)], Some("deleted_at  IS NULL"), 7));
        b.indexes.push(index("code_org", true, &[("org", true), ("code", true)], None, 8));
        b.primary_key = Some(PrimaryKey { name: "pk".into(), columns: vec!["id".into()], provenance: Provenance::new(&at("b.sql", 1)) });
        let (a, b) = (catalog(vec![a]), catalog(vec![b]));
        assert_eq!(check(&[TrackCatalog { name: "a", catalog: &a }, TrackCatalog { name: "b", catalog: &b }]), vec![]);
    }

    #[test]
    fn differing_keys_and_indexes() {
        let mut a = table("t", "a.sql", 1, vec![]);
        a.indexes.push(index("t_state", false, &[("state", true)], None, 3));
        a.indexes.push(index("t_code", true, &[("code", true)], None, 4));
        a.primary_key = Some(PrimaryKey { name: "t_pkey".into(), columns: vec!["id".into()], provenance: Provenance::new(&at("a.sql", 1)) });
        let mut b = table("t", "b.sql", 1, vec![]);
        b.indexes.push(index("t_state", false, &[("state", true)], Some("state <> 'done'"), 5));
        let (a, b) = (catalog(vec![a]), catalog(vec![b]));
        let diffs = check(&[TrackCatalog { name: "a", catalog: &a }, TrackCatalog { name: "b", catalog: &b }]);
        let shown: Vec<String> = diffs.iter().map(|d| d.headline()).collect();
        assert_eq!(
            shown,
            vec![
                "the primary key of `t` differs across tracks",
                "unique constraint on `t` (code) exists on track `a` but not on track `b`",
                "index on `t` (state) exists on track `a` but not on track `b`",
                "index on `t` (state) WHERE state <> 'done' exists on track `b` but not on track `a`",
            ]
        );
        assert_eq!(diffs[0].kind, DifferenceKind::PrimaryKey);
        assert_eq!(diffs[0].sides[1].value, "no primary key");
    }

    #[test]
    fn normalizing_expressions() {
        assert_eq!(normalize_expression("((a IS NULL))"), "a is null");
        assert_eq!(normalize_expression("(a) AND (b)"), "(a) and (b)");
        assert_eq!(normalize_expression("name = 'A  B'"), "name = 'A  B'");
    }
}
