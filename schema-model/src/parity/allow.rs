//! Declared exceptions to parity: each names a table or column (optionally one track) and
//! says why the difference is accepted. An exception that matches nothing is reported, so
//! stale ones do not pile up.

use super::Difference;

/// What an exception covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AllowanceSubject {
    /// Every difference of the table (and its columns, keys and indexes).
    Table(String),
    /// Every difference of one column.
    Column { table: String, column: String },
}

/// One declared exception.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allowance {
    /// When set, only differences involving this track are covered.
    pub track: Option<String>,
    pub subject: AllowanceSubject,
    pub reason: String,
}

impl Allowance {
    /// Whether this exception covers `difference`.
    pub fn matches(&self, difference: &Difference) -> bool {
        let subject = match &self.subject {
            AllowanceSubject::Table(table) => *table == difference.table,
            AllowanceSubject::Column { table, column } => {
                *table == difference.table && difference.column.as_deref() == Some(column.as_str())
            }
        };
        subject && self.track.as_ref().is_none_or(|track| difference.tracks().any(|t| t == track))
    }
}

impl std::fmt::Display for Allowance {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.subject {
            AllowanceSubject::Table(table) => write!(f, "table = \"{table}\"")?,
            AllowanceSubject::Column { table, column } => write!(f, "column = \"{table}.{column}\"")?,
        }
        if let Some(track) = &self.track {
            write!(f, ", track = \"{track}\"")?;
        }
        Ok(())
    }
}

/// Differences split by the declared exceptions.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AllowanceOutcome {
    /// Differences no exception covers.
    pub reported: Vec<Difference>,
    /// Covered differences, each with the index of the first exception covering it.
    pub allowed: Vec<(Difference, usize)>,
    /// Indexes of exceptions that cover no difference.
    pub unused: Vec<usize>,
}

/// Splits `differences` into covered and reported ones, and finds unused exceptions.
pub fn apply_allowances(differences: Vec<Difference>, allowances: &[Allowance]) -> AllowanceOutcome {
    let mut outcome = AllowanceOutcome::default();
    let mut used = vec![false; allowances.len()];
    for difference in differences {
        let mut first = None;
        for (i, allowance) in allowances.iter().enumerate() {
            if allowance.matches(&difference) {
                used[i] = true;
                first.get_or_insert(i);
            }
        }
        match first {
            Some(i) => outcome.allowed.push((difference, i)),
            None => outcome.reported.push(difference),
        }
    }
    outcome.unused = used.iter().enumerate().filter(|(_, u)| !**u).map(|(i, _)| i).collect();
    outcome
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::super::{check, TrackCatalog};
    use super::*;

    #[test]
    fn exceptions_cover_matching_differences_and_unused_ones_are_listed() {
        let a = catalog(vec![
            table("log", "a.sql", 1, vec![column("agent_name", text(), false, "a.sql", 2)]),
            table("audit", "a.sql", 4, vec![]),
        ]);
        let b = catalog(vec![table("log", "b.sql", 1, vec![])]);
        let diffs = check(&[TrackCatalog { name: "postgres", catalog: &a }, TrackCatalog { name: "pglite", catalog: &b }]);
        assert_eq!(diffs.len(), 2);
        let allowances = vec![
            Allowance {
                track: Some("postgres".into()),
                subject: AllowanceSubject::Column { table: "log".into(), column: "agent_name".into() },
                reason: "production-only".into(),
            },
            Allowance {
                track: None,
                subject: AllowanceSubject::Column { table: "log".into(), column: "gone".into() },
                reason: "stale".into(),
            },
            Allowance { track: Some("other".into()), subject: AllowanceSubject::Table("audit".into()), reason: "x".into() },
        ];
        let outcome = apply_allowances(diffs, &allowances);
        assert_eq!(outcome.allowed.len(), 1);
        assert_eq!(outcome.allowed[0].1, 0);
        assert_eq!(outcome.reported.len(), 1);
        assert_eq!(outcome.reported[0].table, "audit");
        assert_eq!(outcome.unused, vec![1, 2]);
        assert_eq!(allowances[2].to_string(), "table = \"audit\", track = \"other\"");
    }
}
