//! The arguments of `#[table("name", schema = "...", insert)]`.

use syn::parse::{Parse, ParseStream};
use syn::{Ident, LitStr, Token};

/// Parsed `#[table(...)]` arguments.
pub struct TableArgs {
    pub name: LitStr,
    pub schema: Option<LitStr>,
    /// Present when the struct is used for INSERTs: every required column must be a field.
    pub insert: Option<Ident>,
}

impl TableArgs {
    /// The table as written in SQL: `name` or `schema.name`.
    pub fn qualified_name(&self) -> String {
        match &self.schema {
            Some(schema) => format!("{}.{}", schema.value(), self.name.value()),
            None => self.name.value(),
        }
    }
}

const USAGE: &str = "expected `#[table(\"table_name\")]`, optionally followed by `schema = \"name\"` and `insert`";

impl Parse for TableArgs {
    fn parse(input: ParseStream<'_>) -> syn::Result<TableArgs> {
        if input.is_empty() {
            return Err(input.error(format!("missing table name: {USAGE}")));
        }
        let name: LitStr = input.parse().map_err(|e| syn::Error::new(e.span(), format!("{USAGE}")))?;
        if name.value().trim().is_empty() {
            return Err(syn::Error::new(name.span(), "the table name must not be empty"));
        }
        let mut args = TableArgs { name, schema: None, insert: None };
        while !input.is_empty() {
            input.parse::<Token![,]>()?;
            if input.is_empty() {
                break;
            }
            let key: Ident = input.parse().map_err(|e| syn::Error::new(e.span(), USAGE))?;
            match key.to_string().as_str() {
                "schema" if args.schema.is_some() => return Err(syn::Error::new(key.span(), "`schema` is given twice")),
                "schema" => {
                    input.parse::<Token![=]>()?;
                    args.schema = Some(input.parse()?);
                }
                "insert" if args.insert.is_some() => return Err(syn::Error::new(key.span(), "`insert` is given twice")),
                "insert" => args.insert = Some(key),
                other => {
                    return Err(syn::Error::new(
                        key.span(),
                        format!("unknown argument `{other}`; expected `schema = \"name\"` or `insert`"),
                    ))
                }
            }
        }
        Ok(args)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> syn::Result<TableArgs> {
        syn::parse_str(text)
    }

    fn error(text: &str) -> String {
        parse(text).err().expect("should be rejected").to_string()
    }

    #[test]
    fn arguments() {
        let args = parse(r#""oauth_clients", schema = "auth", insert"#).unwrap();
        assert_eq!(args.qualified_name(), "auth.oauth_clients");
        assert!(args.insert.is_some());
        assert_eq!(parse(r#""t","#).unwrap().qualified_name(), "t");
    }

    #[test]
    fn errors() {
        assert!(error("").contains("missing table name"), "{}", error(""));
        assert_eq!(error("oauth_clients"), USAGE);
        assert_eq!(error(r#""t", update"#), "unknown argument `update`; expected `schema = \"name\"` or `insert`");
        assert_eq!(error(r#""t", insert, insert"#), "`insert` is given twice");
        assert_eq!(error(r#""""#), "the table name must not be empty");
    }
}
