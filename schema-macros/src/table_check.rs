//! The checks of a `#[table]` struct against every track: the table, each field's column,
//! the field's Rust type against the column's type, `Option` for nullable columns, and for
//! `insert` structs every column an INSERT must give.

use crate::ctxt::Ctxt;
use crate::fields::MappedField;
use crate::lookup::TableLookup;
use crate::message::{tracks, Message};
use crate::rust_type::{field_type, fits, suggestion};
use crate::table_args::TableArgs;
use schema_model::catalog::{Column, Table};
use schema_model::model::{SchemaModel, TrackModel};

/// Checks the struct described by `args` and `fields` against `model`.
pub fn check_table(ctxt: &Ctxt, model: &SchemaModel, args: &TableArgs, fields: &[MappedField]) {
    let schema = args.schema.as_ref().map(|s| s.value());
    let lookup = TableLookup::new(model, schema.as_deref(), &args.name.value());
    if let Some(message) = lookup.missing_table() {
        ctxt.error_at(args.name.span(), message);
    }
    let present: Vec<(&TrackModel, &Table)> = lookup.present().collect();
    if present.is_empty() {
        return;
    }
    for field in fields {
        let found: Option<Vec<(&TrackModel, &Column)>> =
            present.iter().map(|(track, table)| table.column(&field.column).map(|c| (*track, c))).collect();
        match found {
            Some(columns) => check_type(ctxt, &lookup.name, field, &columns),
            None => {
                if let Some(message) = lookup.missing_column(&field.column) {
                    ctxt.error_at(field.span, message);
                }
            }
        }
    }
    if let Some(insert) = &args.insert {
        for message in missing_insert_columns(&args.qualified_name(), &present, fields) {
            ctxt.error_at(insert.span(), message);
        }
    }
}

/// The field's type against the column on every track: one error for a type that does
/// not fit, one for a nullable column without `Option`.
fn check_type(ctxt: &Ctxt, table: &str, field: &MappedField, columns: &[(&TrackModel, &Column)]) {
    let ty = field_type(&field.ty);
    let mismatches = group_by_type(columns.iter().filter(|(track, c)| !fits(&ty.kind, &c.ty, track.engine)));
    if let Some(((engine_type, first_tracks, first_column), rest)) = mismatches.split_first() {
        let mut message = Message::new(format!(
            "field `{}` has type `{}`, which does not fit column `{table}.{}` of type `{engine_type}` on {}",
            field.field,
            type_text(&field.ty),
            field.column,
            tracks(first_tracks)
        ))
        .note(format!("the column's type is set at {}", first_column.provenance.changed));
        for (engine_type, names, column) in rest {
            message = message.note(format!(
                "on {} the column is `{engine_type}` (set at {})",
                tracks(names),
                column.provenance.changed
            ));
        }
        let suggestions: Vec<Option<String>> = mismatches.iter().map(|(_, _, c)| suggestion(&c.ty.logical)).collect();
        if let Some(Some(first)) = suggestions.first() {
            if suggestions.iter().all(|s| s.as_ref() == Some(first)) {
                let wrapped = if ty.optional { format!("Option<{first}>") } else { first.clone() };
                message = message.help(format!("use `{wrapped}`"));
            }
        }
        ctxt.error_spanned_by(&field.ty, message);
    }
    let nullable: Vec<&(&TrackModel, &Column)> = columns.iter().filter(|(_, c)| !c.never_null()).collect();
    if let (false, Some((_, column))) = (ty.optional, nullable.first()) {
        let names: Vec<&str> = nullable.iter().map(|(t, _)| t.name.as_str()).collect();
        let message = Message::new(format!(
            "column `{table}.{}` is nullable on {}, so field `{}` must be an `Option`",
            field.column,
            tracks(&names),
            field.field
        ))
        .note(format!("the column is declared at {}", column.provenance.changed))
        .help(format!("use `Option<{}>`", type_text(&field.ty)));
        ctxt.error_spanned_by(&field.ty, message);
    }
}

/// Columns grouped by their type as the engine prints it: (type, tracks, first column).
fn group_by_type<'a>(
    columns: impl Iterator<Item = &'a (&'a TrackModel, &'a Column)>,
) -> Vec<(String, Vec<&'a str>, &'a Column)> {
    let mut groups: Vec<(String, Vec<&str>, &Column)> = Vec::new();
    for (track, column) in columns {
        match groups.iter_mut().find(|(ty, _, _)| *ty == column.ty.engine) {
            Some((_, names, _)) => names.push(&track.name),
            None => groups.push((column.ty.engine.clone(), vec![&track.name], column)),
        }
    }
    groups
}

/// One message per column that an INSERT must give (NOT NULL, no default) on some track
/// but no field maps.
fn missing_insert_columns(table: &str, present: &[(&TrackModel, &Table)], fields: &[MappedField]) -> Vec<Message> {
    let mut missing: Vec<(&str, Vec<&str>, &Column)> = Vec::new();
    for (track, t) in present {
        for column in t.columns.iter().filter(|c| c.required_on_insert()) {
            if fields.iter().any(|f| f.column == column.name) {
                continue;
            }
            match missing.iter_mut().find(|(name, _, _)| *name == column.name) {
                Some((_, names, _)) => names.push(&track.name),
                None => missing.push((&column.name, vec![&track.name], column)),
            }
        }
    }
    missing
        .into_iter()
        .map(|(name, names, column)| {
            let rust = suggestion(&column.ty.logical).unwrap_or_else(|| "T".to_string());
            Message::new(format!(
                "insert struct for `{table}` has no field for column `{name}`, which is NOT NULL without a default on {}",
                tracks(&names)
            ))
            .note(format!("the column is declared at {}", column.provenance.changed))
            .help(format!("add a field `{name}: {rust}`, or give the column a default on every track"))
        })
        .collect()
}

/// A type as the user wrote it, without the token spacing of `quote` (`Option<i64>`).
pub fn type_text(ty: &syn::Type) -> String {
    let spaced = quote::ToTokens::to_token_stream(ty).to_string();
    let mut out = String::new();
    let mut chars = spaced.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ' ' {
            let prev = out.chars().last();
            let next = chars.peek().copied();
            let glue = matches!(prev, Some('<' | '&' | ':' | '(' | '[' | '\''))
                || matches!(next, Some('<' | '>' | ',' | ':' | ')' | ']'))
                || (prev == Some('>') && next == Some('>'));
            if !glue {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_text_reads_like_source() {
        for text in ["Option<i64>", "&'a str", "chrono::DateTime<chrono::Utc>", "Vec<Option<(i32, String)>>", "&[u8]", "Cow<'static, str>"] {
            let ty: syn::Type = syn::parse_str(text).unwrap();
            assert_eq!(type_text(&ty), text);
        }
    }
}
