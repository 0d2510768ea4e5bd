//! Printing a typed expression exactly as Postgres's `ruleutils.c` deparses it in
//! non-pretty mode (what `pg_get_expr`, `pg_get_constraintdef` and `pg_get_indexdef`
//! return): every operator and boolean expression in parentheses, casts as `(x)::type`,
//! implicit casts shown only below the top level, constants labelled with their type
//! unless they are integers, float-looking numerics or booleans.

use super::tree::{BoolKind, TExpr};
use crate::replay::postgres::names::quote_ident;
use crate::replay::postgres::types::PgType;

/// The expression as `pg_get_expr` prints it (top-level implicit casts hidden).
pub fn deparse(expr: &TExpr) -> String {
    let mut out = String::new();
    write(expr, false, &mut out);
    out
}

/// Writes `expr`; `show_implicit` tells whether implicit casts are printed.
fn write(expr: &TExpr, show_implicit: bool, out: &mut String) {
    match expr {
        TExpr::Const { ty, value } => write_const(ty, value.as_deref(), false, out),
        TExpr::Var { qualifier, name, .. } => {
            if let Some(q) = qualifier {
                out.push_str(&quote_ident(q));
                out.push('.');
            }
            out.push_str(&quote_ident(name));
        }
        TExpr::Func { schema, name, args, .. } => {
            if let Some(schema) = schema.as_ref().filter(|s| *s != "public" && *s != "pg_catalog") {
                out.push_str(&quote_ident(schema));
                out.push('.');
            }
            out.push_str(&quote_ident(name));
            out.push('(');
            write_list(args, out);
            out.push(')');
        }
        TExpr::Aggregate { name, args, star, .. } => {
            out.push_str(&quote_ident(name));
            out.push('(');
            if *star {
                out.push('*');
            } else {
                write_list(args, out);
            }
            out.push(')');
        }
        TExpr::SqlValue { keyword, .. } => out.push_str(keyword),
        TExpr::Op { op, left, right, .. } => {
            out.push('(');
            if let Some(left) = left {
                write(left, true, out);
                out.push(' ');
            }
            out.push_str(op);
            out.push(' ');
            write(right, true, out);
            out.push(')');
        }
        TExpr::Bool { kind: BoolKind::Not, args } => {
            out.push_str("(NOT ");
            if let Some(arg) = args.first() {
                write(arg, false, out);
            }
            out.push(')');
        }
        TExpr::Bool { kind, args } => {
            let sep = if *kind == BoolKind::And { " AND " } else { " OR " };
            out.push('(');
            for (i, arg) in args.iter().enumerate() {
                if i > 0 {
                    out.push_str(sep);
                }
                write(arg, false, out);
            }
            out.push(')');
        }
        TExpr::Cast { arg, ty, implicit } => {
            if *implicit && !show_implicit {
                write(arg, false, out);
                return;
            }
            match arg.as_ref() {
                TExpr::Const { ty: const_ty, value } if const_ty == ty => {
                    write_const(const_ty, value.as_deref(), true, out);
                    return;
                }
                _ => {
                    out.push('(');
                    write(arg, false, out);
                    out.push(')');
                }
            }
            out.push_str("::");
            out.push_str(&ty.format());
        }
        TExpr::NullTest { arg, not } => {
            out.push('(');
            write(arg, false, out);
            out.push_str(if *not { " IS NOT NULL)" } else { " IS NULL)" });
        }
        TExpr::Distinct { left, right, not } => {
            if *not {
                out.push_str("(NOT ");
            }
            out.push('(');
            write(left, true, out);
            out.push_str(" IS DISTINCT FROM ");
            write(right, true, out);
            out.push(')');
            if *not {
                out.push(')');
            }
        }
        TExpr::AnyArray { left, op, array, all } => {
            out.push('(');
            write(left, true, out);
            out.push_str(&format!(" {op} {} (", if *all { "ALL" } else { "ANY" }));
            write(array, true, out);
            out.push_str("))");
        }
        TExpr::Array { elements, ty } => {
            out.push_str("ARRAY[");
            write_list(elements, out);
            out.push(']');
            if elements.is_empty() {
                out.push_str("::");
                out.push_str(&ty.without_mods().format());
            }
        }
        TExpr::Coalesce { args, .. } => {
            out.push_str("COALESCE(");
            write_list(args, out);
            out.push(')');
        }
    }
}

fn write_list(args: &[TExpr], out: &mut String) {
    for (i, arg) in args.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write(arg, true, out);
    }
}

/// `get_const_expr`: the constant's text, with a `::type` label where Postgres adds one.
/// `force_label` is set when the constant is the argument of a cast to its own type.
fn write_const(ty: &PgType, value: Option<&str>, force_label: bool, out: &mut String) {
    let label_type = ty.without_mods();
    let Some(value) = value else {
        out.push_str("NULL");
        if !ty.is("unknown") || force_label {
            out.push_str("::");
            out.push_str(&label_type.format());
        }
        return;
    };
    let mut need_label = match (ty.schema.is_none() && !ty.array).then_some(ty.name.as_str()) {
        Some("integer") => {
            if value.starts_with('-') {
                out.push_str(&quote_literal(value));
                true
            } else {
                out.push_str(value);
                false
            }
        }
        Some("numeric") => {
            if value.starts_with(|c: char| c.is_ascii_digit()) && value.contains(['e', 'E', '.']) {
                out.push_str(value);
                false
            } else {
                out.push_str(&quote_literal(value));
                true
            }
        }
        Some("boolean") => {
            out.push_str(if value == "true" { "true" } else { "false" });
            false
        }
        Some("unknown") => {
            out.push_str(&quote_literal(value));
            false
        }
        _ => {
            out.push_str(&quote_literal(value));
            true
        }
    };
    need_label |= force_label;
    if need_label {
        out.push_str("::");
        out.push_str(&label_type.format());
    }
}

/// `simple_quote_literal` with `standard_conforming_strings` on.
pub fn quote_literal(value: &str) -> String {
    format!("'{}'", value.replace('\'', "''"))
}
