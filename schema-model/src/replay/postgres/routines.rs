//! Functions and procedures: CREATE [OR REPLACE] FUNCTION / PROCEDURE and DROP FUNCTION /
//! PROCEDURE. Only signatures are modelled, printed as `pg_get_function_identity_arguments`
//! and `pg_get_function_result` print them; bodies are not.
//!
//! sqlparser reads a Postgres procedure only in its T-SQL form, so the fallback hands a
//! `CREATE PROCEDURE` here parsed with the function grammar (the two share Postgres's
//! syntax apart from `RETURNS`).

use super::names::quote_ident;
use super::state::{FunctionSignature, PgState, Stmt};
use super::types::{resolve, PgType};
use crate::catalog::{Function, Provenance};
use crate::error::ReplayError;
use sqlparser::ast::{ArgMode, CreateFunction, DataType, FunctionDesc, FunctionReturnType, OperateFunctionArg};

/// Which kind of routine a statement creates or drops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Routine {
    Function,
    Procedure,
}

impl Routine {
    /// The word Postgres uses, in `pg_proc.prokind` terms and in its messages.
    fn word(self) -> &'static str {
        match self {
            Routine::Function => "function",
            Routine::Procedure => "procedure",
        }
    }
}

/// An argument as `pg_get_function_identity_arguments` prints it, or `None` when it is not
/// part of the identity (a function's OUT argument). Procedures print every argument with
/// its mode (`IN days integer`), OUT ones included.
fn identity_argument(
    state: &PgState,
    arg: &OperateFunctionArg,
    routine: Routine,
    stmt: &Stmt,
) -> Result<Option<(String, PgType)>, ReplayError> {
    let (ty, _) = resolve(state, &arg.data_type).map_err(|m| stmt.reject(m))?;
    let mode = match (&arg.mode, routine) {
        (Some(ArgMode::Out), Routine::Function) => return Ok(None),
        (Some(ArgMode::Out), Routine::Procedure) => "OUT ",
        (Some(ArgMode::InOut), _) => "INOUT ",
        (Some(ArgMode::Variadic), _) => "VARIADIC ",
        (_, Routine::Procedure) => "IN ",
        (_, Routine::Function) => "",
    };
    let text = match &arg.name {
        Some(name) => format!("{mode}{} {}", quote_ident(&PgState::ident(name)), ty.format()),
        None => format!("{mode}{}", ty.format()),
    };
    Ok(Some((text, ty)))
}

/// `pg_get_function_result` (empty for a procedure, which has none).
fn result_text(state: &PgState, function: &CreateFunction, routine: Routine, stmt: &Stmt) -> Result<(String, PgType), ReplayError> {
    let resolve_one = |dt: &DataType| resolve(state, dt).map(|(t, _)| t).map_err(|m| stmt.reject(m));
    match (&function.return_type, routine) {
        (_, Routine::Procedure) => Ok((String::new(), PgType::builtin("void"))),
        (None, Routine::Function) => Ok(("void".to_string(), PgType::builtin("void"))),
        (Some(FunctionReturnType::SetOf(dt)), _) => {
            let ty = resolve_one(dt)?;
            Ok((format!("SETOF {}", ty.format()), ty))
        }
        (Some(FunctionReturnType::DataType(DataType::Table(Some(columns)))), _) => {
            let columns = columns
                .iter()
                .map(|c| Ok(format!("{} {}", quote_ident(&PgState::ident(&c.name)), resolve_one(&c.data_type)?.format())))
                .collect::<Result<Vec<_>, ReplayError>>()?;
            Ok((format!("TABLE({})", columns.join(", ")), PgType::builtin("record")))
        }
        (Some(FunctionReturnType::DataType(dt)), _) => {
            let ty = resolve_one(dt)?;
            Ok((ty.format(), ty))
        }
    }
}

/// CREATE [OR REPLACE] FUNCTION / PROCEDURE: records the signature.
pub fn create_routine(state: &mut PgState, function: &CreateFunction, routine: Routine, stmt: &Stmt) -> Result<(), ReplayError> {
    let name = state.creation_name(&function.name, stmt)?;
    let mut texts = Vec::new();
    let mut args = Vec::new();
    for arg in function.args.iter().flatten() {
        if let Some((text, ty)) = identity_argument(state, arg, routine, stmt)? {
            texts.push(text);
            args.push(ty);
        }
    }
    let (result, result_type) = result_text(state, function, routine, stmt)?;
    let language = match &function.language {
        Some(l) => PgState::ident(l),
        None => "sql".to_string(),
    };
    let existing = state.functions.iter().position(|f| f.name == name && f.args == args);
    if let Some(at) = existing {
        if !function.or_replace {
            return Err(stmt.reject(format!("{} \"{}\" already exists with same argument types", routine.word(), name.name)));
        }
        if state.catalog.functions[at].kind != routine.word() {
            return Err(stmt.reject("cannot change routine kind"));
        }
        if state.functions[at].result != result_type {
            return Err(stmt.reject("cannot change return type of existing function"));
        }
        // `functions` and `catalog.functions` are kept in the same order.
        state.functions.remove(at);
        state.catalog.functions.remove(at);
    }
    state.catalog.functions.push(Function {
        name: name.clone(),
        kind: routine.word().to_string(),
        arguments: texts.join(", "),
        result,
        language,
        provenance: Provenance::new(stmt.at),
    });
    state.functions.push(FunctionSignature { name, args, result: result_type });
    Ok(())
}

/// DROP FUNCTION / PROCEDURE [IF EXISTS] name[(args)], ...
pub fn drop_routines(state: &mut PgState, descs: &[FunctionDesc], if_exists: bool, routine: Routine, stmt: &Stmt) -> Result<(), ReplayError> {
    let word = routine.word();
    for desc in descs {
        let parts = state.name_parts(&desc.name);
        let name = parts.last().cloned().unwrap_or_default();
        let schemas: Vec<String> = match parts.as_slice() {
            [schema, _] => vec![schema.clone()],
            _ => state.search_path.clone(),
        };
        let wanted: Option<Vec<PgType>> = match &desc.args {
            Some(args) => Some(
                args.iter()
                    .filter(|a| routine == Routine::Procedure || !matches!(a.mode, Some(ArgMode::Out)))
                    .map(|a| resolve(state, &a.data_type).map(|(t, _)| t).map_err(|m| stmt.reject(m)))
                    .collect::<Result<_, _>>()?,
            ),
            None => None,
        };
        let matching: Vec<usize> = state
            .functions
            .iter()
            .enumerate()
            .filter(|(i, f)| f.name.name == name && schemas.contains(&f.name.schema) && state.catalog.functions[*i].kind == word)
            .filter(|(_, f)| wanted.as_ref().is_none_or(|w| *w == f.args))
            .map(|(i, _)| i)
            .collect();
        match matching.as_slice() {
            [] if if_exists => {}
            [] => {
                let args = wanted.map(|w| w.iter().map(PgType::format).collect::<Vec<_>>().join(", "));
                return Err(stmt.reject(match args {
                    Some(args) => format!("{word} {name}({args}) does not exist"),
                    None => format!("could not find a {word} named \"{name}\""),
                }));
            }
            [one] => {
                state.functions.remove(*one);
                state.catalog.functions.remove(*one);
            }
            _ => return Err(stmt.reject(format!("{word} name \"{name}\" is not unique"))),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::tests::replay_catalog as replay;

    #[test]
    fn procedures_are_listed_with_their_argument_modes() {
        let catalog = replay(
            "CREATE PROCEDURE cleanup(days integer, OUT removed bigint) LANGUAGE sql AS $$ SELECT 1::bigint $$;\n\
             CREATE OR REPLACE PROCEDURE touch() LANGUAGE plpgsql AS $$ BEGIN END $$;\n\
             DROP PROCEDURE touch();",
        )
        .unwrap();
        let listed: Vec<(&str, &str, &str, &str)> =
            catalog.functions.iter().map(|f| (f.name.name.as_str(), f.kind.as_str(), f.arguments.as_str(), f.result.as_str())).collect();
        assert_eq!(listed, vec![("cleanup", "procedure", "IN days integer, OUT removed bigint", "")]);
    }

    #[test]
    fn a_procedure_is_not_dropped_as_a_function() {
        let error = replay("CREATE PROCEDURE p(a integer) LANGUAGE sql AS $$ SELECT 1 $$;\nDROP FUNCTION p(integer);").unwrap_err();
        assert_eq!(error.message, "function p(integer) does not exist");
    }
}
