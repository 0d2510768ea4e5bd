//! The output columns of a view's query as MariaDB 10.11 reports them in
//! information_schema.COLUMNS: the type, nullability, default and character set of each
//! select-list item, derived from the tables and views it reads.
//!
//! Names are checked beforehand by the query resolver (`crate::query`), which also words the
//! errors; this module only types. A column reference keeps its column's facts (nullable on
//! the inner side of an outer join, and in a select with aggregates but no GROUP BY); literals,
//! `count`, `sum`, `avg`, `min`, `max`, `concat`, case and trim functions, `length`, `year`,
//! `coalesce` / `ifnull` / `if` / `CASE` over strings, casts to `SIGNED`, `DECIMAL(p,s)`,
//! `DATE`, `DATETIME` and `CHAR`, comparisons, integer and floating arithmetic and the current
//! date/time functions are typed as the server types them. Any other expression keeps its
//! name with an unknown type (empty `column_type`).

use super::charset::Charset;
use super::key;
use crate::catalog::mysql_extras::MysqlViewColumn;
use crate::catalog::Catalog;
use crate::sql_ast::join_constraint;
use sqlparser::ast::{
    BinaryOperator, CastKind, CharacterLength, DataType, ExactNumberInfo, Expr, FunctionArg, FunctionArgExpr, FunctionArguments, GroupByExpr, Ident, JoinConstraint,
    JoinOperator, Query, Select, SelectItem, SelectItemQualifiedWildcardKind, SetExpr, TableFactor, UnaryOperator,
    Value,
};

/// Why a query's columns cannot be derived.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Underivable {
    /// A table, view or column it reads does not exist (the view is invalid).
    Missing,
    /// A construct the replay does not model.
    Unsupported(String),
}

type Derived<T> = Result<T, Underivable>;

/// How deep views may read views before the replay gives up (the server's own limit is far
/// higher; real schemas stay well under it).
const MAX_VIEW_DEPTH: usize = 32;

/// Types the output of view queries against one catalog.
pub struct Deriver<'a> {
    pub catalog: &'a Catalog,
    /// The connection character set, which string literals and numbers turned into strings
    /// take.
    pub connection: &'a Charset,
    pub depth: usize,
}

/// A FROM item: the name it is referred to by and its columns.
#[derive(Clone)]
struct Source {
    name: String,
    columns: Vec<MysqlViewColumn>,
    /// On the inner side of an outer join: every column may be NULL.
    nullable: bool,
    /// Columns merged into an earlier source by `USING` / `NATURAL`, listed once by `*`.
    merged: Vec<String>,
}

/// One select-list item: its expression (for `*` a column reference) and output column.
pub struct Output {
    /// The position of the select-list item it comes from.
    pub item: usize,
    pub expr: Expr,
    pub column: MysqlViewColumn,
}

impl Deriver<'_> {
    /// The output columns of `query`, each with the expression it comes from (`*` expanded).
    pub fn query(&self, query: &Query) -> Derived<Vec<Output>> {
        if query.with.is_some() {
            return Err(Underivable::Unsupported("WITH in a view is not modelled for MariaDB".into()));
        }
        self.body(&query.body)
    }

    fn body(&self, body: &SetExpr) -> Derived<Vec<Output>> {
        match body {
            SetExpr::Select(select) => self.select(select),
            SetExpr::Query(query) => self.query(query),
            SetExpr::SetOperation { left, right, .. } => {
                let mut first = self.body(left)?;
                let other = self.body(right)?;
                // A column keeps its type when every branch agrees; otherwise the server's type
                // aggregation is not modelled.
                for (column, branch) in first.iter_mut().zip(&other) {
                    let same = column.column.column_type == branch.column.column_type
                        && column.column.collation == branch.column.collation;
                    let not_null = column.column.not_null && branch.column.not_null;
                    // The result is a new (temporary) column: it shows an expression's default.
                    column.column = if same { with_nullability(column.column.clone(), not_null) } else { unknown(column.column.name.clone()) };
                }
                Ok(first)
            }
            _ => Err(Underivable::Unsupported("this view query is not modelled for MariaDB".into())),
        }
    }

    fn select(&self, select: &Select) -> Derived<Vec<Output>> {
        let sources = self.sources(select)?;
        let implicit_group = matches!(&select.group_by, GroupByExpr::Expressions(e, _) if e.is_empty())
            && select.projection.iter().any(|item| matches!(item, SelectItem::UnnamedExpr(e) | SelectItem::ExprWithAlias { expr: e, .. } if has_aggregate(e)));
        let typer = Typer { sources: &sources, connection: self.connection, implicit_group };
        let mut out = Vec::new();
        for (position, item) in select.projection.iter().enumerate() {
            match item {
                SelectItem::UnnamedExpr(expr) => {
                    let mut column = typer.expr(expr)?;
                    column.name = default_name(expr);
                    out.push(Output { item: position, expr: expr.clone(), column });
                }
                SelectItem::ExprWithAlias { expr, alias } => {
                    let mut column = typer.expr(expr)?;
                    column.name = alias.value.clone();
                    out.push(Output { item: position, expr: expr.clone(), column });
                }
                SelectItem::Wildcard(_) => {
                    for source in &sources {
                        let columns = source.columns.iter().filter(|c| !source.merged.iter().any(|m| m.eq_ignore_ascii_case(&c.name)));
                        out.extend(columns.map(|c| typer.source_column(position, source, c)));
                    }
                }
                SelectItem::QualifiedWildcard(SelectItemQualifiedWildcardKind::ObjectName(name), _) => {
                    let wanted = name.0.last().and_then(|p| p.as_ident()).map(|i| i.value.clone()).unwrap_or_default();
                    let source = sources.iter().find(|s| s.name == wanted).ok_or(Underivable::Missing)?;
                    out.extend(source.columns.iter().map(|c| typer.source_column(position, source, c)));
                }
                other => return Err(Underivable::Unsupported(format!("select item `{other}` is not modelled for MariaDB views"))),
            }
        }
        Ok(out)
    }

    fn sources(&self, select: &Select) -> Derived<Vec<Source>> {
        let mut out: Vec<Source> = Vec::new();
        for from in &select.from {
            let start = out.len();
            out.push(self.factor(&from.relation)?);
            for join in &from.joins {
                let mut right = self.factor(&join.relation)?;
                match &join.join_operator {
                    JoinOperator::Left(_) | JoinOperator::LeftOuter(_) => right.nullable = true,
                    JoinOperator::Right(_) | JoinOperator::RightOuter(_) => out[start..].iter_mut().for_each(|s| s.nullable = true),
                    _ => {}
                }
                right.merged = match join_constraint(&join.join_operator) {
                    Some(JoinConstraint::Using(names)) => {
                        names.iter().filter_map(|n| n.0.last().and_then(|p| p.as_ident()).map(|i| i.value.clone())).collect()
                    }
                    Some(JoinConstraint::Natural) => right
                        .columns
                        .iter()
                        .filter(|c| out[start..].iter().any(|s| s.columns.iter().any(|o| o.name.eq_ignore_ascii_case(&c.name))))
                        .map(|c| c.name.clone())
                        .collect(),
                    _ => Vec::new(),
                };
                out.push(right);
            }
        }
        Ok(out)
    }

    fn factor(&self, factor: &TableFactor) -> Derived<Source> {
        match factor {
            TableFactor::Table { name, alias, args: None, .. } => {
                let [part] = name.0.as_slice() else {
                    return Err(Underivable::Unsupported(format!("database-qualified name {name} in a view is not modelled")));
                };
                let table = part.as_ident().map(|i| i.value.clone()).unwrap_or_else(|| part.to_string());
                let columns = self.relation_columns(&table)?;
                Ok(Source { name: alias.as_ref().map_or(table, |a| a.name.value.clone()), columns, nullable: false, merged: Vec::new() })
            }
            TableFactor::Derived { subquery, alias: Some(alias), lateral: false, .. } => {
                let mut columns: Vec<MysqlViewColumn> = self.query(subquery)?.into_iter().map(|o| o.column).collect();
                for (column, name) in columns.iter_mut().zip(&alias.columns) {
                    column.name = name.name.value.clone();
                }
                Ok(Source { name: alias.name.value.clone(), columns, nullable: false, merged: Vec::new() })
            }
            TableFactor::NestedJoin { .. } => Err(Underivable::Unsupported("parenthesized joins in a view are not modelled for MariaDB".into())),
            other => Err(Underivable::Unsupported(format!("`{other}` in a view is not modelled for MariaDB"))),
        }
    }

    /// The columns of a table, or of a valid view, as a view reading it sees them.
    fn relation_columns(&self, name: &str) -> Derived<Vec<MysqlViewColumn>> {
        if let Some(table) = self.catalog.tables.get(&key(name)) {
            return Ok(table
                .columns
                .iter()
                .map(|c| MysqlViewColumn {
                    name: c.name.clone(),
                    data_type: c.mysql.data_type.clone(),
                    column_type: c.ty.engine.clone(),
                    not_null: c.not_null,
                    // An auto-increment column reads as defaulting to 0 through a view.
                    default: if c.mysql.auto_increment { Some("0".into()) } else { c.default.clone() },
                    charset: c.mysql.charset.clone(),
                    collation: c.mysql.collation.clone(),
                })
                .collect());
        }
        let view = self.catalog.mysql.views.get(name).ok_or(Underivable::Missing)?;
        if self.depth >= MAX_VIEW_DEPTH {
            return Err(Underivable::Unsupported("views nested this deep are not modelled".into()));
        }
        // The view is read again from its stored query, as the server does.
        let query = super::views::parse_stored_query(&view.query).map_err(Underivable::Unsupported)?;
        let inner = Deriver { catalog: self.catalog, connection: self.connection, depth: self.depth + 1 };
        Ok(inner.query(&query)?.into_iter().map(|o| o.column).collect())
    }
}

/// Types expressions of one select against its FROM items.
struct Typer<'a> {
    sources: &'a [Source],
    connection: &'a Charset,
    /// Aggregates without GROUP BY: an empty input still yields one row, of NULL columns.
    implicit_group: bool,
}

impl Typer<'_> {
    /// `*`'s column of `source`, as an output with the column reference it stands for.
    fn source_column(&self, item: usize, source: &Source, column: &MysqlViewColumn) -> Output {
        let expr = Expr::CompoundIdentifier(vec![Ident::with_quote('`', &source.name), Ident::with_quote('`', &column.name)]);
        Output { item, expr, column: self.reference(source, column) }
    }

    fn reference(&self, source: &Source, column: &MysqlViewColumn) -> MysqlViewColumn {
        let mut out = column.clone();
        out.not_null = column.not_null && !source.nullable && !self.implicit_group;
        out
    }

    fn column(&self, qualifier: Option<&str>, name: &str) -> Derived<MysqlViewColumn> {
        self.sources
            .iter()
            .filter(|s| qualifier.is_none_or(|q| s.name == q))
            .find_map(|s| s.columns.iter().find(|c| c.name.eq_ignore_ascii_case(name)).map(|c| self.reference(s, c)))
            .ok_or(Underivable::Missing)
    }

    fn expr(&self, expr: &Expr) -> Derived<MysqlViewColumn> {
        Ok(match expr {
            Expr::Identifier(ident) => self.column(None, &ident.value)?,
            Expr::CompoundIdentifier(parts) => match parts.as_slice() {
                [table, column] => self.column(Some(&table.value), &column.value)?,
                _ => unknown(String::new()),
            },
            Expr::Nested(inner) => self.expr(inner)?,
            Expr::Value(value) => literal(&value.value, self.connection),
            Expr::Function(function) => self.function(function)?,
            Expr::Trim { expr, trim_where: None, trim_what: None, .. } => self.string_function(&[self.expr(expr)?]),
            Expr::IsNull(_) | Expr::IsNotNull(_) | Expr::Exists { .. } => truth(true),
            Expr::UnaryOp { op: UnaryOperator::Not, expr } => truth(self.expr(expr)?.not_null),
            Expr::UnaryOp { op: UnaryOperator::Minus, expr } => {
                let operand = self.expr(expr)?;
                match integer_width(&operand) {
                    Some((width, _)) => with_nullability(integer(width + 1, false), operand.not_null),
                    None => unknown(String::new()),
                }
            }
            Expr::BinaryOp { left, op, right } => self.binary(left, op, right)?,
            Expr::Cast { kind: CastKind::Cast, expr, data_type, format: None } => self.cast(expr, data_type)?,
            Expr::Case { operand, conditions, else_result, .. } => {
                if let Some(operand) = operand {
                    self.expr(operand)?;
                }
                let mut results = Vec::new();
                for when in conditions {
                    self.expr(&when.condition)?;
                    results.push(self.expr(&when.result)?);
                }
                let else_typed = else_result.as_ref().map(|e| self.expr(e)).transpose()?;
                let not_null = else_typed.as_ref().is_some_and(|e| e.not_null) && results.iter().all(|r| r.not_null);
                results.extend(else_typed);
                self.string_choice(&results, not_null)
            }
            Expr::InList { expr, list, .. } => {
                let mut not_null = self.expr(expr)?.not_null;
                for item in list {
                    not_null &= self.expr(item)?.not_null;
                }
                truth(not_null)
            }
            Expr::Between { expr, low, high, .. } => {
                truth(self.expr(expr)?.not_null && self.expr(low)?.not_null && self.expr(high)?.not_null)
            }
            Expr::Like { expr, pattern, .. } => truth(self.expr(expr)?.not_null && self.expr(pattern)?.not_null),
            _ => unknown(String::new()),
        })
    }

    fn binary(&self, left: &Expr, op: &BinaryOperator, right: &Expr) -> Derived<MysqlViewColumn> {
        use BinaryOperator as B;
        let (l, r) = (self.expr(left)?, self.expr(right)?);
        let not_null = l.not_null && r.not_null;
        Ok(match op {
            B::Spaceship => truth(true),
            B::Eq | B::NotEq | B::Lt | B::LtEq | B::Gt | B::GtEq | B::And | B::Or | B::Xor => truth(not_null),
            B::Plus | B::Minus | B::Multiply => match (integer_width(&l), integer_width(&r)) {
                (Some((lw, lu)), Some((rw, ru))) => {
                    let width = if *op == B::Multiply { lw + rw } else { lw.max(rw) + 1 };
                    with_nullability(integer(width, lu || ru), not_null)
                }
                _ if is_float(&l) || is_float(&r) => with_nullability(simple("double"), not_null),
                _ => unknown(String::new()),
            },
            _ => unknown(String::new()),
        })
    }

    fn function(&self, function: &sqlparser::ast::Function) -> Derived<MysqlViewColumn> {
        let name = function.name.to_string().to_lowercase();
        let (star, args) = match &function.args {
            FunctionArguments::List(list) => {
                let mut star = false;
                let mut args = Vec::new();
                for arg in &list.args {
                    match arg {
                        FunctionArg::Unnamed(FunctionArgExpr::Expr(e)) => args.push(e),
                        FunctionArg::Unnamed(FunctionArgExpr::Wildcard) => star = true,
                        _ => return Ok(unknown(String::new())),
                    }
                }
                (star, args)
            }
            FunctionArguments::None => (false, Vec::new()),
            FunctionArguments::Subquery(_) => return Ok(unknown(String::new())),
        };
        if name == "count" {
            return Ok(with_nullability(integer(21, false), true));
        }
        if star {
            return Ok(unknown(String::new()));
        }
        let typed = args.iter().map(|a| self.expr(a)).collect::<Derived<Vec<_>>>()?;
        Ok(match (name.as_str(), typed.as_slice()) {
            ("min" | "max", [arg]) => aggregate_of(arg.clone()),
            ("sum", [arg]) => match numeric_precision(arg) {
                Some((precision, scale)) => nullable(decimal(precision + 22, scale)),
                None if is_float(arg) => nullable(simple("double")),
                None => unknown(String::new()),
            },
            ("avg", [arg]) => match numeric_precision(arg) {
                Some((precision, scale)) => nullable(decimal(precision + 4, scale + 4)),
                None if is_float(arg) => nullable(simple("double")),
                None => unknown(String::new()),
            },
            ("concat", args) if !args.is_empty() => self.concat(args),
            ("lower" | "upper" | "lcase" | "ucase" | "ltrim" | "rtrim", [arg]) => self.string_function(std::slice::from_ref(arg)),
            ("coalesce" | "ifnull", args) if !args.is_empty() => self.string_choice(args, args.iter().any(|a| a.not_null)),
            ("if", [_, then, otherwise]) => self.string_choice(&typed[1..], then.not_null && otherwise.not_null),
            ("length" | "char_length" | "character_length" | "octet_length", [arg]) => with_nullability(simple("int(10)"), arg.not_null),
            ("year", [_]) => nullable(integer(5, false)),
            ("now" | "current_timestamp" | "localtime" | "localtimestamp" | "utc_timestamp" | "sysdate", args) => {
                match fractional_digits(&args_values(&function.args)) {
                    Some(0) if args.is_empty() => current_time("datetime /* mariadb-5.3 */".into(), "'0000-00-00 00:00:00'".into()),
                    Some(fsp) => current_time(
                        format!("datetime({fsp}) /* mariadb-5.3 */"),
                        format!("'0000-00-00 00:00:00.{}'", "0".repeat(fsp as usize)),
                    ),
                    None => unknown(String::new()),
                }
            }
            ("curdate" | "current_date" | "utc_date", []) => current_time("date".into(), "'0000-00-00'".into()),
            _ => unknown(String::new()),
        })
    }

    /// `concat(...)`: a varchar as long as its arguments printed, in the collation of its
    /// column arguments (or the connection's); nullable, as every string function's result.
    fn concat(&self, args: &[MysqlViewColumn]) -> MysqlViewColumn {
        let mut length = 0;
        for arg in args {
            match char_length(arg) {
                Some(n) => length += n,
                None => return unknown(String::new()),
            }
        }
        let charset = string_charset(args, self.connection);
        if length * super::charset::max_bytes_per_char(&charset.charset) > 65_532 {
            return unknown(String::new());
        }
        nullable(string(format!("varchar({length})"), "varchar", &charset))
    }

    /// Case and trim functions: a nullable varchar as long as the string argument.
    fn string_function(&self, args: &[MysqlViewColumn]) -> MysqlViewColumn {
        let [arg] = args else { return unknown(String::new()) };
        match (arg.data_type.as_deref(), char_length(arg)) {
            (Some("varchar" | "char"), Some(length)) => {
                nullable(string(format!("varchar({length})"), "varchar", &string_charset(args, self.connection)))
            }
            _ => unknown(String::new()),
        }
    }

    /// A choice among strings (`coalesce`, `ifnull`, `if`, `case`): a varchar as long as the
    /// longest, in the collation of its column arguments; other types are not modelled.
    fn string_choice(&self, args: &[MysqlViewColumn], not_null: bool) -> MysqlViewColumn {
        let mut length = 0;
        for arg in args {
            match (arg.data_type.as_deref(), char_length(arg)) {
                (Some("varchar" | "char"), Some(n)) => length = length.max(n),
                _ => return unknown(String::new()),
            }
        }
        if args.is_empty() {
            return unknown(String::new());
        }
        with_nullability(string(format!("varchar({length})"), "varchar", &string_charset(args, self.connection)), not_null)
    }

    /// `CAST(x AS type)`: `SIGNED` is a `bigint` as wide as `x`, `DECIMAL(p,s)` keeps `x`'s
    /// nullability; dates and strings may fail to convert, so they are nullable.
    fn cast(&self, expr: &Expr, data_type: &DataType) -> Derived<MysqlViewColumn> {
        let operand = self.expr(expr)?;
        Ok(match data_type {
            DataType::Signed | DataType::SignedInteger => match integer_width(&operand) {
                Some((width, _)) => with_nullability(simple(&format!("bigint({width})")), operand.not_null),
                None => unknown(String::new()),
            },
            DataType::Decimal(ExactNumberInfo::PrecisionAndScale(precision, scale)) => {
                with_nullability(decimal(*precision as u32, *scale as u32), operand.not_null)
            }
            DataType::Date => nullable(simple("date")),
            DataType::Datetime(None) => nullable(simple("datetime /* mariadb-5.3 */")),
            DataType::Char(length) => {
                let length = match length {
                    Some(CharacterLength::IntegerLength { length, unit: None }) => Some(*length as u32),
                    None => char_length(&operand),
                    _ => None,
                };
                match length {
                    Some(length) => nullable(string(format!("varchar({length})"), "varchar", self.connection)),
                    None => unknown(String::new()),
                }
            }
            _ => unknown(String::new()),
        })
    }
}

/// The name of an unaliased select-list item that names a column or is a string literal;
/// other expressions are named after their text (the caller passes the text as written when
/// it has it).
pub fn default_name(expr: &Expr) -> String {
    match expr {
        Expr::Identifier(ident) => ident.value.clone(),
        Expr::CompoundIdentifier(parts) => parts.last().map(|p| p.value.clone()).unwrap_or_default(),
        Expr::Value(value) => match &value.value {
            Value::SingleQuotedString(text) | Value::DoubleQuotedString(text) => text.clone(),
            other => other.to_string(),
        },
        other => other.to_string(),
    }
}

/// The literal arguments of a function call (`now(3)`), as text.
fn args_values(args: &FunctionArguments) -> Vec<String> {
    match args {
        FunctionArguments::List(list) => list.args.iter().map(|a| a.to_string()).collect(),
        _ => Vec::new(),
    }
}

/// The fractional-second digits asked of a current-time function: none or one literal.
fn fractional_digits(args: &[String]) -> Option<u32> {
    match args {
        [] => Some(0),
        [digits] => digits.parse().ok().filter(|d| *d <= 6),
        _ => None,
    }
}

fn has_aggregate(expr: &Expr) -> bool {
    let mut found = false;
    let _ = sqlparser::ast::visit_expressions(expr, |e| {
        found |= matches!(e, Expr::Function(f) if is_aggregate(&f.name.to_string()));
        std::ops::ControlFlow::<()>::Continue(())
    });
    found
}

/// Whether a function name is one of MariaDB's aggregate functions.
pub fn is_aggregate(name: &str) -> bool {
    matches!(
        name.to_lowercase().as_str(),
        "count" | "sum" | "avg" | "min" | "max" | "group_concat" | "bit_and" | "bit_or" | "bit_xor" | "std" | "stddev" | "variance"
    )
}

/// A column of unknown type.
fn unknown(name: String) -> MysqlViewColumn {
    MysqlViewColumn { name, data_type: None, column_type: String::new(), not_null: false, default: Some("NULL".into()), charset: None, collation: None }
}

/// A NOT NULL value of a type without character set.
fn simple(column_type: &str) -> MysqlViewColumn {
    let data_type = column_type.split(['(', ' ']).next().unwrap_or(column_type).to_string();
    MysqlViewColumn { name: String::new(), data_type: Some(data_type), column_type: column_type.into(), not_null: true, default: None, charset: None, collation: None }
}

/// An integer expression of `width` digits: `int` up to 9, `bigint` beyond.
fn integer(width: u32, unsigned: bool) -> MysqlViewColumn {
    let name = if width <= 9 { "int" } else { "bigint" };
    let suffix = if unsigned { " unsigned" } else { "" };
    simple(&format!("{name}({width}){suffix}"))
}

fn decimal(precision: u32, scale: u32) -> MysqlViewColumn {
    simple(&format!("decimal({},{scale})", precision.min(65)))
}

fn string(column_type: String, data_type: &str, charset: &Charset) -> MysqlViewColumn {
    MysqlViewColumn {
        name: String::new(),
        data_type: Some(data_type.into()),
        column_type,
        not_null: true,
        default: None,
        charset: Some(charset.charset.clone()),
        collation: Some(charset.collation.clone()),
    }
}

/// A truth value (`int(1)`).
fn truth(not_null: bool) -> MysqlViewColumn {
    with_nullability(integer(1, false), not_null)
}

fn current_time(column_type: String, default: String) -> MysqlViewColumn {
    let mut out = simple(&column_type);
    out.default = Some(default);
    out
}

/// Sets an expression's nullability and the default information_schema shows for it: the
/// type's zero value when NOT NULL, the text `NULL` otherwise.
fn with_nullability(mut column: MysqlViewColumn, not_null: bool) -> MysqlViewColumn {
    column.not_null = not_null;
    column.default = if not_null { zero_value(&column) } else { Some("NULL".into()) };
    column
}

fn nullable(column: MysqlViewColumn) -> MysqlViewColumn {
    with_nullability(column, false)
}

/// `min` / `max`: the argument's type, nullable; an argument without any default (NOT NULL,
/// none declared) gives none.
fn aggregate_of(mut column: MysqlViewColumn) -> MysqlViewColumn {
    column.not_null = false;
    column.default = column.default.map(|_| "NULL".into());
    column
}

/// The value a NOT NULL expression column shows as its default.
fn zero_value(column: &MysqlViewColumn) -> Option<String> {
    let data_type = column.data_type.as_deref()?;
    Some(match data_type {
        "int" | "bigint" | "double" => "0".into(),
        "decimal" => match numeric_precision(column) {
            Some((_, 0)) | None => "0".into(),
            Some((_, scale)) => format!("0.{}", "0".repeat(scale as usize)),
        },
        "varchar" | "char" | "text" | "mediumtext" | "longtext" => "''".into(),
        _ => return None,
    })
}

/// A literal: integers are `int(digits)`, decimals `decimal(digits, fraction)`, exponents
/// `double`, strings a varchar in the connection's character set, NULL a `binary(0)`.
fn literal(value: &Value, connection: &Charset) -> MysqlViewColumn {
    match value {
        Value::Number(text, _) if text.chars().all(|c| c.is_ascii_digit()) => with_nullability(integer(text.len() as u32, false), true),
        Value::Number(text, _) if text.contains(['e', 'E']) => with_nullability(simple("double"), true),
        Value::Number(text, _) => match text.split_once('.') {
            Some((whole, fraction)) if (whole.len() + fraction.len()) > 0 => {
                let digits = whole.trim_start_matches('0').len() + fraction.len();
                with_nullability(decimal(digits.max(1) as u32, fraction.len() as u32), true)
            }
            _ => unknown(String::new()),
        },
        Value::SingleQuotedString(text) | Value::DoubleQuotedString(text) => {
            with_nullability(string(format!("varchar({})", text.chars().count()), "varchar", connection), true)
        }
        Value::Boolean(_) => truth(true),
        Value::Null => {
            let mut out = simple("binary(0)");
            out.not_null = false;
            out.default = Some("NULL".into());
            out
        }
        _ => unknown(String::new()),
    }
}

/// The display width and signedness of an integer-typed value.
fn integer_width(column: &MysqlViewColumn) -> Option<(u32, bool)> {
    let data_type = column.data_type.as_deref()?;
    if !matches!(data_type, "tinyint" | "smallint" | "mediumint" | "int" | "bigint") {
        return None;
    }
    let width = column.column_type.split_once('(')?.1.split_once(')')?.0.parse().ok()?;
    Some((width, column.column_type.ends_with(" unsigned")))
}

fn is_float(column: &MysqlViewColumn) -> bool {
    matches!(column.data_type.as_deref(), Some("float" | "double"))
}

/// Decimal digits (precision, scale) of an exact numeric value, as aggregates count them.
fn numeric_precision(column: &MysqlViewColumn) -> Option<(u32, u32)> {
    match column.data_type.as_deref()? {
        "decimal" => {
            let inner = column.column_type.split_once('(')?.1.split_once(')')?.0;
            let (p, s) = inner.split_once(',').unwrap_or((inner, "0"));
            Some((p.trim().parse().ok()?, s.trim().parse().ok()?))
        }
        _ => {
            let (_, unsigned) = integer_width(column)?;
            let digits = match column.data_type.as_deref()? {
                "tinyint" => 3,
                "smallint" => 5,
                "mediumint" => 7 + u32::from(unsigned),
                "int" => 10,
                _ => 19 + u32::from(unsigned),
            };
            Some((digits, 0))
        }
    }
}

/// How many characters a value takes printed as a string.
fn char_length(column: &MysqlViewColumn) -> Option<u32> {
    let inner = || column.column_type.split_once('(')?.1.split_once(')')?.0.parse::<u32>().ok();
    match column.data_type.as_deref()? {
        "varchar" | "char" => inner(),
        "tinyint" | "smallint" | "mediumint" | "int" | "bigint" => integer_width(column).map(|(w, _)| w),
        "date" => Some(10),
        "datetime" | "timestamp" => Some(19 + inner().map_or(0, |fsp| fsp + 1)),
        _ => None,
    }
}

/// The character set of a string built from `args`: the first argument read from a column
/// (its collation wins over literals'), else the connection's.
fn string_charset(args: &[MysqlViewColumn], connection: &Charset) -> Charset {
    args.iter()
        .find(|a| a.charset.is_some() && a.collation.as_deref() != Some(connection.collation.as_str()))
        .and_then(|a| Some(Charset { charset: a.charset.clone()?, collation: a.collation.clone()? }))
        .unwrap_or_else(|| connection.clone())
}
