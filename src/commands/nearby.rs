//! Warnings for a reference that names no account, with the nearest one that exists: a bare
//! name is read in the namespace of the command (`policy create -n eng --subject bob` names
//! `eng/bob`), so an account of another namespace is easily missed.

use anyhow::Result;

use crate::error::UserError;
use crate::identity::{Namespace, Reference};
use crate::store::{Scope, Store};

/// Whether `r` names no account. A read that fails otherwise (a server that does not let the
/// caller read it, an unreadable record) is not taken for a missing account.
pub fn is_missing(store: &dyn Store, r: &Reference) -> bool {
    match store.get_account(r) {
        Ok(_) => false,
        Err(e) => is_unknown_account(&e),
    }
}

pub fn is_unknown_account(e: &anyhow::Error) -> bool {
    matches!(e.downcast_ref(), Some(UserError::UnknownAccount { .. }))
}

/// The account of `r`'s name in the namespace nearest to `r`'s: the one sharing the most
/// leading segments with it (a parent before `default`). `None` when there is none, or when
/// the accounts cannot be listed (a server may not let the caller).
pub fn same_name_elsewhere(store: &dyn Store, r: &Reference) -> Option<Reference> {
    let listing: Result<_> = store.list_accounts(&Scope::All);
    let accounts = listing.ok()?.items;
    let shared = |ns: &Namespace| {
        ns.as_str()
            .split('/')
            .zip(r.namespace.as_str().split('/'))
            .take_while(|(a, b)| a == b)
            .count()
    };
    accounts
        .iter()
        .filter(|a| a.name == r.name && a.namespace != r.namespace)
        .map(|a| a.reference())
        // The first of the nearest: listings come sorted.
        .fold(None, |best: Option<Reference>, c| match &best {
            Some(b) if shared(&b.namespace) >= shared(&c.namespace) => best,
            _ => Some(c),
        })
}

/// ` (`default/bob` exists)`-like text for a reference that names no account, or nothing.
pub fn hint(store: &dyn Store, r: &Reference) -> String {
    match same_name_elsewhere(store, r) {
        Some(o) => format!("; `{}` exists: name it `{}/{}`", o, o.namespace, o.name),
        None => String::new(),
    }
}

/// Warns on stderr about each of a policy's `subjects` (stored references: a bare name is in
/// `default`) that names an account that does not exist; patterns and groups are left alone.
pub fn warn_unknown_subjects(
    store: &dyn Store,
    subjects: &[String],
    policy_ns: Option<&Namespace>,
) {
    for s in subjects {
        if s == "*" || s.contains('*') || s.starts_with("group:") {
            continue;
        }
        let Ok(r) = Reference::parse_input(s, &Namespace::default_ns()) else {
            continue;
        };
        if !is_missing(store, &r) {
            continue;
        }
        let read_in = match policy_ns {
            Some(ns) => format!("the policy's namespace, `{ns}`"),
            None => "`default`, for a global policy".to_owned(),
        };
        crate::errln!(
            "svcacct: warning: subject `{r}` names no service account (a subject without a \
             namespace is read in {read_in}){}",
            hint(store, &r)
        );
    }
}
