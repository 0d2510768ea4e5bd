//! Replay speed on the corpus: every Postgres migration set replayed from its file texts
//! (splitting, parsing and applying), as a build script does it. The corpus is found
//! through `SCHEMA_CORPUS_DIR` or `../shared/corpus` beside the workspace.

use criterion::{criterion_group, criterion_main, Criterion};
use schema_model::catalog::Engine;
use schema_model::replay::replay_files;
use schema_model::source::MigrationFile;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn corpus_dir() -> Option<PathBuf> {
    let dir = match std::env::var_os("SCHEMA_CORPUS_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus"),
    };
    dir.join("README.md").is_file().then_some(dir)
}

/// The Postgres sets of the corpus: name and migration files in apply order.
fn postgres_sets(corpus: &Path) -> Vec<(String, Vec<MigrationFile>)> {
    let mut sets = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(corpus)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    entries.sort();
    for dir in entries {
        let Ok(text) = std::fs::read_to_string(dir.join("set.json")) else { continue };
        let Ok(set) = serde_json::from_str::<Value>(&text) else { continue };
        if set["engine"] != "postgres" {
            continue;
        }
        let files = set["files"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|f| f["file"].as_str())
            .filter_map(|file| {
                let text = std::fs::read_to_string(dir.join("migrations").join(file)).ok()?;
                Some(MigrationFile { name: file.to_string(), text })
            })
            .collect();
        sets.push((dir.file_name().unwrap_or_default().to_string_lossy().into_owned(), files));
    }
    sets
}

fn replay_corpus(c: &mut Criterion) {
    let Some(corpus) = corpus_dir() else {
        eprintln!("SKIPPED: corpus not found (set SCHEMA_CORPUS_DIR to benchmark the replay)");
        return;
    };
    for (name, files) in postgres_sets(&corpus) {
        if let Err(e) = replay_files(Engine::Postgres, &files) {
            eprintln!("SKIPPED {name}: replay fails: {e}");
            continue;
        }
        c.bench_function(&format!("postgres replay {name} ({} files)", files.len()), |b| {
            b.iter(|| replay_files(Engine::Postgres, std::hint::black_box(&files)))
        });
    }
}

criterion_group!(benches, replay_corpus);
criterion_main!(benches);
