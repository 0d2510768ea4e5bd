//! The Mermaid `erDiagram` of a catalog: entities with their columns, and one relationship
//! per foreign key (`}o--||` when the referencing columns are NOT NULL, `}o--o|` otherwise).

use crate::catalog::{Catalog, ObjectName, Table};

/// The diagram's source, without the surrounding code fence.
pub fn er_diagram(catalog: &Catalog) -> String {
    let mut out = String::from("erDiagram\n");
    for table in catalog.tables.values() {
        out.push_str(&format!("    {} {{\n", entity(&table.name)));
        for column in &table.columns {
            let keys = column_keys(table, &column.name);
            let keys = if keys.is_empty() { String::new() } else { format!(" {}", keys.join(", ")) };
            out.push_str(&format!("        {} {}{keys}\n", word(&column.ty.engine), word(&column.name)));
        }
        out.push_str("    }\n");
    }
    for table in catalog.tables.values() {
        for fk in &table.foreign_keys {
            let required = fk.columns.iter().all(|c| table.column(c).is_some_and(|c| c.not_null));
            let cardinality = if required { "}o--||" } else { "}o--o|" };
            out.push_str(&format!(
                "    {} {cardinality} {} : \"{}\"\n",
                entity(&table.name),
                entity(&fk.ref_table),
                fk.columns.join(", ").replace('"', "'")
            ));
        }
    }
    out
}

/// Mermaid key markers of a column: `PK`, `FK`, `UK` (a unique constraint or unique index
/// on the column alone).
fn column_keys(table: &Table, column: &str) -> Vec<&'static str> {
    let named = |columns: &[String]| columns.iter().any(|c| c == column);
    let mut keys = Vec::new();
    if table.primary_key.as_ref().is_some_and(|k| named(&k.columns)) {
        keys.push("PK");
    }
    if table.foreign_keys.iter().any(|f| named(&f.columns)) {
        keys.push("FK");
    }
    let single_unique_index = |i: &crate::catalog::Index| i.unique && !i.primary && i.predicate.is_none() && i.keys.len() == 1 && i.keys[0].column.as_deref() == Some(column);
    if table.uniques.iter().any(|u| u.columns == [column]) || table.indexes.iter().any(single_unique_index) {
        keys.push("UK");
    }
    keys
}

fn entity(name: &ObjectName) -> String {
    word(&name.to_string())
}

/// A Mermaid attribute or entity word: letters, digits, `_`, `-`, `(`, `)`, `[`, `]`.
fn word(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || "_-()[]".contains(c) { c } else { '_' })
        .collect();
    if cleaned.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '(' || c == '[') {
        format!("_{cleaned}")
    } else {
        cleaned
    }
}
