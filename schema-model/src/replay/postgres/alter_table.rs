//! ALTER TABLE in the forms migrations use (ADD / DROP / RENAME COLUMN, ALTER COLUMN
//! TYPE / SET / DROP NOT NULL / SET / DROP DEFAULT, ADD / DROP / RENAME CONSTRAINT,
//! RENAME TO, SET SCHEMA, several actions in one statement) and DROP TABLE, with the
//! dependent objects Postgres drops or renames along.

use super::constraints::{column_list, relation_text};
use super::create_table::{add_column, nextval_text, PendingConstraints};
use super::expr::{column_default, deparse, Analyzer, TExpr};
use super::index::{self, rename_index_entry};
use super::partition;
use super::state::{PgState, Stmt};
use super::types::{logical, resolve, PgType};
use super::view_dependents::{drop_views_cascade, views_reading, views_using_column};
use crate::catalog::{ColumnType, ObjectName, TableKind};
use crate::error::{ReplayError, ReplayReport, SkippedStatement};
use sqlparser::ast::{AlterColumnOperation, AlterTable, AlterTableOperation, DropBehavior, RenameTableNameKind};

/// ALTER TABLE with all its actions, applied in order.
pub fn alter_table(
    state: &mut PgState,
    alter: &AlterTable,
    stmt: &Stmt,
    report: &mut ReplayReport,
) -> Result<(), ReplayError> {
    let parts = state.name_parts(&alter.name);
    let mut table = match state.lookup_relation(&parts) {
        Some((name, super::state::Relation::Table)) => name,
        Some((name, super::state::Relation::View | super::state::Relation::MaterializedView)) => {
            return alter_view_as_table(state, &name, alter, stmt);
        }
        Some(_) => return Err(stmt.reject(format!("\"{}\" is not a table", parts.join(".")))),
        None if alter.if_exists => {
            report.skipped.push(SkippedStatement {
                location: stmt.at.clone(),
                what: format!("ALTER TABLE IF EXISTS (relation \"{}\" does not exist)", parts.join(".")),
            });
            return Ok(());
        }
        None => return Err(stmt.reject(format!("relation \"{}\" does not exist", parts.join(".")))),
    };
    for operation in &alter.operations {
        let partitions = partition::operation_reach(state, &table, operation, stmt)?;
        let before = table.clone();
        apply_operation(state, &mut table, operation, stmt, report)?;
        if table != before {
            partition::table_renamed(state, &before, &table);
        }
        for child in partitions {
            apply_to_partition(state, child, operation, stmt, report)?;
        }
        if state.catalog.tables.get(&table).is_some_and(|t| t.kind == TableKind::PartitionedTable) {
            partition::mark_partitioned(state, &table);
        }
    }
    Ok(())
}

/// ALTER TABLE on a view: Postgres accepts the renames (of the view and of its columns).
fn alter_view_as_table(state: &mut PgState, view: &ObjectName, alter: &AlterTable, stmt: &Stmt) -> Result<(), ReplayError> {
    let mut view = view.clone();
    for operation in &alter.operations {
        match operation {
            AlterTableOperation::RenameTable { table_name: RenameTableNameKind::As(n) | RenameTableNameKind::To(n) } => {
                let new_name = state.name_parts(n).last().cloned().unwrap_or_default();
                super::view::rename_view(state, &view, &new_name, stmt)?;
                view = ObjectName::new(view.schema.clone(), new_name);
            }
            AlterTableOperation::RenameColumn { old_column_name, new_column_name } => {
                let (old, new) = (PgState::ident(old_column_name), PgState::ident(new_column_name));
                super::view::rename_view_column(state, &view, &old, &new, stmt)?;
            }
            _ => return Err(stmt.reject(format!("\"{}\" is not a table", view.name))),
        }
    }
    Ok(())
}

/// Applies an operation made through a partitioned table to one of its partitions, and on
/// down to that partition's own partitions.
fn apply_to_partition(
    state: &mut PgState,
    mut table: ObjectName,
    operation: &AlterTableOperation,
    stmt: &Stmt,
    report: &mut ReplayReport,
) -> Result<(), ReplayError> {
    apply_operation(state, &mut table, operation, stmt, report)?;
    for child in partition::partitions_of(state, &table) {
        apply_to_partition(state, child, operation, stmt, report)?;
    }
    Ok(())
}

fn missing_column(column: &str, table: &ObjectName) -> String {
    format!("column \"{column}\" of relation \"{}\" does not exist", table.name)
}

fn apply_operation(
    state: &mut PgState,
    table: &mut ObjectName,
    operation: &AlterTableOperation,
    stmt: &Stmt,
    report: &mut ReplayReport,
) -> Result<(), ReplayError> {
    let at = stmt.at;
    match operation {
        AlterTableOperation::AddColumn { if_not_exists, column_def, .. } => {
            let name = PgState::ident(&column_def.name);
            if state.catalog.tables[table].column(&name).is_some() {
                if *if_not_exists {
                    report.skipped.push(SkippedStatement {
                        location: at.clone(),
                        what: format!("ADD COLUMN IF NOT EXISTS (column \"{name}\" of relation \"{}\" already exists)", table.name),
                    });
                    return Ok(());
                }
                return Err(stmt.reject(format!("column \"{name}\" of relation \"{}\" already exists", table.name)));
            }
            let mut pending = PendingConstraints::default();
            add_column(state, table, column_def, &mut pending, stmt)?;
            pending.apply(state, table, stmt)
        }
        AlterTableOperation::DropColumn { column_names, if_exists, drop_behavior, .. } => {
            for ident in column_names {
                let name = PgState::ident(ident);
                if state.catalog.tables[table].column(&name).is_none() {
                    if *if_exists {
                        report.skipped.push(SkippedStatement {
                            location: at.clone(),
                            what: format!("DROP COLUMN IF EXISTS ({})", missing_column(&name, table)),
                        });
                        continue;
                    }
                    return Err(stmt.reject(missing_column(&name, table)));
                }
                drop_column(state, table, &name, *drop_behavior == Some(DropBehavior::Cascade), stmt)?;
            }
            Ok(())
        }
        AlterTableOperation::RenameColumn { old_column_name, new_column_name } => {
            let (old, new) = (PgState::ident(old_column_name), PgState::ident(new_column_name));
            rename_column(state, table, &old, &new, stmt)
        }
        AlterTableOperation::RenameTable { table_name } => {
            let new_name = match table_name {
                RenameTableNameKind::As(n) | RenameTableNameKind::To(n) => state.name_parts(n),
            };
            let new_name = ObjectName::new(table.schema.clone(), new_name.last().cloned().unwrap_or_default());
            if state.relation_in(&new_name.schema, &new_name.name).is_some() {
                return Err(stmt.reject(format!("relation \"{}\" already exists", new_name.name)));
            }
            move_table(state, table, &new_name, stmt);
            *table = new_name;
            Ok(())
        }
        AlterTableOperation::AlterColumn { column_name, op } => {
            let name = PgState::ident(column_name);
            if state.catalog.tables[table].column(&name).is_none() {
                return Err(stmt.reject(missing_column(&name, table)));
            }
            alter_column(state, table, &name, op, stmt)
        }
        AlterTableOperation::AddConstraint { constraint, not_valid } => {
            let mut pending = PendingConstraints::default();
            pending.table_constraint(constraint, *not_valid, stmt)?;
            pending.apply(state, table, stmt)
        }
        AlterTableOperation::DropConstraint { if_exists, name, drop_behavior } => {
            let name = PgState::ident(name);
            if !state.catalog.tables[table].constraint_names().any(|c| c == name) {
                if *if_exists {
                    report.skipped.push(SkippedStatement {
                        location: at.clone(),
                        what: format!("DROP CONSTRAINT IF EXISTS (constraint \"{name}\" of relation \"{}\" does not exist)", table.name),
                    });
                    return Ok(());
                }
                return Err(stmt.reject(format!("constraint \"{name}\" of relation \"{}\" does not exist", table.name)));
            }
            drop_constraint(state, table, &name, *drop_behavior == Some(DropBehavior::Cascade), stmt)
        }
        AlterTableOperation::RenameConstraint { old_name, new_name } => {
            rename_constraint(state, table, &PgState::ident(old_name), &PgState::ident(new_name), stmt)
        }
        AlterTableOperation::EnableTrigger { name }
        | AlterTableOperation::DisableTrigger { name }
        | AlterTableOperation::EnableAlwaysTrigger { name }
        | AlterTableOperation::EnableReplicaTrigger { name } => {
            let enabled = match operation {
                AlterTableOperation::EnableTrigger { .. } => "O",
                AlterTableOperation::EnableAlwaysTrigger { .. } => "A",
                AlterTableOperation::EnableReplicaTrigger { .. } => "R",
                _ => "D",
            };
            let trigger = PgState::ident(name);
            let entry = state.table_mut(table);
            match entry.triggers.iter_mut().find(|t| t.name == trigger) {
                Some(t) => {
                    t.enabled = enabled.to_string();
                    t.provenance.touch(at);
                    Ok(())
                }
                None => Err(stmt.reject(format!("trigger \"{trigger}\" for table \"{}\" does not exist", table.name))),
            }
        }
        AlterTableOperation::ValidateConstraint { name } => {
            let name = PgState::ident(name);
            validate_constraint(state, table, &name, stmt)
        }
        AlterTableOperation::OwnerTo { .. } => {
            report.skipped.push(SkippedStatement { location: at.clone(), what: "ALTER TABLE ... OWNER TO".to_string() });
            Ok(())
        }
        other => Err(stmt.unsupported(format!("ALTER TABLE action `{other}` is not modelled by the Postgres replay"))),
    }
}

fn alter_column(
    state: &mut PgState,
    table: &ObjectName,
    name: &str,
    op: &AlterColumnOperation,
    stmt: &Stmt,
) -> Result<(), ReplayError> {
    let at = stmt.at;
    let key = (table.clone(), name.to_string());
    match op {
        AlterColumnOperation::SetNotNull => set_column(state, table, name, at, |c| c.not_null = true),
        AlterColumnOperation::DropNotNull => {
            let entry = &state.catalog.tables[table];
            if entry.primary_key.as_ref().is_some_and(|pk| pk.columns.iter().any(|c| c == name)) {
                return Err(stmt.reject(format!("column \"{name}\" is in a primary key")));
            }
            if entry.column(name).is_some_and(|c| c.identity.is_some()) {
                return Err(stmt.reject(format!(
                    "column \"{name}\" of relation \"{}\" is an identity column",
                    table.name
                )));
            }
            set_column(state, table, name, at, |c| c.not_null = false)
        }
        AlterColumnOperation::SetDefault { value } => {
            let column = state.catalog.tables[table].column(name).expect("checked column");
            if column.identity.is_some() {
                return Err(stmt.reject(format!(
                    "column \"{name}\" of relation \"{}\" is an identity column",
                    table.name
                )));
            }
            let ty = PgType::parse_formatted(&column.ty.engine);
            let default = column_default(state, name, value, &ty).map_err(|e| e.at(stmt))?;
            let text = default.as_ref().map(deparse);
            match default {
                Some(d) => state.default_shapes.insert(key, d),
                None => state.default_shapes.remove(&key),
            };
            set_column(state, table, name, at, |c| c.default = text)
        }
        AlterColumnOperation::DropDefault => {
            state.default_shapes.remove(&key);
            set_column(state, table, name, at, |c| c.default = None)
        }
        AlterColumnOperation::SetDataType { data_type, using, .. } => {
            let (ty, serial) = resolve(state, data_type).map_err(|m| stmt.reject(m))?;
            if serial.is_some() {
                return Err(stmt.reject(format!("type \"{}\" does not exist", data_type.to_string().to_lowercase())));
            }
            let old = PgType::parse_formatted(&state.catalog.tables[table].column(name).expect("checked").ty.engine);
            if using.is_none() {
                let analyzer = Analyzer { state, scope: &Default::default() };
                let probe = TExpr::Var { qualifier: None, name: name.to_string(), ty: old.clone() };
                if analyzer.assign(probe, &ty).is_err() {
                    return Err(stmt.reject(format!(
                        "column \"{name}\" cannot be cast automatically to type {}",
                        ty.format()
                    )));
                }
            }
            change_column_type(state, table, name, &ty, stmt)
        }
        AlterColumnOperation::AddGenerated { generated_as, sequence_options } => super::identity::add_identity(
            state,
            table,
            name,
            generated_as.as_ref(),
            sequence_options.as_deref(),
            stmt,
        ),
    }
}

/// Applies `change` to one column and records the change.
fn set_column(
    state: &mut PgState,
    table: &ObjectName,
    name: &str,
    at: &crate::catalog::Location,
    change: impl FnOnce(&mut crate::catalog::Column),
) -> Result<(), ReplayError> {
    let entry = state.table_mut(table);
    let column = entry.column_mut(name).expect("checked column");
    change(column);
    column.provenance.touch(at);
    entry.provenance.touch(at);
    Ok(())
}

/// ALTER COLUMN TYPE: the column's new type, its default coerced again from the stored
/// expression without its implicit casts, and every index and CHECK over the column
/// analysed again from its printed definition, as Postgres rebuilds them.
fn change_column_type(
    state: &mut PgState,
    table: &ObjectName,
    name: &str,
    ty: &PgType,
    stmt: &Stmt,
) -> Result<(), ReplayError> {
    let key = (table.clone(), name.to_string());
    let default = match state.default_shapes.get(&key) {
        Some(expr) => {
            let stripped = strip_implicit(expr.clone());
            let analyzer = Analyzer { state, scope: &Default::default() };
            Some(analyzer.assign(stripped, ty).map_err(|_| {
                stmt.reject(format!("default for column \"{name}\" cannot be cast automatically to type {}", ty.format()))
            })?)
        }
        None => None,
    };
    let logical_type = logical(state, ty);
    let kept = state.catalog.tables[table].column(name).and_then(|c| c.default.clone());
    let text = match &default {
        Some(d) => Some(deparse(d)),
        // A default the replay printed itself (a serial column's `nextval`) stays as it is.
        None => kept,
    };
    if let Some(d) = default {
        state.default_shapes.insert(key, d);
    }
    set_column(state, table, name, stmt.at, |c| {
        c.ty = ColumnType { engine: ty.format(), logical: logical_type, enforced: true };
        c.default = text;
    })?;
    for sequence in state.catalog.sequences.values_mut() {
        if sequence.owned_by.as_ref().is_some_and(|o| o.identity && o.table == *table && o.column == name) {
            sequence.data_type = ty.format();
        }
    }
    super::reanalyse::after_type_change(state, table, name, stmt)
}

/// The expression below any implicit casts at its top (`strip_implicit_coercions`).
fn strip_implicit(expr: TExpr) -> TExpr {
    match expr {
        TExpr::Cast { arg, implicit: true, .. } => strip_implicit(*arg),
        other => other,
    }
}

fn rename_column(state: &mut PgState, table: &ObjectName, old: &str, new: &str, stmt: &Stmt) -> Result<(), ReplayError> {
    let entry = &state.catalog.tables[table];
    if entry.column(old).is_none() {
        return Err(stmt.reject(format!("column \"{old}\" does not exist")));
    }
    if entry.column(new).is_some() {
        return Err(stmt.reject(format!("column \"{new}\" of relation \"{}\" already exists", table.name)));
    }
    let at = stmt.at;
    // The views' stored queries are not reprinted with the new name: their printed
    // definitions become unknown rather than stale.
    for view in views_using_column(state, table, old) {
        if let Some(view) = state.catalog.views.get_mut(&view) {
            view.definition = None;
        }
    }
    let rename = |cols: &mut Vec<String>| cols.iter_mut().filter(|c| *c == old).for_each(|c| *c = new.to_string());
    let entry = state.table_mut(table);
    set_name(entry.column_mut(old).expect("checked"), new, at);
    if let Some(pk) = &mut entry.primary_key {
        rename(&mut pk.columns);
    }
    for unique in &mut entry.uniques {
        rename(&mut unique.columns);
        unique.definition = unique_definition(&unique.definition, &unique.columns);
    }
    for fk in &mut entry.foreign_keys {
        rename(&mut fk.columns);
    }
    for other in state.catalog.tables.values_mut() {
        for fk in other.foreign_keys.iter_mut().filter(|fk| fk.ref_table == *table) {
            rename(&mut fk.ref_columns);
        }
    }
    refresh_foreign_keys(state);
    for ((owner, _), shape) in state.check_shapes.iter_mut() {
        if owner == table {
            shape.expr.rename_column(&table.name, old, new);
        }
    }
    refresh_checks(state, table);
    index::rename_column(state, table, old, new);
    if let Some(default) = state.default_shapes.remove(&(table.clone(), old.to_string())) {
        state.default_shapes.insert((table.clone(), new.to_string()), default);
    }
    for sequence in state.catalog.sequences.values_mut() {
        if let Some(owner) = sequence.owned_by.as_mut().filter(|o| o.table == *table && o.column == old) {
            owner.column = new.to_string();
        }
    }
    Ok(())
}

fn set_name(column: &mut crate::catalog::Column, new: &str, at: &crate::catalog::Location) {
    column.name = new.to_string();
    column.provenance.touch(at);
}

/// A UNIQUE definition printed again with new column names.
fn unique_definition(old: &str, columns: &[String]) -> String {
    let head = if old.starts_with("UNIQUE NULLS NOT DISTINCT") { "UNIQUE NULLS NOT DISTINCT" } else { "UNIQUE" };
    let tail = old.rsplit_once(')').map(|(_, t)| t).unwrap_or("");
    format!("{head} ({}){tail}", column_list(columns))
}

/// Prints every foreign key's definition again from its fields.
pub fn refresh_foreign_keys(state: &mut PgState) {
    for table in state.catalog.tables.values_mut() {
        for fk in &mut table.foreign_keys {
            let tail_start = fk.definition.find(')').and_then(|first| {
                fk.definition[first + 1..].find(')').map(|second| first + 1 + second + 1)
            });
            let tail = tail_start.map(|i| fk.definition[i..].to_string()).unwrap_or_default();
            fk.definition = format!(
                "FOREIGN KEY ({}) REFERENCES {}({}){tail}",
                column_list(&fk.columns),
                relation_text(&fk.ref_table),
                column_list(&fk.ref_columns)
            );
        }
    }
}

/// Prints the CHECK definitions of `table` again from their shapes.
pub fn refresh_checks(state: &mut PgState, table: &ObjectName) {
    let Some(entry) = state.catalog.tables.get_mut(table) else { return };
    for check in &mut entry.checks {
        if let Some(shape) = state.check_shapes.get(&(table.clone(), check.name.clone())) {
            check.definition = shape.definition();
        }
    }
}

/// ALTER TABLE ... SET SCHEMA: moves the table, its indexes and owned sequences.
pub fn set_schema(state: &mut PgState, parts: &[String], schema: &str, if_exists: bool, stmt: &Stmt) -> Result<bool, ReplayError> {
    let table = match state.lookup_relation(parts) {
        Some((name, super::state::Relation::Table)) => name,
        Some(_) => return Err(stmt.reject(format!("\"{}\" is not a table", parts.join(".")))),
        None if if_exists => return Ok(false),
        None => return Err(stmt.reject(format!("relation \"{}\" does not exist", parts.join(".")))),
    };
    if !state.schema_exists(schema) {
        return Err(stmt.reject(format!("schema \"{schema}\" does not exist")));
    }
    let new = ObjectName::new(schema, table.name.clone());
    if state.relation_in(schema, &table.name).is_some() {
        return Err(stmt.reject(format!("relation \"{}\" already exists in schema \"{schema}\"", table.name)));
    }
    let moved_indexes: Vec<ObjectName> =
        state.index_shapes.iter().filter(|(_, s)| s.table == table).map(|(k, _)| k.clone()).collect();
    for key in moved_indexes {
        let shape = state.index_shapes.remove(&key).expect("listed key");
        state.index_shapes.insert(ObjectName::new(schema, key.name), shape);
    }
    let owned: Vec<ObjectName> = state
        .catalog
        .sequences
        .iter()
        .filter(|(_, s)| s.owned_by.as_ref().is_some_and(|o| o.table == table))
        .map(|(k, _)| k.clone())
        .collect();
    let mut defaults = Vec::new();
    for key in owned {
        let mut sequence = state.catalog.sequences.remove(&key).expect("listed key");
        sequence.name = ObjectName::new(schema, key.name.clone());
        defaults.push((nextval_text(&key), nextval_text(&sequence.name)));
        state.catalog.sequences.insert(sequence.name.clone(), sequence);
    }
    // `nextval('seq'::regclass)` names the sequence as it is found from the default
    // search path, so it follows the sequence into its new schema.
    for column in &mut state.table_mut(&table).columns {
        if let Some((_, new_text)) = defaults.iter().find(|(old, _)| column.default.as_ref() == Some(old)) {
            column.default = Some(new_text.clone());
        }
    }
    move_table(state, &table, &new, stmt);
    Ok(true)
}

/// RENAME TO / SET SCHEMA: moves the table and everything keyed by its name.
fn move_table(state: &mut PgState, old: &ObjectName, new: &ObjectName, stmt: &Stmt) {
    let mut table = state.catalog.tables.remove(old).expect("resolved table");
    table.name = new.clone();
    table.provenance.touch(stmt.at);
    state.catalog.tables.insert(new.clone(), table);
    for other in state.catalog.tables.values_mut() {
        for fk in other.foreign_keys.iter_mut().filter(|fk| fk.ref_table == *old) {
            fk.ref_table = new.clone();
        }
    }
    refresh_foreign_keys(state);
    for sequence in state.catalog.sequences.values_mut() {
        if let Some(owner) = sequence.owned_by.as_mut().filter(|o| o.table == *old) {
            owner.table = new.clone();
        }
    }
    for map_key in state.check_shapes.keys().filter(|(t, _)| t == old).cloned().collect::<Vec<_>>() {
        let shape = state.check_shapes.remove(&map_key).expect("listed key");
        state.check_shapes.insert((new.clone(), map_key.1), shape);
    }
    for map_key in state.default_shapes.keys().filter(|(t, _)| t == old).cloned().collect::<Vec<_>>() {
        let shape = state.default_shapes.remove(&map_key).expect("listed key");
        state.default_shapes.insert((new.clone(), map_key.1), shape);
    }
    for shape in state.index_shapes.values_mut().filter(|s| s.table == *old) {
        shape.table = new.clone();
    }
    index::refresh_definitions(state, new);
    super::view_dependents::relation_renamed(state, old, new);
}

fn drop_column(state: &mut PgState, table: &ObjectName, name: &str, cascade: bool, stmt: &Stmt) -> Result<(), ReplayError> {
    let dependents: Vec<(ObjectName, String)> = state
        .catalog
        .tables
        .values()
        .flat_map(|t| {
            t.foreign_keys
                .iter()
                .filter(|fk| fk.ref_table == *table && fk.ref_columns.iter().any(|c| c == name) && t.name != *table)
                .map(move |fk| (t.name.clone(), fk.name.clone()))
        })
        .collect();
    let views = views_using_column(state, table, name);
    if (!dependents.is_empty() || !views.is_empty()) && !cascade {
        return Err(stmt.reject(format!(
            "cannot drop column {name} of table {} because other objects depend on it",
            table.name
        )));
    }
    drop_views_cascade(state, views);
    for (owner, fk) in dependents {
        state.table_mut(&owner).foreign_keys.retain(|f| f.name != fk);
    }
    let at = stmt.at;
    let shapes_using: Vec<String> = state
        .check_shapes
        .iter()
        .filter(|((t, _), shape)| t == table && shape.expr.columns().iter().any(|c| c == name))
        .map(|((_, n), _)| n.clone())
        .collect();
    let indexes_using: Vec<String> = state
        .index_shapes
        .iter()
        .filter(|(k, shape)| {
            shape.table == *table
                && k.schema == table.schema
                && (shape.keys.iter().any(|key| {
                    key.column.as_deref() == Some(name)
                        || key.expr.as_ref().is_some_and(|e| e.columns().iter().any(|c| c == name))
                }) || shape.predicate.as_ref().is_some_and(|p| p.columns().iter().any(|c| c == name))
                    || shape.include.iter().any(|c| c == name))
        })
        .map(|(k, _)| k.name.clone())
        .collect();
    let entry = state.table_mut(table);
    entry.columns.retain(|c| c.name != name);
    if entry.primary_key.as_ref().is_some_and(|pk| pk.columns.iter().any(|c| c == name)) {
        entry.primary_key = None;
    }
    entry.uniques.retain(|u| !u.columns.iter().any(|c| c == name));
    entry.foreign_keys.retain(|fk| !fk.columns.iter().any(|c| c == name));
    entry.checks.retain(|c| !shapes_using.contains(&c.name));
    entry.indexes.retain(|i| !indexes_using.contains(&i.name));
    entry.provenance.touch(at);
    for check in shapes_using {
        state.check_shapes.remove(&(table.clone(), check));
    }
    for index_name in indexes_using {
        state.index_shapes.remove(&ObjectName::new(table.schema.clone(), index_name));
    }
    state.default_shapes.remove(&(table.clone(), name.to_string()));
    state
        .catalog
        .sequences
        .retain(|_, s| !s.owned_by.as_ref().is_some_and(|o| o.table == *table && o.column == name));
    Ok(())
}

fn drop_constraint(state: &mut PgState, table: &ObjectName, name: &str, cascade: bool, stmt: &Stmt) -> Result<(), ReplayError> {
    let entry = &state.catalog.tables[table];
    let key_columns = entry
        .primary_key
        .as_ref()
        .filter(|pk| pk.name == name)
        .map(|pk| pk.columns.clone())
        .or_else(|| entry.uniques.iter().find(|u| u.name == name).map(|u| u.columns.clone()));
    if let Some(columns) = key_columns {
        let mut sorted = columns.clone();
        sorted.sort();
        let dependents: Vec<(ObjectName, String)> = state
            .catalog
            .tables
            .values()
            .flat_map(|t| {
                let sorted = sorted.clone();
                t.foreign_keys
                    .iter()
                    .filter(move |fk| {
                        let mut refs = fk.ref_columns.clone();
                        refs.sort();
                        fk.ref_table == *table && refs == sorted
                    })
                    .map(move |fk| (t.name.clone(), fk.name.clone()))
            })
            .collect();
        if !dependents.is_empty() && !cascade {
            return Err(stmt.reject(format!(
                "cannot drop constraint {name} on table {} because other objects depend on it",
                table.name
            )));
        }
        for (owner, fk) in dependents {
            state.table_mut(&owner).foreign_keys.retain(|f| f.name != fk);
        }
        state.index_shapes.remove(&ObjectName::new(table.schema.clone(), name.to_string()));
    }
    state.check_shapes.remove(&(table.clone(), name.to_string()));
    let entry = state.table_mut(table);
    if entry.primary_key.as_ref().is_some_and(|pk| pk.name == name) {
        entry.primary_key = None;
    }
    entry.uniques.retain(|u| u.name != name);
    entry.foreign_keys.retain(|f| f.name != name);
    entry.checks.retain(|c| c.name != name);
    entry.indexes.retain(|i| i.constraint.as_deref() != Some(name));
    entry.provenance.touch(stmt.at);
    Ok(())
}

/// VALIDATE CONSTRAINT: a NOT VALID check or foreign key becomes validated.
fn validate_constraint(state: &mut PgState, table: &ObjectName, name: &str, stmt: &Stmt) -> Result<(), ReplayError> {
    let at = stmt.at;
    if let Some(shape) = state.check_shapes.get_mut(&(table.clone(), name.to_string())) {
        shape.not_valid = false;
    }
    let entry = state.table_mut(table);
    let mut found = false;
    for check in entry.checks.iter_mut().filter(|c| c.name == name) {
        check.validated = true;
        check.definition = check.definition.trim_end_matches(" NOT VALID").to_string();
        check.provenance.touch(at);
        found = true;
    }
    for fk in entry.foreign_keys.iter_mut().filter(|f| f.name == name) {
        fk.validated = true;
        fk.definition = fk.definition.trim_end_matches(" NOT VALID").to_string();
        fk.provenance.touch(at);
        found = true;
    }
    if !found {
        return Err(stmt.reject(format!("constraint \"{name}\" of relation \"{}\" does not exist", table.name)));
    }
    Ok(())
}

fn rename_constraint(state: &mut PgState, table: &ObjectName, old: &str, new: &str, stmt: &Stmt) -> Result<(), ReplayError> {
    let entry = &state.catalog.tables[table];
    if !entry.constraint_names().any(|c| c == old) {
        return Err(stmt.reject(format!("constraint \"{old}\" for table \"{}\" does not exist", table.name)));
    }
    if entry.constraint_names().any(|c| c == new) {
        return Err(stmt.reject(format!("constraint \"{new}\" for relation \"{}\" already exists", table.name)));
    }
    let has_index = entry.indexes.iter().any(|i| i.constraint.as_deref() == Some(old));
    if has_index {
        if state.relation_in(&table.schema, new).is_some() {
            return Err(stmt.reject(format!("relation \"{new}\" already exists")));
        }
        rename_index_entry(state, table, old, new, stmt.at);
        return Ok(());
    }
    let at = stmt.at;
    let entry = state.table_mut(table);
    for fk in entry.foreign_keys.iter_mut().filter(|f| f.name == old) {
        fk.name = new.to_string();
        fk.provenance.touch(at);
    }
    for check in entry.checks.iter_mut().filter(|c| c.name == old) {
        check.name = new.to_string();
        check.provenance.touch(at);
    }
    entry.provenance.touch(at);
    if let Some(shape) = state.check_shapes.remove(&(table.clone(), old.to_string())) {
        state.check_shapes.insert((table.clone(), new.to_string()), shape);
    }
    Ok(())
}

/// Removes a table and everything that belongs to it (owned sequences, index and
/// constraint shapes, foreign keys of other tables when `cascade`).
pub fn forget_table(state: &mut PgState, table: &ObjectName) {
    for child in partition::partitions_of(state, table) {
        forget_table(state, &child);
    }
    state.partitions.retain(|(parent, child)| parent != table && child != table);
    state.catalog.tables.remove(table);
    state.catalog.sequences.retain(|_, s| !s.owned_by.as_ref().is_some_and(|o| o.table == *table));
    state.check_shapes.retain(|(t, _), _| t != table);
    state.default_shapes.retain(|(t, _), _| t != table);
    state.index_shapes.retain(|_, s| s.table != *table);
    for other in state.catalog.tables.values_mut() {
        other.foreign_keys.retain(|fk| fk.ref_table != *table);
    }
}

/// DROP TABLE of one name.
pub fn drop_table(state: &mut PgState, parts: &[String], if_exists: bool, cascade: bool, stmt: &Stmt) -> Result<bool, ReplayError> {
    let table = match state.lookup_relation(parts) {
        Some((name, super::state::Relation::Table)) => name,
        Some(_) => return Err(stmt.reject(format!("\"{}\" is not a table", parts.join(".")))),
        None if if_exists => return Ok(false),
        None => return Err(stmt.reject(format!("table \"{}\" does not exist", parts.join(".")))),
    };
    let referenced_by_others = state
        .catalog
        .tables
        .values()
        .any(|t| t.name != table && t.foreign_keys.iter().any(|fk| fk.ref_table == table));
    let used_by_views = state.view_dependencies.values().any(|deps| deps.contains(&table));
    if (referenced_by_others || used_by_views) && !cascade {
        return Err(stmt.reject(format!("cannot drop table {} because other objects depend on it", table.name)));
    }
    drop_views_cascade(state, views_reading(state, &table));
    forget_table(state, &table);
    Ok(true)
}
