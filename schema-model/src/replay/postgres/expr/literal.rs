//! Coercing a literal to a type the way Postgres does when it stores a constant: the
//! type's input function reads the text and its output function prints it back, so
//! `'1970-01-01'` becomes `1970-01-01 00:00:00+00` as a `timestamp with time zone`
//! (sessions run with `TimeZone=UTC` and `DateStyle=ISO`, as migration tools set them) and
//! `'t'` becomes `true` as a boolean. Errors carry Postgres's message.

use crate::replay::postgres::types::PgType;

/// The output text of `value` read as `ty`, or Postgres's input error.
pub fn coerce_literal(value: &str, ty: &PgType, enum_labels: Option<&[String]>) -> Result<String, String> {
    if ty.array || ty.schema.is_some() {
        if let Some(labels) = enum_labels.filter(|_| !ty.array) {
            return if labels.iter().any(|l| l == value) {
                Ok(value.to_string())
            } else {
                Err(format!("invalid input value for enum {}: \"{value}\"", ty.format()))
            };
        }
        return Ok(value.to_string());
    }
    let invalid = || format!("invalid input syntax for type {}: \"{value}\"", ty.without_mods().format());
    match ty.name.as_str() {
        "smallint" | "integer" | "bigint" => {
            let parsed: i128 = value.trim().parse().map_err(|_| invalid())?;
            let (min, max) = match ty.name.as_str() {
                "smallint" => (i16::MIN as i128, i16::MAX as i128),
                "integer" => (i32::MIN as i128, i32::MAX as i128),
                _ => (i64::MIN as i128, i64::MAX as i128),
            };
            if parsed < min || parsed > max {
                return Err(format!("value \"{value}\" is out of range for type {}", ty.name));
            }
            Ok(parsed.to_string())
        }
        "numeric" => {
            let trimmed = value.trim();
            trimmed.parse::<f64>().map_err(|_| invalid())?;
            Ok(trimmed.trim_start_matches('+').to_string())
        }
        "real" | "double precision" => {
            let parsed: f64 = value.trim().parse().map_err(|_| invalid())?;
            Ok(format_float(parsed))
        }
        "boolean" => parse_bool(value).map(|b| b.to_string()).ok_or_else(invalid),
        "date" => {
            let (date, _) = parse_timestamp(value).ok_or_else(invalid)?;
            Ok(date.map_or_else(|special| special.to_string(), |(d, _)| format_date(d)))
        }
        "timestamp without time zone" | "timestamp with time zone" => {
            let tz = ty.name.ends_with("with time zone");
            let (parsed, offset) = parse_timestamp(value).ok_or_else(invalid)?;
            Ok(match parsed {
                Err(special) => special.to_string(),
                Ok((days, micros)) => {
                    let mut total = days as i128 * 86_400_000_000 + micros as i128;
                    if tz {
                        total -= offset.unwrap_or(0) as i128 * 1_000_000;
                    }
                    let days = total.div_euclid(86_400_000_000) as i64;
                    let micros = total.rem_euclid(86_400_000_000) as i64;
                    let mut text = format!("{} {}", format_date(days), format_time(micros));
                    if tz {
                        text.push_str("+00");
                    }
                    text
                }
            })
        }
        "interval" => format_interval(value).ok_or_else(invalid),
        "uuid" => {
            let hex: String = value.chars().filter(|c| *c != '-' && *c != '{' && *c != '}').collect();
            if hex.len() != 32 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
                return Err(invalid());
            }
            let hex = hex.to_ascii_lowercase();
            Ok(format!("{}-{}-{}-{}-{}", &hex[..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..]))
        }
        "jsonb" => {
            let parsed: serde_json::Value = serde_json::from_str(value).map_err(|_| invalid_json(value))?;
            Ok(jsonb_text(&parsed))
        }
        "json" => {
            serde_json::from_str::<serde_json::Value>(value).map_err(|_| invalid_json(value))?;
            Ok(value.to_string())
        }
        _ => Ok(value.to_string()),
    }
}

fn invalid_json(value: &str) -> String {
    format!("invalid input syntax for type json: \"{value}\"")
}

/// `boolin`: `t`, `true`, `yes`, `on`, `1` and their negations, any case, unambiguous prefixes.
pub fn parse_bool(value: &str) -> Option<bool> {
    let v = value.trim().to_ascii_lowercase();
    let prefix_of = |word: &str| !v.is_empty() && word.starts_with(v.as_str());
    if v == "1" || prefix_of("true") || prefix_of("yes") || v == "on" {
        Some(true)
    } else if v == "0" || prefix_of("false") || prefix_of("no") || v == "off" || v == "of" {
        Some(false)
    } else {
        None
    }
}

/// Days since 1970-01-01 and microseconds into the day, or a special value
/// (`infinity`, `-infinity`); plus the written UTC offset in seconds.
type Timestamp = (Result<(i64, i64), &'static str>, Option<i64>);

/// Reads the ISO forms migrations use: `YYYY-MM-DD`, with an optional time after a space
/// or `T`, fractional seconds, and a `Z`/`+HH[:MM]` offset; also `epoch`, `infinity`.
fn parse_timestamp(value: &str) -> Option<Timestamp> {
    let v = value.trim().to_ascii_lowercase();
    match v.as_str() {
        "epoch" => return Some((Ok((0, 0)), None)),
        "infinity" => return Some((Err("infinity"), None)),
        "-infinity" => return Some((Err("-infinity"), None)),
        _ => {}
    }
    let (date_part, rest) = v.split_at(v.find([' ', 't']).unwrap_or(v.len()));
    let mut fields = date_part.split('-');
    let year: i64 = fields.next()?.parse().ok()?;
    let month: u32 = fields.next()?.parse().ok()?;
    let day: u32 = fields.next()?.parse().ok()?;
    if fields.next().is_some() || !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    let days = days_from_civil(year, month, day);
    let rest = rest.trim_start_matches([' ', 't']).trim();
    if rest.is_empty() {
        return Some((Ok((days, 0)), None));
    }
    let offset_at = rest.find(['+', '-', 'z']);
    let (time, offset) = match offset_at {
        Some(at) => (rest[..at].trim(), Some(parse_offset(&rest[at..])?)),
        None => (rest, None),
    };
    let mut parts = time.split(':');
    let hour: i64 = parts.next()?.parse().ok()?;
    let minute: i64 = parts.next().unwrap_or("0").parse().ok()?;
    let second_text = parts.next().unwrap_or("0");
    let (whole, fraction) = second_text.split_once('.').unwrap_or((second_text, ""));
    let second: i64 = whole.parse().ok()?;
    let mut frac = fraction.to_string();
    frac.truncate(6);
    while frac.len() < 6 {
        frac.push('0');
    }
    let micros_frac: i64 = frac.parse().ok()?;
    if hour > 24 || minute > 59 || second > 60 {
        return None;
    }
    let micros = ((hour * 60 + minute) * 60 + second) * 1_000_000 + micros_frac;
    Some((Ok((days, micros)), offset))
}

fn parse_offset(text: &str) -> Option<i64> {
    if text == "z" {
        return Some(0);
    }
    let sign = if text.starts_with('-') { -1 } else { 1 };
    let digits = text.get(1..)?;
    let (hours, minutes) = match digits.split_once(':') {
        Some((h, m)) => (h.parse::<i64>().ok()?, m.parse::<i64>().ok()?),
        None if digits.len() == 4 => (digits.get(..2)?.parse().ok()?, digits.get(2..)?.parse().ok()?),
        None => (digits.parse().ok()?, 0),
    };
    Some(sign * (hours * 3600 + minutes * 60))
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = month as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn format_date(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

fn format_time(micros: i64) -> String {
    let secs = micros / 1_000_000;
    let frac = micros % 1_000_000;
    let mut text = format!("{:02}:{:02}:{:02}", secs / 3600, secs / 60 % 60, secs % 60);
    if frac != 0 {
        let f = format!(".{frac:06}");
        text.push_str(f.trim_end_matches('0'));
    }
    text
}

/// `float8out` with `extra_float_digits = 1`: the shortest text that reads back exactly.
fn format_float(value: f64) -> String {
    if value.is_infinite() {
        return if value > 0.0 { "Infinity".into() } else { "-Infinity".into() };
    }
    if value.is_nan() {
        return "NaN".into();
    }
    let text = format!("{value}");
    text.strip_suffix(".0").map(str::to_string).unwrap_or(text)
}

/// `interval_out` (IntervalStyle `postgres`) for intervals written as `N unit` pairs.
fn format_interval(value: &str) -> Option<String> {
    let (mut months, mut days, mut micros) = (0i64, 0i64, 0i64);
    let words: Vec<&str> = value.split_whitespace().collect();
    let mut i = 0;
    while i < words.len() {
        if words[i].contains(':') {
            let mut parts = words[i].split(':').map(|p| p.parse::<i64>());
            let h = parts.next()?.ok()?;
            let m = parts.next().unwrap_or(Ok(0)).ok()?;
            let s = parts.next().unwrap_or(Ok(0)).ok()?;
            micros += ((h * 60 + m) * 60 + s) * 1_000_000;
            i += 1;
            continue;
        }
        let n: i64 = words[i].parse().ok()?;
        let unit = words.get(i + 1)?.to_ascii_lowercase();
        let unit = unit.trim_end_matches('s');
        match unit {
            "year" | "yr" | "y" => months += 12 * n,
            "month" | "mon" => months += n,
            "week" | "w" => days += 7 * n,
            "day" | "d" => days += n,
            "hour" | "hr" | "h" => micros += n * 3_600_000_000,
            "minute" | "min" | "m" => micros += n * 60_000_000,
            "second" | "sec" => micros += n * 1_000_000,
            _ => return None,
        }
        i += 2;
    }
    let mut parts = Vec::new();
    let plural = |n: i64, word: &str| format!("{n} {word}{}", if n.abs() == 1 { "" } else { "s" });
    if months / 12 != 0 {
        parts.push(plural(months / 12, "year"));
    }
    if months % 12 != 0 {
        parts.push(plural(months % 12, "mon"));
    }
    if days != 0 {
        parts.push(plural(days, "day"));
    }
    if micros != 0 || parts.is_empty() {
        let sign = if micros < 0 { "-" } else { "" };
        parts.push(format!("{sign}{}", format_time(micros.abs())));
    }
    Some(parts.join(" "))
}

/// `jsonb_out`: keys sorted by length then bytes, `", "` and `": "` separators.
fn jsonb_text(value: &serde_json::Value) -> String {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort_by(|a, b| (a.len(), a.as_bytes()).cmp(&(b.len(), b.as_bytes())));
            let fields: Vec<String> = keys
                .iter()
                .map(|k| format!("{}: {}", Value::String((*k).clone()), jsonb_text(&map[*k])))
                .collect();
            format!("{{{}}}", fields.join(", "))
        }
        Value::Array(items) => format!("[{}]", items.iter().map(jsonb_text).collect::<Vec<_>>().join(", ")),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn coerce(value: &str, ty: &str) -> String {
        coerce_literal(value, &PgType::builtin(ty), None).unwrap_or_else(|e| e)
    }

    #[test]
    fn timestamps_print_in_iso_utc() {
        assert_eq!(coerce("1970-01-01", "timestamp with time zone"), "1970-01-01 00:00:00+00");
        assert_eq!(coerce("epoch", "timestamp without time zone"), "1970-01-01 00:00:00");
        assert_eq!(coerce("2020-03-01T01:30:00+02", "timestamp with time zone"), "2020-02-29 23:30:00+00");
        assert_eq!(coerce("2020-03-01 01:30:00.250", "timestamp without time zone"), "2020-03-01 01:30:00.25");
        assert_eq!(coerce("2020-02-30", "date"), "invalid input syntax for type date: \"2020-02-30\"");
    }

    #[test]
    fn scalars_normalise() {
        assert_eq!(coerce("f", "boolean"), "false");
        assert_eq!(coerce("yes", "boolean"), "true");
        assert_eq!(coerce(" 42 ", "integer"), "42");
        assert_eq!(coerce("x", "integer"), "invalid input syntax for type integer: \"x\"");
        assert_eq!(coerce("90 days", "interval"), "90 days");
        assert_eq!(coerce("1 hour", "interval"), "01:00:00");
        assert_eq!(coerce("{\"b\":1, \"aa\":[1,2]}", "jsonb"), "{\"b\": 1, \"aa\": [1, 2]}");
    }
}
