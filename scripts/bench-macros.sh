#!/usr/bin/env bash
# Cost of the macros: `cargo check` of a generated crate against two tracks (50 tables x 12
# columns each), compared with the same crate without the macros, plus the time to load the
# schema model the macros parse once per process.
#
#   scripts/bench-macros.sh table [ITEMS] [RUNS]   ITEMS #[table] structs vs plain structs
#                                                  (default 500; goal < 15% extra)
#   scripts/bench-macros.sh query [ITEMS] [RUNS]   ITEMS query!("...") constants vs plain
#                                                  string literals (default 1000; goal < 20%)
#
# Prints the median check time of each variant and the overhead.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
mode="${1:-table}"
case "$mode" in
  table) structs="${2:-500}" ;;
  query) structs="${2:-1000}" ;;
  *) echo "usage: $0 table|query [ITEMS] [RUNS]" >&2; exit 2 ;;
esac
runs="${3:-5}"
tables=50
columns=12
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export CARGO_TARGET_DIR="${BENCH_TARGET_DIR:-$root/target/bench-macros}"

write_schema() { # $1: file
  for t in $(seq 0 $((tables - 1))); do
    printf 'CREATE TABLE t%d (\n    id bigint PRIMARY KEY' "$t"
    for c in $(seq 1 $((columns - 1))); do
      case $((c % 3)) in
        0) printf ',\n    c%d integer NOT NULL DEFAULT 0' "$c" ;;
        1) printf ',\n    c%d text NOT NULL DEFAULT %s' "$c" "''" ;;
        2) printf ',\n    c%d bigint' "$c" ;;
      esac
    done
    printf '\n);\n\n'
  done > "$1"
}

write_struct() { # $1: index, $2: attribute line or empty
  local t=$(($1 % tables))
  [ -n "$2" ] && printf '%s\n' "$2"
  printf 'pub struct S%d {\n    pub id: i64,\n' "$1"
  for c in $(seq 1 $((columns - 1))); do
    case $((c % 3)) in
      0) printf '    pub c%d: i32,\n' "$c" ;;
      1) printf '    pub c%d: String,\n' "$c" ;;
      2) printf '    pub c%d: Option<i64>,\n' "$c" ;;
    esac
  done
  printf '}\n\n'
}

write_query() { # $1: index, $2: "with" or "without"
  local t=$(($1 % tables)) sql
  sql="SELECT id, c1, c2 FROM t$t WHERE c3 = \$1 AND c$(( ($1 % (columns - 1)) + 1 )) IS NOT NULL ORDER BY id"
  if [ "$2" = with ]; then
    printf 'pub const Q%d: &str = query!("%s");\n' "$1" "$sql"
  else
    printf 'pub const Q%d: &str = "%s";\n' "$1" "$sql"
  fi
}

make_crate() { # $1: dir, $2: "with" or "without"
  local dir="$1"
  mkdir -p "$dir/src" "$dir/migrations"
  cp "$root/Cargo.lock" "$dir/Cargo.lock"
  cat > "$dir/Cargo.toml" <<TOML
[package]
name = "bench-$2"
version = "0.1.0"
edition = "2021"
publish = false

[workspace]

[package.metadata.schema]
tracks = [
  { name = "postgres", engine = "postgres", migrations = "migrations" },
  { name = "pglite",   engine = "postgres", migrations = ["schema.sql"] },
]

[dependencies]
schema-macros = { path = "$root/schema-macros" }

[build-dependencies]
schema-build = { path = "$root/schema-build" }
TOML
  echo 'fn main() { schema_build::run() }' > "$dir/build.rs"
  write_schema "$dir/migrations/0001_init.sql"
  cp "$dir/migrations/0001_init.sql" "$dir/schema.sql"
  {
    echo '#![allow(dead_code)]'
    [ "$2" = with ] && echo "use schema_macros::$mode;"
    for i in $(seq 0 $((structs - 1))); do
      if [ "$mode" = query ]; then write_query "$i" "$2"
      elif [ "$2" = with ]; then write_struct "$i" "#[table(\"t$((i % tables))\")]"
      else write_struct "$i" ""; fi
    done
    echo 'fn main() {}'
  } > "$dir/src/main.rs"
}

median_check() { # $1: dir -> prints median seconds of `cargo check` after touching main.rs
  local dir="$1" times=()
  cargo check --offline --quiet --manifest-path "$dir/Cargo.toml"
  for _ in $(seq 1 "$runs"); do
    touch "$dir/src/main.rs"
    local start end
    start=$(date +%s.%N)
    cargo check --offline --quiet --manifest-path "$dir/Cargo.toml"
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc)")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

make_crate "$work/with" with
make_crate "$work/without" without
with=$(median_check "$work/with")
without=$(median_check "$work/without")
overhead=$(echo "scale=1; ($with - $without) * 100 / $without" | bc)

model=$(ls -t "$CARGO_TARGET_DIR"/debug/build/bench-with-*/out/schema-model.json | head -1)
mkdir -p "$work/load/src"
cp "$root/Cargo.lock" "$work/load/Cargo.lock"
cat > "$work/load/Cargo.toml" <<TOML
[package]
name = "bench-model-load"
version = "0.1.0"
edition = "2021"
publish = false

[workspace]

[dependencies]
schema-model = { path = "$root/schema-model" }
serde_json = "1"
TOML
cat > "$work/load/src/main.rs" <<'RS'
fn main() {
    let path = std::env::args().nth(1).expect("model path");
    let start = std::time::Instant::now();
    let bytes = std::fs::read(&path).expect("read model");
    let model: schema_model::model::SchemaModel = serde_json::from_slice(&bytes).expect("parse model");
    let elapsed = start.elapsed();
    println!("{} bytes, {} tracks, {:.2} ms", bytes.len(), model.tracks.len(), elapsed.as_secs_f64() * 1000.0);
}
RS
load=$(cargo run --offline --quiet --manifest-path "$work/load/Cargo.toml" -- "$model")

echo "items: $structs $mode macros against 2 tracks of $tables tables x $columns columns"
echo "cargo check with the macros:  ${with}s (median of $runs)"
echo "cargo check without:          ${without}s (median of $runs)"
echo "overhead:                     ${overhead}%"
echo "model load (once per process): $load"
