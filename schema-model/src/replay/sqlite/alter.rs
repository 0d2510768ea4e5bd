//! `ALTER TABLE`: SQLite's checks for each form, the edit it makes to the stored text
//! (`ADD COLUMN` inserts `, <definition>` where the column list ends, `DROP COLUMN` cuts the
//! definition out), and the table read back from the edited text, as SQLite reloads it.

use super::index::index_from_sql;
use super::messages;
use super::rename::column_references;
use super::schema::{check_schema, is_reserved, table_key, view_key};
use super::statement::Statement;
use super::table_build::{find_column, table_from_sql};
use super::table_def::{parse_column_def, parse_create_table, ColumnDef, TableDef};
use super::tokens::Tokens;
use super::views::view_columns;
use super::SqliteReplay;
use crate::catalog::{Location, ObjectName, Table};
use crate::error::ReplayError;
use sqlparser::tokenizer::Token;

/// The `ALTER TABLE` forms.
enum AlterOp {
    RenameTo(usize),
    RenameColumn { old: usize, new: usize },
    AddColumn(usize),
    DropColumn(usize),
}

impl SqliteReplay {
    pub(super) fn alter_table(&mut self, st: &Statement) -> Result<(), ReplayError> {
        let t = &st.toks;
        let mut i = 2;
        let mut schema = None;
        if t.is(i + 1, &Token::Period) {
            schema = t.get(i).and_then(|x| x.name());
            i += 2;
        }
        check_schema(schema.as_deref()).map_err(|m| st.rejected_here(m))?;
        let name_at = t.get(i).map_or(0, |x| x.start);
        let Some(name) = t.get(i).and_then(|x| x.name()) else {
            return Err(st.parse_error(messages::syntax_error_near(
                t.get(i).map_or("", |x| &st.text()[x.range()]),
            )));
        };
        let op = parse_op(st, i + 1)?;
        let Some(key) = table_key(&self.catalog, &name) else {
            if let Some(view) = view_key(&self.catalog, &name) {
                let message = match op {
                    AlterOp::RenameTo(_) => messages::view_may_not_be_altered(&view.name),
                    AlterOp::AddColumn(_) => messages::cannot_add_column_to_view(),
                    AlterOp::RenameColumn { .. } => {
                        format!("cannot rename columns of view \"{}\"", view.name)
                    }
                    AlterOp::DropColumn(_) => {
                        format!("cannot drop column from view \"{}\"", view.name)
                    }
                };
                return Err(st.rejected(name_at, message));
            }
            let shown = schema.map_or(name.clone(), |s| format!("{s}.{name}"));
            return Err(st.rejected(name_at, messages::no_such_table(&shown)));
        };
        if is_reserved(&key.name) {
            return Err(st.rejected(name_at, messages::table_may_not_be_altered(&key.name)));
        }
        if self.legacy_alter_table
            && matches!(op, AlterOp::RenameTo(_) | AlterOp::RenameColumn { .. })
        {
            return Err(
                st.unsupported("renames under PRAGMA legacy_alter_table = ON are not modelled")
            );
        }
        // SQLite runs ALTER TABLE in a transaction: a failure leaves the schema untouched.
        let before = self.catalog.clone();
        let outcome = match op {
            AlterOp::RenameTo(new) => self.rename_table(st, &key, new),
            AlterOp::RenameColumn { old, new } => self.rename_column(st, &key, old, new),
            AlterOp::AddColumn(column) => self.add_column(st, &key, column),
            AlterOp::DropColumn(column) => self.drop_column(st, &key, column),
        };
        if outcome.is_err() {
            self.catalog = before;
        }
        outcome
    }

    fn add_column(
        &mut self,
        st: &Statement,
        key: &ObjectName,
        at_token: usize,
    ) -> Result<(), ReplayError> {
        let (column, def) =
            parse_column_def(st.text(), &st.toks, at_token).map_err(|e| st.definition_error(e))?;
        let table = &self.catalog.tables[key];
        let fail = |m: String| Err(st.rejected(column.name_range.start, m));
        if find_column(table, &column.name).is_some() {
            return fail(messages::duplicate_column(&column.name));
        }
        if column.primary_key {
            return fail(messages::cannot_add_primary_key());
        }
        if column.unique {
            return fail(messages::cannot_add_unique());
        }
        if column.generated.as_ref().is_some_and(|(_, stored)| *stored) {
            return fail(messages::cannot_add_stored());
        }
        if self
            .tables_with_rows
            .contains(&key.name.to_ascii_lowercase())
        {
            if let Some(message) = nonempty_table_rejection(&column, &def, self.foreign_keys) {
                return fail(message);
            }
        }
        let old_sql = table.sqlite.sql.clone().unwrap_or_default();
        let old_def = reparse(&old_sql).map_err(|m| st.rejected_here(m))?;
        let definition =
            st.text()[column.name_range.start..].trim_end_matches([';', ' ', '\t', '\n', '\r']);
        let offset = old_def.add_column_offset;
        let new_sql = format!(
            "{}, {}{}",
            &old_sql[..offset],
            definition,
            &old_sql[offset..]
        );
        self.rebuild(key, key, new_sql, Vec::new(), None, st.at(), "add column")
            .map_err(|m| st.rejected_here(m))
    }

    fn drop_column(
        &mut self,
        st: &Statement,
        key: &ObjectName,
        at_token: usize,
    ) -> Result<(), ReplayError> {
        let token = &st.toks.toks[at_token];
        let written = &st.text()[token.range()];
        let name = token.name().unwrap_or_default();
        let table = &self.catalog.tables[key];
        let Some((position, found)) = find_column(table, &name) else {
            return Err(st.rejected(token.start, messages::no_such_column_quoted(written)));
        };
        let column = found.clone();
        if column.sqlite.pk > 0 {
            return Err(st.rejected(token.start, messages::cannot_drop_pk_column(&column.name)));
        }
        let in_unique = table.indexes.iter().any(|i| {
            i.origin.as_deref() == Some("u")
                && i.keys
                    .iter()
                    .any(|k| k.column.as_deref() == Some(column.name.as_str()))
        });
        if in_unique {
            return Err(st.rejected(
                token.start,
                messages::cannot_drop_unique_column(&column.name),
            ));
        }
        if table.columns.len() == 1 {
            return Err(st.rejected(token.start, messages::cannot_drop_last_column(&column.name)));
        }
        let old_sql = table.sqlite.sql.clone().unwrap_or_default();
        let def = reparse(&old_sql).map_err(|m| st.rejected_here(m))?;
        let new_sql = cut_column(&old_sql, &def, position);
        self.rebuild(key, key, new_sql, Vec::new(), None, st.at(), "drop column")
            .map_err(|m| st.rejected_here(m))?;
        for view in self.catalog.views.values() {
            if let Some(sql) = &view.definition {
                view_columns(&self.catalog, sql).map_err(|m| {
                    st.rejected_here(messages::error_after(
                        "view",
                        &view.name.name,
                        "drop column",
                        &m,
                    ))
                })?;
            }
        }
        let dropped = column.name.clone();
        for owner in self.catalog.tables.values() {
            let own = owner.name.name.eq_ignore_ascii_case(&key.name);
            for trigger in &owner.triggers {
                if let Some((_, shown)) =
                    column_references(&trigger.definition, &key.name, &dropped, own).first()
                {
                    let inner = messages::no_such_column(shown);
                    return Err(st.rejected_here(messages::error_after(
                        "trigger",
                        &trigger.name,
                        "drop column",
                        &inner,
                    )));
                }
            }
        }
        Ok(())
    }

    /// Replaces table `old_key` by the table read from `new_sql` (stored under `new_key`),
    /// re-reading its explicit indexes (with `index_edits` applied to their text: index name →
    /// new text) and keeping every surviving object's provenance. `renamed` maps an old column
    /// name to its new one. `after` names the operation for SQLite's "error in ... after ..."
    /// messages.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn rebuild(
        &mut self,
        old_key: &ObjectName,
        new_key: &ObjectName,
        new_sql: String,
        index_sql: Vec<(String, String)>,
        renamed: Option<(&str, &str)>,
        at: &Location,
        after: &str,
    ) -> Result<(), String> {
        let old = self
            .catalog
            .tables
            .get(old_key)
            .cloned()
            .ok_or_else(|| messages::no_such_table(&old_key.name))?;
        let (mut table, _) = table_from_sql(&new_sql, at)
            .map_err(|e| messages::error_after("table", &new_key.name, after, &e.message))?;
        carry_provenance(&old, &mut table, renamed, at);
        for index in old
            .indexes
            .iter()
            .filter(|i| i.origin.as_deref() == Some("c"))
        {
            let sql = index_sql
                .iter()
                .find(|(name, _)| *name == index.name)
                .map(|(_, sql)| sql.clone())
                .or_else(|| index.definition.clone())
                .unwrap_or_default();
            let mut rebuilt = index_from_sql(&sql, &table, at)
                .map_err(|e| messages::error_after("index", &index.name, after, &e.message))?;
            rebuilt.provenance = index.provenance.clone();
            if sql.as_str() != index.definition.as_deref().unwrap_or("") {
                rebuilt.provenance.touch(at);
            }
            table.indexes.push(rebuilt);
        }
        table.triggers = old.triggers.clone();
        self.catalog.tables.remove(old_key);
        self.catalog.tables.insert(new_key.clone(), table);
        Ok(())
    }
}

/// Reads the `ALTER TABLE` operation starting at token `i`.
fn parse_op(st: &Statement, i: usize) -> Result<AlterOp, ReplayError> {
    let t = &st.toks;
    let syntax = |j: usize| match t.get(j) {
        Some(x) => st.parse_error(messages::syntax_error_near(&st.text()[x.range()])),
        None => st.parse_error(messages::incomplete_input()),
    };
    let name_at = |j: usize| {
        if t.get(j).and_then(|x| x.name()).is_some() {
            Ok(j)
        } else {
            Err(syntax(j))
        }
    };
    let end_at = |j: usize| if j == t.len() { Ok(()) } else { Err(syntax(j)) };
    if t.kw(i, "RENAME") {
        if t.kw(i + 1, "TO") {
            let new = name_at(i + 2)?;
            end_at(i + 3)?;
            return Ok(AlterOp::RenameTo(new));
        }
        let old = if t.kw(i + 1, "COLUMN") { i + 2 } else { i + 1 };
        name_at(old)?;
        if !t.kw(old + 1, "TO") {
            return Err(syntax(old + 1));
        }
        let new = name_at(old + 2)?;
        end_at(old + 3)?;
        return Ok(AlterOp::RenameColumn { old, new });
    }
    if t.kw(i, "ADD") {
        let column = if t.kw(i + 1, "COLUMN") { i + 2 } else { i + 1 };
        return Ok(AlterOp::AddColumn(name_at(column)?));
    }
    if t.kw(i, "DROP") {
        let column = if t.kw(i + 1, "COLUMN") { i + 2 } else { i + 1 };
        let column = name_at(column)?;
        end_at(column + 1)?;
        return Ok(AlterOp::DropColumn(column));
    }
    Err(syntax(i))
}

/// Re-reads a stored table text (which SQLite wrote itself, so it parses).
pub(super) fn reparse(sql: &str) -> Result<TableDef, String> {
    let toks = Tokens::new(sql).map_err(|e| e.message)?;
    parse_create_table(sql, &toks).map_err(|e| e.message)
}

/// The restriction SQLite applies to `ADD COLUMN` only when the table holds rows.
fn nonempty_table_rejection(
    column: &ColumnDef,
    def: &TableDef,
    foreign_keys: bool,
) -> Option<String> {
    let default_is_null = column
        .default
        .as_deref()
        .is_none_or(|d| d.eq_ignore_ascii_case("NULL"));
    if foreign_keys && !def.foreign_keys.is_empty() && !default_is_null {
        return Some(messages::cannot_add_references_with_default());
    }
    if column.not_null && default_is_null {
        return Some(messages::cannot_add_not_null_without_default());
    }
    if let Some(default) = &column.default {
        if !is_constant_default(default) {
            return Some(messages::cannot_add_non_constant_default());
        }
    }
    None
}

/// Whether SQLite can evaluate a default without running code: a literal, possibly signed.
fn is_constant_default(text: &str) -> bool {
    let Ok(toks) = Tokens::new(text) else {
        return false;
    };
    let mut rest = &toks.toks[..];
    if let Some(first) = rest.first() {
        if matches!(first.token, Token::Plus | Token::Minus) {
            rest = &rest[1..];
        }
    }
    match rest {
        [one] => match &one.token {
            Token::Number(..) | Token::SingleQuotedString(_) | Token::HexStringLiteral(_) => true,
            Token::Word(w) => {
                w.quote_style.is_none()
                    && ["NULL", "TRUE", "FALSE"]
                        .iter()
                        .any(|k| w.value.eq_ignore_ascii_case(k))
            }
            _ => false,
        },
        _ => false,
    }
}

/// SQLite's `sqlite_drop_column`: cuts the column out from its name to the next column's
/// name, or (for the last column) from the comma before it to where the column list ends.
fn cut_column(sql: &str, def: &TableDef, position: usize) -> String {
    let start = def.columns[position].name_range.start;
    match def.columns.get(position + 1) {
        Some(next) => format!("{}{}", &sql[..start], &sql[next.name_range.start..]),
        None => {
            let comma = sql[..start].rfind(',').unwrap_or(start);
            format!("{}{}", &sql[..comma], &sql[def.add_column_offset..])
        }
    }
}

/// Keeps the provenance of the table, its columns and automatic indexes across a rebuild;
/// new or renamed columns are marked changed at `at`.
fn carry_provenance(old: &Table, table: &mut Table, renamed: Option<(&str, &str)>, at: &Location) {
    table.provenance = old.provenance.clone();
    table.provenance.touch(at);
    for column in &mut table.columns {
        let old_name = match renamed {
            Some((from, to)) if column.name.eq_ignore_ascii_case(to) => from.to_string(),
            _ => column.name.clone(),
        };
        if let Some((_, previous)) = find_column(old, &old_name) {
            column.provenance = previous.provenance.clone();
            if old_name != column.name {
                column.provenance.touch(at);
            }
        }
    }
    for index in &mut table.indexes {
        let suffix = index.name.rsplit('_').next().unwrap_or("");
        if let Some(previous) = old.indexes.iter().find(|i| {
            i.origin == index.origin
                && i.origin.as_deref() != Some("c")
                && i.name.rsplit('_').next() == Some(suffix)
        }) {
            index.provenance = previous.provenance.clone();
        }
    }
    if let (Some(old_pk), Some(pk)) = (&old.primary_key, &mut table.primary_key) {
        pk.provenance = old_pk.provenance.clone();
    }
    for fk in &mut table.foreign_keys {
        let same = |o: &&crate::catalog::ForeignKey| {
            o.ref_table.name.eq_ignore_ascii_case(&fk.ref_table.name)
                && o.columns.len() == fk.columns.len()
        };
        if let Some(previous) = old.foreign_keys.iter().find(same) {
            fk.provenance = previous.provenance.clone();
        }
    }
    for check in &mut table.checks {
        if let Some(previous) = old.checks.iter().find(|o| o.definition == check.definition) {
            check.provenance = previous.provenance.clone();
        }
    }
}
