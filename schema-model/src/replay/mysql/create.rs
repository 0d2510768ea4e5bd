//! `CREATE TABLE`: columns, inline and table-level keys, foreign keys and checks, in the
//! order they are written (MariaDB names unnamed keys and foreign keys in that order), and
//! the table options `ENGINE`, `[DEFAULT] CHARSET`, `COLLATE`, `COMMENT`, `AUTO_INCREMENT`.

use super::charset::{self, Charset};
use super::column::{self, BuiltColumn};
use super::constraints::{self, key_part, CheckDraft, FkDraft};
use super::expr;
use super::fail::{rejected, unsupported, Fail, Step};
use super::keys::{self, same_name, KeyDraft, KeyKind};
use super::{key, table_name, Ctx};
use crate::catalog::{Catalog, Provenance, Table};
use sqlparser::ast::{
    ColumnDef, CreateTable, CreateTableOptions, SqlOption, Spanned, TableConstraint,
};

/// What a table definition (or an ALTER TABLE) adds besides columns.
#[derive(Default)]
pub struct Additions {
    pub keys: Vec<KeyDraft>,
    pub foreign_keys: Vec<FkDraft>,
    pub checks: Vec<CheckDraft>,
}

impl Additions {
    /// Takes what a column declared inline.
    pub fn take_column(&mut self, built: &mut BuiltColumn) {
        self.keys.append(&mut built.keys);
        for fk in built.foreign_keys.drain(..) {
            self.keys.push(fk.generated_key());
            self.foreign_keys.push(fk);
        }
        self.checks.append(&mut built.checks);
    }

    /// Takes a table-level constraint.
    pub fn take_constraint(&mut self, constraint: &TableConstraint, provenance: &Provenance) -> Step<()> {
        let parts = |columns: &[sqlparser::ast::IndexColumn]| columns.iter().map(key_part).collect::<Step<Vec<_>>>();
        let draft = |name: Option<String>, kind, parts| KeyDraft { name, kind, parts, generated: false, provenance: provenance.clone() };
        match constraint {
            TableConstraint::PrimaryKey(pk) => self.keys.push(draft(None, KeyKind::Primary, parts(&pk.columns)?)),
            TableConstraint::Unique(u) => {
                let name = u.index_name.as_ref().or(u.name.as_ref()).map(|n| n.value.clone());
                self.keys.push(draft(name, KeyKind::Unique, parts(&u.columns)?));
            }
            TableConstraint::Index(i) => {
                self.keys.push(draft(i.name.as_ref().map(|n| n.value.clone()), KeyKind::Multiple, parts(&i.columns)?))
            }
            TableConstraint::FulltextOrSpatial(f) => {
                let kind = if f.fulltext { KeyKind::Fulltext } else { KeyKind::Spatial };
                self.keys.push(draft(f.opt_index_name.as_ref().map(|n| n.value.clone()), kind, parts(&f.columns)?));
            }
            TableConstraint::ForeignKey(fk) => {
                let fk = FkDraft::from_ast(fk, provenance);
                self.keys.push(fk.generated_key());
                self.foreign_keys.push(fk);
            }
            TableConstraint::Check(check) => self.checks.push(CheckDraft {
                name: check.name.as_ref().map(|n| n.value.clone()),
                clause: expr::print(&check.expr).map_err(Fail::Unsupported)?,
                provenance: provenance.clone(),
            }),
            other => return unsupported(format!("constraint `{other}` is not modelled for MariaDB")),
        }
        Ok(())
    }
}

/// Builds a column from a `ColumnDef`.
pub fn build_column(ctx: &Ctx, def: &ColumnDef, table_charset: &Charset) -> Step<BuiltColumn> {
    let options: Vec<_> = def.options.iter().map(|o| (o.name.as_ref(), &o.option)).collect();
    column::build(ctx, &def.name, &def.data_type, &options, table_charset)
}

/// Settles keys, the auto-increment column, foreign keys and checks of a table being defined.
pub fn finish(ctx: &Ctx, catalog: &Catalog, table: &mut Table, additions: Additions, creating: bool) -> Step<()> {
    keys::settle(table, additions.keys)?;
    let auto: Vec<&str> = table.columns.iter().filter(|c| c.mysql.auto_increment).map(|c| c.name.as_str()).collect();
    let keyed = |name: &str| table.indexes.iter().any(|i| i.keys.first().and_then(|k| k.column.as_deref()).is_some_and(|c| same_name(c, name)));
    if auto.len() > 1 || auto.first().is_some_and(|a| !keyed(a)) {
        return rejected("Incorrect table definition; there can be only one auto column and it must be defined as a key");
    }
    constraints::add_foreign_keys(ctx, catalog, table, additions.foreign_keys, creating)?;
    constraints::add_checks(table, additions.checks)
}

/// Applies `CREATE TABLE`; `Ok(false)` when `IF NOT EXISTS` found the table.
pub fn create_table(ctx: &Ctx, catalog: &mut Catalog, create: &CreateTable, schema: &Charset) -> Step<bool> {
    if create.temporary || create.or_replace || create.query.is_some() || create.like.is_some()
        || create.clone.is_some() || create.partition_by.is_some()
    {
        return unsupported("this form of CREATE TABLE (TEMPORARY, OR REPLACE, AS SELECT, LIKE, PARTITION BY) is not modelled");
    }
    let name = table_name(&create.name)?;
    if catalog.tables.contains_key(&key(&name)) {
        return if create.if_not_exists { Ok(false) } else { rejected(format!("Table '{name}' already exists")) };
    }
    let mut table = Table::new(key(&name), ctx.at);
    let table_charset = table_options(&mut table, &create.table_options, schema)?;
    enum Item<'a> {
        Column(&'a ColumnDef),
        Constraint(&'a TableConstraint),
    }
    let mut items: Vec<(sqlparser::tokenizer::Location, Item)> = create
        .columns
        .iter()
        .map(|c| (c.span().start, Item::Column(c)))
        .chain(create.constraints.iter().map(|c| (c.span().start, Item::Constraint(c))))
        .collect();
    items.sort_by_key(|(at, _)| (at.line, at.column));
    let provenance = Provenance::new(ctx.at);
    let mut additions = Additions::default();
    for (_, item) in items {
        match item {
            Item::Column(def) => {
                let mut built = build_column(ctx, def, &table_charset)?;
                if table.columns.iter().any(|c| same_name(&c.name, &built.column.name)) {
                    return rejected(format!("Duplicate column name '{}'", built.column.name));
                }
                additions.take_column(&mut built);
                table.columns.push(built.column);
            }
            Item::Constraint(constraint) => additions.take_constraint(constraint, &provenance)?,
        }
    }
    if table.columns.is_empty() {
        return rejected("A table must have at least 1 column");
    }
    finish(ctx, catalog, &mut table, additions, true)?;
    catalog.tables.insert(key(&name), table);
    Ok(true)
}

/// Reads the table options into `table`; returns the table's character set.
fn table_options(table: &mut Table, options: &CreateTableOptions, schema: &Charset) -> Step<Charset> {
    let list: &[SqlOption] = match options {
        CreateTableOptions::None => &[],
        CreateTableOptions::Plain(list) | CreateTableOptions::With(list) | CreateTableOptions::Options(list) => list,
        CreateTableOptions::TableProperties(_) => return unsupported("TBLPROPERTIES is not MariaDB syntax"),
    };
    let mut charset_name: Option<String> = None;
    let mut collation_name: Option<String> = None;
    table.mysql.engine = Some("InnoDB".to_string());
    for option in list {
        match option {
            SqlOption::NamedParenthesizedList(named) if named.key.value.eq_ignore_ascii_case("ENGINE") => {
                let engine = named.name.as_ref().map(|n| n.value.clone()).unwrap_or_default();
                if !engine.eq_ignore_ascii_case("innodb") {
                    return unsupported(format!("tables of engine {engine} are not modelled (only InnoDB)"));
                }
            }
            SqlOption::KeyValue { key, value } => {
                let text = value.to_string().trim_matches('\'').to_string();
                match key.value.to_ascii_uppercase().as_str() {
                    "DEFAULT CHARSET" | "CHARSET" | "CHARACTER SET" | "DEFAULT CHARACTER SET" => charset_name = Some(text),
                    "COLLATE" | "DEFAULT COLLATE" => collation_name = Some(text),
                    "AUTO_INCREMENT" => {
                        table.mysql.auto_increment = Some(text.parse().map_err(|_| Fail::Parse(format!("AUTO_INCREMENT value {text} is not a number")))?)
                    }
                    "ROW_FORMAT" | "KEY_BLOCK_SIZE" | "STATS_PERSISTENT" | "PACK_KEYS" => {}
                    other => return unsupported(format!("table option {other} is not modelled")),
                }
            }
            SqlOption::Comment(comment) => {
                let text = match comment {
                    sqlparser::ast::CommentDef::WithEq(t) | sqlparser::ast::CommentDef::WithoutEq(t) => t.clone(),
                };
                table.comment = Some(text);
            }
            other => return unsupported(format!("table option `{other}` is not modelled")),
        }
    }
    let settled = charset::settle(charset_name.as_deref(), collation_name.as_deref(), schema).map_err(Fail::Rejected)?;
    table.mysql.charset = Some(settled.charset.clone());
    table.mysql.collation = Some(settled.collation.clone());
    Ok(settled)
}

/// The character set of an existing table.
pub fn charset_of(table: &Table, schema: &Charset) -> Charset {
    match (&table.mysql.charset, &table.mysql.collation) {
        (Some(charset), Some(collation)) => Charset { charset: charset.clone(), collation: collation.clone() },
        _ => schema.clone(),
    }
}
