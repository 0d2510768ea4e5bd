//! Foreign key and check constraint parity.
//!
//! A foreign key is compared by what it enforces: its columns, the referenced table (by its
//! cross-engine name) and columns, the referential actions, `MATCH FULL` and deferral; its
//! name may differ. A reference written without a column list (SQLite's `REFERENCES parent`)
//! points at the parent's primary key on that track. MySQL's InnoDB treats `RESTRICT` and
//! `NO ACTION` alike, so on MySQL they compare equal.
//!
//! A check constraint is compared by its definition, normalized for case, spacing and outer
//! parentheses, and only between tracks of the same engine: each engine prints expressions
//! its own way (Postgres adds casts and parentheses, SQLite keeps the text as written), so a
//! comparison across engines would report differences that are not there.

use super::keys::{normalize_expression, presence_differences};
use super::{neutral_name, Difference, DifferenceKind};
use crate::catalog::{Catalog, CheckConstraint, Engine, FkAction, ForeignKey, Location, Table};

/// Compares the foreign keys and check constraints of one table across tracks.
pub(super) fn compare_references(table: &str, present: &[(&str, &Catalog, &Table)], out: &mut Vec<Difference>) {
    let tables: Vec<(&str, &Table)> = present.iter().map(|(track, _, t)| (*track, *t)).collect();
    let foreign_keys: Vec<Vec<(String, Location)>> = present
        .iter()
        .map(|(_, catalog, t)| t.foreign_keys.iter().map(|fk| (signature(catalog, fk), fk.provenance.created.clone())).collect())
        .collect();
    presence_differences(DifferenceKind::ForeignKey, table, &tables, &foreign_keys, out);

    let mut engines: Vec<Engine> = Vec::new();
    for (_, catalog, _) in present {
        if !engines.contains(&catalog.engine) {
            engines.push(catalog.engine);
        }
    }
    for engine in engines {
        let same_engine: Vec<(&str, &Table)> =
            present.iter().filter(|(_, catalog, _)| catalog.engine == engine).map(|(track, _, t)| (*track, *t)).collect();
        if same_engine.len() < 2 {
            continue;
        }
        let checks: Vec<Vec<(String, Location)>> = same_engine
            .iter()
            .map(|(_, t)| t.checks.iter().map(|c| (check_signature(c), c.provenance.created.clone())).collect())
            .collect();
        presence_differences(DifferenceKind::Check, table, &same_engine, &checks, out);
    }
}

/// `(org_id) REFERENCES orgs (id) ON DELETE CASCADE`: what the foreign key enforces, in
/// `catalog`, not its name (the detail of a [`DifferenceKind::ForeignKey`] difference).
pub fn signature(catalog: &Catalog, fk: &ForeignKey) -> String {
    let referenced = if fk.ref_columns.is_empty() {
        catalog.tables.get(&fk.ref_table).and_then(|parent| parent.primary_key.as_ref()).map(|pk| pk.columns.clone()).unwrap_or_default()
    } else {
        fk.ref_columns.clone()
    };
    let mut out = format!("({}) REFERENCES {}", fk.columns.join(", "), neutral_name(catalog, &fk.ref_table));
    if !referenced.is_empty() {
        out.push_str(&format!(" ({})", referenced.join(", ")));
    }
    if fk.match_type.eq_ignore_ascii_case("FULL") {
        out.push_str(" MATCH FULL");
    }
    for (event, action) in [("DELETE", fk.on_delete), ("UPDATE", fk.on_update)] {
        let action = match (catalog.engine, action) {
            (Engine::Mysql, FkAction::Restrict) => FkAction::NoAction,
            _ => action,
        };
        if action != FkAction::NoAction {
            out.push_str(&format!(" ON {event} {}", action.sql()));
        }
    }
    if fk.deferral.deferrable {
        out.push_str(if fk.deferral.initially_deferred { " DEFERRABLE INITIALLY DEFERRED" } else { " DEFERRABLE" });
    }
    out
}

/// The normalized definition of a check constraint (the detail of a
/// [`DifferenceKind::Check`] difference).
pub fn check_signature(check: &CheckConstraint) -> String {
    normalize_expression(&check.definition)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::super::{check, TrackCatalog};
    use crate::catalog::*;

    fn fk(columns: &[&str], parent: &str, ref_columns: &[&str], on_delete: FkAction, line: u32) -> ForeignKey {
        ForeignKey {
            name: format!("fk_{line}"),
            columns: columns.iter().map(|c| c.to_string()).collect(),
            ref_table: ObjectName::new("public", parent),
            ref_columns: ref_columns.iter().map(|c| c.to_string()).collect(),
            on_delete,
            on_update: FkAction::NoAction,
            match_type: "SIMPLE".into(),
            deferral: Deferral::default(),
            validated: true,
            definition: String::new(),
            provenance: Provenance::new(&at("m.sql", line)),
        }
    }

    fn with_fks(fks: Vec<ForeignKey>) -> Table {
        let mut child = table("child", "m.sql", 1, vec![]);
        child.foreign_keys = fks;
        child
    }

    fn parent() -> Table {
        let mut parent = table("parent", "m.sql", 1, vec![]);
        parent.primary_key = Some(PrimaryKey { name: "parent_pkey".into(), columns: vec!["id".into()], provenance: Provenance::new(&at("m.sql", 1)) });
        parent
    }

    fn headlines(a: &Catalog, b: &Catalog) -> Vec<String> {
        check(&[TrackCatalog { name: "a", catalog: a }, TrackCatalog { name: "b", catalog: b }]).iter().map(|d| d.headline()).collect()
    }

    #[test]
    fn equivalent_foreign_keys_match_whatever_their_names() {
        let a = catalog(vec![parent(), with_fks(vec![fk(&["parent_id"], "parent", &["id"], FkAction::Cascade, 3)])]);
        let mut implicit = fk(&["parent_id"], "parent", &[], FkAction::Cascade, 9);
        implicit.name = "other_name".into();
        let b = catalog(vec![parent(), with_fks(vec![implicit])]);
        assert_eq!(headlines(&a, &b), Vec::<String>::new());
    }

    #[test]
    fn missing_and_changed_foreign_keys_are_reported() {
        let a = catalog(vec![
            parent(),
            with_fks(vec![fk(&["parent_id"], "parent", &["id"], FkAction::Cascade, 3), fk(&["owner_id"], "parent", &["id"], FkAction::NoAction, 4)]),
        ]);
        let b = catalog(vec![parent(), with_fks(vec![fk(&["parent_id"], "parent", &["id"], FkAction::SetNull, 7)])]);
        assert_eq!(
            headlines(&a, &b),
            vec![
                "foreign key on `child` (owner_id) REFERENCES parent (id) exists on track `a` but not on track `b`",
                "foreign key on `child` (parent_id) REFERENCES parent (id) ON DELETE CASCADE exists on track `a` but not on track `b`",
                "foreign key on `child` (parent_id) REFERENCES parent (id) ON DELETE SET NULL exists on track `b` but not on track `a`",
            ]
        );
    }

    #[test]
    fn mysql_restrict_is_no_action() {
        let mut mysql = Catalog::new(Engine::Mysql);
        let mut child = with_fks(vec![fk(&["parent_id"], "parent", &["id"], FkAction::Restrict, 3)]);
        child.name = ObjectName::new("", "child");
        child.foreign_keys[0].ref_table = ObjectName::new("", "parent");
        let mut mysql_parent = parent();
        mysql_parent.name = ObjectName::new("", "parent");
        mysql.tables.insert(child.name.clone(), child);
        mysql.tables.insert(mysql_parent.name.clone(), mysql_parent);
        let postgres = catalog(vec![parent(), with_fks(vec![fk(&["parent_id"], "parent", &["id"], FkAction::NoAction, 3)])]);
        assert_eq!(headlines(&postgres, &mysql), Vec::<String>::new());
        let restrict = catalog(vec![parent(), with_fks(vec![fk(&["parent_id"], "parent", &["id"], FkAction::Restrict, 3)])]);
        assert_eq!(headlines(&postgres, &restrict).len(), 2, "on Postgres RESTRICT and NO ACTION differ");
    }

    fn with_check(engine: Engine, definition: &str) -> Catalog {
        let mut t = table("t", "m.sql", 1, vec![]);
        t.checks.push(CheckConstraint {
            name: "t_check".into(),
            definition: definition.into(),
            validated: true,
            no_inherit: false,
            provenance: Provenance::new(&at("m.sql", 2)),
        });
        let mut c = catalog(vec![]);
        c.engine = engine;
        t.name = ObjectName::new(engine.default_schema(), "t");
        c.tables.insert(t.name.clone(), t);
        c
    }

    #[test]
    fn checks_compare_by_definition_on_the_same_engine_only() {
        let pg = with_check(Engine::Postgres, "CHECK ((price > (0)::numeric))");
        assert_eq!(headlines(&pg, &with_check(Engine::Postgres, "CHECK ((PRICE >  (0)::numeric))")), Vec::<String>::new());
        assert_eq!(
            headlines(&pg, &with_check(Engine::Postgres, "CHECK ((price >= (0)::numeric))")),
            vec![
                "check constraint on `t` check ((price > (0)::numeric)) exists on track `a` but not on track `b`",
                "check constraint on `t` check ((price >= (0)::numeric)) exists on track `b` but not on track `a`",
            ]
        );
        assert_eq!(headlines(&pg, &with_check(Engine::Sqlite, "CHECK (price > 0)")), Vec::<String>::new());
    }
}
