//! Indexes: CREATE INDEX (method, expressions, operator classes, DESC / NULLS, INCLUDE,
//! WITH options, partial predicates), the indexes behind PRIMARY KEY / UNIQUE, DROP and
//! RENAME, and their definitions exactly as `pg_get_indexdef` prints them. The analysed
//! shape of each index is kept so its definition can be printed again after a rename.

use super::constraints::{column_list, table_scope};
use super::expr::{condition, deparse, expression, TExpr};
use super::names::{choose_name, name_addition, quote_ident};
use super::state::{PgState, Relation, Stmt};
use crate::catalog::{Index, IndexKey, Location, ObjectName, Provenance};
use crate::error::{ReplayError, ReplayReport};
use sqlparser::ast::{CreateIndex, Expr, IndexType, OrderBySort, Value};

/// One key of an index before printing: a column or an expression, with options.
#[derive(Debug, Clone)]
pub struct KeyShape {
    pub column: Option<String>,
    pub expr: Option<TExpr>,
    pub opclass: Option<String>,
    pub descending: bool,
    pub nulls_first: Option<bool>,
}

/// Everything about an index that its printed definition depends on.
#[derive(Debug, Clone)]
pub struct IndexShape {
    pub table: ObjectName,
    pub unique: bool,
    pub method: String,
    pub keys: Vec<KeyShape>,
    pub include: Vec<String>,
    pub nulls_not_distinct: bool,
    pub with: Vec<(String, String)>,
    pub predicate: Option<TExpr>,
    /// The index of a partitioned table, printed `ON ONLY` (see [`super::partition`]).
    pub partitioned: bool,
}

impl KeyShape {
    /// A plain ascending column key, as constraint indexes have.
    pub fn column(name: &str) -> KeyShape {
        KeyShape { column: Some(name.to_string()), expr: None, opclass: None, descending: false, nulls_first: None }
    }

    /// The key as `pg_get_indexdef` prints it.
    fn text(&self) -> String {
        let mut text = match (&self.column, &self.expr) {
            (Some(column), _) => quote_ident(column),
            (None, Some(expr @ (TExpr::Func { .. } | TExpr::Coalesce { .. } | TExpr::SqlValue { .. }))) => deparse(expr),
            (None, Some(expr)) => format!("({})", deparse(expr)),
            (None, None) => String::new(),
        };
        if let Some(opclass) = &self.opclass {
            text.push(' ');
            text.push_str(opclass);
        }
        if self.descending {
            text.push_str(" DESC");
            if self.nulls_first == Some(false) {
                text.push_str(" NULLS LAST");
            }
        } else if self.nulls_first == Some(true) {
            text.push_str(" NULLS FIRST");
        }
        text
    }

    fn rename_column(&mut self, relation: &str, old: &str, new: &str) {
        if self.column.as_deref() == Some(old) {
            self.column = Some(new.to_string());
        }
        if let Some(expr) = &mut self.expr {
            expr.rename_column(relation, old, new);
        }
    }
}

impl IndexShape {
    /// `pg_get_indexdef` for an index named `name`.
    pub fn definition(&self, name: &str) -> String {
        let keys: Vec<String> = self.keys.iter().map(KeyShape::text).collect();
        let mut text = format!(
            "CREATE {}INDEX {} ON {}{}.{} USING {} ({})",
            if self.unique { "UNIQUE " } else { "" },
            quote_ident(name),
            if self.partitioned { "ONLY " } else { "" },
            quote_ident(&self.table.schema),
            quote_ident(&self.table.name),
            self.method,
            keys.join(", ")
        );
        if !self.include.is_empty() {
            text.insert_str(text.len() - 1, &format!(") INCLUDE ({}", column_list(&self.include)));
        }
        if self.nulls_not_distinct {
            text.push_str(" NULLS NOT DISTINCT");
        }
        if !self.with.is_empty() {
            let options: Vec<String> = self.with.iter().map(|(k, v)| format!("{k}={}", reloption_value(v))).collect();
            text.push_str(&format!(" WITH ({})", options.join(", ")));
        }
        if let Some(predicate) = &self.predicate {
            text.push_str(" WHERE ");
            text.push_str(&deparse(predicate));
        }
        text
    }

    /// The catalog entry for this shape.
    fn to_index(&self, name: &str, primary: bool, constraint: Option<String>, at: &Location) -> Index {
        Index {
            name: name.to_string(),
            unique: self.unique,
            primary,
            method: self.method.clone(),
            keys: self
                .keys
                .iter()
                .map(|k| IndexKey {
                    column: k.column.clone(),
                    definition: k.text(),
                    descending: k.descending,
                    collation: None,
                    sub_part: None,
                })
                .collect(),
            predicate: self.predicate.as_ref().map(deparse),
            definition: Some(self.definition(name)),
            constraint,
            valid: true,
            origin: None,
            provenance: Provenance::new(at),
        }
    }
}

/// `flatten_reloptions`: values are quoted unless they read as plain identifiers.
fn reloption_value(value: &str) -> String {
    if quote_ident(value) == value {
        value.to_string()
    } else {
        super::expr::quote_literal(value)
    }
}

/// The unique index behind a PRIMARY KEY or UNIQUE constraint.
pub fn constraint_index(
    table: &ObjectName,
    name: &str,
    primary: bool,
    keys: &[KeyShape],
    nulls_not_distinct: bool,
    at: &Location,
) -> Index {
    let shape = IndexShape {
        table: table.clone(),
        unique: true,
        method: "btree".to_string(),
        keys: keys.to_vec(),
        include: Vec::new(),
        nulls_not_distinct,
        with: Vec::new(),
        predicate: None,
        partitioned: false,
    };
    shape.to_index(name, primary, Some(name.to_string()), at)
}

/// Operator classes that are the default for their type under btree, which
/// `pg_get_indexdef` leaves out.
const DEFAULT_BTREE_OPCLASSES: &[&str] = &[
    "int2_ops", "int4_ops", "int8_ops", "text_ops", "bool_ops", "date_ops", "timestamp_ops",
    "timestamptz_ops", "uuid_ops", "numeric_ops", "bytea_ops", "float4_ops", "float8_ops", "bpchar_ops",
];

/// `FigureIndexColname`: the name an expression key contributes to a generated name.
fn expression_name(expr: &Expr) -> String {
    match expr {
        Expr::Nested(inner) => expression_name(inner),
        Expr::Function(f) => f.name.0.last().and_then(|p| p.as_ident()).map(PgState::ident).unwrap_or_default(),
        Expr::Cast { data_type, .. } => data_type.to_string().to_ascii_lowercase(),
        _ => "expr".to_string(),
    }
}

/// CREATE INDEX.
pub fn create_index(
    state: &mut PgState,
    create: &CreateIndex,
    stmt: &Stmt,
    report: &mut ReplayReport,
) -> Result<(), ReplayError> {
    let parts = state.name_parts(&create.table_name);
    let (table_name, relation) = match state.lookup_relation(&parts) {
        Some((name, relation @ (Relation::Table | Relation::MaterializedView))) => (name, relation),
        Some((_, other)) => {
            return Err(stmt.reject(format!("cannot create index on {} \"{}\"", other.noun(), parts.join("."))))
        }
        None => return Err(stmt.reject(format!("relation \"{}\" does not exist", parts.join(".")))),
    };
    let scope = match relation {
        Relation::Table => table_scope(&state.catalog.tables[&table_name]),
        _ => super::view::view_scope(&state.catalog.views[&table_name]),
    };
    let mut keys = Vec::new();
    let mut key_names = Vec::new();
    for column in &create.columns {
        let order = &column.column;
        let (column_name, expr) = match &order.expr {
            Expr::Identifier(ident) => {
                let name = PgState::ident(ident);
                if !scope.relations[0].1.iter().any(|(c, _)| *c == name) {
                    return Err(stmt.reject(format!("column \"{name}\" does not exist")));
                }
                (Some(name), None)
            }
            other => (None, Some(expression(state, &scope, other).map_err(|e| e.at(stmt))?)),
        };
        key_names.push(column_name.clone().unwrap_or_else(|| expression_name(&order.expr)));
        let opclass = column
            .operator_class
            .as_ref()
            .map(|o| state.name_parts(o).join("."))
            .filter(|o| !DEFAULT_BTREE_OPCLASSES.contains(&o.as_str()));
        keys.push(KeyShape {
            column: column_name,
            expr,
            opclass,
            descending: matches!(order.options.sort, Some(OrderBySort::Desc)),
            nulls_first: order.options.nulls_first,
        });
    }
    let predicate = match &create.predicate {
        Some(p) => Some(condition(state, &scope, p).map_err(|e| e.at(stmt))?),
        None => None,
    };
    let with = create.with.iter().map(|option| reloption(option, stmt)).collect::<Result<Vec<_>, _>>()?;
    let shape = IndexShape {
        table: table_name.clone(),
        unique: create.unique,
        method: match &create.using {
            None => "btree".to_string(),
            Some(IndexType::Custom(ident)) => PgState::ident(ident),
            Some(other) => other.to_string().to_ascii_lowercase(),
        },
        keys,
        include: create.include.iter().map(PgState::ident).collect(),
        nulls_not_distinct: create.nulls_distinct == Some(false),
        with,
        predicate,
        partitioned: false,
    };
    let schema = table_name.schema.clone();
    let name = match &create.name {
        Some(name) => {
            let name = state.name_parts(name).last().cloned().unwrap_or_default();
            if state.relation_in(&schema, &name).is_some() {
                if create.if_not_exists {
                    report.skipped.push(crate::error::SkippedStatement {
                        location: stmt.at.clone(),
                        what: format!("CREATE INDEX IF NOT EXISTS (relation \"{name}\" already exists)"),
                    });
                    return Ok(());
                }
                return Err(stmt.reject(format!("relation \"{name}\" already exists")));
            }
            name
        }
        None => {
            let addition = name_addition(key_names.iter().map(String::as_str));
            choose_name(&table_name.name, Some(&addition), "idx", |n| state.relation_in(&schema, n).is_some())
        }
    };
    let index = shape.to_index(&name, false, None, stmt.at);
    match relation {
        Relation::Table => {
            let table = state.table_mut(&table_name);
            table.indexes.push(index);
            table.provenance.touch(stmt.at);
        }
        _ => state.catalog.views.get_mut(&table_name).expect("resolved view").indexes.push(index),
    }
    state.index_shapes.insert(ObjectName::new(schema, name.clone()), shape);
    super::partition::index_created(state, &table_name, &name, stmt, report)
}

/// One `WITH (name = value)` storage parameter.
fn reloption(option: &Expr, stmt: &Stmt) -> Result<(String, String), ReplayError> {
    if let Expr::BinaryOp { left, op: sqlparser::ast::BinaryOperator::Eq, right } = option {
        if let Expr::Identifier(key) = left.as_ref() {
            let value = match right.as_ref() {
                Expr::Value(v) => match &v.value {
                    Value::Number(n, _) => n.clone(),
                    Value::SingleQuotedString(s) => s.clone(),
                    Value::Boolean(b) => b.to_string(),
                    other => other.to_string(),
                },
                Expr::Identifier(i) => PgState::ident(i),
                other => other.to_string(),
            };
            return Ok((PgState::ident(key), value));
        }
    }
    Err(stmt.unsupported(format!("index storage parameter `{option}` is not modelled")))
}

/// Prints every index of `table` again from its shape (after a rename).
pub fn refresh_definitions(state: &mut PgState, table: &ObjectName) {
    let Some(entry) = state.catalog.tables.get_mut(table) else { return };
    for index in &mut entry.indexes {
        let key = ObjectName::new(table.schema.clone(), index.name.clone());
        let shape = match state.index_shapes.get_mut(&key) {
            Some(shape) => shape,
            None => continue,
        };
        shape.table = table.clone();
        let fresh = shape.to_index(&index.name, index.primary, index.constraint.clone(), &index.provenance.created);
        index.keys = fresh.keys;
        index.predicate = fresh.predicate;
        index.definition = fresh.definition;
    }
}

/// Renames column `old` to `new` in the shapes of every index of `table`.
pub fn rename_column(state: &mut PgState, table: &ObjectName, old: &str, new: &str) {
    for (key, shape) in state.index_shapes.iter_mut() {
        if shape.table == *table && key.schema == table.schema {
            shape.keys.iter_mut().for_each(|k| k.rename_column(&table.name, old, new));
            if let Some(p) = &mut shape.predicate {
                p.rename_column(&table.name, old, new);
            }
            shape.include.iter_mut().filter(|c| *c == old).for_each(|c| *c = new.to_string());
        }
    }
    refresh_definitions(state, table);
}

/// Records the shape of an index created for a constraint, so renames reprint it.
pub fn remember_constraint_index(state: &mut PgState, table: &ObjectName, name: &str, keys: &[KeyShape], nulls_not_distinct: bool) {
    state.index_shapes.insert(
        ObjectName::new(table.schema.clone(), name.to_string()),
        IndexShape {
            table: table.clone(),
            unique: true,
            method: "btree".to_string(),
            keys: keys.to_vec(),
            include: Vec::new(),
            nulls_not_distinct,
            with: Vec::new(),
            predicate: None,
            partitioned: false,
        },
    );
}

/// DROP INDEX of one name.
pub fn drop_index(state: &mut PgState, parts: &[String], if_exists: bool, stmt: &Stmt) -> Result<bool, ReplayError> {
    let (owner, index_name) = match state.lookup_relation(parts) {
        Some((name, Relation::Index(owner))) => (owner, name),
        Some(_) => return Err(stmt.reject(format!("\"{}\" is not an index", parts.join(".")))),
        None if if_exists => return Ok(false),
        None => return Err(stmt.reject(format!("index \"{}\" does not exist", parts.join(".")))),
    };
    if super::partition::has_partitions(state, &owner) {
        return Err(stmt.unsupported("DROP INDEX of a partitioned table's index (which drops its partitions' indexes) is not modelled"));
    }
    let indexes = match state.catalog.tables.get_mut(&owner) {
        Some(table) => {
            table.provenance.touch(stmt.at);
            &mut table.indexes
        }
        None => &mut state.catalog.views.get_mut(&owner).expect("index owner exists").indexes,
    };
    if let Some(index) = indexes.iter().find(|i| i.name == index_name.name) {
        if let Some(constraint) = &index.constraint {
            return Err(stmt.reject(format!(
                "cannot drop index {} because constraint {constraint} on table {} requires it",
                index_name.name, owner.name
            )));
        }
    }
    indexes.retain(|i| i.name != index_name.name);
    state.index_shapes.remove(&index_name);
    Ok(true)
}

/// ALTER INDEX ... RENAME TO: renames the index and the constraint it backs.
pub fn rename_index(
    state: &mut PgState,
    parts: &[String],
    new_name: &str,
    if_exists: bool,
    stmt: &Stmt,
) -> Result<bool, ReplayError> {
    let (owner, old) = match state.lookup_relation(parts) {
        Some((name, Relation::Index(owner))) => (owner, name),
        Some(_) => return Err(stmt.reject(format!("\"{}\" is not an index", parts.join(".")))),
        None if if_exists => return Ok(false),
        None => return Err(stmt.reject(format!("relation \"{}\" does not exist", parts.join(".")))),
    };
    if state.relation_in(&old.schema, new_name).is_some() {
        return Err(stmt.reject(format!("relation \"{new_name}\" already exists")));
    }
    rename_index_entry(state, &owner, &old.name, new_name, stmt.at);
    Ok(true)
}

/// Renames index `old` of `owner` (and the constraint it backs) to `new_name`.
pub fn rename_index_entry(state: &mut PgState, owner: &ObjectName, old: &str, new_name: &str, at: &Location) {
    let old_key = ObjectName::new(owner.schema.clone(), old.to_string());
    if let Some(shape) = state.index_shapes.remove(&old_key) {
        state.index_shapes.insert(ObjectName::new(owner.schema.clone(), new_name.to_string()), shape);
    }
    if let Some(table) = state.catalog.tables.get_mut(owner) {
        let mut backed = None;
        for index in table.indexes.iter_mut().filter(|i| i.name == old) {
            index.name = new_name.to_string();
            index.provenance.touch(at);
            if index.constraint.is_some() {
                backed = index.constraint.replace(new_name.to_string());
            }
        }
        if let Some(constraint) = backed {
            if let Some(pk) = table.primary_key.as_mut().filter(|pk| pk.name == constraint) {
                pk.name = new_name.to_string();
                pk.provenance.touch(at);
            }
            for unique in table.uniques.iter_mut().filter(|u| u.name == constraint) {
                unique.name = new_name.to_string();
                unique.provenance.touch(at);
            }
        }
        table.provenance.touch(at);
        refresh_definitions(state, owner);
    } else if let Some(view) = state.catalog.views.get_mut(owner) {
        let key = ObjectName::new(owner.schema.clone(), new_name.to_string());
        for index in view.indexes.iter_mut().filter(|i| i.name == old) {
            index.name = new_name.to_string();
            if let Some(shape) = state.index_shapes.get(&key) {
                index.definition = Some(shape.definition(new_name));
            }
        }
    }
}
