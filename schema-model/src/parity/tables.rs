//! Table and column parity: presence, type compatibility, nullability, default presence.

use super::types::compatible;
use super::{group_sides, Difference, DifferenceKind, Side, MISSING};
use crate::catalog::{Column, Table};

/// The difference for a table that some tracks lack.
pub(super) fn table_presence(name: &str, found: &[(&str, Option<&Table>)]) -> Difference {
    let entries = found
        .iter()
        .map(|(track, table)| match table {
            Some(t) => (*track, true, "present".to_string(), Some(t.provenance.created.clone())),
            None => (*track, false, MISSING.to_string(), None),
        })
        .collect();
    Difference { kind: DifferenceKind::Table, table: name.to_string(), column: None, detail: None, sides: group_sides(entries) }
}

/// Compares the columns of one table present on several tracks.
pub(super) fn compare_columns(table: &str, present: &[(&str, &Table)], out: &mut Vec<Difference>) {
    for column in column_names(present) {
        let found: Vec<(&str, &Table, Option<&Column>)> =
            present.iter().map(|(track, t)| (*track, *t, t.column(&column))).collect();
        let with: Vec<(&str, &Column)> = found.iter().filter_map(|(track, _, c)| c.map(|c| (*track, c))).collect();
        let difference = |kind, sides| Difference {
            kind,
            table: table.to_string(),
            column: Some(column.clone()),
            detail: None,
            sides,
        };
        if with.len() < found.len() {
            let entries = found
                .iter()
                .map(|(track, t, c)| match c {
                    Some(c) => (*track, true, "present".to_string(), Some(c.provenance.created.clone())),
                    None => (*track, false, MISSING.to_string(), Some(t.provenance.created.clone())),
                })
                .collect();
            out.push(difference(DifferenceKind::Column, group_sides(entries)));
        }
        if with.len() < 2 {
            continue;
        }
        if let Some(sides) = type_difference(&with) {
            out.push(difference(DifferenceKind::ColumnType, sides));
        }
        let nullability = with
            .iter()
            .map(|(track, c)| {
                let shown = if c.never_null() { "NOT NULL" } else { "nullable" };
                (*track, c.never_null(), shown.to_string(), Some(c.provenance.changed.clone()))
            })
            .collect();
        let sides = group_sides(nullability);
        if sides.len() > 1 {
            out.push(difference(DifferenceKind::Nullability, sides));
        }
        let defaults = with
            .iter()
            .map(|(track, c)| {
                let shown = value_when_omitted(c);
                (*track, shown.is_some(), shown.unwrap_or_else(|| "no default".to_string()), Some(c.provenance.changed.clone()))
            })
            .collect();
        let sides = group_sides(defaults);
        if sides.len() > 1 {
            out.push(difference(DifferenceKind::Default, sides));
        }
    }
}

/// Whether a printed default is the NULL literal (`NULL`, MariaDB's `NULL`, `NULL::text`),
/// which gives the same value as no default at all.
fn is_null_literal(default: &str) -> bool {
    let value = default.split("::").next().unwrap_or(default).trim();
    value.eq_ignore_ascii_case("null")
}

/// The sides of a type difference, when some pair of tracks has incompatible types.
fn type_difference(with: &[(&str, &Column)]) -> Option<Vec<Side>> {
    let clash = with
        .iter()
        .enumerate()
        .any(|(i, (_, a))| with[i + 1..].iter().any(|(_, b)| !compatible(&a.ty, &b.ty)));
    if !clash {
        return None;
    }
    let entries = with
        .iter()
        .map(|(track, c)| (*track, c.ty.engine.clone(), c.ty.engine.clone(), Some(c.provenance.changed.clone())))
        .collect();
    Some(group_sides(entries))
}

/// What a column gets when an INSERT leaves it out, when anything: its default, an identity,
/// a generated expression, a rowid alias or auto-increment.
fn value_when_omitted(c: &Column) -> Option<String> {
    if let Some(default) = c.default.as_deref().filter(|d| !is_null_literal(d)) {
        Some(format!("DEFAULT {default}"))
    } else if let Some(identity) = c.identity {
        Some(format!("identity ({identity:?})"))
    } else if let Some(generated) = &c.generated {
        Some(format!("GENERATED AS ({generated})"))
    } else if c.sqlite.rowid_alias {
        Some("rowid alias".to_string())
    } else if c.mysql.auto_increment {
        Some("AUTO_INCREMENT".to_string())
    } else {
        None
    }
}

/// Every column name of the table across tracks, in first-seen order.
fn column_names(present: &[(&str, &Table)]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for (_, table) in present {
        for c in &table.columns {
            if !names.contains(&c.name) {
                names.push(c.name.clone());
            }
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::super::{check, DifferenceKind, TrackCatalog};
    use crate::catalog::LogicalType;

    #[test]
    fn column_differences_each_reported_once() {
        let mut ttl = column("token_ttl", int4(), true, "pg/0003.sql", 1);
        ttl.default = Some("3600".into());
        let a = catalog(vec![table(
            "oauth_clients",
            "pg/0001.sql",
            1,
            vec![
                column("id", ty("bigint", LogicalType::Integer { bytes: 8, unsigned: false }), true, "pg/0001.sql", 2),
                column("name", text(), true, "pg/0001.sql", 3),
                ttl,
            ],
        )]);
        let b = catalog(vec![table(
            "oauth_clients",
            "lite.sql",
            4,
            vec![column("id", int4(), true, "lite.sql", 5), column("name", text(), false, "lite.sql", 6)],
        )]);
        let tracks = [TrackCatalog { name: "postgres", catalog: &a }, TrackCatalog { name: "pglite", catalog: &b }];
        let diffs = check(&tracks);
        let kinds: Vec<_> = diffs.iter().map(|d| (d.kind, d.column.clone().unwrap())).collect();
        assert_eq!(
            kinds,
            vec![
                (DifferenceKind::ColumnType, "id".to_string()),
                (DifferenceKind::Nullability, "name".to_string()),
                (DifferenceKind::Column, "token_ttl".to_string()),
            ]
        );
        assert_eq!(
            diffs[0].to_string(),
            "column `oauth_clients.id` has incompatible types across tracks\n  track `postgres`: bigint (pg/0001.sql:2:1)\n  track `pglite`: integer (lite.sql:5:1)"
        );
        assert_eq!(
            diffs[2].to_string(),
            "column `oauth_clients.token_ttl` exists on track `postgres` but not on track `pglite`\n  track `postgres`: present (pg/0003.sql:1:1)\n  track `pglite`: missing (table created at lite.sql:4:1)"
        );
    }

    #[test]
    fn default_presence() {
        let mut with_default = column("state", text(), true, "a.sql", 2);
        with_default.default = Some("'new'::text".into());
        let a = catalog(vec![table("t", "a.sql", 1, vec![with_default])]);
        let b = catalog(vec![table("t", "b.sql", 1, vec![column("state", text(), true, "b.sql", 2)])]);
        let diffs = check(&[TrackCatalog { name: "a", catalog: &a }, TrackCatalog { name: "b", catalog: &b }]);
        assert_eq!(diffs.len(), 1);
        assert_eq!(diffs[0].kind, DifferenceKind::Default);
        assert_eq!(diffs[0].sides[0].value, "DEFAULT 'new'::text");
        assert_eq!(diffs[0].sides[1].value, "no default");
    }

    #[test]
    fn a_null_default_is_no_default() {
        let mut null_default = column("state", text(), false, "a.sql", 2);
        null_default.default = Some("NULL::text".into());
        let a = catalog(vec![table("t", "a.sql", 1, vec![null_default])]);
        let b = catalog(vec![table("t", "b.sql", 1, vec![column("state", text(), false, "b.sql", 2)])]);
        let diffs = check(&[TrackCatalog { name: "a", catalog: &a }, TrackCatalog { name: "b", catalog: &b }]);
        assert!(diffs.is_empty(), "{diffs:?}");
    }
}
