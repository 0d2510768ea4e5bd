//! Diagnostics printed by the build script in rustc's shape: `error: message`, then
//! `--> file:line:col` with the source line and a caret under the position, then `= note:`
//! and `= help:` lines. Rendered with `annotate-snippets`.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use schema_model::catalog::Location;
use std::collections::HashMap;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// A position in a migration file with what to say about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub location: Location,
    pub text: String,
}

/// One message for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub message: String,
    /// The first label is the primary position; the others are shown as context.
    pub labels: Vec<Label>,
    pub notes: Vec<String>,
    pub help: Vec<String>,
}

impl Diagnostic {
    pub fn error(message: impl Into<String>) -> Diagnostic {
        Diagnostic { severity: Severity::Error, message: message.into(), labels: Vec::new(), notes: Vec::new(), help: Vec::new() }
    }

    pub fn warning(message: impl Into<String>) -> Diagnostic {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(message) }
    }

    pub fn label(mut self, location: Location, text: impl Into<String>) -> Diagnostic {
        self.labels.push(Label { location, text: text.into() });
        self
    }

    pub fn note(mut self, text: impl Into<String>) -> Diagnostic {
        self.notes.push(text.into());
        self
    }

    pub fn help(mut self, text: impl Into<String>) -> Diagnostic {
        self.help.push(text.into());
        self
    }
}

/// The text of every migration file by name, for showing source lines.
#[derive(Debug, Default)]
pub struct SourceTexts<'a> {
    texts: HashMap<&'a str, &'a str>,
}

impl<'a> SourceTexts<'a> {
    pub fn add(&mut self, name: &'a str, text: &'a str) {
        self.texts.insert(name, text);
    }

    /// The 1-based `line` of `file`, when known.
    fn line(&self, file: &str, line: u32) -> Option<&'a str> {
        let text = self.texts.get(file)?;
        text.lines().nth((line as usize).checked_sub(1)?)
    }
}

/// Renders `diagnostic` as plain text (build script output is not a terminal).
pub fn render(diagnostic: &Diagnostic, sources: &SourceTexts<'_>) -> String {
    let level = match diagnostic.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let mut group = Group::with_title(level.primary_title(diagnostic.message.as_str()));
    let mut unshown: Vec<String> = Vec::new();
    for (i, label) in diagnostic.labels.iter().enumerate() {
        let at = &label.location;
        match sources.line(&at.file, at.line) {
            Some(line) => {
                let kind = if i == 0 { AnnotationKind::Primary } else { AnnotationKind::Context };
                group = group.element(
                    Snippet::source(line)
                        .line_start(at.line as usize)
                        .path(at.file.as_str())
                        .annotation(kind.span(word_at(line, at.column)).label(label.text.as_str())),
                );
            }
            None => unshown.push(format!("{}: {}", at, label.text)),
        }
    }
    let notes = unshown.iter().chain(&diagnostic.notes);
    group = group.elements(notes.map(|n| Level::NOTE.message(n.as_str())));
    group = group.elements(diagnostic.help.iter().map(|h| Level::HELP.message(h.as_str())));
    Renderer::plain().render(&[group]).to_string()
}

/// Byte range of the word starting at 1-based character `column` of `line`.
fn word_at(line: &str, column: u32) -> std::ops::Range<usize> {
    let start = line.char_indices().nth((column as usize).saturating_sub(1)).map_or(line.len(), |(i, _)| i);
    let len = line[start..]
        .char_indices()
        .find(|(_, c)| c.is_whitespace() || *c == '(' || *c == ';')
        .map_or(line.len() - start, |(i, _)| i);
    start..start + len.max(1).min(line.len() - start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_like_rustc() {
        let mut sources = SourceTexts::default();
        let text = "CREATE TABLE a (x int);\nALTER TABLE b ADD COLUMN y int;\n";
        sources.add("migrations/0001.sql", text);
        let d = Diagnostic::error("relation \"b\" does not exist")
            .label(Location { file: "migrations/0001.sql".into(), line: 2, column: 13 }, "no table `b` at this point")
            .note("replayed as track `postgres`")
            .help("create the table first");
        assert_eq!(
            render(&d, &sources),
            "error: relation \"b\" does not exist
 --> migrations/0001.sql:2:13
  |
2 | ALTER TABLE b ADD COLUMN y int;
  |             ^ no table `b` at this point
  |
  = note: replayed as track `postgres`
  = help: create the table first"
        );
    }

    #[test]
    fn unknown_files_become_notes() {
        let d = Diagnostic::warning("w").label(Location { file: "gone.sql".into(), line: 1, column: 1 }, "here");
        assert_eq!(render(&d, &SourceTexts::default()), "warning: w\n |\n = note: gone.sql:1:1: here");
    }

    #[test]
    fn word_ranges_stay_in_the_line() {
        assert_eq!(word_at("ALTER TABLE t", 7), 6..11);
        assert_eq!(word_at("abc", 9), 3..3);
        assert_eq!(word_at("", 1), 0..0);
        assert_eq!(word_at("é x", 1), 0..2);
    }
}
