//! CREATE TABLE, and the column definitions it shares with ALTER TABLE ADD COLUMN:
//! types, NOT NULL, defaults, serial and identity columns with their owned sequences,
//! generated columns, and column-level constraints, applied in Postgres's order (owned
//! sequences, then CHECKs, then the primary key and unique indexes, then foreign keys).

use super::constraints::{
    add_check, add_foreign_key, add_key_using_index, add_primary_key, add_unique, deferral, table_scope, CheckSpec,
    ForeignKeySpec, KeySpec, UsingIndexSpec,
};
use super::expr::{column_default, deparse, Analyzer};
use super::names::{choose_name, quote_ident};
use super::sequence::{apply_sequence_options, new_sequence};
use super::state::{PgState, Stmt};
use super::types::{logical, resolve, PgType};
use crate::catalog::{Column, ColumnType, Deferral, Identity, Location, ObjectName, SequenceOwner, Table};
use crate::error::{ReplayError, ReplayReport, SkippedStatement};
use sqlparser::ast::{
    ColumnDef, ColumnOption, ConstraintUsingIndex, CreateTable, Query, Expr, GeneratedAs, IndexColumn, NullsDistinctOption, SequenceOptions,
    TableConstraint,
};

/// Constraints collected from column and table definitions, applied once the columns
/// exist, in the order Postgres creates them.
#[derive(Default)]
pub struct PendingConstraints<'a> {
    pub checks: Vec<CheckSpec<'a>>,
    pub keys: Vec<(bool, KeySpec)>,
    pub foreign_keys: Vec<ForeignKeySpec<'a>>,
    /// `PRIMARY KEY USING INDEX` (true) / `UNIQUE USING INDEX` (false).
    pub using_index: Vec<(bool, &'a ConstraintUsingIndex)>,
}

impl<'a> PendingConstraints<'a> {
    /// Collects one table constraint.
    pub fn table_constraint(&mut self, constraint: &'a TableConstraint, not_valid: bool, stmt: &Stmt) -> Result<(), ReplayError> {
        match constraint {
            TableConstraint::PrimaryKey(pk) => self.keys.push((
                true,
                KeySpec {
                    name: pk.name.as_ref().map(PgState::ident),
                    columns: key_columns(&pk.columns, stmt)?,
                    deferral: deferral(&pk.characteristics),
                    nulls_not_distinct: false,
                },
            )),
            TableConstraint::Unique(u) => self.keys.push((
                false,
                KeySpec {
                    name: u.name.as_ref().map(PgState::ident),
                    columns: key_columns(&u.columns, stmt)?,
                    deferral: deferral(&u.characteristics),
                    nulls_not_distinct: u.nulls_distinct == NullsDistinctOption::NotDistinct,
                },
            )),
            TableConstraint::ForeignKey(fk) => self.foreign_keys.push(ForeignKeySpec {
                name: fk.name.as_ref().map(PgState::ident),
                columns: fk.columns.iter().map(PgState::ident).collect(),
                ref_table: &fk.foreign_table,
                ref_columns: fk.referred_columns.iter().map(PgState::ident).collect(),
                on_delete: fk.on_delete,
                on_update: fk.on_update,
                match_kind: fk.match_kind,
                deferral: deferral(&fk.characteristics),
                not_valid,
            }),
            TableConstraint::PrimaryKeyUsingIndex(using) => self.using_index.push((true, using)),
            TableConstraint::UniqueUsingIndex(using) => self.using_index.push((false, using)),
            TableConstraint::Check(check) => self.checks.push(CheckSpec {
                name: check.name.as_ref().map(PgState::ident),
                expr: &check.expr,
                no_inherit: check.no_inherit,
                not_valid,
            }),
            other => return Err(stmt.unsupported(format!("table constraint `{other}` is not modelled by the Postgres replay"))),
        }
        Ok(())
    }

    /// Applies every collected constraint to `table`.
    pub fn apply(self, state: &mut PgState, table: &ObjectName, stmt: &Stmt) -> Result<(), ReplayError> {
        for check in self.checks {
            add_check(state, table, check, stmt)?;
        }
        let (primary, others): (Vec<_>, Vec<_>) = self.keys.into_iter().partition(|(primary, _)| *primary);
        // Postgres drops a key whose index would equal the primary key's or an earlier
        // one's (`transformIndexConstraints`).
        let mut created: Vec<(Vec<String>, Deferral, bool)> = Vec::new();
        for (is_primary, key) in primary.into_iter().chain(others) {
            let signature = (key.columns.clone(), key.deferral, key.nulls_not_distinct);
            if created.contains(&signature) {
                continue;
            }
            created.push(signature);
            if is_primary {
                add_primary_key(state, table, key, stmt)?;
            } else {
                add_unique(state, table, key, stmt)?;
            }
        }
        for (primary, using) in self.using_index {
            let spec = UsingIndexSpec {
                primary,
                name: using.name.as_ref().map(PgState::ident),
                index: PgState::ident(&using.index_name),
                deferral: deferral(&using.characteristics),
            };
            add_key_using_index(state, table, spec, stmt)?;
        }
        for fk in self.foreign_keys {
            add_foreign_key(state, table, fk, stmt)?;
        }
        Ok(())
    }
}

/// Plain column names of a key; expressions are not allowed in constraints.
fn key_columns(columns: &[IndexColumn], stmt: &Stmt) -> Result<Vec<String>, ReplayError> {
    columns
        .iter()
        .map(|c| match &c.column.expr {
            Expr::Identifier(ident) => Ok(PgState::ident(ident)),
            other => Err(stmt.reject(format!("syntax error at or near \"{other}\""))),
        })
        .collect()
}

/// What a column definition asks for beyond the column itself.
struct ColumnExtras<'a> {
    default: Option<&'a Expr>,
    serial: bool,
    identity: Option<(Identity, &'a [SequenceOptions])>,
    generated: Option<&'a Expr>,
}

/// Adds the column `def` to `table` (which must exist), collecting its constraints into
/// `pending`. Used by CREATE TABLE and ALTER TABLE ADD COLUMN.
pub fn add_column<'a>(
    state: &mut PgState,
    table: &ObjectName,
    def: &'a ColumnDef,
    pending: &mut PendingConstraints<'a>,
    stmt: &Stmt,
) -> Result<(), ReplayError> {
    let name = PgState::ident(&def.name);
    let (ty, serial) = resolve(state, &def.data_type).map_err(|m| stmt.reject(m))?;
    let mut column = Column::new(
        name.clone(),
        ColumnType { engine: ty.format(), logical: logical(state, &ty), enforced: true },
        stmt.at,
    );
    let mut extras = ColumnExtras { default: None, serial: serial.is_some(), identity: None, generated: None };
    for option in &def.options {
        let constraint_name = option.name.as_ref().map(PgState::ident);
        match &option.option {
            ColumnOption::Null => {
                if column.not_null && extras.identity.is_none() {
                    return Err(stmt.reject(format!(
                        "conflicting NULL/NOT NULL declarations for column \"{name}\" of table \"{}\"",
                        table.name
                    )));
                }
            }
            ColumnOption::NotNull => column.not_null = true,
            ColumnOption::Default(expr) => {
                if extras.default.is_some() {
                    return Err(stmt.reject(format!(
                        "multiple default values specified for column \"{name}\" of table \"{}\"",
                        table.name
                    )));
                }
                extras.default = Some(expr);
            }
            ColumnOption::PrimaryKey(pk) => pending.keys.push((
                true,
                KeySpec {
                    name: constraint_name.or_else(|| pk.name.as_ref().map(PgState::ident)),
                    columns: vec![name.clone()],
                    deferral: deferral(&pk.characteristics),
                    nulls_not_distinct: false,
                },
            )),
            ColumnOption::Unique(u) => pending.keys.push((
                false,
                KeySpec {
                    name: constraint_name.or_else(|| u.name.as_ref().map(PgState::ident)),
                    columns: vec![name.clone()],
                    deferral: deferral(&u.characteristics),
                    nulls_not_distinct: u.nulls_distinct == NullsDistinctOption::NotDistinct,
                },
            )),
            ColumnOption::ForeignKey(fk) => pending.foreign_keys.push(ForeignKeySpec {
                name: constraint_name.or_else(|| fk.name.as_ref().map(PgState::ident)),
                columns: vec![name.clone()],
                ref_table: &fk.foreign_table,
                ref_columns: fk.referred_columns.iter().map(PgState::ident).collect(),
                on_delete: fk.on_delete,
                on_update: fk.on_update,
                match_kind: fk.match_kind,
                deferral: deferral(&fk.characteristics),
                not_valid: false,
            }),
            ColumnOption::Check(check) => pending.checks.push(CheckSpec {
                name: constraint_name.or_else(|| check.name.as_ref().map(PgState::ident)),
                expr: &check.expr,
                no_inherit: check.no_inherit,
                not_valid: false,
            }),
            ColumnOption::Generated { generated_as, sequence_options, generation_expr, .. } => {
                match (generated_as, generation_expr) {
                    (GeneratedAs::Always, None) => {
                        extras.identity = Some((Identity::Always, sequence_options.as_deref().unwrap_or(&[])))
                    }
                    (GeneratedAs::ByDefault, None) => {
                        extras.identity = Some((Identity::ByDefault, sequence_options.as_deref().unwrap_or(&[])))
                    }
                    (_, Some(expr)) => extras.generated = Some(expr),
                    (GeneratedAs::ExpStored, None) => {
                        return Err(stmt.reject("syntax error: generated column needs an expression"))
                    }
                }
            }
            ColumnOption::Collation(collation) => {
                column.collation = Some(state.name_parts(collation).join("."));
            }
            other => {
                return Err(stmt.unsupported(format!("column option `{other}` is not modelled by the Postgres replay")))
            }
        }
    }
    if extras.serial && (extras.default.is_some() || extras.identity.is_some()) {
        return Err(stmt.reject(format!(
            "multiple default values specified for column \"{name}\" of table \"{}\"",
            table.name
        )));
    }
    if extras.identity.is_some() && extras.default.is_some() {
        return Err(stmt.reject(format!(
            "both default and identity specified for column \"{name}\" of table \"{}\"",
            table.name
        )));
    }
    if extras.identity.is_some() && !is_integer_type(&ty) {
        return Err(stmt.reject("identity column type must be smallint, integer, or bigint"));
    }
    if let Some(expr) = extras.default {
        if let Some(default) = column_default(state, &name, expr, &ty).map_err(|e| e.at(stmt))? {
            column.default = Some(deparse(&default));
            state.default_shapes.insert((table.clone(), name.clone()), default);
        }
    }
    let at = stmt.at;
    if extras.serial || extras.identity.is_some() {
        column.not_null = true;
        let identity = extras.identity.map(|(kind, _)| kind);
        let options = extras.identity.map(|(_, o)| o).unwrap_or(&[]);
        let sequence = owned_sequence(state, table, &name, &ty, identity.is_some(), options, at, stmt)?;
        if identity.is_none() {
            column.default = Some(nextval_text(&sequence));
        }
        column.identity = identity;
    }
    if let Some(expr) = extras.generated {
        let scope = table_scope(&state.catalog.tables[table]);
        let analyzer = Analyzer { state, scope: &scope };
        let analysed = analyzer.expr(expr).and_then(|e| analyzer.assign(e, &ty)).map_err(|e| e.at(stmt))?;
        column.generated = Some(deparse(&analysed));
    }
    let table = state.table_mut(table);
    table.columns.push(column);
    table.provenance.touch(at);
    Ok(())
}

/// The default of a serial column: `nextval('t_id_seq'::regclass)`.
pub fn nextval_text(sequence: &ObjectName) -> String {
    format!("nextval({}::regclass)", super::expr::quote_literal(&regclass_text(sequence)))
}

/// A sequence name as `regclassout` prints it.
/// Whether `ty` is one of the integer types a sequence or identity column can have.
pub fn is_integer_type(ty: &PgType) -> bool {
    !ty.array && ty.schema.is_none() && matches!(ty.name.as_str(), "smallint" | "integer" | "bigint")
}

pub(super) fn regclass_text(name: &ObjectName) -> String {
    if name.schema == "public" {
        quote_ident(&name.name)
    } else {
        format!("{}.{}", quote_ident(&name.schema), quote_ident(&name.name))
    }
}

/// Creates the sequence owned by a serial or identity column (`t_col_seq`).
#[allow(clippy::too_many_arguments)]
pub(super) fn owned_sequence(
    state: &mut PgState,
    table: &ObjectName,
    column: &str,
    ty: &PgType,
    identity: bool,
    options: &[SequenceOptions],
    at: &Location,
    stmt: &Stmt,
) -> Result<ObjectName, ReplayError> {
    let schema = table.schema.clone();
    let name = choose_name(&table.name, Some(column), "seq", |n| state.relation_in(&schema, n).is_some());
    let name = ObjectName::new(schema, name);
    let mut sequence = new_sequence(name.clone(), ty, at);
    apply_sequence_options(&mut sequence, options, stmt)?;
    sequence.owned_by = Some(SequenceOwner { table: table.clone(), column: column.to_string(), identity });
    state.catalog.sequences.insert(name.clone(), sequence);
    Ok(name)
}

/// CREATE TABLE.
pub fn create_table(
    state: &mut PgState,
    create: &CreateTable,
    stmt: &Stmt,
    report: &mut ReplayReport,
) -> Result<(), ReplayError> {
    if create.like.is_some() || create.clone.is_some() {
        return Err(stmt.unsupported("CREATE TABLE ... LIKE is not modelled by the Postgres replay"));
    }
    if create.inherits.is_some() {
        return Err(stmt.unsupported("table inheritance (INHERITS) is not modelled by the Postgres replay"));
    }
    if create.partition_of.is_some() {
        return super::partition::create_partition(state, create, stmt, report);
    }
    if create.temporary {
        report.skipped.push(SkippedStatement {
            location: stmt.at.clone(),
            what: "CREATE TEMPORARY TABLE (gone when the session ends)".to_string(),
        });
        return Ok(());
    }
    let name = state.creation_name(&create.name, stmt)?;
    if state.relation_in(&name.schema, &name.name).is_some() {
        if create.if_not_exists {
            report.skipped.push(SkippedStatement {
                location: stmt.at.clone(),
                what: format!("CREATE TABLE IF NOT EXISTS (relation \"{}\" already exists)", name.name),
            });
            return Ok(());
        }
        return Err(stmt.reject(format!("relation \"{}\" already exists", name.name)));
    }
    if state.type_exists(&name.schema, &name.name) {
        return Err(stmt.reject(format!("type \"{}\" already exists", name.name)));
    }
    if let Some(query) = &create.query {
        return create_table_as(state, create, query, &name, stmt, report);
    }
    let mut seen = Vec::new();
    for column in &create.columns {
        let column_name = PgState::ident(&column.name);
        if seen.contains(&column_name) {
            return Err(stmt.reject(format!("column \"{column_name}\" specified more than once")));
        }
        seen.push(column_name);
    }
    state.catalog.tables.insert(name.clone(), Table::new(name.clone(), stmt.at));
    let mut pending = PendingConstraints::default();
    let result = (|| {
        for column in &create.columns {
            add_column(state, &name, column, &mut pending, stmt)?;
        }
        for constraint in &create.constraints {
            pending.table_constraint(constraint, false, stmt)?;
        }
        pending.apply(state, &name, stmt)
    })();
    if result.is_err() {
        super::alter_table::forget_table(state, &name);
    } else if create.partition_by.is_some() {
        super::partition::mark_partitioned(state, &name);
    }
    result
}

/// CREATE TABLE ... AS SELECT: a table with the query's output columns (names and types),
/// nullable and without defaults, as Postgres creates it.
fn create_table_as(
    state: &mut PgState,
    create: &CreateTable,
    query: &Query,
    name: &ObjectName,
    stmt: &Stmt,
    report: &mut ReplayReport,
) -> Result<(), ReplayError> {
    if !create.columns.is_empty() {
        return Err(stmt.unsupported("a column list on CREATE TABLE ... AS is not modelled by the Postgres replay"));
    }
    let resolved = super::view::resolve_query(state, query, stmt)?;
    let columns: Vec<String> = resolved.columns.iter().map(|c| format!("{} {}", quote_ident(&c.name), c.ty)).collect();
    let sql = format!("CREATE TABLE {} ({})", super::partition::qualified(name), columns.join(", "));
    super::dispatch::replay_derived(state, &[sql], stmt, report)
}
