//! The fields of a `#[table]` struct and the columns they map to (`#[column("name")]`
//! renames, `#[column(skip)]` leaves a field out). The `#[column]` attributes are removed
//! from the struct, since they mean nothing to the compiler.

use crate::ctxt::Ctxt;
use crate::message::Message;
use proc_macro2::Span;
use syn::ext::IdentExt;
use syn::{Field, LitStr, Type};

/// A field that maps to a column.
pub struct MappedField {
    /// The field name as written, without `r#`.
    pub field: String,
    pub column: String,
    /// Where errors about the column point: the field name, or the rename literal.
    pub span: Span,
    pub ty: Type,
}

const USAGE: &str = "expected `#[column(\"column_name\")]` or `#[column(skip)]`";

/// What one field's `#[column]` attribute says.
enum ColumnAttr {
    Rename(LitStr),
    Skip,
}

/// The mapped fields of `fields`, removing their `#[column]` attributes; problems are
/// recorded in `ctxt`.
pub fn mapped_fields<'a>(ctxt: &Ctxt, fields: impl Iterator<Item = &'a mut Field>) -> Vec<MappedField> {
    let mut out: Vec<MappedField> = Vec::new();
    for field in fields {
        // A field whose attribute is wrong is left unchecked: its column is unknown.
        let Ok(attr) = column_attr(ctxt, field) else { continue };
        let Some(ident) = &field.ident else { continue };
        let name = ident.unraw().to_string();
        let (column, span) = match attr {
            Some(ColumnAttr::Skip) => continue,
            Some(ColumnAttr::Rename(lit)) => (lit.value(), lit.span()),
            None => (name.clone(), ident.span()),
        };
        if let Some(first) = out.iter().find(|m| m.column == column) {
            ctxt.error_at(
                span,
                Message::new(format!("column `{column}` is mapped by two fields: `{}` and `{name}`", first.field))
                    .help("rename one of them with `#[column(\"other_column\")]` or leave it out with `#[column(skip)]`"),
            );
            continue;
        }
        out.push(MappedField { field: name, column, span, ty: field.ty.clone() });
    }
    out
}

/// Reads and removes the field's `#[column(...)]` attributes; `Err` when one is wrong
/// (recorded in `ctxt`).
fn column_attr(ctxt: &Ctxt, field: &mut Field) -> Result<Option<ColumnAttr>, ()> {
    let mut found: Option<ColumnAttr> = None;
    let mut seen = false;
    let mut failed = false;
    for attr in field.attrs.iter().filter(|a| a.path().is_ident("column")) {
        if seen {
            ctxt.syn_error(syn::Error::new_spanned(attr, "a field takes at most one `#[column(...)]` attribute"));
            failed = true;
            continue;
        }
        seen = true;
        let parsed = attr.parse_args_with(|input: syn::parse::ParseStream<'_>| {
            if input.peek(LitStr) {
                let lit: LitStr = input.parse()?;
                if lit.value().is_empty() {
                    return Err(syn::Error::new(lit.span(), "the column name must not be empty"));
                }
                input.is_empty().then_some(ColumnAttr::Rename(lit)).ok_or_else(|| input.error(USAGE))
            } else {
                let word = syn::Ident::parse_any(input).map_err(|e| syn::Error::new(e.span(), USAGE))?;
                if word == "skip" && input.is_empty() {
                    Ok(ColumnAttr::Skip)
                } else {
                    Err(syn::Error::new(word.span(), USAGE))
                }
            }
        });
        match parsed {
            Ok(attr) => found = Some(attr),
            Err(e) => {
                failed = true;
                if e.to_string().starts_with("expected attribute arguments") {
                    ctxt.syn_error(syn::Error::new_spanned(attr, USAGE))
                } else {
                    ctxt.syn_error(e)
                }
            }
        }
    }
    field.attrs.retain(|a| !a.path().is_ident("column"));
    if failed { Err(()) } else { Ok(found) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(item: &str) -> (Vec<(String, String)>, Vec<String>, syn::ItemStruct) {
        let mut item: syn::ItemStruct = syn::parse_str(item).unwrap();
        let ctxt = Ctxt::new();
        let mapped = mapped_fields(&ctxt, item.fields.iter_mut());
        let pairs = mapped.into_iter().map(|m| (m.field, m.column)).collect();
        (pairs, ctxt.messages(), item)
    }

    #[test]
    fn renames_skips_and_raw_names() {
        let (pairs, errors, item) = map(
            r#"struct S { id: i64, #[column("client_name")] name: String, #[column(skip)] cache: u8, r#type: String }"#,
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(
            pairs,
            vec![("id".into(), "id".into()), ("name".into(), "client_name".into()), ("type".into(), "type".into())]
        );
        assert!(item.fields.iter().all(|f| f.attrs.is_empty()));
    }

    #[test]
    fn bad_attributes() {
        let (pairs, errors, _) = map(
            r#"struct S { #[column] a: i32, #[column(rename)] b: i32, #[column("x", "y")] c: i32, #[column("")] d: i32, #[column("e")] #[column(skip)] e: i32, f: i32, #[column("f")] g: i32 }"#,
        );
        assert_eq!(pairs, vec![("f".to_string(), "f".to_string())], "fields with wrong attributes are left out");
        assert_eq!(
            errors,
            vec![
                USAGE.to_string(),
                USAGE.to_string(),
                USAGE.to_string(),
                "the column name must not be empty".to_string(),
                "a field takes at most one `#[column(...)]` attribute".to_string(),
                "column `f` is mapped by two fields: `f` and `g`\n= help: rename one of them with `#[column(\"other_column\")]` or leave it out with `#[column(skip)]`".to_string(),
            ]
        );
    }
}
