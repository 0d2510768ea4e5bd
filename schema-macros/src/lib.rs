//! Proc macros that check Rust code against every schema track's replayed model.
//!
//! This crate is a thin shell: each macro delegates to a module of plain functions that
//! unit tests call directly.
//!
//! * `#[table("name")]` ([`table_attr`]): a struct whose fields map to the table's columns.
//! * `column!(table.column)` and `table_name!(table)` ([`names`]): checked names.
//! * `query!("SELECT ...")` ([`query`]): SQL text whose every table and column resolves.
//!
//! The model comes from the build script (`schema_build::run()`) through the
//! `SCHEMA_MODEL_PATH` variable and is cached per compiler process ([`model_cache`]).

mod ctxt;
mod fields;
mod lookup;
mod message;
mod model_cache;
mod names;
mod passed_queries;
mod query;
mod rust_type;
mod table_args;
mod table_attr;
mod table_check;

use proc_macro::TokenStream;

/// Checks a struct against a table on every schema track.
///
/// ```ignore
/// #[table("oauth_clients")]            // or ("name", schema = "auth"), ("name", insert)
/// struct OauthClient {
///     id: i64,
///     #[column("name")] client_name: String,
///     token_ttl: i32,
///     #[column(skip)] cached: bool,
/// }
/// assert_eq!(OauthClient::TABLE, "oauth_clients");
/// ```
///
/// Every mapped column must exist on every track, the field's type must fit the column on
/// every track, and a column nullable on any track needs an `Option`. With `insert`, every
/// column that is NOT NULL without a default on some track must be a field.
#[proc_macro_attribute]
pub fn table(args: TokenStream, item: TokenStream) -> TokenStream {
    table_attr::expand(args.into(), item.into()).into()
}

/// `column!(oauth_clients.token_ttl)`: the column name as a `&'static str`, checked to
/// exist on every track.
#[proc_macro]
pub fn column(input: TokenStream) -> TokenStream {
    names::expand(names::NameKind::Column, input.into()).into()
}

/// `table_name!(oauth_clients)`: the table name as a `&'static str`, checked to exist on
/// every track. (An attribute and a function-like macro cannot share the name `table`.)
#[proc_macro]
pub fn table_name(input: TokenStream) -> TokenStream {
    names::expand(names::NameKind::Table, input.into()).into()
}

/// `query!("SELECT ...")` (or `query!(r#"..."#)`): the SQL text as a `&'static str`, checked
/// on every track: every table and column it names must resolve with the track engine's
/// scoping rules, else a compile error quotes the engine's message and names the track.
#[proc_macro]
pub fn query(input: TokenStream) -> TokenStream {
    query::expand(input.into()).into()
}
