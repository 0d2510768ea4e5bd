//! The meaning ([`LogicalType`]) of a Postgres column type as `format_type` prints it
//! (`character varying(255)`, `timestamp(3) with time zone`, `numeric(10,2)`, `text[]`,
//! `myschema.mood`). Shared by the Postgres replay and live introspection, so both sides of
//! a comparison classify types the same way.

use super::{Catalog, LogicalType, ObjectName};

/// The logical type of `formatted` (a `format_type` string) in `catalog`. Enum types of the
/// catalog (bare names are looked up in `public`) become [`LogicalType::Enum`], domains take
/// their base type's meaning; any other unknown name is [`LogicalType::Other`].
pub fn logical_type(formatted: &str, catalog: &Catalog) -> LogicalType {
    let formatted = formatted.trim();
    if let Some(element) = formatted.strip_suffix("[]") {
        return LogicalType::Array { element: Box::new(logical_type(element, catalog)) };
    }
    let (base, modifiers) = split_modifiers(formatted);
    let first = modifiers.first().copied();
    match base.as_str() {
        "smallint" => LogicalType::Integer { bytes: 2, unsigned: false },
        "integer" => LogicalType::Integer { bytes: 4, unsigned: false },
        "bigint" => LogicalType::Integer { bytes: 8, unsigned: false },
        "numeric" => LogicalType::Decimal { precision: first, scale: first.map(|_| modifiers.get(1).copied().unwrap_or(0)) },
        "real" => LogicalType::Float { bytes: 4 },
        "double precision" => LogicalType::Float { bytes: 8 },
        "text" | "name" => LogicalType::Text { max_len: None, fixed: false },
        "character varying" => LogicalType::Text { max_len: first, fixed: false },
        "character" => LogicalType::Text { max_len: first, fixed: true },
        "bpchar" => LogicalType::Text { max_len: None, fixed: true },
        "boolean" => LogicalType::Boolean,
        "date" => LogicalType::Date,
        "time without time zone" => LogicalType::Time { tz: false },
        "time with time zone" => LogicalType::Time { tz: true },
        "timestamp without time zone" => LogicalType::Timestamp { tz: false },
        "timestamp with time zone" => LogicalType::Timestamp { tz: true },
        "uuid" => LogicalType::Uuid,
        "json" => LogicalType::Json { binary: false },
        "jsonb" => LogicalType::Json { binary: true },
        "bytea" => LogicalType::Bytes { max_len: None },
        _ if base == "interval" || base.starts_with("interval ") => LogicalType::Interval,
        _ => {
            let name = object_name(formatted);
            if let Some(found) = catalog.enums.get(&name) {
                LogicalType::Enum { name: formatted.to_string(), labels: found.labels.clone() }
            } else if let Some(domain) = catalog.domains.get(&name) {
                logical_type(&domain.base_type, catalog)
            } else {
                LogicalType::Other { name: formatted.to_string() }
            }
        }
    }
}

/// Splits `timestamp(3) with time zone` into (`timestamp with time zone`, [3]) and
/// `numeric(10,2)` into (`numeric`, [10, 2]). Text without a numeric modifier list is
/// returned whole.
fn split_modifiers(formatted: &str) -> (String, Vec<u32>) {
    let Some(open) = formatted.find('(') else { return (formatted.to_string(), Vec::new()) };
    let Some(close) = formatted[open..].find(')').map(|i| open + i) else {
        return (formatted.to_string(), Vec::new());
    };
    let modifiers: Option<Vec<u32>> =
        formatted[open + 1..close].split(',').map(|m| m.trim().parse().ok()).collect();
    match modifiers {
        Some(modifiers) => {
            let base = format!("{}{}", &formatted[..open], &formatted[close + 1..]);
            (base, modifiers)
        }
        None => (formatted.to_string(), Vec::new()),
    }
}

/// The schema-qualified name of a type name as `format_type` prints it (`mood`,
/// `app.mood`, `"Mood"`); bare names are taken to be in `public`.
fn object_name(formatted: &str) -> ObjectName {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    let mut chars = formatted.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                current.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            '.' if !quoted => parts.push(std::mem::take(&mut current)),
            _ => current.push(c),
        }
    }
    parts.push(current);
    match parts.len() {
        1 => ObjectName::new("public", parts.remove(0)),
        _ => {
            let name = parts.pop().unwrap_or_default();
            ObjectName::new(parts.pop().unwrap_or_default(), name)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Domain, Engine, EnumType, Provenance};

    fn no_enums() -> Catalog {
        Catalog::new(Engine::Postgres)
    }

    #[test]
    fn maps_builtin_types_with_modifiers() {
        let enums = no_enums();
        assert_eq!(logical_type("character varying(255)", &enums), LogicalType::Text { max_len: Some(255), fixed: false });
        assert_eq!(logical_type("character varying", &enums), LogicalType::Text { max_len: None, fixed: false });
        assert_eq!(logical_type("character(1)", &enums), LogicalType::Text { max_len: Some(1), fixed: true });
        assert_eq!(logical_type("numeric(10,2)", &enums), LogicalType::Decimal { precision: Some(10), scale: Some(2) });
        assert_eq!(logical_type("numeric(10)", &enums), LogicalType::Decimal { precision: Some(10), scale: Some(0) });
        assert_eq!(logical_type("numeric", &enums), LogicalType::Decimal { precision: None, scale: None });
        assert_eq!(logical_type("timestamp(3) with time zone", &enums), LogicalType::Timestamp { tz: true });
        assert_eq!(logical_type("time without time zone", &enums), LogicalType::Time { tz: false });
        assert_eq!(logical_type("interval year to month", &enums), LogicalType::Interval);
        assert_eq!(logical_type("bigint", &enums), LogicalType::Integer { bytes: 8, unsigned: false });
        assert_eq!(logical_type("jsonb", &enums), LogicalType::Json { binary: true });
    }

    #[test]
    fn maps_arrays_enums_and_unknown_names() {
        let mut enums = no_enums();
        let name = ObjectName::new("app", "Mood");
        enums.enums.insert(name.clone(), EnumType { name, labels: vec!["ok".into()], provenance: Provenance::default() });
        assert_eq!(
            logical_type("text[]", &enums),
            LogicalType::Array { element: Box::new(LogicalType::Text { max_len: None, fixed: false }) }
        );
        assert_eq!(
            logical_type("app.\"Mood\"", &enums),
            LogicalType::Enum { name: "app.\"Mood\"".into(), labels: vec!["ok".into()] }
        );
        assert_eq!(logical_type("ltree", &enums), LogicalType::Other { name: "ltree".into() });
        assert_eq!(logical_type("semver_triple", &enums), LogicalType::Other { name: "semver_triple".into() });
    }

    #[test]
    fn domains_mean_their_base_type() {
        let mut catalog = no_enums();
        let name = ObjectName::new("public", "price");
        catalog.domains.insert(
            name.clone(),
            Domain { name, base_type: "numeric(10,2)".into(), not_null: false, default: None, checks: Vec::new(), provenance: Provenance::default() },
        );
        assert_eq!(logical_type("price", &catalog), LogicalType::Decimal { precision: Some(10), scale: Some(2) });
        assert_eq!(logical_type("name", &catalog), LogicalType::Text { max_len: None, fixed: false });
    }
}
