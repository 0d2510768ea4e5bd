//! Parity of a generated 1,000-table schema (9 columns, 2 indexes and 1 foreign key per
//! table) on three tracks (Postgres, SQLite, MySQL), no database involved. Every tenth table
//! drifts on the SQLite track, so the report is not empty. Goal: the parity check well under
//! 0.5 s; the replays are measured beside it.
//!
//! `cargo bench -p schema-model --bench parity`

use criterion::{criterion_group, criterion_main, Criterion};
use schema_model::catalog::{Catalog, Engine};
use schema_model::parity::{self, TrackCatalog};
use schema_model::replay::replay_files;
use schema_model::source::MigrationFile;
use std::hint::black_box;
use std::time::Duration;

const TABLES: usize = 1000;

/// One table's DDL in `engine`'s dialect; `drift` leaves the `note` column out.
fn table_sql(engine: Engine, i: usize, drift: bool) -> String {
    let (id, money, stamp, flag) = match engine {
        Engine::Postgres => ("bigserial PRIMARY KEY", "numeric(10,2)", "timestamptz", "boolean"),
        Engine::Sqlite => ("INTEGER PRIMARY KEY", "DECIMAL(10,2)", "TIMESTAMP", "BOOLEAN"),
        Engine::Mysql => ("bigint AUTO_INCREMENT PRIMARY KEY", "decimal(10,2)", "datetime", "tinyint(1)"),
    };
    let parent = if i == 0 { "t0".to_string() } else { format!("t{}", i - 1) };
    let note = if drift { String::new() } else { "    note text,\n".to_string() };
    format!(
        "CREATE TABLE t{i} (\n    id {id},\n    parent_id bigint REFERENCES {parent} (id),\n    name varchar(100) NOT NULL,\n    amount {money},\n    created_at {stamp} NOT NULL,\n    active {flag} NOT NULL DEFAULT {},\n{note}    counter integer NOT NULL DEFAULT 0,\n    code varchar(20)\n);\nCREATE INDEX t{i}_name_idx ON t{i} (name);\nCREATE INDEX t{i}_parent_created_idx ON t{i} (parent_id, created_at);\n",
        if engine == Engine::Postgres { "true" } else { "1" }
    )
}

/// The schema as one migration file per 100 tables.
fn migrations(engine: Engine) -> Vec<MigrationFile> {
    (0..TABLES / 100)
        .map(|chunk| MigrationFile {
            name: format!("{engine}/{chunk:04}_tables.sql"),
            text: (chunk * 100..(chunk + 1) * 100).map(|i| table_sql(engine, i, engine == Engine::Sqlite && i % 10 == 0)).collect(),
        })
        .collect()
}

fn replayed(engine: Engine) -> Catalog {
    replay_files(engine, &migrations(engine)).unwrap_or_else(|e| panic!("{engine} replay: {e}")).catalog
}

fn bench(c: &mut Criterion) {
    let engines = [Engine::Postgres, Engine::Sqlite, Engine::Mysql];
    let catalogs: Vec<Catalog> = engines
        .iter()
        .map(|e| {
            let started = std::time::Instant::now();
            let catalog = replayed(*e);
            eprintln!("replay of {TABLES} {e} tables: {:?}", started.elapsed());
            catalog
        })
        .collect();
    let tracks: Vec<TrackCatalog<'_>> =
        engines.iter().zip(&catalogs).map(|(e, catalog)| TrackCatalog { name: e.name(), catalog }).collect();
    assert!(catalogs.iter().all(|c| c.tables.len() == TABLES));
    let differences = parity::check(&tracks);
    assert!(differences.len() >= TABLES / 10, "the drifted tables must be reported ({} differences)", differences.len());

    let mut group = c.benchmark_group("parity_1000_tables");
    group.sample_size(10).measurement_time(Duration::from_secs(10));
    group.bench_function("check_three_tracks", |b| b.iter(|| black_box(parity::check(black_box(&tracks)))));
    for engine in engines {
        let files = migrations(engine);
        group.bench_function(format!("replay_{engine}"), |b| b.iter(|| black_box(replay_files(engine, black_box(&files)))));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
