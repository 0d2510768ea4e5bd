//! Turning a table's stored `CREATE TABLE` text into a catalog [`Table`], the way SQLite builds
//! its in-memory schema each time it reads `sqlite_master`: columns with their `pragma
//! table_xinfo` facts, the primary key, the automatic indexes (`sqlite_autoindex_<table>_<n>`,
//! numbered and merged as SQLite does), foreign keys in `pragma foreign_key_list` order, and the
//! checks SQLite applies when it reads the definition.

use super::expr_refs::column_refs;
use super::messages;
use super::schema::MAIN;
use super::table_def::{parse_create_table, DefError, KeyDef, TableDef};
use super::tokens::Tokens;
use super::types::{column_type, STRICT_TYPES};
use crate::catalog::sqlite_extras::SqliteTable;
use crate::catalog::{
    CheckConstraint, Column, Deferral, ForeignKey, Index, IndexKey, Location, ObjectName,
    PrimaryKey, Provenance, Table, UniqueConstraint,
};

/// The collation SQLite uses when none is declared.
pub const BINARY: &str = "BINARY";

/// Reads a table from its stored SQL. `sql` must be the text as `sqlite_master` holds it.
pub fn table_from_sql(sql: &str, at: &Location) -> Result<(Table, TableDef), DefError> {
    let toks = Tokens::new(sql).map_err(|e| DefError {
        message: e.message,
        offset: e.offset,
    })?;
    let def = parse_create_table(sql, &toks)?;
    let table = table_from_def(&def, sql, at)?;
    check_expressions(&table, &def, &toks)?;
    Ok((table, def))
}

/// SQLite resolves the names in CHECK and generated-column expressions against the table; a
/// double-quoted name that is no column is a string.
fn check_expressions(table: &Table, def: &TableDef, toks: &Tokens) -> Result<(), DefError> {
    for range in &def.expressions {
        for reference in column_refs(toks, range.start, range.end) {
            let token = &toks.toks[reference.token];
            let own = reference
                .qualifier
                .as_ref()
                .is_none_or(|q| q.eq_ignore_ascii_case(&table.name.name));
            if own && !token.is_quoted() && find_column(table, &reference.name).is_none() {
                return Err(DefError {
                    message: messages::no_such_column(&reference.name),
                    offset: token.start,
                });
            }
        }
    }
    Ok(())
}

/// Builds the catalog table of a parsed definition, with SQLite's checks.
fn table_from_def(def: &TableDef, sql: &str, at: &Location) -> Result<Table, DefError> {
    let fail = |message: String, offset: usize| DefError { message, offset };
    let mut table = Table::new(ObjectName::new(MAIN, def.name.clone()), at);
    for column in &def.columns {
        if table
            .columns
            .iter()
            .any(|c| c.name.eq_ignore_ascii_case(&column.name))
        {
            return Err(fail(
                messages::duplicate_column(&column.name),
                column.name_range.start,
            ));
        }
        if def.strict {
            check_strict_type(&def.name, &column.name, &column.declared_type)
                .map_err(|m| fail(m, column.name_range.start))?;
        }
        let mut c = Column::new(
            column.name.clone(),
            column_type(&column.declared_type, def.strict),
            at,
        );
        c.not_null = column.not_null;
        c.collation = column.collation.clone();
        match &column.generated {
            Some((expr, stored)) => {
                c.generated = Some(expr.clone());
                c.sqlite.hidden = if *stored { 3 } else { 2 };
            }
            None => c.default = column.default.clone(),
        }
        table.columns.push(c);
    }
    if !table.columns.is_empty() && table.columns.iter().all(|c| c.generated.is_some()) {
        return Err(fail(messages::no_non_generated_column(), def.end));
    }
    apply_primary_key(def, &mut table)?;
    add_auto_indexes(def, &mut table)?;
    for fk in def.foreign_keys.iter().rev() {
        for column in &fk.columns {
            if find_column(&table, column).is_none() {
                return Err(fail(messages::fk_unknown_column(column), fk.at));
            }
        }
        if !fk.ref_columns.is_empty() && fk.ref_columns.len() != fk.columns.len() {
            let message = if fk.columns.len() == 1
                && def
                    .columns
                    .iter()
                    .any(|c| c.references && c.name == fk.columns[0])
            {
                messages::fk_single_column(&fk.columns[0], &fk.ref_table)
            } else {
                messages::fk_column_count()
            };
            return Err(fail(message, fk.at));
        }
        let columns: Vec<String> = fk
            .columns
            .iter()
            .map(|c| canonical_column(&table, c))
            .collect();
        table.foreign_keys.push(ForeignKey {
            name: String::new(),
            columns,
            ref_table: ObjectName::new(MAIN, fk.ref_table.clone()),
            ref_columns: fk.ref_columns.clone(),
            on_delete: fk.on_delete,
            on_update: fk.on_update,
            match_type: "NONE".to_string(),
            deferral: Deferral::default(),
            validated: true,
            definition: String::new(),
            provenance: Provenance::new(at),
        });
    }
    for check in &def.checks {
        table.checks.push(CheckConstraint {
            name: String::new(),
            definition: check.clone(),
            validated: true,
            no_inherit: false,
            provenance: Provenance::new(at),
        });
    }
    table.sqlite = SqliteTable {
        sql: Some(sql.to_string()),
        without_rowid: def.without_rowid,
        strict: def.strict,
        virtual_table: false,
        autoincrement: def.keys.iter().any(|k| k.primary && k.autoincrement),
    };
    Ok(table)
}

/// Finds a column by name the way SQLite does (case-insensitively).
pub fn find_column<'t>(table: &'t Table, name: &str) -> Option<(usize, &'t Column)> {
    table
        .columns
        .iter()
        .enumerate()
        .find(|(_, c)| c.name.eq_ignore_ascii_case(name))
}

/// The column's name as declared (a key may spell it in another case).
fn canonical_column(table: &Table, name: &str) -> String {
    find_column(table, name).map_or_else(|| name.to_string(), |(_, c)| c.name.clone())
}

fn check_strict_type(table: &str, column: &str, declared: &str) -> Result<(), String> {
    if declared.is_empty() {
        return Err(messages::strict_missing_type(table, column));
    }
    if !STRICT_TYPES
        .iter()
        .any(|t| t.eq_ignore_ascii_case(declared))
    {
        return Err(messages::strict_unknown_type(table, column, declared));
    }
    Ok(())
}

/// Whether a PRIMARY KEY constraint makes its column an alias of the rowid.
fn is_rowid_alias(table: &Table, key: &KeyDef) -> bool {
    key.columns.len() == 1
        && !(key.column_constraint && key.descending)
        && find_column(table, &key.columns[0].name).is_some_and(|(_, c)| c.ty.engine == "INTEGER")
}

fn apply_primary_key(def: &TableDef, table: &mut Table) -> Result<(), DefError> {
    let mut primaries = def.keys.iter().filter(|k| k.primary);
    let Some(key) = primaries.next() else {
        if def.without_rowid {
            return Err(DefError {
                message: messages::primary_key_missing(&def.name),
                offset: def.end,
            });
        }
        return Ok(());
    };
    if let Some(second) = primaries.next() {
        return Err(DefError {
            message: messages::more_than_one_primary_key(&def.name),
            offset: second.at,
        });
    }
    let mut names = Vec::new();
    for (position, key_column) in key.columns.iter().enumerate() {
        let Some((index, _)) = find_column(table, &key_column.name) else {
            return Err(DefError {
                message: messages::no_such_column(&key_column.name),
                offset: key.at,
            });
        };
        let column = &mut table.columns[index];
        column.sqlite.pk = position as u32 + 1;
        if def.without_rowid {
            column.not_null = true;
        }
        names.push(column.name.clone());
    }
    let alias = is_rowid_alias(table, key);
    if key.autoincrement && !alias {
        return Err(DefError {
            message: messages::autoincrement_not_integer_pk(),
            offset: key.at,
        });
    }
    if key.autoincrement && def.without_rowid {
        return Err(DefError {
            message: messages::autoincrement_without_rowid(),
            offset: key.at,
        });
    }
    if alias && !def.without_rowid {
        if let Some((index, _)) = find_column(table, &key.columns[0].name) {
            table.columns[index].sqlite.rowid_alias = true;
        }
    }
    table.primary_key = Some(PrimaryKey {
        name: String::new(),
        columns: names,
        provenance: table.provenance.clone(),
    });
    Ok(())
}

/// Creates the automatic indexes of PRIMARY KEY and UNIQUE constraints in the order SQLite
/// meets them, skipping a constraint whose index would repeat an earlier one.
fn add_auto_indexes(def: &TableDef, table: &mut Table) -> Result<(), DefError> {
    let mut deferred_pk = None;
    for key in &def.keys {
        if key.primary && is_rowid_alias(table, key) {
            if def.without_rowid {
                deferred_pk = Some(key);
            }
            continue;
        }
        add_auto_index(table, key)?;
    }
    if let Some(key) = deferred_pk {
        add_auto_index(table, key)?;
    }
    Ok(())
}

fn add_auto_index(table: &mut Table, key: &KeyDef) -> Result<(), DefError> {
    let mut keys = Vec::new();
    for key_column in &key.columns {
        let Some((_, column)) = find_column(table, &key_column.name) else {
            return Err(DefError {
                message: messages::no_such_column(&key_column.name),
                offset: key.at,
            });
        };
        let collation = key_column
            .collation
            .clone()
            .or_else(|| column.collation.clone())
            .unwrap_or_else(|| BINARY.to_string());
        keys.push(IndexKey {
            column: Some(column.name.clone()),
            definition: column.name.clone(),
            descending: if key.column_constraint {
                key.descending
            } else {
                key_column.descending
            },
            collation: Some(collation),
            sub_part: None,
        });
    }
    let origin = if key.primary { "pk" } else { "u" };
    let same = |index: &Index| {
        index.origin.as_deref() != Some("c")
            && index.keys.len() == keys.len()
            && index.keys.iter().zip(&keys).all(|(a, b)| {
                a.column == b.column
                    && a.collation
                        .as_deref()
                        .unwrap_or(BINARY)
                        .eq_ignore_ascii_case(b.collation.as_deref().unwrap_or(BINARY))
            })
    };
    if let Some(existing) = table.indexes.iter_mut().find(|i| same(i)) {
        if key.primary {
            existing.origin = Some("pk".to_string());
            existing.primary = true;
        }
        return Ok(());
    }
    let name = format!(
        "sqlite_autoindex_{}_{}",
        table.name.name,
        table.indexes.len() + 1
    );
    let columns: Vec<String> = keys.iter().filter_map(|k| k.column.clone()).collect();
    if !key.primary {
        table.uniques.push(UniqueConstraint {
            name: name.clone(),
            definition: format!("UNIQUE ({})", columns.join(", ")),
            columns,
            deferral: Deferral::default(),
            provenance: table.provenance.clone(),
        });
    }
    table.indexes.push(Index {
        name,
        unique: true,
        primary: key.primary,
        method: "btree".to_string(),
        keys,
        predicate: None,
        definition: None,
        constraint: None,
        valid: true,
        origin: Some(origin.to_string()),
        provenance: table.provenance.clone(),
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(sql: &str) -> Table {
        table_from_sql(sql, &Location::default()).unwrap().0
    }

    fn error(sql: &str) -> String {
        table_from_sql(sql, &Location::default())
            .unwrap_err()
            .message
    }

    #[test]
    fn auto_indexes_are_numbered_and_merged_like_sqlite() {
        let t = table("CREATE TABLE event (uuid TEXT NOT NULL PRIMARY KEY, a UNIQUE, b, UNIQUE (uuid), UNIQUE (b))");
        let names: Vec<(&str, &str)> = t
            .indexes
            .iter()
            .map(|i| (i.name.as_str(), i.origin.as_deref().unwrap_or("")))
            .collect();
        assert_eq!(
            names,
            vec![
                ("sqlite_autoindex_event_1", "pk"),
                ("sqlite_autoindex_event_2", "u"),
                ("sqlite_autoindex_event_3", "u")
            ]
        );
    }

    #[test]
    fn integer_primary_key_is_the_rowid() {
        let t = table("create table t(id integer primary key autoincrement, u text unique)");
        assert!(t.columns[0].sqlite.rowid_alias);
        assert_eq!(t.indexes[0].name, "sqlite_autoindex_t_1");
        let t = table("create table t(id int primary key)");
        assert!(!t.columns[0].sqlite.rowid_alias);
        let t = table("create table t(id integer primary key desc)");
        assert!(!t.columns[0].sqlite.rowid_alias);
        let t = table("create table t(id integer, primary key(id desc))");
        assert!(t.columns[0].sqlite.rowid_alias);
    }

    #[test]
    fn foreign_keys_are_listed_last_first() {
        let t = table(
            "create table t(a references p(x), b, foreign key (b) references q on delete cascade)",
        );
        assert_eq!(t.foreign_keys[0].ref_table.name, "q");
        assert!(t.foreign_keys[0].ref_columns.is_empty());
        assert_eq!(t.foreign_keys[1].columns, vec!["a"]);
    }

    #[test]
    fn sqlite_rejections() {
        assert_eq!(error("create table t(a, A)"), "duplicate column name: A");
        assert_eq!(
            error("create table t(a primary key, b, primary key(b))"),
            "table \"t\" has more than one primary key"
        );
        assert_eq!(
            error("create table t(a int primary key autoincrement)"),
            messages::autoincrement_not_integer_pk()
        );
        assert_eq!(
            error("create table t(a) without rowid"),
            "PRIMARY KEY missing on table t"
        );
        assert_eq!(
            error("create table u(b foo) strict"),
            "unknown datatype for u.b: \"foo\""
        );
        assert_eq!(
            error("create table t(a, primary key(z))"),
            "no such column: z"
        );
        assert_eq!(
            error("create table t(a references p(x, y))"),
            messages::fk_single_column("a", "p")
        );
        assert_eq!(
            error("create table t(a, foreign key(z) references p)"),
            "unknown column \"z\" in foreign key definition"
        );
    }
}
