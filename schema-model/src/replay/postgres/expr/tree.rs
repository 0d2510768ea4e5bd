//! The typed expression tree: the shape Postgres's parse analysis gives an expression
//! (constants coerced to their final type, implicit casts made explicit as nodes,
//! operators and functions resolved), which is what its deparser prints from.

use crate::replay::postgres::types::PgType;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BoolKind {
    And,
    Or,
    Not,
}

/// One node of an analysed expression.
#[derive(Debug, Clone, PartialEq)]
pub enum TExpr {
    /// A constant: its type and its text as the type's output function prints it;
    /// `None` is NULL. Undecorated string literals have type `unknown` until coerced.
    Const { ty: PgType, value: Option<String> },
    Var { qualifier: Option<String>, name: String, ty: PgType },
    Func { schema: Option<String>, name: String, args: Vec<TExpr>, ty: PgType },
    Aggregate { name: String, args: Vec<TExpr>, star: bool, ty: PgType },
    /// `CURRENT_TIMESTAMP`, `CURRENT_DATE`, `CURRENT_USER`, ...
    SqlValue { keyword: &'static str, ty: PgType },
    /// A binary operator, or a prefix one when `left` is `None`.
    Op { op: String, left: Option<Box<TExpr>>, right: Box<TExpr>, ty: PgType },
    Bool { kind: BoolKind, args: Vec<TExpr> },
    /// A type coercion; `implicit` ones were added by the parser, not written.
    Cast { arg: Box<TExpr>, ty: PgType, implicit: bool },
    NullTest { arg: Box<TExpr>, not: bool },
    Distinct { left: Box<TExpr>, right: Box<TExpr>, not: bool },
    /// `x op ANY (array)` / `x op ALL (array)`, what `IN (...)` becomes.
    AnyArray { left: Box<TExpr>, op: String, array: Box<TExpr>, all: bool },
    Array { elements: Vec<TExpr>, ty: PgType },
    Coalesce { args: Vec<TExpr>, ty: PgType },
}

impl TExpr {
    /// The expression's result type.
    pub fn ty(&self) -> PgType {
        match self {
            TExpr::Const { ty, .. }
            | TExpr::Var { ty, .. }
            | TExpr::Func { ty, .. }
            | TExpr::Aggregate { ty, .. }
            | TExpr::SqlValue { ty, .. }
            | TExpr::Op { ty, .. }
            | TExpr::Cast { ty, .. }
            | TExpr::Array { ty, .. }
            | TExpr::Coalesce { ty, .. } => ty.clone(),
            TExpr::Bool { .. } | TExpr::NullTest { .. } | TExpr::Distinct { .. } | TExpr::AnyArray { .. } => {
                PgType::builtin("boolean")
            }
        }
    }

    /// Names of the columns the expression reads, in order of first use, without
    /// duplicates.
    pub fn columns(&self) -> Vec<String> {
        let mut found = Vec::new();
        self.collect_columns(&mut found);
        found
    }

    /// Renames every reference to column `old` (unqualified or qualified by `relation`).
    pub fn rename_column(&mut self, relation: &str, old: &str, new: &str) {
        self.visit_mut(&mut |node| {
            if let TExpr::Var { qualifier, name, .. } = node {
                if name == old && qualifier.as_deref().is_none_or(|q| q == relation) {
                    *name = new.to_string();
                }
            }
        });
    }

    /// Calls `f` on this node and every node below it.
    fn visit_mut(&mut self, f: &mut dyn FnMut(&mut TExpr)) {
        f(self);
        match self {
            TExpr::Const { .. } | TExpr::SqlValue { .. } | TExpr::Var { .. } => {}
            TExpr::Func { args, .. }
            | TExpr::Aggregate { args, .. }
            | TExpr::Bool { args, .. }
            | TExpr::Coalesce { args, .. }
            | TExpr::Array { elements: args, .. } => args.iter_mut().for_each(|a| a.visit_mut(f)),
            TExpr::Op { left, right, .. } => {
                if let Some(left) = left {
                    left.visit_mut(f);
                }
                right.visit_mut(f);
            }
            TExpr::Cast { arg, .. } | TExpr::NullTest { arg, .. } => arg.visit_mut(f),
            TExpr::Distinct { left, right, .. } | TExpr::AnyArray { left, array: right, .. } => {
                left.visit_mut(f);
                right.visit_mut(f);
            }
        }
    }

    fn collect_columns(&self, found: &mut Vec<String>) {
        match self {
            TExpr::Var { name, .. } => {
                if !found.contains(name) {
                    found.push(name.clone());
                }
            }
            TExpr::Const { .. } | TExpr::SqlValue { .. } => {}
            TExpr::Func { args, .. }
            | TExpr::Aggregate { args, .. }
            | TExpr::Bool { args, .. }
            | TExpr::Coalesce { args, .. }
            | TExpr::Array { elements: args, .. } => args.iter().for_each(|a| a.collect_columns(found)),
            TExpr::Op { left, right, .. } => {
                if let Some(left) = left {
                    left.collect_columns(found);
                }
                right.collect_columns(found);
            }
            TExpr::Cast { arg, .. } | TExpr::NullTest { arg, .. } => arg.collect_columns(found),
            TExpr::Distinct { left, right, .. } | TExpr::AnyArray { left, array: right, .. } => {
                left.collect_columns(found);
                right.collect_columns(found);
            }
        }
    }
}
