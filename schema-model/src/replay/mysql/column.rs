//! One column definition (`CREATE TABLE`, `ADD`/`MODIFY`/`CHANGE COLUMN`) turned into a
//! catalog column with information_schema's spellings, plus the keys, foreign keys and checks
//! written inline on it.

use super::charset::{self, Charset};
use super::constraints::{CheckDraft, FkDraft};
use super::default;
use super::expr;
use super::fail::{rejected, unsupported, Fail, Step};
use super::keys::{KeyDraft, KeyKind, PartDraft};
use super::types::{self, TypeClass};
use super::Ctx;
use crate::catalog::{Column, ColumnType, Provenance};
use sqlparser::ast::{ColumnOption, DataType, Expr, GeneratedExpressionMode, Ident};
use sqlparser::keywords::Keyword;
use sqlparser::tokenizer::Token;

/// A column with what was declared inline on it.
pub struct BuiltColumn {
    pub column: Column,
    pub keys: Vec<KeyDraft>,
    pub foreign_keys: Vec<FkDraft>,
    pub checks: Vec<CheckDraft>,
}

/// Builds a column named `name` of `data_type` with `options` (each with its optional
/// `CONSTRAINT name`), inheriting the table's character set.
pub fn build(
    ctx: &Ctx,
    name: &Ident,
    data_type: &DataType,
    options: &[(Option<&Ident>, &ColumnOption)],
    table_charset: &Charset,
) -> Step<BuiltColumn> {
    let column_name = name.value.clone();
    let serial = matches!(data_type, DataType::Custom(n, args) if args.is_empty() && n.to_string().eq_ignore_ascii_case("serial"));
    let ty = if serial {
        types::resolve(&DataType::BigIntUnsigned(None))
    } else {
        types::resolve(data_type)
    }
    .map_err(Fail::Unsupported)?;
    let provenance = Provenance::new(ctx.at);
    let mut built = BuiltColumn {
        column: Column::new(
            column_name.clone(),
            ColumnType { engine: ty.column_type.clone(), logical: ty.logical.clone(), enforced: true },
            ctx.at,
        ),
        keys: Vec::new(),
        foreign_keys: Vec::new(),
        checks: Vec::new(),
    };
    let mut explicit_null = false;
    let mut default_expr: Option<&Expr> = None;
    let mut charset_name: Option<String> = None;
    let mut collation_name: Option<String> = None;
    let mut on_update: Option<&Expr> = None;
    let column = &mut built.column;
    column.mysql.data_type = Some(ty.data_type.clone());
    if serial {
        // SERIAL is BIGINT UNSIGNED NOT NULL AUTO_INCREMENT UNIQUE.
        column.not_null = true;
        column.mysql.auto_increment = true;
        built.keys.push(column_key(KeyKind::Unique, &column_name, &provenance));
    }
    for (constraint_name, option) in options {
        match option {
            ColumnOption::Null => {
                explicit_null = true;
                column.not_null = false;
            }
            ColumnOption::NotNull => column.not_null = true,
            ColumnOption::Default(e) => default_expr = Some(e),
            ColumnOption::PrimaryKey(_) => built.keys.push(column_key(KeyKind::Primary, &column_name, &provenance)),
            ColumnOption::Unique(_) => built.keys.push(column_key(KeyKind::Unique, &column_name, &provenance)),
            ColumnOption::ForeignKey(fk) => {
                let mut draft = FkDraft::from_ast(fk, &provenance);
                draft.columns = vec![column_name.clone()];
                if let Some(n) = constraint_name {
                    draft.constraint = Some(n.value.clone());
                }
                built.foreign_keys.push(draft);
            }
            ColumnOption::Check(check) => built.checks.push(CheckDraft {
                name: Some(
                    constraint_name
                        .map(|n| n.value.clone())
                        .or_else(|| check.name.as_ref().map(|n| n.value.clone()))
                        .unwrap_or_else(|| column_name.clone()),
                ),
                clause: expr::print(&check.expr).map_err(Fail::Unsupported)?,
                provenance: provenance.clone(),
            }),
            ColumnOption::DialectSpecific(tokens) if is_auto_increment(tokens) => {
                column.mysql.auto_increment = true;
            }
            ColumnOption::CharacterSet(name) => charset_name = Some(name.to_string()),
            ColumnOption::Collation(name) => collation_name = Some(name.to_string()),
            ColumnOption::Comment(text) => column.comment = Some(text.clone()),
            ColumnOption::OnUpdate(e) => on_update = Some(e),
            ColumnOption::Generated { generation_expr: Some(e), generation_expr_mode, .. } => {
                column.generated = Some(expr::print(e).map_err(Fail::Unsupported)?);
                column.mysql.extra = match generation_expr_mode {
                    Some(GeneratedExpressionMode::Stored) => "STORED GENERATED",
                    _ => "VIRTUAL GENERATED",
                }
                .to_string();
            }
            other => return unsupported(format!("column option `{other}` is not modelled for MariaDB")),
        }
    }
    if explicit_null && built.keys.iter().any(|k| k.kind == KeyKind::Primary) {
        return rejected("All parts of a PRIMARY KEY must be NOT NULL; if you need NULL in a key, use UNIQUE instead");
    }
    if ty.class.has_charset() {
        let settled = if ty.class == TypeClass::Json {
            charset::by_collation("utf8mb4_bin").map_err(Fail::Rejected)?
        } else {
            charset::settle(charset_name.as_deref(), collation_name.as_deref(), table_charset)
                .map_err(Fail::Rejected)?
        };
        if (collation_name.is_some() || charset_name.is_some()) && settled.collation != table_charset.collation {
            column.collation = Some(settled.collation.clone());
        }
        column.mysql.charset = Some(settled.charset);
        column.mysql.collation = Some(settled.collation);
    } else if charset_name.is_some() || collation_name.is_some() {
        return unsupported(format!("a character set on a {} column is not modelled", ty.column_type));
    }
    if ty.class == TypeClass::Json {
        built.checks.push(CheckDraft {
            name: Some(column_name.clone()),
            clause: format!("json_valid({})", expr::quote_ident(&column_name)),
            provenance: provenance.clone(),
        });
    }
    if let Some(e) = on_update {
        match default::render(e, &ty, &column_name) {
            Ok(now) if ty.class.takes_current_timestamp() && now.starts_with("current_timestamp") => {
                column.mysql.extra = format!("on update {now}");
            }
            _ => return rejected(format!("Invalid ON UPDATE clause for '{column_name}' column")),
        }
    }
    column.default = match default_expr {
        Some(e) => {
            if column.mysql.auto_increment || column.generated.is_some() {
                return rejected(format!("Invalid default value for '{column_name}'"));
            }
            let text = default::render(e, &ty, &column_name)?;
            if text == "NULL" && column.not_null {
                return rejected(format!("Invalid default value for '{column_name}'"));
            }
            Some(text)
        }
        None if column.not_null || column.mysql.auto_increment => None,
        None => Some("NULL".to_string()),
    };
    if column.mysql.auto_increment {
        column.not_null = true;
        if !matches!(ty.class, TypeClass::Integer | TypeClass::Float) {
            return rejected(format!("Incorrect column specifier for column '{column_name}'"));
        }
        column.mysql.extra = "auto_increment".to_string();
    }
    Ok(built)
}

/// A key declared on the column itself (`PRIMARY KEY`, `UNIQUE`).
fn column_key(kind: KeyKind, column: &str, provenance: &Provenance) -> KeyDraft {
    KeyDraft {
        name: None,
        kind,
        parts: vec![PartDraft { column: column.to_string(), sub_part: None, descending: false }],
        generated: false,
        provenance: provenance.clone(),
    }
}

fn is_auto_increment(tokens: &[Token]) -> bool {
    matches!(tokens, [Token::Word(w)] if w.keyword == Keyword::AUTO_INCREMENT)
}
