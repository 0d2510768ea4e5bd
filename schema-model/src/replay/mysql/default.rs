//! Column defaults as information_schema.COLUMNS.COLUMN_DEFAULT prints them on MariaDB 10.11:
//! a constant is converted to the column's type first (`DEFAULT 1.7` on an `int` is `2`,
//! `DEFAULT 5` on a `varchar` is `'5'`, `FALSE` is `0`), strings are quoted, `NULL` is the text
//! `NULL`, `CURRENT_TIMESTAMP`/`now()` is `current_timestamp()`, and other expressions are
//! printed back by the server (operators in parentheses).

use super::expr;
use super::fail::{rejected, unsupported, Step};
use super::types::{MysqlType, TypeClass};
use sqlparser::ast::{Expr, FunctionArguments, UnaryOperator, Value};

/// The default as information_schema prints it.
pub fn render(default: &Expr, ty: &MysqlType, column: &str) -> Step<String> {
    let invalid = || rejected(format!("Invalid default value for '{column}'"));
    if let Some(precision) = current_timestamp(default) {
        if !ty.class.takes_current_timestamp() {
            return invalid();
        }
        return Ok(match precision {
            Some(p) => format!("current_timestamp({p})"),
            None => "current_timestamp()".to_string(),
        });
    }
    if let Some(constant) = constant(default) {
        return match constant {
            Constant::Null => Ok("NULL".to_string()),
            Constant::Number(text) => number_default(&text, ty).map_or_else(invalid, Ok),
            Constant::Text(text) => text_default(&text, ty).map_or_else(invalid, Ok),
            Constant::Bits(text) if ty.class == TypeClass::Bit => Ok(format!("b'{text}'")),
            Constant::Bits(_) => unsupported(format!("bit-literal default on a {} column is not modelled", ty.column_type)),
        };
    }
    if matches!(ty.class, TypeClass::Text | TypeClass::Labels | TypeClass::Json)
        && !matches!(default, Expr::Nested(_) | Expr::Function(_))
    {
        return invalid();
    }
    let printed = expr::print(default).or_else(unsupported)?;
    Ok(match strip(default) {
        Expr::BinaryOp { .. } | Expr::UnaryOp { .. } => format!("({printed})"),
        _ => printed,
    })
}

/// A constant default.
enum Constant {
    Null,
    /// A number as written, with its sign.
    Number(String),
    Text(String),
    /// Digits of a `b'0101'` literal.
    Bits(String),
}

fn strip(expr: &Expr) -> &Expr {
    match expr {
        Expr::Nested(inner) => strip(inner),
        other => other,
    }
}

fn constant(expr: &Expr) -> Option<Constant> {
    match strip(expr) {
        Expr::Value(v) => match &v.value {
            Value::Null => Some(Constant::Null),
            Value::Number(n, _) => Some(Constant::Number(n.to_string())),
            Value::Boolean(b) => Some(Constant::Number(if *b { "1" } else { "0" }.into())),
            Value::SingleQuotedString(s) | Value::DoubleQuotedString(s) => {
                Some(Constant::Text(s.clone()))
            }
            Value::SingleQuotedByteStringLiteral(s) => Some(Constant::Bits(s.clone())),
            Value::HexStringLiteral(h) => {
                u128::from_str_radix(h, 16).ok().map(|n| Constant::Number(n.to_string()))
            }
            _ => None,
        },
        Expr::UnaryOp { op: UnaryOperator::Minus, expr } => match constant(expr)? {
            Constant::Number(n) => Some(Constant::Number(match n.strip_prefix('-') {
                Some(positive) => positive.to_string(),
                None => format!("-{n}"),
            })),
            _ => None,
        },
        Expr::UnaryOp { op: UnaryOperator::Plus, expr } => match constant(expr)? {
            number @ Constant::Number(_) => Some(number),
            _ => None,
        },
        _ => None,
    }
}

/// `CURRENT_TIMESTAMP`, `CURRENT_TIMESTAMP(n)`, `now()`, `LOCALTIMESTAMP`: `Some(precision)`.
fn current_timestamp(expr: &Expr) -> Option<Option<String>> {
    let Expr::Function(f) = strip(expr) else { return None };
    let name = f.name.to_string().to_ascii_lowercase();
    if !matches!(name.as_str(), "current_timestamp" | "now" | "localtimestamp" | "localtime") {
        return None;
    }
    match &f.args {
        FunctionArguments::None => Some(None),
        FunctionArguments::List(list) if list.args.is_empty() => Some(None),
        FunctionArguments::List(list) if list.args.len() == 1 => {
            let text = list.args[0].to_string();
            Some(if text == "0" { None } else { Some(text) })
        }
        _ => None,
    }
}

/// A number (or numeric text) converted to the column's type; `None` when MariaDB rejects it.
fn number_default(text: &str, ty: &MysqlType) -> Option<String> {
    match ty.class {
        TypeClass::Text | TypeClass::Binary | TypeClass::Json => Some(expr::quote_string(text)),
        TypeClass::Labels => None,
        _ => numeric(text, ty),
    }
}

/// A string literal converted to the column's type; `None` when MariaDB rejects it.
fn text_default(text: &str, ty: &MysqlType) -> Option<String> {
    match ty.class {
        TypeClass::Text | TypeClass::Binary | TypeClass::Json | TypeClass::Uuid => {
            Some(expr::quote_string(text))
        }
        TypeClass::Labels => match &ty.logical {
            crate::catalog::LogicalType::Enum { labels, .. } => {
                labels.iter().any(|l| l.eq_ignore_ascii_case(text)).then(|| expr::quote_string(text))
            }
            _ => Some(expr::quote_string(text)),
        },
        TypeClass::Date => is_date(text).then(|| expr::quote_string(text)),
        TypeClass::DateTime | TypeClass::Timestamp => datetime(text).map(|t| expr::quote_string(&t)),
        TypeClass::Time => time(text).map(|t| expr::quote_string(&t)),
        _ => numeric(text.trim(), ty),
    }
}

/// A number printed as the numeric column type stores it.
fn numeric(text: &str, ty: &MysqlType) -> Option<String> {
    let value: f64 = text.parse().ok()?;
    match ty.class {
        TypeClass::Integer | TypeClass::Year => {
            let rounded = value.round();
            let unsigned = ty.column_type.ends_with("unsigned");
            if unsigned && rounded < 0.0 {
                return None;
            }
            Some(format!("{rounded:.0}"))
        }
        TypeClass::Decimal { scale } => Some(format!("{:.*}", scale as usize, value)),
        TypeClass::Float => Some(format!("{value}")),
        TypeClass::Bit => {
            let n = value as u64;
            Some(format!("b'{n:b}'"))
        }
        _ => None,
    }
}

fn is_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    parts.len() == 3
        && parts[0].len() == 4
        && parts[1].len() == 2
        && parts[2].len() == 2
        && parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit()))
}

/// `YYYY-MM-DD[ HH:MM[:SS]]` as MariaDB stores it: `YYYY-MM-DD HH:MM:SS`.
fn datetime(text: &str) -> Option<String> {
    let (date, clock) = match text.split_once(' ') {
        Some((d, c)) => (d, Some(c)),
        None => (text, None),
    };
    if !is_date(date) {
        return None;
    }
    Some(format!("{date} {}", clock.map_or(Some("00:00:00".to_string()), time)?))
}

/// `HH:MM[:SS]` as MariaDB stores it: `HH:MM:SS`.
fn time(text: &str) -> Option<String> {
    let parts: Vec<&str> = text.split(':').collect();
    if !(2..=3).contains(&parts.len()) || !parts.iter().all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit())) {
        return None;
    }
    let seconds = parts.get(2).copied().unwrap_or("00");
    Some(format!("{:0>2}:{:0>2}:{:0>2}", parts[0], parts[1], seconds))
}

#[cfg(test)]
mod tests {
    use super::super::types::resolve;
    use super::*;
    use sqlparser::ast::Statement;
    use sqlparser::dialect::MySqlDialect;
    use sqlparser::parser::Parser;

    fn default_of(column: &str) -> String {
        let sql = format!("CREATE TABLE t ({column})");
        let Statement::CreateTable(create) = Parser::parse_sql(&MySqlDialect {}, &sql).unwrap().remove(0)
        else {
            panic!("not a create table")
        };
        let col = &create.columns[0];
        let ty = resolve(&col.data_type).unwrap();
        let expr = col
            .options
            .iter()
            .find_map(|o| match &o.option {
                sqlparser::ast::ColumnOption::Default(e) => Some(e.clone()),
                _ => None,
            })
            .unwrap();
        match render(&expr, &ty, &col.name.value) {
            Ok(text) => text,
            Err(e) => format!("{e:?}"),
        }
    }

    /// Spellings observed on MariaDB 10.11.
    #[test]
    fn renders_like_information_schema() {
        let cases = [
            ("a int DEFAULT 0", "0"),
            ("a boolean DEFAULT FALSE", "0"),
            ("a boolean DEFAULT true", "1"),
            ("a float DEFAULT 1.5", "1.5"),
            ("a decimal(5,2) DEFAULT 1.5", "1.50"),
            ("a int DEFAULT '5'", "5"),
            ("a varchar(5) DEFAULT 5", "'5'"),
            ("a date DEFAULT '2020-01-01'", "'2020-01-01'"),
            ("a bit(1) DEFAULT b'1'", "b'1'"),
            ("a int DEFAULT -1", "-1"),
            ("a int DEFAULT (1+2*3)", "(1 + 2 * 3)"),
            ("a varchar(10) DEFAULT (concat('a','b'))", "concat('a','b')"),
            ("a varchar(10) DEFAULT 'it''s'", "'it''s'"),
            ("a timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP", "current_timestamp()"),
            ("a datetime(3) DEFAULT CURRENT_TIMESTAMP(3)", "current_timestamp(3)"),
            ("a datetime DEFAULT now()", "current_timestamp()"),
            ("a int DEFAULT NULL", "NULL"),
            ("a double DEFAULT 1e3", "1000"),
            ("a int DEFAULT 1.7", "2"),
            ("a decimal(5,2) DEFAULT -0.5", "-0.50"),
            ("a time DEFAULT '10:00'", "'10:00:00'"),
            ("a year DEFAULT 2020", "2020"),
            ("a int DEFAULT +4", "4"),
            ("a decimal(4,1) DEFAULT '3'", "3.0"),
            ("a enum('x','y') DEFAULT 'y'", "'y'"),
        ];
        for (column, expected) in cases {
            assert_eq!(default_of(column), expected, "{column}");
        }
        assert!(default_of("a int DEFAULT 'abc'").contains("Invalid default value for 'a'"));
        assert!(default_of("a enum('x') DEFAULT 'z'").contains("Invalid default value for 'a'"));
        assert!(default_of("a int DEFAULT CURRENT_TIMESTAMP").contains("Invalid default value"));
    }
}
