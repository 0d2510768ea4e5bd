//! Error text in rustc's shape: one primary message, then `= note:` and `= help:` lines
//! (rustc prints them under the message, above the span).

use std::fmt;

/// One error message with its notes and help lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub primary: String,
    pub notes: Vec<String>,
    pub help: Vec<String>,
}

impl Message {
    pub fn new(primary: impl Into<String>) -> Message {
        Message { primary: primary.into(), notes: Vec::new(), help: Vec::new() }
    }

    pub fn note(mut self, note: impl Into<String>) -> Message {
        self.notes.push(note.into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Message {
        self.help.push(help.into());
        self
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.primary)?;
        for note in &self.notes {
            write!(f, "\n= note: {note}")?;
        }
        for help in &self.help {
            write!(f, "\n= help: {help}")?;
        }
        Ok(())
    }
}

/// ``track `a` `` or ``tracks `a` and `b` `` or ``tracks `a`, `b` and `c` ``.
pub fn tracks(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.as_slice() {
        [one] => format!("track {one}"),
        [rest @ .., last] => format!("tracks {} and {last}", rest.join(", ")),
        [] => "no track".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rustc_shape() {
        let m = Message::new("column `x` is missing").note("n1").help("h1").note("n2");
        assert_eq!(m.to_string(), "column `x` is missing\n= note: n1\n= note: n2\n= help: h1");
        assert_eq!(tracks(&["a"]), "track `a`");
        assert_eq!(tracks(&["a", "b", "c"]), "tracks `a`, `b` and `c`");
    }
}
