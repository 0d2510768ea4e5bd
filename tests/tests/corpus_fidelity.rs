//! Fidelity: for every migration set of the corpus, the replayed catalog rendered in the
//! engine's introspection structure must equal the real engine's `expected.json`.

use schema_model::catalog::Engine;
use schema_model::catalog_json;
use schema_tests::corpus::{corpus_dir, sets_for, CorpusSet};
use schema_tests::json_diff::json_diff;

/// Keys of `expected.json` that the replay does not reproduce, per engine, each with the
/// reason (also listed in the README).
fn ignored_keys(engine: Engine) -> &'static [&'static str] {
    match engine {
        Engine::Postgres => &[],
        Engine::Sqlite => &[],
        // The server's version string is a fact about the server that produced the corpus,
        // not about the migrations; nothing in a replay can know it.
        Engine::Mysql => &["server_version"],
    }
}

fn check_engine(engine: Engine) {
    let Some(corpus) = corpus_dir() else { return };
    let sets = sets_for(&corpus, engine);
    assert!(!sets.is_empty(), "no {engine} sets in the corpus");
    let mut failures = Vec::new();
    for name in &sets {
        let set = CorpusSet::load(&corpus, name);
        let replayed = match set.replay() {
            Ok(replayed) => replayed,
            Err(e) => {
                failures.push(format!("{name}: replay failed: {e}\n    {}", e.statement));
                continue;
            }
        };
        let actual = catalog_json::render(&replayed.catalog);
        let diffs = json_diff(&set.expected(), &actual, ignored_keys(engine));
        if !diffs.is_empty() {
            let shown: Vec<&String> = diffs.iter().take(40).collect();
            failures.push(format!("{name}: {} differences:\n  {}", diffs.len(), shown.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n  ")));
        } else {
            eprintln!("{name}: replay equals expected.json");
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn postgres_sets_match_the_real_engine() {
    check_engine(Engine::Postgres);
}

#[test]
fn sqlite_sets_match_the_real_engine() {
    check_engine(Engine::Sqlite);
}

#[test]
fn mysql_sets_match_the_real_engine() {
    check_engine(Engine::Mysql);
}
