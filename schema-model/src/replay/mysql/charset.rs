//! Character sets and collations: the default collation of each character set, the character
//! set of each collation, and how a column or table settles on its pair (MariaDB 10.11).

/// Character sets MariaDB 10.11 ships, with their default collation.
const CHARSETS: &[(&str, &str)] = &[
    ("utf8mb4", "utf8mb4_general_ci"),
    ("utf8mb3", "utf8mb3_general_ci"),
    ("latin1", "latin1_swedish_ci"),
    ("latin2", "latin2_general_ci"),
    ("ascii", "ascii_general_ci"),
    ("binary", "binary"),
    ("ucs2", "ucs2_general_ci"),
    ("utf16", "utf16_general_ci"),
    ("utf16le", "utf16le_general_ci"),
    ("utf32", "utf32_general_ci"),
    ("cp1250", "cp1250_general_ci"),
    ("cp1251", "cp1251_general_ci"),
    ("cp1252", "latin1_swedish_ci"),
    ("big5", "big5_chinese_ci"),
    ("gbk", "gbk_chinese_ci"),
    ("sjis", "sjis_japanese_ci"),
    ("ujis", "ujis_japanese_ci"),
    ("euckr", "euckr_korean_ci"),
];

/// Bytes per character at most, for key length limits (1 for single-byte sets and binary).
pub fn max_bytes_per_char(charset: &str) -> u32 {
    match canonical(charset).as_str() {
        "utf8mb4" | "utf16" | "utf16le" | "utf32" => 4,
        "utf8mb3" | "ujis" => 3,
        "ucs2" | "big5" | "gbk" | "sjis" | "euckr" => 2,
        _ => 1,
    }
}

/// A character set and one of its collations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Charset {
    pub charset: String,
    pub collation: String,
}

/// `utf8` means `utf8mb3` in MariaDB 10.11 (default `old_mode`).
fn canonical(name: &str) -> String {
    let lower = name.to_ascii_lowercase();
    if lower == "utf8" {
        "utf8mb3".into()
    } else if let Some(rest) = lower.strip_prefix("utf8_") {
        format!("utf8mb3_{rest}")
    } else {
        lower
    }
}

/// The default collation of `charset`, or MariaDB's error.
pub fn by_charset(charset: &str) -> Result<Charset, String> {
    let name = canonical(charset);
    CHARSETS
        .iter()
        .find(|(c, _)| *c == name)
        .map(|(c, collation)| Charset { charset: c.to_string(), collation: collation.to_string() })
        .ok_or_else(|| format!("Unknown character set: '{charset}'"))
}

/// The character set a collation belongs to, or MariaDB's error.
pub fn by_collation(collation: &str) -> Result<Charset, String> {
    let name = canonical(collation);
    if name == "binary" {
        return by_charset("binary");
    }
    let charset = CHARSETS
        .iter()
        .map(|(c, _)| *c)
        .filter(|c| name.starts_with(&format!("{c}_")))
        .max_by_key(|c| c.len())
        .ok_or_else(|| format!("Unknown collation: '{collation}'"))?;
    Ok(Charset { charset: charset.to_string(), collation: name })
}

/// Settles `CHARACTER SET x [COLLATE y]`: either may be absent; `inherited` applies when both
/// are.
pub fn settle(
    charset: Option<&str>,
    collation: Option<&str>,
    inherited: &Charset,
) -> Result<Charset, String> {
    match (charset, collation) {
        (None, None) => Ok(inherited.clone()),
        (Some(c), None) => by_charset(c),
        (None, Some(l)) => by_collation(l),
        (Some(c), Some(l)) => {
            let set = by_charset(c)?;
            let with = by_collation(l)?;
            if with.charset != set.charset {
                return Err(format!(
                    "COLLATION '{}' is not valid for CHARACTER SET '{}'",
                    with.collation, set.charset
                ));
            }
            Ok(with)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_errors() {
        assert_eq!(by_charset("UTF8MB4").unwrap().collation, "utf8mb4_general_ci");
        assert_eq!(by_charset("utf8").unwrap().collation, "utf8mb3_general_ci");
        assert_eq!(by_collation("utf8mb4_unicode_ci").unwrap().charset, "utf8mb4");
        assert_eq!(by_collation("utf8_bin").unwrap().collation, "utf8mb3_bin");
        assert_eq!(by_charset("nope").unwrap_err(), "Unknown character set: 'nope'");
        assert_eq!(by_collation("nope_ci").unwrap_err(), "Unknown collation: 'nope_ci'");
        let inherited = by_collation("utf8mb4_unicode_ci").unwrap();
        assert_eq!(settle(None, None, &inherited).unwrap(), inherited);
        assert!(settle(Some("latin1"), Some("utf8mb4_bin"), &inherited)
            .unwrap_err()
            .contains("is not valid for CHARACTER SET 'latin1'"));
    }
}
