//! Names, namespaces and account references: DNS-1123 labels, namespaces as labels joined by
//! `/`, and an account's reference `name` in `default` and `ns/name` elsewhere.

use std::fmt;

use crate::error::UserError;

/// The namespace used when none is given.
pub const DEFAULT_NAMESPACE: &str = "default";

/// Longest DNS-1123 label.
pub const MAX_NAME_LEN: usize = 63;

/// Longest namespace: the file store keeps a namespace's record in the file
/// `<namespace>.toml`, and a file name has at most 255 bytes. The one limit, checked by
/// `Namespace::parse`, so that no namespace a store could not hold (a record, a folder, a
/// keystore folder) reaches one through any command or request.
pub const MAX_NAMESPACE_LEN: usize = 255 - ".toml".len();

/// Checks one DNS-1123 label: `[a-z0-9]([-a-z0-9]*[a-z0-9])?`, at most 63 characters.
fn label_problem(s: &str) -> Option<&'static str> {
    if s.is_empty() {
        return Some("it is empty");
    }
    if s.len() > MAX_NAME_LEN {
        return Some("it is longer than 63 characters");
    }
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        return Some("it has upper-case letters");
    }
    if s == "." || s == ".." || s.contains('/') {
        return Some("it contains `/` or is `.`/`..`");
    }
    if !s
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return Some("only a-z, 0-9 and `-` are allowed");
    }
    if s.starts_with('-') || s.ends_with('-') {
        return Some("it must start and end with a letter or digit");
    }
    None
}

/// Refuses an identifier that is not what it shows: `field` (a group, a user id, a policy's
/// subject, action or resource, an audience, a claim name) holds a control character, a
/// bidirectional-text control (U+202E shows `nimda` as `admin`) or an invisible character
/// (`admins\u{200b}` shows as `admins`). The message names the character by its code point and
/// shows the value escaped, never the character itself. Names and namespaces need no such
/// check: they are DNS labels.
pub fn check_visible(field: &str, s: &str) -> Result<(), UserError> {
    let Some((c, kind)) = s
        .chars()
        .find_map(|c| crate::output::hidden_kind(c).map(|kind| (c, kind)))
    else {
        return Ok(());
    };
    let mut shown = crate::output::sanitize(&s.chars().take(64).collect::<String>());
    if s.chars().nth(64).is_some() {
        shown.push('…');
    }
    Err(UserError::Usage(format!(
        "invalid {field} `{shown}`: it contains U+{:04X}, {kind}; identifiers may not hold \
         control, bidirectional-text or invisible characters",
        u32::from(c)
    )))
}

/// A validated DNS-1123 label used as an account or policy name.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Name(String);

impl Name {
    pub fn parse(s: &str) -> Result<Name, UserError> {
        match label_problem(s) {
            None => Ok(Name(s.to_owned())),
            Some(why) => Err(UserError::InvalidName {
                name: crate::output::sanitize(s),
                why,
            }),
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A validated, possibly hierarchical namespace: labels joined by `/`, e.g. `eng/platform`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Namespace(String);

impl Namespace {
    pub fn parse(s: &str) -> Result<Namespace, UserError> {
        if s.len() > MAX_NAMESPACE_LEN {
            return Err(UserError::InvalidNamespace {
                namespace: crate::output::sanitize(&s.chars().take(40).collect::<String>()) + "…",
                why: "it is longer than 250 characters, too long for a file name in a store",
            });
        }
        for seg in s.split('/') {
            if let Some(why) = label_problem(seg) {
                return Err(UserError::InvalidNamespace {
                    namespace: crate::output::sanitize(s),
                    why,
                });
            }
        }
        Ok(Namespace(s.to_owned()))
    }
    pub fn default_ns() -> Namespace {
        Namespace(DEFAULT_NAMESPACE.to_owned())
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// True when `self` is `other` or one of its descendants (`eng/platform` is within `eng`).
    pub fn is_within(&self, other: &Namespace) -> bool {
        self.0 == other.0
            || (self.0.len() > other.0.len()
                && self.0.starts_with(&other.0)
                && self.0.as_bytes()[other.0.len()] == b'/')
    }
    /// `default`, which always exists and has no record.
    pub fn is_default(&self) -> bool {
        self.0 == DEFAULT_NAMESPACE
    }
    /// The namespace this one is a child of: `eng` for `eng/platform`; `None` at the top.
    pub fn parent(&self) -> Option<Namespace> {
        self.0
            .rsplit_once('/')
            .map(|(parent, _)| Namespace(parent.to_owned()))
    }
    /// A single path component for this namespace: `/` becomes `.`, which no label may contain.
    pub fn dir_name(&self) -> String {
        self.0.replace('/', ".")
    }
    pub fn from_dir_name(s: &str) -> Result<Namespace, UserError> {
        Namespace::parse(&s.replace('.', "/"))
    }
}

impl fmt::Display for Namespace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An account reference: `name` in `default`, `ns/name` elsewhere.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Reference {
    pub namespace: Namespace,
    pub name: Name,
}

impl Reference {
    pub fn new(namespace: Namespace, name: Name) -> Self {
        Reference { namespace, name }
    }

    /// Parses `name` or `ns/…/name`; a bare name lives in `default_ns`.
    pub fn parse(s: &str, default_ns: &Namespace) -> Result<Reference, UserError> {
        match s.rsplit_once('/') {
            None => Ok(Reference::new(default_ns.clone(), Name::parse(s)?)),
            Some((ns, name)) => {
                if name.is_empty() || name == ".." || name == "." || ns.is_empty() {
                    return Err(UserError::InvalidName {
                        name: crate::output::sanitize(s),
                        why: "it contains `/` or is `.`/`..`",
                    });
                }
                Ok(Reference::new(Namespace::parse(ns)?, Name::parse(name)?))
            }
        }
    }

    /// Parses what a user typed: `name` (in `default_ns`), `ns/name`, or the username
    /// `system:serviceaccount:ns:name` that kubectl users know.
    pub fn parse_input(s: &str, default_ns: &Namespace) -> Result<Reference, UserError> {
        match s
            .strip_prefix("system:serviceaccount:")
            .and_then(|rest| rest.rsplit_once(':'))
        {
            Some((ns, name)) => Ok(Reference::new(Namespace::parse(ns)?, Name::parse(name)?)),
            None => Reference::parse(s, default_ns),
        }
    }

    /// Parses a token's `iss`: a reference whose bare form means the `default` namespace.
    pub fn parse_canonical(s: &str) -> Result<Reference, UserError> {
        Reference::parse(s, &Namespace::default_ns())
    }

    /// `system:serviceaccount:<ns>:<name>`
    pub fn username(&self) -> String {
        format!("system:serviceaccount:{}:{}", self.namespace, self.name)
    }

    /// The groups every account belongs to, before its own.
    pub fn system_groups(&self) -> [String; 2] {
        [
            "system:serviceaccounts".to_owned(),
            format!("system:serviceaccounts:{}", self.namespace),
        ]
    }
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.namespace.as_str() == DEFAULT_NAMESPACE {
            write!(f, "{}", self.name)
        } else {
            write!(f, "{}/{}", self.namespace, self.name)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_show_what_they_are() {
        assert!(check_visible("group", "ops.eng:admins-2").is_ok());
        assert!(check_visible("user id", "zoë@example.com").is_ok());
        assert_eq!(
            check_visible("group", "admins\u{200b}")
                .unwrap_err()
                .to_string(),
            "invalid group `admins\\u{200b}`: it contains U+200B, an invisible formatting \
             character; identifiers may not hold control, bidirectional-text or invisible \
             characters"
        );
        let e = check_visible("action", &format!("{}\u{202e}x", "a".repeat(70))).unwrap_err();
        let e = e.to_string();
        assert!(!e.contains('\u{202e}'), "{e}");
        assert!(e.contains(&format!("`{}…`", "a".repeat(64))), "{e}");
        assert!(
            e.contains("U+202E, a bidirectional-text control character"),
            "{e}"
        );
        assert_eq!(e.split('`').count(), 3, "{e}");
    }

    #[test]
    fn namespaces_fit_in_a_file_name() {
        assert_eq!(MAX_NAMESPACE_LEN, 250);
        let ok = format!("{}/{}", vec!["a".repeat(63); 3].join("/"), "b".repeat(58));
        assert_eq!(ok.len(), MAX_NAMESPACE_LEN);
        assert!(Namespace::parse(&ok).is_ok());
        assert!(Namespace::parse(&format!("{ok}b")).is_err());
        assert!(Namespace::parse(&format!("{ok}/b")).is_err());
        let long = vec!["abcdefghi"; 30].join("/");
        let e = Namespace::parse(&long).unwrap_err().to_string();
        assert!(e.contains("longer than 250 characters"), "{e}");
        assert!(e.len() < 250, "{e}");
    }

    #[test]
    fn labels() {
        for ok in ["a", "ci-bot", "x1", &"a".repeat(63)] {
            assert!(Name::parse(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "A",
            "Ci",
            "a/b",
            "..",
            ".",
            "-a",
            "a-",
            "a_b",
            "a.b",
            &"a".repeat(64),
            "ä",
        ] {
            assert!(Name::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn references() {
        let d = Namespace::default_ns();
        let r = Reference::parse("ci-bot", &d).unwrap();
        assert_eq!(r.to_string(), "ci-bot");
        assert_eq!(r.username(), "system:serviceaccount:default:ci-bot");
        let r = Reference::parse("eng/platform/ci", &d).unwrap();
        assert_eq!(r.namespace.as_str(), "eng/platform");
        assert_eq!(r.to_string(), "eng/platform/ci");
        let r = Reference::parse("ci", &Namespace::parse("eng").unwrap()).unwrap();
        assert_eq!(r.to_string(), "eng/ci");
        assert_eq!(
            Reference::parse("default/ci", &d).unwrap().to_string(),
            "ci"
        );
        for bad in ["../x", "a/..", "/x", "x/", "a//b", "A/b"] {
            assert!(Reference::parse(bad, &d).is_err(), "{bad}");
        }
    }

    #[test]
    fn namespace_nesting() {
        let eng = Namespace::parse("eng").unwrap();
        let plat = Namespace::parse("eng/platform").unwrap();
        let engx = Namespace::parse("engx").unwrap();
        assert!(plat.is_within(&eng));
        assert!(eng.is_within(&eng));
        assert!(!engx.is_within(&eng));
        assert!(!eng.is_within(&plat));
        assert_eq!(Namespace::from_dir_name(&plat.dir_name()).unwrap(), plat);
    }
}

macro_rules! serde_as_str {
    ($t:ty) => {
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                <$t>::parse(&s).map_err(serde::de::Error::custom)
            }
        }
    };
}
serde_as_str!(Name);
serde_as_str!(Namespace);
