//! Risk classes for each kind of [`Change`]: data and writes look from A to B (A's rows and
//! A's statements on B); the operation is the fix that makes B match A, run on B's engine.

use super::{
    alter_type_operation, type_change_data, Change, Corruption, DataRisk, DataVerdict, OperationRisk, OperationVerdict,
    Risk, Side, WriteRisk, WriteVerdict,
};
use crate::catalog::{Column, Engine};

/// Classifies one difference. `target_engine` is B's engine, where the fix runs.
pub fn classify(change: &Change, target_engine: Engine) -> Risk {
    match change {
        Change::Table { side: Side::Source, table } => Risk {
            data: DataVerdict::of(DataRisk::Loss, format!("rows of {} have no table on B", table.name)),
            writes: WriteVerdict::new(WriteRisk::Fail, format!("statements on {} fail on B: the table does not exist", table.name)),
            operation: OperationVerdict::new(OperationRisk::InPlace, "CREATE TABLE on B"),
        },
        Change::Table { side: Side::Target, table } => Risk {
            data: DataVerdict::of(
                DataRisk::Ambiguous,
                format!("B's table {} is not in A: dropping it deletes its rows, unless A renamed it", table.name),
            ),
            writes: WriteVerdict::new(WriteRisk::Fine, "A's statements do not use the table"),
            operation: OperationVerdict::new(OperationRisk::InPlace, "DROP TABLE on B"),
        },
        Change::Column { side: Side::Source, column, .. } => Risk {
            data: DataVerdict::of(DataRisk::Loss, format!("values of column {} have no column on B", column.name)),
            writes: WriteVerdict::new(WriteRisk::Fail, format!("statements naming {} fail on B: the column does not exist", column.name)),
            operation: add_column_operation(target_engine, column),
        },
        Change::Column { side: Side::Target, column, .. } => Risk {
            data: DataVerdict::of(
                DataRisk::Ambiguous,
                format!("B's column {} is not in A: A dropped or renamed it, or B added it", column.name),
            ),
            writes: if column.required_on_insert() {
                WriteVerdict::new(
                    WriteRisk::Fail,
                    format!("inserts written for A leave {} out and fail: it is NOT NULL without a default on B", column.name),
                )
            } else {
                WriteVerdict::new(WriteRisk::Fine, format!("{} is nullable or has a default on B", column.name))
            },
            operation: per_engine(
                target_engine,
                OperationVerdict::new(OperationRisk::InPlace, "DROP COLUMN only marks the column as dropped"),
                if column.sqlite.pk > 0 {
                    OperationVerdict::new(OperationRisk::Rebuild, "SQLite cannot drop a primary key column; the table is rebuilt")
                } else {
                    OperationVerdict::new(OperationRisk::InPlace, "ALTER TABLE ... DROP COLUMN (SQLite 3.35+)")
                },
            ),
        },
        Change::ColumnType { source, target, .. } => {
            let data = type_change_data(&source.ty, &target.ty);
            let writes = match (data.risk, data.corruption) {
                (DataRisk::Safe, _) => WriteVerdict::new(WriteRisk::Fine, "every value A accepts fits B"),
                (_, Some(Corruption::Refused | Corruption::AlteredAndRefused)) => {
                    WriteVerdict::new(WriteRisk::Fail, "writes of values outside B's type fail")
                }
                _ => WriteVerdict::new(WriteRisk::Differs, "B stores some written values differently"),
            };
            Risk { data, writes, operation: alter_type_operation(target_engine, &target.ty, &source.ty) }
        }
        Change::Nullability { source, target, .. } => nullability(target_engine, source, target),
        Change::Default { source, target, .. } => Risk {
            data: DataVerdict::safe("defaults apply to new rows only"),
            writes: if target.required_on_insert() {
                WriteVerdict::new(WriteRisk::Fail, format!("inserts leaving {} out fail on B: NOT NULL without a default", target.name))
            } else {
                WriteVerdict::new(
                    WriteRisk::Differs,
                    format!(
                        "inserts leaving {} out store {} on B instead of {}",
                        source.name,
                        target.default.as_deref().unwrap_or("NULL"),
                        source.default.as_deref().unwrap_or("NULL")
                    ),
                )
            },
            operation: per_engine(
                target_engine,
                OperationVerdict::new(OperationRisk::InPlace, "SET/DROP DEFAULT changes the catalog only"),
                OperationVerdict::new(OperationRisk::Rebuild, "SQLite cannot change a default in place; the table is rebuilt"),
            ),
        },
        Change::ColumnOrder { .. } => Risk {
            data: DataVerdict::of(DataRisk::Ignored, "columns are matched by name"),
            writes: WriteVerdict::new(WriteRisk::Fine, "only INSERT without a column list depends on the order"),
            operation: OperationVerdict::new(OperationRisk::None, "column order is not changed"),
        },
        Change::PrimaryKey { source, target, .. } => Risk {
            data: match target {
                Some(key) => DataVerdict::corrupt(Corruption::Refused, format!("rows A allows that repeat ({}) are refused by B", key.columns.join(", "))),
                None => DataVerdict::safe("B accepts every row A accepts"),
            },
            writes: WriteVerdict::new(
                WriteRisk::Fail,
                match source {
                    Some(key) => format!("ON CONFLICT ({}) and duplicate checks behave differently on B", key.columns.join(", ")),
                    None => "B refuses duplicates that A accepts".to_string(),
                },
            ),
            operation: constraint_operation(target_engine, source.is_some(), OperationRisk::Build, "the primary key index is built"),
        },
        Change::Unique { side, unique, .. } => unique_risk(target_engine, *side, &unique.columns, false),
        Change::Index { side, index, .. } if index.unique => unique_risk(target_engine, *side, &index_columns(index), true),
        Change::Index { side, index, .. } => Risk {
            data: DataVerdict::safe("indexes do not hold data"),
            writes: WriteVerdict::new(WriteRisk::Fine, "a non-unique index does not refuse writes"),
            operation: match side {
                Side::Source => OperationVerdict::new(
                    OperationRisk::Build,
                    format!("CREATE INDEX {} reads the whole table and blocks writes (CONCURRENTLY avoids the lock on Postgres)", index.name),
                ),
                Side::Target => OperationVerdict::new(OperationRisk::InPlace, format!("DROP INDEX {}", index.name)),
            },
        },
        Change::ForeignKey { side, foreign_key, .. } => {
            let what = format!("foreign key ({}) -> {}", foreign_key.columns.join(", "), foreign_key.ref_table);
            reference_risk(target_engine, *side, &what)
        }
        Change::Check { side, check, .. } => reference_risk(target_engine, *side, &check.definition),
    }
}

fn per_engine(engine: Engine, otherwise: OperationVerdict, sqlite: OperationVerdict) -> OperationVerdict {
    if engine == Engine::Sqlite {
        sqlite
    } else {
        otherwise
    }
}

/// Adding A's column to B.
fn add_column_operation(engine: Engine, column: &Column) -> OperationVerdict {
    if column.required_on_insert() {
        return OperationVerdict::new(
            OperationRisk::FailsWithRows,
            format!("ADD COLUMN {} NOT NULL without a default fails when B's table holds rows", column.name),
        );
    }
    let volatile = column.identity.is_some() || column.default.as_deref().is_some_and(is_volatile_default);
    match engine {
        Engine::Postgres if volatile || column.generated.is_some() => OperationVerdict::new(
            OperationRisk::Rewrite,
            format!("ADD COLUMN {} with a per-row value rewrites the table", column.name),
        ),
        Engine::Sqlite if column.sqlite.pk > 0 || column.generated.is_some() || volatile || column.default.as_deref().is_some_and(|d| d.trim_start().starts_with('(') || d.to_ascii_uppercase().starts_with("CURRENT_")) => {
            OperationVerdict::new(OperationRisk::Rebuild, format!("SQLite cannot ADD COLUMN {} as declared; the table is rebuilt", column.name))
        }
        _ => OperationVerdict::new(OperationRisk::InPlace, format!("ADD COLUMN {} changes the catalog only", column.name)),
    }
}

/// Whether a default expression gives each row its own value (forcing a rewrite on ADD COLUMN).
fn is_volatile_default(default: &str) -> bool {
    const VOLATILE: [&str; 6] = ["nextval(", "random(", "gen_random_uuid(", "uuid_generate_v", "clock_timestamp(", "timeofday("];
    let lower = default.to_ascii_lowercase();
    VOLATILE.iter().any(|f| lower.contains(f))
}

fn nullability(engine: Engine, source: &Column, target: &Column) -> Risk {
    if target.not_null {
        Risk {
            data: DataVerdict::corrupt(Corruption::Refused, format!("NULLs in A's {} are refused by B", source.name)),
            writes: WriteVerdict::new(WriteRisk::Fail, format!("writing NULL to {} fails on B", source.name)),
            operation: per_engine(
                engine,
                OperationVerdict::new(OperationRisk::InPlace, "DROP NOT NULL changes the catalog only"),
                OperationVerdict::new(OperationRisk::Rebuild, "SQLite cannot drop NOT NULL in place; the table is rebuilt"),
            ),
        }
    } else {
        Risk {
            data: DataVerdict::safe(format!("B's {} accepts every value of A", target.name)),
            writes: WriteVerdict::new(WriteRisk::Fine, "B accepts NULLs that A refuses"),
            operation: per_engine(
                engine,
                OperationVerdict::new(OperationRisk::Scan, "SET NOT NULL reads every row under an exclusive lock and fails on NULLs"),
                OperationVerdict::new(OperationRisk::Rebuild, "SQLite cannot add NOT NULL in place; the table is rebuilt"),
            ),
        }
    }
}

/// A unique constraint, or a unique index (`by_index`, which every engine creates and drops
/// with CREATE/DROP INDEX).
fn unique_risk(engine: Engine, side: Side, columns: &[String], by_index: bool) -> Risk {
    let columns = columns.join(", ");
    let engine = if by_index { Engine::Postgres } else { engine };
    match side {
        Side::Source => Risk {
            data: DataVerdict::safe("B accepts every row A accepts"),
            writes: WriteVerdict::new(WriteRisk::Fail, format!("ON CONFLICT ({columns}) fails on B: no unique index matches")),
            operation: constraint_operation(engine, true, OperationRisk::Build, "the unique index is built from every row"),
        },
        Side::Target => Risk {
            data: DataVerdict::corrupt(Corruption::Refused, format!("rows A allows that repeat ({columns}) are refused by B")),
            writes: WriteVerdict::new(WriteRisk::Fail, format!("duplicates of ({columns}) that A accepts fail on B")),
            operation: constraint_operation(engine, false, OperationRisk::InPlace, "the unique constraint or index is dropped"),
        },
    }
}

/// Foreign keys and checks: B lacking one accepts more; B having an extra one refuses rows.
fn reference_risk(engine: Engine, side: Side, what: &str) -> Risk {
    match side {
        Side::Source => Risk {
            data: DataVerdict::safe(format!("B lacks {what} and accepts every row A accepts")),
            writes: WriteVerdict::new(WriteRisk::Fine, format!("B does not enforce {what}")),
            operation: constraint_operation(engine, true, OperationRisk::Scan, "adding it validates every row (NOT VALID defers that)"),
        },
        Side::Target => Risk {
            data: DataVerdict::corrupt(Corruption::Refused, format!("rows A allows may violate B's {what}")),
            writes: WriteVerdict::new(WriteRisk::Fail, format!("writes A accepts may violate B's {what}")),
            operation: constraint_operation(engine, false, OperationRisk::InPlace, "the constraint is dropped"),
        },
    }
}

/// A constraint added (`adding`) or dropped on B; SQLite rebuilds the table for either.
fn constraint_operation(engine: Engine, adding: bool, risk: OperationRisk, reason: &str) -> OperationVerdict {
    match engine {
        Engine::Sqlite => OperationVerdict::new(OperationRisk::Rebuild, "SQLite cannot change constraints in place; the table is rebuilt"),
        _ if adding => OperationVerdict::new(risk, reason),
        _ => OperationVerdict::new(OperationRisk::InPlace, reason),
    }
}

fn index_columns(index: &crate::catalog::Index) -> Vec<String> {
    index.keys.iter().map(|k| k.column.clone().unwrap_or_else(|| k.definition.clone())).collect()
}
