//! Warnings for a reference that names no account, with the nearest one that exists: a bare
//! name is read in the namespace of the command (`policy create -n eng --subject bob` names
//! `eng/bob`), so an account of another namespace is easily missed. And "did you mean": an
//! unknown account, policy or namespace is told with the closest name that exists.

use anyhow::Result;

use crate::error::UserError;
use crate::identity::{Name, Namespace, Reference};
use crate::model::PolicyScope;
use crate::store::{Scope, Store};

/// The candidate closest to `typed` by edit distance (Levenshtein), if close enough to be a
/// typo: at most a third of its length apart (at least 2), and not as far as a whole
/// different word. Ties go to the first candidate (listings come sorted).
pub fn closest<'a>(typed: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let len = typed.chars().count();
    let limit = (len / 3).max(2);
    candidates
        .into_iter()
        .filter(|c| *c != typed)
        .map(|c| (strsim::levenshtein(typed, c), c))
        .filter(|(d, c)| *d <= limit && *d < len.max(c.chars().count()))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// `e` with "did you mean" when it is `UnknownAccount` for `r`: the closest name of `r`'s
/// namespace, and the account of that name in the nearest other namespace
/// (``; `eng/ci` exists: -n eng``). Other errors, and an account nothing is near, unchanged.
pub fn explain_account(store: &dyn Store, r: &Reference, e: anyhow::Error) -> anyhow::Error {
    if !is_unknown_account(&e) {
        return e;
    }
    let mut hints = vec![];
    if let Ok(l) = store.list_accounts(&Scope::Namespace(r.namespace.clone())) {
        let names: Vec<&str> = l.items.iter().map(|a| a.name.as_str()).collect();
        if let Some(c) = closest(r.name.as_str(), names) {
            hints.push(format!("did you mean `{c}`?"));
        }
        // An empty namespace may be a mistyped `-n`.
        if l.items.is_empty()
            && let Some(h) = missing_namespace(store, &r.namespace)
        {
            hints.push(h);
        }
    }
    if let Some(o) = same_name_elsewhere(store, r) {
        hints.push(format!(
            "`{}/{}` exists: -n {}",
            o.namespace, o.name, o.namespace
        ));
    }
    hinted(e, hints)
}

/// As `explain_account`, for `UnknownPolicy`: the closest policy name of the same scope.
pub fn explain_policy(
    store: &dyn Store,
    scope: &PolicyScope,
    name: &Name,
    e: anyhow::Error,
) -> anyhow::Error {
    if !matches!(e.downcast_ref(), Some(UserError::UnknownPolicy { .. })) {
        return e;
    }
    let listing = match scope {
        PolicyScope::Global => store.list_policies(&Scope::All),
        PolicyScope::Namespace(ns) => store.list_policies(&Scope::Namespace(ns.clone())),
    };
    let mut hints = vec![];
    if let Ok(l) = listing {
        let names = l
            .items
            .iter()
            .filter(|p| p.scope() == *scope)
            .map(|p| p.name.as_str());
        if let Some(c) = closest(name.as_str(), names) {
            hints.push(format!("did you mean `{c}`?"));
        }
        if let PolicyScope::Namespace(ns) = scope
            && l.items.is_empty()
            && let Some(h) = missing_namespace(store, ns)
        {
            hints.push(h);
        }
    }
    // The name (or a typo of it) in another scope: a global policy, or a namespace's.
    if let PolicyScope::Namespace(ns) = scope
        && let Ok(all) = store.list_policies(&Scope::All)
    {
        let global = all.items.iter().filter(|p| p.namespace.is_none());
        if let Some(g) = closest_or_same(name.as_str(), global.map(|p| p.name.as_str())) {
            hints.push(format!("`{g}` is a global policy: --global"));
        } else if let Some(o) = all
            .items
            .iter()
            .filter(|p| p.name == *name && p.namespace.as_ref().is_some_and(|n| n != ns))
            .find_map(|p| p.namespace.as_ref())
        {
            hints.push(format!("`{o}/{name}` exists: -n {o}"));
        }
    }
    hinted(e, hints)
}

/// `typed` itself among `candidates`, else the closest.
fn closest_or_same<'a>(
    typed: &str,
    candidates: impl IntoIterator<Item = &'a str> + Clone,
) -> Option<&'a str> {
    candidates
        .clone()
        .into_iter()
        .find(|c| *c == typed)
        .or_else(|| closest(typed, candidates))
}

/// As `explain_account`, for `UnknownNamespace`: the closest namespace that exists. Through a
/// server the refusal comes back as the same error (`api::Problem::into_user_error`), and the
/// candidates are the namespaces the caller may list (`Store::list_namespaces`), so a caller
/// is never told of a namespace it may not see.
pub fn explain_namespace(store: &dyn Store, ns: &Namespace, e: anyhow::Error) -> anyhow::Error {
    if !matches!(e.downcast_ref(), Some(UserError::UnknownNamespace { .. })) {
        return e;
    }
    let hints: Vec<String> = nearest_namespace(store, ns)
        .map(|c| format!("did you mean `{c}`?"))
        .into_iter()
        .collect();
    hinted(e, hints)
}

/// The namespace closest to `ns` among those the caller may list (and `default`).
fn nearest_namespace(store: &dyn Store, ns: &Namespace) -> Option<String> {
    let l = store.list_namespaces().ok()?;
    let mut names: Vec<&str> = vec![crate::identity::DEFAULT_NAMESPACE];
    names.extend(l.items.iter().map(|n| n.name.as_str()));
    closest(ns.as_str(), names).map(str::to_owned)
}

/// ``namespace `engg` does not exist; did you mean `eng`?`` when `ns` does not exist, for a
/// lookup or a listing in it. `None` when it exists, and when that cannot be told (a server
/// that does not let the caller `get` it answers 403, not "it does not exist").
pub fn missing_namespace(store: &dyn Store, ns: &Namespace) -> Option<String> {
    if store.namespace_exists(ns).ok()? {
        return None;
    }
    Some(match nearest_namespace(store, ns) {
        Some(c) => format!("namespace `{ns}` does not exist; did you mean `{c}`?"),
        None => format!("namespace `{ns}` does not exist"),
    })
}

/// The error's text with the hints after it, of the same exit code (a failure).
fn hinted(e: anyhow::Error, hints: Vec<String>) -> anyhow::Error {
    if hints.is_empty() {
        return e;
    }
    UserError::Failure(format!("{e}; {}", hints.join("; "))).into()
}

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

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn closest_is_a_typo_away() {
        let names = ["builder", "ci", "ci-bot", "default", "deployer"];
        assert_eq!(closest("cii", names), Some("ci"));
        assert_eq!(closest("ci-boot", names), Some("ci-bot"));
        assert_eq!(closest("deployr", names), Some("deployer"));
        assert_eq!(closest("bulder", names), Some("builder"));
        // Not the name itself, nothing a whole word away, nothing for an empty list.
        assert_eq!(closest("ci", ["ci"]), None);
        assert_eq!(closest("xy", names), None);
        assert_eq!(closest("monitoring", names), None);
        assert_eq!(closest("ci", []), None);
        // Ties go to the first (listings are sorted).
        assert_eq!(closest("cx", ["ca", "cb"]), Some("ca"));
    }
}
