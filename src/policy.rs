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

/// Does pattern `outer` contain pattern `inner`: does every value that `inner` matches match
/// `outer` too? `*` contains everything; `get*` contains `get`, `gets`, `get-*` and `get*`
/// itself; a literal contains only itself (`get` does not contain `get*`). Patterns have `*`
/// only at their end (`check_pattern`), so a prefix pattern contains exactly the patterns that
/// start with its prefix: containment compares meanings, never mere spelling.
pub fn pattern_contains(outer: &str, inner: &str) -> bool {
    match outer.strip_suffix('*') {
        Some(prefix) => inner.starts_with(prefix),
        None => outer == inner,
    }
}

/// The first policy that gives `account`, by itself, every action `action` matches on every
/// resource `resource` matches (both patterns; plain values ask for exactly one grant), wherever
/// `scope` reaches: for a namespace, a policy in it, in one of its parents, or a global one;
/// for `None` (everywhere), a global one.
///
/// One policy must hold the whole pair. That is no loss: a finite union of literals and prefix
/// patterns contains a prefix pattern only when one of them does (`get*` is not covered by
/// `get` plus `gets`), and a grant of pairs (`get*` on `image`) is covered only by policies that
/// hold it whole. So for these patterns the answer is exact; `can-i ACTION RESOURCE` with
/// patterns asks the same question.
pub fn holding<'p>(
    policies: &'p [Policy],
    account: &Account,
    action: &str,
    resource: &str,
    scope: Option<&Namespace>,
) -> Option<&'p Policy> {
    let groups = std::cell::OnceCell::new();
    let groups = || groups.get_or_init(|| account.all_groups()).as_slice();
    let applies = |p: &Policy| match scope {
        None => p.namespace.is_none(),
        Some(ns) => covers(p, ns),
    };
    policies.iter().find(|p| {
        applies(p)
            && p.actions.iter().any(|a| pattern_contains(a, action))
            && p.resources.iter().any(|r| pattern_contains(r, resource))
            && p.subjects
                .iter()
                .any(|s| subject_matches_groups(s, account, &groups))
    })
}

/// What lets a policy writer grant more than it holds, where the policy applies: `escalate` on
/// `policy` (Kubernetes RBAC's `escalate` verb). `*` on `policy` includes it.
pub const ESCALATE: (&str, &str) = ("escalate", "policy");

/// What naming a namespace's accounts in a policy of another scope needs there: `create` on
/// `serviceaccount`, the grant that owns a namespace's accounts (whoever may create an account
/// may act as it, and acting as an account is what such a policy otherwise guards).
pub const OWN_ACCOUNTS: (&str, &str) = ("create", "serviceaccount");

/// The accounts a policy subject can name, by namespace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reach {
    /// No namespace's accounts as such: a group of the accounts' own (`group:managers`), or a
    /// `system:` group that no account has. Giving an account such a group already needs a
    /// global `update` on `group`.
    Nowhere,
    /// The accounts of this namespace, not its children: a reference or name pattern (`prod/ci`,
    /// `prod/*`), or `group:system:serviceaccounts:prod`.
    Namespace(Namespace),
    /// Accounts of every namespace: `*`, `group:system:serviceaccounts`, and any group pattern
    /// that can match one of the `system:` groups every account has (`group:*`, `group:sys*`,
    /// `group:system:serviceaccounts:eng*`, which matches `engx` too).
    Everywhere,
}

/// Which accounts `subject` (in its stored form, see `normalize_subject`) can name; the same
/// reading as `subject_matches`.
pub fn subject_reach(subject: &str) -> Reach {
    const ALL: &str = "system:serviceaccounts";
    const ONE: &str = "system:serviceaccounts:";
    if subject == "*" {
        return Reach::Everywhere;
    }
    if let Some(group) = subject.strip_prefix("group:") {
        return match group.strip_suffix('*') {
            Some(prefix) if ONE.starts_with(prefix) || prefix.starts_with(ONE) => Reach::Everywhere,
            Some(_) => Reach::Nowhere,
            None if group == ALL => Reach::Everywhere,
            None => group
                .strip_prefix(ONE)
                .and_then(|ns| Namespace::parse(ns).ok())
                .map_or(Reach::Nowhere, Reach::Namespace),
        };
    }
    let ns = subject
        .rsplit_once('/')
        .map_or(crate::identity::DEFAULT_NAMESPACE, |(ns, _)| ns);
    Namespace::parse(ns).map_or(Reach::Nowhere, Reach::Namespace)
}

/// Why a writer may not write a policy (see `check_write`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Overreach {
    /// The policy grants `action` on `resource` (patterns) where the writer does not hold that
    /// itself, and no policy allows it `escalate` on `policy` there.
    Grant { action: String, resource: String },
    /// `subject` names accounts outside the policy's namespace, and no policy allows the writer
    /// `create` on `serviceaccount` where they are: in `needs`, or (`None`) globally.
    Subject {
        subject: String,
        needs: Option<Namespace>,
    },
}

/// Does `new` only take away from `old`: its subjects among the old ones, each of its actions
/// and resources contained in an old one (the description may change)? Such an update grants
/// no one anything new.
pub fn only_removes(old: &Policy, new: &Policy) -> bool {
    let within = |new: &[String], old: &[String]| {
        new.iter()
            .all(|n| old.iter().any(|o| pattern_contains(o, n)))
    };
    new.subjects.iter().all(|s| old.subjects.contains(s))
        && within(&new.actions, &old.actions)
        && within(&new.resources, &old.resources)
}

/// May `writer` store `new` (replacing `old`, on an update), given every stored policy? The
/// server asks it on every policy create and update; a local store has no caller to ask about.
///
/// 1. A writer grants only what it holds (Kubernetes RBAC's escalation rule): every action on
///    every resource of `new` must be held by the writer where `new` applies (see `holding`),
///    unless a policy there allows it `escalate` on `policy` (`ESCALATE`).
/// 2. A policy names accounts outside its own namespace only when the writer owns them: each
///    subject whose reach (`subject_reach`) is not exactly the policy's namespace (for a global
///    policy: any account subject) needs `create` on `serviceaccount` (`OWN_ACCOUNTS`) where
///    the accounts are (globally for a subject that reaches everywhere). Such a policy makes
///    acting as those accounts need its grant too (the server's `may_act_as`), so without this
///    a policy in `eng` naming `prod/*` would lock `prod`'s owner out of its own accounts. The
///    writer naming itself is no exception: that too would make acting as it need the grant.
///
/// An update that only takes away (`only_removes`) passes. Any other must pass both rules for
/// the whole new policy (a new subject gets all of it), rule 2 for the subjects it adds.
pub fn check_write(
    policies: &[Policy],
    writer: &Account,
    new: &Policy,
    old: Option<&Policy>,
) -> Result<(), Overreach> {
    if old.is_some_and(|old| only_removes(old, new)) {
        return Ok(());
    }
    let scope = new.namespace.as_ref();
    let (escalate, on) = ESCALATE;
    if holding(policies, writer, escalate, on, scope).is_none() {
        for action in &new.actions {
            for resource in &new.resources {
                if holding(policies, writer, action, resource, scope).is_none() {
                    return Err(Overreach::Grant {
                        action: action.clone(),
                        resource: resource.clone(),
                    });
                }
            }
        }
    }
    let (create, accounts) = OWN_ACCOUNTS;
    for subject in &new.subjects {
        if old.is_some_and(|old| old.subjects.contains(subject)) {
            continue;
        }
        let needs = match subject_reach(subject) {
            Reach::Nowhere => continue,
            Reach::Namespace(ns) if Some(&ns) == scope => continue,
            Reach::Namespace(ns) => Some(ns),
            Reach::Everywhere => None,
        };
        if holding(policies, writer, create, accounts, needs.as_ref()).is_none() {
            return Err(Overreach::Subject {
                subject: subject.clone(),
                needs,
            });
        }
    }
    Ok(())
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
            labels: Default::default(),
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

    #[test]
    fn containment_compares_meanings() {
        assert!(pattern_contains("*", "anything"));
        assert!(pattern_contains("*", "get*"));
        assert!(pattern_contains("*", "*"));
        assert!(pattern_contains("get*", "get"));
        assert!(pattern_contains("get*", "gets"));
        assert!(pattern_contains("get*", "get-*"));
        assert!(pattern_contains("get*", "get*"));
        assert!(pattern_contains("get", "get"));
        // A literal never contains a pattern, and a prefix never a shorter one.
        assert!(!pattern_contains("get", "get*"));
        assert!(!pattern_contains("get", "gets"));
        assert!(!pattern_contains("get*", "ge*"));
        assert!(!pattern_contains("get*", "*"));
        assert!(!pattern_contains("gets", "get"));
        // On plain values it is matching.
        for (p, v) in [("image*", "images"), ("image*", "imag"), ("get", "get")] {
            assert_eq!(pattern_contains(p, v), pattern_matches(p, v), "{p} {v}");
        }
    }

    #[test]
    fn holding_needs_one_policy_for_the_whole_pair_where_the_grant_applies() {
        let w = account("eng", "w", &["writers"]);
        let eng = Namespace::parse("eng").unwrap();
        let plat = Namespace::parse("eng/platform").unwrap();
        let ps = vec![
            policy(Some("eng"), &["eng/w"], &["get*"], &["image"]),
            policy(Some("eng"), &["group:writers"], &["push"], &["image*"]),
            policy(Some("eng/platform"), &["eng/*"], &["delete"], &["*"]),
        ];
        assert!(holding(&ps, &w, "get*", "image", Some(&eng)).is_some());
        assert!(holding(&ps, &w, "gets", "image", Some(&plat)).is_some());
        assert!(holding(&ps, &w, "push", "images", Some(&eng)).is_some());
        assert!(holding(&ps, &w, "push", "image-*", Some(&eng)).is_some());
        // `get*` on `image` and `push` on `image*`: never `get*` on `image*`, nor `*`.
        assert!(holding(&ps, &w, "get*", "image*", Some(&eng)).is_none());
        assert!(holding(&ps, &w, "*", "image", Some(&eng)).is_none());
        // A child's grant does not reach its parent; nothing namespaced is global.
        assert!(holding(&ps, &w, "delete", "x", Some(&plat)).is_some());
        assert!(holding(&ps, &w, "delete", "x", Some(&eng)).is_none());
        assert!(holding(&ps, &w, "get", "image", None).is_none());
        let global = vec![policy(None, &["eng/w"], &["get"], &["image"])];
        assert!(holding(&global, &w, "get", "image", None).is_some());
        assert!(holding(&global, &w, "get", "image", Some(&plat)).is_some());
        assert!(holding(&global, &account("eng", "x", &[]), "get", "image", None).is_none());
    }

    #[test]
    fn subjects_reach_namespaces() {
        let ns = |n: &str| Reach::Namespace(Namespace::parse(n).unwrap());
        assert_eq!(subject_reach("ci"), ns("default"));
        assert_eq!(subject_reach("prod/ci"), ns("prod"));
        assert_eq!(subject_reach("prod/*"), ns("prod"));
        assert_eq!(subject_reach("eng/platform/ci-*"), ns("eng/platform"));
        assert_eq!(subject_reach("*"), Reach::Everywhere);
        assert_eq!(
            subject_reach("group:system:serviceaccounts:prod"),
            ns("prod")
        );
        for everywhere in [
            "group:system:serviceaccounts",
            "group:*",
            "group:s*",
            "group:system:serviceaccounts*",
            "group:system:serviceaccounts:*",
            "group:system:serviceaccounts:eng*",
        ] {
            assert_eq!(subject_reach(everywhere), Reach::Everywhere, "{everywhere}");
        }
        for nowhere in [
            "group:managers",
            "group:managers*",
            "group:system:serviceaccountsx*",
            "group:system:nobody",
            "group:system:serviceaccounts:Not-A-Namespace",
        ] {
            assert_eq!(subject_reach(nowhere), Reach::Nowhere, "{nowhere}");
        }
        // The same reading as matching: a subject reaches the namespaces of the accounts it
        // can name.
        let prod_ci = account("prod", "ci", &[]);
        for s in [
            "prod/*",
            "group:system:serviceaccounts:prod",
            "*",
            "group:sys*",
        ] {
            assert!(subject_matches(s, &prod_ci), "{s}");
        }
    }

    #[test]
    fn an_update_that_only_takes_away() {
        let old = policy(
            Some("eng"),
            &["eng/a", "eng/b"],
            &["get*", "list"],
            &["image*"],
        );
        let new = |s: &[&str], a: &[&str], r: &[&str]| policy(Some("eng"), s, a, r);
        assert!(only_removes(&old, &old));
        assert!(only_removes(&old, &new(&["eng/a"], &["list"], &["image*"])));
        assert!(only_removes(
            &old,
            &new(&["eng/b"], &["gets", "get*"], &["images"])
        ));
        assert!(!only_removes(&old, &new(&["eng/c"], &["list"], &["image"])));
        assert!(!only_removes(&old, &new(&["eng/a"], &["*"], &["image"])));
        assert!(!only_removes(&old, &new(&["eng/a"], &["list"], &["*"])));
        assert!(!only_removes(&old, &new(&["eng/*"], &["list"], &["image"])));
    }

    #[test]
    fn a_writer_grants_only_what_it_holds_and_names_only_accounts_it_owns() {
        let w = account("eng", "w", &[]);
        let base = policy(Some("eng"), &["eng/w"], &["create"], &["policy"]);
        let write = |held: &[Policy], new: &Policy| {
            let mut all = vec![base.clone()];
            all.extend_from_slice(held);
            check_write(&all, &w, new, None)
        };
        // Only `create policy`: granting itself everything is refused, and anything else it
        // does not hold.
        let admin = policy(Some("eng"), &["eng/w"], &["*"], &["*"]);
        assert_eq!(
            write(&[], &admin),
            Err(Overreach::Grant {
                action: "*".into(),
                resource: "*".into()
            })
        );
        let pull = policy(Some("eng"), &["eng/x"], &["pull"], &["image"]);
        assert!(matches!(write(&[], &pull), Err(Overreach::Grant { .. })));
        // Holding `get*` grants `gets` and `get*`; holding `get` never `get*`.
        let get_star = policy(Some("eng"), &["eng/w"], &["get*"], &["image"]);
        let get = policy(Some("eng"), &["eng/w"], &["get"], &["image"]);
        let grant = |a: &str| policy(Some("eng"), &["eng/x"], &[a], &["image"]);
        assert_eq!(
            write(std::slice::from_ref(&get_star), &grant("gets")),
            Ok(())
        );
        assert_eq!(
            write(std::slice::from_ref(&get_star), &grant("get*")),
            Ok(())
        );
        assert!(write(std::slice::from_ref(&get), &grant("get*")).is_err());
        assert!(write(std::slice::from_ref(&get_star), &grant("ge*")).is_err());
        // Holdings in a parent reach a child's policy, not the other way, nor a global one.
        let in_plat = policy(
            Some("eng/platform"),
            &["eng/platform/x"],
            &["get"],
            &["image"],
        );
        assert_eq!(write(std::slice::from_ref(&get), &in_plat), Ok(()));
        let global = policy(None, &["eng/w"], &["get"], &["image"]);
        assert!(matches!(
            write(std::slice::from_ref(&get), &global),
            Err(Overreach::Grant { .. })
        ));
        let held_globally = policy(None, &["eng/w"], &["get"], &["image"]);
        assert!(matches!(
            write(std::slice::from_ref(&held_globally), &global),
            Err(Overreach::Subject { needs: Some(_), .. })
        ));
        // `escalate` on `policy` there lifts rule 1 (and `*` on `policy` includes it).
        let escalate = policy(Some("eng"), &["eng/w"], &["escalate"], &["policy"]);
        assert_eq!(write(std::slice::from_ref(&escalate), &admin), Ok(()));
        let star = policy(Some("eng"), &["eng/w"], &["*"], &["policy"]);
        assert_eq!(write(std::slice::from_ref(&star), &admin), Ok(()));
        let elsewhere = policy(Some("ops"), &["eng/w"], &["escalate"], &["policy"]);
        assert!(write(std::slice::from_ref(&elsewhere), &admin).is_err());

        // Rule 2: a full owner of `eng` may not name accounts of `prod`, nor every account.
        let subject = |s: &str| policy(Some("eng"), &[s], &["pull"], &["image"]);
        for (s, needs) in [
            ("prod/*", Some("prod")),
            ("prod/ci", Some("prod")),
            ("group:system:serviceaccounts:prod", Some("prod")),
            ("eng/platform/*", Some("eng/platform")),
            ("*", None),
            ("group:system:serviceaccounts", None),
            ("group:*", None),
        ] {
            assert_eq!(
                write(&[get.clone(), pull_for(&["eng/w"])], &subject(s)),
                Err(Overreach::Subject {
                    subject: s.into(),
                    needs: needs.map(|n| Namespace::parse(n).unwrap())
                }),
                "{s}"
            );
        }
        for s in [
            "eng/x",
            "eng/*",
            "group:system:serviceaccounts:eng",
            "group:managers",
        ] {
            assert_eq!(write(&[pull_for(&["eng/w"])], &subject(s)), Ok(()), "{s}");
        }
        // Owning `eng` (a grant in `eng` covers `eng/platform`), or the accounts of `prod`.
        let own_eng = policy(Some("eng"), &["eng/w"], &["create"], &["serviceaccount"]);
        let own_prod = policy(Some("prod"), &["eng/w"], &["create"], &["*"]);
        let held = [pull_for(&["eng/w"]), own_eng, own_prod];
        assert_eq!(write(&held, &subject("eng/platform/*")), Ok(()));
        assert_eq!(write(&held, &subject("prod/*")), Ok(()));
        assert!(write(&held, &subject("*")).is_err());
        let own_all = policy(None, &["eng/w"], &["create"], &["serviceaccount"]);
        assert_eq!(
            write(&[pull_for(&["eng/w"]), own_all], &subject("*")),
            Ok(())
        );
        // `escalate` does not lift rule 2.
        assert!(matches!(
            write(std::slice::from_ref(&escalate), &subject("prod/*")),
            Err(Overreach::Subject { .. })
        ));
    }

    /// `pull` on `image` in `eng` for `subjects`.
    fn pull_for(subjects: &[&str]) -> Policy {
        policy(Some("eng"), subjects, &["pull"], &["image"])
    }

    #[test]
    fn updates_that_only_take_away_pass_and_others_need_everything() {
        let w = account("eng", "w", &[]);
        let old = policy(
            Some("eng"),
            &["eng/a", "prod/b"],
            &["deploy", "get"],
            &["*"],
        );
        let held = vec![
            policy(Some("eng"), &["eng/w"], &["get"], &["*"]),
            policy(Some("eng"), &["eng/w"], &["update"], &["policy"]),
        ];
        let mut new = old.clone();
        new.actions = vec!["get".into()];
        new.subjects = vec!["prod/b".into()];
        new.description = "narrower".into();
        assert_eq!(check_write(&held, &w, &new, Some(&old)), Ok(()));
        // Adding a subject: it gets everything, `deploy` included.
        let mut added = old.clone();
        added.subjects.push("eng/c".into());
        assert_eq!(
            check_write(&held, &w, &added, Some(&old)),
            Err(Overreach::Grant {
                action: "deploy".into(),
                resource: "*".into()
            })
        );
        // Holding all of it, a new subject of `eng` passes; the old `prod/b` is not asked
        // about again, a new one of `prod` is.
        let mut all = held.clone();
        all.push(policy(Some("eng"), &["eng/w"], &["deploy"], &["*"]));
        assert_eq!(check_write(&all, &w, &added, Some(&old)), Ok(()));
        let mut prod = old.clone();
        prod.subjects.push("prod/c".into());
        assert!(matches!(
            check_write(&all, &w, &prod, Some(&old)),
            Err(Overreach::Subject { .. })
        ));
    }
}
