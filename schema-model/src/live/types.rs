//! Sequences, enum types and domains: one query each.

use super::constraints::DomainChecks;
use super::query::{get, live_provenance, not_extension_owned, rows, LiveError, USER_SCHEMA};
use crate::catalog::{Domain, EnumType, ObjectName, Sequence, SequenceOwner};
use postgres::GenericClient;
use std::collections::BTreeMap;

/// Every user sequence with its owner: the column of a `serial` / `OWNED BY` (`a` dependency)
/// or of an identity column (`i` dependency).
pub(super) fn sequences(client: &mut impl GenericClient) -> Result<BTreeMap<ObjectName, Sequence>, LiveError> {
    let sql = format!(
        "SELECT n.nspname::text, c.relname::text, pg_catalog.format_type(s.seqtypid, NULL), \
                s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle, \
                tn.nspname::text, tc.relname::text, ta.attname::text, d.deptype = 'i' \
         FROM pg_catalog.pg_sequence s \
         JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid \
         JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace \
         LEFT JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_class'::regclass \
              AND d.objid = c.oid AND d.refclassid = 'pg_catalog.pg_class'::regclass \
              AND d.deptype IN ('a', 'i') \
         LEFT JOIN pg_catalog.pg_class tc ON tc.oid = d.refobjid \
         LEFT JOIN pg_catalog.pg_namespace tn ON tn.oid = tc.relnamespace \
         LEFT JOIN pg_catalog.pg_attribute ta ON ta.attrelid = d.refobjid AND ta.attnum = d.refobjsubid \
         WHERE {USER_SCHEMA} AND {}",
        not_extension_owned("pg_catalog.pg_class", "c.oid"),
    );
    const WHAT: &str = "sequences";
    let mut sequences = BTreeMap::new();
    for row in rows(client, WHAT, &sql)? {
        let name = ObjectName::new(get::<String>(&row, 0, WHAT)?, get::<String>(&row, 1, WHAT)?);
        let owner_table: Option<String> = get(&row, 10, WHAT)?;
        let owned_by = match (get::<Option<String>>(&row, 9, WHAT)?, owner_table, get::<Option<String>>(&row, 11, WHAT)?) {
            (Some(schema), Some(table), Some(column)) => Some(SequenceOwner {
                table: ObjectName::new(schema, table),
                column,
                identity: get(&row, 12, WHAT)?,
            }),
            _ => None,
        };
        let sequence = Sequence {
            name: name.clone(),
            data_type: get(&row, 2, WHAT)?,
            start: get(&row, 3, WHAT)?,
            increment: get(&row, 4, WHAT)?,
            min: get(&row, 5, WHAT)?,
            max: get(&row, 6, WHAT)?,
            cache: get(&row, 7, WHAT)?,
            cycle: get(&row, 8, WHAT)?,
            owned_by,
            provenance: live_provenance(),
        };
        sequences.insert(name, sequence);
    }
    Ok(sequences)
}

/// Every user enum type with its labels in enum order.
pub(super) fn enums(client: &mut impl GenericClient) -> Result<BTreeMap<ObjectName, EnumType>, LiveError> {
    let sql = format!(
        "SELECT n.nspname::text, t.typname::text, \
                ARRAY(SELECT e.enumlabel::text FROM pg_catalog.pg_enum e \
                      WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) \
         FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace \
         WHERE t.typtype = 'e' AND {USER_SCHEMA} AND {}",
        not_extension_owned("pg_catalog.pg_type", "t.oid"),
    );
    const WHAT: &str = "enum types";
    let mut enums = BTreeMap::new();
    for row in rows(client, WHAT, &sql)? {
        let name = ObjectName::new(get::<String>(&row, 0, WHAT)?, get::<String>(&row, 1, WHAT)?);
        let labels = get(&row, 2, WHAT)?;
        enums.insert(name.clone(), EnumType { name, labels, provenance: live_provenance() });
    }
    Ok(enums)
}

/// Every user domain, with the check constraints read with the other constraints.
pub(super) fn domains(
    client: &mut impl GenericClient,
    checks: &DomainChecks,
) -> Result<BTreeMap<ObjectName, Domain>, LiveError> {
    let sql = format!(
        "SELECT t.oid, n.nspname::text, t.typname::text, \
                pg_catalog.format_type(t.typbasetype, t.typtypmod), t.typnotnull, \
                pg_catalog.pg_get_expr(t.typdefaultbin, 0) \
         FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace \
         WHERE t.typtype = 'd' AND {USER_SCHEMA} AND {}",
        not_extension_owned("pg_catalog.pg_type", "t.oid"),
    );
    const WHAT: &str = "domains";
    let mut domains = BTreeMap::new();
    for row in rows(client, WHAT, &sql)? {
        let oid: u32 = get(&row, 0, WHAT)?;
        let name = ObjectName::new(get::<String>(&row, 1, WHAT)?, get::<String>(&row, 2, WHAT)?);
        let domain = Domain {
            name: name.clone(),
            base_type: get(&row, 3, WHAT)?,
            not_null: get(&row, 4, WHAT)?,
            default: get(&row, 5, WHAT)?,
            checks: checks.get(&oid).cloned().unwrap_or_default(),
            provenance: live_provenance(),
        };
        domains.insert(name, domain);
    }
    Ok(domains)
}
