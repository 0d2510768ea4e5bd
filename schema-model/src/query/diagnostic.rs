//! What the query checker reports: one [`QueryDiagnostic`] per unresolved name (or per
//! statement a track's parser rejects), with the engine's own wording, the position inside
//! the SQL text, the closest names that do exist, and the other tracks where the name exists.

use crate::catalog::Engine;
use serde::{Deserialize, Serialize};
use sqlparser::tokenizer::Span;

/// The class of a query error, matching the engine's error class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QueryErrorKind {
    /// The track's SQL parser rejects the statement.
    Syntax,
    /// Postgres 42P01, SQLite `no such table`.
    UndefinedTable,
    /// Postgres 42703, SQLite `no such column` / `has no column named`.
    UndefinedColumn,
    /// Postgres 42702, SQLite `ambiguous column name`.
    AmbiguousColumn,
}

impl QueryErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            QueryErrorKind::Syntax => "syntax",
            QueryErrorKind::UndefinedTable => "undefined_table",
            QueryErrorKind::UndefinedColumn => "undefined_column",
            QueryErrorKind::AmbiguousColumn => "ambiguous_column",
        }
    }
}

/// One problem found in a query on one track.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueryDiagnostic {
    pub kind: QueryErrorKind,
    /// The message in the engine's words (`column "x" does not exist`).
    pub message: String,
    /// The name as written in the query (`u.emial`), empty for syntax errors.
    pub name: String,
    /// 1-based line inside the SQL text (0 when the parser gave no position).
    pub line: u32,
    /// 1-based column (in characters) inside the SQL text (0 when unknown).
    pub column: u32,
    /// Names that exist and are closest to the missing one, best first.
    pub suggestions: Vec<String>,
    /// Other tracks on which the name does exist (filled by multi-track checks).
    pub defined_on: Vec<String>,
}

impl QueryDiagnostic {
    pub(crate) fn at(kind: QueryErrorKind, message: String, name: String, span: Span) -> QueryDiagnostic {
        QueryDiagnostic {
            kind,
            message,
            name,
            line: span.start.line as u32,
            column: span.start.column as u32,
            suggestions: Vec::new(),
            defined_on: Vec::new(),
        }
    }

    /// The byte range of the offending name inside `sql`, for pointing at it precisely
    /// (e.g. a sub-span of a string literal). `None` when the position is unknown.
    pub fn byte_range(&self, sql: &str) -> Option<std::ops::Range<usize>> {
        if self.line == 0 || self.column == 0 {
            return None;
        }
        let line_start = if self.line == 1 {
            0
        } else {
            sql.match_indices('\n').nth(self.line as usize - 2)?.0 + 1
        };
        let line = &sql[line_start..];
        let start = line_start + line.char_indices().nth(self.column as usize - 1)?.0;
        let len = sql[start..]
            .char_indices()
            .find(|&(_, c)| !(c.is_alphanumeric() || matches!(c, '_' | '.' | '"' | '`' | '$')))
            .map_or(sql.len() - start, |(i, _)| i);
        Some(start..start + len.max(1).min(sql.len() - start))
    }

    /// `help:` text for the diagnostic: the closest existing name, or where it exists.
    pub fn help(&self) -> Option<String> {
        let mut parts = Vec::new();
        if let Some(best) = self.suggestions.first() {
            parts.push(format!("a similar name exists: `{best}`"));
        }
        if !self.defined_on.is_empty() {
            parts.push(format!("`{}` exists on track {}", self.name, self.defined_on.join(", ")));
        }
        (!parts.is_empty()).then(|| parts.join("; "))
    }
}

impl std::fmt::Display for QueryDiagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

/// The diagnostics of one query on one track.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrackDiagnostics {
    pub track: String,
    pub engine: Engine,
    pub diagnostics: Vec<QueryDiagnostic>,
}

/// Up to three names from `candidates` close to `wanted`, best first.
pub(crate) fn closest_names<'a>(wanted: &str, candidates: impl Iterator<Item = &'a str>) -> Vec<String> {
    let wanted_lower = wanted.to_lowercase();
    let mut scored: Vec<(f64, &str)> = candidates
        .filter(|c| !c.is_empty())
        .map(|c| (strsim::jaro_winkler(&wanted_lower, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.8)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    let mut names: Vec<String> = Vec::new();
    for (_, name) in scored {
        if !names.iter().any(|n| n == name) {
            names.push(name.to_string());
        }
        if names.len() == 3 {
            break;
        }
    }
    names
}

/// Turns a sqlparser error into a syntax diagnostic, taking the position from the
/// parser's `at Line: L, Column: C` suffix, or the end of the text when the parser ran out
/// of input.
pub(crate) fn syntax_error(error: &sqlparser::parser::ParserError, sql: &str) -> QueryDiagnostic {
    let text = error.to_string();
    let (message, line, column) = match text.rsplit_once(" at Line: ") {
        Some((message, position)) => {
            let mut numbers = position.split(", Column: ").map(|n| n.trim().parse::<u32>().unwrap_or(0));
            let line = numbers.next().unwrap_or(0);
            let column = numbers.next().unwrap_or(0);
            (message.to_string(), line, column)
        }
        None => {
            let trimmed = sql.trim_end();
            let line = trimmed.lines().count().max(1);
            let column = trimmed.lines().last().map_or(0, |l| l.chars().count()) + 1;
            (text.clone(), line as u32, column as u32)
        }
    };
    let message = message.strip_prefix("sql parser error: ").unwrap_or(&message).to_string();
    QueryDiagnostic {
        kind: QueryErrorKind::Syntax,
        message,
        name: String::new(),
        line,
        column,
        suggestions: Vec::new(),
        defined_on: Vec::new(),
    }
}
