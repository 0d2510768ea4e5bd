//! Adding table constraints (PRIMARY KEY, UNIQUE, FOREIGN KEY, CHECK) the way Postgres
//! does for both CREATE TABLE and ALTER TABLE: generated names, the unique index behind a
//! key, the definitions `pg_get_constraintdef` prints, and Postgres's errors.

use super::expr::{condition, Scope};
use super::index::{constraint_index, remember_constraint_index, KeyShape};
use super::names::{choose_name, name_addition, quote_ident};
use super::state::{CheckShape, PgState, Stmt};
use super::types::PgType;
use crate::catalog::{
    CheckConstraint, Deferral, FkAction, ForeignKey, Location, ObjectName, PrimaryKey, Provenance, Table,
    UniqueConstraint,
};
use crate::error::ReplayError;
use sqlparser::ast::{
    ConstraintCharacteristics, ConstraintReferenceMatchKind, DeferrableInitial, Expr, ObjectName as SqlName,
    ReferentialAction,
};

/// The columns of `table` as an expression scope.
pub fn table_scope(table: &Table) -> Scope {
    Scope::single(
        &table.name.name,
        table.columns.iter().map(|c| (c.name.clone(), PgType::parse_formatted(&c.ty.engine))).collect(),
    )
}

/// A relation name as `generate_relation_name` prints it (public is on the search path).
pub fn relation_text(name: &ObjectName) -> String {
    if name.schema == "public" {
        quote_ident(&name.name)
    } else {
        format!("{}.{}", quote_ident(&name.schema), quote_ident(&name.name))
    }
}

/// Column names as Postgres lists them in definitions: `a, "order"`.
pub fn column_list(columns: &[String]) -> String {
    columns.iter().map(|c| quote_ident(c)).collect::<Vec<_>>().join(", ")
}

pub fn deferral(characteristics: &Option<ConstraintCharacteristics>) -> Deferral {
    let Some(c) = characteristics else { return Deferral::default() };
    let initially_deferred = c.initially == Some(DeferrableInitial::Deferred);
    Deferral { deferrable: c.deferrable.unwrap_or(false) || initially_deferred, initially_deferred }
}

fn deferral_text(deferral: Deferral) -> &'static str {
    match (deferral.deferrable, deferral.initially_deferred) {
        (true, true) => " DEFERRABLE INITIALLY DEFERRED",
        (true, false) => " DEFERRABLE",
        _ => "",
    }
}

/// A key (primary or unique) to add.
pub struct KeySpec {
    pub name: Option<String>,
    pub columns: Vec<String>,
    pub deferral: Deferral,
    pub nulls_not_distinct: bool,
}

/// Checks the key's columns exist on the table.
fn check_key_columns(table: &Table, columns: &[String], stmt: &Stmt) -> Result<(), ReplayError> {
    for column in columns {
        if table.column(column).is_none() {
            return Err(stmt.reject(format!("column \"{column}\" named in key does not exist")));
        }
    }
    Ok(())
}

/// The name for a new index-backed constraint: the given one (which must be free) or
/// a generated one (`ChooseRelationName(..., isconstraint = true)`).
fn index_constraint_name(
    state: &PgState,
    table: &ObjectName,
    given: Option<String>,
    addition: Option<&str>,
    label: &str,
    stmt: &Stmt,
) -> Result<String, ReplayError> {
    let schema = &table.schema;
    match given {
        Some(name) => {
            if state.relation_in(schema, &name).is_some() {
                return Err(stmt.reject(format!("relation \"{name}\" already exists")));
            }
            if state.catalog.tables[table].constraint_names().any(|c| c == name) {
                return Err(stmt.reject(format!(
                    "constraint \"{name}\" for relation \"{}\" already exists",
                    table.name
                )));
            }
            Ok(name)
        }
        None => Ok(choose_name(&table.name, addition, label, |n| {
            state.relation_in(schema, n).is_some() || state.constraint_exists(schema, n)
        })),
    }
}

pub fn add_primary_key(
    state: &mut PgState,
    table_name: &ObjectName,
    key: KeySpec,
    stmt: &Stmt,
) -> Result<(), ReplayError> {
    let table = &state.catalog.tables[table_name];
    if table.primary_key.is_some() {
        return Err(stmt.reject(format!("multiple primary keys for table \"{}\" are not allowed", table_name.name)));
    }
    check_key_columns(table, &key.columns, stmt)?;
    let name = index_constraint_name(state, table_name, key.name, None, "pkey", stmt)?;
    let at = stmt.at;
    let keys: Vec<KeyShape> = key.columns.iter().map(|c| KeyShape::column(c)).collect();
    let index = constraint_index(table_name, &name, true, &keys, key.nulls_not_distinct, at);
    remember_constraint_index(state, table_name, &name, &keys, key.nulls_not_distinct);
    let table = state.table_mut(table_name);
    for column in &key.columns {
        if let Some(c) = table.column_mut(column) {
            if !c.not_null {
                c.not_null = true;
                c.provenance.touch(at);
            }
        }
    }
    table.primary_key = Some(PrimaryKey { name, columns: key.columns, provenance: Provenance::new(at) });
    table.indexes.push(index);
    table.provenance.touch(at);
    Ok(())
}

pub fn add_unique(state: &mut PgState, table_name: &ObjectName, key: KeySpec, stmt: &Stmt) -> Result<(), ReplayError> {
    check_key_columns(&state.catalog.tables[table_name], &key.columns, stmt)?;
    let addition = name_addition(key.columns.iter().map(String::as_str));
    let name = index_constraint_name(state, table_name, key.name, Some(&addition), "key", stmt)?;
    let at = stmt.at;
    let keys: Vec<KeyShape> = key.columns.iter().map(|c| KeyShape::column(c)).collect();
    let index = constraint_index(table_name, &name, false, &keys, key.nulls_not_distinct, at);
    remember_constraint_index(state, table_name, &name, &keys, key.nulls_not_distinct);
    let nulls = if key.nulls_not_distinct { " NULLS NOT DISTINCT" } else { "" };
    let definition = format!("UNIQUE{nulls} ({}){}", column_list(&key.columns), deferral_text(key.deferral));
    let table = state.table_mut(table_name);
    table.uniques.push(UniqueConstraint {
        name,
        columns: key.columns,
        definition,
        deferral: key.deferral,
        provenance: Provenance::new(at),
    });
    table.indexes.push(index);
    table.provenance.touch(at);
    Ok(())
}

/// A foreign key to add, as written.
pub struct ForeignKeySpec<'a> {
    pub name: Option<String>,
    pub columns: Vec<String>,
    pub ref_table: &'a SqlName,
    pub ref_columns: Vec<String>,
    pub on_delete: Option<ReferentialAction>,
    pub on_update: Option<ReferentialAction>,
    pub match_kind: Option<ConstraintReferenceMatchKind>,
    pub deferral: Deferral,
    pub not_valid: bool,
}

fn action(action: Option<ReferentialAction>) -> FkAction {
    match action {
        None | Some(ReferentialAction::NoAction) => FkAction::NoAction,
        Some(ReferentialAction::Restrict) => FkAction::Restrict,
        Some(ReferentialAction::Cascade) => FkAction::Cascade,
        Some(ReferentialAction::SetNull) => FkAction::SetNull,
        Some(ReferentialAction::SetDefault) => FkAction::SetDefault,
    }
}

pub fn add_foreign_key(
    state: &mut PgState,
    table_name: &ObjectName,
    spec: ForeignKeySpec,
    stmt: &Stmt,
) -> Result<(), ReplayError> {
    let parts = state.name_parts(spec.ref_table);
    // A table may reference itself while it is being created.
    let ref_name = match state.lookup_relation(&parts) {
        Some((name, super::state::Relation::Table)) => name,
        Some(_) => return Err(stmt.reject(format!("referenced relation \"{}\" is not a table", parts.join(".")))),
        None => return Err(stmt.reject(format!("relation \"{}\" does not exist", parts.join(".")))),
    };
    let table = &state.catalog.tables[table_name];
    for column in &spec.columns {
        if table.column(column).is_none() {
            return Err(stmt.reject(format!("column \"{column}\" referenced in foreign key constraint does not exist")));
        }
    }
    let referenced = &state.catalog.tables[&ref_name];
    let ref_columns = if spec.ref_columns.is_empty() {
        match &referenced.primary_key {
            Some(pk) => pk.columns.clone(),
            None => {
                return Err(stmt.reject(format!("there is no primary key for referenced table \"{}\"", ref_name.name)))
            }
        }
    } else {
        for column in &spec.ref_columns {
            if referenced.column(column).is_none() {
                return Err(stmt.reject(format!("column \"{column}\" referenced in foreign key constraint does not exist")));
            }
        }
        let mut wanted = spec.ref_columns.clone();
        wanted.sort();
        let matches_key = |cols: &[String]| {
            let mut cols = cols.to_vec();
            cols.sort();
            cols == wanted
        };
        let unique = referenced.primary_key.as_ref().is_some_and(|pk| matches_key(&pk.columns))
            || referenced.uniques.iter().any(|u| matches_key(&u.columns))
            || referenced.indexes.iter().any(|i| {
                i.unique && i.predicate.is_none() && i.keys.iter().all(|k| k.column.is_some()) && {
                    let cols: Vec<String> = i.keys.iter().filter_map(|k| k.column.clone()).collect();
                    matches_key(&cols)
                }
            });
        if !unique {
            return Err(stmt.reject(format!(
                "there is no unique constraint matching given keys for referenced table \"{}\"",
                ref_name.name
            )));
        }
        spec.ref_columns.clone()
    };
    if ref_columns.len() != spec.columns.len() {
        return Err(stmt.reject("number of referencing and referenced columns for foreign key disagree"));
    }
    let schema = table_name.schema.clone();
    let name = match spec.name {
        Some(name) => {
            if state.catalog.tables[table_name].constraint_names().any(|c| c == name) {
                return Err(stmt.reject(format!(
                    "constraint \"{name}\" for relation \"{}\" already exists",
                    table_name.name
                )));
            }
            name
        }
        None => {
            let addition = name_addition(spec.columns.iter().map(String::as_str));
            choose_name(&table_name.name, Some(&addition), "fkey", |n| state.constraint_exists(&schema, n))
        }
    };
    let (on_delete, on_update) = (action(spec.on_delete), action(spec.on_update));
    let match_type = match spec.match_kind {
        Some(ConstraintReferenceMatchKind::Full) => "FULL",
        Some(ConstraintReferenceMatchKind::Partial) => "PARTIAL",
        _ => "SIMPLE",
    };
    let mut definition = format!(
        "FOREIGN KEY ({}) REFERENCES {}({})",
        column_list(&spec.columns),
        relation_text(&ref_name),
        column_list(&ref_columns)
    );
    if match_type != "SIMPLE" {
        definition.push_str(&format!(" MATCH {match_type}"));
    }
    if on_update != FkAction::NoAction {
        definition.push_str(&format!(" ON UPDATE {}", on_update.sql()));
    }
    if on_delete != FkAction::NoAction {
        definition.push_str(&format!(" ON DELETE {}", on_delete.sql()));
    }
    definition.push_str(deferral_text(spec.deferral));
    if spec.not_valid {
        definition.push_str(" NOT VALID");
    }
    let at = stmt.at;
    let table = state.table_mut(table_name);
    table.foreign_keys.push(ForeignKey {
        name,
        columns: spec.columns,
        ref_table: ref_name,
        ref_columns,
        on_delete,
        on_update,
        match_type: match_type.to_string(),
        deferral: spec.deferral,
        validated: !spec.not_valid,
        definition,
        provenance: Provenance::new(at),
    });
    table.provenance.touch(at);
    Ok(())
}

/// A CHECK constraint to add, as written.
pub struct CheckSpec<'a> {
    pub name: Option<String>,
    pub expr: &'a Expr,
    pub no_inherit: bool,
    pub not_valid: bool,
}

pub fn add_check(state: &mut PgState, table_name: &ObjectName, spec: CheckSpec, stmt: &Stmt) -> Result<(), ReplayError> {
    let table = &state.catalog.tables[table_name];
    let scope = table_scope(table);
    let analysed = condition(state, &scope, spec.expr).map_err(|e| e.at(stmt))?;
    let schema = table_name.schema.clone();
    let name = match spec.name {
        Some(name) => {
            if table.constraint_names().any(|c| c == name) {
                return Err(stmt.reject(format!(
                    "constraint \"{name}\" for relation \"{}\" already exists",
                    table_name.name
                )));
            }
            name
        }
        None => {
            let columns = analysed.columns();
            let column = (columns.len() == 1).then(|| columns[0].as_str());
            choose_name(&table_name.name, column, "check", |n| state.constraint_exists(&schema, n))
        }
    };
    let shape = CheckShape { expr: analysed, no_inherit: spec.no_inherit, not_valid: spec.not_valid };
    let definition = shape.definition();
    state.check_shapes.insert((table_name.clone(), name.clone()), shape);
    let at: &Location = stmt.at;
    let table = state.table_mut(table_name);
    table.checks.push(CheckConstraint {
        name,
        definition,
        validated: !spec.not_valid,
        no_inherit: spec.no_inherit,
        provenance: Provenance::new(at),
    });
    table.provenance.touch(at);
    Ok(())
}

/// `ADD CONSTRAINT name PRIMARY KEY / UNIQUE USING INDEX index`.
pub struct UsingIndexSpec {
    pub primary: bool,
    pub name: Option<String>,
    pub index: String,
    pub deferral: Deferral,
}

/// Turns an existing unique index into a primary key or unique constraint; the index
/// takes the constraint's name, as Postgres renames it.
pub fn add_key_using_index(
    state: &mut PgState,
    table_name: &ObjectName,
    spec: UsingIndexSpec,
    stmt: &Stmt,
) -> Result<(), ReplayError> {
    let table = &state.catalog.tables[table_name];
    let Some(index) = table.indexes.iter().find(|i| i.name == spec.index) else {
        return Err(stmt.reject(format!("index \"{}\" does not exist", spec.index)));
    };
    if index.constraint.is_some() {
        return Err(stmt.reject(format!("index \"{}\" is already associated with a constraint", spec.index)));
    }
    if !index.unique {
        return Err(stmt.reject(format!("\"{}\" is not a unique index", spec.index)));
    }
    if index.predicate.is_some() || index.keys.iter().any(|k| k.column.is_none()) {
        return Err(stmt.reject(format!("index \"{}\" contains expressions", spec.index)));
    }
    if spec.primary && table.primary_key.is_some() {
        return Err(stmt.reject(format!("multiple primary keys for table \"{}\" are not allowed", table_name.name)));
    }
    let columns: Vec<String> = index.keys.iter().filter_map(|k| k.column.clone()).collect();
    let name = spec.name.unwrap_or_else(|| spec.index.clone());
    if name != spec.index {
        if state.relation_in(&table_name.schema, &name).is_some() {
            return Err(stmt.reject(format!("relation \"{name}\" already exists")));
        }
        super::index::rename_index_entry(state, table_name, &spec.index, &name, stmt.at);
    }
    let at = stmt.at;
    let table = state.table_mut(table_name);
    for index in table.indexes.iter_mut().filter(|i| i.name == name) {
        index.constraint = Some(name.clone());
        index.primary = spec.primary;
        index.provenance.touch(at);
    }
    if spec.primary {
        for column in &columns {
            if let Some(c) = table.column_mut(column) {
                c.not_null = true;
            }
        }
        table.primary_key = Some(PrimaryKey { name, columns, provenance: Provenance::new(at) });
    } else {
        let definition = format!("UNIQUE ({}){}", column_list(&columns), deferral_text(spec.deferral));
        table.uniques.push(UniqueConstraint { name, columns, definition, deferral: spec.deferral, provenance: Provenance::new(at) });
    }
    table.provenance.touch(at);
    Ok(())
}
