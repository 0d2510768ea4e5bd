//! INSERT, UPDATE and DELETE: the target table, the columns named as targets, ON CONFLICT
//! with its `EXCLUDED` row, UPDATE ... FROM, DELETE ... USING, and RETURNING lists.

use super::diagnostic::{closest_names, QueryErrorKind};
use super::resolve::{Env, Resolver};
use super::scope::{ColumnSet, Relation, Scope};
use crate::catalog::Engine;
use sqlparser::ast::{
    Assignment, AssignmentTarget, ConflictTarget, Delete, FromTable, Ident, Insert, ObjectName,
    OnConflictAction, OnInsert, SelectItem, SetExpr, Statement, TableAlias, TableFactor, TableObject,
    TableWithJoins, Update, UpdateTableFromKind,
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
        self.assignments(&insert.assignments, Some((&target, name)), &Scope::new(vec![target.clone()], env.scope), env);
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
                    self.assignments(&update.assignments, Some((&target, name)), &scope, env);
                    if let Some(selection) = &update.selection {
                        self.walk(selection, env.with_scope(&scope), &[]);
                    }
                }
            }
            Some(OnInsert::DuplicateKeyUpdate(assignments)) => {
                // The values may name the columns of an INSERT ... SELECT's tables too.
                let mut relations = vec![target.clone()];
                if let Some(SetExpr::Select(select)) = insert.source.as_ref().map(|q| q.body.as_ref()) {
                    relations.extend(self.resolve_from(&select.from, env));
                }
                self.assignments(assignments, Some((&target, name)), &Scope::new(relations, env.scope), env);
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
        // MySQL: a multi-table UPDATE may set the columns of any of its tables.
        let multi_table = self.rules.engine == Engine::Mysql && relations.len() > 1;
        let scope = Scope::new(relations, env.scope);
        if multi_table {
            self.assignments(&update.assignments, None, &scope, env);
        } else if let (Some(target), Some(target_name)) = (&target, target_name) {
            self.assignments(&update.assignments, Some((target, target_name)), &scope, env);
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
        if self.rules.engine == Engine::Mysql && (delete.using.is_some() || !delete.tables.is_empty()) {
            return self.mysql_multi_table_delete(delete, from, env);
        }
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

    /// MySQL's `DELETE t1, t2 FROM <joins>` and `DELETE FROM t1, t2 USING <joins>`: the rows
    /// come from the joins, and each table to delete from must name one of their tables.
    fn mysql_multi_table_delete(&mut self, delete: &Delete, from: &[TableWithJoins], env: Env<'_>) -> ColumnSet {
        let (joins, targets): (&[TableWithJoins], Vec<&ObjectName>) = match &delete.using {
            Some(using) => (using, from.iter().filter_map(|item| table_name(&item.relation)).collect()),
            None => (from, delete.tables.iter().collect()),
        };
        let relations = self.resolve_from(joins, env);
        let scope = Scope::new(relations, env.scope);
        for target in targets {
            let idents: Vec<&Ident> = target.0.iter().filter_map(|p| p.as_ident()).collect();
            let [ident] = idents.as_slice() else { continue };
            let name = self.rules.ident_name(ident);
            if scope.relations.iter().any(|r| r.is_named(self.rules, &name)) {
                continue;
            }
            let suggestions = closest_names(&name, scope.visible_relations());
            let message = self.rules.unknown_delete_target(&ident.value);
            self.report(QueryErrorKind::UndefinedTable, message, ident.value.clone(), ident.span, suggestions);
        }
        let inner = env.with_scope(&scope);
        if let Some(selection) = &delete.selection {
            self.walk(selection, inner, &[]);
        }
        ColumnSet::default()
    }

    /// `SET col = value, (a, b) = (...)`: targets are columns of `target` (when given, else
    /// column references in `scope`, as in MySQL's multi-table UPDATE), values resolve in
    /// `scope`.
    fn assignments(&mut self, assignments: &[Assignment], target: Option<(&Relation, &ObjectName)>, scope: &Scope<'_>, env: Env<'_>) {
        for assignment in assignments {
            let targets: Vec<&ObjectName> = match &assignment.target {
                AssignmentTarget::ColumnName(name) => vec![name],
                AssignmentTarget::Tuple(names) => names.iter().collect(),
            };
            for column in targets {
                let idents: Vec<Ident> = column.0.iter().filter_map(|p| p.as_ident()).cloned().collect();
                match (self.rules.engine, target, idents.as_slice()) {
                    // Postgres reads `a.b` as field `b` of column `a`.
                    (_, Some((table, name)), [ident]) | (Engine::Postgres, Some((table, name)), [ident, ..]) => {
                        self.target_column(table, name, ident, false);
                    }
                    // MySQL: `t.col` names a column of the table or alias `t`.
                    (Engine::Mysql, _, _) => self.column_reference(&idents, scope, &[]),
                    _ => {}
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

/// The table a FROM item names, when it is a plain table.
fn table_name(factor: &TableFactor) -> Option<&ObjectName> {
    match factor {
        TableFactor::Table { name, .. } => Some(name),
        _ => None,
    }
}

/// `INSERT INTO t AS alias` as a table alias without column names.
fn alias_of(ident: &Ident) -> TableAlias {
    TableAlias { explicit: true, name: ident.clone(), columns: Vec::new(), at: None }
}
