//! `ALTER TABLE ... RENAME TO` and `RENAME COLUMN`: SQLite rewrites the name wherever the
//! schema refers to it — the table's own text, foreign keys of other tables, indexes,
//! triggers and views — and renames the table's automatic indexes.

use super::alter::reparse;
use super::expr_refs::{column_refs, qualifiers};
use super::index::parse_create_index;
use super::messages;
use super::schema::{holder, is_reserved};
use super::statement::Statement;
use super::table_build::find_column;
use super::text_edit::{apply, rename_token, Edit};
use super::tokens::Tokens;
use super::SqliteReplay;
use crate::catalog::{Catalog, ObjectName};
use crate::error::ReplayError;
use sqlparser::tokenizer::Token;

impl SqliteReplay {
    pub(super) fn rename_table(
        &mut self,
        st: &Statement,
        key: &ObjectName,
        new_token: usize,
    ) -> Result<(), ReplayError> {
        let token = &st.toks.toks[new_token];
        let new_name = token.name().unwrap_or_default();
        let old_name = key.name.clone();
        if holder(&self.catalog, &new_name).is_some() {
            return Err(st.rejected(token.start, messages::another_table_or_index(&new_name)));
        }
        if is_reserved(&new_name) {
            return Err(st.rejected(token.start, messages::reserved_name(&new_name)));
        }
        let rename = |sql: &str, ranges: Vec<std::ops::Range<usize>>| {
            apply(
                sql,
                ranges
                    .into_iter()
                    .map(|r| rename_token(sql, r, &new_name, true))
                    .collect(),
            )
        };
        // Every table whose text names the renamed table (its own name, foreign keys).
        let mut rewritten: Vec<(ObjectName, String)> = Vec::new();
        for (other_key, other) in &self.catalog.tables {
            let sql = other.sqlite.sql.clone().unwrap_or_default();
            let def = reparse(&sql).map_err(|m| st.rejected_here(m))?;
            let mut ranges: Vec<_> = def
                .foreign_keys
                .iter()
                .filter(|fk| fk.ref_table.eq_ignore_ascii_case(&old_name))
                .map(|fk| fk.ref_table_range.clone())
                .collect();
            if other_key == key {
                ranges.push(def.name_range.clone());
                let toks = Tokens::new(&sql).map_err(|e| st.rejected_here(e.message))?;
                for expr in &def.expressions {
                    ranges.extend(
                        qualifiers(&toks, expr.start, expr.end)
                            .into_iter()
                            .filter(|(_, name)| name.eq_ignore_ascii_case(&old_name))
                            .map(|(i, _)| toks.toks[i].range()),
                    );
                }
            }
            if !ranges.is_empty() {
                ranges.sort_by_key(|r| r.start);
                rewritten.push((other_key.clone(), rename(&sql, ranges)));
            }
        }
        let index_sql: Vec<(String, String)> = self.catalog.tables[key]
            .indexes
            .iter()
            .filter_map(|index| {
                let sql = index.definition.as_deref()?;
                let toks = Tokens::new(sql).ok()?;
                let def = parse_create_index(sql, &toks).ok()?;
                Some((
                    index.name.clone(),
                    rename(sql, vec![toks.toks[def.table_token].range()]),
                ))
            })
            .collect();
        let new_key = ObjectName::new(key.schema.clone(), new_name.clone());
        for (other_key, sql) in rewritten {
            let target = if &other_key == key {
                new_key.clone()
            } else {
                other_key.clone()
            };
            let index_edits = if &other_key == key {
                index_sql.clone()
            } else {
                Vec::new()
            };
            self.rebuild(
                &other_key,
                &target,
                sql,
                index_edits,
                None,
                st.at(),
                "rename",
            )
            .map_err(|m| st.rejected_here(m))?;
        }
        rename_in_triggers_and_views(&mut self.catalog, &old_name, &new_name);
        let lower = old_name.to_ascii_lowercase();
        if self.tables_with_rows.remove(&lower) {
            self.tables_with_rows.insert(new_name.to_ascii_lowercase());
        }
        Ok(())
    }

    pub(super) fn rename_column(
        &mut self,
        st: &Statement,
        key: &ObjectName,
        old_token: usize,
        new_token: usize,
    ) -> Result<(), ReplayError> {
        let old_tok = &st.toks.toks[old_token];
        let new_tok = &st.toks.toks[new_token];
        let written_old = &st.text()[old_tok.range()];
        let old_name = old_tok.name().unwrap_or_default();
        let new_name = new_tok.name().unwrap_or_default();
        let always_quote = new_tok.is_quoted();
        let table = &self.catalog.tables[key];
        let Some((_, column)) = find_column(table, &old_name) else {
            return Err(st.rejected(old_tok.start, messages::no_such_column_quoted(written_old)));
        };
        let old_name = column.name.clone();
        let table_name = key.name.clone();
        let rename = |sql: &str, ranges: Vec<std::ops::Range<usize>>| {
            apply(
                sql,
                ranges
                    .into_iter()
                    .map(|r| rename_token(sql, r, &new_name, always_quote))
                    .collect::<Vec<Edit>>(),
            )
        };
        let is_old = |name: &str| name.eq_ignore_ascii_case(&old_name);
        let mut rewritten: Vec<(ObjectName, String)> = Vec::new();
        for (other_key, other) in &self.catalog.tables {
            let sql = other.sqlite.sql.clone().unwrap_or_default();
            let toks = Tokens::new(&sql).map_err(|e| st.rejected_here(e.message))?;
            let def = reparse(&sql).map_err(|m| st.rejected_here(m))?;
            let mut ranges = Vec::new();
            for fk in def
                .foreign_keys
                .iter()
                .filter(|fk| fk.ref_table.eq_ignore_ascii_case(&table_name))
            {
                ranges.extend(
                    fk.ref_columns
                        .iter()
                        .zip(&fk.ref_column_ranges)
                        .filter(|(n, _)| is_old(n))
                        .map(|(_, r)| r.clone()),
                );
            }
            if other_key == key {
                ranges.extend(
                    def.columns
                        .iter()
                        .filter(|c| is_old(&c.name))
                        .map(|c| c.name_range.clone()),
                );
                for k in &def.keys {
                    ranges.extend(
                        k.columns
                            .iter()
                            .filter(|c| is_old(&c.name) && !c.range.is_empty())
                            .map(|c| c.range.clone()),
                    );
                }
                for fk in &def.foreign_keys {
                    ranges.extend(
                        fk.columns
                            .iter()
                            .zip(&fk.column_ranges)
                            .filter(|(n, _)| is_old(n))
                            .map(|(_, r)| r.clone()),
                    );
                }
                for expr in &def.expressions {
                    ranges.extend(
                        column_refs(&toks, expr.start, expr.end)
                            .into_iter()
                            .filter(|r| {
                                is_old(&r.name)
                                    && r.qualifier
                                        .as_ref()
                                        .is_none_or(|q| q.eq_ignore_ascii_case(&table_name))
                            })
                            .map(|r| toks.toks[r.token].range()),
                    );
                }
            }
            ranges.sort_by_key(|r| r.start);
            ranges.dedup();
            if !ranges.is_empty() {
                rewritten.push((other_key.clone(), rename(&sql, ranges)));
            }
        }
        let index_sql: Vec<(String, String)> = self.catalog.tables[key]
            .indexes
            .iter()
            .filter_map(|index| {
                let sql = index.definition.as_deref()?;
                let toks = Tokens::new(sql).ok()?;
                let def = parse_create_index(sql, &toks).ok()?;
                let ranges: Vec<_> = column_refs(&toks, def.body_tokens.start, def.body_tokens.end)
                    .into_iter()
                    .filter(|r| is_old(&r.name))
                    .map(|r| toks.toks[r.token].range())
                    .collect();
                Some((index.name.clone(), rename(sql, ranges)))
            })
            .collect();
        if !rewritten.iter().any(|(k, _)| k == key) {
            let sql = self.catalog.tables[key]
                .sqlite
                .sql
                .clone()
                .unwrap_or_default();
            rewritten.push((key.clone(), sql));
        }
        for (other_key, sql) in rewritten {
            let (edits, renamed) = if &other_key == key {
                (
                    index_sql.clone(),
                    Some((old_name.as_str(), new_name.as_str())),
                )
            } else {
                (Vec::new(), None)
            };
            self.rebuild(
                &other_key,
                &other_key,
                sql,
                edits,
                renamed,
                st.at(),
                "rename",
            )
            .map_err(|m| st.rejected_here(m))?;
        }
        rename_column_in_triggers_and_views(
            &mut self.catalog,
            &table_name,
            &old_name,
            &new_name,
            always_quote,
        );
        Ok(())
    }
}

/// Whether the token before `i` introduces a table name (`FROM t`, `JOIN t`, `INTO t`,
/// `UPDATE t`, `ON t` of a trigger, `, t` in a FROM list).
fn names_a_table(toks: &Tokens, i: usize) -> bool {
    i > 0
        && ["FROM", "JOIN", "INTO", "UPDATE", "ON", "TABLE"]
            .iter()
            .any(|k| toks.kw(i - 1, k))
        || (i > 0
            && toks.is(i - 1, &Token::Comma)
            && (0..i)
                .rev()
                .take_while(|j| !toks.kw(*j, "WHERE"))
                .any(|j| toks.kw(j, "FROM")))
}

/// Rewrites table references in trigger and view texts after `RENAME TO`.
fn rename_in_triggers_and_views(catalog: &mut Catalog, old: &str, new: &str) {
    let rewrite = |sql: &str| -> String {
        let Ok(toks) = Tokens::new(sql) else {
            return sql.to_string();
        };
        let mut ranges: Vec<_> = (0..toks.len())
            .filter(|i| {
                toks.get(*i)
                    .and_then(|t| t.name())
                    .is_some_and(|n| n.eq_ignore_ascii_case(old))
            })
            .filter(|i| names_a_table(&toks, *i) || toks.is(i + 1, &Token::Period))
            .map(|i| toks.toks[i].range())
            .collect();
        ranges.extend(
            qualifiers(&toks, 0, toks.len())
                .into_iter()
                .filter(|(_, n)| n.eq_ignore_ascii_case(old))
                .map(|(i, _)| toks.toks[i].range()),
        );
        ranges.sort_by_key(|r| r.start);
        ranges.dedup();
        apply(
            sql,
            ranges
                .into_iter()
                .map(|r| rename_token(sql, r, new, true))
                .collect(),
        )
    };
    for table in catalog.tables.values_mut() {
        for trigger in &mut table.triggers {
            trigger.definition = rewrite(&trigger.definition);
        }
    }
    for view in catalog.views.values_mut() {
        if let Some(sql) = &view.definition {
            view.definition = Some(rewrite(sql));
        }
    }
}

/// Rewrites column references in trigger and view texts after `RENAME COLUMN` of `table`.
///
/// Each statement of a trigger body (and a view's query) is scoped on its own: unqualified
/// names are renamed only in statements that read or write `table`, names in the column list
/// of an `INSERT INTO` another table are left alone, and `new.x` / `old.x` are renamed only
/// in triggers of `table` itself.
fn rename_column_in_triggers_and_views(
    catalog: &mut Catalog,
    table: &str,
    old: &str,
    new: &str,
    always_quote: bool,
) {
    let rewrite = |sql: &str, own_trigger: bool| -> String {
        let ranges = column_references(sql, table, old, own_trigger)
            .into_iter()
            .map(|(range, _)| range);
        apply(
            sql,
            ranges
                .map(|r| rename_token(sql, r, new, always_quote))
                .collect(),
        )
    };
    for t in catalog.tables.values_mut() {
        let own = t.name.name.eq_ignore_ascii_case(table);
        for trigger in &mut t.triggers {
            trigger.definition = rewrite(&trigger.definition, own);
        }
    }
    for view in catalog.views.values_mut() {
        if let Some(sql) = &view.definition {
            view.definition = Some(rewrite(sql, false));
        }
    }
}

/// References to column `column` of `table` in a trigger or view text: each name's byte range
/// and the name as written with its qualifier (`new.a`, `t.a`, `a`). `own_trigger` tells
/// whether the text is a trigger of `table` itself, where `new.` and `old.` mean `table`.
pub(super) fn column_references(
    sql: &str,
    table: &str,
    column: &str,
    own_trigger: bool,
) -> Vec<(std::ops::Range<usize>, String)> {
    let is_table = |name: &str| name.eq_ignore_ascii_case(table);
    let Ok(toks) = Tokens::new(sql) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (start, end) in segments(&toks) {
        let targets: Vec<usize> = (start..end).filter(|i| names_a_table(&toks, *i)).collect();
        let reads_table = targets.iter().any(|i| {
            toks.get(*i)
                .and_then(|t| t.name())
                .is_some_and(|n| is_table(&n))
        });
        let head = start == 0 && toks.kw(1, "TRIGGER");
        let foreign_insert_list = insert_column_list(&toks, start, end)
            .filter(|(target, _)| !is_table(target))
            .map(|(_, r)| r);
        for r in column_refs(&toks, start, end) {
            if !r.name.eq_ignore_ascii_case(column) || targets.contains(&r.token) {
                continue;
            }
            if foreign_insert_list
                .as_ref()
                .is_some_and(|list| list.contains(&r.token))
            {
                continue;
            }
            let refers = match &r.qualifier {
                Some(q) if q.eq_ignore_ascii_case("new") || q.eq_ignore_ascii_case("old") => {
                    own_trigger
                }
                Some(q) => is_table(q),
                None if head => own_trigger,
                None => reads_table,
            };
            if refers {
                let shown = r
                    .qualifier
                    .as_ref()
                    .map_or_else(|| r.name.clone(), |q| format!("{q}.{}", r.name));
                out.push((toks.toks[r.token].range(), shown));
            }
        }
    }
    out
}

/// Token ranges of a trigger's head (up to `BEGIN`) and of each statement of its body; a view
/// is one segment.
fn segments(toks: &Tokens) -> Vec<(usize, usize)> {
    let Some(begin) = (0..toks.len())
        .find(|i| toks.kw(*i, "BEGIN"))
        .filter(|_| toks.kw(1, "TRIGGER"))
    else {
        return vec![(0, toks.len())];
    };
    let mut out = vec![(0, begin)];
    let mut start = begin + 1;
    while start < toks.len() {
        let end = toks
            .find_at_depth0(start, toks.len(), &Token::SemiColon)
            .unwrap_or(toks.len());
        out.push((start, end));
        start = end + 1;
    }
    out
}

/// The target and token range of the column list of an `INSERT INTO target (...)` in a
/// segment.
fn insert_column_list(
    toks: &Tokens,
    start: usize,
    end: usize,
) -> Option<(String, std::ops::Range<usize>)> {
    let into = (start..end).find(|i| toks.kw(*i, "INTO"))?;
    let target = toks.get(into + 1)?.name()?;
    if !toks.is(into + 2, &Token::LParen) {
        return None;
    }
    let close = toks.matching_paren(into + 2)?;
    Some((target, into + 3..close))
}
