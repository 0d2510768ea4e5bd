//! `column!(table.column)` and `table_name!(table)`: a table or column name as a
//! `&'static str`, checked to exist on every track.

use crate::ctxt::Ctxt;
use crate::lookup::TableLookup;
use crate::model_cache::{self, Loaded, ModelError};
use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::ext::IdentExt;
use syn::parse::Parser;
use syn::punctuated::Punctuated;
use syn::{Ident, Token};

/// What a name macro names.
#[derive(Clone, Copy)]
pub enum NameKind {
    Table,
    Column,
}

impl NameKind {
    fn usage(self) -> &'static str {
        match self {
            NameKind::Table => "expected a table name: `table_name!(oauth_clients)` or `table_name!(schema.oauth_clients)`",
            NameKind::Column => "expected `table.column`: `column!(oauth_clients.token_ttl)` or `column!(schema.table.column)`",
        }
    }
}

/// Expands `column!(...)` or `table_name!(...)` against the model of `SCHEMA_MODEL_PATH`.
pub fn expand(kind: NameKind, input: TokenStream) -> TokenStream {
    expand_with(kind, input, model_cache::load_from_env)
}

/// Expands with the model from `load` (called only when the input parses).
pub fn expand_with(
    kind: NameKind,
    input: TokenStream,
    load: impl FnOnce() -> Result<Loaded, ModelError>,
) -> TokenStream {
    let ctxt = Ctxt::new();
    let parser = |stream: syn::parse::ParseStream<'_>| {
        Punctuated::<Ident, Token![.]>::parse_separated_nonempty_with(stream, Ident::parse_any)
    };
    let parts: Vec<Ident> = match parser.parse2(input) {
        Ok(parts) => parts.into_iter().collect(),
        Err(e) => {
            ctxt.error_at(e.span(), kind.usage());
            return emit(ctxt, "");
        }
    };
    let names: Vec<String> = parts.iter().map(|p| p.unraw().to_string()).collect();
    let (schema, table, column) = match (kind, names.as_slice()) {
        (NameKind::Table, [table]) => (None, table, None),
        (NameKind::Table, [schema, table]) => (Some(schema.as_str()), table, None),
        (NameKind::Column, [table, column]) => (None, table, Some((column, &parts[1]))),
        (NameKind::Column, [schema, table, column]) => (Some(schema.as_str()), table, Some((column, &parts[2]))),
        _ => {
            ctxt.error_at(parts[0].span(), kind.usage());
            return emit(ctxt, "");
        }
    };
    let table_span = parts[parts.len() - 1 - usize::from(column.is_some())].span();
    match load() {
        Ok(loaded) => {
            let lookup = TableLookup::new(&loaded.model, schema, table);
            if let Some(message) = lookup.missing_table() {
                ctxt.error_at(table_span, message);
            }
            if let Some((column, ident)) = column {
                if lookup.present().next().is_some() {
                    if let Some(message) = lookup.missing_column(column) {
                        ctxt.error_at(ident.span(), message);
                    }
                }
            }
        }
        Err(error) => ctxt.error_at(Span::call_site(), error),
    }
    let value = match (column, schema) {
        (Some((column, _)), _) => column.clone(),
        (None, Some(schema)) => format!("{schema}.{table}"),
        (None, None) => table.clone(),
    };
    emit(ctxt, &value)
}

/// The string literal, preceded by the errors as statements of one block expression.
fn emit(ctxt: Ctxt, value: &str) -> TokenStream {
    if !ctxt.has_errors() {
        return quote!(#value);
    }
    let errors = ctxt.into_compile_errors();
    quote!({ #errors; #value })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lookup::test_model;
    use std::sync::Arc;

    fn run(kind: NameKind, input: &str) -> String {
        let loaded = Loaded { model: Arc::new(test_model::model()), stamp: None };
        expand_with(kind, input.parse().unwrap(), || Ok(loaded)).to_string()
    }

    #[test]
    fn existing_names_become_literals() {
        assert_eq!(run(NameKind::Column, "oauth_clients.name"), "\"name\"");
        assert_eq!(run(NameKind::Table, "oauth_clients"), "\"oauth_clients\"");
        assert_eq!(run(NameKind::Table, "public.oauth_clients"), "\"public.oauth_clients\"");
    }

    #[test]
    fn missing_names_are_errors() {
        let out = run(NameKind::Column, "oauth_clients.token_ttl");
        assert!(out.contains("column `token_ttl` of table `oauth_clients` is missing on track `pglite`"), "{out}");
        assert!(out.ends_with("\"token_ttl\" }"), "{out}");
        let out = run(NameKind::Table, "oauth_client");
        assert!(out.contains("did you mean `oauth_clients`?"), "{out}");
        let out = run(NameKind::Column, "oauth_clients");
        assert!(out.contains("expected `table.column`"), "{out}");
        let out = run(NameKind::Column, "oauth_clients.");
        assert!(out.contains("expected `table.column`"), "{out}");
        let out = run(NameKind::Column, "nope.x");
        assert!(out.contains("table `nope` does not exist on any track"), "{out}");
        assert!(!out.contains("column `x`"), "{out}");
    }
}
