//! Collecting every error of one macro input, so they are all reported together as
//! `compile_error!`s, each with its own span (the pattern of serde_derive's `Ctxt`).

use proc_macro2::{Span, TokenStream};
use std::cell::RefCell;

/// The errors found so far while expanding one macro input.
#[derive(Default)]
pub struct Ctxt {
    errors: RefCell<Vec<syn::Error>>,
}

impl Ctxt {
    pub fn new() -> Ctxt {
        Ctxt::default()
    }

    /// Records `message` at `span`.
    pub fn error_at(&self, span: Span, message: impl std::fmt::Display) {
        self.errors.borrow_mut().push(syn::Error::new(span, message));
    }

    /// Records `message` spanning the tokens of `tokens`.
    pub fn error_spanned_by<T: quote::ToTokens>(&self, tokens: T, message: impl std::fmt::Display) {
        self.errors.borrow_mut().push(syn::Error::new_spanned(tokens, message));
    }

    /// Records a parse error as it is.
    pub fn syn_error(&self, error: syn::Error) {
        self.errors.borrow_mut().push(error);
    }

    pub fn has_errors(&self) -> bool {
        !self.errors.borrow().is_empty()
    }

    /// Every recorded error as `compile_error!` invocations.
    pub fn into_compile_errors(self) -> TokenStream {
        self.errors.into_inner().iter().map(syn::Error::to_compile_error).collect()
    }
}

#[cfg(test)]
impl Ctxt {
    /// The recorded messages, for tests.
    pub fn messages(&self) -> Vec<String> {
        self.errors.borrow().iter().map(ToString::to_string).collect()
    }
}
