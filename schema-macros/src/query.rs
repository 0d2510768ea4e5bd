//! `query!("SELECT ...")`: SQL text as a `&'static str`, with every table and column it names
//! resolved on every track (`schema_model::query`). Each name a track's engine would reject
//! becomes a compile error at the string literal (at the name itself where the compiler
//! supports sub-spans), naming the track and the engine's own message.

use crate::ctxt::Ctxt;
use crate::message::{self, Message};
use crate::model_cache::{self, Loaded, ModelError};
use crate::passed_queries::PassedQueries;
use proc_macro2::{Span, TokenStream, TokenTree};
use quote::quote;
use schema_model::query::{check_query_tracks, QueryDiagnostic, QueryErrorKind, TrackDiagnostics};
use std::sync::Arc;
use syn::LitStr;

const USAGE: &str = "expected one string literal: `query!(\"SELECT id FROM users WHERE id = $1\")`";

/// Expands `query!(...)` against the model of `SCHEMA_MODEL_PATH`.
pub fn expand(input: TokenStream) -> TokenStream {
    expand_with(input, model_cache::passed_from_env(), model_cache::load_from_env)
}

/// Expands with the model from `load` (called only when the input is one literal token and
/// is not among the queries that `passed` on this model before, written the same way).
pub fn expand_with(
    input: TokenStream,
    passed: Option<Arc<PassedQueries>>,
    load: impl FnOnce() -> Result<Loaded, ModelError>,
) -> TokenStream {
    let Some(written) = single_literal(&input) else {
        return usage_error(input);
    };
    if passed.as_ref().is_some_and(|passed| passed.contains(&written)) {
        return input;
    }
    let loaded = load();
    let literal: LitStr = match syn::parse2(input.clone()) {
        Ok(literal) => literal,
        Err(_) => return usage_error(input),
    };
    let ctxt = Ctxt::new();
    let sql = literal.value();
    match loaded {
        Ok(loaded) => {
            for track in check_query_tracks(&loaded.model, &sql) {
                for diagnostic in &track.diagnostics {
                    ctxt.error_at(name_span(&literal, &sql, diagnostic), describe(&track, diagnostic));
                }
            }
            if let (false, Some(passed)) = (ctxt.has_errors(), &passed) {
                passed.record(&written);
            }
        }
        Err(error) => ctxt.error_at(literal.span(), error),
    }
    emit(ctxt, quote!(#literal))
}

/// The text of `input` when it is a single literal token, as written (quotes included).
fn single_literal(input: &TokenStream) -> Option<String> {
    let mut tokens = input.clone().into_iter();
    match (tokens.next(), tokens.next()) {
        (Some(TokenTree::Literal(literal)), None) => Some(literal.to_string()),
        _ => None,
    }
}

/// The usage error for input that is not one string literal, at the first wrong token.
fn usage_error(input: TokenStream) -> TokenStream {
    let ctxt = Ctxt::new();
    let span = syn::parse2::<LitStr>(input).err().map_or_else(Span::call_site, |error| error.span());
    ctxt.error_at(span, USAGE);
    emit(ctxt, quote!(""))
}

/// The compile error text for one diagnostic on one track.
fn describe(track: &TrackDiagnostics, diagnostic: &QueryDiagnostic) -> Message {
    let on_track = message::tracks(&[track.track.as_str()]);
    let primary = match diagnostic.kind {
        QueryErrorKind::Syntax => format!("query does not parse on {on_track} ({} dialect): {}", track.engine, diagnostic.message),
        _ => format!("query fails on {on_track} ({}): {}", track.engine, diagnostic.message),
    };
    let mut message = Message::new(primary);
    if diagnostic.kind == QueryErrorKind::Syntax {
        message = message.note(format!(
            "every track's SQL is parsed with sqlparser's {} dialect; a statement the engine accepts but the parser cannot read cannot be checked",
            track.engine
        ));
    }
    if diagnostic.line > 0 {
        message = message.note(format!("at line {}, column {} of the query", diagnostic.line, diagnostic.column));
    }
    if !diagnostic.defined_on.is_empty() {
        let tracks: Vec<&str> = diagnostic.defined_on.iter().map(String::as_str).collect();
        message = message.note(format!("`{}` exists on {}", diagnostic.name, message::tracks(&tracks)));
    }
    if let Some(best) = diagnostic.suggestions.first() {
        message = message.help(format!("did you mean `{best}`?"));
    }
    message
}

/// The span of the offending name inside the literal when the compiler can point inside
/// literals and the literal's text is the SQL verbatim (no escapes); else the literal.
fn name_span(literal: &LitStr, sql: &str, diagnostic: &QueryDiagnostic) -> Span {
    let token = literal.token();
    let source = token.to_string();
    let Some(range) = diagnostic.byte_range(sql) else {
        return literal.span();
    };
    let Some(opening) = verbatim_prefix_len(&source) else {
        return literal.span();
    };
    token.subspan(opening + range.start..opening + range.end).unwrap_or_else(|| literal.span())
}

/// Length of the opening delimiter (`"` or `r#"`) of a literal whose content needs no
/// unescaping, `None` for a literal with escapes.
fn verbatim_prefix_len(source: &str) -> Option<usize> {
    if let Some(raw) = source.strip_prefix('r') {
        let hashes = raw.bytes().take_while(|&b| b == b'#').count();
        return Some(1 + hashes + 1);
    }
    (source.starts_with('"') && !source.contains('\\')).then_some(1)
}

/// The literal, preceded by the errors as statements of one block expression.
fn emit(ctxt: Ctxt, value: TokenStream) -> TokenStream {
    if !ctxt.has_errors() {
        return value;
    }
    let errors = ctxt.into_compile_errors();
    quote!({ #errors; #value })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lookup::test_model;

    fn loaded() -> Result<Loaded, ModelError> {
        Ok(Loaded { model: Arc::new(test_model::model()), stamp: None })
    }

    fn run(input: &str) -> String {
        expand_with(input.parse().unwrap(), None, loaded).to_string()
    }

    #[test]
    fn only_passes_are_remembered_and_a_remembered_pass_is_not_checked_again() {
        let passed = Arc::new(PassedQueries::in_memory());
        let expand = |sql: &str| expand_with(sql.parse().unwrap(), Some(passed.clone()), loaded).to_string();
        let pass = r#""SELECT id FROM oauth_clients""#;
        let fail = r#""SELECT token_ttl FROM oauth_clients""#;
        assert_eq!(expand(pass), pass);
        assert!(expand(fail).contains("compile_error"));
        assert!(passed.contains(pass), "remembered as written");
        assert!(!passed.contains(fail), "a failing query is checked every time");
        assert!(expand(fail).contains("compile_error"));
        let not_loaded = expand_with(pass.parse().unwrap(), Some(passed.clone()), || Err(ModelError::NotConfigured));
        assert_eq!(not_loaded.to_string(), pass, "a remembered pass needs no model");
    }

    #[test]
    fn a_query_valid_on_every_track_is_the_literal() {
        assert_eq!(run(r#""SELECT id, name FROM oauth_clients WHERE id = $1""#), r#""SELECT id, name FROM oauth_clients WHERE id = $1""#);
        assert_eq!(run(r###"r#"SELECT "name" FROM oauth_clients"#"###), r###"r#"SELECT "name" FROM oauth_clients"#"###);
    }

    #[test]
    fn a_name_missing_on_one_track_names_the_track_and_where_it_exists() {
        let out = run(r#""SELECT token_ttl FROM oauth_clients""#);
        assert!(out.contains("query fails on track `pglite` (postgres): column \\\"token_ttl\\\" does not exist"), "{out}");
        assert!(out.contains("= note: at line 1, column 8 of the query"), "{out}");
        assert!(out.contains("= note: `token_ttl` exists on track `postgres`"), "{out}");
        assert!(out.contains("= help: did you mean `token_type`?"), "{out}");
        assert!(!out.contains("track `postgres` (postgres)"), "{out}");
        assert!(out.ends_with(r#""SELECT token_ttl FROM oauth_clients" }"#), "{out}");
    }

    #[test]
    fn every_error_of_every_track_is_reported() {
        let out = run(r#""SELECT nope FROM oauth_client""#);
        assert_eq!(out.matches("compile_error").count(), 2, "{out}");
        assert!(out.contains("relation \\\"oauth_client\\\" does not exist"), "{out}");
        assert!(out.contains("did you mean `oauth_clients`?"), "{out}");
    }

    #[test]
    fn syntax_errors_and_bad_input() {
        let out = run(r#""SELECT id FROM oauth_clients WHERE""#);
        assert!(out.contains("query does not parse on track `postgres` (postgres dialect): Expected: an expression"), "{out}");
        assert!(run("42").contains("expected one string literal"));
        assert!(run(r#""a" "b""#).contains("expected one string literal"));
    }

    #[test]
    fn missing_model_is_an_error_not_a_panic() {
        let out = expand_with(r#""SELECT 1""#.parse().unwrap(), None, || Err(ModelError::NotConfigured)).to_string();
        assert!(out.contains("no schema model"), "{out}");
    }

    #[test]
    fn literal_offsets_skip_the_opening_delimiter() {
        assert_eq!(verbatim_prefix_len(r#""SELECT 1""#), Some(1));
        assert_eq!(verbatim_prefix_len(r###"r#"SELECT 1"#"###), Some(3));
        assert_eq!(verbatim_prefix_len(r#""SELECT '\n'""#), None);
    }
}
