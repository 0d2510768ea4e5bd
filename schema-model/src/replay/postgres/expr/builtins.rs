//! The built-in functions and casts the deparser knows: argument and result types of
//! common `pg_catalog` functions (they decide which implicit casts Postgres inserts and
//! prints, e.g. `lower((login)::text)` for a `varchar` column), and Postgres's implicit
//! cast rules between built-in types.

use crate::replay::postgres::types::{Category, PgType};

/// `(name, argument types, result type)`; `any` matches every type and `anyarray` any
/// array, returning the argument's own type where the result is `any`.
const FUNCTIONS: &[(&str, &[&str], &str)] = &[
    ("lower", &["text"], "text"),
    ("upper", &["text"], "text"),
    ("btrim", &["text"], "text"),
    ("ltrim", &["text"], "text"),
    ("rtrim", &["text"], "text"),
    ("length", &["text"], "integer"),
    ("length", &["character"], "integer"),
    ("length", &["bytea"], "integer"),
    ("char_length", &["text"], "integer"),
    ("char_length", &["character"], "integer"),
    ("character_length", &["text"], "integer"),
    ("octet_length", &["text"], "integer"),
    ("octet_length", &["character"], "integer"),
    ("octet_length", &["bytea"], "integer"),
    ("md5", &["text"], "text"),
    ("md5", &["bytea"], "text"),
    ("replace", &["text", "text", "text"], "text"),
    ("substr", &["text", "integer"], "text"),
    ("substr", &["text", "integer", "integer"], "text"),
    ("left", &["text", "integer"], "text"),
    ("right", &["text", "integer"], "text"),
    ("split_part", &["text", "text", "integer"], "text"),
    ("strpos", &["text", "text"], "integer"),
    ("encode", &["bytea", "text"], "text"),
    ("decode", &["text", "text"], "bytea"),
    ("sha256", &["bytea"], "bytea"),
    ("to_tsvector", &["text"], "tsvector"),
    ("to_tsvector", &["regconfig", "text"], "tsvector"),
    ("to_tsquery", &["regconfig", "text"], "tsquery"),
    ("plainto_tsquery", &["regconfig", "text"], "tsquery"),
    ("setweight", &["tsvector", "\"char\""], "tsvector"),
    ("to_tsquery", &["text"], "tsquery"),
    ("now", &[], "timestamp with time zone"),
    ("timezone", &["text", "timestamp with time zone"], "timestamp without time zone"),
    ("timezone", &["text", "timestamp without time zone"], "timestamp with time zone"),
    ("statement_timestamp", &[], "timestamp with time zone"),
    ("transaction_timestamp", &[], "timestamp with time zone"),
    ("clock_timestamp", &[], "timestamp with time zone"),
    ("timeofday", &[], "text"),
    ("date", &["timestamp with time zone"], "date"),
    ("date", &["timestamp without time zone"], "date"),
    ("date_trunc", &["text", "timestamp with time zone"], "timestamp with time zone"),
    ("date_trunc", &["text", "timestamp without time zone"], "timestamp without time zone"),
    ("date_part", &["text", "timestamp with time zone"], "double precision"),
    ("to_timestamp", &["double precision"], "timestamp with time zone"),
    ("random", &[], "double precision"),
    ("gen_random_uuid", &[], "uuid"),
    ("nextval", &["regclass"], "bigint"),
    ("currval", &["regclass"], "bigint"),
    ("abs", &["integer"], "integer"),
    ("abs", &["bigint"], "bigint"),
    ("abs", &["numeric"], "numeric"),
    ("round", &["numeric", "integer"], "numeric"),
    ("round", &["numeric"], "numeric"),
    ("floor", &["numeric"], "numeric"),
    ("ceil", &["numeric"], "numeric"),
    ("array_length", &["anyarray", "integer"], "integer"),
    ("cardinality", &["anyarray"], "integer"),
    ("jsonb_typeof", &["jsonb"], "text"),
    ("json_typeof", &["json"], "text"),
    ("jsonb_array_length", &["jsonb"], "integer"),
    ("jsonb_build_object", &[], "jsonb"),
    ("to_jsonb", &["any"], "jsonb"),
    ("pg_column_size", &["any"], "integer"),
    ("num_nonnulls", &["any"], "integer"),
    ("num_nulls", &["any"], "integer"),
    ("concat", &["any", "any"], "text"),
    ("concat", &["any", "any", "any"], "text"),
];

/// Functions extensions create: `(extension, name, argument types, result type)`.
const EXTENSION_FUNCTIONS: &[(&str, &str, &[&str], &str)] = &[
    ("uuid-ossp", "uuid_generate_v1", &[], "uuid"),
    ("uuid-ossp", "uuid_generate_v1mc", &[], "uuid"),
    ("uuid-ossp", "uuid_generate_v4", &[], "uuid"),
    ("uuid-ossp", "uuid_nil", &[], "uuid"),
    ("pgcrypto", "gen_random_bytes", &["integer"], "bytea"),
    ("pgcrypto", "gen_salt", &["text"], "text"),
    ("pgcrypto", "crypt", &["text", "text"], "text"),
    ("pgcrypto", "digest", &["text", "text"], "bytea"),
    ("pgcrypto", "digest", &["bytea", "text"], "bytea"),
    ("ltree", "text2ltree", &["text"], "ltree"),
    ("ltree", "ltree2text", &["ltree"], "text"),
    ("ltree", "nlevel", &["ltree"], "integer"),
    ("pg_trgm", "similarity", &["text", "text"], "real"),
    ("citext", "citext", &["text"], "citext"),
];

/// Functions of extension `extension` named `name`: `(argument types, result)`; types
/// the extension defines live in `schema`.
pub fn extension_functions<'a>(
    extension: &'a str,
    schema: &'a str,
    name: &'a str,
) -> impl Iterator<Item = (Vec<PgType>, PgType)> + 'a {
    let ty = move |t: &str| {
        if super::super::types::is_builtin_name(t) {
            PgType::builtin(t)
        } else {
            PgType { schema: Some(schema.to_string()), name: t.to_string(), mods: Vec::new(), array: false }
        }
    };
    EXTENSION_FUNCTIONS
        .iter()
        .filter(move |(e, n, _, _)| *e == extension && *n == name)
        .map(move |(_, _, args, result)| (args.iter().map(|a| ty(a)).collect(), ty(result)))
}

/// Aggregates: `(name, argument, result)`, `any` meaning the argument's own type.
const AGGREGATES: &[(&str, &str, &str)] = &[
    ("sum", "smallint", "bigint"),
    ("sum", "integer", "bigint"),
    ("sum", "bigint", "numeric"),
    ("sum", "numeric", "numeric"),
    ("sum", "real", "real"),
    ("sum", "double precision", "double precision"),
    ("sum", "interval", "interval"),
    ("count", "any", "bigint"),
    ("max", "any", "any"),
    ("min", "any", "any"),
    ("avg", "integer", "numeric"),
    ("avg", "bigint", "numeric"),
    ("avg", "numeric", "numeric"),
    ("avg", "double precision", "double precision"),
    ("bool_and", "boolean", "boolean"),
    ("bool_or", "boolean", "boolean"),
    ("array_agg", "any", "anyarray"),
    ("string_agg", "text", "text"),
];

/// Functions from the built-in table with this name: `(argument types, result)`.
pub fn functions(name: &str) -> impl Iterator<Item = (Vec<PgType>, PgType)> + '_ {
    FUNCTIONS
        .iter()
        .filter(move |(n, _, _)| *n == name)
        .map(|(_, args, result)| (args.iter().map(|a| PgType::builtin(a)).collect(), PgType::builtin(result)))
}

pub fn is_aggregate(name: &str) -> bool {
    AGGREGATES.iter().any(|(n, _, _)| *n == name)
}

/// The result type of aggregate `name` over `arg`, `None` when no variant accepts it.
pub fn aggregate_result(name: &str, arg: Option<&PgType>) -> Option<PgType> {
    let arg_name = arg.map(|a| if a.array { "anyarray".to_string() } else { a.name.clone() });
    AGGREGATES
        .iter()
        .filter(|(n, _, _)| *n == name)
        .find(|(_, a, _)| *a == "any" || Some(a.to_string()) == arg_name)
        .map(|(_, _, result)| match (*result, arg) {
            ("any", Some(arg)) => arg.without_mods(),
            ("anyarray", Some(arg)) => arg.without_mods().array_of(),
            (result, _) => PgType::builtin(result),
        })
}

/// Rank of a numeric type in the implicit widening chain.
fn numeric_rank(name: &str) -> Option<u8> {
    Some(match name {
        "smallint" => 0,
        "integer" => 1,
        "bigint" => 2,
        "numeric" => 3,
        "real" => 4,
        "double precision" => 5,
        _ => return None,
    })
}

/// How a value of `from` becomes a `to` implicitly, if it can.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coercion {
    /// Same type: nothing to do.
    None,
    /// Binary-compatible relabelling or a cast function (printed as `(x)::to`).
    Cast,
}

/// Postgres's implicit casts between the types the replay models.
pub fn implicit_coercion(from: &PgType, to: &PgType) -> Option<Coercion> {
    if from.without_mods() == to.without_mods() {
        return Some(Coercion::None);
    }
    if to.name == "any" && to.schema.is_none() {
        return Some(Coercion::None);
    }
    if to.is("anyarray") {
        return from.array.then_some(Coercion::None);
    }
    if from.array || to.array {
        return None;
    }
    if from.schema.is_some() || to.schema.is_some() {
        return None;
    }
    let (f, t) = (from.name.as_str(), to.name.as_str());
    if let (Some(a), Some(b)) = (numeric_rank(f), numeric_rank(t)) {
        return (a < b).then_some(Coercion::Cast);
    }
    let ok = match t {
        "text" => matches!(f, "character varying" | "character" | "name" | "\"char\""),
        "character varying" => matches!(f, "text" | "character" | "name"),
        "character" => matches!(f, "text" | "character varying"),
        "timestamp with time zone" => matches!(f, "timestamp without time zone" | "date"),
        "timestamp without time zone" => f == "date",
        "regclass" => matches!(f, "text" | "character varying" | "oid"),
        "interval" => f == "time without time zone",
        _ => false,
    };
    ok.then_some(Coercion::Cast)
}

/// The type operators of `ty` are resolved on: `varchar` and `name` compare as `text`.
pub fn operator_type(ty: &PgType) -> PgType {
    if !ty.array && ty.schema.is_none() && matches!(ty.name.as_str(), "character varying" | "name") {
        return PgType::builtin("text");
    }
    ty.without_mods()
}

/// The common type two numeric operands are compared or combined in, with whether each
/// side needs a cast; integer types mix without casts (`int48eq` etc.).
pub fn numeric_common(left: &PgType, right: &PgType) -> Option<(PgType, bool, bool)> {
    let (l, r) = (numeric_rank(&left.name)?, numeric_rank(&right.name)?);
    if left.array || right.array || left.category() != Category::Numeric || right.category() != Category::Numeric {
        return None;
    }
    if l <= 2 && r <= 2 {
        let wider = if l >= r { left } else { right };
        return Some((wider.without_mods(), false, false));
    }
    if (l == 4 || l == 5) && (r == 4 || r == 5) {
        let wider = if l >= r { left } else { right };
        return Some((wider.without_mods(), false, false));
    }
    // A float meets an exact number: the exact side becomes `double precision`, which
    // `real` compares with directly (`float48` operators).
    if l >= 4 || r >= 4 {
        let double = PgType::builtin("double precision");
        return Some((double, l < 4, r < 4));
    }
    let target = if l >= r { left.without_mods() } else { right.without_mods() };
    Some((target, l < r, r < l))
}

/// Casts Postgres applies in assignments (stored values, defaults) but not in expressions:
/// narrowing numbers and dropping time zones or times of day.
pub fn assignment_coercion(from: &PgType, to: &PgType) -> bool {
    if implicit_coercion(from, to).is_some() {
        return true;
    }
    if from.array || to.array || from.schema.is_some() || to.schema.is_some() {
        return false;
    }
    let (f, t) = (from.name.as_str(), to.name.as_str());
    if numeric_rank(f).is_some() && numeric_rank(t).is_some() {
        return true;
    }
    match t {
        "timestamp without time zone" => f == "timestamp with time zone",
        "date" => matches!(f, "timestamp with time zone" | "timestamp without time zone"),
        "time without time zone" => matches!(f, "timestamp with time zone" | "timestamp without time zone" | "time with time zone"),
        "text" | "character varying" | "character" => f == "boolean" || from.category() == Category::Other && f == "inet",
        _ => false,
    }
}
