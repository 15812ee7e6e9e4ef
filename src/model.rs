//! The records a store keeps: service accounts with their public keys, and policies.
//!
//! Field names here are the on-disk TOML format of the file store and the `-o json` format
//! (README "JSON output"); change them only with a migration.

use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};

use crate::error::UserError;
use crate::identity::{Name, Namespace, Reference};
use crate::labels::Labels;
use crate::output::sanitize;
use crate::token::claims::LEEWAY;
use jsonwebtoken::Algorithm;

/// The one algorithm an account key signs with (RFC 8725 §3.1: each key is used with exactly
/// one algorithm, and verification checks it). Its published JWK says so in `alg`, which is
/// what strict verifiers (jose, PyJWT's `PyJWK`) need to accept the account's tokens.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum KeyAlgorithm {
    /// Keys registered before svcacct recorded an algorithm were published as RS256.
    #[default]
    RS256,
    RS384,
    RS512,
}

impl KeyAlgorithm {
    pub const ALL: [KeyAlgorithm; 3] = [
        KeyAlgorithm::RS256,
        KeyAlgorithm::RS384,
        KeyAlgorithm::RS512,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            KeyAlgorithm::RS256 => "RS256",
            KeyAlgorithm::RS384 => "RS384",
            KeyAlgorithm::RS512 => "RS512",
        }
    }

    /// `RS256`, `RS384` or `RS512`, exactly (the JOSE names are case-sensitive).
    pub fn parse(name: &str) -> Option<KeyAlgorithm> {
        KeyAlgorithm::ALL.into_iter().find(|a| a.as_str() == name)
    }

    pub fn jwt(self) -> jsonwebtoken::Algorithm {
        match self {
            KeyAlgorithm::RS256 => jsonwebtoken::Algorithm::RS256,
            KeyAlgorithm::RS384 => jsonwebtoken::Algorithm::RS384,
            KeyAlgorithm::RS512 => jsonwebtoken::Algorithm::RS512,
        }
    }
}

impl std::fmt::Display for KeyAlgorithm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One registered public key of an account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KeyRecord {
    /// RFC 7638 JWK thumbprint (SHA-256, base64url).
    pub kid: String,
    /// `SHA256:<base64 of SHA-256 of the SPKI DER>`.
    pub fingerprint: String,
    pub bits: u32,
    /// The algorithm its tokens are signed with; absent in records written before it was kept
    /// (those keys are RS256, as their JWKs always said).
    #[serde(default)]
    pub algorithm: KeyAlgorithm,
    pub created: Timestamp,
    /// SPKI PEM (`-----BEGIN PUBLIC KEY-----`).
    pub public_key: String,
}

impl KeyRecord {
    /// The record of `public`, registered at `now` to sign with `algorithm`.
    pub fn new(public: &crate::keys::PublicKey, algorithm: KeyAlgorithm, now: Timestamp) -> Self {
        KeyRecord {
            kid: public.kid(),
            fingerprint: public.fingerprint(),
            bits: public.bits() as u32,
            algorithm,
            created: now,
            public_key: public.to_pem(),
        }
    }

    /// The digest of its modulus (`crate::keys::modulus_digest`); `None` for a hand-edited
    /// record that is not an RSA SPKI PEM.
    pub fn modulus_digest(&self) -> Option<crate::keys::ModulusDigest> {
        crate::keys::modulus_digest(&self.public_key)
    }

    /// The registered public key, parsed; a hand-edited record that no longer parses is named.
    pub fn public(
        &self,
        owner: &Reference,
    ) -> Result<crate::keys::PublicKey, crate::keys::KeyError> {
        crate::keys::PublicKey::parse(
            self.public_key.as_bytes(),
            &format!("key {} of service account `{owner}` in the store", self.kid),
        )
    }
}

/// A service account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Account {
    pub name: Name,
    pub namespace: Namespace,
    /// Random id fixed at creation; a re-created account of the same name gets a new one.
    pub uid: String,
    /// Bumped by every write; an update that read an older revision is refused.
    pub revision: u64,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub groups: Vec<String>,
    /// Kubernetes-style labels (`crate::labels`); absent in records written before svcacct
    /// kept them, and left out when empty, so such records are written as before.
    #[serde(default, skip_serializing_if = "Labels::is_empty")]
    pub labels: Labels,
    #[serde(default)]
    pub disabled: bool,
    pub created: Timestamp,
    pub updated: Timestamp,
    /// When a rename gave the account its current name (absent: it has had it since
    /// `created`). Self-signed tokens minted before then are refused: they were minted for
    /// whatever held the name before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renamed: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<Timestamp>,
    #[serde(default)]
    pub keys: Vec<KeyRecord>,
    /// The directory user this account acts for (Pomerium's impersonation): its tokens carry
    /// `sub` = this user id and `act: {"sub": <reference>}` (RFC 8693).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub impersonates: Option<String>,
}

/// What `get` shows in STATUS.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Active,
    Disabled,
    Expired,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::Disabled => "disabled",
            Status::Expired => "expired",
        }
    }
}

impl Account {
    /// A new account `r` made at `now`: a fresh uid, revision 0 (a store gives it 1), active,
    /// without description, groups, keys, expiry or impersonation. Callers set what differs
    /// with `Account { …, ..Account::new(r, now) }`.
    pub fn new(r: Reference, now: Timestamp) -> Account {
        Account {
            name: r.name,
            namespace: r.namespace,
            uid: new_uid(),
            revision: 0,
            description: String::new(),
            groups: vec![],
            labels: Labels::new(),
            disabled: false,
            created: now,
            updated: now,
            renamed: None,
            expires: None,
            keys: vec![],
            impersonates: None,
        }
    }

    pub fn reference(&self) -> Reference {
        Reference::new(self.namespace.clone(), self.name.clone())
    }

    /// Since when the account has held its reference: its creation, or its last rename.
    pub fn named_since(&self) -> Timestamp {
        self.renamed.unwrap_or(self.created)
    }

    pub fn status(&self, now: Timestamp) -> Status {
        if self.disabled {
            Status::Disabled
        } else if self.expires.is_some_and(|e| e <= now) {
            Status::Expired
        } else {
            Status::Active
        }
    }

    /// Why the account cannot be used now (disabled, or past its expiry date), in the words
    /// every verification uses; `None` while it is active.
    pub fn refusal(&self, now: Timestamp) -> Option<String> {
        let r = self.reference();
        match self.status(now) {
            Status::Active => None,
            Status::Disabled => Some(format!(
                "service account `{r}` is disabled (see `svcacct enable`)"
            )),
            Status::Expired => Some(format!(
                "service account `{r}` expired at {}",
                crate::time::local(self.expires.unwrap_or(now))
            )),
        }
    }

    /// Groups including the two every account belongs to.
    pub fn all_groups(&self) -> Vec<String> {
        let mut g: Vec<String> = self.reference().system_groups().into();
        g.extend(self.groups.iter().cloned());
        g
    }
}

/// Where a policy applies: everywhere, or in one namespace and its children.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PolicyScope {
    Global,
    Namespace(Namespace),
}

impl std::fmt::Display for PolicyScope {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PolicyScope::Global => f.write_str("the global scope"),
            PolicyScope::Namespace(ns) => write!(f, "namespace `{ns}`"),
        }
    }
}

/// A grant: these subjects may do these actions on these resources.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Policy {
    pub name: Name,
    /// Absent for a global policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<Namespace>,
    pub uid: String,
    pub revision: u64,
    #[serde(default)]
    pub description: String,
    /// Kubernetes-style labels (`crate::labels`); absent in records written before svcacct
    /// kept them, and left out when empty, so such records are written as before.
    #[serde(default, skip_serializing_if = "Labels::is_empty")]
    pub labels: Labels,
    /// Account references (`name`, `ns/name`, patterns with `*`) or `group:NAME`.
    pub subjects: Vec<String>,
    pub actions: Vec<String>,
    pub resources: Vec<String>,
    pub created: Timestamp,
    pub updated: Timestamp,
}

impl Policy {
    pub fn scope(&self) -> PolicyScope {
        match &self.namespace {
            None => PolicyScope::Global,
            Some(ns) => PolicyScope::Namespace(ns.clone()),
        }
    }
}

/// A namespace that was created with `svcacct namespace create` (README "Namespaces").
/// `default` has no record: it always exists.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NamespaceRecord {
    pub name: Namespace,
    pub uid: String,
    pub revision: u64,
    pub created: Timestamp,
    /// Kubernetes-style labels (`crate::labels`); absent in records written before svcacct
    /// kept them, and left out when empty, so such records are written as before.
    #[serde(default, skip_serializing_if = "Labels::is_empty")]
    pub labels: Labels,
}

/// Longest user id an account may impersonate.
pub const MAX_USER_ID_LEN: usize = 256;

/// Checks the user id of `--impersonate`: not empty, at most 256 characters, no whitespace,
/// control, bidirectional-text or invisible characters.
pub fn check_user_id(s: &str) -> Result<String, crate::error::UserError> {
    let bad = |why: &str| {
        crate::error::UserError::Usage(format!(
            "invalid user id `{}` for --impersonate: {why}",
            crate::output::sanitize(&s.chars().take(64).collect::<String>())
        ))
    };
    if s.is_empty() {
        return Err(bad("it is empty"));
    }
    crate::identity::check_visible("user id", s)?;
    if s.chars().count() > MAX_USER_ID_LEN {
        return Err(bad("it is longer than 256 characters"));
    }
    if s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(bad("it must not contain whitespace or control characters"));
    }
    Ok(s.to_owned())
}

/// Checks each group (see `check_group`) and drops repeats, keeping the order.
pub fn check_groups(raw: &[String]) -> Result<Vec<String>, UserError> {
    let mut groups = Vec::new();
    for g in raw {
        let g = check_group(g)?;
        if !groups.contains(&g) {
            groups.push(g);
        }
    }
    Ok(groups)
}

/// Checks a group name given by the user: printable, no spaces or `*`, not `system:`.
pub fn check_group(g: &str) -> Result<String, UserError> {
    let g = g.trim();
    crate::identity::check_visible("group", g)?;
    if g.is_empty()
        || g.len() > 253
        || g.chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '*' || c == ',')
    {
        return Err(UserError::Usage(format!(
            "invalid group `{}`: use letters, digits, `-`, `.`, `:`, at most 253 characters",
            sanitize(g)
        )));
    }
    if g.starts_with("system:") {
        return Err(UserError::Usage(format!(
            "invalid group `{}`: `system:` groups are given to every account automatically",
            sanitize(g)
        )));
    }
    Ok(g.to_owned())
}

/// A random id: 128 bits as lower-case hex.
pub fn new_uid() -> String {
    let mut b = [0u8; 16];
    aws_lc_rs::rand::fill(&mut b).expect("system random source");
    b.iter().map(|x| format!("{x:02x}")).collect()
}

// The issuer and the records of the tokens it issued (`crate::issued` works with them).

/// What every issuer id starts with; no account reference can (`:` is in no name).
pub const ISSUER_PREFIX: &str = "urn:svcacct:issuer:";

/// How the issuer signs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum IssuerAlgorithm {
    RS256,
    HS256,
}

impl IssuerAlgorithm {
    pub fn as_str(self) -> &'static str {
        match self {
            IssuerAlgorithm::RS256 => "RS256",
            IssuerAlgorithm::HS256 => "HS256",
        }
    }

    pub(crate) fn jwt(self) -> Algorithm {
        match self {
            IssuerAlgorithm::RS256 => Algorithm::RS256,
            IssuerAlgorithm::HS256 => Algorithm::HS256,
        }
    }
}

/// One key of the issuer, as `issuer.toml` keeps it (the private half is in `<kid>.key`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IssuerKey {
    pub kid: String,
    pub algorithm: IssuerAlgorithm,
    pub created: Timestamp,
    /// When a rotation replaced it (or replaces it: a time to come while the next key is
    /// published first); from then on it only verifies the tokens it signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retired: Option<Timestamp>,
    /// When it starts signing, for a key published before it signs (`issuer rotate
    /// --publish-first`); absent: from its creation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signs_from: Option<Timestamp>,
    /// SPKI PEM of an RSA key; none for an HMAC secret.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_key: Option<String>,
    /// No requested token it signed (they are not stored) expires later than this: retired,
    /// the key is kept until then (`crate::registry::requested`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requested_until: Option<Timestamp>,
}

/// Where an issuer key is in its life at a given time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum KeyPhase {
    /// Published in the JWKS, so that verifiers fetch it, and not signing yet.
    Next,
    Signing,
    /// Only verifying the tokens it signed; published until the last of them has expired.
    Retired,
}

impl IssuerKey {
    pub fn phase(&self, now: Timestamp) -> KeyPhase {
        if self.retired.is_some_and(|r| r <= now) {
            KeyPhase::Retired
        } else if self.signs_from.is_some_and(|s| s > now) {
            KeyPhase::Next
        } else {
            KeyPhase::Signing
        }
    }
}

/// The issuer: `<root>/issuer/issuer.toml` in the file store.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IssuerRecord {
    /// `urn:svcacct:issuer:<uid>`, fixed at creation: the `iss` of every token it issues.
    pub id: String,
    pub algorithm: IssuerAlgorithm,
    pub created: Timestamp,
    /// Oldest first; see `IssuerKey::phase` for which signs.
    pub keys: Vec<IssuerKey>,
    /// The https URL that OIDC relying parties discover the issuer at (`issuer init --url`,
    /// `issuer set-url`, `serve --issuer-url`): when set, it is the `iss` of every token the
    /// issuer signs from then on, instead of `id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// How long a relying party may keep the issuer's JWKS and discovery document, in seconds
    /// (their `Cache-Control: max-age`): a new key is published this long before it signs, and
    /// a retired one stays this long after its last token expired (`issuer init
    /// --jwks-max-age`, `issuer set-jwks-max-age`). Kept in the record so that every replica
    /// and the CLI agree; absent (records written before it existed): 300.
    #[serde(
        default = "default_jwks_max_age",
        skip_serializing_if = "is_default_jwks_max_age"
    )]
    pub jwks_max_age_seconds: u64,
    /// Set when the max-age was lowered: a JWKS served under the longer one may be kept until
    /// then, so rotations publish first (and keep retired keys) at least until then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jwks_cached_until: Option<Timestamp>,
}

/// The issuer's JWKS max-age when its record names none: 5 minutes.
pub const DEFAULT_JWKS_MAX_AGE_SECS: u64 = 300;
/// The shortest JWKS max-age an issuer may have (a shorter one is for nobody: verifiers
/// would fetch the keys for every token).
pub const MIN_JWKS_MAX_AGE_SECS: u64 = 1;
/// The longest: a day (each rotation publishes its new key that long before it signs).
pub const MAX_JWKS_MAX_AGE_SECS: u64 = 86_400;

pub fn default_jwks_max_age() -> u64 {
    DEFAULT_JWKS_MAX_AGE_SECS
}

fn is_default_jwks_max_age(s: &u64) -> bool {
    *s == DEFAULT_JWKS_MAX_AGE_SECS
}

/// Why `seconds` cannot be an issuer's JWKS max-age.
pub fn check_jwks_max_age(seconds: u64) -> Result<(), String> {
    if (MIN_JWKS_MAX_AGE_SECS..=MAX_JWKS_MAX_AGE_SECS).contains(&seconds) {
        return Ok(());
    }
    Err(format!(
        "a JWKS max-age of {seconds}s is out of range: it is at least \
         {MIN_JWKS_MAX_AGE_SECS}s and at most {MAX_JWKS_MAX_AGE_SECS}s (24h); the default is \
         {DEFAULT_JWKS_MAX_AGE_SECS}s (5m)"
    ))
}

impl IssuerRecord {
    /// The `max-age` its JWKS and discovery document are served with.
    pub fn jwks_max_age(&self) -> SignedDuration {
        SignedDuration::from_secs(i64::try_from(self.jwks_max_age_seconds).unwrap_or(i64::MAX))
    }

    /// How long a verifier may still keep a copy of the JWKS it fetched at `now` or before:
    /// the max-age, or, after it was lowered, longer while one served under the old max-age
    /// may be cached. Nothing for an HMAC issuer, which publishes no key.
    pub fn jwks_cache_lifetime(&self, now: Timestamp) -> SignedDuration {
        if self.algorithm != IssuerAlgorithm::RS256 {
            return SignedDuration::ZERO;
        }
        let earlier = self
            .jwks_cached_until
            .map_or(SignedDuration::ZERO, |u| u.duration_since(now));
        self.jwks_max_age().max(earlier)
    }

    /// The key that signs at `now`.
    pub fn active(&self, now: Timestamp) -> Option<&IssuerKey> {
        self.keys
            .iter()
            .rev()
            .find(|k| k.phase(now) == KeyPhase::Signing)
    }

    /// The `iss` of the tokens it signs now: its URL, or else its id.
    pub fn iss(&self) -> &str {
        self.url.as_deref().unwrap_or(&self.id)
    }

    /// Whether a token's `iss` names this issuer: its URL, or its id (tokens signed before a
    /// URL was set carry the id, and svcacct keeps accepting them).
    pub fn is_named_by(&self, iss: &str) -> bool {
        iss == self.id || self.url.as_deref() == Some(iss)
    }

    /// Why a record (say, `issuer.toml` edited by hand) does not fit together: an HS256 key
    /// read as an RSA one or the other way round would sign with the wrong bytes.
    pub fn check(&self) -> Result<(), String> {
        let uid = self.id.strip_prefix(ISSUER_PREFIX).unwrap_or("");
        if uid.is_empty() || !uid.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(format!(
                "`{}` is not an issuer id ({ISSUER_PREFIX}<hex>)",
                sanitize(&self.id)
            ));
        }
        check_jwks_max_age(self.jwks_max_age_seconds)?;
        if let Some(url) = &self.url {
            check_issuer_url(url)?;
            if self.algorithm != IssuerAlgorithm::RS256 {
                return Err("an HS256 issuer has a URL: only RS256 issuers are published".into());
            }
        }
        for k in &self.keys {
            let kid = sanitize(&k.kid);
            if !is_key_id(&k.kid) {
                return Err(format!("issuer key id `{kid}` is not a base64url id"));
            }
            if k.algorithm != self.algorithm {
                return Err(format!(
                    "issuer key `{kid}` is {}, the issuer {}",
                    k.algorithm.as_str(),
                    self.algorithm.as_str()
                ));
            }
            match (k.algorithm, &k.public_key) {
                (IssuerAlgorithm::RS256, None) => {
                    return Err(format!("issuer key `{kid}` is RS256 but has no public key"));
                }
                (IssuerAlgorithm::HS256, Some(_)) => {
                    return Err(format!("issuer key `{kid}` is HS256 but has a public key"));
                }
                _ => {}
            }
        }
        Ok(())
    }
}

/// Why `url` cannot be an issuer URL. OpenID Connect Discovery 1.0 §3 (and every relying
/// party: AWS, GCP, Vault, kube-apiserver) wants `https`, a host, no query and no fragment;
/// the discovery document is at the URL + `/.well-known/openid-configuration`, so a trailing
/// `/` would make two spellings of one issuer, and is refused too.
pub fn check_issuer_url(url: &str) -> Result<(), String> {
    let shown = sanitize(url);
    let Some(rest) = url.strip_prefix("https://") else {
        return Err(format!(
            "issuer URL `{shown}` is not an https URL: relying parties fetch the issuer's \
             discovery document and keys over https only (e.g. https://registry.example)"
        ));
    };
    let host = rest.split('/').next().unwrap_or("");
    let bad = if host.is_empty() {
        Some("it has no host")
    } else if url.contains(['?', '#']) {
        Some("it has a query or a fragment")
    } else if url.ends_with('/') {
        Some("it ends with `/` (write it without)")
    } else if host.contains('@') {
        Some("it has user information")
    } else if url.chars().any(|c| c.is_whitespace() || c.is_control()) || !url.is_ascii() {
        Some("it has spaces, control or non-ASCII characters")
    } else {
        None
    };
    match bad {
        Some(why) => Err(format!("issuer URL `{shown}` is refused: {why}")),
        None => Ok(()),
    }
}

/// An issuer key id: base64url, so also a file name (`<kid>.key`).
pub fn is_key_id(kid: &str) -> bool {
    !kid.is_empty()
        && kid
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// What the store keeps of an issued token.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TokenRecord {
    pub name: Name,
    /// The token's `jti`.
    pub id: String,
    /// The issuer key that signed it (kept while a live token needs it).
    pub kid: String,
    pub created: Timestamp,
    /// None: the token never expires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_used: Option<Timestamp>,
    /// The token's `aud`, so that a regenerated token has the same.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub audiences: Vec<String>,
    /// Kubernetes-style labels (`crate::labels`), kept by a regeneration; absent in records
    /// written before tokens had labels, and left out when empty, so those stay byte for byte.
    #[serde(default, skip_serializing_if = "Labels::is_empty")]
    pub labels: Labels,
}

impl TokenRecord {
    pub fn is_live(&self, now: Timestamp) -> bool {
        // `now - LEEWAY`: an expiry at the latest representable second plus the leeway overflows.
        self.expires.is_none_or(|e| e >= now - LEEWAY)
    }
}

/// The token records of one account: `<root>/tokens/<ns dir>/<name>.toml` in the file store.
/// Records of an account that was deleted and created again (another uid) count as none.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TokenFile {
    pub account_uid: String,
    #[serde(default)]
    pub tokens: Vec<TokenRecord>,
}

/// The records of `file` that are `account`'s: none when they belong to an earlier account of
/// its name (another uid).
pub fn current_tokens(file: Option<TokenFile>, account: &Account) -> Vec<TokenRecord> {
    match file {
        Some(f) if f.account_uid == account.uid => f.tokens,
        _ => vec![],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A token file as svcacct wrote it before tokens had labels reads with none and is
    /// written back byte for byte (the file store's TOML); the same record as PostgreSQL's
    /// `jsonb` holds it reads too. Labels, once set, round-trip.
    #[test]
    fn token_records_from_before_labels_read_as_they_were() {
        let toml_text = "accountUid = \"u1\"\n\n[[tokens]]\nname = \"deploy\"\nid = \"j\"\n\
                         kid = \"k\"\ncreated = \"2026-05-01T12:00:00Z\"\n";
        let file: TokenFile = toml::from_str(toml_text).unwrap();
        assert!(file.tokens[0].labels.is_empty());
        assert_eq!(toml::to_string(&file).unwrap(), toml_text);
        let json_text = r#"{"name":"deploy","id":"j","kid":"k","created":"2026-05-01T12:00:00Z"}"#;
        let record: TokenRecord = serde_json::from_str(json_text).unwrap();
        assert_eq!(record, file.tokens[0]);
        assert_eq!(serde_json::to_string(&record).unwrap(), json_text);

        let labelled = TokenRecord {
            labels: [("purpose".to_owned(), "ci".to_owned())].into(),
            ..record
        };
        let text = serde_json::to_string(&labelled).unwrap();
        assert!(text.ends_with(r#","labels":{"purpose":"ci"}}"#), "{text}");
        assert_eq!(
            serde_json::from_str::<TokenRecord>(&text).unwrap(),
            labelled
        );
    }
}
