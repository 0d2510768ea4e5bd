//! MySQL/MariaDB replay: applies migration statements to a catalog with MariaDB 10.11's
//! semantics (InnoDB tables, information_schema spellings).
//!
//! Statements are parsed one at a time ([`parse`]) and dispatched here: table DDL goes to
//! [`create`], [`alter`] and [`tables`]; session statements (`SET`, `PREPARE`, `EXECUTE`)
//! to [`session`], which evaluates the dynamic SQL pattern `SET @x = IF(<information_schema
//! query>, 'ALTER ...', 'SELECT 1')` against the catalog ([`dynamic`]) and replays the chosen
//! text. Data statements and triggers (which cannot change the table catalog) are skipped and
//! listed in the report; anything else is an error.
//!
//! The database the migrations run in is assumed to be created with `utf8mb4` /
//! `utf8mb4_unicode_ci` (what applications on MariaDB are told to use); [`MysqlReplay::with_schema_collation`]
//! changes it.

mod alter;
mod charset;
mod column;
mod constraints;
mod create;
mod default;
mod dynamic;
mod expr;
mod fail;
mod keys;
mod parse;
mod session;
mod tables;
mod types;
mod view_columns;
mod views;

use crate::catalog::{Catalog, Engine, Location, ObjectName};
use crate::error::{ReplayError, ReplayReport, SkippedStatement};
use crate::replay::EngineReplay;
use crate::source::SourceStatement;
use fail::{rejected, unsupported, Fail, Step};
use parse::Parsed;
use sqlparser::ast::{ObjectName as AstName, ObjectType, Statement};

pub use charset::Charset;

/// Replays MariaDB migrations statement by statement.
pub struct MysqlReplay {
    catalog: Catalog,
    /// The database name, used in MariaDB's messages (`Table 'db.t' doesn't exist`).
    database: Option<String>,
    session: session::Session,
}

/// What one statement runs with: its position, the database name and the session settings.
pub struct Ctx<'a> {
    pub at: &'a Location,
    pub database: Option<&'a str>,
    pub foreign_key_checks: bool,
}

impl Ctx<'_> {
    /// `db.table` as MariaDB names a table in messages (`table` when the name is unknown).
    pub fn qualified(&self, table: &str) -> String {
        match self.database {
            Some(db) => format!("{db}.{table}"),
            None => table.to_string(),
        }
    }

    /// ``Can't create table `db`.`t` (errno: N "text")``.
    pub fn cannot_create(&self, table: &str, errno: u32, text: &str) -> String {
        let name = match self.database {
            Some(db) => format!("`{db}`.`{table}`"),
            None => format!("`{table}`"),
        };
        format!("Can't create table {name} (errno: {errno} \"{text}\")")
    }

    /// `db/name`: a foreign key's id as InnoDB prints it.
    pub fn fk_id(&self, name: &str) -> String {
        match self.database {
            Some(db) => format!("{db}/{name}"),
            None => name.to_string(),
        }
    }
}

impl MysqlReplay {
    /// A replay on an empty `utf8mb4` / `utf8mb4_unicode_ci` database.
    pub fn new() -> MysqlReplay {
        let mut catalog = Catalog::new(Engine::Mysql);
        catalog.mysql.charset = Some("utf8mb4".to_string());
        catalog.mysql.collation = Some("utf8mb4_unicode_ci".to_string());
        MysqlReplay { catalog, database: None, session: session::Session::default() }
    }

    /// Names the database, so messages read exactly like MariaDB's (`Table 'db.t' doesn't
    /// exist`).
    pub fn with_database(mut self, name: &str) -> MysqlReplay {
        self.database = Some(name.to_string());
        self
    }

    /// Sets the database's default collation (and its character set).
    pub fn with_schema_collation(mut self, collation: &str) -> Result<MysqlReplay, String> {
        let settled = charset::by_collation(collation)?;
        self.catalog.mysql.charset = Some(settled.charset);
        self.catalog.mysql.collation = Some(settled.collation);
        Ok(self)
    }

    fn ctx<'a>(&'a self, at: &'a Location) -> Ctx<'a> {
        Ctx { at, database: self.database.as_deref(), foreign_key_checks: self.session.foreign_key_checks }
    }

    /// The statement's context and the catalog it changes, borrowed side by side.
    fn ctx_and_catalog<'a>(&'a mut self, at: &'a Location) -> (Ctx<'a>, &'a mut Catalog) {
        let ctx = Ctx { at, database: self.database.as_deref(), foreign_key_checks: self.session.foreign_key_checks };
        (ctx, &mut self.catalog)
    }

    /// The database's default character set and collation.
    fn schema_charset(&self) -> Charset {
        Charset {
            charset: self.catalog.mysql.charset.clone().unwrap_or_else(|| "utf8mb4".into()),
            collation: self.catalog.mysql.collation.clone().unwrap_or_else(|| "utf8mb4_general_ci".into()),
        }
    }

    /// Applies the text of one statement found at `at`.
    fn run(&mut self, text: &str, at: &Location, report: &mut ReplayReport) -> Step<()> {
        match parse::parse(text)? {
            Parsed::Prepare { name, source } => {
                let text = dynamic::evaluate_text(&source, &self.catalog, &self.session, self.database.as_deref())?;
                self.session.prepared.insert(name.to_lowercase(), text);
                skip(report, at, "PREPARE");
                Ok(())
            }
            Parsed::Statement(statement) => self.execute(&statement, at, report),
            Parsed::View { statement, options } => {
                let (name, columns, query, or_replace, alter) = match statement.as_ref() {
                    Statement::CreateView(create) if !create.materialized && !create.temporary => {
                        let columns = create.columns.iter().map(|c| c.name.value.clone()).collect();
                        (&create.name, columns, &create.query, create.or_replace, false)
                    }
                    Statement::AlterView { name, columns, query, with_options } if with_options.is_empty() => {
                        (name, columns.iter().map(|c| c.value.clone()).collect(), query, false, true)
                    }
                    other => return unsupported(format!("statement `{}` is not modelled for MariaDB", first_words(&other.to_string()))),
                };
                let view = views::ViewStatement { name, columns, query, options: &options, or_replace, alter, text };
                let connection = self.session.connection.clone();
                let client = self.session.client_charset.clone();
                let (ctx, catalog) = self.ctx_and_catalog(at);
                views::define_view(&ctx, catalog, &views::SessionCharsets { client: &client, connection: &connection }, &view)?;
                report.applied += 1;
                Ok(())
            }
        }
    }

    fn execute(&mut self, statement: &Statement, at: &Location, report: &mut ReplayReport) -> Step<()> {
        match statement {
            Statement::CreateTable(create) if self.catalog.mysql.views.contains_key(&table_name(&create.name)?) => {
                if !create.if_not_exists {
                    return rejected(format!("Table '{}' already exists", table_name(&create.name)?));
                }
                skip(report, at, "CREATE TABLE IF NOT EXISTS (a view has the name)");
                Ok(())
            }
            Statement::CreateTable(create) => {
                let schema = self.schema_charset();
                let (ctx, catalog) = self.ctx_and_catalog(at);
                if create::create_table(&ctx, catalog, create, &schema)? {
                    report.applied += 1;
                } else {
                    skip(report, at, "CREATE TABLE IF NOT EXISTS (table exists)");
                }
                Ok(())
            }
            Statement::AlterTable(alter) => {
                let (ctx, catalog) = self.ctx_and_catalog(at);
                alter::alter_table(&ctx, catalog, alter)?;
                report.applied += 1;
                Ok(())
            }
            Statement::CreateIndex(index) => {
                let (ctx, catalog) = self.ctx_and_catalog(at);
                tables::create_index(&ctx, catalog, index)?;
                report.applied += 1;
                Ok(())
            }
            Statement::Drop { object_type: ObjectType::Table, if_exists, names, temporary: false, .. } => {
                let (ctx, catalog) = self.ctx_and_catalog(at);
                tables::drop_tables(&ctx, catalog, names, *if_exists)?;
                report.applied += 1;
                Ok(())
            }
            Statement::Drop { object_type: ObjectType::View, if_exists, names, temporary: false, .. } => {
                let (ctx, catalog) = self.ctx_and_catalog(at);
                views::drop_views(&ctx, catalog, names, *if_exists)?;
                report.applied += 1;
                Ok(())
            }
            Statement::Drop { object_type: ObjectType::Index, names, table: Some(table), .. } => {
                let (ctx, catalog) = self.ctx_and_catalog(at);
                tables::drop_index(&ctx, catalog, names, table)?;
                report.applied += 1;
                Ok(())
            }
            Statement::RenameTable(renames) => {
                let ctx = self.ctx(at);
                let mut catalog = self.catalog.clone();
                for rename in renames {
                    let (old, new) = (table_name(&rename.old_name)?, table_name(&rename.new_name)?);
                    if catalog.mysql.views.contains_key(&new) && old != new {
                        return rejected(format!("Table '{new}' already exists"));
                    }
                    if catalog.mysql.views.contains_key(&old) {
                        if catalog.tables.contains_key(&key(&new)) {
                            return rejected(format!("Table '{new}' already exists"));
                        }
                        views::rename_view(&mut catalog, &old, &new, &ctx);
                    } else {
                        tables::rename_table(&ctx, &mut catalog, &old, &new)?;
                    }
                }
                self.catalog = catalog;
                report.applied += 1;
                Ok(())
            }
            Statement::Set(set) => {
                let what = session::set(&mut self.session, set, &self.catalog, self.database.as_deref())?;
                skip(report, at, what);
                Ok(())
            }
            Statement::Execute { name: Some(name), parameters, using, .. } if parameters.is_empty() && using.is_empty() => {
                let key = name.to_string().to_lowercase();
                let Some(text) = self.session.prepared.get(&key).cloned() else {
                    return rejected(format!("Unknown prepared statement handler ({name}) given to EXECUTE"));
                };
                self.run(&text, at, report)
            }
            Statement::Deallocate { name, .. } => {
                if self.session.prepared.remove(&name.value.to_lowercase()).is_none() {
                    return rejected(format!("Unknown prepared statement handler ({}) given to DEALLOCATE PREPARE", name.value));
                }
                skip(report, at, "DEALLOCATE PREPARE");
                Ok(())
            }
            Statement::CreateTrigger(trigger) => {
                // Triggers cannot change the table catalog; the table must exist all the same.
                let table = table_name(&trigger.table_name)?;
                if !self.catalog.tables.contains_key(&key(&table)) {
                    return rejected(format!("Table '{}' doesn't exist", self.ctx(at).qualified(&table)));
                }
                skip(report, at, "CREATE TRIGGER");
                Ok(())
            }
            other => match data_statement(other) {
                Some(what) => {
                    skip(report, at, what);
                    Ok(())
                }
                None => unsupported(format!("statement `{}` is not modelled for MariaDB", first_words(&other.to_string()))),
            },
        }
    }
}

/// Statements that cannot change the table catalog, by the name listed in the report.
fn data_statement(statement: &Statement) -> Option<&'static str> {
    Some(match statement {
        Statement::Query(_) => "SELECT",
        Statement::Insert(_) => "INSERT",
        Statement::Update { .. } => "UPDATE",
        Statement::Delete(_) => "DELETE",
        Statement::Truncate { .. } => "TRUNCATE",
        Statement::StartTransaction { .. } => "START TRANSACTION",
        Statement::Commit { .. } => "COMMIT",
        Statement::Rollback { .. } => "ROLLBACK",
        Statement::LockTables { .. } => "LOCK TABLES",
        Statement::UnlockTables => "UNLOCK TABLES",
        Statement::Grant { .. } => "GRANT",
        Statement::Revoke { .. } => "REVOKE",
        Statement::Analyze { .. } => "ANALYZE",
        Statement::DropTrigger(_) => "DROP TRIGGER",
        Statement::DropFunction(_) => "DROP FUNCTION",
        Statement::DropProcedure { .. } => "DROP PROCEDURE",
        _ => return None,
    })
}

fn first_words(text: &str) -> String {
    text.split_whitespace().take(4).collect::<Vec<_>>().join(" ")
}

fn skip(report: &mut ReplayReport, at: &Location, what: &str) {
    report.skipped.push(SkippedStatement { location: at.clone(), what: what.to_string() });
}

/// The table name of an unqualified `ObjectName`; qualified names are not modelled.
pub fn table_name(name: &AstName) -> Step<String> {
    match name.0.as_slice() {
        [only] => Ok(only.as_ident().map(|i| i.value.clone()).unwrap_or_else(|| only.to_string())),
        _ => unsupported(format!("database-qualified table name {name} is not modelled")),
    }
}

/// The catalog key of a MariaDB table.
pub fn key(name: &str) -> ObjectName {
    ObjectName::new("", name)
}

impl Default for MysqlReplay {
    fn default() -> Self {
        Self::new()
    }
}

impl EngineReplay for MysqlReplay {
    fn apply(&mut self, statement: &SourceStatement, report: &mut ReplayReport) -> Result<(), ReplayError> {
        let result = self.run(&statement.text, &statement.location, report);
        if !self.catalog.mysql.views.is_empty() {
            // Views are read again against whatever the statement changed.
            views::refresh(&mut self.catalog);
        }
        result.map_err(|fail: Fail| fail.at(&statement.location, &statement.text))
    }

    fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    fn into_catalog(self: Box<Self>) -> Catalog {
        self.catalog
    }
}

#[cfg(test)]
mod tests;
