//! Statements the parser rejects that it reads once rewritten without changing their
//! meaning: an identity column's sequence options `( ... )` put in the one order the
//! parser takes, `CREATE INDEX ... ON ONLY t` read as `ON t` (ONLY
//! matters for partitioned tables alone, which the replay does not model, so a partitioned
//! table is still an error when its CREATE TABLE is met), and `CREATE MATERIALIZED VIEW ...
//! WITH [NO] DATA` and `CREATE TABLE ... AS ... WITH [NO] DATA` read without the clause
//! (whether rows were copied is not part of the table catalog).

use sqlparser::ast::Statement;
use sqlparser::dialect::PostgreSqlDialect;
use sqlparser::parser::Parser;
use sqlparser::tokenizer::Token;

/// The statement parsed again after the rewrites above, or `None` when none applies or
/// the rewritten text still does not parse.
pub fn rewritten(tokens: &[Token]) -> Option<Vec<Statement>> {
    let mut tokens = tokens.to_vec();
    let mut changed = without_index_only(&mut tokens);
    changed |= reorder_identity_options(&mut tokens);
    changed |= without_with_data(&mut tokens);
    if !changed {
        return None;
    }
    let text: Vec<String> = tokens.iter().map(ToString::to_string).collect();
    Parser::parse_sql(&PostgreSqlDialect {}, &text.join(" ")).ok()
}

/// The option clauses in the order the parser's CREATE SEQUENCE grammar reads them
/// (Postgres takes them in any order), keyed by their leading keywords.
const CLAUSE_ORDER: &[&[&str]] = &[
    &["AS"],
    &["OWNED"],
    &["INCREMENT"],
    &["MINVALUE"],
    &["NO", "MINVALUE"],
    &["MAXVALUE"],
    &["NO", "MAXVALUE"],
    &["START"],
    &["CACHE"],
    &["NO", "CYCLE"],
    &["CYCLE"],
    &["RESTART"],
];

/// The unquoted keyword a token is, upper-cased.
fn keyword(token: Option<&Token>) -> Option<String> {
    match token {
        Some(Token::Word(w)) if w.quote_style.is_none() => Some(w.value.to_ascii_uppercase()),
        _ => None,
    }
}

/// Which clause starts at `tokens[at]`, as an index into [`CLAUSE_ORDER`].
fn clause_at(tokens: &[Token], at: usize) -> Option<usize> {
    CLAUSE_ORDER.iter().position(|head| {
        head.iter().enumerate().all(|(i, word)| keyword(tokens.get(at + i)).as_deref() == Some(*word))
    })
}

/// The option clauses of `options` (up to a `;`) in the parser's order, each as its
/// clause index and tokens; `None` when a clause is unknown or repeated.
fn clauses_in_order(options: &[Token]) -> Option<Vec<(usize, &[Token])>> {
    let options = match options.iter().position(|t| *t == Token::SemiColon) {
        Some(end) => &options[..end],
        None => options,
    };
    let mut clauses: Vec<(usize, &[Token])> = Vec::new();
    let mut at = 0;
    while at < options.len() {
        let kind = clause_at(options, at)?;
        let mut end = at + CLAUSE_ORDER[kind].len();
        while end < options.len() && clause_at(options, end).is_none() {
            end += 1;
        }
        if clauses.iter().any(|(k, _)| *k == kind) {
            return None;
        }
        clauses.push((kind, &options[at..end]));
        at = end;
    }
    clauses.sort_by_key(|(kind, _)| *kind);
    Some(clauses)
}

/// Puts the options of every `IDENTITY ( ... )` in the parser's order; whether anything
/// moved.
fn reorder_identity_options(tokens: &mut Vec<Token>) -> bool {
    let mut ranges = Vec::new();
    for open in 1..tokens.len() {
        if keyword(tokens.get(open - 1)).as_deref() == Some("IDENTITY") && tokens[open] == Token::LParen {
            let close = (open + 1..tokens.len()).find(|&i| tokens[i] == Token::RParen);
            ranges.extend(close.map(|close| (open + 1, close)));
        }
    }
    let mut changed = false;
    for (start, end) in ranges.into_iter().rev() {
        let Some(clauses) = clauses_in_order(&tokens[start..end]) else { continue };
        let ordered: Vec<Token> = clauses.iter().flat_map(|(_, t)| t.iter().cloned()).collect();
        let end = start + ordered.len();
        if tokens[start..end] != ordered[..] {
            tokens.splice(start..end, ordered);
            changed = true;
        }
    }
    changed
}

fn is_keyword(token: Option<&Token>, keyword: &str) -> bool {
    matches!(token, Some(Token::Word(w)) if w.quote_style.is_none() && w.value.eq_ignore_ascii_case(keyword))
}

/// Removes `ONLY` after the `ON` of a CREATE INDEX statement.
fn without_index_only(tokens: &mut Vec<Token>) -> bool {
    let creates_index = is_keyword(tokens.first(), "CREATE")
        && (is_keyword(tokens.get(1), "INDEX") || (is_keyword(tokens.get(1), "UNIQUE") && is_keyword(tokens.get(2), "INDEX")));
    if !creates_index {
        return false;
    }
    let Some(on) = (0..tokens.len()).find(|&i| is_keyword(tokens.get(i), "ON") && is_keyword(tokens.get(i + 1), "ONLY")) else {
        return false;
    };
    tokens.remove(on + 1);
    true
}

/// Removes a trailing `WITH [NO] DATA` from CREATE MATERIALIZED VIEW and CREATE TABLE ... AS.
fn without_with_data(tokens: &mut Vec<Token>) -> bool {
    let creates_view = is_keyword(tokens.first(), "CREATE")
        && (is_keyword(tokens.get(1), "MATERIALIZED") || (is_keyword(tokens.get(1), "TABLE") && tokens.iter().any(|t| is_keyword(Some(t), "AS"))));
    while tokens.last() == Some(&Token::SemiColon) {
        tokens.pop();
    }
    let n = tokens.len();
    if !creates_view || n < 3 || !is_keyword(tokens.last(), "DATA") {
        return false;
    }
    let clause = if is_keyword(tokens.get(n - 2), "NO") { 3 } else { 2 };
    if !is_keyword(tokens.get(n - clause), "WITH") {
        return false;
    }
    tokens.truncate(n - clause);
    true
}

#[cfg(test)]
mod tests {
    use crate::catalog::ObjectName;
    use super::super::tests::replay_catalog as replay;

    #[test]
    fn identity_options_in_any_order() {
        let catalog = replay(
            "CREATE TABLE i (\n  c smallint GENERATED BY DEFAULT AS IDENTITY (START WITH 100 INCREMENT BY 5),\n\
             \x20 d bigint GENERATED ALWAYS AS IDENTITY (CYCLE MINVALUE 10)\n);",
        )
        .unwrap();
        let c = &catalog.sequences[&ObjectName::new("public", "i_c_seq")];
        assert_eq!((c.start, c.increment), (100, 5));
        let d = &catalog.sequences[&ObjectName::new("public", "i_d_seq")];
        assert_eq!((d.min, d.start, d.cycle), (10, 10, true));
    }

    #[test]
    fn index_on_only_a_plain_table() {
        let catalog = replay("CREATE TABLE t (a int);\nCREATE INDEX t_only ON ONLY t (a);").unwrap();
        let index = &catalog.tables[&ObjectName::new("public", "t")].indexes[0];
        assert_eq!(index.definition.as_deref(), Some("CREATE INDEX t_only ON public.t USING btree (a)"));
    }

    #[test]
    fn materialized_view_with_or_without_data() {
        let catalog = replay(
            "CREATE MATERIALIZED VIEW empty_one AS SELECT 1 AS one WITH NO DATA;\n\
             CREATE MATERIALIZED VIEW full_one AS SELECT 'x'::text AS two WITH DATA;",
        )
        .unwrap();
        assert_eq!(catalog.views[&ObjectName::new("public", "empty_one")].columns[0].name, "one");
        assert_eq!(catalog.views[&ObjectName::new("public", "full_one")].columns[0].name, "two");
    }

    #[test]
    fn repeated_options_stay_a_parse_error() {
        assert!(replay("CREATE TABLE t (a int GENERATED ALWAYS AS IDENTITY (START 1 START 2));").is_err());
    }
}
