//! Finding a table and its columns on every track, and the messages for what is missing:
//! where the object exists instead, the closest names (did you mean), and the SQL that adds
//! a missing column in the lacking track's dialect.

use crate::message::{tracks, Message};
use schema_model::catalog::{Column, Engine, Table};
use schema_model::model::{SchemaModel, TrackModel};
use schema_model::parity::fix::add_column_sql;

/// A table as named in code, looked up on every track.
pub struct TableLookup<'m> {
    /// The name as written (`oauth_clients` or `auth.oauth_clients`).
    pub name: String,
    pub per_track: Vec<(&'m TrackModel, Option<&'m Table>)>,
}

impl<'m> TableLookup<'m> {
    /// Looks `name` up (in `schema` when given, for engines with schemas) on every track.
    pub fn new(model: &'m SchemaModel, schema: Option<&str>, name: &str) -> TableLookup<'m> {
        let per_track = model
            .tracks
            .iter()
            .map(|track| {
                let key = match (schema, track.engine) {
                    (Some(schema), Engine::Postgres) => format!("{schema}.{name}"),
                    _ => name.to_string(),
                };
                (track, track.catalog.find_table(&key))
            })
            .collect();
        let name = match schema {
            Some(schema) => format!("{schema}.{name}"),
            None => name.to_string(),
        };
        TableLookup { name, per_track }
    }

    /// The tracks that have the table, with it.
    pub fn present(&self) -> impl Iterator<Item = (&'m TrackModel, &'m Table)> + '_ {
        self.per_track.iter().filter_map(|(track, table)| table.map(|t| (*track, t)))
    }

    /// The error when some track lacks the table.
    pub fn missing_table(&self) -> Option<Message> {
        let lacking: Vec<&TrackModel> = self.per_track.iter().filter(|(_, t)| t.is_none()).map(|(tr, _)| *tr).collect();
        if lacking.is_empty() {
            return None;
        }
        let lacking_names: Vec<&str> = lacking.iter().map(|t| t.name.as_str()).collect();
        let mut message = if lacking.len() == self.per_track.len() {
            Message::new(format!("table `{}` does not exist on any track", self.name))
        } else {
            Message::new(format!("table `{}` is missing on {}", self.name, tracks(&lacking_names)))
        };
        for (track, table) in self.present() {
            message = message.note(format!(
                "`{}` exists on track `{}`, created at {}",
                self.name, track.name, table.provenance.created
            ));
        }
        let candidates = || lacking.iter().flat_map(|t| t.catalog.tables.values().map(|table| table.name.name.as_str()));
        match did_you_mean(&self.name, candidates()) {
            Some(help) => message = message.help(help),
            None if lacking.len() == self.per_track.len() => {
                message = message.note(available("tables", candidates()));
            }
            None => {}
        }
        Some(message)
    }

    /// The error when some track that has the table lacks `column`.
    pub fn missing_column(&self, column: &str) -> Option<Message> {
        let present: Vec<(&TrackModel, &Table)> = self.present().collect();
        let lacking: Vec<(&TrackModel, &Table)> =
            present.iter().copied().filter(|(_, table)| table.column(column).is_none()).collect();
        if lacking.is_empty() {
            return None;
        }
        let having: Vec<(&TrackModel, &Column)> =
            present.iter().filter_map(|(track, table)| table.column(column).map(|c| (*track, c))).collect();
        let lacking_names: Vec<&str> = lacking.iter().map(|(t, _)| t.name.as_str()).collect();
        let mut message = if having.is_empty() {
            Message::new(format!("column `{column}` does not exist in table `{}` on any track", self.name))
        } else {
            Message::new(format!("column `{column}` of table `{}` is missing on {}", self.name, tracks(&lacking_names)))
        };
        for (track, c) in &having {
            message = message.note(format!(
                "`{}.{column}` exists on track `{}`, added at {}",
                self.name, track.name, c.provenance.created
            ));
        }
        let candidates = || lacking.iter().flat_map(|(_, table)| table.columns.iter().map(|c| c.name.as_str()));
        match did_you_mean(column, candidates()) {
            Some(help) => message = message.help(help),
            None if having.is_empty() => message = message.note(available("columns", candidates())),
            None => {}
        }
        if let Some((source, source_column)) = having.first() {
            for (track, table) in &lacking {
                let sql = add_column_sql(track.engine, &self.name, source_column, source.engine);
                message = message.help(format!(
                    "to add it to track `{}` (table created at {}): {sql}",
                    track.name, table.provenance.created
                ));
            }
        }
        Some(message)
    }
}

/// `available columns: `a`, `b`, ... and 3 others` (distinct names, first seen first).
fn available<'a>(what: &str, names: impl Iterator<Item = &'a str>) -> String {
    const SHOWN: usize = 8;
    let mut distinct: Vec<&str> = Vec::new();
    for name in names {
        if !distinct.contains(&name) {
            distinct.push(name);
        }
    }
    if distinct.is_empty() {
        return format!("no track has any {what}");
    }
    let shown: Vec<String> = distinct.iter().take(SHOWN).map(|n| format!("`{n}`")).collect();
    match distinct.len().saturating_sub(SHOWN) {
        0 => format!("available {what}: {}", shown.join(", ")),
        1 => format!("available {what}: {} and 1 other", shown.join(", ")),
        more => format!("available {what}: {} and {more} others", shown.join(", ")),
    }
}

/// `did you mean `x`?` for the names closest to `wanted` (all at the smallest distance, at
/// most three), when any is close.
pub fn did_you_mean<'a>(wanted: &str, candidates: impl Iterator<Item = &'a str>) -> Option<String> {
    let limit = (wanted.chars().count() / 3).max(1);
    let mut close: Vec<(usize, &str)> = candidates
        .filter(|c| *c != wanted)
        .map(|c| (strsim::damerau_levenshtein(&wanted.to_lowercase(), &c.to_lowercase()), c))
        .filter(|(distance, _)| *distance <= limit)
        .collect();
    close.sort();
    close.dedup_by(|a, b| a.1 == b.1);
    let best = close.first().map(|(distance, _)| *distance);
    close.retain(|(distance, _)| Some(*distance) == best);
    let names: Vec<String> = close.iter().take(3).map(|(_, c)| format!("`{c}`")).collect();
    match names.as_slice() {
        [] => None,
        [one] => Some(format!("did you mean {one}?")),
        [rest @ .., last] => Some(format!("did you mean {} or {last}?", rest.join(", "))),
    }
}

#[cfg(test)]
pub(crate) mod test_model {
    //! A two-track model built by hand: production Postgres with `token_ttl`, and a test
    //! schema without it.

    use schema_model::catalog::*;
    use schema_model::model::{SchemaModel, TrackModel};

    fn at(file: &str, line: u32) -> Location {
        Location { file: file.into(), line, column: 1 }
    }

    pub fn column(name: &str, engine: &str, logical: LogicalType, not_null: bool, at: Location) -> Column {
        let mut c = Column::new(name, ColumnType { engine: engine.into(), logical, enforced: true }, &at);
        c.not_null = not_null;
        c
    }

    fn clients(file: &str, with_ttl: bool) -> Table {
        let mut t = Table::new(ObjectName::new("public", "oauth_clients"), &at(file, 1));
        t.columns.push(column("id", "bigint", LogicalType::Integer { bytes: 8, unsigned: false }, true, at(file, 2)));
        let mut id = t.columns[0].clone();
        id.identity = Some(Identity::Always);
        t.columns[0] = id;
        t.columns.push(column("name", "text", LogicalType::Text { max_len: None, fixed: false }, true, at(file, 3)));
        t.columns.push(column("token_type", "text", LogicalType::Text { max_len: None, fixed: false }, false, at(file, 4)));
        if with_ttl {
            let mut ttl = column("token_ttl", "integer", LogicalType::Integer { bytes: 4, unsigned: false }, true, at("pg/0002_ttl.sql", 1));
            ttl.default = Some("3600".into());
            t.columns.push(ttl);
            t.columns.push(column("secret", "text", LogicalType::Text { max_len: None, fixed: false }, true, at("pg/0002_ttl.sql", 2)));
        }
        t
    }

    pub fn model() -> SchemaModel {
        let track = |name: &str, table: Table| {
            let mut catalog = Catalog::new(Engine::Postgres);
            catalog.tables.insert(table.name.clone(), table);
            TrackModel { name: name.into(), engine: Engine::Postgres, catalog }
        };
        SchemaModel {
            tracks: vec![track("postgres", clients("pg/0001_init.sql", true)), track("pglite", clients("pglite.sql", false))],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_missing_on_one_track() {
        let model = test_model::model();
        let lookup = TableLookup::new(&model, None, "oauth_clients");
        assert_eq!(lookup.missing_table(), None);
        assert_eq!(lookup.missing_column("name"), None);
        assert_eq!(
            lookup.missing_column("token_ttl").unwrap().to_string(),
            "column `token_ttl` of table `oauth_clients` is missing on track `pglite`
= note: `oauth_clients.token_ttl` exists on track `postgres`, added at pg/0002_ttl.sql:1:1
= help: did you mean `token_type`?
= help: to add it to track `pglite` (table created at pglite.sql:1:1): ALTER TABLE oauth_clients ADD COLUMN token_ttl integer NOT NULL DEFAULT 3600;"
        );
    }

    #[test]
    fn column_and_table_missing_everywhere() {
        let model = test_model::model();
        let lookup = TableLookup::new(&model, None, "oauth_clients");
        assert_eq!(
            lookup.missing_column("nme").unwrap().to_string(),
            "column `nme` does not exist in table `oauth_clients` on any track\n= help: did you mean `name`?"
        );
        assert_eq!(
            lookup.missing_column("refresh_token").unwrap().to_string(),
            "column `refresh_token` does not exist in table `oauth_clients` on any track\n= note: available columns: `id`, `name`, `token_type`, `token_ttl`, `secret`"
        );
        let lookup = TableLookup::new(&model, None, "oauth_client");
        assert_eq!(
            lookup.missing_table().unwrap().to_string(),
            "table `oauth_client` does not exist on any track\n= help: did you mean `oauth_clients`?"
        );
        let lookup = TableLookup::new(&model, Some("auth"), "oauth_clients");
        assert!(lookup.missing_table().unwrap().primary.starts_with("table `auth.oauth_clients` does not exist"));
    }

    #[test]
    fn did_you_mean_picks_close_names() {
        assert_eq!(did_you_mean("usr", ["users", "user", "orders"].into_iter()).as_deref(), Some("did you mean `user`?"));
        assert_eq!(did_you_mean("client_nme", ["client_name", "client_id", "client_names"].into_iter()).as_deref(), Some("did you mean `client_name`?"));
        assert_eq!(did_you_mean("nam", ["name", "nap", "id"].into_iter()).as_deref(), Some("did you mean `name` or `nap`?"));
        assert_eq!(did_you_mean("zzz", ["users"].into_iter()), None);
    }
}
