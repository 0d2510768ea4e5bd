//! The data axis of a column type change: what happens to a value of the source type when
//! it is stored in a column of the target type.
//!
//! Types are compared by their [`LogicalType`]. When the target engine does not enforce the
//! declared type (SQLite outside STRICT tables), SQLite's column affinity decides instead.

use super::{Corruption, DataRisk, DataVerdict};
use crate::catalog::{ColumnType, LogicalType};

/// The data verdict for storing values of type `from` (A) in a column of type `to` (B).
pub fn type_change_data(from: &ColumnType, to: &ColumnType) -> DataVerdict {
    if !to.enforced {
        return affinity_data(from, to);
    }
    logical_data(&from.logical, &to.logical, &from.engine, &to.engine)
}

fn logical_data(from: &LogicalType, to: &LogicalType, from_name: &str, to_name: &str) -> DataVerdict {
    use LogicalType as L;
    if from == to {
        return DataVerdict::safe(format!("{from_name} and {to_name} hold the same values"));
    }
    let change = format!("{from_name} -> {to_name}");
    match (from, to) {
        (L::Integer { bytes: fb, unsigned: fu }, L::Integer { bytes: tb, unsigned: tu }) => {
            let (from_range, to_range) = (integer_range(*fb, *fu), integer_range(*tb, *tu));
            let contained = to_range.0 <= from_range.0 && from_range.1 <= to_range.1;
            conversion(&change, None, (!contained).then(|| format!("values outside {to_name}'s range are refused")), "the range widens")
        }
        (L::Integer { bytes, unsigned }, L::Decimal { precision, scale }) => {
            let digits = precision.map(|p| p.saturating_sub(scale.unwrap_or(0)));
            let overflow = digits.filter(|d| *d < integer_digits(*bytes, *unsigned)).map(|d| format!("integers with more than {d} digits overflow"));
            conversion(&change, None, overflow, "every integer fits")
        }
        (L::Integer { bytes, unsigned }, L::Float { bytes: float_bytes }) => {
            let rounding = (integer_bits(*bytes, *unsigned) > mantissa_bits(*float_bytes)).then(|| "large integers are rounded".to_string());
            conversion(&change, rounding, None, "every integer is exact")
        }
        (L::Decimal { precision, scale }, L::Integer { bytes, unsigned }) => {
            let rounding = (scale.unwrap_or(0) > 0 || precision.is_none()).then(|| "fractions are rounded (19.99 becomes 20)".to_string());
            let overflow = precision
                .is_none_or(|p| p.saturating_sub(scale.unwrap_or(0)) >= integer_digits(*bytes, *unsigned))
                .then(|| format!("values outside {to_name}'s range are refused"));
            conversion(&change, rounding, overflow, "every value fits")
        }
        (L::Decimal { precision: fp, scale: fs }, L::Decimal { precision: tp, scale: ts }) => {
            decimal_data(&change, (*fp, *fs), (*tp, *ts))
        }
        (L::Decimal { precision, scale }, L::Float { bytes }) => {
            let max_exponent = if *bytes >= 8 { 308 } else { 38 };
            let overflow = precision
                .is_none_or(|p| p.saturating_sub(scale.unwrap_or(0)) > max_exponent)
                .then(|| format!("values beyond {to_name}'s range are refused"));
            conversion(&change, Some("binary floating point cannot hold every decimal exactly".into()), overflow, "")
        }
        (L::Float { bytes: fb }, L::Float { bytes: tb }) => {
            let narrower = tb < fb;
            conversion(
                &change,
                narrower.then(|| format!("values are rounded to {to_name}'s precision")),
                narrower.then(|| format!("magnitudes beyond {to_name}'s range are refused")),
                "the precision widens",
            )
        }
        (L::Float { .. }, L::Integer { .. }) => conversion(
            &change,
            Some("fractions are rounded".into()),
            Some(format!("values outside {to_name}'s range are refused")),
            "",
        ),
        (L::Float { .. }, L::Decimal { precision, .. }) => conversion(
            &change,
            Some("values are rounded to 15 significant digits or to the scale".into()),
            precision.map(|_| format!("values beyond {to_name}'s precision overflow")),
            "",
        ),
        (L::Text { max_len: fl, fixed: ff }, L::Text { max_len: tl, fixed: tf }) => text_data(&change, (*fl, *ff), (*tl, *tf)),
        (L::Bytes { max_len: fl }, L::Bytes { max_len: tl }) => {
            if fits_length(*fl, *tl) {
                DataVerdict::safe(format!("{change} allows every length"))
            } else {
                DataVerdict::corrupt(Corruption::Refused, format!("{change}: longer values are refused"))
            }
        }
        (L::Date, L::Timestamp { .. }) => DataVerdict::safe(format!("{change}: each date becomes its midnight")),
        (L::Timestamp { tz: false }, L::Timestamp { tz: true }) | (L::Timestamp { tz: true }, L::Timestamp { tz: false }) => {
            DataVerdict::safe(format!("{change}: values are read in the session TimeZone (UTC), so every instant is kept"))
        }
        (L::Timestamp { .. }, L::Date) => {
            DataVerdict::corrupt(Corruption::Altered, format!("{change}: the time of day is dropped"))
        }
        (L::Timestamp { .. }, L::Time { .. }) => DataVerdict::corrupt(Corruption::Altered, format!("{change}: the date is dropped")),
        (L::Time { tz: false }, L::Time { tz: true }) => DataVerdict::safe(format!("{change}: the session zone is attached")),
        (L::Time { tz: true }, L::Time { tz: false }) => {
            DataVerdict::corrupt(Corruption::Altered, format!("{change}: the zone offset is dropped"))
        }
        (L::Json { binary: false }, L::Json { binary: true }) => DataVerdict::corrupt(
            Corruption::Altered,
            format!("{change}: duplicate keys, key order and whitespace are not kept"),
        ),
        (L::Json { binary: true }, L::Json { binary: false }) => DataVerdict::safe(format!("{change}: the text form is kept")),
        (L::Enum { labels: fl, .. }, L::Enum { labels: tl, .. }) => match fl.iter().find(|l| !tl.contains(l)) {
            Some(missing) => DataVerdict::corrupt(Corruption::Refused, format!("{change}: label '{missing}' is refused")),
            None => DataVerdict::safe(format!("{change}: every label exists")),
        },
        (L::Array { element: fe }, L::Array { element: te }) => {
            let element = logical_data(fe, te, &format!("{from_name} elements"), &format!("{to_name} elements"));
            DataVerdict { reason: format!("{change}: {}", element.reason), ..element }
        }
        (_, L::Text { max_len: None, fixed: false }) => DataVerdict::safe(format!("{change}: the text form of every value is kept")),
        _ => DataVerdict::of(DataRisk::Ambiguous, format!("{change}: no rule covers this conversion; check the values by hand")),
    }
}

fn decimal_data(change: &str, from: (Option<u32>, Option<u32>), to: (Option<u32>, Option<u32>)) -> DataVerdict {
    let ((from_precision, from_scale), (to_precision, to_scale)) = (from, to);
    let Some(to_precision) = to_precision else {
        return DataVerdict::safe(format!("{change}: unconstrained numeric holds every value"));
    };
    let to_scale = to_scale.unwrap_or(0);
    let rounding = from_precision
        .is_none_or(|_| to_scale < from_scale.unwrap_or(0))
        .then(|| format!("values are rounded to {to_scale} decimal places"));
    let to_digits = to_precision.saturating_sub(to_scale);
    let overflow = from_precision
        .is_none_or(|p| to_digits < p.saturating_sub(from_scale.unwrap_or(0)))
        .then(|| format!("values with more than {to_digits} integer digits overflow"));
    conversion(change, rounding, overflow, "precision and scale widen")
}

/// The verdict of a conversion that may round values (`rounding`) and may refuse values
/// outside the target's range (`overflow`); `safe` says why it does neither.
fn conversion(change: &str, rounding: Option<String>, overflow: Option<String>, safe: &str) -> DataVerdict {
    match (rounding, overflow) {
        (None, None) => DataVerdict::safe(format!("{change}: {safe}")),
        (Some(rounding), None) => DataVerdict::corrupt(Corruption::Altered, format!("{change}: {rounding}")),
        (None, Some(overflow)) => DataVerdict::corrupt(Corruption::Refused, format!("{change}: {overflow}")),
        (Some(rounding), Some(overflow)) => {
            DataVerdict::corrupt(Corruption::AlteredAndRefused, format!("{change}: {rounding}; {overflow}"))
        }
    }
}

fn text_data(change: &str, from: (Option<u32>, bool), to: (Option<u32>, bool)) -> DataVerdict {
    let ((from_len, from_fixed), (to_len, to_fixed)) = (from, to);
    if !from_fixed && to_fixed {
        return DataVerdict::corrupt(Corruption::Altered, format!("{change}: values are padded with blanks and trailing blanks lose meaning"));
    }
    if fits_length(from_len, to_len) {
        let blanks = if from_fixed && !to_fixed { " (char(n) padding is not significant and is dropped)" } else { "" };
        DataVerdict::safe(format!("{change} allows every length{blanks}"))
    } else {
        let limit = to_len.map(|n| n.to_string()).unwrap_or_default();
        DataVerdict::corrupt(Corruption::Refused, format!("{change}: values longer than {limit} characters are refused"))
    }
}

/// Whether every value of maximum length `from` fits maximum length `to`.
fn fits_length(from: Option<u32>, to: Option<u32>) -> bool {
    match (from, to) {
        (_, None) => true,
        (Some(f), Some(t)) => f <= t,
        (None, Some(_)) => false,
    }
}

/// Value bits of an integer type (sign bit excluded).
fn integer_bits(bytes: u8, unsigned: bool) -> u32 {
    u32::from(bytes) * 8 - u32::from(!unsigned)
}

/// Smallest and largest value of an integer type.
fn integer_range(bytes: u8, unsigned: bool) -> (i128, i128) {
    let bits = integer_bits(bytes, unsigned);
    let max = (1i128 << bits) - 1;
    if unsigned {
        (0, max)
    } else {
        (-max - 1, max)
    }
}

/// Decimal digits of the largest value of an integer type.
fn integer_digits(bytes: u8, unsigned: bool) -> u32 {
    integer_range(bytes, unsigned).1.to_string().len() as u32
}

fn mantissa_bits(float_bytes: u8) -> u32 {
    if float_bytes >= 8 {
        53
    } else {
        24
    }
}

/// SQLite's type affinity of a declared type, by the rules of "Datatypes In SQLite" 3.1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Affinity {
    Integer,
    Text,
    Blob,
    Real,
    Numeric,
}

fn affinity(declared: &str) -> Affinity {
    let upper = declared.to_ascii_uppercase();
    if upper.contains("INT") {
        Affinity::Integer
    } else if ["CHAR", "CLOB", "TEXT"].iter().any(|k| upper.contains(k)) {
        Affinity::Text
    } else if upper.contains("BLOB") || upper.trim().is_empty() {
        Affinity::Blob
    } else if ["REAL", "FLOA", "DOUB"].iter().any(|k| upper.contains(k)) {
        Affinity::Real
    } else {
        Affinity::Numeric
    }
}

/// Storing into a column whose declared type is not enforced: SQLite converts by affinity.
fn affinity_data(from: &ColumnType, to: &ColumnType) -> DataVerdict {
    use LogicalType as L;
    let change = format!("{} -> {}", from.engine, to.engine);
    let target = affinity(&to.engine);
    let textual = matches!(from.logical, L::Text { .. } | L::Uuid | L::Json { .. } | L::Enum { .. } | L::Other { .. });
    match target {
        Affinity::Blob => DataVerdict::safe(format!("{change}: values are stored as given")),
        Affinity::Text => DataVerdict::safe(format!("{change}: values are stored as given or as their text form")),
        Affinity::Integer | Affinity::Real | Affinity::Numeric if textual => DataVerdict::corrupt(
            Corruption::Altered,
            format!("{change}: text that looks like a number is converted ('007' becomes 7)"),
        ),
        Affinity::Real if matches!(from.logical, L::Integer { bytes: 8, .. } | L::Decimal { .. }) => {
            DataVerdict::corrupt(Corruption::Altered, format!("{change}: values are stored as 8-byte floats and rounded"))
        }
        Affinity::Numeric if matches!(from.logical, L::Decimal { .. }) => DataVerdict::corrupt(
            Corruption::Altered,
            format!("{change}: decimals are stored as 8-byte floats beyond 15 significant digits"),
        ),
        _ => DataVerdict::safe(format!("{change}: SQLite keeps the value (the declared type is not enforced)")),
    }
}
