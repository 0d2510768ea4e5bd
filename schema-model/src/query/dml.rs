//! INSERT, UPDATE and DELETE: the target table, the columns named as targets, ON CONFLICT
//! with its `EXCLUDED` row, UPDATE ... FROM, DELETE ... USING, and RETURNING lists.

use super::diagnostic::{closest_names, QueryErrorKind};
use super::resolve::{Env, Resolver};
use super::scope::{ColumnSet, Relation, Scope};
use crate::catalog::Engine;
use sqlparser::ast::{
    Assignment, AssignmentTarget, ConflictTarget, Delete, FromTable, Ident, Insert, ObjectName,
    OnConflictAction, OnInsert, SelectItem, Statement, TableAlias, TableFactor, TableObject, Update,
    UpdateTableFromKind,
};

impl Resolver<'_> {
    /// Resolves an INSERT, UPDATE or DELETE and returns its RETURNING columns (open for any
    /// other statement, which is not checked).
    pub fn data_change(&mut self, statement: &Statement, env: Env<'_>) -> ColumnSet {
        match statement {
            Statement::Insert(insert) => self.insert(insert, env),
            Statement::Update(update) => self.update(update, env),
            Statement::Delete(delete) => self.delete(delete, env),
            _ => ColumnSet::open(Vec::new()),
        }
    }

    fn insert(&mut self, insert: &Insert, env: Env<'_>) -> ColumnSet {
        let TableObject::TableName(name) = &insert.table else {
            return ColumnSet::open(Vec::new());
        };
        let alias = insert.table_alias.as_ref().map(|a| alias_of(&a.alias));
        let target = self.named_relation(name, alias.as_ref(), env, false);
        for column in &insert.columns {
            if let Some(ident) = column.0.last().and_then(|p| p.as_ident()) {
                self.target_column(&target, name, ident, true);
            }
        }
        if let Some(source) = &insert.source {
            self.query(source, env);
        }
        self.assignments(&insert.assignments, &target, name, &Scope::new(vec![target.clone()], env.scope), env);
        match &insert.on {
            Some(OnInsert::OnConflict(on_conflict)) => {
                if let Some(ConflictTarget::Columns(columns)) = &on_conflict.conflict_target {
                    let scope = Scope::new(vec![target.clone()], env.scope);
                    for ident in columns {
                        self.column_reference(std::slice::from_ref(ident), &scope, &[]);
                    }
                }
                if let OnConflictAction::DoUpdate(update) = &on_conflict.action {
                    let mut excluded = target.clone();
                    excluded.name = Some("excluded".to_string());
                    excluded.schema = None;
                    let scope = Scope::new(vec![target.clone(), excluded], env.scope);
                    self.assignments(&update.assignments, &target, name, &scope, env);
                    if let Some(selection) = &update.selection {
                        self.walk(selection, env.with_scope(&scope), &[]);
                    }
                }
            }
            Some(OnInsert::DuplicateKeyUpdate(assignments)) => {
                let scope = Scope::new(vec![target.clone()], env.scope);
                self.assignments(assignments, &target, name, &scope, env);
            }
            Some(_) | None => {}
        }
        self.returning(insert.returning.as_deref(), vec![target], env)
    }

    fn update(&mut self, update: &Update, env: Env<'_>) -> ColumnSet {
        let mut relations = match &update.table.relation {
            TableFactor::Table { name, alias, args: None, .. } if update.table.joins.is_empty() => {
                vec![self.named_relation(name, alias.as_ref(), env, false)]
            }
            _ => self.resolve_from(std::slice::from_ref(&update.table), env),
        };
        let target = relations.first().cloned();
        let target_name = match &update.table.relation {
            TableFactor::Table { name, .. } => Some(name),
            _ => None,
        };
        if let Some(UpdateTableFromKind::AfterSet(from) | UpdateTableFromKind::BeforeSet(from)) = &update.from {
            let from_relations = self.resolve_from(from, env);
            relations.extend(from_relations);
        }
        let scope = Scope::new(relations, env.scope);
        if let (Some(target), Some(target_name)) = (&target, target_name) {
            self.assignments(&update.assignments, target, target_name, &scope, env);
        }
        let inner = env.with_scope(&scope);
        if let Some(selection) = &update.selection {
            self.walk(selection, inner, &[]);
        }
        self.walk(&update.order_by, inner, &[]);
        self.returning(update.returning.as_deref(), scope.relations, env)
    }

    fn delete(&mut self, delete: &Delete, env: Env<'_>) -> ColumnSet {
        let (FromTable::WithFromKeyword(from) | FromTable::WithoutKeyword(from)) = &delete.from;
        let mut relations = Vec::new();
        for item in from {
            match &item.relation {
                TableFactor::Table { name, alias, args: None, .. } if item.joins.is_empty() => {
                    relations.push(self.named_relation(name, alias.as_ref(), env, false));
                }
                _ => {
                    let item_relations = self.resolve_from(std::slice::from_ref(item), env);
                    relations.extend(item_relations);
                }
            }
        }
        if let Some(using) = &delete.using {
            let using_relations = self.resolve_from(using, env);
            relations.extend(using_relations);
        }
        let scope = Scope::new(relations, env.scope);
        let inner = env.with_scope(&scope);
        if let Some(selection) = &delete.selection {
            self.walk(selection, inner, &[]);
        }
        self.walk(&delete.order_by, inner, &[]);
        self.returning(delete.returning.as_deref(), scope.relations, env)
    }

    /// `SET col = value, (a, b) = (...)`: targets are columns of the target table, values
    /// resolve in `scope`.
    fn assignments(&mut self, assignments: &[Assignment], target: &Relation, target_name: &ObjectName, scope: &Scope<'_>, env: Env<'_>) {
        for assignment in assignments {
            let targets: Vec<&ObjectName> = match &assignment.target {
                AssignmentTarget::ColumnName(name) => vec![name],
                AssignmentTarget::Tuple(names) => names.iter().collect(),
            };
            for column in targets {
                let idents: Vec<&Ident> = column.0.iter().filter_map(|p| p.as_ident()).collect();
                // Postgres reads `a.b` as field `b` of column `a`; elsewhere only a bare
                // column name is checked.
                let checked = match (self.rules.engine, idents.as_slice()) {
                    (_, [ident]) | (Engine::Postgres, [ident, ..]) => Some(*ident),
                    _ => None,
                };
                if let Some(ident) = checked {
                    self.target_column(target, target_name, ident, false);
                }
            }
            self.walk(&assignment.value, env.with_scope(scope), &[]);
        }
    }

    /// A column named as an INSERT or UPDATE target must exist in the target table.
    fn target_column(&mut self, target: &Relation, table: &ObjectName, ident: &Ident, insert: bool) {
        let name = self.rules.ident_name(ident);
        if !target.columns.is_complete() || target.column_count(self.rules, &name) > 0 {
            return;
        }
        let table_name = table.0.last().and_then(|p| p.as_ident()).map_or_else(|| table.to_string(), |i| i.value.clone());
        let message = self.rules.undefined_target_column(&table_name, &ident.value, insert);
        let suggestions = closest_names(&name, target.columns.names.iter().map(String::as_str));
        self.report(QueryErrorKind::UndefinedColumn, message, ident.value.clone(), ident.span, suggestions);
    }

    fn returning(&mut self, returning: Option<&[SelectItem]>, relations: Vec<Relation>, env: Env<'_>) -> ColumnSet {
        let Some(items) = returning else {
            return ColumnSet::default();
        };
        let scope = Scope::new(relations, env.scope);
        self.projection(items, env.with_scope(&scope))
    }
}

/// `INSERT INTO t AS alias` as a table alias without column names.
fn alias_of(ident: &Ident) -> TableAlias {
    TableAlias { explicit: true, name: ident.clone(), columns: Vec::new(), at: None }
}
