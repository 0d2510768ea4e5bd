//! Indexes of a table as MariaDB settles them when a table is created or altered
//! (`mysql_prepare_create_table`): key columns must exist, an index generated for a foreign
//! key is dropped when another index starts with its columns, unnamed keys are named after
//! their first column (`a`, `a_2`, ...), key names are unique, primary key columns become
//! NOT NULL, and keys are stored primary first, then unique, then the rest.

use super::charset;
use super::fail::{rejected, Step};
use crate::catalog::{Column, Index, IndexKey, PrimaryKey, Provenance, Table, UniqueConstraint};

/// The kind of a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyKind {
    Primary,
    Unique,
    Multiple,
    Fulltext,
    Spatial,
}

/// One column of a key being defined.
#[derive(Debug, Clone, PartialEq)]
pub struct PartDraft {
    pub column: String,
    pub sub_part: Option<u32>,
    pub descending: bool,
}

/// A key being defined, before MariaDB settles names and redundancy.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyDraft {
    pub name: Option<String>,
    pub kind: KeyKind,
    pub parts: Vec<PartDraft>,
    /// Created by the engine for a foreign key.
    pub generated: bool,
    pub provenance: Provenance,
}

impl KeyDraft {
    /// The draft of an existing index of `table` (for ALTER TABLE).
    pub fn of_index(index: &Index, table: &Table) -> KeyDraft {
        let kind = if index.primary {
            KeyKind::Primary
        } else if index.unique {
            KeyKind::Unique
        } else if index.method == "FULLTEXT" {
            KeyKind::Fulltext
        } else if index.method == "SPATIAL" {
            KeyKind::Spatial
        } else {
            KeyKind::Multiple
        };
        KeyDraft {
            name: Some(index.name.clone()),
            kind,
            parts: index
                .keys
                .iter()
                .map(|k| PartDraft {
                    column: k.column.clone().unwrap_or_default(),
                    sub_part: k.sub_part,
                    descending: k.descending,
                })
                .collect(),
            generated: table.mysql.generated_indexes.iter().any(|g| g.eq_ignore_ascii_case(&index.name)),
            provenance: index.provenance.clone(),
        }
    }
}

/// Whether MariaDB considers `a` and `b` to be the same column name.
pub fn same_name(a: &str, b: &str) -> bool {
    a.to_lowercase() == b.to_lowercase()
}

/// Settles `drafts` into `table.indexes` (and the primary key / unique constraints derived
/// from them).
pub fn settle(table: &mut Table, drafts: Vec<KeyDraft>) -> Step<()> {
    let mut drafts = drafts;
    for draft in &mut drafts {
        for part in &mut draft.parts {
            match table.columns.iter().find(|c| same_name(&c.name, &part.column)) {
                Some(column) => part.column = column.name.clone(),
                None => return rejected(format!("Key column '{}' doesn't exist in table", part.column)),
            }
        }
    }
    let drafts = drop_redundant_generated(drafts);
    if drafts.iter().filter(|d| d.kind == KeyKind::Primary).count() > 1 {
        return rejected("Multiple primary key defined");
    }
    let named = name_keys(drafts)?;
    for (_, draft) in &named {
        if draft.kind == KeyKind::Primary {
            for part in &draft.parts {
                if let Some(column) = table.column_mut(&part.column) {
                    column.not_null = true;
                    if column.default.as_deref() == Some("NULL") {
                        column.default = None;
                    }
                }
            }
        }
    }
    let named: Vec<(String, KeyDraft, bool)> = named
        .into_iter()
        .map(|(name, mut draft)| {
            let hash = fit_key_length(&mut draft, table);
            (name, draft, hash)
        })
        .collect();
    let mut ordered: Vec<(usize, (String, KeyDraft, bool))> = named.into_iter().enumerate().collect();
    ordered.sort_by_key(|(position, (_, draft, _))| (sort_rank(draft, table), *position));
    table.indexes = ordered.iter().map(|(_, (name, draft, hash))| index_of(name, draft, *hash)).collect();
    table.mysql.generated_indexes = ordered
        .iter()
        .filter(|(_, (_, d, _))| d.generated)
        .map(|(_, (name, _, _))| name.clone())
        .collect();
    sync_constraints(table);
    Ok(())
}

/// Where MariaDB stores a key: primary, unique without nullable columns, other unique, plain,
/// full-text; otherwise in definition order.
fn sort_rank(draft: &KeyDraft, table: &Table) -> u8 {
    let nullable = draft.parts.iter().any(|p| table.column(&p.column).is_some_and(|c| !c.not_null));
    match draft.kind {
        KeyKind::Primary => 0,
        KeyKind::Unique if !nullable => 1,
        KeyKind::Unique => 2,
        KeyKind::Multiple | KeyKind::Spatial => 3,
        KeyKind::Fulltext => 4,
    }
}

/// Whether the generated key `a` is a prefix of `b` (MariaDB's `foreign_key_prefix`, true
/// meaning "redundant").
fn is_prefix(a: &KeyDraft, b: &KeyDraft) -> bool {
    a.parts.len() <= b.parts.len()
        && a.parts.iter().zip(&b.parts).all(|(x, y)| same_name(&x.column, &y.column) && x.sub_part == y.sub_part)
}

/// Drops keys generated for foreign keys when another key starts with the same columns.
fn drop_redundant_generated(drafts: Vec<KeyDraft>) -> Vec<KeyDraft> {
    let mut ignored = vec![false; drafts.len()];
    for k in 0..drafts.len() {
        for k2 in 0..k {
            if ignored[k2] {
                continue;
            }
            let (key, key2) = (&drafts[k], &drafts[k2]);
            if !key.generated && !key2.generated {
                continue;
            }
            let (shorter, longer) = if key.generated && (!key2.generated || key.parts.len() <= key2.parts.len()) {
                (key, key2)
            } else {
                (key2, key)
            };
            if !is_prefix(shorter, longer) {
                continue;
            }
            if !key2.generated || (key.generated && key.parts.len() < key2.parts.len()) {
                ignored[k] = true;
            } else {
                ignored[k2] = true;
            }
            break;
        }
    }
    drafts.into_iter().zip(ignored).filter(|(_, gone)| !gone).map(|(d, _)| d).collect()
}

/// Gives every key its final name, checking duplicates against the keys before it.
fn name_keys(drafts: Vec<KeyDraft>) -> Step<Vec<(String, KeyDraft)>> {
    let mut named: Vec<(String, KeyDraft)> = Vec::new();
    for draft in drafts {
        let taken = |name: &str, named: &[(String, KeyDraft)]| named.iter().any(|(n, _)| same_name(n, name));
        let name = match (&draft.kind, &draft.name) {
            (KeyKind::Primary, _) => "PRIMARY".to_string(),
            (_, Some(name)) => {
                if same_name(name, "PRIMARY") {
                    return rejected(format!("Incorrect index name '{name}'"));
                }
                if taken(name, &named) {
                    return rejected(format!("Duplicate key name '{name}'"));
                }
                name.clone()
            }
            (_, None) => {
                let base = draft.parts.first().map(|p| p.column.clone()).unwrap_or_default();
                let mut candidate = base.clone();
                let mut n = 2;
                while taken(&candidate, &named) || same_name(&candidate, "PRIMARY") {
                    candidate = format!("{base}_{n}");
                    n += 1;
                }
                candidate
            }
        };
        named.push((name, draft));
    }
    Ok(named)
}

fn index_of(name: &str, draft: &KeyDraft, hash: bool) -> Index {
    let method = match draft.kind {
        KeyKind::Fulltext => "FULLTEXT",
        KeyKind::Spatial => "SPATIAL",
        _ if hash => "HASH",
        _ => "BTREE",
    };
    Index {
        name: name.to_string(),
        unique: matches!(draft.kind, KeyKind::Primary | KeyKind::Unique),
        primary: draft.kind == KeyKind::Primary,
        method: method.to_string(),
        keys: draft
            .parts
            .iter()
            .map(|p| IndexKey {
                column: Some(p.column.clone()),
                definition: match p.sub_part {
                    Some(n) => format!("`{}`({n})", p.column),
                    None => format!("`{}`", p.column),
                },
                descending: p.descending,
                collation: None,
                sub_part: p.sub_part,
            })
            .collect(),
        predicate: None,
        definition: None,
        constraint: match draft.kind {
            KeyKind::Primary | KeyKind::Unique => Some(name.to_string()),
            _ => None,
        },
        valid: true,
        origin: None,
        provenance: draft.provenance.clone(),
    }
}

/// InnoDB's limit on the bytes of one index key.
const MAX_KEY_BYTES: u32 = 3072;

/// How much of a column a key part can hold.
enum PartSize {
    /// TEXT/BLOB: only a prefix can be indexed.
    Unbounded,
    Bytes(u32),
}

fn part_size(column: &Column) -> (PartSize, u32) {
    let per_char = column.mysql.charset.as_deref().map_or(1, charset::max_bytes_per_char);
    let data_type = column.mysql.data_type.as_deref().unwrap_or("");
    let length = || {
        column.ty.engine.split(['(', ')']).nth(1).and_then(|n| n.parse::<u32>().ok()).unwrap_or(1)
    };
    let size = match data_type {
        "tinytext" | "text" | "mediumtext" | "longtext" | "tinyblob" | "blob" | "mediumblob" | "longblob" => PartSize::Unbounded,
        "char" | "varchar" => PartSize::Bytes(length() * per_char),
        "binary" | "varbinary" => PartSize::Bytes(length()),
        _ => PartSize::Bytes(8),
    };
    (size, per_char)
}

/// Applies InnoDB's key length limit: a plain key on a TEXT/BLOB (or too long) column indexes
/// a prefix of `3072 / bytes per character` characters; a unique key that cannot fit becomes
/// a `HASH` key (MariaDB's long unique). Returns whether the key is a hash key.
fn fit_key_length(draft: &mut KeyDraft, table: &Table) -> bool {
    if matches!(draft.kind, KeyKind::Fulltext | KeyKind::Spatial) {
        return false;
    }
    let mut total = 0u32;
    let mut unbounded = false;
    for part in &mut draft.parts {
        let Some(column) = table.column(&part.column) else { continue };
        let (size, per_char) = part_size(column);
        let bytes = match (size, part.sub_part) {
            (_, Some(n)) => n * per_char,
            (PartSize::Bytes(n), None) => n,
            (PartSize::Unbounded, None) => {
                unbounded = true;
                MAX_KEY_BYTES + 1
            }
        };
        if draft.kind == KeyKind::Multiple && bytes > MAX_KEY_BYTES {
            part.sub_part = Some(MAX_KEY_BYTES / per_char);
            total += MAX_KEY_BYTES;
        } else {
            total += bytes;
        }
    }
    draft.kind == KeyKind::Unique && (unbounded || total > MAX_KEY_BYTES)
}

/// Derives the primary key and unique constraints from the indexes.
pub fn sync_constraints(table: &mut Table) {
    table.primary_key = table.indexes.iter().find(|i| i.primary).map(|i| PrimaryKey {
        name: i.name.clone(),
        columns: i.keys.iter().filter_map(|k| k.column.clone()).collect(),
        provenance: i.provenance.clone(),
    });
    table.uniques = table
        .indexes
        .iter()
        .filter(|i| i.unique && !i.primary)
        .map(|i| {
            let columns: Vec<String> = i.keys.iter().filter_map(|k| k.column.clone()).collect();
            UniqueConstraint {
                name: i.name.clone(),
                definition: format!(
                    "UNIQUE ({})",
                    columns.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", ")
                ),
                columns,
                deferral: Default::default(),
                provenance: i.provenance.clone(),
            }
        })
        .collect();
}
