//! Foreign keys and check constraints as InnoDB/MariaDB name and validate them: unnamed
//! foreign keys become `<table>_ibfk_<n>`, every foreign key gets an index (generated, named
//! after the constraint or its first column) unless another index can serve it, foreign key
//! names are unique in the database. The referenced table must exist unless
//! `FOREIGN_KEY_CHECKS=0`; when it exists, its columns must exist, lead an index and have
//! comparable types, whatever `FOREIGN_KEY_CHECKS` says. Unnamed table checks become
//! `CONSTRAINT_<n>`.

use super::fail::{rejected, unsupported, Step};
use super::keys::{same_name, KeyDraft, KeyKind, PartDraft};
use super::Ctx;
use crate::catalog::{
    Catalog, CheckConstraint, Column, FkAction, ForeignKey, ObjectName, Provenance, Table,
};
use sqlparser::ast::{Expr, ForeignKeyConstraint, IndexColumn, ReferentialAction, Value};

/// A foreign key being defined.
#[derive(Debug, Clone)]
pub struct FkDraft {
    /// `CONSTRAINT name`.
    pub constraint: Option<String>,
    /// `FOREIGN KEY index_name (...)`.
    pub index_name: Option<String>,
    pub columns: Vec<String>,
    pub ref_table: String,
    pub ref_columns: Vec<String>,
    pub on_delete: FkAction,
    pub on_update: FkAction,
    pub provenance: Provenance,
}

impl FkDraft {
    pub fn from_ast(fk: &ForeignKeyConstraint, provenance: &Provenance) -> FkDraft {
        FkDraft {
            constraint: fk.name.as_ref().map(|n| n.value.clone()),
            index_name: fk.index_name.as_ref().map(|n| n.value.clone()),
            columns: fk.columns.iter().map(|c| c.value.clone()).collect(),
            ref_table: fk.foreign_table.0.last().map(|p| p.to_string()).unwrap_or_default().trim_matches('`').to_string(),
            ref_columns: fk.referred_columns.iter().map(|c| c.value.clone()).collect(),
            on_delete: action(fk.on_delete.as_ref()),
            on_update: action(fk.on_update.as_ref()),
            provenance: provenance.clone(),
        }
    }

    /// The index MariaDB generates for this foreign key, named after the constraint, else the
    /// index name written after `FOREIGN KEY`, else (later) its first column.
    pub fn generated_key(&self) -> KeyDraft {
        KeyDraft {
            name: self.constraint.clone().or_else(|| self.index_name.clone()),
            kind: KeyKind::Multiple,
            parts: self
                .columns
                .iter()
                .map(|c| PartDraft { column: c.clone(), sub_part: None, descending: false })
                .collect(),
            generated: true,
            provenance: self.provenance.clone(),
        }
    }
}

/// A check constraint being defined; `name` is `None` for an unnamed table check.
#[derive(Debug, Clone)]
pub struct CheckDraft {
    pub name: Option<String>,
    pub clause: String,
    pub provenance: Provenance,
}

fn action(action: Option<&ReferentialAction>) -> FkAction {
    match action {
        None | Some(ReferentialAction::Restrict) => FkAction::Restrict,
        Some(ReferentialAction::Cascade) => FkAction::Cascade,
        Some(ReferentialAction::SetNull) => FkAction::SetNull,
        Some(ReferentialAction::NoAction) => FkAction::NoAction,
        Some(ReferentialAction::SetDefault) => FkAction::SetDefault,
    }
}

/// A key part of an index definition: a column, optionally with a prefix length, `ASC`/`DESC`.
pub fn key_part(part: &IndexColumn) -> Step<PartDraft> {
    let descending = matches!(part.column.options.sort, Some(sqlparser::ast::OrderBySort::Desc));
    match &part.column.expr {
        Expr::Identifier(ident) => Ok(PartDraft { column: ident.value.clone(), sub_part: None, descending }),
        Expr::Function(f) if f.args.to_string().len() > 2 => {
            let column = f.name.to_string().trim_matches('`').to_string();
            let length = match &f.args {
                sqlparser::ast::FunctionArguments::List(list) if list.args.len() == 1 => {
                    match &list.args[0] {
                        sqlparser::ast::FunctionArg::Unnamed(sqlparser::ast::FunctionArgExpr::Expr(
                            Expr::Value(v),
                        )) => match &v.value {
                            Value::Number(n, _) => n.parse::<u32>().ok(),
                            _ => None,
                        },
                        _ => None,
                    }
                }
                _ => None,
            };
            match length {
                Some(n) => Ok(PartDraft { column, sub_part: Some(n), descending }),
                None => unsupported(format!("key part `{}` is not modelled", part.column.expr)),
            }
        }
        other => unsupported(format!("expression key part `{other}` is not modelled")),
    }
}

/// Adds `drafts` to `table` (named `table_name` after the statement), numbering unnamed ones
/// from `next_number`, and checks names and references.
pub fn add_foreign_keys(
    ctx: &Ctx,
    catalog: &Catalog,
    table: &mut Table,
    drafts: Vec<FkDraft>,
    creating: bool,
) -> Step<()> {
    let table_name = table.name.name.clone();
    let mut number = if creating { 0 } else { highest_generated_number(table) };
    for draft in drafts {
        let name = match draft.constraint.clone().or_else(|| draft.index_name.clone()) {
            Some(name) => name,
            None => {
                number += 1;
                format!("{table_name}_ibfk_{number}")
            }
        };
        let taken = catalog
            .tables
            .values()
            .filter(|t| t.name != table.name)
            .chain(std::iter::once(&*table))
            .flat_map(|t| t.foreign_keys.iter())
            .any(|fk| fk.name.eq_ignore_ascii_case(&name));
        if taken {
            return if creating || ctx.foreign_key_checks {
                rejected(ctx.cannot_create(&table_name, 121, "Duplicate key on write or update"))
            } else {
                rejected(format!("Duplicate FOREIGN KEY constraint name '{}'", ctx.fk_id(&name)))
            };
        }
        if draft.ref_columns.len() != draft.columns.len() {
            return rejected("Incorrect foreign key definition for 'foreign key without name': Key reference and table reference don't match");
        }
        let columns: Vec<String> = draft
            .columns
            .iter()
            .map(|c| table.columns.iter().find(|col| same_name(&col.name, c)).map(|col| col.name.clone()).unwrap_or_else(|| c.clone()))
            .collect();
        let parent = if draft.ref_table == table_name {
            Some(&*table)
        } else {
            catalog.tables.get(&ObjectName::new("", draft.ref_table.clone()))
        };
        let well_formed = match parent {
            None => !ctx.foreign_key_checks,
            Some(parent) => references_compatible_columns(table, &columns, parent, &draft.ref_columns),
        } && !sets_not_null_column_to_null(table, &columns, &draft);
        if !well_formed {
            return rejected(ctx.cannot_create(&table_name, 150, "Foreign key constraint is incorrectly formed"));
        }
        let definition = format!(
            "FOREIGN KEY ({}) REFERENCES `{}` ({})",
            quoted(&columns),
            draft.ref_table,
            quoted(&draft.ref_columns)
        );
        table.foreign_keys.push(ForeignKey {
            name,
            columns,
            ref_table: ObjectName::new("", draft.ref_table.clone()),
            ref_columns: draft.ref_columns.clone(),
            on_delete: draft.on_delete,
            on_update: draft.on_update,
            match_type: "NONE".to_string(),
            deferral: Default::default(),
            validated: true,
            definition,
            provenance: draft.provenance.clone(),
        });
    }
    Ok(())
}

fn quoted(columns: &[String]) -> String {
    columns.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", ")
}

/// Whether `parent` has the referenced columns, an index starting with them, and column types
/// InnoDB can compare with the child's (the check MariaDB makes whenever the parent exists,
/// even with `FOREIGN_KEY_CHECKS=0`).
fn references_compatible_columns(child: &Table, columns: &[String], parent: &Table, ref_columns: &[String]) -> bool {
    let indexed = parent.indexes.iter().any(|index| {
        index.keys.len() >= ref_columns.len()
            && index.keys.iter().zip(ref_columns).all(|(k, c)| k.column.as_deref().is_some_and(|n| same_name(n, c)))
    });
    indexed
        && columns.iter().zip(ref_columns).all(|(c, r)| match (child.column(c), parent.columns.iter().find(|col| same_name(&col.name, r))) {
            (Some(c), Some(r)) => comparable(c, r),
            _ => false,
        })
}

/// Whether InnoDB accepts a foreign key between columns of these types: integers of the same
/// size and signedness, character strings of the same character set, binary strings, otherwise
/// the same type.
fn comparable(child: &Column, parent: &Column) -> bool {
    const INTEGERS: &[&str] = &["tinyint", "smallint", "mediumint", "int", "bigint"];
    const STRINGS: &[&str] = &["char", "varchar"];
    const BINARIES: &[&str] = &["binary", "varbinary"];
    let (a, b) = (child.mysql.data_type.as_deref().unwrap_or(""), parent.mysql.data_type.as_deref().unwrap_or(""));
    let both = |family: &[&str]| family.contains(&a) && family.contains(&b);
    let either = |family: &[&str]| family.contains(&a) || family.contains(&b);
    let unsigned = |c: &Column| c.ty.engine.ends_with("unsigned");
    if either(STRINGS) {
        both(STRINGS) && child.mysql.charset == parent.mysql.charset
    } else if either(BINARIES) {
        both(BINARIES)
    } else if either(INTEGERS) {
        a == b && unsigned(child) == unsigned(parent)
    } else {
        child.ty.engine == parent.ty.engine
    }
}

/// `ON DELETE/UPDATE SET NULL` on a NOT NULL column.
fn sets_not_null_column_to_null(table: &Table, columns: &[String], draft: &FkDraft) -> bool {
    let sets_null = draft.on_delete == FkAction::SetNull || draft.on_update == FkAction::SetNull;
    sets_null && columns.iter().any(|c| table.column(c).is_some_and(|col| col.not_null))
}

/// The highest `<n>` of the table's `<table>_ibfk_<n>` foreign keys.
fn highest_generated_number(table: &Table) -> u32 {
    let prefix = format!("{}_ibfk_", table.name.name).to_lowercase();
    table
        .foreign_keys
        .iter()
        .filter_map(|fk| fk.name.to_lowercase().strip_prefix(&prefix).and_then(|n| n.parse::<u32>().ok()))
        .max()
        .unwrap_or(0)
}

/// Adds check constraints, naming unnamed table checks `CONSTRAINT_<n>`.
pub fn add_checks(table: &mut Table, drafts: Vec<CheckDraft>) -> Step<()> {
    let mut number = 0;
    for draft in drafts {
        let name = match draft.name {
            Some(name) => name,
            None => loop {
                number += 1;
                let candidate = format!("CONSTRAINT_{number}");
                if !table.checks.iter().any(|c| c.name.eq_ignore_ascii_case(&candidate)) {
                    break candidate;
                }
            },
        };
        if table.checks.iter().any(|c| c.name.eq_ignore_ascii_case(&name)) {
            return rejected(format!("Duplicate CHECK constraint name '{name}'"));
        }
        table.checks.push(CheckConstraint {
            name,
            definition: draft.clause,
            validated: true,
            no_inherit: false,
            provenance: draft.provenance,
        });
    }
    Ok(())
}
