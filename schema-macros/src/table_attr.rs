//! `#[table("name")]` on a struct: checks every field against every track and adds
//! `const TABLE: &str` and `const COLUMNS: &[&str]`. The struct is always emitted (without
//! its `#[column]` attributes) so one schema error does not cascade into others.

use crate::ctxt::Ctxt;
use crate::fields::mapped_fields;
use crate::message::Message;
use crate::model_cache::{self, Loaded, ModelError};
use crate::table_args::TableArgs;
use crate::table_check::check_table;
use proc_macro2::{Span, TokenStream};
use quote::quote;

/// Expands `#[table(args)] item` against the model named by `SCHEMA_MODEL_PATH`.
pub fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    expand_with(args, item, model_cache::load_from_env)
}

/// Expands with the model from `load` (called only when the arguments parse).
pub fn expand_with(
    args: TokenStream,
    item: TokenStream,
    load: impl FnOnce() -> Result<Loaded, ModelError>,
) -> TokenStream {
    let ctxt = Ctxt::new();
    let args = syn::parse2::<TableArgs>(args).map_err(|e| ctxt.syn_error(e)).ok();
    let item_tokens = item;
    let mut item = match syn::parse2::<syn::ItemStruct>(item_tokens.clone()) {
        Ok(item) => item,
        Err(_) => {
            ctxt.error_at(
                Span::call_site(),
                Message::new("#[table] applies to a struct with named fields, one per column"),
            );
            return item_tokens.into_iter().chain(ctxt.into_compile_errors()).collect();
        }
    };
    let syn::Fields::Named(named) = &mut item.fields else {
        ctxt.error_spanned_by(&item.ident, "#[table] needs a struct with named fields, one per column");
        return quote!(#item).into_iter().chain(ctxt.into_compile_errors()).collect();
    };
    // Without `#[column]` attributes to remove, the struct is emitted as written.
    let unchanged = !named.named.iter().any(|field| field.attrs.iter().any(|a| a.path().is_ident("column")));
    let fields = mapped_fields(&ctxt, named.named.iter_mut());
    let mut output = if unchanged { item_tokens } else { quote!(#item) };
    if let Some(args) = &args {
        match load() {
            Ok(loaded) => {
                check_table(&ctxt, &loaded.model, args, &fields);
                output.extend(loaded.tracking_item());
            }
            Err(error) => ctxt.error_at(args.name.span(), error),
        }
        let table = args.qualified_name();
        let columns = fields.iter().map(|f| &f.column);
        let (impl_generics, type_generics, where_clause) = item.generics.split_for_impl();
        let ident = &item.ident;
        output.extend(quote! {
            impl #impl_generics #ident #type_generics #where_clause {
                /// The table this struct maps, checked against every schema track.
                pub const TABLE: &'static str = #table;
                /// The columns the fields map to, in field order.
                pub const COLUMNS: &'static [&'static str] = &[#(#columns),*];
            }
        });
    }
    output.extend(ctxt.into_compile_errors());
    output
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lookup::test_model;
    use std::sync::Arc;

    fn expand_test(args: &str, item: &str) -> String {
        let loaded = Loaded { model: Arc::new(test_model::model()), stamp: None };
        expand_with(args.parse().unwrap(), item.parse().unwrap(), || Ok(loaded)).to_string()
    }

    /// The messages of the `compile_error!`s in an expansion.
    fn compile_errors(expansion: &str) -> Vec<String> {
        let tokens: TokenStream = expansion.parse().unwrap();
        let file: syn::File = syn::parse2(tokens).unwrap();
        file.items
            .iter()
            .filter_map(|item| match item {
                syn::Item::Macro(m) if m.mac.path.segments.last().is_some_and(|s| s.ident == "compile_error") => {
                    Some(syn::parse2::<syn::LitStr>(m.mac.tokens.clone()).unwrap().value())
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_matching_struct_gets_its_constants() {
        let out = expand_test(
            r#""oauth_clients""#,
            "struct Client { id: i64, #[column(\"name\")] client_name: String, token_type: Option<String>, #[column(skip)] extra: Vec<u8> }",
        );
        assert!(compile_errors(&out).is_empty(), "{out}");
        assert!(out.contains(r#"pub const TABLE : & 'static str = "oauth_clients""#), "{out}");
        assert!(out.contains(r#"& ["id" , "name" , "token_type"]"#), "{out}");
        assert!(!out.contains("# [column"), "{out}");
    }

    #[test]
    fn every_error_of_a_struct_is_reported_together() {
        let out = expand_test(
            r#""oauth_clients", insert"#,
            "struct NewClient { id: i32, token_ttl: i32, token_type: String }",
        );
        let errors = compile_errors(&out);
        assert_eq!(errors.len(), 5, "{errors:#?}");
        assert!(errors[0].starts_with("field `id` has type `i32`, which does not fit column `oauth_clients.id` of type `bigint` on tracks `postgres` and `pglite`"), "{}", errors[0]);
        assert!(errors[0].ends_with("= help: use `i64`"), "{}", errors[0]);
        assert!(errors[1].starts_with("column `token_ttl` of table `oauth_clients` is missing on track `pglite`"));
        assert!(errors[2].starts_with("column `oauth_clients.token_type` is nullable on tracks `postgres` and `pglite`, so field `token_type` must be an `Option`"));
        assert!(errors[2].ends_with("= help: use `Option<String>`"), "{}", errors[2]);
        assert!(errors[3].starts_with("insert struct for `oauth_clients` has no field for column `name`, which is NOT NULL without a default on tracks `postgres` and `pglite`"), "{}", errors[3]);
        assert!(errors[4].starts_with("insert struct for `oauth_clients` has no field for column `secret`, which is NOT NULL without a default on track `postgres`"), "{}", errors[4]);
        assert!(out.contains("pub const TABLE"), "the struct keeps its constants despite errors");
    }

    #[test]
    fn missing_model_and_bad_input() {
        let out = expand_with(r#""t""#.parse().unwrap(), "struct S { a: i32 }".parse().unwrap(), || Err(ModelError::NotConfigured)).to_string();
        let found = compile_errors(&out);
        assert_eq!(found.len(), 1);
        assert!(found[0].starts_with("no schema model: SCHEMA_MODEL_PATH is not set"), "{}", found[0]);
        let out = expand_test(r#""t""#, "struct S(i32);");
        assert_eq!(compile_errors(&out), vec!["#[table] needs a struct with named fields, one per column"]);
        let out = expand_test(r#""t""#, "enum E { A }");
        assert_eq!(compile_errors(&out), vec!["#[table] applies to a struct with named fields, one per column"]);
        let out = expand_test("", "struct S { a: i32 }");
        assert_eq!(compile_errors(&out).len(), 1);
        assert!(!out.contains("TABLE"));
    }
}
