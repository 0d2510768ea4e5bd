//! Names the way Postgres makes and prints them: identifier truncation to 63 bytes,
//! `quote_identifier`, and the generated names of unnamed constraints, indexes and
//! sequences (`makeObjectName`, `ChooseRelationName`, `ChooseConstraintName`,
//! `ChooseIndexNameAddition` in `src/backend/commands/indexcmds.c`).

/// `NAMEDATALEN - 1`: the longest identifier Postgres keeps, in bytes.
pub const MAX_IDENTIFIER_BYTES: usize = 63;

/// Truncates an identifier to 63 bytes without splitting a character, as Postgres does
/// (with a NOTICE) for every identifier it reads.
pub fn truncate_identifier(name: &str) -> &str {
    clip(name, MAX_IDENTIFIER_BYTES)
}

/// The longest prefix of `s` of at most `bytes` bytes that ends on a character boundary.
fn clip(s: &str, bytes: usize) -> &str {
    if s.len() <= bytes {
        return s;
    }
    let mut end = bytes;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// `makeObjectName(name1, name2, label)`: `name1_name2_label`, shortening the longer of
/// `name1`/`name2` first until the result fits in 63 bytes.
pub fn make_object_name(name1: &str, name2: Option<&str>, label: Option<&str>) -> String {
    let overhead = label.map_or(0, |l| l.len() + 1) + usize::from(name2.is_some());
    let available = MAX_IDENTIFIER_BYTES.saturating_sub(overhead);
    let mut len1 = name1.len();
    let mut len2 = name2.map_or(0, str::len);
    while len1 + len2 > available {
        if len1 > len2 {
            len1 -= 1;
        } else {
            len2 -= 1;
        }
    }
    let mut name = clip(name1, len1).to_string();
    if let Some(name2) = name2 {
        name.push('_');
        name.push_str(clip(name2, len2));
    }
    if let Some(label) = label {
        name.push('_');
        name.push_str(label);
    }
    name
}

/// The first of `name1_name2_label`, `name1_name2_label1`, `..._label2`, ... for which
/// `taken` is false (`ChooseRelationName` / `ChooseConstraintName`).
pub fn choose_name(name1: &str, name2: Option<&str>, label: &str, taken: impl Fn(&str) -> bool) -> String {
    let mut pass = 0;
    let mut modlabel = label.to_string();
    loop {
        let name = make_object_name(name1, name2, Some(&modlabel));
        if !taken(&name) {
            return name;
        }
        pass += 1;
        modlabel = format!("{label}{pass}");
    }
}

/// `ChooseIndexNameAddition` / `ChooseForeignKeyConstraintNameAddition`: column names
/// joined by `_`, stopping once the result reaches 63 bytes.
pub fn name_addition<'a>(columns: impl IntoIterator<Item = &'a str>) -> String {
    let mut buf = String::new();
    for column in columns {
        if !buf.is_empty() {
            buf.push('_');
        }
        buf.push_str(clip(column, MAX_IDENTIFIER_BYTES));
        if buf.len() >= MAX_IDENTIFIER_BYTES + 1 {
            break;
        }
    }
    buf
}

/// Keywords that `quote_identifier` must quote (every category but unreserved).
const QUOTED_KEYWORDS: &[&str] = &[
    "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization",
    "between", "bigint", "binary", "bit", "boolean", "both", "case", "cast", "char", "character",
    "check", "coalesce", "collate", "collation", "column", "concurrently", "constraint", "create",
    "cross", "current_catalog", "current_date", "current_role", "current_schema", "current_time",
    "current_timestamp", "current_user", "dec", "decimal", "default", "deferrable", "desc",
    "distinct", "do", "else", "end", "except", "exists", "extract", "false", "fetch", "float",
    "for", "foreign", "freeze", "from", "full", "grant", "greatest", "group", "grouping", "having",
    "ilike", "in", "initially", "inner", "inout", "int", "integer", "intersect", "interval", "into",
    "is", "isnull", "join", "lateral", "leading", "least", "left", "like", "limit", "localtime",
    "localtimestamp", "national", "natural", "nchar", "none", "normalize", "not", "notnull", "null",
    "nullif", "numeric", "offset", "on", "only", "or", "order", "out", "outer", "overlaps",
    "overlay", "placing", "position", "precision", "primary", "real", "references", "returning",
    "right", "row", "select", "session_user", "setof", "similar", "smallint", "some", "substring",
    "symmetric", "table", "tablesample", "then", "time", "timestamp", "to", "trailing", "treat",
    "trim", "true", "union", "unique", "user", "using", "values", "varchar", "variadic", "verbose",
    "when", "where", "window", "with", "xmlattributes", "xmlconcat", "xmlelement", "xmlexists",
    "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot", "xmlserialize", "xmltable",
];

/// `quote_identifier`: the name as Postgres prints it, in double quotes unless it is a
/// lower-case identifier that is not a keyword needing quotes.
pub fn quote_ident(name: &str) -> String {
    let safe = name
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c == '_')
        && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !QUOTED_KEYWORDS.contains(&name);
    if safe {
        name.to_string()
    } else {
        format!("\"{}\"", name.replace('"', "\"\""))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_names_follow_make_object_name() {
        assert_eq!(make_object_name("users", None, Some("pkey")), "users_pkey");
        assert_eq!(make_object_name("users", Some("email"), Some("key")), "users_email_key");
        let long_table = "a".repeat(40);
        let long_column = "b".repeat(40);
        let name = make_object_name(&long_table, Some(&long_column), Some("fkey"));
        assert_eq!(name.len(), 63);
        assert_eq!(name, format!("{}_{}_fkey", "a".repeat(29), "b".repeat(28)));
        // the longer part is shortened first
        let name = make_object_name(&"t".repeat(10), Some(&"c".repeat(70)), Some("key"));
        assert_eq!(name, format!("{}_{}_key", "t".repeat(10), "c".repeat(48)));
        // never splits a multi-byte character
        let name = make_object_name(&"é".repeat(40), None, Some("pkey"));
        assert!(name.len() <= 63 && name.ends_with("_pkey"));
    }

    #[test]
    fn collisions_get_numeric_suffixes() {
        let taken = ["t_a_key", "t_a_key1"];
        assert_eq!(choose_name("t", Some("a"), "key", |n| taken.contains(&n)), "t_a_key2");
        assert_eq!(choose_name("t", None, "pkey", |_| false), "t_pkey");
    }

    #[test]
    fn index_name_addition_joins_columns() {
        assert_eq!(name_addition(["a", "b"]), "a_b");
        let many: Vec<String> = (0..20).map(|i| format!("column{i}")).collect();
        let addition = name_addition(many.iter().map(String::as_str));
        assert!(addition.len() >= 64 && addition.len() < 64 + 9, "{addition}");
    }

    #[test]
    fn identifiers_quote_like_postgres() {
        assert_eq!(quote_ident("users"), "users");
        assert_eq!(quote_ident("timestamp"), "\"timestamp\"");
        assert_eq!(quote_ident("Users"), "\"Users\"");
        assert_eq!(quote_ident("type"), "type");
        assert_eq!(quote_ident("1a"), "\"1a\"");
        assert_eq!(truncate_identifier(&"x".repeat(70)).len(), 63);
    }
}
