//! `CREATE TABLE`, `CREATE INDEX`, `CREATE VIEW` and `CREATE TRIGGER`: SQLite's name checks,
//! the text SQLite stores for each, and the catalog object read back from that text.

use super::index::{index_from_def, parse_create_index, stored_sql};
use super::messages;
use super::schema::{
    check_schema, holder, is_reserved, table_key, trigger_position, view_key, Holder, MAIN,
};
use super::statement::Statement;
use super::table_build::table_from_sql;
use super::table_def::{parse_create_table, DefError};
use super::tokens::quote_identifier;
use super::triggers::parse_trigger_head;
use super::types::{affinity, Affinity};
use super::views::{parse_view, statement_output, view_columns};
use super::SqliteReplay;
use crate::catalog::{ObjectName, Provenance, Trigger, View, ViewColumn};
use crate::error::ReplayError;
use sqlparser::dialect::SQLiteDialect;
use sqlparser::parser::Parser;

/// Length of `CREATE TABLE `, the prefix SQLite puts before the text from the name on.
const CREATE_TABLE: &str = "CREATE TABLE ";

impl SqliteReplay {
    pub(super) fn create_table(&mut self, st: &Statement) -> Result<(), ReplayError> {
        let def = parse_create_table(st.text(), &st.toks).map_err(|e| st.definition_error(e))?;
        check_schema(def.schema.as_deref()).map_err(|m| st.rejected_here(m))?;
        let written = &st.text()[def.name_range.clone()];
        if is_reserved(&def.name) {
            return Err(st.rejected(def.name_range.start, messages::reserved_name(&def.name)));
        }
        match holder(&self.catalog, &def.name) {
            Some(Holder::Table(_) | Holder::View(_)) if def.if_not_exists => return Ok(()),
            Some(Holder::Table(_)) => {
                return Err(st.rejected(
                    def.name_range.start,
                    messages::already_exists("table", written),
                ))
            }
            Some(Holder::View(_)) => {
                return Err(st.rejected(
                    def.name_range.start,
                    messages::already_exists("view", written),
                ))
            }
            Some(Holder::Index(..)) => {
                return Err(st.rejected(
                    def.name_range.start,
                    messages::already_an_index_named(&def.name),
                ))
            }
            None => {}
        }
        let sql = if def.as_select.is_some() {
            let columns =
                statement_output(&self.catalog, st.text()).map_err(|m| st.rejected_here(m))?;
            create_table_as_select_text(&def.name, &columns)
        } else {
            format!(
                "{CREATE_TABLE}{}",
                &st.text()[def.name_range.start..def.end]
            )
        };
        let shift = def.name_range.start;
        let (table, _) = table_from_sql(&sql, st.at()).map_err(|e| {
            st.definition_error(DefError {
                message: e.message,
                offset: (e.offset + shift).saturating_sub(CREATE_TABLE.len()),
            })
        })?;
        self.catalog.tables.insert(table.name.clone(), table);
        Ok(())
    }

    pub(super) fn create_index(&mut self, st: &Statement) -> Result<(), ReplayError> {
        Parser::parse_sql(&SQLiteDialect {}, st.text()).map_err(|e| st.parse_error(e))?;
        let def = parse_create_index(st.text(), &st.toks).map_err(|e| st.definition_error(e))?;
        check_schema(def.schema.as_deref()).map_err(|m| st.rejected_here(m))?;
        let table_at = st.toks.toks[def.table_token].start;
        if is_reserved(&def.name) {
            return Err(st.rejected(def.name_range.start, messages::reserved_name(&def.name)));
        }
        let Some(key) = table_key(&self.catalog, &def.table) else {
            if view_key(&self.catalog, &def.table).is_some() {
                return Err(st.rejected(table_at, messages::views_may_not_be_indexed()));
            }
            return Err(st.rejected(
                table_at,
                messages::no_such_table(&format!("main.{}", def.table)),
            ));
        };
        match holder(&self.catalog, &def.name) {
            Some(Holder::Index(..)) if def.if_not_exists => return Ok(()),
            Some(Holder::Index(..)) => {
                let written = &st.text()[def.name_range.clone()];
                return Err(st.rejected(
                    def.name_range.start,
                    messages::already_exists("index", written),
                ));
            }
            Some(Holder::Table(_) | Holder::View(_)) => {
                return Err(st.rejected(
                    def.name_range.start,
                    messages::already_a_table_named(&def.name),
                ))
            }
            None => {}
        }
        let sql = stored_sql(st.text(), &def);
        let table = &self.catalog.tables[&key];
        let index = index_from_def(&def, &sql, &st.toks, table, st.at())
            .map_err(|e| st.definition_error(e))?;
        if let Some(table) = self.catalog.tables.get_mut(&key) {
            table.indexes.push(index);
        }
        Ok(())
    }

    pub(super) fn create_view(&mut self, st: &Statement) -> Result<(), ReplayError> {
        let view = parse_view(st).map_err(|e| st.definition_error(e))?;
        check_schema(view.schema.as_deref()).map_err(|m| st.rejected_here(m))?;
        let written = &st.text()[view.name_range.clone()];
        if is_reserved(&view.name) {
            return Err(st.rejected(view.name_range.start, messages::reserved_name(&view.name)));
        }
        match holder(&self.catalog, &view.name) {
            Some(Holder::Table(_) | Holder::View(_)) if view.if_not_exists => return Ok(()),
            Some(Holder::Table(_)) => {
                return Err(st.rejected(
                    view.name_range.start,
                    messages::already_exists("table", written),
                ))
            }
            Some(Holder::View(_)) => {
                return Err(st.rejected(
                    view.name_range.start,
                    messages::already_exists("view", written),
                ))
            }
            Some(Holder::Index(..)) => {
                return Err(st.rejected(
                    view.name_range.start,
                    messages::already_an_index_named(&view.name),
                ))
            }
            None => {}
        }
        // SQLite accepts a view whose tables do not exist yet; its columns resolve later.
        let columns = view_columns(&self.catalog, &view.sql).unwrap_or_default();
        let name = ObjectName::new(MAIN, view.name.clone());
        self.catalog.views.insert(
            name.clone(),
            View {
                name,
                materialized: false,
                columns,
                query: st.text().to_string(),
                definition: Some(view.sql),
                indexes: Vec::new(),
                provenance: Provenance::new(st.at()),
            },
        );
        Ok(())
    }

    pub(super) fn create_trigger(&mut self, st: &Statement) -> Result<(), ReplayError> {
        let head = parse_trigger_head(st.text(), &st.toks).map_err(|e| st.definition_error(e))?;
        // sqlparser's trigger grammar lacks SQLite's `IF NOT EXISTS`; the head is read above
        // with SQLite's grammar and sqlparser checks the statements of the body.
        Parser::parse_sql(&SQLiteDialect {}, &st.text()[head.body.clone()])
            .map_err(|e| st.parse_error(e))?;
        check_schema(head.schema.as_deref()).map_err(|m| st.rejected_here(m))?;
        if is_reserved(&head.name) {
            return Err(st.rejected(head.name_range.start, messages::reserved_name(&head.name)));
        }
        if trigger_position(&self.catalog, &head.name).is_some() {
            if head.if_not_exists {
                return Ok(());
            }
            let written = &st.text()[head.name_range.clone()];
            return Err(st.rejected(
                head.name_range.start,
                messages::already_exists("trigger", written),
            ));
        }
        let Some(key) = table_key(&self.catalog, &head.table) else {
            if view_key(&self.catalog, &head.table).is_some() {
                return Err(st.unsupported("triggers on views are not modelled"));
            }
            return Err(st.rejected(
                head.table_at,
                messages::no_such_table(&format!("main.{}", head.table)),
            ));
        };
        let trigger = Trigger {
            name: head.name.clone(),
            definition: head.sql,
            enabled: String::new(),
            provenance: Provenance::new(st.at()),
        };
        if let Some(table) = self.catalog.tables.get_mut(&key) {
            table.triggers.push(trigger);
        }
        Ok(())
    }
}

/// The text SQLite writes for a table created by `CREATE TABLE ... AS SELECT` (its
/// `createTableStmt`): quoted-when-needed names, each with the type name of its affinity, on
/// one line or one per line when the names are long.
fn create_table_as_select_text(table: &str, columns: &[ViewColumn]) -> String {
    let ident_length = |name: &str| name.chars().count() + name.matches('"').count() + 2;
    let total = columns
        .iter()
        .map(|c| ident_length(&c.name) + 5)
        .sum::<usize>()
        + ident_length(table);
    let (first, separator, end) = if total < 50 {
        ("", ",", ")")
    } else {
        ("\n  ", ",\n  ", "\n)")
    };
    let mut sql = format!("{CREATE_TABLE}{}(", quote_identifier(table));
    for (i, column) in columns.iter().enumerate() {
        sql.push_str(if i == 0 { first } else { separator });
        sql.push_str(&quote_identifier(&column.name));
        sql.push_str(match affinity(&column.ty) {
            Affinity::Blob => "",
            Affinity::Text => " TEXT",
            Affinity::Numeric => " NUM",
            Affinity::Integer => " INT",
            Affinity::Real => " REAL",
        });
    }
    sql.push_str(end);
    sql
}
