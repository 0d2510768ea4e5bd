//! Statements that cannot change the table catalog: PRAGMAs, transaction control,
//! maintenance (ANALYZE, VACUUM, REINDEX) and data changes. They are listed in the replay
//! report. Data changes are still checked the way SQLite checks them before running (every
//! table they name must exist), and the replay remembers which tables may hold rows, since
//! some `ALTER TABLE ADD COLUMN` restrictions apply only to non-empty tables.

use super::messages;
use super::schema::{table_key, view_key};
use super::statement::Statement;
use super::tokens::Tokens;
use super::SqliteReplay;
use crate::error::{ReplayError, ReplayReport, SkippedStatement};
use sqlparser::ast::visit_relations;
use sqlparser::dialect::SQLiteDialect;
use sqlparser::parser::Parser;
use sqlparser::tokenizer::Token;
use std::ops::ControlFlow;

/// Leading keywords of statements that only control the session or the transaction.
const SESSION: &[&str] = &[
    "BEGIN",
    "COMMIT",
    "END",
    "ROLLBACK",
    "SAVEPOINT",
    "RELEASE",
    "ANALYZE",
    "VACUUM",
    "REINDEX",
];

/// Leading keywords of data changes and queries.
const DATA: &[&str] = &[
    "INSERT", "REPLACE", "UPDATE", "DELETE", "SELECT", "WITH", "VALUES",
];

impl SqliteReplay {
    pub(super) fn skip(
        &mut self,
        st: &Statement,
        report: &mut ReplayReport,
    ) -> Result<(), ReplayError> {
        let first = st
            .toks
            .get(0)
            .map(|t| st.text()[t.range()].to_ascii_uppercase())
            .unwrap_or_default();
        if first == "PRAGMA" {
            self.pragma(st);
        } else if SESSION.contains(&first.as_str()) {
            // Transactions and maintenance leave the schema as it is.
        } else if DATA.contains(&first.as_str()) {
            self.data_change(st, &first)?;
        } else if first == "ATTACH" || first == "DETACH" {
            return Err(st.unsupported("attached databases are not modelled"));
        } else {
            return Err(st.parse_error(super::parse_failure(st.text())));
        }
        report.skipped.push(SkippedStatement {
            location: st.at().clone(),
            what: what(st),
        });
        Ok(())
    }

    /// Remembers the PRAGMAs that change how later schema statements behave.
    fn pragma(&mut self, st: &Statement) {
        let t = &st.toks;
        if t.len() < 4 {
            return;
        }
        let value = st.text()[t.toks[3].range()].to_ascii_lowercase();
        let on = matches!(value.as_str(), "on" | "1" | "true" | "yes");
        if t.kw(1, "foreign_keys") {
            self.foreign_keys = on;
        } else if t.kw(1, "legacy_alter_table") {
            self.legacy_alter_table = on;
        }
    }

    fn data_change(&mut self, st: &Statement, first: &str) -> Result<(), ReplayError> {
        let parsed =
            Parser::parse_sql(&SQLiteDialect {}, st.text()).map_err(|e| st.parse_error(e))?;
        let ctes = cte_names(&st.toks);
        let mut missing = None;
        let mut sources_with_rows = false;
        let _ = visit_relations(&parsed, |relation| {
            let name = relation
                .0
                .last()
                .and_then(|p| p.as_ident())
                .map(|i| i.value.clone())
                .unwrap_or_default();
            let known = table_key(&self.catalog, &name).is_some()
                || view_key(&self.catalog, &name).is_some()
                || ctes.iter().any(|c| c.eq_ignore_ascii_case(&name))
                || name.to_ascii_lowercase().starts_with("sqlite_")
                || name.to_ascii_lowercase().starts_with("pragma_");
            if !known {
                missing = Some(name);
                return ControlFlow::Break(());
            }
            sources_with_rows |= self.tables_with_rows.contains(&name.to_ascii_lowercase());
            ControlFlow::Continue(())
        });
        if let Some(name) = missing {
            return Err(st.rejected_here(messages::no_such_table(&name)));
        }
        let target = self.target_table(st, first);
        if let Some(target) = target {
            let lower = target.to_ascii_lowercase();
            let t = &st.toks;
            let from_select = (0..t.len()).any(|i| t.kw(i, "SELECT"));
            let has_from = (0..t.len()).any(|i| t.kw(i, "FROM"));
            match first {
                "INSERT" | "REPLACE" if !from_select || !has_from || sources_with_rows => {
                    self.tables_with_rows.insert(lower);
                }
                "DELETE" if !(0..t.len()).any(|i| t.kw(i, "WHERE")) => {
                    self.tables_with_rows.remove(&lower);
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// The table an INSERT, REPLACE or DELETE writes to.
    fn target_table(&self, st: &Statement, first: &str) -> Option<String> {
        let t = &st.toks;
        let keyword = match first {
            "INSERT" | "REPLACE" => "INTO",
            "DELETE" => "FROM",
            _ => return None,
        };
        let i = (0..t.len()).find(|i| t.kw(*i, keyword))?;
        let name_at = if t.is(i + 2, &Token::Period) {
            i + 3
        } else {
            i + 1
        };
        let name = t.get(name_at)?.name()?;
        table_key(&self.catalog, &name).map(|k| k.name)
    }
}

/// Names of common table expressions (`WITH name AS (`), which are not tables of the schema.
fn cte_names(toks: &Tokens) -> Vec<String> {
    (0..toks.len())
        .filter(|i| toks.kw(i + 1, "AS") && toks.is(i + 2, &Token::LParen))
        .filter_map(|i| toks.get(i).and_then(|t| t.name()))
        .collect()
}

/// How a skipped statement is listed: its leading keyword(s), e.g. `PRAGMA`, `INSERT`.
fn what(st: &Statement) -> String {
    let first = st
        .toks
        .get(0)
        .map(|t| st.text()[t.range()].to_ascii_uppercase())
        .unwrap_or_default();
    match first.as_str() {
        "PRAGMA" => match st.toks.get(1).and_then(|t| t.name()) {
            Some(name) => format!("PRAGMA {name}"),
            None => first,
        },
        _ => first,
    }
}
