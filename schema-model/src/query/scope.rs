//! Name scopes of a query: the relations a FROM clause brings in (with the columns each one
//! exposes), the enclosing queries' scopes for correlated references, and the common table
//! expressions in force.
//!
//! Visibility follows Postgres' namespace model: every FROM item can be visible for qualified
//! references (`t.x`, by its alias or table name) and for unqualified ones (`x`). A JOIN adds
//! one relation that carries the join's columns (USING/NATURAL columns once, then the rest)
//! for unqualified references and hides its two sides' columns from them, so joined columns
//! are ambiguous exactly when the engine says so.

use super::rules::Rules;

/// The columns a relation exposes, in order. A column whose name the engine derives in a way
/// the model does not follow (an unaliased expression) has an empty name; `open` means more
/// columns may follow (a function's result). A name missing from an incomplete set is never
/// reported.
#[derive(Debug, Clone, Default)]
pub(crate) struct ColumnSet {
    pub names: Vec<String>,
    pub open: bool,
}

impl ColumnSet {
    pub fn known(names: Vec<String>) -> ColumnSet {
        ColumnSet { names, open: false }
    }

    pub fn open(names: Vec<String>) -> ColumnSet {
        ColumnSet { names, open: true }
    }

    /// Whether every column and its name are known.
    pub fn is_complete(&self) -> bool {
        !self.open && self.names.iter().all(|n| !n.is_empty())
    }

    /// How many columns carry the name.
    pub fn count(&self, rules: Rules, name: &str) -> usize {
        self.names.iter().filter(|c| rules.same(name, c)).count()
    }

    /// Renames the leading columns (`AS alias(a, b)`); extra names open the set when the
    /// relation's width is unknown.
    pub fn rename(mut self, aliases: Vec<String>) -> ColumnSet {
        if aliases.len() > self.names.len() {
            self.open = true;
        }
        for (i, alias) in aliases.into_iter().enumerate() {
            match self.names.get_mut(i) {
                Some(name) => *name = alias,
                None => self.names.push(alias),
            }
        }
        self
    }
}

/// One entry of a FROM clause namespace.
#[derive(Debug, Clone)]
pub(crate) struct Relation {
    /// The name that qualifies its columns: the alias, else the table name. `None` for an
    /// unaliased subquery or a join's own column list.
    pub name: Option<String>,
    /// The schema the table was named with, for `schema.table.column` (unaliased tables only).
    pub schema: Option<String>,
    pub columns: ColumnSet,
    /// Columns every table has implicitly (system columns, row ids).
    pub implicit: &'static [&'static str],
    /// Whether `name.column` may reach it.
    pub qualifiable: bool,
    /// Whether unqualified column names may reach it.
    pub unqualified: bool,
}

impl Relation {
    pub fn new(name: Option<String>, columns: ColumnSet) -> Relation {
        Relation { name, schema: None, columns, implicit: &[], qualifiable: true, unqualified: true }
    }

    /// How many columns (declared or implicit) carry the name.
    pub fn column_count(&self, rules: Rules, name: &str) -> usize {
        let declared = self.columns.count(rules, name);
        if declared == 0 && self.implicit.iter().any(|c| rules.same(name, c)) {
            return 1;
        }
        declared
    }

    pub fn is_named(&self, rules: Rules, name: &str) -> bool {
        self.qualifiable && self.name.as_deref().is_some_and(|n| rules.same_table(name, n))
    }
}

/// The namespace of one query level, and the level it is nested in.
#[derive(Debug, Default)]
pub(crate) struct Scope<'s> {
    pub relations: Vec<Relation>,
    pub parent: Option<&'s Scope<'s>>,
}

/// What an unqualified column name resolves to.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Lookup {
    Found,
    /// Not known for sure (an open column list is in the way): never reported.
    Unknown,
    Ambiguous,
    Missing,
}

impl<'s> Scope<'s> {
    pub fn new(relations: Vec<Relation>, parent: Option<&'s Scope<'s>>) -> Scope<'s> {
        Scope { relations, parent }
    }

    /// The scopes from this one outwards.
    pub fn levels(&self) -> impl Iterator<Item = &Scope<'s>> {
        std::iter::successors(Some(self), |s| s.parent)
    }

    /// Resolves an unqualified column name, innermost level first.
    pub fn column(&self, rules: Rules, name: &str) -> Lookup {
        for level in self.levels() {
            let mut matches = 0;
            let mut open = false;
            for relation in level.relations.iter().filter(|r| r.unqualified) {
                matches += relation.column_count(rules, name);
                open |= !relation.columns.is_complete();
            }
            match matches {
                0 if open => return Lookup::Unknown,
                0 => continue,
                1 => return Lookup::Found,
                _ => return Lookup::Ambiguous,
            }
        }
        Lookup::Missing
    }

    /// The innermost relation named `qualifier` (and, when given, in `schema`).
    pub fn relation(&self, rules: Rules, schema: Option<&str>, qualifier: &str) -> Option<&Relation> {
        self.levels().find_map(|level| {
            level.relations.iter().find(|r| {
                r.is_named(rules, qualifier)
                    && schema.is_none_or(|s| r.schema.as_deref().is_some_and(|rs| rules.same_table(s, rs)))
            })
        })
    }

    /// Every column name visible from here, for suggestions.
    pub fn visible_columns(&self) -> impl Iterator<Item = &str> {
        self.levels()
            .flat_map(|level| level.relations.iter())
            .flat_map(|r| r.columns.names.iter().map(String::as_str))
    }

    /// Every relation name visible from here, for suggestions.
    pub fn visible_relations(&self) -> impl Iterator<Item = &str> {
        self.levels().flat_map(|level| level.relations.iter()).filter_map(|r| r.name.as_deref())
    }
}

/// Common table expressions in force, innermost `WITH` first.
#[derive(Debug, Default)]
pub(crate) struct Ctes<'s> {
    pub entries: Vec<(String, ColumnSet)>,
    pub parent: Option<&'s Ctes<'s>>,
}

impl<'s> Ctes<'s> {
    pub fn find(&self, rules: Rules, name: &str) -> Option<&ColumnSet> {
        std::iter::successors(Some(self), |c| c.parent)
            .find_map(|level| level.entries.iter().rev().find(|(n, _)| rules.same(name, n)).map(|(_, c)| c))
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::successors(Some(self), |c| c.parent).flat_map(|level| level.entries.iter().map(|(n, _)| n.as_str()))
    }
}
