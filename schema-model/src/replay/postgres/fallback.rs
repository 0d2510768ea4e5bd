//! Postgres statements sqlparser does not accept, recognised from their tokens:
//! statements that cannot change the table catalog (`DO`, `REFRESH MATERIALIZED VIEW`,
//! `COMMENT ON CONSTRAINT / FUNCTION ...`, `CLUSTER`, `REINDEX`, ...), a few DDL forms
//! applied directly (`CREATE EXTENSION ... SCHEMA`, `ALTER INDEX IF EXISTS ... RENAME TO`,
//! `DROP INDEX CONCURRENTLY IF EXISTS`, `CREATE SEQUENCE` with options in any order,
//! `ALTER SEQUENCE`, `ALTER TABLE ... SET SCHEMA`, `ALTER [MATERIALIZED] VIEW ... RENAME`,
//! `CREATE PROCEDURE` read with the function grammar), and function definitions with planner options (`COST`, `ROWS`) that do not
//! affect the signature, which are parsed again without them.

use super::dispatch::skip;
use super::index::{drop_index, rename_index};
use super::objects::create_extension;
use super::state::{PgState, Stmt};
use crate::error::{ReplayError, ReplayReport};
use super::alter_table::set_schema;
use super::routines::{create_routine, Routine};
use super::view::{rename_view, rename_view_column, resolve_view};
use super::sequence::{alter_sequence, create_sequence, SequenceClause};
use sqlparser::ast::{CreateFunction, DataType, Ident, ObjectName as SqlName, Statement};
use sqlparser::dialect::PostgreSqlDialect;
use sqlparser::parser::Parser;
use sqlparser::tokenizer::{Token, Tokenizer};

/// What to do with a statement the parser rejected.
pub enum Fallback {
    /// It cannot change the table catalog.
    Skip(String),
    /// It parses once planner-only options are removed.
    Reparsed(Vec<Statement>),
    /// A DDL form applied from its tokens.
    Apply(Action),
}

pub enum Action {
    CreateExtension { name: String, schema: Option<String>, if_not_exists: bool },
    CreateSequence { parts: Vec<String>, if_not_exists: bool, data_type: Option<DataType>, clauses: Vec<SequenceClause> },
    AlterSequence { parts: Vec<String>, if_exists: bool, data_type: Option<DataType>, clauses: Vec<SequenceClause> },
    SetSchema { parts: Vec<String>, if_exists: bool, schema: String },
    RenameIndex { parts: Vec<String>, new_name: String, if_exists: bool },
    DropIndex { names: Vec<Vec<String>>, if_exists: bool },
    CreateProcedure(Box<CreateFunction>),
    RenameView { parts: Vec<String>, materialized: bool, if_exists: bool, rename: ViewRename },
}

/// What ALTER [MATERIALIZED] VIEW ... RENAME renames.
pub enum ViewRename {
    View(String),
    Column { old: String, new: String },
}

/// Statement heads that never change the table catalog.
const SKIPPED_HEADS: &[&[&str]] = &[
    &["DO"],
    &["REFRESH", "MATERIALIZED", "VIEW"],
    &["CLUSTER"],
    &["REINDEX"],
    &["CHECKPOINT"],
    &["SECURITY", "LABEL"],
    &["ALTER", "DEFAULT", "PRIVILEGES"],
    &["ALTER", "FUNCTION"],
    &["ALTER", "PROCEDURE"],
    &["ALTER", "ROLE"],
    &["ALTER", "DATABASE"],
    &["ALTER", "SYSTEM"],
];

/// Words of the statement (upper-cased keywords, identifiers as written).
pub(super) struct Words {
    pub(super) tokens: Vec<Token>,
    pub(super) at: usize,
}

impl Words {
    /// The statement's tokens without whitespace, or `None` when it does not tokenize.
    pub(super) fn of(text: &str) -> Option<Words> {
        let tokens = Tokenizer::new(&PostgreSqlDialect {}, text)
            .tokenize()
            .ok()?
            .into_iter()
            .filter(|t| !matches!(t, Token::Whitespace(_)))
            .collect();
        Some(Words { tokens, at: 0 })
    }

    pub(super) fn keyword(&self, offset: usize) -> Option<String> {
        match self.tokens.get(self.at + offset) {
            Some(Token::Word(w)) if w.quote_style.is_none() => Some(w.value.to_ascii_uppercase()),
            _ => None,
        }
    }

    pub(super) fn eat(&mut self, words: &[&str]) -> bool {
        let matches = words.iter().enumerate().all(|(i, w)| self.keyword(i).as_deref() == Some(*w));
        if matches {
            self.at += words.len();
        }
        matches
    }

    /// A possibly qualified name, each part read as an identifier.
    pub(super) fn name(&mut self) -> Option<Vec<String>> {
        let mut parts = Vec::new();
        loop {
            match self.tokens.get(self.at) {
                Some(Token::Word(w)) => {
                    let ident = sqlparser::ast::Ident { value: w.value.clone(), quote_style: w.quote_style, span: sqlparser::tokenizer::Span::empty() };
                    parts.push(PgState::ident(&ident));
                    self.at += 1;
                }
                _ => return None,
            }
            if self.tokens.get(self.at) == Some(&Token::Period) {
                self.at += 1;
            } else {
                return Some(parts);
            }
        }
    }

    /// A possibly negative integer.
    fn number(&mut self) -> Option<i64> {
        let negative = self.tokens.get(self.at) == Some(&Token::Minus);
        let at = self.at + usize::from(negative);
        let Some(Token::Number(text, _)) = self.tokens.get(at) else { return None };
        let value: i64 = text.parse().ok()?;
        self.at = at + 1;
        Some(if negative { -value } else { value })
    }

    /// Sequence options up to the end of the statement, with an `AS type` if present.
    fn sequence_clauses(&mut self) -> Option<(Option<DataType>, Vec<SequenceClause>)> {
        let mut data_type = None;
        let mut clauses = Vec::new();
        while !self.done() {
            if self.eat(&["AS"]) {
                let start = self.at;
                while !self.done() && !self.keyword(0).is_some_and(|k| SEQUENCE_WORDS.contains(&k.as_str())) {
                    self.at += 1;
                }
                let text: String = self.tokens[start..self.at].iter().map(|t| t.to_string()).collect::<Vec<_>>().join(" ");
                let mut parser = Parser::new(&PostgreSqlDialect {}).try_with_sql(&text).ok()?;
                data_type = Some(parser.parse_data_type().ok()?);
            } else if self.eat(&["INCREMENT"]) {
                self.eat(&["BY"]);
                clauses.push(SequenceClause::Increment(self.number()?));
            } else if self.eat(&["NO", "MINVALUE"]) {
                clauses.push(SequenceClause::MinValue(None));
            } else if self.eat(&["NO", "MAXVALUE"]) {
                clauses.push(SequenceClause::MaxValue(None));
            } else if self.eat(&["NO", "CYCLE"]) {
                clauses.push(SequenceClause::Cycle(false));
            } else if self.eat(&["MINVALUE"]) {
                clauses.push(SequenceClause::MinValue(Some(self.number()?)));
            } else if self.eat(&["MAXVALUE"]) {
                clauses.push(SequenceClause::MaxValue(Some(self.number()?)));
            } else if self.eat(&["START"]) {
                self.eat(&["WITH"]);
                clauses.push(SequenceClause::Start(self.number()?));
            } else if self.eat(&["RESTART"]) {
                self.eat(&["WITH"]);
                self.number();
                clauses.push(SequenceClause::Restart);
            } else if self.eat(&["CACHE"]) {
                clauses.push(SequenceClause::Cache(self.number()?));
            } else if self.eat(&["CYCLE"]) {
                clauses.push(SequenceClause::Cycle(true));
            } else if self.eat(&["OWNED", "BY"]) {
                let target = self.name()?;
                clauses.push(SequenceClause::OwnedBy((target != ["none"]).then_some(target)));
            } else {
                return None;
            }
        }
        Some((data_type, clauses))
    }

    pub(super) fn done(&self) -> bool {
        self.at >= self.tokens.len() || self.tokens[self.at..].iter().all(|t| *t == Token::SemiColon)
    }
}

/// Keywords that start a sequence option (they end an `AS type`).
const SEQUENCE_WORDS: &[&str] =
    &["INCREMENT", "NO", "MINVALUE", "MAXVALUE", "START", "RESTART", "CACHE", "CYCLE", "OWNED"];

/// Recognises a statement the parser rejected, or `None` when it is not one of the
/// forms above (then the parse error stands).
pub fn recognise(text: &str) -> Option<Fallback> {
    let mut words = Words::of(text)?;
    for head in SKIPPED_HEADS {
        if words.eat(head) {
            return Some(Fallback::Skip(head.join(" ")));
        }
    }
    if words.eat(&["COMMENT", "ON"]) {
        let object = words.keyword(0)?;
        if object != "TABLE" && object != "COLUMN" {
            return Some(Fallback::Skip(format!("COMMENT ON {object}")));
        }
        return None;
    }
    if words.eat(&["CREATE", "EXTENSION"]) {
        let if_not_exists = words.eat(&["IF", "NOT", "EXISTS"]);
        let name = words.name()?.pop()?;
        words.eat(&["WITH"]);
        let mut schema = None;
        while !words.done() {
            if words.eat(&["SCHEMA"]) {
                schema = words.name()?.pop();
            } else if words.eat(&["VERSION"]) || words.eat(&["FROM"]) {
                words.at += 1;
            } else if !words.eat(&["CASCADE"]) {
                return None;
            }
        }
        return Some(Fallback::Apply(Action::CreateExtension { name, schema, if_not_exists }));
    }
    let materialized = words.eat(&["ALTER", "MATERIALIZED", "VIEW"]);
    if materialized || words.eat(&["ALTER", "VIEW"]) {
        let if_exists = words.eat(&["IF", "EXISTS"]);
        let parts = words.name()?;
        if !words.eat(&["RENAME"]) {
            return None;
        }
        let rename = if words.eat(&["TO"]) {
            ViewRename::View(words.name()?.pop()?)
        } else {
            words.eat(&["COLUMN"]);
            let old = words.name()?.pop()?;
            if !words.eat(&["TO"]) {
                return None;
            }
            ViewRename::Column { old, new: words.name()?.pop()? }
        };
        return words.done().then_some(Fallback::Apply(Action::RenameView { parts, materialized, if_exists, rename }));
    }
    if words.eat(&["ALTER", "INDEX"]) {
        let if_exists = words.eat(&["IF", "EXISTS"]);
        let parts = words.name()?;
        if !words.eat(&["RENAME", "TO"]) {
            return None;
        }
        let new_name = words.name()?.pop()?;
        return words.done().then_some(Fallback::Apply(Action::RenameIndex { parts, new_name, if_exists }));
    }
    if words.eat(&["DROP", "INDEX"]) {
        words.eat(&["CONCURRENTLY"]);
        let if_exists = words.eat(&["IF", "EXISTS"]);
        let mut names = vec![words.name()?];
        while words.tokens.get(words.at) == Some(&Token::Comma) {
            words.at += 1;
            names.push(words.name()?);
        }
        words.eat(&["RESTRICT"]);
        return words.done().then_some(Fallback::Apply(Action::DropIndex { names, if_exists }));
    }
    if words.eat(&["CREATE", "SEQUENCE"]) {
        let if_not_exists = words.eat(&["IF", "NOT", "EXISTS"]);
        let parts = words.name()?;
        let (data_type, clauses) = words.sequence_clauses()?;
        return Some(Fallback::Apply(Action::CreateSequence { parts, if_not_exists, data_type, clauses }));
    }
    if words.eat(&["ALTER", "SEQUENCE"]) {
        let if_exists = words.eat(&["IF", "EXISTS"]);
        let parts = words.name()?;
        let (data_type, clauses) = words.sequence_clauses()?;
        return Some(Fallback::Apply(Action::AlterSequence { parts, if_exists, data_type, clauses }));
    }
    if words.eat(&["ALTER", "TABLE"]) {
        let if_exists = words.eat(&["IF", "EXISTS"]);
        words.eat(&["ONLY"]);
        let parts = words.name()?;
        if !words.eat(&["SET", "SCHEMA"]) {
            return None;
        }
        let schema = words.name()?.pop()?;
        return words.done().then_some(Fallback::Apply(Action::SetSchema { parts, if_exists, schema }));
    }
    if words.eat(&["CREATE"]) {
        words.eat(&["OR", "REPLACE"]);
        if words.eat(&["FUNCTION"]) {
            return without_planner_options(&words.tokens).map(Fallback::Reparsed);
        }
        if words.keyword(0).as_deref() == Some("PROCEDURE") {
            return as_function(&words.tokens, words.at).map(|f| Fallback::Apply(Action::CreateProcedure(Box::new(f))));
        }
    }
    super::reparse::rewritten(&words.tokens).map(Fallback::Reparsed)
}

/// The statement parsed again without `COST n` / `ROWS n` (planner estimates only).
fn without_planner_options(tokens: &[Token]) -> Option<Vec<Statement>> {
    let mut kept: Vec<&Token> = Vec::new();
    let mut i = 0;
    let mut changed = false;
    while i < tokens.len() {
        let is_option = matches!(&tokens[i], Token::Word(w) if w.quote_style.is_none()
            && (w.value.eq_ignore_ascii_case("cost") || w.value.eq_ignore_ascii_case("rows")))
            && matches!(tokens.get(i + 1), Some(Token::Number(..)));
        if is_option {
            i += 2;
            changed = true;
            continue;
        }
        kept.push(&tokens[i]);
        i += 1;
    }
    if !changed {
        return None;
    }
    let text: String = kept.iter().map(|t| t.to_string()).collect::<Vec<_>>().join(" ");
    Parser::parse_sql(&PostgreSqlDialect {}, &text).ok()
}

/// A `CREATE PROCEDURE` parsed with the function grammar: the word `PROCEDURE` at
/// `procedure` read as `FUNCTION`.
fn as_function(tokens: &[Token], procedure: usize) -> Option<CreateFunction> {
    let text: Vec<String> =
        tokens.iter().enumerate().map(|(i, t)| if i == procedure { "FUNCTION".to_string() } else { t.to_string() }).collect();
    match Parser::parse_sql(&PostgreSqlDialect {}, &text.join(" ")).ok()?.pop()? {
        Statement::CreateFunction(function) if function.return_type.is_none() => Some(function),
        _ => None,
    }
}

/// Applies a DDL form recognised from tokens.
pub fn apply(state: &mut PgState, action: Action, stmt: &Stmt, report: &mut ReplayReport) -> Result<(), ReplayError> {
    match action {
        Action::CreateExtension { name, schema, if_not_exists } => {
            create_extension(state, &name, schema, if_not_exists, stmt)
        }
        Action::CreateSequence { parts, if_not_exists, data_type, clauses } => {
            let name = SqlName::from(parts.into_iter().map(|p| Ident::with_quote('"', p)).collect::<Vec<_>>());
            create_sequence(state, &name, if_not_exists, data_type.as_ref(), &clauses, stmt)
        }
        Action::AlterSequence { parts, if_exists, data_type, clauses } => {
            if !alter_sequence(state, &parts, if_exists, data_type.as_ref(), &clauses, stmt)? {
                skip(report, stmt, format!("ALTER SEQUENCE IF EXISTS ({} does not exist)", parts.join(".")));
            }
            Ok(())
        }
        Action::SetSchema { parts, if_exists, schema } => {
            if !set_schema(state, &parts, &schema, if_exists, stmt)? {
                skip(report, stmt, format!("ALTER TABLE IF EXISTS ({} does not exist)", parts.join(".")));
            }
            Ok(())
        }
        Action::RenameIndex { parts, new_name, if_exists } => {
            if !rename_index(state, &parts, &new_name, if_exists, stmt)? {
                skip(report, stmt, format!("ALTER INDEX IF EXISTS ({} does not exist)", parts.join(".")));
            }
            Ok(())
        }
        Action::CreateProcedure(procedure) => create_routine(state, &procedure, Routine::Procedure, stmt),
        Action::RenameView { parts, materialized, if_exists, rename } => {
            let Some(view) = resolve_view(state, &parts, materialized, stmt)? else {
                if if_exists {
                    skip(report, stmt, format!("ALTER VIEW IF EXISTS ({} does not exist)", parts.join(".")));
                    return Ok(());
                }
                return Err(stmt.reject(format!("relation \"{}\" does not exist", parts.join("."))));
            };
            match rename {
                ViewRename::View(new_name) => rename_view(state, &view, &new_name, stmt),
                ViewRename::Column { old, new } => rename_view_column(state, &view, &old, &new, stmt),
            }
        }
        Action::DropIndex { names, if_exists } => {
            for parts in names {
                if !drop_index(state, &parts, if_exists, stmt)? {
                    skip(report, stmt, format!("DROP INDEX IF EXISTS ({} does not exist)", parts.join(".")));
                }
            }
            Ok(())
        }
    }
}
