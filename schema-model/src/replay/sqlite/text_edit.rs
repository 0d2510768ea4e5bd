//! Editing stored SQL text the way SQLite's `ALTER TABLE` does: replacing name tokens (with
//! SQLite's quoting rules for the new name), cutting a column definition out, and inserting
//! an added one.

use std::ops::Range;

/// One replacement of a byte range.
#[derive(Debug, Clone, PartialEq)]
pub struct Edit {
    pub range: Range<usize>,
    pub replacement: String,
}

/// Applies non-overlapping edits (in any order) to `text`.
pub fn apply(text: &str, mut edits: Vec<Edit>) -> String {
    edits.sort_by_key(|e| std::cmp::Reverse(e.range.start));
    edits.dedup_by_key(|e| e.range.start);
    let mut out = text.to_string();
    for edit in edits {
        if out.get(edit.range.clone()).is_some() {
            out.replace_range(edit.range, &edit.replacement);
        }
    }
    out
}

/// The edit replacing the name token at `range` of `text` by `new_name`, as SQLite's
/// `renameEditSql` writes it: bare when the old token was bare and `always_quote` is false,
/// otherwise double-quoted (with a space added when a `"` follows the token directly).
pub fn rename_token(text: &str, range: Range<usize>, new_name: &str, always_quote: bool) -> Edit {
    let bare_before = text[range.clone()].chars().next().is_some_and(is_id_char);
    let replacement = if !always_quote && bare_before {
        new_name.to_string()
    } else {
        let mut quoted = format!("\"{}\"", new_name.replace('"', "\"\""));
        if text[range.end..].starts_with('"') {
            quoted.push(' ');
        }
        quoted
    };
    Edit { range, replacement }
}

/// SQLite's `sqlite3IsIdChar`: a character that can continue an unquoted identifier.
fn is_id_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '$' || !c.is_ascii()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renames_follow_sqlite_quoting() {
        let text = "CREATE TABLE t (key TEXT, \"x\" INT)";
        let bare = rename_token(text, 16..19, "akey", false);
        let quoted = rename_token(text, 26..29, "y", false);
        assert_eq!(
            apply(text, vec![bare, quoted]),
            "CREATE TABLE t (akey TEXT, \"y\" INT)"
        );
        let table = rename_token(text, 13..14, "new t", true);
        assert_eq!(
            apply(text, vec![table]),
            "CREATE TABLE \"new t\" (key TEXT, \"x\" INT)"
        );
    }
}
