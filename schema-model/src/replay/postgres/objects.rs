//! Schema objects other than tables, indexes, views and routines: enum and composite
//! types, domains, schemas, extensions, sequences, `search_path`, triggers
//! (`pg_get_triggerdef`) and comments on tables and columns.

use super::constraints::table_scope;
use super::expr::{condition, deparse, quote_literal, Scope};
use super::names::quote_ident;
use super::state::{PgState, Relation, Stmt};
use super::types::{resolve, PgType};
use crate::catalog::{
    CheckConstraint, CompositeAttribute, CompositeType, Domain, EnumType, Extension, ObjectName,
    Provenance, Trigger,
};
use crate::error::ReplayError;
use sqlparser::ast::{
    AlterType, AlterTypeAddValuePosition, AlterTypeOperation, CommentObject, CreateDomain, CreateTrigger, DropTrigger, Expr,
    ObjectName as SqlName, SchemaName, TableConstraint, TriggerEvent,
    TriggerObject, TriggerObjectKind, TriggerPeriod, TriggerReferencingType, UserDefinedTypeRepresentation,
};

fn type_name_taken(state: &PgState, name: &ObjectName, stmt: &Stmt) -> Result<(), ReplayError> {
    if state.type_exists(&name.schema, &name.name) {
        return Err(stmt.reject(format!("type \"{}\" already exists", name.name)));
    }
    Ok(())
}

/// CREATE TYPE ... AS ENUM / AS (composite).
pub fn create_type(
    state: &mut PgState,
    name: &SqlName,
    representation: &Option<UserDefinedTypeRepresentation>,
    stmt: &Stmt,
) -> Result<(), ReplayError> {
    let name = state.creation_name(name, stmt)?;
    type_name_taken(state, &name, stmt)?;
    let provenance = Provenance::new(stmt.at);
    match representation {
        Some(UserDefinedTypeRepresentation::Enum { labels }) => {
            let labels: Vec<String> = labels.iter().map(|l| l.value.clone()).collect();
            state.catalog.enums.insert(name.clone(), EnumType { name, labels, provenance });
        }
        Some(UserDefinedTypeRepresentation::Composite { attributes }) => {
            if state.relation_in(&name.schema, &name.name).is_some() {
                return Err(stmt.reject(format!("relation \"{}\" already exists", name.name)));
            }
            let attributes = attributes
                .iter()
                .map(|a| {
                    let (ty, _) = resolve(state, &a.data_type).map_err(|m| stmt.reject(m))?;
                    Ok(CompositeAttribute { name: PgState::ident(&a.name), ty: ty.format() })
                })
                .collect::<Result<Vec<_>, ReplayError>>()?;
            state.catalog.composite_types.insert(name.clone(), CompositeType { name, attributes, provenance });
        }
        _ => return Err(stmt.unsupported("only enum and composite types are modelled by the Postgres replay")),
    }
    Ok(())
}

/// ALTER TYPE ... ADD VALUE / RENAME VALUE / RENAME TO.
pub fn alter_type(state: &mut PgState, alter: &AlterType, stmt: &Stmt) -> Result<(), ReplayError> {
    let parts = state.name_parts(&alter.name);
    let Some(name) = state.resolve_type_name(&parts) else {
        return Err(stmt.reject(format!("type \"{}\" does not exist", parts.join("."))));
    };
    if let AlterTypeOperation::Rename(rename) = &alter.operation {
        let new_name = ObjectName::new(name.schema.clone(), PgState::ident(&rename.new_name));
        type_name_taken(state, &new_name, stmt)?;
        if let Some(mut e) = state.catalog.enums.remove(&name) {
            e.name = new_name.clone();
            e.provenance.touch(stmt.at);
            state.catalog.enums.insert(new_name.clone(), e);
        } else if let Some(mut c) = state.catalog.composite_types.remove(&name) {
            c.name = new_name.clone();
            c.provenance.touch(stmt.at);
            state.catalog.composite_types.insert(new_name.clone(), c);
        } else {
            return Err(stmt.unsupported("renaming this kind of type is not modelled by the Postgres replay"));
        }
        retype_columns(state, &name, &new_name);
        return Ok(());
    }
    let Some(enum_type) = state.catalog.enums.get_mut(&name) else {
        return Err(stmt.reject(format!("\"{}\" is not an enum", parts.join("."))));
    };
    match &alter.operation {
        AlterTypeOperation::AddValue(add) => {
            let value = add.value.value.clone();
            if enum_type.labels.contains(&value) {
                if add.if_not_exists {
                    return Ok(());
                }
                return Err(stmt.reject(format!("enum label \"{value}\" already exists")));
            }
            let position = match &add.position {
                None => enum_type.labels.len(),
                Some(AlterTypeAddValuePosition::Before(l)) | Some(AlterTypeAddValuePosition::After(l)) => {
                    let at = enum_type
                        .labels
                        .iter()
                        .position(|x| *x == l.value)
                        .ok_or_else(|| stmt.reject(format!("\"{}\" is not an existing enum label", l.value)))?;
                    if matches!(add.position, Some(AlterTypeAddValuePosition::After(_))) {
                        at + 1
                    } else {
                        at
                    }
                }
            };
            enum_type.labels.insert(position, value);
        }
        AlterTypeOperation::RenameValue(rename) => {
            if enum_type.labels.contains(&rename.to.value) {
                return Err(stmt.reject(format!("enum label \"{}\" already exists", rename.to.value)));
            }
            match enum_type.labels.iter_mut().find(|l| **l == rename.from.value) {
                Some(label) => *label = rename.to.value.clone(),
                None => return Err(stmt.reject(format!("\"{}\" is not an existing enum label", rename.from.value))),
            }
        }
        AlterTypeOperation::Rename(_) => unreachable!("handled above"),
    }
    enum_type.provenance.touch(stmt.at);
    let ty = PgType { schema: Some(name.schema.clone()), name: name.name.clone(), mods: Vec::new(), array: false };
    let logical = super::types::logical(state, &ty);
    for table in state.catalog.tables.values_mut() {
        for column in &mut table.columns {
            if PgType::parse_formatted(&column.ty.engine).element() == ty {
                column.ty.logical = match &column.ty.logical {
                    crate::catalog::LogicalType::Array { .. } => {
                        crate::catalog::LogicalType::Array { element: Box::new(logical.clone()) }
                    }
                    _ => logical.clone(),
                };
            }
        }
    }
    Ok(())
}

/// Columns of type `old` print the renamed or moved type `new`.
pub(super) fn retype_columns(state: &mut PgState, old: &ObjectName, new: &ObjectName) {
    let old_ty = PgType { schema: Some(old.schema.clone()), name: old.name.clone(), mods: Vec::new(), array: false };
    for table in state.catalog.tables.values_mut() {
        for column in &mut table.columns {
            let mut ty = PgType::parse_formatted(&column.ty.engine);
            if ty.element().without_mods() == old_ty {
                ty.name = new.name.clone();
                ty.schema = Some(new.schema.clone());
                column.ty.engine = ty.format();
            }
        }
    }
}

/// CREATE DOMAIN.
/// A CHECK constraint of the domain `domain` over `base`, named `name` or as Postgres
/// names it (`<domain>_check`, numbered past names taken in the schema or in `existing`).
pub(super) fn domain_check(
    state: &PgState,
    domain: &ObjectName,
    base: &PgType,
    name: Option<String>,
    expr: &Expr,
    existing: &[CheckConstraint],
    stmt: &Stmt,
) -> Result<CheckConstraint, ReplayError> {
    let scope = Scope::single("value", vec![("value".to_string(), base.clone())]);
    let analysed = condition(state, &scope, expr).map_err(|e| e.at(stmt))?;
    let name = name.unwrap_or_else(|| {
        super::names::choose_name(&domain.name, None, "check", |n| {
            existing.iter().any(|c| c.name == n) || state.constraint_exists(&domain.schema, n)
        })
    });
    Ok(CheckConstraint {
        name,
        definition: format!("CHECK ({})", deparse(&analysed).replace("value", "VALUE")),
        validated: true,
        no_inherit: false,
        provenance: Provenance::new(stmt.at),
    })
}

pub fn create_domain(state: &mut PgState, domain: &CreateDomain, stmt: &Stmt) -> Result<(), ReplayError> {
    let name = state.creation_name(&domain.name, stmt)?;
    type_name_taken(state, &name, stmt)?;
    let (base, _) = resolve(state, &domain.data_type).map_err(|m| stmt.reject(m))?;
    let default = match &domain.default {
        Some(expr) => super::expr::column_default(state, "value", expr, &base).map_err(|e| e.at(stmt))?.map(|d| deparse(&d)),
        None => None,
    };
    let mut checks = Vec::new();
    for constraint in &domain.constraints {
        let TableConstraint::Check(check) = constraint else {
            return Err(stmt.unsupported(format!("domain constraint `{constraint}` is not modelled")));
        };
        let check_name = check.name.as_ref().map(PgState::ident);
        let check = domain_check(state, &name, &base, check_name, &check.expr, &checks, stmt)?;
        checks.push(check);
    }
    state.catalog.domains.insert(
        name.clone(),
        Domain { name, base_type: base.format(), not_null: false, default, checks, provenance: Provenance::new(stmt.at) },
    );
    Ok(())
}

pub fn create_schema(state: &mut PgState, schema: &SchemaName, if_not_exists: bool, stmt: &Stmt) -> Result<(), ReplayError> {
    let name = match schema {
        SchemaName::Simple(name) | SchemaName::NamedAuthorization(name, _) => {
            state.name_parts(name).last().cloned().unwrap_or_default()
        }
        SchemaName::UnnamedAuthorization(role) => PgState::ident(role),
    };
    if state.schema_exists(&name) {
        if if_not_exists {
            return Ok(());
        }
        return Err(stmt.reject(format!("schema \"{name}\" already exists")));
    }
    state.catalog.schemas.push(name);
    Ok(())
}

/// DROP SCHEMA of one name.
pub fn drop_schema(state: &mut PgState, parts: &[String], if_exists: bool, cascade: bool, stmt: &Stmt) -> Result<bool, ReplayError> {
    let name = parts.last().cloned().unwrap_or_default();
    if !state.catalog.schemas.contains(&name) {
        if if_exists {
            return Ok(false);
        }
        return Err(stmt.reject(format!("schema \"{name}\" does not exist")));
    }
    let used = state.catalog.tables.keys().any(|t| t.schema == name)
        || state.catalog.views.keys().any(|t| t.schema == name)
        || state.catalog.enums.keys().any(|t| t.schema == name);
    if used && !cascade {
        return Err(stmt.reject(format!("cannot drop schema {name} because other objects depend on it")));
    }
    let tables: Vec<ObjectName> = state.catalog.tables.keys().filter(|t| t.schema == name).cloned().collect();
    for table in tables {
        super::alter_table::forget_table(state, &table);
    }
    state.catalog.views.retain(|k, _| k.schema != name);
    state.catalog.enums.retain(|k, _| k.schema != name);
    state.catalog.sequences.retain(|k, _| k.schema != name);
    state.catalog.schemas.retain(|s| *s != name);
    Ok(true)
}

pub fn create_extension(
    state: &mut PgState,
    name: &str,
    schema: Option<String>,
    if_not_exists: bool,
    stmt: &Stmt,
) -> Result<(), ReplayError> {
    if state.catalog.extensions.iter().any(|e| e.name == name) {
        if if_not_exists {
            return Ok(());
        }
        return Err(stmt.reject(format!("extension \"{name}\" already exists")));
    }
    let schema = match schema {
        Some(s) if !state.schema_exists(&s) => return Err(stmt.reject(format!("schema \"{s}\" does not exist"))),
        Some(s) => s,
        None => state.search_path.iter().find(|s| state.schema_exists(s)).cloned().unwrap_or_else(|| "public".into()),
    };
    if name != "plpgsql" {
        state.catalog.extensions.push(Extension { name: name.to_string(), schema });
    }
    Ok(())
}

pub fn drop_extension(state: &mut PgState, name: &str, if_exists: bool, stmt: &Stmt) -> Result<(), ReplayError> {
    if !state.catalog.extensions.iter().any(|e| e.name == name) {
        if if_exists {
            return Ok(());
        }
        return Err(stmt.reject(format!("extension \"{name}\" does not exist")));
    }
    state.catalog.extensions.retain(|e| e.name != name);
    Ok(())
}

/// SET search_path = a, b.
pub fn set_search_path(state: &mut PgState, values: &[Expr]) {
    let mut path = Vec::new();
    for value in values {
        let text = match value {
            Expr::Identifier(ident) => PgState::ident(ident),
            Expr::Value(v) => v.value.clone().into_string().unwrap_or_default(),
            other => other.to_string(),
        };
        for part in text.split(',') {
            let part = part.trim().trim_matches('"').to_string();
            if part.eq_ignore_ascii_case("default") {
                path = vec!["public".to_string()];
            } else if part != "$user" && !part.is_empty() {
                path.push(part);
            }
        }
    }
    state.search_path = path;
}

pub fn drop_type(state: &mut PgState, parts: &[String], if_exists: bool, cascade: bool, stmt: &Stmt) -> Result<bool, ReplayError> {
    let Some(name) = state.resolve_type_name(parts) else {
        if if_exists {
            return Ok(false);
        }
        return Err(stmt.reject(format!("type \"{}\" does not exist", parts.join("."))));
    };
    let ty = PgType { schema: Some(name.schema.clone()), name: name.name.clone(), mods: Vec::new(), array: false };
    let used = state
        .catalog
        .tables
        .values()
        .any(|t| t.columns.iter().any(|c| PgType::parse_formatted(&c.ty.engine).element().without_mods() == ty));
    if used && !cascade {
        return Err(stmt.reject(format!("cannot drop type {} because other objects depend on it", name.name)));
    }
    if state.catalog.enums.remove(&name).is_none()
        && state.catalog.composite_types.remove(&name).is_none()
        && state.catalog.domains.remove(&name).is_none()
    {
        return Err(stmt.reject(format!("\"{}\" is not a type that DROP TYPE can drop", parts.join("."))));
    }
    Ok(true)
}

/// CREATE TRIGGER: recorded with its `pg_get_triggerdef` text.
pub fn create_trigger(state: &mut PgState, trigger: &CreateTrigger, stmt: &Stmt) -> Result<(), ReplayError> {
    let table = state.resolve_table(&trigger.table_name, stmt)?;
    let name = state.name_parts(&trigger.name).last().cloned().unwrap_or_default();
    let exists = state.catalog.tables[&table].triggers.iter().any(|t| t.name == name);
    if exists && !trigger.or_replace {
        return Err(stmt.reject(format!("trigger \"{name}\" for relation \"{}\" already exists", table.name)));
    }
    let Some(body) = &trigger.exec_body else {
        return Err(stmt.unsupported("triggers without EXECUTE FUNCTION are not modelled"));
    };
    let function_parts = state.name_parts(&body.func_desc.name);
    let function_name = function_parts.last().cloned().unwrap_or_default();
    let function = state
        .functions
        .iter()
        .find(|f| f.name.name == function_name && f.args.is_empty() && f.result.is("trigger"))
        .ok_or_else(|| stmt.reject(format!("function {}() does not exist", function_parts.join("."))))?;
    let function_text = if function.name.schema == "public" {
        quote_ident(&function.name.name)
    } else {
        format!("{}.{}", quote_ident(&function.name.schema), quote_ident(&function.name.name))
    };
    let mut events = Vec::new();
    for wanted in ["INSERT", "DELETE", "UPDATE", "TRUNCATE"] {
        for event in &trigger.events {
            match (wanted, event) {
                ("INSERT", TriggerEvent::Insert) | ("DELETE", TriggerEvent::Delete) | ("TRUNCATE", TriggerEvent::Truncate) => {
                    events.push(wanted.to_string())
                }
                ("UPDATE", TriggerEvent::Update(columns)) if columns.is_empty() => events.push("UPDATE".to_string()),
                ("UPDATE", TriggerEvent::Update(columns)) => {
                    let columns: Vec<String> = columns.iter().map(|c| quote_ident(&PgState::ident(c))).collect();
                    events.push(format!("UPDATE OF {}", columns.join(", ")));
                }
                _ => {}
            }
        }
    }
    let timing = match trigger.period {
        Some(TriggerPeriod::Before) => "BEFORE",
        Some(TriggerPeriod::InsteadOf) => "INSTEAD OF",
        _ => "AFTER",
    };
    let mut definition = format!(
        "CREATE {}TRIGGER {} {timing} {} ON {}.{}",
        if trigger.is_constraint { "CONSTRAINT " } else { "" },
        quote_ident(&name),
        events.join(" OR "),
        quote_ident(&table.schema),
        quote_ident(&table.name)
    );
    if !trigger.referencing.is_empty() {
        definition.push_str(" REFERENCING");
        for kind in [TriggerReferencingType::OldTable, TriggerReferencingType::NewTable] {
            for r in trigger.referencing.iter().filter(|r| r.refer_type == kind) {
                let word = if kind == TriggerReferencingType::OldTable { "OLD" } else { "NEW" };
                let alias = state.name_parts(&r.transition_relation_name).join(".");
                definition.push_str(&format!(" {word} TABLE AS {}", quote_ident(&alias)));
            }
        }
    }
    let row = matches!(
        trigger.trigger_object,
        Some(TriggerObjectKind::ForEach(TriggerObject::Row)) | Some(TriggerObjectKind::For(TriggerObject::Row))
    );
    definition.push_str(if row { " FOR EACH ROW" } else { " FOR EACH STATEMENT" });
    if let Some(when) = &trigger.condition {
        let columns = table_scope(&state.catalog.tables[&table]).relations.remove(0).1;
        let scope = Scope {
            relations: vec![("old".to_string(), columns.clone()), ("new".to_string(), columns)],
            qualify: true,
        };
        let analysed = condition(state, &scope, when).map_err(|e| e.at(stmt))?;
        definition.push_str(&format!(" WHEN ({})", deparse(&analysed)));
    }
    let args: Vec<String> = body
        .func_desc
        .args
        .iter()
        .flatten()
        .map(|a| quote_literal(&a.data_type.to_string()))
        .collect();
    definition.push_str(&format!(" EXECUTE FUNCTION {function_text}({})", args.join(", ")));
    let at = stmt.at;
    let entry = state.table_mut(&table);
    entry.triggers.retain(|t| t.name != name);
    entry.triggers.push(Trigger { name, definition, enabled: "O".to_string(), provenance: Provenance::new(at) });
    entry.provenance.touch(at);
    Ok(())
}

pub fn drop_trigger(state: &mut PgState, drop: &DropTrigger, stmt: &Stmt) -> Result<(), ReplayError> {
    let name = state.name_parts(&drop.trigger_name).last().cloned().unwrap_or_default();
    let Some(table_name) = &drop.table_name else {
        return Err(stmt.reject("syntax error: DROP TRIGGER needs ON table"));
    };
    let parts = state.name_parts(table_name);
    let table = match state.lookup_relation(&parts) {
        Some((t, Relation::Table)) => t,
        _ if drop.if_exists => return Ok(()),
        _ => return Err(stmt.reject(format!("relation \"{}\" does not exist", parts.join(".")))),
    };
    let entry = state.table_mut(&table);
    if !entry.triggers.iter().any(|t| t.name == name) {
        if drop.if_exists {
            return Ok(());
        }
        return Err(stmt.reject(format!("trigger \"{name}\" for table \"{}\" does not exist", table.name)));
    }
    entry.triggers.retain(|t| t.name != name);
    entry.provenance.touch(stmt.at);
    Ok(())
}

/// COMMENT ON TABLE / COLUMN; returns false for objects whose comments are not modelled.
pub fn comment(
    state: &mut PgState,
    object_type: CommentObject,
    object_name: &SqlName,
    comment: Option<&str>,
    _if_exists: bool,
    stmt: &Stmt,
) -> Result<bool, ReplayError> {
    let text = comment.filter(|c| !c.is_empty()).map(str::to_string);
    match object_type {
        CommentObject::Table => {
            let table = state.resolve_table(object_name, stmt)?;
            let entry = state.table_mut(&table);
            entry.comment = text;
            entry.provenance.touch(stmt.at);
            Ok(true)
        }
        CommentObject::Column => {
            let mut parts = state.name_parts(object_name);
            let Some(column) = parts.pop() else { return Ok(false) };
            if parts.is_empty() {
                return Err(stmt.reject("column name must be qualified"));
            }
            let table = match state.lookup_relation(&parts) {
                Some((t, Relation::Table)) => t,
                Some(_) => return Ok(false),
                None => return Err(stmt.reject(format!("relation \"{}\" does not exist", parts.join(".")))),
            };
            let entry = state.table_mut(&table);
            let Some(c) = entry.column_mut(&column) else {
                return Err(stmt.reject(format!("column \"{column}\" of relation \"{}\" does not exist", table.name)));
            };
            c.comment = text;
            c.provenance.touch(stmt.at);
            Ok(true)
        }
        _ => Ok(false),
    }
}
