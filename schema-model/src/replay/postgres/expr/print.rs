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
    Printer { pretty: false }.write(expr, false, None, &mut out);
    out
}

/// The expression as `pg_get_viewdef(..., true)` prints it: parentheses only where
/// operator precedence needs them.
pub fn deparse_pretty(expr: &TExpr) -> String {
    let mut out = String::new();
    Printer { pretty: true }.write(expr, false, None, &mut out);
    out
}

/// `ruleutils.c`'s deparser in non-pretty or pretty (`PRETTYFLAG_PAREN`) mode.
#[derive(Clone, Copy)]
struct Printer {
    pretty: bool,
}

/// The binary operator of an `Op` node, for precedence decisions.
fn binary_op(expr: &TExpr) -> Option<&str> {
    match expr {
        TExpr::Op { op, left: Some(_), .. } => Some(op.as_str()),
        _ => None,
    }
}

/// `isSimpleNode`: whether `node` under `parent` prints without parentheses in pretty
/// mode.
fn is_simple(node: &TExpr, parent: Option<&TExpr>, is_left: bool) -> bool {
    let Some(parent) = parent else { return true };
    let parent_is_call = matches!(
        parent,
        TExpr::Func { .. } | TExpr::Aggregate { .. } | TExpr::Array { .. } | TExpr::Coalesce { .. }
    );
    match node {
        TExpr::Op { .. } | TExpr::NullTest { .. } | TExpr::Distinct { .. } | TExpr::AnyArray { .. } => {
            if let (Some(op), Some(parent_op)) = (binary_op(node), binary_op(parent)) {
                let low = |o: &str| o == "+" || o == "-";
                let high = |o: &str| o == "*" || o == "/" || o == "%";
                if (low(op) || high(op)) && (low(parent_op) || high(parent_op)) {
                    if high(op) && low(parent_op) {
                        return true;
                    }
                    if low(op) && high(parent_op) {
                        return false;
                    }
                    return is_left;
                }
                return false;
            }
            parent_is_call || matches!(parent, TExpr::Bool { .. })
        }
        TExpr::Bool { kind, .. } => match parent {
            TExpr::Bool { kind: parent_kind, .. } => match kind {
                BoolKind::Not | BoolKind::And => matches!(parent_kind, BoolKind::And | BoolKind::Or),
                BoolKind::Or => *parent_kind == BoolKind::Or,
            },
            _ => parent_is_call,
        },
        _ => true,
    }
}

impl Printer {
    /// Writes `child` of `parent`, in parentheses when pretty mode needs them.
    fn child(self, child: &TExpr, show_implicit: bool, parent: &TExpr, is_left: bool, out: &mut String) {
        let wrap = self.pretty && !is_simple(child, Some(parent), is_left);
        if wrap {
            out.push('(');
        }
        self.write(child, show_implicit, Some(parent), out);
        if wrap {
            out.push(')');
        }
    }

    /// Opens the parentheses non-pretty mode puts around operators and tests.
    fn open(self, out: &mut String) {
        if !self.pretty {
            out.push('(');
        }
    }

    fn close(self, out: &mut String) {
        if !self.pretty {
            out.push(')');
        }
    }

    /// Writes `expr`; `show_implicit` tells whether implicit casts are printed.
    fn write(self, expr: &TExpr, show_implicit: bool, parent: Option<&TExpr>, out: &mut String) {
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
                self.list(args, expr, out);
                out.push(')');
            }
            TExpr::Aggregate { name, args, star, .. } => {
                out.push_str(&quote_ident(name));
                out.push('(');
                if *star {
                    out.push('*');
                } else {
                    self.list(args, expr, out);
                }
                out.push(')');
            }
            TExpr::SqlValue { keyword, .. } => out.push_str(keyword),
            TExpr::Op { op, left, right, .. } => {
                self.open(out);
                if let Some(left) = left {
                    self.child(left, true, expr, true, out);
                    out.push(' ');
                }
                out.push_str(op);
                out.push(' ');
                self.child(right, true, expr, false, out);
                self.close(out);
            }
            TExpr::Bool { kind: BoolKind::Not, args } => {
                self.open(out);
                out.push_str("NOT ");
                if let Some(arg) = args.first() {
                    self.child(arg, false, expr, false, out);
                }
                self.close(out);
            }
            TExpr::Bool { kind, args } => {
                let sep = if *kind == BoolKind::And { " AND " } else { " OR " };
                self.open(out);
                for (i, arg) in args.iter().enumerate() {
                    if i > 0 {
                        out.push_str(sep);
                    }
                    self.child(arg, false, expr, i == 0, out);
                }
                self.close(out);
            }
            TExpr::Cast { arg, ty, implicit } => {
                if *implicit && !show_implicit {
                    self.write(arg, false, parent, out);
                    return;
                }
                match arg.as_ref() {
                    TExpr::Const { ty: const_ty, value } if const_ty == ty => {
                        write_const(const_ty, value.as_deref(), true, out);
                        return;
                    }
                    _ => {
                        self.open(out);
                        self.child(arg, false, expr, true, out);
                        self.close(out);
                    }
                }
                out.push_str("::");
                out.push_str(&ty.format());
            }
            TExpr::NullTest { arg, not } => {
                self.open(out);
                self.child(arg, false, expr, true, out);
                out.push_str(if *not { " IS NOT NULL" } else { " IS NULL" });
                self.close(out);
            }
            TExpr::Distinct { left, right, not } => {
                if *not {
                    self.open(out);
                    out.push_str("NOT ");
                    out.push('(');
                } else {
                    self.open(out);
                }
                self.child(left, true, expr, true, out);
                out.push_str(" IS DISTINCT FROM ");
                self.child(right, true, expr, false, out);
                if *not {
                    out.push(')');
                }
                self.close(out);
            }
            TExpr::AnyArray { left, op, array, all } => {
                self.open(out);
                self.child(left, true, expr, true, out);
                out.push_str(&format!(" {op} {} (", if *all { "ALL" } else { "ANY" }));
                self.write(array, true, Some(expr), out);
                out.push(')');
                self.close(out);
            }
            TExpr::Array { elements, ty } => {
                out.push_str("ARRAY[");
                self.list(elements, expr, out);
                out.push(']');
                if elements.is_empty() {
                    out.push_str("::");
                    out.push_str(&ty.without_mods().format());
                }
            }
            TExpr::Coalesce { args, .. } => {
                out.push_str("COALESCE(");
                self.list(args, expr, out);
                out.push(')');
            }
        }
    }

    fn list(self, args: &[TExpr], parent: &TExpr, out: &mut String) {
        for (i, arg) in args.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            self.child(arg, true, parent, false, out);
        }
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
