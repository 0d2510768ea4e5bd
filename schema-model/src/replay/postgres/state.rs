//! The replay's state: the catalog being built, the session's `search_path`, the signatures
//! of user functions, and how names resolve against them (identifier folding, schema
//! search, relation kinds). Also the statement context that turns problems into
//! [`ReplayError`]s at the statement's position.

use super::expr::{deparse, TExpr};
use super::index::IndexShape;
use super::names::truncate_identifier;
use std::collections::HashMap;
use super::types::{extension_provides, PgType};
use crate::catalog::{Catalog, Engine, Location, ObjectName, Table};
use crate::error::{ReplayError, ReplayErrorKind};
use sqlparser::ast::{Ident, ObjectName as SqlName};

/// A user function's signature, kept so expressions calling it can be typed.
#[derive(Debug, Clone)]
pub struct FunctionSignature {
    pub name: ObjectName,
    pub args: Vec<PgType>,
    pub result: PgType,
}

/// Everything the Postgres replay knows between statements.
pub struct PgState {
    pub catalog: Catalog,
    /// Schemas searched for unqualified names, first one receives new objects.
    pub search_path: Vec<String>,
    pub functions: Vec<FunctionSignature>,
    /// The analysed form of every index, by schema and index name, to print it again
    /// after renames.
    pub index_shapes: HashMap<ObjectName, IndexShape>,
    /// The analysed condition of every CHECK constraint, by table and constraint name.
    pub check_shapes: HashMap<(ObjectName, String), CheckShape>,
    /// The analysed default of every column that has one, by table and column.
    pub default_shapes: HashMap<(ObjectName, String), TExpr>,
    /// Tables and views each view reads from, for drop dependencies.
    pub view_dependencies: HashMap<ObjectName, Vec<ObjectName>>,
    /// (partitioned table, partition) pairs, in creation order.
    pub partitions: Vec<(ObjectName, ObjectName)>,
}

/// A CHECK constraint's analysed condition and options.
#[derive(Debug, Clone)]
pub struct CheckShape {
    pub expr: TExpr,
    pub no_inherit: bool,
    pub not_valid: bool,
}

impl CheckShape {
    /// `pg_get_constraintdef` of the constraint.
    pub fn definition(&self) -> String {
        let mut definition = format!("CHECK ({})", deparse(&self.expr));
        if self.no_inherit {
            definition.push_str(" NO INHERIT");
        }
        if self.not_valid {
            definition.push_str(" NOT VALID");
        }
        definition
    }
}

/// What a name in a schema's relation namespace (`pg_class`) is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Relation {
    Table,
    View,
    MaterializedView,
    Sequence,
    /// An index, with the table or materialized view it belongs to.
    Index(ObjectName),
    CompositeType,
}

impl Relation {
    /// The noun Postgres uses in messages (`"x" is not a table`).
    pub fn noun(&self) -> &'static str {
        match self {
            Relation::Table => "table",
            Relation::View => "view",
            Relation::MaterializedView => "materialized view",
            Relation::Sequence => "sequence",
            Relation::Index(_) => "index",
            Relation::CompositeType => "type",
        }
    }
}

/// The statement being applied: where it is and its text, for errors.
pub struct Stmt<'a> {
    pub at: &'a Location,
    pub text: &'a str,
}

impl Stmt<'_> {
    /// The statement as Postgres would reject it, with Postgres's message.
    pub fn reject(&self, message: impl Into<String>) -> ReplayError {
        ReplayError::new(ReplayErrorKind::Rejected, self.at.clone(), message, self.text)
    }

    /// A statement form the replay does not model.
    pub fn unsupported(&self, message: impl Into<String>) -> ReplayError {
        ReplayError::new(ReplayErrorKind::Unsupported, self.at.clone(), message, self.text)
    }
}

impl PgState {
    pub fn new() -> PgState {
        PgState {
            catalog: Catalog::new(Engine::Postgres),
            search_path: vec!["public".to_string()],
            functions: Vec::new(),
            index_shapes: HashMap::new(),
            check_shapes: HashMap::new(),
            default_shapes: HashMap::new(),
            view_dependencies: HashMap::new(),
            partitions: Vec::new(),
        }
    }

    /// An identifier as Postgres reads it: unquoted ones folded to lower case, all
    /// truncated to 63 bytes.
    pub fn ident(ident: &Ident) -> String {
        let folded = match ident.quote_style {
            Some(_) => ident.value.clone(),
            None => ident.value.to_ascii_lowercase(),
        };
        truncate_identifier(&folded).to_string()
    }

    /// The parts of a dotted name, each read as an identifier.
    pub fn name_parts(&self, name: &SqlName) -> Vec<String> {
        name.0
            .iter()
            .map(|part| match part.as_ident() {
                Some(ident) => PgState::ident(ident),
                None => part.to_string(),
            })
            .collect()
    }

    pub fn schema_exists(&self, schema: &str) -> bool {
        schema == "public" || schema == "pg_catalog" || self.catalog.schemas.iter().any(|s| s == schema)
    }

    /// The schema new unqualified objects go to: the first existing one on the path.
    fn creation_schema(&self) -> Option<&str> {
        self.search_path.iter().map(String::as_str).find(|s| self.schema_exists(s) && *s != "pg_catalog")
    }

    /// The qualified name of an object a statement creates.
    pub fn creation_name(&self, name: &SqlName, stmt: &Stmt) -> Result<ObjectName, ReplayError> {
        let parts = self.name_parts(name);
        match parts.as_slice() {
            [name] => match self.creation_schema() {
                Some(schema) => Ok(ObjectName::new(schema, name.clone())),
                None => Err(stmt.reject("no schema has been selected to create in")),
            },
            [schema, name] => {
                if self.schema_exists(schema) {
                    Ok(ObjectName::new(schema.clone(), name.clone()))
                } else {
                    Err(stmt.reject(format!("schema \"{schema}\" does not exist")))
                }
            }
            _ => Err(stmt.reject(format!("improper qualified name (too many dotted names): {}", parts.join(".")))),
        }
    }

    /// Schemas to look an unqualified name up in, in order.
    fn lookup_schemas<'a>(&'a self, parts: &'a [String]) -> (Vec<&'a str>, Option<&'a String>) {
        match parts {
            [name] => (self.search_path.iter().map(String::as_str).collect(), Some(name)),
            [schema, name] => (vec![schema.as_str()], Some(name)),
            _ => (Vec::new(), None),
        }
    }

    /// What `name` is in `schema`'s relation namespace, if anything.
    pub fn relation_in(&self, schema: &str, name: &str) -> Option<Relation> {
        let key = ObjectName::new(schema, name);
        if self.catalog.tables.contains_key(&key) {
            return Some(Relation::Table);
        }
        if let Some(view) = self.catalog.views.get(&key) {
            return Some(if view.materialized { Relation::MaterializedView } else { Relation::View });
        }
        if self.catalog.sequences.contains_key(&key) {
            return Some(Relation::Sequence);
        }
        if self.catalog.composite_types.contains_key(&key) {
            return Some(Relation::CompositeType);
        }
        let in_schema_tables = self.catalog.tables.values().filter(|t| t.name.schema == schema);
        for table in in_schema_tables {
            if table.indexes.iter().any(|i| i.name == name) {
                return Some(Relation::Index(table.name.clone()));
            }
        }
        for view in self.catalog.views.values().filter(|v| v.name.schema == schema) {
            if view.indexes.iter().any(|i| i.name == name) {
                return Some(Relation::Index(view.name.clone()));
            }
        }
        None
    }

    /// Resolves a relation name through the search path.
    pub fn lookup_relation(&self, parts: &[String]) -> Option<(ObjectName, Relation)> {
        let (schemas, name) = self.lookup_schemas(parts);
        let name = name?;
        schemas
            .into_iter()
            .find_map(|schema| self.relation_in(schema, name).map(|r| (ObjectName::new(schema, name.clone()), r)))
    }

    /// Whether a constraint named `name` exists in `schema` (`ConstraintNameExists`).
    pub fn constraint_exists(&self, schema: &str, name: &str) -> bool {
        self.catalog
            .tables
            .values()
            .filter(|t| t.name.schema == schema)
            .any(|t| t.constraint_names().any(|c| c == name))
            || self
                .catalog
                .domains
                .values()
                .filter(|d| d.name.schema == schema)
                .any(|d| d.checks.iter().any(|c| c.name == name))
    }

    /// Resolves a table name, or fails with Postgres's message.
    pub fn resolve_table(&self, name: &SqlName, stmt: &Stmt) -> Result<ObjectName, ReplayError> {
        let parts = self.name_parts(name);
        match self.lookup_relation(&parts) {
            Some((found, Relation::Table)) => Ok(found),
            Some(_) => Err(stmt.reject(format!("\"{}\" is not a table", parts.join(".")))),
            None => Err(stmt.reject(format!("relation \"{}\" does not exist", parts.join(".")))),
        }
    }

    /// The table `name` (already resolved).
    pub fn table_mut(&mut self, name: &ObjectName) -> &mut Table {
        self.catalog.tables.get_mut(name).expect("resolved table exists")
    }

    /// Resolves a type name through the search path: enums, composite types, domains,
    /// row types of tables and views, and types of installed extensions.
    pub fn resolve_type_name(&self, parts: &[String]) -> Option<ObjectName> {
        let (schemas, name) = self.lookup_schemas(parts);
        let name = name?;
        schemas.into_iter().find_map(|schema| {
            let key = ObjectName::new(schema, name.clone());
            let known = self.catalog.enums.contains_key(&key)
                || self.catalog.composite_types.contains_key(&key)
                || self.catalog.domains.contains_key(&key)
                || self.catalog.tables.contains_key(&key)
                || self.catalog.views.contains_key(&key)
                || extension_provides(&self.catalog.extensions, schema, name);
            known.then_some(key)
        })
    }

    /// Whether a type named `name` exists in `schema` (including tables' row types).
    pub fn type_exists(&self, schema: &str, name: &str) -> bool {
        self.resolve_type_name(&[schema.to_string(), name.to_string()]).is_some()
    }
}

impl Default for PgState {
    fn default() -> Self {
        Self::new()
    }
}
