//! Finding the names inside an expression's tokens that refer to columns or tables, so that
//! SQLite's checks ("no such column") and its rename rewrites can be applied to stored text.

use super::tokens::Tokens;
use sqlparser::tokenizer::Token;

/// Words that read like identifiers to SQLite's tokenizer but act as keywords inside an
/// expression, or resolve to a value when no column has that name.
const EXPRESSION_WORDS: &[&str] = &[
    "END",
    "LIKE",
    "GLOB",
    "MATCH",
    "REGEXP",
    "CURRENT_DATE",
    "CURRENT_TIME",
    "CURRENT_TIMESTAMP",
    "TRUE",
    "FALSE",
    "ASC",
    "DESC",
    "NULLS",
    "FIRST",
    "LAST",
    "CAST",
    "RAISE",
    "IGNORE",
    "ABORT",
    "FAIL",
    "ROLLBACK",
    "OVER",
    "FILTER",
    "ROWID",
    "OID",
    "_ROWID_",
];

/// A name used inside an expression.
#[derive(Debug, Clone, PartialEq)]
pub struct NameRef {
    /// Index of the token.
    pub token: usize,
    pub name: String,
    /// The qualifier before a `.`, when the name is `qualifier.name`.
    pub qualifier: Option<String>,
}

/// Column references among tokens `from..to`: names that are not function names, not
/// qualifiers, not type names after `AS`, not collation names after `COLLATE`.
pub fn column_refs(toks: &Tokens, from: usize, to: usize) -> Vec<NameRef> {
    let mut out = Vec::new();
    let to = to.min(toks.len());
    for i in from..to {
        let t = &toks.toks[i];
        if matches!(t.token, Token::SingleQuotedString(_)) {
            continue;
        }
        let Some(name) = t.name() else { continue };
        let unquoted = matches!(&t.token, Token::Word(w) if w.quote_style.is_none());
        if unquoted
            && EXPRESSION_WORDS
                .iter()
                .any(|w| w.eq_ignore_ascii_case(&name))
        {
            continue;
        }
        if toks.is(i + 1, &Token::LParen) || toks.is(i + 1, &Token::Period) {
            continue;
        }
        let previous_is = |kw: &str| i > from && toks.kw(i - 1, kw);
        if previous_is("AS") || previous_is("COLLATE") {
            continue;
        }
        let qualifier = if i >= from + 2 && toks.is(i - 1, &Token::Period) {
            toks.get(i - 2).and_then(|q| q.name())
        } else {
            None
        };
        out.push(NameRef {
            token: i,
            name,
            qualifier,
        });
    }
    out
}

/// Qualifiers (`t` of `t.x`) among tokens `from..to`: token indexes and names.
pub fn qualifiers(toks: &Tokens, from: usize, to: usize) -> Vec<(usize, String)> {
    (from..to.min(toks.len()))
        .filter(|i| toks.is(i + 1, &Token::Period))
        .filter_map(|i| toks.get(i).and_then(|t| t.name()).map(|n| (i, n)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_columns_not_functions_types_or_collations() {
        let sql = "lower(a) || CAST(b AS TEXT) || t.c COLLATE nocase || 'd' || \"e\" || current_timestamp";
        let toks = Tokens::new(sql).unwrap();
        let names: Vec<(String, Option<String>)> = column_refs(&toks, 0, toks.len())
            .into_iter()
            .map(|r| (r.name, r.qualifier))
            .collect();
        assert_eq!(
            names,
            vec![
                ("a".into(), None),
                ("b".into(), None),
                ("c".into(), Some("t".into())),
                ("e".into(), None)
            ]
        );
        assert_eq!(
            qualifiers(&toks, 0, toks.len()),
            vec![(12, "t".to_string())]
        );
    }
}
