//! Labels on accounts, policies and namespaces, and the selectors that pick records by them:
//! Kubernetes' syntax and meaning exactly (kubernetes.io, "Labels and Selectors";
//! `k8s.io/apimachinery/pkg/labels/selector.go`).
//!
//! Hand-written: the Rust selector crates are either a whole Kubernetes client (`kube-core`,
//! with `k8s-openapi`'s generated types, for one parser) or unmaintained since 2018
//! (`simple-selectors`, whose keys are not checked). The grammar is small:
//!
//! ```text
//! selector    = requirement { "," requirement }
//! requirement = ["!"] KEY
//!             | KEY ("=" | "==" | "!=") VALUE
//!             | KEY ("in" | "notin") "(" [VALUE { "," VALUE }] ")"
//! ```

use std::collections::BTreeMap;

use crate::error::UserError;
use crate::output::sanitize;

/// A record's labels, sorted by key (the file store's TOML and the JSON keep that order).
pub type Labels = BTreeMap<String, String>;

/// Longest name part of a key, and longest value.
const MAX_NAME: usize = 63;
/// Longest prefix of a key (a DNS subdomain).
const MAX_PREFIX: usize = 253;

/// `[a-z0-9A-Z]([-_.a-zA-Z0-9]*[a-zA-Z0-9])?`: the name part of a key, and a non-empty value.
fn is_qualified_name_part(s: &str) -> bool {
    let b = s.as_bytes();
    let inner = |c: &u8| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.');
    !b.is_empty()
        && b[0].is_ascii_alphanumeric()
        && b[b.len() - 1].is_ascii_alphanumeric()
        && b.iter().all(inner)
}

/// A lower-case RFC 1123 subdomain: labels of `[a-z0-9]([-a-z0-9]*[a-z0-9])?` joined by `.`.
fn is_dns_subdomain(s: &str) -> bool {
    s.split('.').all(|l| {
        let b = l.as_bytes();
        let inner = |c: &u8| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-';
        !b.is_empty() && b[0] != b'-' && b[b.len() - 1] != b'-' && b.iter().all(inner)
    })
}

/// Why `key` is not a label key, or `None`.
pub fn key_problem(key: &str) -> Option<String> {
    let (prefix, name) = match key.split_once('/') {
        Some((p, n)) => (Some(p), n),
        None => (None, key),
    };
    if let Some(p) = prefix {
        if p.is_empty() {
            return Some("its prefix (before `/`) is empty".into());
        }
        if p.len() > MAX_PREFIX {
            return Some(format!(
                "its prefix (before `/`) is longer than {MAX_PREFIX} characters"
            ));
        }
        if !is_dns_subdomain(p) {
            return Some(
                "its prefix (before `/`) must be a DNS subdomain: lower-case letters, digits, \
                 `-` and `.`, starting and ending with a letter or digit (e.g. `example.com`)"
                    .into(),
            );
        }
    }
    if name.is_empty() {
        return Some("its name is empty".into());
    }
    if name.len() > MAX_NAME {
        return Some(format!("its name is longer than {MAX_NAME} characters"));
    }
    if !is_qualified_name_part(name) {
        return Some(
            "its name must be letters, digits, `-`, `_` and `.`, starting and ending with a \
             letter or digit, with at most one `/` before it (e.g. `team` or `example.com/team`)"
                .into(),
        );
    }
    None
}

/// Why `value` is not a label value, or `None`. A value may be empty.
pub fn value_problem(value: &str) -> Option<String> {
    if value.len() > MAX_NAME {
        return Some(format!("it is longer than {MAX_NAME} characters"));
    }
    if !value.is_empty() && !is_qualified_name_part(value) {
        return Some(
            "it must be empty, or letters, digits, `-`, `_` and `.`, starting and ending with a \
             letter or digit"
                .into(),
        );
    }
    None
}

fn shown(s: &str) -> String {
    sanitize(&s.chars().take(80).collect::<String>())
}

/// Checks a key, as `--label`, `--remove-label` and a request body give it.
pub fn check_key(key: &str) -> Result<(), UserError> {
    match key_problem(key) {
        Some(why) => Err(UserError::Usage(format!(
            "invalid label key `{}`: {why}",
            shown(key)
        ))),
        None => Ok(()),
    }
}

/// Checks one label.
pub fn check(key: &str, value: &str) -> Result<(), UserError> {
    check_key(key)?;
    match value_problem(value) {
        Some(why) => Err(UserError::Usage(format!(
            "invalid value `{}` of label `{key}`: {why}",
            shown(value)
        ))),
        None => Ok(()),
    }
}

/// Checks every label of a record (a request body's, say).
pub fn check_all(labels: &Labels) -> Result<(), UserError> {
    labels.iter().try_for_each(|(k, v)| check(k, v))
}

/// `--label KEY=VALUE` (the value may be empty: `KEY=`), each checked; a key given twice
/// keeps the last value, as kubectl does.
pub fn parse_assignments(raw: &[String]) -> Result<Labels, UserError> {
    let mut labels = Labels::new();
    for a in raw {
        let Some((k, v)) = a.split_once('=') else {
            return Err(UserError::Usage(format!(
                "invalid label `{}`: write it as KEY=VALUE (an empty value: KEY=)",
                shown(a)
            )));
        };
        check(k, v)?;
        labels.insert(k.to_owned(), v.to_owned());
    }
    Ok(labels)
}

/// An update's `--label` assignments and `--remove-label` keys, refused when both name a key:
/// which one was meant cannot be told (kubectl refuses `env=dev env-` too).
pub fn parse_changes(
    set: &[String],
    remove: &[String],
) -> Result<(Labels, Vec<String>), UserError> {
    let (set, remove) = (parse_assignments(set)?, parse_keys(remove)?);
    if let Some(k) = remove.iter().find(|k| set.contains_key(*k)) {
        return Err(UserError::Usage(format!(
            "--label {k}=… and --remove-label {k} both change `{k}`: give one of them"
        )));
    }
    Ok((set, remove))
}

/// Makes on `labels` the changes `parse_changes` read (`--label`, `--remove-label`) and
/// returns the keys to remove that `labels` did not have: not an error, kubectl warns and goes
/// on.
pub fn apply_changes(labels: &mut Labels, set: &Labels, remove: &[String]) -> Vec<String> {
    let absent = remove
        .iter()
        .filter(|k| labels.remove(*k).is_none())
        .cloned()
        .collect();
    labels.extend(set.iter().map(|(k, v)| (k.clone(), v.clone())));
    absent
}

/// `--remove-label KEY`, each checked.
pub fn parse_keys(raw: &[String]) -> Result<Vec<String>, UserError> {
    raw.iter()
        .map(|k| check_key(k).map(|()| k.clone()))
        .collect()
}

/// `k=v,k2=v2` as kubectl's `--show-labels` prints them, or `<none>`.
pub fn show(labels: &Labels) -> String {
    if labels.is_empty() {
        return "<none>".into();
    }
    labels
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(",")
}

/// What a requirement asks of a key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Op {
    /// `k=v`, `k==v`: the key is there with that value.
    Equals(String),
    /// `k!=v`: the key is not there, or has another value.
    NotEquals(String),
    /// `k in (a,b)`: the key is there with one of the values.
    In(Vec<String>),
    /// `k notin (a)`: the key is not there, or has none of the values.
    NotIn(Vec<String>),
    /// `k`: the key is there.
    Exists,
    /// `!k`: the key is not there.
    DoesNotExist,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Requirement {
    pub key: String,
    pub op: Op,
}

impl Requirement {
    pub fn matches(&self, labels: &Labels) -> bool {
        let v = labels.get(&self.key);
        match &self.op {
            Op::Equals(x) => v == Some(x),
            Op::NotEquals(x) => v != Some(x),
            Op::In(xs) => v.is_some_and(|v| xs.contains(v)),
            Op::NotIn(xs) => !v.is_some_and(|v| xs.contains(v)),
            Op::Exists => v.is_some(),
            Op::DoesNotExist => v.is_none(),
        }
    }
}

/// A parsed selector: every requirement must hold (`,` is AND). The empty selector matches
/// everything, as Kubernetes' does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Selector {
    pub requirements: Vec<Requirement>,
    /// The text it was parsed from, sent as is to a server (`?labelSelector=`).
    source: String,
}

impl Selector {
    pub fn matches(&self, labels: &Labels) -> bool {
        self.requirements.iter().all(|r| r.matches(labels))
    }

    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// `-l`'s value parsed, when the command line has one (`parse`).
    pub fn parse_given(text: Option<&str>) -> Result<Option<Selector>, UserError> {
        text.map(Selector::parse).transpose()
    }

    /// Parses `-l`/`labelSelector`; the error says what is wrong and where.
    pub fn parse(text: &str) -> Result<Selector, UserError> {
        let bad = |why: String| {
            UserError::Usage(format!(
                "invalid label selector `{}`: {why} (write e.g. `team=web`, `tier!=db`, \
                 `env in (prod,staging)`, `env notin (dev)`, `team`, `!legacy`; a comma is AND)",
                shown(text)
            ))
        };
        let mut p = Parser {
            s: text.as_bytes(),
            i: 0,
        };
        let mut requirements = vec![];
        p.skip_space();
        if p.at_end() {
            return Ok(Selector {
                requirements,
                source: text.to_owned(),
            });
        }
        loop {
            requirements.push(p.requirement().map_err(bad)?);
            p.skip_space();
            if p.at_end() {
                break;
            }
            if !p.eat(b",") {
                return Err(bad(format!(
                    "expected `,` or the end at character {}",
                    p.i + 1
                )));
            }
        }
        Ok(Selector {
            requirements,
            source: text.to_owned(),
        })
    }
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn at_end(&self) -> bool {
        self.i >= self.s.len()
    }

    fn skip_space(&mut self) {
        while self.i < self.s.len() && self.s[self.i].is_ascii_whitespace() {
            self.i += 1;
        }
    }

    fn eat(&mut self, t: &[u8]) -> bool {
        if self.s[self.i..].starts_with(t) {
            self.i += t.len();
            true
        } else {
            false
        }
    }

    /// A key or a value: everything up to a space, `,`, `=`, `!`, `(` or `)`.
    fn word(&mut self) -> String {
        let start = self.i;
        while self.i < self.s.len() && !b" \t\n\r,=!()".contains(&self.s[self.i]) {
            self.i += 1;
        }
        String::from_utf8_lossy(&self.s[start..self.i]).into_owned()
    }

    fn key(&mut self) -> Result<String, String> {
        self.skip_space();
        let at = self.i + 1;
        let key = self.word();
        if key.is_empty() {
            return Err(format!("expected a label key at character {at}"));
        }
        match key_problem(&key) {
            Some(why) => Err(format!("invalid key `{}`: {why}", shown(&key))),
            None => Ok(key),
        }
    }

    fn value(&mut self) -> Result<String, String> {
        self.skip_space();
        let value = self.word();
        match value_problem(&value) {
            Some(why) => Err(format!("invalid value `{}`: {why}", shown(&value))),
            None => Ok(value),
        }
    }

    fn requirement(&mut self) -> Result<Requirement, String> {
        self.skip_space();
        if self.eat(b"!") {
            let key = self.key()?;
            self.skip_space();
            if !self.at_end() && self.s[self.i] != b',' {
                return Err(format!(
                    "`!{key}` takes no operator or value (it means: without the label `{key}`)"
                ));
            }
            return Ok(Requirement {
                key,
                op: Op::DoesNotExist,
            });
        }
        let key = self.key()?;
        self.skip_space();
        let op = if self.at_end() || self.s[self.i] == b',' {
            Op::Exists
        } else if self.eat(b"==") || self.eat(b"=") {
            Op::Equals(self.value()?)
        } else if self.eat(b"!=") {
            Op::NotEquals(self.value()?)
        } else {
            let at = self.i + 1;
            match self.word().as_str() {
                "in" => Op::In(self.set()?),
                "notin" => Op::NotIn(self.set()?),
                other => {
                    return Err(format!(
                        "expected `=`, `==`, `!=`, `in` or `notin` after `{key}` at character \
                         {at}, found `{}`",
                        shown(if other.is_empty() {
                            std::str::from_utf8(&self.s[self.i..self.i + 1]).unwrap_or("?")
                        } else {
                            other
                        })
                    ));
                }
            }
        };
        Ok(Requirement { key, op })
    }

    /// `(a, b)`, at least one value (as Kubernetes requires of `in` and `notin`).
    fn set(&mut self) -> Result<Vec<String>, String> {
        self.skip_space();
        if !self.eat(b"(") {
            return Err(format!(
                "expected `(` at character {} (a set is written `(a,b)`)",
                self.i + 1
            ));
        }
        let mut values = vec![];
        loop {
            let v = self.value()?;
            self.skip_space();
            if v.is_empty() && values.is_empty() && self.s.get(self.i) == Some(&b')') {
                return Err("the set `()` is empty: name at least one value".into());
            }
            values.push(v);
            if self.eat(b")") {
                return Ok(values);
            }
            if !self.eat(b",") {
                return Err(if self.at_end() {
                    "the set is not closed: `)` is missing".to_owned()
                } else {
                    format!("expected `,` or `)` at character {}", self.i + 1)
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(pairs: &[(&str, &str)]) -> Labels {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    fn sel(s: &str) -> Selector {
        Selector::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    fn err(s: &str) -> String {
        Selector::parse(s).unwrap_err().to_string()
    }

    #[test]
    fn keys_follow_kubernetes() {
        for ok in [
            "a",
            "team",
            "A_b.c-d",
            "example.com/team",
            "a.b-c.d/x",
            &"x".repeat(63),
            &format!("{}/n", "a".repeat(253)),
        ] {
            assert_eq!(key_problem(ok), None, "{ok}");
        }
        for (bad, why) in [
            ("", "its name is empty"),
            ("/x", "its prefix (before `/`) is empty"),
            ("a/", "its name is empty"),
            ("-a", "its name must be"),
            ("a-", "its name must be"),
            ("a b", "its name must be"),
            ("a/b/c", "its name must be"),
            (
                "Example.com/x",
                "its prefix (before `/`) must be a DNS subdomain",
            ),
            ("a..b/x", "must be a DNS subdomain"),
            ("-a.com/x", "must be a DNS subdomain"),
        ] {
            let got = key_problem(bad).unwrap_or_default();
            assert!(got.contains(why), "{bad}: {got}");
        }
        assert_eq!(
            key_problem(&"x".repeat(64)).unwrap(),
            "its name is longer than 63 characters"
        );
        assert_eq!(
            key_problem(&format!("{}/n", "a".repeat(254))).unwrap(),
            "its prefix (before `/`) is longer than 253 characters"
        );
    }

    #[test]
    fn values_follow_kubernetes() {
        for ok in ["", "a", "v1.2_3-x", &"v".repeat(63)] {
            assert_eq!(value_problem(ok), None, "{ok}");
        }
        assert!(value_problem("-a").is_some());
        assert!(value_problem("a b").is_some());
        assert!(value_problem("a/b").is_some());
        assert_eq!(
            value_problem(&"v".repeat(64)).unwrap(),
            "it is longer than 63 characters"
        );
    }

    #[test]
    fn assignments() {
        let l =
            parse_assignments(&["team=web".into(), "empty=".into(), "team=api".into()]).unwrap();
        assert_eq!(l, labels(&[("empty", ""), ("team", "api")]));
        assert_eq!(
            parse_assignments(&["team".into()]).unwrap_err().to_string(),
            "invalid label `team`: write it as KEY=VALUE (an empty value: KEY=)"
        );
        assert!(
            parse_assignments(&["team=a b".into()])
                .unwrap_err()
                .to_string()
                .starts_with("invalid value `a b` of label `team`: it must be empty, or")
        );
        assert_eq!(show(&l), "empty=,team=api");
        assert_eq!(show(&Labels::new()), "<none>");
    }

    #[test]
    fn each_form_parses() {
        let r = |key: &str, op: Op| Requirement {
            key: key.into(),
            op,
        };
        assert_eq!(sel("a=b").requirements, [r("a", Op::Equals("b".into()))]);
        assert_eq!(sel("a==b").requirements, [r("a", Op::Equals("b".into()))]);
        assert_eq!(sel("a = ").requirements, [r("a", Op::Equals("".into()))]);
        assert_eq!(
            sel("a!=b").requirements,
            [r("a", Op::NotEquals("b".into()))]
        );
        assert_eq!(
            sel("env in (prod, staging)").requirements,
            [r("env", Op::In(vec!["prod".into(), "staging".into()]))]
        );
        assert_eq!(
            sel("env notin (dev)").requirements,
            [r("env", Op::NotIn(vec!["dev".into()]))]
        );
        assert_eq!(sel("x").requirements, [r("x", Op::Exists)]);
        assert_eq!(sel(" ! x ").requirements, [r("x", Op::DoesNotExist)]);
        assert_eq!(
            sel("a=b,!c,example.com/d in (e),f").requirements,
            [
                r("a", Op::Equals("b".into())),
                r("c", Op::DoesNotExist),
                r("example.com/d", Op::In(vec!["e".into()])),
                r("f", Op::Exists),
            ]
        );
        assert!(sel("").requirements.is_empty());
        assert_eq!(sel("a in (b)").as_str(), "a in (b)");
    }

    #[test]
    fn matching_is_kubernetes_matching() {
        let l = labels(&[("team", "web"), ("env", "prod")]);
        let none = Labels::new();
        for (s, on_l, on_none) in [
            ("team=web", true, false),
            ("team==api", false, false),
            ("team!=api", true, true),
            ("team!=web", false, true),
            ("env in (prod,dev)", true, false),
            ("env in (dev)", false, false),
            ("env notin (dev)", true, true),
            ("env notin (prod)", false, true),
            ("team", true, false),
            ("!team", false, true),
            ("team=web,env=prod", true, false),
            ("team=web,env=dev", false, false),
            ("", true, true),
        ] {
            assert_eq!(sel(s).matches(&l), on_l, "{s}");
            assert_eq!(sel(s).matches(&none), on_none, "{s} on none");
        }
    }

    #[test]
    fn errors_say_what_is_wrong() {
        let tail = " (write e.g. `team=web`, `tier!=db`, `env in (prod,staging)`, `env notin \
                    (dev)`, `team`, `!legacy`; a comma is AND)";
        for (s, why) in [
            ("a=b c", "expected `,` or the end at character 5"),
            (
                "a in b",
                "expected `(` at character 6 (a set is written `(a,b)`)",
            ),
            ("a in (b", "the set is not closed: `)` is missing"),
            (
                "a notin ()",
                "the set `()` is empty: name at least one value",
            ),
            ("a in (b c)", "expected `,` or `)` at character 9"),
            ("a=b,", "expected a label key at character 5"),
            (",a", "expected a label key at character 1"),
            (
                "a exists",
                "expected `=`, `==`, `!=`, `in` or `notin` after `a` at character 3, found `exists`",
            ),
            (
                "a<3",
                "invalid key `a<3`: its name must be letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit, with at most one `/` before it (e.g. `team` or `example.com/team`)",
            ),
            (
                "!a=b",
                "`!a` takes no operator or value (it means: without the label `a`)",
            ),
            (
                "a=-b",
                "invalid value `-b`: it must be empty, or letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit",
            ),
        ] {
            assert_eq!(
                err(s),
                format!("invalid label selector `{s}`: {why}{tail}"),
                "{s}"
            );
        }
    }
}
