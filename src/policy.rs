//! Policy evaluation: deny by default; a policy grants its subjects its actions on its
//! resources in its namespace and that namespace's children (or everywhere, if global).

use crate::error::UserError;
use crate::identity::{Namespace, Reference};
use crate::model::{Account, Policy};
use crate::output::sanitize;

/// `*` matches anything, a trailing `*` matches a prefix, anything else matches itself.
pub fn pattern_matches(pattern: &str, value: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => value.starts_with(prefix),
        None => pattern == value,
    }
}

/// Checks an action or resource pattern: printable (no control, bidirectional-text or invisible
/// characters), no spaces, `*` only at the end.
pub fn check_pattern(kind: &str, p: &str) -> Result<String, UserError> {
    let p = p.trim();
    let bad = |why: &str| {
        Err(UserError::Usage(format!(
            "invalid {kind} `{}`: {why}",
            sanitize(p)
        )))
    };
    if p.is_empty() {
        return bad("it is empty");
    }
    crate::identity::check_visible(kind, p)?;
    if p.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return bad("it contains spaces or control characters");
    }
    if p.trim_end_matches('*').contains('*') || p.ends_with("**") {
        return bad("`*` may only stand at the end");
    }
    Ok(p.to_owned())
}

/// Turns a subject as typed into its stored form: `group:NAME`; `*` (any account); or an
/// account reference or pattern, relative to `ns` when it has no `/`, written as a reference
/// is written (`name` in `default`, `ns/name` elsewhere). A username
/// `system:serviceaccount:NS:NAME` is accepted too.
pub fn normalize_subject(s: &str, ns: &Namespace) -> Result<String, UserError> {
    let s = s.trim();
    crate::identity::check_visible("subject", s)?;
    if let Some(group) = s.strip_prefix("group:") {
        check_pattern("group", group)?;
        return Ok(format!("group:{group}"));
    }
    if s == "*" {
        return Ok("*".into());
    }
    if s.starts_with("system:serviceaccount:") {
        return Ok(Reference::parse_input(s, ns)?.to_string());
    }
    let (subject_ns, name) = match s.rsplit_once('/') {
        Some((n, name)) => (Namespace::parse(n)?, name),
        None => (ns.clone(), s),
    };
    if let Some(prefix) = name.strip_suffix('*') {
        if prefix.contains('*')
            || (!prefix.is_empty()
                && prefix
                    .chars()
                    .any(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')))
        {
            return Err(UserError::Usage(format!(
                "invalid subject `{}`: `*` may only stand at the end of a name",
                sanitize(s)
            )));
        }
    } else {
        crate::identity::Name::parse(name)?;
    }
    Ok(
        if subject_ns.as_str() == crate::identity::DEFAULT_NAMESPACE {
            name.to_owned()
        } else {
            format!("{subject_ns}/{name}")
        },
    )
}

/// Normalizes subjects as typed (see `normalize_subject`), relative to `ns`, without duplicates.
/// `svcacct policy` and the server's policy routes both use it.
pub fn normalize_subjects(raw: &[String], ns: &Namespace) -> Result<Vec<String>, UserError> {
    let mut v: Vec<String> = vec![];
    for s in raw {
        let s = normalize_subject(s, ns)?;
        if !v.contains(&s) {
            v.push(s);
        }
    }
    Ok(v)
}

/// Checks action or resource patterns (see `check_pattern`), without duplicates.
pub fn check_patterns(kind: &str, raw: &[String]) -> Result<Vec<String>, UserError> {
    let mut v: Vec<String> = vec![];
    for p in raw {
        let p = check_pattern(kind, p)?;
        if !v.contains(&p) {
            v.push(p);
        }
    }
    Ok(v)
}

/// Does a stored subject name this account (directly, by pattern, or through a group)?
///
/// An account pattern is `name`, `name-prefix*` or `*` within exactly one namespace
/// (`eng/ci*` never reaches `eng/ci/…` or `eng/cicd/…`); a lone `*` is any account anywhere.
pub fn subject_matches(subject: &str, account: &Account) -> bool {
    subject_matches_groups(subject, account, &|| account.all_groups())
}

/// As `subject_matches`, with the account's groups from `groups` (asked at most once per
/// call; `allowing` computes them once for all policies).
fn subject_matches_groups<G: AsRef<[String]>>(
    subject: &str,
    account: &Account,
    groups: &dyn Fn() -> G,
) -> bool {
    if subject == "*" {
        return true;
    }
    if let Some(group) = subject.strip_prefix("group:") {
        return groups().as_ref().iter().any(|g| pattern_matches(group, g));
    }
    let (ns, name) = subject
        .rsplit_once('/')
        .unwrap_or((crate::identity::DEFAULT_NAMESPACE, subject));
    account.namespace.as_str() == ns && pattern_matches(name, account.name.as_str())
}

/// Does this policy apply to requests in `ns`?
pub fn covers(policy: &Policy, ns: &Namespace) -> bool {
    match &policy.namespace {
        None => true,
        Some(pns) => ns.is_within(pns),
    }
}

/// The policies that name this account as a subject.
pub fn policies_for<'p>(policies: &'p [Policy], account: &Account) -> Vec<&'p Policy> {
    policies
        .iter()
        .filter(|p| p.subjects.iter().any(|s| subject_matches(s, account)))
        .collect()
}

/// The first policy that allows `account` to do `action` on `resource` in `ns`, if any.
pub fn allowing<'p>(
    policies: impl IntoIterator<Item = &'p Policy>,
    account: &Account,
    action: &str,
    resource: &str,
    ns: &Namespace,
) -> Option<&'p Policy> {
    let groups = std::cell::OnceCell::new();
    let groups = || groups.get_or_init(|| account.all_groups()).as_slice();
    policies.into_iter().find(|p| {
        covers(p, ns)
            && p.actions.iter().any(|a| pattern_matches(a, action))
            && p.resources.iter().any(|r| pattern_matches(r, resource))
            && p.subjects
                .iter()
                .any(|s| subject_matches_groups(s, account, &groups))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::identity::Name;

    fn account(ns: &str, name: &str, groups: &[&str]) -> Account {
        let now = jiff::Timestamp::now();
        Account {
            uid: "u".into(),
            revision: 1,
            groups: groups.iter().map(|g| g.to_string()).collect(),
            ..Account::new(
                Reference::new(Namespace::parse(ns).unwrap(), Name::parse(name).unwrap()),
                now,
            )
        }
    }

    fn policy(ns: Option<&str>, subjects: &[&str], actions: &[&str], resources: &[&str]) -> Policy {
        let now = jiff::Timestamp::now();
        Policy {
            name: Name::parse("p").unwrap(),
            namespace: ns.map(|n| Namespace::parse(n).unwrap()),
            uid: "u".into(),
            revision: 1,
            description: String::new(),
            subjects: subjects.iter().map(|s| s.to_string()).collect(),
            actions: actions.iter().map(|s| s.to_string()).collect(),
            resources: resources.iter().map(|s| s.to_string()).collect(),
            created: now,
            updated: now,
        }
    }

    #[test]
    fn patterns() {
        assert!(pattern_matches("*", "anything"));
        assert!(pattern_matches("image*", "images"));
        assert!(pattern_matches("image*", "image"));
        assert!(!pattern_matches("image*", "imag"));
        assert!(pattern_matches("get", "get"));
        assert!(!pattern_matches("get", "gets"));
        assert!(check_pattern("action", "a*b").is_err());
        assert!(check_pattern("action", "a b").is_err());
        assert!(check_pattern("action", "").is_err());
        assert_eq!(check_pattern("action", "get*").unwrap(), "get*");
    }

    #[test]
    fn subjects_normalize() {
        let d = Namespace::default_ns();
        let eng = Namespace::parse("eng").unwrap();
        assert_eq!(normalize_subject("ci", &d).unwrap(), "ci");
        assert_eq!(normalize_subject("ci", &eng).unwrap(), "eng/ci");
        assert_eq!(normalize_subject("default/ci", &eng).unwrap(), "ci");
        assert_eq!(normalize_subject("ci-*", &eng).unwrap(), "eng/ci-*");
        assert_eq!(normalize_subject("*", &eng).unwrap(), "*");
        assert_eq!(
            normalize_subject("group:managers", &eng).unwrap(),
            "group:managers"
        );
        assert_eq!(
            normalize_subject("system:serviceaccount:eng:ci", &d).unwrap(),
            "eng/ci"
        );
        assert!(normalize_subject("../ci", &d).is_err());
        assert!(normalize_subject("Ci", &d).is_err());
    }

    #[test]
    fn deny_by_default_and_grants() {
        let ci = account("default", "ci", &["builders"]);
        let none: Vec<Policy> = vec![];
        assert!(allowing(&none, &ci, "get", "function", &Namespace::default_ns()).is_none());

        let ps = vec![policy(Some("default"), &["ci"], &["*"], &["function"])];
        let d = Namespace::default_ns();
        assert!(allowing(&ps, &ci, "create", "function", &d).is_some());
        assert!(allowing(&ps, &ci, "create", "image", &d).is_none());
        assert!(
            allowing(
                &ps,
                &ci,
                "create",
                "function",
                &Namespace::parse("eng").unwrap()
            )
            .is_none()
        );
        let other = account("default", "other", &[]);
        assert!(allowing(&ps, &other, "create", "function", &d).is_none());
    }

    #[test]
    fn namespaces_reach_children_and_groups_work() {
        let eng = Namespace::parse("eng").unwrap();
        let plat = Namespace::parse("eng/platform").unwrap();
        let engx = Namespace::parse("engx").unwrap();
        let m = account("eng", "boss", &["managers"]);
        let ps = vec![policy(
            Some("eng"),
            &["group:managers"],
            &["edit"],
            &["top-secret"],
        )];
        assert!(allowing(&ps, &m, "edit", "top-secret", &eng).is_some());
        assert!(allowing(&ps, &m, "edit", "top-secret", &plat).is_some());
        assert!(allowing(&ps, &m, "edit", "top-secret", &engx).is_none());
        let sys = vec![policy(
            None,
            &["group:system:serviceaccounts:eng"],
            &["get"],
            &["*"],
        )];
        assert!(allowing(&sys, &m, "get", "x", &engx).is_some());
        let pat = vec![policy(None, &["eng/*"], &["get"], &["*"])];
        assert!(allowing(&pat, &m, "get", "x", &eng).is_some());
        assert!(allowing(&pat, &account("default", "boss", &[]), "get", "x", &eng).is_none());
        // A name pattern stays in its namespace: `eng/ci*` is not `eng/ci/evil` or `eng/cicd/x`.
        let ci = vec![policy(Some("eng"), &["eng/ci*"], &["deploy"], &["prod"])];
        assert!(allowing(&ci, &account("eng", "ci-bot", &[]), "deploy", "prod", &eng).is_some());
        assert!(allowing(&ci, &account("eng/ci", "evil", &[]), "deploy", "prod", &eng).is_none());
        assert!(allowing(&ci, &account("eng/cicd", "x", &[]), "deploy", "prod", &eng).is_none());
        let bare = vec![policy(None, &["ci*"], &["get"], &["*"])];
        assert!(allowing(&bare, &account("default", "ci", &[]), "get", "x", &eng).is_some());
        assert!(allowing(&bare, &account("eng", "ci", &[]), "get", "x", &eng).is_none());
    }
}
