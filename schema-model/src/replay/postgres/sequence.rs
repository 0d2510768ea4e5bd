//! Sequences: CREATE / ALTER / DROP SEQUENCE and the sequences behind serial and identity
//! columns, with Postgres's option semantics (bounds by data type, descending sequences,
//! `START` defaulting to the bound it counts from, `OWNED BY`).

use super::state::{PgState, Relation, Stmt};
use super::types::{resolve, PgType};
use crate::catalog::{Location, ObjectName, Provenance, Sequence, SequenceOwner};
use crate::error::ReplayError;
use sqlparser::ast::{DataType, Expr, ObjectName as SqlName, SequenceOptions, UnaryOperator, Value};

/// One sequence option, from sqlparser's AST or from tokens.
#[derive(Debug, Clone, PartialEq)]
pub enum SequenceClause {
    Increment(i64),
    /// `MINVALUE n`, or `NO MINVALUE` (`None`).
    MinValue(Option<i64>),
    MaxValue(Option<i64>),
    Start(i64),
    Cache(i64),
    Cycle(bool),
    /// `RESTART [WITH n]`: changes the next value only.
    Restart,
    /// `OWNED BY table.column`, or `OWNED BY NONE` (`None`).
    OwnedBy(Option<Vec<String>>),
}

/// A sequence with Postgres's defaults for `data_type`.
pub fn new_sequence(name: ObjectName, data_type: &PgType, at: &Location) -> Sequence {
    let (_, max) = type_bounds(&data_type.name);
    Sequence {
        name,
        data_type: data_type.format(),
        start: 1,
        increment: 1,
        min: 1,
        max,
        cache: 1,
        cycle: false,
        owned_by: None,
        provenance: Provenance::new(at),
    }
}

fn type_bounds(type_name: &str) -> (i64, i64) {
    match type_name {
        "smallint" => (i16::MIN as i64, i16::MAX as i64),
        "integer" => (i32::MIN as i64, i32::MAX as i64),
        _ => (i64::MIN, i64::MAX),
    }
}

fn option_number(expr: &Expr, stmt: &Stmt) -> Result<i64, ReplayError> {
    let (negative, inner) = match expr {
        Expr::UnaryOp { op: UnaryOperator::Minus, expr } => (true, expr.as_ref()),
        other => (false, other),
    };
    match inner {
        Expr::Value(v) => match &v.value {
            Value::Number(n, _) => n
                .parse::<i64>()
                .map(|n| if negative { -n } else { n })
                .map_err(|_| stmt.reject(format!("value \"{n}\" is out of range for type bigint"))),
            _ => Err(stmt.unsupported(format!("sequence option value {expr} is not modelled"))),
        },
        _ => Err(stmt.unsupported(format!("sequence option value {expr} is not modelled"))),
    }
}

/// sqlparser's sequence options as clauses.
pub fn clauses(options: &[SequenceOptions], stmt: &Stmt) -> Result<Vec<SequenceClause>, ReplayError> {
    options
        .iter()
        .map(|option| {
            Ok(match option {
                SequenceOptions::IncrementBy(e, _) => SequenceClause::Increment(option_number(e, stmt)?),
                SequenceOptions::MinValue(e) => {
                    SequenceClause::MinValue(e.as_ref().map(|e| option_number(e, stmt)).transpose()?)
                }
                SequenceOptions::MaxValue(e) => {
                    SequenceClause::MaxValue(e.as_ref().map(|e| option_number(e, stmt)).transpose()?)
                }
                SequenceOptions::StartWith(e, _) => SequenceClause::Start(option_number(e, stmt)?),
                SequenceOptions::Cache(e) => SequenceClause::Cache(option_number(e, stmt)?),
                SequenceOptions::Cycle(no) => SequenceClause::Cycle(!no),
            })
        })
        .collect()
}

/// Applies sqlparser's `START`, `INCREMENT`, `MINVALUE`, `MAXVALUE`, `CACHE`, `CYCLE`.
pub fn apply_sequence_options(sequence: &mut Sequence, options: &[SequenceOptions], stmt: &Stmt) -> Result<(), ReplayError> {
    let clauses = clauses(options, stmt)?;
    apply_clauses(sequence, &clauses, true, stmt)
}

/// Applies option clauses as CREATE (`creating`) or ALTER SEQUENCE does: bounds not
/// given follow the data type and the direction; a new sequence starts at its bound.
pub fn apply_clauses(sequence: &mut Sequence, clauses: &[SequenceClause], creating: bool, stmt: &Stmt) -> Result<(), ReplayError> {
    let (type_min, type_max) = type_bounds(&sequence.data_type);
    let mut min = None;
    let mut max = None;
    let mut start = None;
    for clause in clauses {
        match clause {
            SequenceClause::Increment(0) => return Err(stmt.reject("INCREMENT must not be zero")),
            SequenceClause::Increment(n) => sequence.increment = *n,
            SequenceClause::MinValue(v) => min = Some(*v),
            SequenceClause::MaxValue(v) => max = Some(*v),
            SequenceClause::Start(n) => start = Some(*n),
            SequenceClause::Cache(n) => sequence.cache = *n,
            SequenceClause::Cycle(c) => sequence.cycle = *c,
            SequenceClause::Restart | SequenceClause::OwnedBy(_) => {}
        }
    }
    let ascending = sequence.increment > 0;
    match min {
        Some(Some(v)) => sequence.min = v,
        Some(None) => sequence.min = if ascending { 1 } else { type_min },
        None if creating => sequence.min = if ascending { 1 } else { type_min },
        None => {}
    }
    match max {
        Some(Some(v)) => sequence.max = v,
        Some(None) => sequence.max = if ascending { type_max } else { -1 },
        None if creating => sequence.max = if ascending { type_max } else { -1 },
        None => {}
    }
    match start {
        Some(v) => sequence.start = v,
        None if creating => sequence.start = if ascending { sequence.min } else { sequence.max },
        None => {}
    }
    if sequence.min > sequence.max {
        return Err(stmt.reject(format!(
            "MINVALUE ({}) must be less than MAXVALUE ({})",
            sequence.min, sequence.max
        )));
    }
    if sequence.start < sequence.min || sequence.start > sequence.max {
        return Err(stmt.reject(format!(
            "START value ({}) cannot be {} than {} ({})",
            sequence.start,
            if sequence.start < sequence.min { "less" } else { "greater" },
            if sequence.start < sequence.min { "MINVALUE" } else { "MAXVALUE" },
            if sequence.start < sequence.min { sequence.min } else { sequence.max }
        )));
    }
    Ok(())
}

/// CREATE SEQUENCE.
pub fn create_sequence(
    state: &mut PgState,
    name: &SqlName,
    if_not_exists: bool,
    data_type: Option<&DataType>,
    clauses: &[SequenceClause],
    stmt: &Stmt,
) -> Result<(), ReplayError> {
    let name = state.creation_name(name, stmt)?;
    if state.relation_in(&name.schema, &name.name).is_some() {
        if if_not_exists {
            return Ok(());
        }
        return Err(stmt.reject(format!("relation \"{}\" already exists", name.name)));
    }
    let ty = match data_type {
        Some(dt) => sequence_type(state, dt, stmt)?,
        None => PgType::builtin("bigint"),
    };
    let mut sequence = new_sequence(name.clone(), &ty, stmt.at);
    apply_clauses(&mut sequence, clauses, true, stmt)?;
    state.catalog.sequences.insert(name.clone(), sequence);
    set_owner(state, &name, clauses, stmt)
}

/// ALTER SEQUENCE.
pub fn alter_sequence(
    state: &mut PgState,
    parts: &[String],
    if_exists: bool,
    data_type: Option<&DataType>,
    clauses: &[SequenceClause],
    stmt: &Stmt,
) -> Result<bool, ReplayError> {
    let Some(name) = find_sequence(state, parts, if_exists, stmt)? else { return Ok(false) };
    let new_type = match data_type {
        Some(dt) => Some(sequence_type(state, dt, stmt)?),
        None => None,
    };
    let sequence = state.catalog.sequences.get_mut(&name).expect("resolved sequence");
    if let Some(ty) = new_type {
        // A new type moves bounds that sat at the old type's limits.
        let (old_min, old_max) = type_bounds(&sequence.data_type);
        let (new_min, new_max) = type_bounds(&ty.name);
        if sequence.max == old_max {
            sequence.max = new_max;
        }
        if sequence.min == old_min {
            sequence.min = new_min;
        }
        sequence.data_type = ty.format();
    }
    apply_clauses(sequence, clauses, false, stmt)?;
    sequence.provenance.touch(stmt.at);
    set_owner(state, &name, clauses, stmt)?;
    Ok(true)
}

/// The sequence `parts` names, `None` when it is missing and `if_exists` was given.
fn find_sequence(state: &PgState, parts: &[String], if_exists: bool, stmt: &Stmt) -> Result<Option<ObjectName>, ReplayError> {
    match state.lookup_relation(parts) {
        Some((name, Relation::Sequence)) => Ok(Some(name)),
        Some(_) => Err(stmt.reject(format!("\"{}\" is not a sequence", parts.join(".")))),
        None if if_exists => Ok(None),
        None => Err(stmt.reject(format!("relation \"{}\" does not exist", parts.join(".")))),
    }
}

/// A sequence's data type: only the integer types are allowed.
fn sequence_type(state: &PgState, data_type: &DataType, stmt: &Stmt) -> Result<PgType, ReplayError> {
    let ty = resolve(state, data_type).map_err(|m| stmt.reject(m))?.0;
    if !matches!(ty.name.as_str(), "smallint" | "integer" | "bigint") || ty.schema.is_some() || ty.array {
        return Err(stmt.reject("sequence type must be smallint, integer, or bigint"));
    }
    Ok(ty)
}

/// Applies an `OWNED BY` clause, if any.
fn set_owner(state: &mut PgState, name: &ObjectName, clauses: &[SequenceClause], stmt: &Stmt) -> Result<(), ReplayError> {
    for clause in clauses {
        let SequenceClause::OwnedBy(target) = clause else { continue };
        let owner = match target {
            None => None,
            Some(parts) if parts.len() >= 2 => {
                let (table_parts, column) = parts.split_at(parts.len() - 1);
                let table = match state.lookup_relation(table_parts) {
                    Some((t, Relation::Table)) => t,
                    _ => return Err(stmt.reject(format!("relation \"{}\" does not exist", table_parts.join(".")))),
                };
                if table.schema != name.schema {
                    return Err(stmt.reject("sequence must be in same schema as table it is linked to"));
                }
                if state.catalog.tables[&table].column(&column[0]).is_none() {
                    return Err(stmt.reject(format!(
                        "column \"{}\" of relation \"{}\" does not exist",
                        column[0], table.name
                    )));
                }
                Some(SequenceOwner { table, column: column[0].clone(), identity: false })
            }
            Some(_) => return Err(stmt.reject("invalid OWNED BY option")),
        };
        if let Some(sequence) = state.catalog.sequences.get_mut(name) {
            sequence.owned_by = owner;
        }
    }
    Ok(())
}

pub fn drop_sequence(state: &mut PgState, parts: &[String], if_exists: bool, stmt: &Stmt) -> Result<bool, ReplayError> {
    match state.lookup_relation(parts) {
        Some((name, Relation::Sequence)) => {
            state.catalog.sequences.remove(&name);
            Ok(true)
        }
        Some(_) => Err(stmt.reject(format!("\"{}\" is not a sequence", parts.join(".")))),
        None if if_exists => Ok(false),
        None => Err(stmt.reject(format!("sequence \"{}\" does not exist", parts.join(".")))),
    }
}
