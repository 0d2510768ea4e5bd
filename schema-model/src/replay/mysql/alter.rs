//! `ALTER TABLE` (and `CREATE INDEX` / `DROP INDEX`, which MariaDB runs as one): the table is
//! rebuilt from its current definition with every operation applied, then keys, foreign keys
//! and checks are settled again exactly as for `CREATE TABLE`. A failing operation leaves the
//! table as it was.

use super::charset::Charset;
use super::column::BuiltColumn;
use super::create::{self, Additions};
use super::fail::{rejected, unsupported, Step};
use super::keys::{same_name, KeyDraft, KeyKind};
use super::{key, table_name, tables, Ctx};
use crate::catalog::{Catalog, Column, Provenance, Table};
use sqlparser::ast::{
    AlterColumnOperation, AlterTable, AlterTableOperation, Ident, MySQLColumnPosition,
    RenameTableNameKind,
};

/// A table being altered.
pub struct Alteration {
    pub table: Table,
    pub keys: Vec<KeyDraft>,
    pub additions: Additions,
    pub new_name: Option<String>,
    /// Columns renamed by the statement (old, new), for other tables' foreign keys.
    renamed_columns: Vec<(String, String)>,
    charset: Charset,
}

impl Alteration {
    /// Starts altering `name`, or fails as MariaDB does when it does not exist.
    pub fn begin(ctx: &Ctx, catalog: &Catalog, name: &str) -> Step<Alteration> {
        let Some(existing) = catalog.tables.get(&key(name)) else {
            return rejected(format!("Table '{}' doesn't exist", ctx.qualified(name)));
        };
        let mut table = existing.clone();
        table.provenance.touch(ctx.at);
        let keys = table.indexes.iter().map(|i| KeyDraft::of_index(i, &table)).collect();
        let schema = Charset {
            charset: catalog.mysql.charset.clone().unwrap_or_else(|| "utf8mb4".into()),
            collation: catalog.mysql.collation.clone().unwrap_or_else(|| "utf8mb4_general_ci".into()),
        };
        let charset = create::charset_of(&table, &schema);
        Ok(Alteration { table, keys, additions: Additions::default(), new_name: None, renamed_columns: Vec::new(), charset })
    }

    /// Settles the new definition and puts it in the catalog; the catalog is left untouched
    /// when the statement fails.
    pub fn finish(self, ctx: &Ctx, catalog: &mut Catalog) -> Step<()> {
        let Alteration { mut table, mut keys, mut additions, new_name, renamed_columns, .. } = self;
        keys.append(&mut additions.keys);
        additions.keys = keys;
        create::finish(ctx, catalog, &mut table, additions, false)?;
        let old_name = table.name.name.clone();
        if let Some(new_name) = new_name.as_deref().filter(|n| *n != old_name && catalog.tables.contains_key(&key(n))) {
            return rejected(format!("Table '{new_name}' already exists"));
        }
        for other in catalog.tables.values_mut().filter(|t| t.name.name != old_name) {
            for fk in other.foreign_keys.iter_mut().filter(|fk| fk.ref_table.name == old_name) {
                for column in &mut fk.ref_columns {
                    if let Some((_, new)) = renamed_columns.iter().find(|(old, _)| same_name(old, column)) {
                        *column = new.clone();
                    }
                }
            }
        }
        catalog.tables.insert(key(&old_name), table);
        if let Some(new_name) = new_name {
            tables::rename_table(ctx, catalog, &old_name, &new_name)?;
        }
        Ok(())
    }

    fn position_of(&self, name: &str) -> Option<usize> {
        self.table.columns.iter().position(|c| same_name(&c.name, name))
    }

    fn unknown_column(&self, name: &str) -> String {
        format!("Unknown column '{name}' in '{}'", self.table.name.name)
    }

    /// Places `column` at `position` (or at the end / where `replacing` was).
    fn place(&mut self, mut built: BuiltColumn, position: Option<&MySQLColumnPosition>, replacing: Option<usize>) -> Step<()> {
        self.additions.take_column(&mut built);
        let column = built.column;
        let mut index = match replacing {
            Some(i) => {
                self.table.columns.remove(i);
                i
            }
            None => self.table.columns.len(),
        };
        match position {
            None => {}
            Some(MySQLColumnPosition::First) => index = 0,
            Some(MySQLColumnPosition::After(after)) => match self.position_of(&after.value) {
                Some(i) => index = i + 1,
                None => return rejected(self.unknown_column(&after.value)),
            },
        }
        self.table.columns.insert(index.min(self.table.columns.len()), column);
        Ok(())
    }

    /// Renames a column in the table's keys and foreign keys (and, in `finish`, in other
    /// tables' foreign keys that reference it).
    fn rename_column(&mut self, old: &str, new: &str) {
        self.renamed_columns.push((old.to_string(), new.to_string()));
        for draft in &mut self.keys {
            for part in &mut draft.parts {
                if same_name(&part.column, old) {
                    part.column = new.to_string();
                }
            }
        }
        for fk in &mut self.table.foreign_keys {
            for c in &mut fk.columns {
                if same_name(c, old) {
                    *c = new.to_string();
                }
            }
            if fk.ref_table == self.table.name {
                for c in &mut fk.ref_columns {
                    if same_name(c, old) {
                        *c = new.to_string();
                    }
                }
            }
        }
    }

    fn check_uses(&self, column: &str) -> Step<()> {
        let quoted = format!("`{}`", column.to_lowercase());
        if self.table.checks.iter().any(|c| c.definition.to_lowercase().contains(&quoted)) {
            return unsupported(format!("changing column '{column}' used by a CHECK constraint is not modelled"));
        }
        Ok(())
    }

    /// Replaces column `old` by a new definition (MODIFY / CHANGE).
    fn redefine(&mut self, ctx: &Ctx, old: &Ident, new: &Ident, data_type: &sqlparser::ast::DataType, options: &[sqlparser::ast::ColumnOption], position: Option<&MySQLColumnPosition>) -> Step<()> {
        let Some(index) = self.position_of(&old.value) else {
            return rejected(self.unknown_column(&old.value));
        };
        if !same_name(&old.value, &new.value) && self.position_of(&new.value).is_some() {
            return rejected(format!("Duplicate column name '{}'", new.value));
        }
        let old_name = self.table.columns[index].name.clone();
        if old_name != new.value {
            self.check_uses(&old_name)?;
            self.rename_column(&old_name, &new.value);
        }
        let options: Vec<_> = options.iter().map(|o| (None, o)).collect();
        let mut built = super::column::build(ctx, new, data_type, &options, &self.charset)?;
        built.column.provenance = Provenance { created: self.table.columns[index].provenance.created.clone(), changed: ctx.at.clone() };
        self.place(built, position, Some(index))
    }

    fn drop_column(&mut self, ctx: &Ctx, catalog: &Catalog, name: &str, if_exists: bool) -> Step<()> {
        let Some(index) = self.position_of(name) else {
            return if if_exists { Ok(()) } else { rejected(format!("Can't DROP COLUMN `{name}`; check that it exists")) };
        };
        let column = self.table.columns[index].name.clone();
        self.check_uses(&column)?;
        // A unique key cannot silently lose one of its columns (uniqueness would change).
        let in_unique = self.keys.iter().any(|d| {
            matches!(d.kind, KeyKind::Primary | KeyKind::Unique)
                && d.parts.len() > 1
                && d.parts.iter().any(|p| same_name(&p.column, &column))
        });
        if in_unique {
            return rejected(format!("Key column '{column}' doesn't exist in table"));
        }
        // The column leaves every key; a key left without columns is dropped like DROP INDEX.
        let emptied: Vec<String> = self
            .keys
            .iter()
            .filter(|d| d.parts.iter().all(|p| same_name(&p.column, &column)))
            .map(|d| if d.kind == KeyKind::Primary { "PRIMARY".to_string() } else { d.name.clone().unwrap_or_default() })
            .collect();
        for key_name in emptied {
            self.drop_key(ctx, &key_name)?;
        }
        for draft in &mut self.keys {
            draft.parts.retain(|p| !same_name(&p.column, &column));
        }
        if let Some(fk) = self.table.foreign_keys.iter().find(|fk| fk.columns.iter().any(|c| same_name(c, &column))) {
            return rejected(format!("Cannot drop column '{column}': needed in a foreign key constraint '{}'", fk.name));
        }
        for other in catalog.tables.values().filter(|t| t.name != self.table.name) {
            if let Some(fk) = other.foreign_keys.iter().find(|fk| fk.ref_table == self.table.name && fk.ref_columns.iter().any(|c| same_name(c, &column))) {
                return rejected(format!(
                    "Cannot drop column '{column}': needed in a foreign key constraint '{}' of table '{}'",
                    fk.name, other.name.name
                ));
            }
        }
        self.table.columns.remove(index);
        if self.table.columns.is_empty() {
            return rejected("You can't delete all columns with ALTER TABLE; use DROP TABLE instead");
        }
        Ok(())
    }

    /// `DROP INDEX name` / `DROP PRIMARY KEY`.
    pub fn drop_key(&mut self, ctx: &Ctx, name: &str) -> Step<()> {
        let Some(index) = self.keys.iter().position(|d| match &d.name {
            _ if d.kind == KeyKind::Primary => same_name(name, "PRIMARY"),
            Some(n) => same_name(n, name),
            None => false,
        }) else {
            return rejected(format!("Can't DROP INDEX `{name}`; check that it exists"));
        };
        let dropped = self.keys.remove(index);
        if ctx.foreign_key_checks {
            let served = |columns: &[String], keys: &[KeyDraft]| {
                keys.iter().any(|k| k.parts.len() >= columns.len() && k.parts.iter().zip(columns).all(|(p, c)| same_name(&p.column, c)))
            };
            let needed = self.table.foreign_keys.iter().any(|fk| {
                served(&fk.columns, std::slice::from_ref(&dropped)) && !served(&fk.columns, &self.keys)
            });
            if needed {
                return rejected(format!("Cannot drop index '{name}': needed in a foreign key constraint"));
            }
        }
        Ok(())
    }

    fn drop_foreign_key(&mut self, name: &str) -> Step<()> {
        match self.table.foreign_keys.iter().position(|fk| fk.name.eq_ignore_ascii_case(name)) {
            Some(i) => {
                self.table.foreign_keys.remove(i);
                Ok(())
            }
            None => rejected(format!("Can't DROP FOREIGN KEY `{name}`; check that it exists")),
        }
    }

    fn drop_constraint(&mut self, ctx: &Ctx, name: &str, if_exists: bool) -> Step<()> {
        if let Some(i) = self.table.checks.iter().position(|c| c.name.eq_ignore_ascii_case(name)) {
            self.table.checks.remove(i);
            return Ok(());
        }
        if self.table.foreign_keys.iter().any(|fk| fk.name.eq_ignore_ascii_case(name)) {
            return self.drop_foreign_key(name);
        }
        if self.keys.iter().any(|d| d.kind == KeyKind::Unique && d.name.as_deref().is_some_and(|n| same_name(n, name))) {
            return self.drop_key(ctx, name);
        }
        if if_exists {
            return Ok(());
        }
        rejected(format!("Can't DROP CONSTRAINT `{name}`; check that it exists"))
    }

    fn alter_column(&mut self, ctx: &Ctx, name: &Ident, op: &AlterColumnOperation) -> Step<()> {
        let Some(index) = self.position_of(&name.value) else {
            return rejected(self.unknown_column(&name.value));
        };
        let column: &mut Column = &mut self.table.columns[index];
        match op {
            AlterColumnOperation::SetDefault { value } => {
                let ty = super::types::resolve(&parse_type(&column.ty.engine)?).map_err(super::fail::Fail::Unsupported)?;
                let text = super::default::render(value, &ty, &column.name)?;
                if text == "NULL" && column.not_null {
                    return rejected(format!("Invalid default value for '{}'", column.name));
                }
                column.default = Some(text);
            }
            AlterColumnOperation::DropDefault => {
                column.default = if column.not_null { None } else { Some("NULL".to_string()) }
            }
            other => return unsupported(format!("ALTER COLUMN {other} is not MariaDB syntax")),
        }
        column.provenance.touch(ctx.at);
        Ok(())
    }
}

/// Re-parses a column type spelled as information_schema prints it.
fn parse_type(spelled: &str) -> Step<sqlparser::ast::DataType> {
    let sql = format!("CREATE TABLE t (c {spelled})");
    match sqlparser::parser::Parser::parse_sql(&sqlparser::dialect::MySqlDialect {}, &sql) {
        Ok(mut statements) => match statements.remove(0) {
            sqlparser::ast::Statement::CreateTable(create) => Ok(create.columns[0].data_type.clone()),
            _ => unsupported(format!("type {spelled} cannot be read back")),
        },
        Err(e) => unsupported(format!("type {spelled} cannot be read back: {e}")),
    }
}

/// Applies `ALTER TABLE`.
pub fn alter_table(ctx: &Ctx, catalog: &mut Catalog, alter: &AlterTable) -> Step<()> {
    let name = table_name(&alter.name)?;
    if alter.if_exists && !catalog.tables.contains_key(&key(&name)) {
        return Ok(());
    }
    let mut work = Alteration::begin(ctx, catalog, &name)?;
    let provenance = Provenance::new(ctx.at);
    for op in &alter.operations {
        match op {
            AlterTableOperation::AddColumn { if_not_exists, column_def, column_position, .. } => {
                if work.position_of(&column_def.name.value).is_some() {
                    if *if_not_exists {
                        continue;
                    }
                    return rejected(format!("Duplicate column name '{}'", column_def.name.value));
                }
                let built = create::build_column(ctx, column_def, &work.charset)?;
                work.place(built, column_position.as_ref(), None)?;
            }
            AlterTableOperation::DropColumn { column_names, if_exists, .. } => {
                for column in column_names {
                    work.drop_column(ctx, catalog, &column.value, *if_exists)?;
                }
            }
            AlterTableOperation::ModifyColumn { col_name, data_type, options, column_position } => {
                work.redefine(ctx, col_name, col_name, data_type, options, column_position.as_ref())?
            }
            AlterTableOperation::ChangeColumn { old_name, new_name, data_type, options, column_position } => {
                work.redefine(ctx, old_name, new_name, data_type, options, column_position.as_ref())?
            }
            AlterTableOperation::RenameColumn { old_column_name, new_column_name } => {
                let Some(index) = work.position_of(&old_column_name.value) else {
                    return rejected(work.unknown_column(&old_column_name.value));
                };
                if !same_name(&old_column_name.value, &new_column_name.value) && work.position_of(&new_column_name.value).is_some() {
                    return rejected(format!("Duplicate column name '{}'", new_column_name.value));
                }
                let old = work.table.columns[index].name.clone();
                work.check_uses(&old)?;
                work.rename_column(&old, &new_column_name.value);
                let column = &mut work.table.columns[index];
                column.name = new_column_name.value.clone();
                column.provenance.touch(ctx.at);
            }
            AlterTableOperation::AlterColumn { column_name, op } => work.alter_column(ctx, column_name, op)?,
            AlterTableOperation::AddConstraint { constraint, .. } => work.additions.take_constraint(constraint, &provenance)?,
            AlterTableOperation::DropPrimaryKey { .. } => work.drop_key(ctx, "PRIMARY")?,
            AlterTableOperation::DropIndex { name } => work.drop_key(ctx, &name.value)?,
            AlterTableOperation::DropForeignKey { name, .. } => work.drop_foreign_key(&name.value)?,
            AlterTableOperation::DropConstraint { name, if_exists, .. } => work.drop_constraint(ctx, &name.value, *if_exists)?,
            AlterTableOperation::RenameTable { table_name: RenameTableNameKind::To(new) | RenameTableNameKind::As(new) } => {
                work.new_name = Some(table_name(new)?);
            }
            AlterTableOperation::AutoIncrement { value, .. } => {
                work.table.mysql.auto_increment = value.to_string().parse().ok();
            }
            AlterTableOperation::Algorithm { .. } | AlterTableOperation::Lock { .. } => {}
            other => return unsupported(format!("ALTER TABLE operation `{other}` is not modelled for MariaDB")),
        }
    }
    work.finish(ctx, catalog)
}
