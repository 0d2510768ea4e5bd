#!/usr/bin/env bash
# What an editor shows for drift: runs rust-analyzer's own analysis (`rust-analyzer
# diagnostics`, the engine behind the editor squiggles) on the drift example and checks that
# the macro errors land on the fields and column references that use the missing columns.
#
#   scripts/ide-diagnostics.sh          needs `rust-analyzer` on PATH, or RUST_ANALYZER=path
#
# Any rust-analyzer works; one that can be installed from crates.io (about 15 minutes):
#   cargo +nightly install ra_ap_rust-analyzer --version 0.0.349 --locked
#
# The example's sources are copied into one crate folder first: rust-analyzer only loads
# files below a crate's own folder, and the drift example borrows its modules from
# examples/oauth-pglite through `#[path]`.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
ra="${RUST_ANALYZER:-rust-analyzer}"
if ! "$ra" --version >/dev/null 2>&1; then
  echo "error: no rust-analyzer found (set RUST_ANALYZER or put it on PATH); see the top of $0" >&2
  exit 2
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
crate="$work/oauth-pglite-drift"
mkdir -p "$crate/src"
cp -r "$root/examples/oauth-pglite-drift/schema" "$root/examples/oauth-pglite-drift/build.rs" "$crate/"
cp "$root/examples/oauth-pglite/src/tables.rs" "$root/examples/oauth-pglite/src/queries.rs" "$crate/src/"
sed -e "s#\"../oauth-pglite/migrations/postgres\"#\"$root/examples/oauth-pglite/migrations/postgres\"#" \
    -e "s#path = \"../../#path = \"$root/#" \
    "$root/examples/oauth-pglite-drift/Cargo.toml" > "$crate/Cargo.toml"
cp "$root/Cargo.lock" "$crate/Cargo.lock"
printf 'mod queries;\nmod tables;\n\nfn main() {\n    println!("{}", queries::live_clients());\n}\n' > "$crate/src/main.rs"

export CARGO_TARGET_DIR="${IDE_TARGET_DIR:-$root/target/ide-diagnostics}"
# rust-analyzer exits non-zero when it finds errors, which is what this checks for.
(cd "$crate" && "$ra" diagnostics . 2>/dev/null || true) | grep 'Ra("macro-error"' | sed "s#$crate/##" > "$work/errors.txt" || true
cat "$work/errors.txt"
missing=0
for expected in 'src/tables.rs.*token_ttl' 'src/tables.rs.*deleted_at' 'src/queries.rs.*token_ttl' 'src/queries.rs.*deleted_at'; do
  if ! grep -q "$expected" "$work/errors.txt"; then
    echo "missing: a macro error matching \`$expected\`" >&2
    missing=1
  fi
done
[ "$missing" = 0 ] && echo "rust-analyzer shows every drift error at the code that uses the missing column"
exit "$missing"
