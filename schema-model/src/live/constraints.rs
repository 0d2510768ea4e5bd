//! Constraints, indexes and triggers, attached to the tables, materialized views and domains
//! read before: one query for every constraint, one for every index, one for every trigger.

use super::query::{get, live_provenance, rows, LiveError, USER_SCHEMA};
use super::relations::Relations;
use crate::catalog::{
    CheckConstraint, Deferral, ExclusionConstraint, FkAction, ForeignKey, Index, IndexKey,
    ObjectName, PrimaryKey, Trigger, UniqueConstraint,
};
use postgres::{GenericClient, Row};
use std::collections::HashMap;

/// Check constraints of domains, keyed by the domain's type oid.
pub(super) type DomainChecks = HashMap<u32, Vec<CheckConstraint>>;

/// Attaches constraints, indexes and triggers to `relations`; returns the domains' checks.
pub(super) fn attach(client: &mut impl GenericClient, relations: &mut Relations) -> Result<DomainChecks, LiveError> {
    let domain_checks = attach_constraints(client, relations)?;
    attach_indexes(client, relations)?;
    attach_triggers(client, relations)?;
    Ok(domain_checks)
}

/// Column names of a key, resolved in key order.
const KEY_COLUMNS: &str = "ARRAY(SELECT a.attname::text \
     FROM unnest({key}) WITH ORDINALITY k(attnum, position) \
     JOIN pg_catalog.pg_attribute a ON a.attrelid = {relation} AND a.attnum = k.attnum \
     ORDER BY k.position)";

fn key_columns(key: &str, relation: &str) -> String {
    KEY_COLUMNS.replace("{key}", key).replace("{relation}", relation)
}

fn attach_constraints(client: &mut impl GenericClient, relations: &mut Relations) -> Result<DomainChecks, LiveError> {
    let sql = format!(
        "SELECT con.conrelid, con.contypid, con.conname::text, con.contype::text, {}, \
                fn.nspname::text, fc.relname::text, {}, \
                con.confdeltype::text, con.confupdtype::text, con.confmatchtype::text, \
                con.condeferrable, con.condeferred, con.convalidated, con.connoinherit, \
                pg_catalog.pg_get_constraintdef(con.oid) \
         FROM pg_catalog.pg_constraint con \
         LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid \
         LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace \
         JOIN pg_catalog.pg_namespace n ON n.oid = con.connamespace \
         WHERE con.contype IN ('p', 'u', 'f', 'c', 'x') AND {USER_SCHEMA} \
         ORDER BY con.conname",
        key_columns("con.conkey", "con.conrelid"),
        key_columns("con.confkey", "con.confrelid"),
    );
    const WHAT: &str = "constraints";
    let mut domain_checks = DomainChecks::new();
    for row in rows(client, WHAT, &sql)? {
        let relation: u32 = get(&row, 0, WHAT)?;
        let domain: u32 = get(&row, 1, WHAT)?;
        let name: String = get(&row, 2, WHAT)?;
        let kind: String = get(&row, 3, WHAT)?;
        let definition: String = get(&row, 15, WHAT)?;
        let check = || -> Result<CheckConstraint, LiveError> {
            Ok(CheckConstraint {
                name: name.clone(),
                definition: definition.clone(),
                validated: get(&row, 13, WHAT)?,
                no_inherit: get(&row, 14, WHAT)?,
                provenance: live_provenance(),
            })
        };
        if domain != 0 {
            if kind == "c" {
                domain_checks.entry(domain).or_default().push(check()?);
            }
            continue;
        }
        let Some(table) = relations.tables.get_mut(&relation) else { continue };
        let columns: Vec<String> = get(&row, 4, WHAT)?;
        let deferral = Deferral { deferrable: get(&row, 11, WHAT)?, initially_deferred: get(&row, 12, WHAT)? };
        match kind.as_str() {
            "p" => table.primary_key = Some(PrimaryKey { name, columns, provenance: live_provenance() }),
            "u" => table.uniques.push(UniqueConstraint { name, columns, definition, deferral, provenance: live_provenance() }),
            "f" => table.foreign_keys.push(foreign_key(&row, name, columns, deferral, definition)?),
            "c" => table.checks.push(check()?),
            _ => table.exclusions.push(ExclusionConstraint { name, definition, provenance: live_provenance() }),
        }
    }
    Ok(domain_checks)
}

fn foreign_key(row: &Row, name: String, columns: Vec<String>, deferral: Deferral, definition: String) -> Result<ForeignKey, LiveError> {
    const WHAT: &str = "foreign keys";
    let action = |index: usize| -> Result<FkAction, LiveError> {
        let code: String = get(row, index, WHAT)?;
        Ok(match code.as_str() {
            "r" => FkAction::Restrict,
            "c" => FkAction::Cascade,
            "n" => FkAction::SetNull,
            "d" => FkAction::SetDefault,
            _ => FkAction::NoAction,
        })
    };
    let match_code: String = get(row, 10, WHAT)?;
    Ok(ForeignKey {
        name,
        columns,
        ref_table: ObjectName::new(get::<String>(row, 5, WHAT)?, get::<String>(row, 6, WHAT)?),
        ref_columns: get(row, 7, WHAT)?,
        on_delete: action(8)?,
        on_update: action(9)?,
        match_type: match match_code.as_str() {
            "f" => "FULL",
            "p" => "PARTIAL",
            _ => "SIMPLE",
        }
        .to_string(),
        deferral,
        validated: get(row, 13, WHAT)?,
        definition,
        provenance: live_provenance(),
    })
}

/// Every index of every relation, with its keys printed as `pg_get_indexdef` prints them:
/// the column or expression, then a non-default operator class, `DESC`, non-default
/// `NULLS FIRST` / `NULLS LAST`.
fn attach_indexes(client: &mut impl GenericClient, relations: &mut Relations) -> Result<(), LiveError> {
    let sql = format!(
        "SELECT i.indrelid, ic.relname::text, pg_catalog.pg_get_indexdef(i.indexrelid), \
                i.indisunique, i.indisprimary, i.indisvalid, am.amname::text, \
                pg_catalog.pg_get_expr(i.indpred, i.indrelid), con.conname::text, \
                ARRAY(SELECT coalesce(a.attname::text, '') \
                      FROM generate_series(0, i.indnkeyatts - 1) k \
                      LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k] \
                      ORDER BY k), \
                ARRAY(SELECT concat_ws(' ', pg_catalog.pg_get_indexdef(i.indexrelid, k + 1, false), \
                          CASE WHEN NOT opc.opcdefault THEN opc.opcname::text END, \
                          CASE WHEN i.indoption[k] & 1 = 1 THEN 'DESC' END, \
                          CASE WHEN i.indoption[k] & 3 = 1 THEN 'NULLS LAST' \
                               WHEN i.indoption[k] & 3 = 2 THEN 'NULLS FIRST' END) \
                      FROM generate_series(0, i.indnkeyatts - 1) k \
                      LEFT JOIN pg_catalog.pg_opclass opc ON opc.oid = i.indclass[k] \
                      ORDER BY k), \
                ARRAY(SELECT i.indoption[k] & 1 = 1 FROM generate_series(0, i.indnkeyatts - 1) k ORDER BY k) \
         FROM pg_catalog.pg_index i \
         JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid \
         JOIN pg_catalog.pg_namespace n ON n.oid = ic.relnamespace \
         JOIN pg_catalog.pg_am am ON am.oid = ic.relam \
         LEFT JOIN pg_catalog.pg_constraint con ON con.conindid = i.indexrelid \
              AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x') \
         WHERE {USER_SCHEMA} \
         ORDER BY ic.relname"
    );
    const WHAT: &str = "indexes";
    for row in rows(client, WHAT, &sql)? {
        let relation: u32 = get(&row, 0, WHAT)?;
        let target = if let Some(table) = relations.tables.get_mut(&relation) {
            &mut table.indexes
        } else if let Some(view) = relations.views.get_mut(&relation) {
            &mut view.indexes
        } else {
            continue;
        };
        let columns: Vec<String> = get(&row, 9, WHAT)?;
        let definitions: Vec<String> = get(&row, 10, WHAT)?;
        let descending: Vec<bool> = get(&row, 11, WHAT)?;
        let keys = columns
            .into_iter()
            .zip(definitions)
            .zip(descending)
            .map(|((column, definition), descending)| IndexKey {
                column: (!column.is_empty()).then_some(column),
                definition,
                descending,
                collation: None,
                sub_part: None,
            })
            .collect();
        target.push(Index {
            name: get(&row, 1, WHAT)?,
            definition: Some(get(&row, 2, WHAT)?),
            unique: get(&row, 3, WHAT)?,
            primary: get(&row, 4, WHAT)?,
            valid: get(&row, 5, WHAT)?,
            method: get(&row, 6, WHAT)?,
            predicate: get(&row, 7, WHAT)?,
            constraint: get(&row, 8, WHAT)?,
            keys,
            origin: None,
            provenance: live_provenance(),
        });
    }
    Ok(())
}

/// User triggers (not the internal ones behind foreign keys) on tables.
fn attach_triggers(client: &mut impl GenericClient, relations: &mut Relations) -> Result<(), LiveError> {
    let sql = "SELECT t.tgrelid, t.tgname::text, pg_catalog.pg_get_triggerdef(t.oid), t.tgenabled::text \
         FROM pg_catalog.pg_trigger t WHERE NOT t.tgisinternal ORDER BY t.tgname";
    const WHAT: &str = "triggers";
    for row in rows(client, WHAT, sql)? {
        let relation: u32 = get(&row, 0, WHAT)?;
        if let Some(table) = relations.tables.get_mut(&relation) {
            table.triggers.push(Trigger {
                name: get(&row, 1, WHAT)?,
                definition: get(&row, 2, WHAT)?,
                enabled: get(&row, 3, WHAT)?,
                provenance: live_provenance(),
            });
        }
    }
    Ok(())
}
