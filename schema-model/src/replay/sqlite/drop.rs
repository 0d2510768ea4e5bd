//! `DROP TABLE`, `DROP INDEX`, `DROP VIEW` and `DROP TRIGGER`, with SQLite's checks: dropping a
//! table takes its indexes and triggers with it; automatic indexes cannot be dropped.

use super::messages;
use super::schema::{
    check_schema, index_position, is_reserved, table_key, trigger_position, view_key,
};
use super::statement::Statement;
use super::SqliteReplay;
use crate::error::ReplayError;
use sqlparser::dialect::SQLiteDialect;
use sqlparser::parser::Parser;
use sqlparser::tokenizer::Token;

impl SqliteReplay {
    pub(super) fn drop(&mut self, st: &Statement) -> Result<(), ReplayError> {
        Parser::parse_sql(&SQLiteDialect {}, st.text()).map_err(|e| st.parse_error(e))?;
        let t = &st.toks;
        let kind = ["TABLE", "INDEX", "VIEW", "TRIGGER"]
            .into_iter()
            .find(|k| t.kw(1, k));
        let Some(kind) = kind else {
            return Err(st.unsupported("this DROP statement is not modelled"));
        };
        let mut i = 2;
        let if_exists = t.kw(i, "IF") && t.kw(i + 1, "EXISTS");
        if if_exists {
            i += 2;
        }
        let mut schema = None;
        if t.is(i + 1, &Token::Period) {
            schema = t.get(i).and_then(|x| x.name());
            i += 2;
        }
        check_schema(schema.as_deref()).map_err(|m| st.rejected_here(m))?;
        let Some(name) = t.get(i).and_then(|x| x.name()) else {
            return Err(st.parse_error("expected a name after DROP"));
        };
        let at = t.toks[i].start;
        let missing = |message: String| {
            if if_exists {
                Ok(())
            } else {
                Err(st.rejected(at, message))
            }
        };
        match kind {
            "TABLE" => {
                let Some(key) = table_key(&self.catalog, &name) else {
                    if let Some(view) = view_key(&self.catalog, &name) {
                        return Err(st.rejected(at, messages::use_drop_view(&view.name)));
                    }
                    return missing(messages::no_such_table(&name));
                };
                if is_reserved(&name) {
                    return Err(st.rejected(at, format!("table {name} may not be dropped")));
                }
                self.catalog.tables.remove(&key);
                self.tables_with_rows.remove(&key.name.to_ascii_lowercase());
            }
            "VIEW" => {
                let Some(key) = view_key(&self.catalog, &name) else {
                    if let Some(table) = table_key(&self.catalog, &name) {
                        return Err(st.rejected(at, messages::use_drop_table(&table.name)));
                    }
                    return missing(messages::no_such_view(&name));
                };
                self.catalog.views.remove(&key);
            }
            "INDEX" => {
                let Some((key, position)) = index_position(&self.catalog, &name) else {
                    return missing(messages::no_such_index(&name));
                };
                let table = self.catalog.tables.get_mut(&key);
                if let Some(table) = table {
                    if table.indexes[position].origin.as_deref() != Some("c") {
                        return Err(st.rejected(at, messages::cannot_drop_auto_index()));
                    }
                    table.indexes.remove(position);
                }
            }
            _ => {
                let Some((key, position)) = trigger_position(&self.catalog, &name) else {
                    return missing(messages::no_such_trigger(&name));
                };
                if let Some(table) = self.catalog.tables.get_mut(&key) {
                    table.triggers.remove(position);
                }
            }
        }
        Ok(())
    }
}
