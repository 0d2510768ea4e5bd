//! Output helpers shared by the commands: standard output that tolerates a closed pipe
//! (`cargo schema diff ... | head`), formats, aligned text tables, GitHub workflow
//! annotations and the "could not check" exit.

/// Like `print!`, but a closed standard output (a pipe whose reader left) is not an error.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stdout().lock(), $($arg)*);
    }};
}

/// Like `println!`, but a closed standard output is not an error.
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

pub(crate) use {out, outln};

use clap::ValueEnum;
use std::process::ExitCode;

/// Report formats.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
    /// GitHub Actions workflow commands (`::error file=..,line=..::message`).
    Github,
}

/// Rows aligned in columns, the first row as header, two spaces of indent.
pub fn table(rows: &[Vec<String>]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> =
        (0..columns).map(|i| rows.iter().filter_map(|r| r.get(i)).map(|c| c.chars().count()).max().unwrap_or(0)).collect();
    let mut out = String::new();
    for row in rows {
        let cells: Vec<String> = row.iter().enumerate().map(|(i, c)| format!("{c:<width$}", width = widths[i])).collect();
        out.push_str(&format!("  {}\n", cells.join("  ").trim_end()));
    }
    out
}

/// A GitHub Actions annotation at `file:line` (or without position).
pub fn github_annotation(level: &str, at: Option<(&str, u32)>, message: &str) -> String {
    let escape_data = |s: &str| s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
    let escape_property = |s: &str| escape_data(s).replace(':', "%3A").replace(',', "%2C");
    match at {
        Some((file, line)) => format!("::{level} file={},line={line}::{}", escape_property(file), escape_data(message)),
        None => format!("::{level}::{}", escape_data(message)),
    }
}

/// Prints `error: message` and returns exit status 2 (the check could not run).
pub fn could_not_check(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotations_escape_their_properties_and_message() {
        assert_eq!(
            github_annotation("error", Some(("a,b:c.sql", 3)), "50% done\nnext"),
            "::error file=a%2Cb%3Ac.sql,line=3::50%25 done%0Anext"
        );
    }

    #[test]
    fn tables_align_columns() {
        let rows = vec![vec!["a".to_string(), "bb".to_string()], vec!["ccc".to_string(), "d".to_string()]];
        assert_eq!(table(&rows), "  a    bb\n  ccc  d\n");
    }
}
