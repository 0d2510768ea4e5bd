//! Parse analysis of a SQL expression into the typed tree: resolving columns against the
//! relations in scope, literals against the types they meet, operators and functions
//! against their signatures, and inserting the implicit casts Postgres inserts.

use super::builtins::{
    aggregate_result, assignment_coercion, extension_functions, functions, implicit_coercion, is_aggregate, numeric_common, operator_type, Coercion,
};
use super::literal::coerce_literal;
use super::tree::{BoolKind, TExpr};
use super::ExprError;
use crate::catalog::ObjectName;
use crate::replay::postgres::names::quote_ident;
use crate::replay::postgres::state::PgState;
use crate::replay::postgres::types::{resolve, Category, PgType};
use sqlparser::ast::{
    BinaryOperator, CastKind, DataType, Expr, FunctionArg, FunctionArgExpr, FunctionArguments, Ident,
    UnaryOperator, Value,
};

/// Columns visible to an expression: per relation (its name or alias) its columns.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    pub relations: Vec<(String, Vec<(String, PgType)>)>,
    /// Whether printed column references carry their relation's name (views, trigger
    /// conditions) or not (defaults, checks, index expressions).
    pub qualify: bool,
}

impl Scope {
    /// The columns of one relation, referenced without qualification.
    pub fn single(name: &str, columns: Vec<(String, PgType)>) -> Scope {
        Scope { relations: vec![(name.to_string(), columns)], qualify: false }
    }
}

/// Analyses expressions against a scope and the replay's catalog.
pub struct Analyzer<'a> {
    pub state: &'a PgState,
    pub scope: &'a Scope,
}

/// Where a coercion happens, which decides the casts Postgres allows without asking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Context {
    Implicit,
    Assignment,
    Explicit,
}

fn rejected(message: impl Into<String>) -> ExprError {
    ExprError::Rejected(message.into())
}

fn unsupported(message: impl Into<String>) -> ExprError {
    ExprError::Unsupported(message.into())
}

impl Analyzer<'_> {
    pub fn expr(&self, expr: &Expr) -> Result<TExpr, ExprError> {
        match expr {
            Expr::Nested(inner) => self.expr(inner),
            Expr::Identifier(ident) => self.column(None, ident),
            Expr::CompoundIdentifier(parts) if parts.len() == 2 => self.column(Some(&parts[0]), &parts[1]),
            Expr::Value(value) => self.value(&value.value),
            Expr::TypedString(typed) => {
                let text = typed.value.value.clone().into_string().unwrap_or_default();
                let ty = self.resolve_type(&typed.data_type)?;
                self.coerce(TExpr::Const { ty: PgType::unknown(), value: Some(text) }, &ty, true)
            }
            Expr::Interval(interval) if interval.leading_field.is_none() && interval.last_field.is_none() => {
                let arg = self.expr(&interval.value)?;
                self.coerce(arg, &PgType::builtin("interval"), true)
            }
            Expr::UnaryOp { op: UnaryOperator::Not, expr } => {
                let arg = self.boolean(expr)?;
                Ok(TExpr::Bool { kind: BoolKind::Not, args: vec![arg] })
            }
            Expr::UnaryOp { op: UnaryOperator::Minus, expr } => match expr.as_ref() {
                Expr::Value(v) => match &v.value {
                    Value::Number(n, _) => self.number(&format!("-{n}")),
                    _ => Err(unsupported(format!("expression {expr} is not modelled"))),
                },
                other => {
                    let arg = self.expr(other)?;
                    let ty = arg.ty();
                    Ok(TExpr::Op { op: "-".into(), left: None, right: Box::new(arg), ty })
                }
            },
            Expr::UnaryOp { op: UnaryOperator::Plus, expr } => self.expr(expr),
            Expr::BinaryOp { left, op: BinaryOperator::And, right } => self.bool_op(BoolKind::And, left, right),
            Expr::BinaryOp { left, op: BinaryOperator::Or, right } => self.bool_op(BoolKind::Or, left, right),
            Expr::BinaryOp { left, op, right } => {
                let op = operator_symbol(op).ok_or_else(|| unsupported(format!("operator {op} is not modelled")))?;
                let (l, r) = (self.expr(left)?, self.expr(right)?);
                self.operator(&op, l, r)
            }
            Expr::Like { negated, expr, pattern, escape_char: None, any: false } => {
                let op = if *negated { "!~~" } else { "~~" };
                let (l, r) = (self.expr(expr)?, self.expr(pattern)?);
                self.operator(op, l, r)
            }
            Expr::ILike { negated, expr, pattern, escape_char: None, any: false } => {
                let op = if *negated { "!~~*" } else { "~~*" };
                let (l, r) = (self.expr(expr)?, self.expr(pattern)?);
                self.operator(op, l, r)
            }
            Expr::IsNull(inner) => Ok(TExpr::NullTest { arg: Box::new(self.expr(inner)?), not: false }),
            Expr::IsNotNull(inner) => Ok(TExpr::NullTest { arg: Box::new(self.expr(inner)?), not: true }),
            Expr::IsDistinctFrom(l, r) | Expr::IsNotDistinctFrom(l, r) => {
                let not = matches!(expr, Expr::IsNotDistinctFrom(..));
                let (l, r) = self.comparable(self.expr(l)?, self.expr(r)?, "=")?;
                Ok(TExpr::Distinct { left: Box::new(l), right: Box::new(r), not })
            }
            Expr::InList { expr, list, negated } => self.in_list(expr, list, *negated),
            Expr::Between { expr, negated, low, high } => {
                // Postgres rewrites BETWEEN into two comparisons.
                let (lower_op, upper_op, kind) =
                    if *negated { ("<", ">", BoolKind::Or) } else { (">=", "<=", BoolKind::And) };
                let lower = self.operator(lower_op, self.expr(expr)?, self.expr(low)?)?;
                let upper = self.operator(upper_op, self.expr(expr)?, self.expr(high)?)?;
                Ok(TExpr::Bool { kind, args: vec![lower, upper] })
            }
            Expr::AtTimeZone { timestamp, time_zone } => {
                // Printed as the function it calls: `timezone(zone, value)`.
                let value = self.expr(timestamp)?;
                let zone = self.coerce(self.expr(time_zone)?, &PgType::builtin("text"), false)?;
                let ty = if value.ty().is("timestamp without time zone") {
                    PgType::builtin("timestamp with time zone")
                } else {
                    PgType::builtin("timestamp without time zone")
                };
                let value = if value.ty().is("unknown") {
                    self.coerce(value, &PgType::builtin("timestamp with time zone"), false)?
                } else {
                    value
                };
                Ok(TExpr::Func { schema: None, name: "timezone".to_string(), args: vec![zone, value], ty })
            }
            Expr::Cast { kind: CastKind::Cast | CastKind::DoubleColon, expr, data_type, format: None } => {
                let ty = self.resolve_type(data_type)?;
                if let Expr::Array(array) = expr.as_ref() {
                    return self.array(&array.elem, Some(&ty));
                }
                let arg = self.expr(expr)?;
                self.coerce(arg, &ty, true)
            }
            Expr::Array(array) => self.array(&array.elem, None),
            Expr::Function(function) => self.function(function),
            other => Err(unsupported(format!("expression `{other}` is not modelled by the Postgres replay"))),
        }
    }

    /// An expression in a boolean context (`NOT x`, `AND`, `CHECK`).
    pub fn boolean(&self, expr: &Expr) -> Result<TExpr, ExprError> {
        let analysed = self.expr(expr)?;
        self.coerce_boolean(analysed)
    }

    fn coerce_boolean(&self, analysed: TExpr) -> Result<TExpr, ExprError> {
        match analysed.ty() {
            t if t.is("boolean") => Ok(analysed),
            t if t.is("unknown") => self.coerce(analysed, &PgType::builtin("boolean"), false),
            t => Err(rejected(format!("argument of boolean expression must be type boolean, not type {}", t.format()))),
        }
    }

    fn bool_op(&self, kind: BoolKind, left: &Expr, right: &Expr) -> Result<TExpr, ExprError> {
        let mut args = Vec::new();
        match self.boolean(left)? {
            TExpr::Bool { kind: k, args: inner } if k == kind && !matches!(left, Expr::Nested(_)) => args.extend(inner),
            other => args.push(other),
        }
        args.push(self.boolean(right)?);
        Ok(TExpr::Bool { kind, args })
    }

    fn column(&self, qualifier: Option<&Ident>, ident: &Ident) -> Result<TExpr, ExprError> {
        let name = PgState::ident(ident);
        let qualifier = qualifier.map(PgState::ident);
        let mut found = Vec::new();
        for (relation, columns) in &self.scope.relations {
            if qualifier.as_ref().is_some_and(|q| q != relation) {
                continue;
            }
            if let Some((_, ty)) = columns.iter().find(|(c, _)| *c == name) {
                found.push((relation.clone(), ty.clone()));
            }
        }
        match found.as_slice() {
            [(relation, ty)] => Ok(TExpr::Var {
                qualifier: self.scope.qualify.then(|| relation.clone()),
                name,
                ty: ty.without_mods(),
            }),
            [] => Err(rejected(match qualifier {
                Some(q) if !self.scope.relations.iter().any(|(r, _)| *r == q) => {
                    format!("missing FROM-clause entry for table \"{q}\"")
                }
                Some(q) => format!("column {q}.{name} does not exist"),
                None => format!("column \"{name}\" does not exist"),
            })),
            _ => Err(rejected(format!("column reference \"{name}\" is ambiguous"))),
        }
    }

    fn value(&self, value: &Value) -> Result<TExpr, ExprError> {
        match value {
            Value::Number(n, _) => self.number(n),
            Value::SingleQuotedString(s) | Value::EscapedStringLiteral(s) | Value::UnicodeStringLiteral(s) => {
                Ok(TExpr::Const { ty: PgType::unknown(), value: Some(s.clone()) })
            }
            Value::DollarQuotedString(s) => Ok(TExpr::Const { ty: PgType::unknown(), value: Some(s.value.clone()) }),
            Value::Boolean(b) => Ok(TExpr::Const { ty: PgType::builtin("boolean"), value: Some(b.to_string()) }),
            Value::Null => Ok(TExpr::Const { ty: PgType::unknown(), value: None }),
            other => Err(unsupported(format!("literal {other} is not modelled"))),
        }
    }

    /// A numeric literal: `integer` when it fits, then `bigint`, else `numeric`.
    fn number(&self, text: &str) -> Result<TExpr, ExprError> {
        if text.contains(['e', 'E']) {
            let value = expand_exponent(text).ok_or_else(|| rejected(format!("invalid input syntax for type numeric: \"{text}\"")))?;
            return Ok(TExpr::Const { ty: PgType::builtin("numeric"), value: Some(value) });
        }
        let ty = if text.contains('.') {
            "numeric"
        } else if text.parse::<i32>().is_ok() {
            "integer"
        } else if text.parse::<i64>().is_ok() {
            "bigint"
        } else {
            "numeric"
        };
        Ok(TExpr::Const { ty: PgType::builtin(ty), value: Some(text.to_string()) })
    }

    pub fn resolve_type(&self, data_type: &DataType) -> Result<PgType, ExprError> {
        resolve(self.state, data_type).map(|(t, _)| t).map_err(rejected)
    }

    /// Coerces `expr` to `target` implicitly (`explicit` false) or as a written cast.
    pub fn coerce(&self, expr: TExpr, target: &PgType, explicit: bool) -> Result<TExpr, ExprError> {
        self.coerce_in(expr, target, if explicit { Context::Explicit } else { Context::Implicit })
    }

    /// Coerces `expr` to `target` as a stored value (column defaults, generated columns).
    pub fn assign(&self, expr: TExpr, target: &PgType) -> Result<TExpr, ExprError> {
        self.coerce_in(expr, target, Context::Assignment)
    }

    fn coerce_in(&self, expr: TExpr, target: &PgType, context: Context) -> Result<TExpr, ExprError> {
        let explicit = context == Context::Explicit;
        let source = expr.ty();
        let length_cast = |node: TExpr| -> TExpr {
            if target.mods.is_empty() {
                node
            } else {
                TExpr::Cast { arg: Box::new(node), ty: target.clone(), implicit: !explicit }
            }
        };
        if source.is("unknown") {
            if let TExpr::Const { value, .. } = &expr {
                let value = match value {
                    Some(text) => Some(self.literal(text, target)?),
                    None => None,
                };
                return Ok(length_cast(TExpr::Const { ty: target.without_mods(), value }));
            }
        }
        if source.without_mods() == target.without_mods() {
            return Ok(if source.mods == target.mods { expr } else { length_cast(expr) });
        }
        if let TExpr::Array { elements, .. } = &expr {
            if elements.is_empty() && target.array {
                return Ok(TExpr::Array { elements: Vec::new(), ty: target.without_mods() });
            }
        }
        let allowed = match context {
            Context::Implicit => implicit_coercion(&source, target).is_some(),
            Context::Assignment => assignment_coercion(&source, target),
            Context::Explicit => true,
        };
        match allowed {
            true => Ok(TExpr::Cast { arg: Box::new(expr), ty: target.clone(), implicit: !explicit }),
            false => Err(rejected(format!(
                "cannot cast type {} to {} implicitly",
                source.format(),
                target.format()
            ))),
        }
    }

    /// A string literal read as `target`.
    fn literal(&self, text: &str, target: &PgType) -> Result<String, ExprError> {
        if target.is("regclass") {
            let parts: Vec<String> = text.split('.').map(|p| p.trim_matches('"').to_string()).collect();
            let folded: Vec<String> = text
                .split('.')
                .map(|p| if p.starts_with('"') { p.trim_matches('"').to_string() } else { p.to_ascii_lowercase() })
                .collect();
            let found = self.state.lookup_relation(&folded).or_else(|| self.state.lookup_relation(&parts));
            return match found {
                Some((name, _)) if name.schema == "public" => Ok(quote_ident(&name.name)),
                Some((name, _)) => Ok(format!("{}.{}", quote_ident(&name.schema), quote_ident(&name.name))),
                None => Err(rejected(format!("relation \"{text}\" does not exist"))),
            };
        }
        let labels = target
            .schema
            .as_ref()
            .and_then(|s| self.state.catalog.enums.get(&ObjectName::new(s.clone(), target.name.clone())))
            .map(|e| e.labels.as_slice());
        coerce_literal(text, target, labels).map_err(rejected)
    }

    /// Brings two operands to the types an operator between them takes.
    fn comparable(&self, l: TExpr, r: TExpr, op: &str) -> Result<(TExpr, TExpr), ExprError> {
        let (lt, rt) = (l.ty(), r.ty());
        let unknown = (lt.is("unknown"), rt.is("unknown"));
        match unknown {
            (true, true) => {
                let text = PgType::builtin("text");
                return Ok((self.coerce(l, &text, false)?, self.coerce(r, &text, false)?));
            }
            (true, false) => {
                let target = operator_type(&rt);
                return Ok((self.coerce(l, &target, false)?, self.coerce(r, &target, false)?));
            }
            (false, true) => {
                let target = operator_type(&lt);
                return Ok((self.coerce(l, &target, false)?, self.coerce(r, &target, false)?));
            }
            (false, false) => {}
        }
        if let Some((common, cast_l, cast_r)) = numeric_common(&lt, &rt) {
            let l = if cast_l { self.coerce(l, &common, false)? } else { l };
            let r = if cast_r { self.coerce(r, &common, false)? } else { r };
            return Ok((l, r));
        }
        if lt.category() == Category::DateTime && rt.category() == Category::DateTime {
            return Ok((l, r));
        }
        let (lo, ro) = (operator_type(&lt), operator_type(&rt));
        if lo == ro {
            return Ok((self.coerce(l, &lo, false)?, self.coerce(r, &ro, false)?));
        }
        if implicit_coercion(&lt, &ro).is_some_and(|c| c == Coercion::Cast) {
            return Ok((self.coerce(l, &ro, false)?, self.coerce(r, &ro, false)?));
        }
        if implicit_coercion(&rt, &lo).is_some_and(|c| c == Coercion::Cast) {
            return Ok((self.coerce(l, &lo, false)?, self.coerce(r, &lo, false)?));
        }
        if lt.category() == Category::Other || rt.category() == Category::Other {
            return Ok((l, r));
        }
        Err(rejected(format!("operator does not exist: {} {op} {}", lt.format(), rt.format())))
    }

    fn operator(&self, op: &str, l: TExpr, r: TExpr) -> Result<TExpr, ExprError> {
        let result = |l: &TExpr, r: &TExpr| -> PgType {
            let (lt, rt) = (l.ty(), r.ty());
            match op {
                "=" | "<>" | "<" | ">" | "<=" | ">=" | "~~" | "!~~" | "~~*" | "!~~*" | "@>" | "<@" | "?" | "&&"
                | "~" | "@@" | "?|" | "?&" => PgType::builtin("boolean"),
                "->>" | "#>>" => PgType::builtin("text"),
                "||" if lt.array => lt,
                "||" if rt.array => rt,
                "||" if lt.is("jsonb") => lt,
                "||" => PgType::builtin("text"),
                "-" if lt.category() == Category::DateTime && rt.category() == Category::DateTime => {
                    if lt.is("date") && rt.is("date") {
                        PgType::builtin("integer")
                    } else {
                        PgType::builtin("interval")
                    }
                }
                "+" | "-" if lt.category() == Category::DateTime => {
                    if lt.is("date") && rt.is("interval") {
                        PgType::builtin("timestamp without time zone")
                    } else {
                        lt
                    }
                }
                _ => numeric_common(&lt, &rt).map(|(t, _, _)| t).unwrap_or(lt),
            }
        };
        let (l, r) = match op {
            "||" => self.concat_operands(l, r)?,
            "+" | "-" if l.ty().category() == Category::DateTime || r.ty().category() == Category::DateTime => {
                self.datetime_operands(l, r)?
            }
            "->" | "->>" | "#>" | "#>>" | "?" | "?|" | "?&" | "@>" | "<@" | "@@" => self.container_operands(op, l, r)?,
            _ => self.comparable(l, r, op)?,
        };
        let ty = result(&l, &r);
        Ok(TExpr::Op { op: op.to_string(), left: Some(Box::new(l)), right: Box::new(r), ty })
    }

    fn concat_operands(&self, l: TExpr, r: TExpr) -> Result<(TExpr, TExpr), ExprError> {
        let text = PgType::builtin("text");
        let to_text = |e: TExpr| -> Result<TExpr, ExprError> {
            let t = e.ty();
            if t.is("unknown") || operator_type(&t).is("text") {
                self.coerce(e, &text, false)
            } else {
                Ok(e)
            }
        };
        if l.ty().array || r.ty().array || l.ty().is("jsonb") {
            let target = if l.ty().array || l.ty().is("jsonb") { l.ty() } else { r.ty() };
            let fix = |e: TExpr| if e.ty().is("unknown") { self.coerce(e, &target, false) } else { Ok(e) };
            return Ok((fix(l)?, fix(r)?));
        }
        Ok((to_text(l)?, to_text(r)?))
    }

    fn datetime_operands(&self, l: TExpr, r: TExpr) -> Result<(TExpr, TExpr), ExprError> {
        let interval = PgType::builtin("interval");
        let fix = |e: TExpr, other: &PgType| {
            if !e.ty().is("unknown") {
                return Ok(e);
            }
            if other.category() == Category::DateTime {
                self.coerce(e, &interval, false)
            } else {
                self.coerce(e, &PgType::builtin("timestamp with time zone"), false)
            }
        };
        let (lt, rt) = (l.ty(), r.ty());
        Ok((fix(l, &rt)?, fix(r, &lt)?))
    }

    fn container_operands(&self, op: &str, l: TExpr, r: TExpr) -> Result<(TExpr, TExpr), ExprError> {
        let lt = l.ty();
        if !r.ty().is("unknown") {
            return Ok((l, r));
        }
        let target = match op {
            "->" | "->>" if lt.is("jsonb") || lt.is("json") => PgType::builtin("text"),
            "?" => PgType::builtin("text"),
            "?|" | "?&" | "#>" | "#>>" => PgType::builtin("text").array_of(),
            _ => lt.without_mods(),
        };
        Ok((l, self.coerce(r, &target, false)?))
    }

    fn in_list(&self, expr: &Expr, list: &[Expr], negated: bool) -> Result<TExpr, ExprError> {
        let left = self.expr(expr)?;
        let items: Vec<TExpr> = list.iter().map(|e| self.expr(e)).collect::<Result<_, _>>()?;
        let op = if negated { "<>" } else { "=" };
        if items.len() == 1 {
            let item = items.into_iter().next().expect("one item");
            return self.operator(op, left, item);
        }
        let common = std::iter::once(left.ty())
            .chain(items.iter().map(TExpr::ty))
            .find(|t| !t.is("unknown"))
            .map(|t| t.without_mods())
            .unwrap_or_else(|| PgType::builtin("text"));
        let elements: Vec<TExpr> =
            items.into_iter().map(|e| self.coerce(e, &common, false)).collect::<Result<_, _>>()?;
        let left = self.coerce(left, &common, false)?;
        let mut array = TExpr::Array { elements, ty: common.clone().array_of() };
        let op_type = operator_type(&common);
        let left = if op_type != common {
            array = TExpr::Cast { arg: Box::new(array), ty: op_type.clone().array_of(), implicit: true };
            self.coerce(left, &op_type, false)?
        } else {
            left
        };
        Ok(TExpr::AnyArray { left: Box::new(left), op: op.to_string(), array: Box::new(array), all: negated })
    }

    fn array(&self, elements: &[Expr], cast_to: Option<&PgType>) -> Result<TExpr, ExprError> {
        let items: Vec<TExpr> = elements.iter().map(|e| self.expr(e)).collect::<Result<_, _>>()?;
        let element_type = match cast_to {
            Some(t) if t.array => t.element().without_mods(),
            Some(t) => return Err(rejected(format!("cannot cast type {}[] to {}", "unknown", t.format()))),
            None => items
                .iter()
                .map(TExpr::ty)
                .find(|t| !t.is("unknown"))
                .map(|t| t.without_mods())
                .or_else(|| (!items.is_empty()).then(|| PgType::builtin("text")))
                .ok_or_else(|| rejected("cannot determine type of empty array"))?,
        };
        let elements: Vec<TExpr> =
            items.into_iter().map(|e| self.coerce(e, &element_type, false)).collect::<Result<_, _>>()?;
        Ok(TExpr::Array { elements, ty: element_type.array_of() })
    }

    fn function(&self, function: &sqlparser::ast::Function) -> Result<TExpr, ExprError> {
        let parts = self.state.name_parts(&function.name);
        let name = parts.last().cloned().unwrap_or_default();
        let args: Vec<&FunctionArg> = match &function.args {
            FunctionArguments::None => {
                return sql_value_function(&name)
                    .ok_or_else(|| unsupported(format!("`{}` is not modelled by the Postgres replay", function)));
            }
            FunctionArguments::List(list) => list.args.iter().collect(),
            FunctionArguments::Subquery(_) => return Err(unsupported("subquery arguments are not modelled")),
        };
        if function.filter.is_some() || function.over.is_some() || !function.within_group.is_empty() {
            return Err(unsupported(format!("`{function}` is not modelled by the Postgres replay")));
        }
        let star = matches!(args.as_slice(), [FunctionArg::Unnamed(FunctionArgExpr::Wildcard)]);
        let analysed: Vec<TExpr> = if star {
            Vec::new()
        } else {
            args.iter()
                .map(|a| match a {
                    FunctionArg::Unnamed(FunctionArgExpr::Expr(e)) => self.expr(e),
                    other => Err(unsupported(format!("function argument {other} is not modelled"))),
                })
                .collect::<Result<_, _>>()?
        };
        if parts.len() == 1 && name == "coalesce" {
            return self.coalesce(analysed);
        }
        if parts.len() == 1 && is_aggregate(&name) {
            let ty = aggregate_result(&name, analysed.first().map(TExpr::ty).as_ref())
                .ok_or_else(|| rejected(no_function(&name, &analysed)))?;
            return Ok(TExpr::Aggregate { name, args: analysed, star, ty });
        }
        let (schema, params, result) = self.choose_function(&parts, &analysed)?;
        let args = analysed
            .into_iter()
            .zip(params.iter())
            .map(|(arg, param)| {
                if param.name == "any" || param.is("anyarray") {
                    Ok(arg)
                } else {
                    self.coerce(arg, param, false)
                }
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(TExpr::Func { schema, name, args, ty: result })
    }

    /// The user or built-in function `parts` that accepts `args`, preferring exact matches.
    fn choose_function(
        &self,
        parts: &[String],
        args: &[TExpr],
    ) -> Result<(Option<String>, Vec<PgType>, PgType), ExprError> {
        let name = parts.last().cloned().unwrap_or_default();
        let schemas: Vec<String> = match parts {
            [schema, _] => vec![schema.clone()],
            _ => self.state.search_path.clone(),
        };
        let mut candidates: Vec<(Option<String>, Vec<PgType>, PgType)> = self
            .state
            .functions
            .iter()
            .filter(|f| f.name.name == name && schemas.contains(&f.name.schema))
            .map(|f| (Some(f.name.schema.clone()), f.args.clone(), f.result.clone()))
            .collect();
        if parts.len() == 1 || parts[0] == "pg_catalog" {
            candidates.extend(functions(&name).map(|(a, r)| (None, a, r)));
        }
        for extension in self.state.catalog.extensions.iter().filter(|e| schemas.contains(&e.schema)) {
            candidates.extend(
                extension_functions(&extension.name, &extension.schema, &name)
                    .map(|(a, r)| (Some(extension.schema.clone()), a, r)),
            );
        }
        if candidates.is_empty() {
            return Err(unsupported(format!(
                "function {} is neither created by a migration nor a built-in the Postgres replay models",
                no_function(&name, args).trim_start_matches("function ").trim_end_matches(" does not exist")
            )));
        }
        // Postgres's `func_select_candidate`: most exact matches first, then most
        // preferred types (`text`, `double precision`, ...) where a cast is needed.
        let score = |params: &[PgType]| -> Option<(usize, usize)> {
            if params.len() != args.len() {
                return None;
            }
            let (mut exact, mut preferred) = (0, 0);
            for (arg, param) in args.iter().zip(params) {
                let ty = arg.ty();
                if ty.is("unknown") {
                    continue;
                }
                match implicit_coercion(&ty, param)? {
                    Coercion::None => exact += 1,
                    Coercion::Cast if is_preferred(param) => preferred += 1,
                    Coercion::Cast => {}
                }
            }
            Some((exact, preferred))
        };
        candidates
            .into_iter()
            .filter_map(|c| score(&c.1).map(|s| (s, c)))
            .rev() // the first of equally good candidates wins
            .max_by_key(|(s, _)| *s)
            .map(|(_, c)| c)
            .ok_or_else(|| rejected(no_function(&name, args)))
    }

    fn coalesce(&self, args: Vec<TExpr>) -> Result<TExpr, ExprError> {
        let common = args
            .iter()
            .map(TExpr::ty)
            .find(|t| !t.is("unknown"))
            .map(|t| t.without_mods())
            .unwrap_or_else(|| PgType::builtin("text"));
        let args = args.into_iter().map(|a| self.coerce(a, &common, false)).collect::<Result<Vec<_>, _>>()?;
        Ok(TExpr::Coalesce { args, ty: common })
    }
}

/// `numeric_in` then `numeric_out` of a literal in exponent notation: plain digits
/// (`1e10` is `10000000000`, `1.5e-2` is `0.015`).
fn expand_exponent(text: &str) -> Option<String> {
    let (mantissa, exponent) = text.split_once(['e', 'E'])?;
    let exponent: i32 = exponent.parse().ok()?;
    let negative = mantissa.starts_with('-');
    let mantissa = mantissa.trim_start_matches(['-', '+']);
    let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if !int_part.chars().chain(frac_part.chars()).all(|c| c.is_ascii_digit()) {
        return None;
    }
    let digits = format!("{int_part}{frac_part}");
    let point = int_part.len() as i32 + exponent;
    let (whole, fraction) = if point <= 0 {
        ("0".to_string(), format!("{}{digits}", "0".repeat((-point) as usize)))
    } else if point as usize >= digits.len() {
        (format!("{digits}{}", "0".repeat(point as usize - digits.len())), String::new())
    } else {
        (digits[..point as usize].to_string(), digits[point as usize..].to_string())
    };
    let whole = whole.trim_start_matches('0');
    let whole = if whole.is_empty() { "0" } else { whole };
    let scale = (frac_part.len() as i32 - exponent).max(0) as usize;
    let mut fraction = fraction;
    fraction.truncate(scale);
    while fraction.len() < scale {
        fraction.push('0');
    }
    let sign = if negative { "-" } else { "" };
    Some(if fraction.is_empty() { format!("{sign}{whole}") } else { format!("{sign}{whole}.{fraction}") })
}

/// Types marked `typispreferred` in their category.
fn is_preferred(ty: &PgType) -> bool {
    ty.schema.is_none()
        && !ty.array
        && matches!(ty.name.as_str(), "text" | "double precision" | "timestamp with time zone" | "interval" | "boolean" | "oid")
}

/// Postgres's message for a call no function accepts.
fn no_function(name: &str, args: &[TExpr]) -> String {
    let types: Vec<String> = args.iter().map(|a| a.ty().format()).collect();
    format!("function {name}({}) does not exist", types.join(", "))
}

/// `CURRENT_TIMESTAMP` and the other SQL-standard value functions written without
/// parentheses.
fn sql_value_function(name: &str) -> Option<TExpr> {
    let (keyword, ty) = match name {
        "current_timestamp" => ("CURRENT_TIMESTAMP", "timestamp with time zone"),
        "current_date" => ("CURRENT_DATE", "date"),
        "current_time" => ("CURRENT_TIME", "time with time zone"),
        "localtimestamp" => ("LOCALTIMESTAMP", "timestamp without time zone"),
        "localtime" => ("LOCALTIME", "time without time zone"),
        "current_user" => ("CURRENT_USER", "name"),
        "current_role" => ("CURRENT_ROLE", "name"),
        "session_user" => ("SESSION_USER", "name"),
        "user" => ("USER", "name"),
        "current_catalog" => ("CURRENT_CATALOG", "name"),
        "current_schema" => ("CURRENT_SCHEMA", "name"),
        _ => return None,
    };
    Some(TExpr::SqlValue { keyword, ty: PgType::builtin(ty) })
}

/// The operator's name as Postgres prints it.
fn operator_symbol(op: &BinaryOperator) -> Option<String> {
    Some(
        match op {
            BinaryOperator::Eq => "=",
            BinaryOperator::NotEq => "<>",
            BinaryOperator::Lt => "<",
            BinaryOperator::LtEq => "<=",
            BinaryOperator::Gt => ">",
            BinaryOperator::GtEq => ">=",
            BinaryOperator::Plus => "+",
            BinaryOperator::Minus => "-",
            BinaryOperator::Multiply => "*",
            BinaryOperator::Divide => "/",
            BinaryOperator::Modulo => "%",
            BinaryOperator::StringConcat => "||",
            BinaryOperator::Arrow => "->",
            BinaryOperator::LongArrow => "->>",
            BinaryOperator::HashArrow => "#>",
            BinaryOperator::HashLongArrow => "#>>",
            BinaryOperator::AtArrow => "@>",
            BinaryOperator::ArrowAt => "<@",
            BinaryOperator::Question => "?",
            BinaryOperator::QuestionPipe => "?|",
            BinaryOperator::QuestionAnd => "?&",
            BinaryOperator::PGRegexMatch => "~",
            BinaryOperator::PGRegexIMatch => "~*",
            BinaryOperator::PGRegexNotMatch => "!~",
            BinaryOperator::PGRegexNotIMatch => "!~*",
            BinaryOperator::AtAt => "@@",
            BinaryOperator::PGOverlap => "&&",
            BinaryOperator::PGCustomBinaryOperator(parts) => return Some(parts.join(".")),
            _ => return None,
        }
        .to_string(),
    )
}
