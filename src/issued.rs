//! What the issuer and issued tokens are made of, apart from the workflows: the HMAC
//! `Secret`, the requests (`IssueRequest`, `RotateRequest`, `TokenRename`, also bodies of the
//! HTTP API) and the answers (`IssuedToken`, `IssuerView`). The workflows are
//! `crate::registry::issuer` and `crate::registry::tokens`; the stored records are in
//! `crate::model`, re-exported here.

use std::fmt;

use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::error::UserError;
use crate::identity::Name;
pub use crate::model::{
    ISSUER_PREFIX, IssuerAlgorithm, IssuerKey, IssuerRecord, TokenFile, TokenRecord, is_key_id,
};

/// `tokens create` without `--expires`.
pub const DEFAULT_EXPIRY: &str = "3y";
/// The shortest HMAC secret accepted (RFC 7518 §3.2: at least the hash size).
pub const MIN_SECRET_BYTES: usize = 32;
/// A token's "last used" date is written at most this often, so that a busy server does not
/// write a record per request.
pub const LAST_USED_EVERY: SignedDuration = SignedDuration::from_secs(60);

/// An HMAC secret: at least [`MIN_SECRET_BYTES`], never shown.
pub struct Secret(Zeroizing<Vec<u8>>);

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(REDACTED)")
    }
}

impl Secret {
    /// The secret read from `source` (named in errors, never the bytes); one final newline is
    /// not part of it.
    pub fn new(mut bytes: Zeroizing<Vec<u8>>, source: &str) -> Result<Secret, UserError> {
        if bytes.ends_with(b"\n") {
            bytes.pop();
            if bytes.ends_with(b"\r") {
                bytes.pop();
            }
        }
        if bytes.len() < MIN_SECRET_BYTES {
            return Err(UserError::Usage(format!(
                "the HMAC secret from {source} is {} bytes long; HS256 needs at least {MIN_SECRET_BYTES} \
                 (e.g. `head -c 48 /dev/urandom | base64 > secret`); nothing was written",
                bytes.len()
            )));
        }
        Ok(Secret(bytes))
    }

    pub fn bytes(&self) -> &[u8] {
        &self.0
    }
}

/// A token just issued: shown once, never stored.
#[derive(Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IssuedToken {
    pub token: String,
    #[serde(flatten)]
    pub record: TokenRecord,
}

impl fmt::Debug for IssuedToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("IssuedToken")
            .field("token", &"REDACTED")
            .field("record", &self.record)
            .finish()
    }
}

/// What to issue (also the body of `POST .../tokens`).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IssueRequest {
    pub name: Name,
    /// Absent: the token never expires (`null` is refused, as everywhere in the API).
    #[serde(
        default,
        deserialize_with = "crate::api::present",
        skip_serializing_if = "Option::is_none"
    )]
    pub expires: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub audiences: Vec<String>,
    /// The record's labels, checked as `crate::labels` says (400 otherwise); absent: none.
    #[serde(default, skip_serializing_if = "crate::labels::Labels::is_empty")]
    pub labels: crate::labels::Labels,
}

/// One issuer key as `svcacct issuer get` and `GET /v1/issuer` show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IssuerKeyView {
    pub kid: String,
    pub algorithm: IssuerAlgorithm,
    pub created: Timestamp,
    /// Next (published, not signing yet), signing, or retired, now.
    pub phase: crate::model::KeyPhase,
    /// When a key published first starts signing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signs_from: Option<Timestamp>,
    /// When it stopped (or stops) signing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retired: Option<Timestamp>,
    /// A retired key is kept until the last live token it signed expires, plus the time a
    /// verifier may cache the JWKS…
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kept_until: Option<Timestamp>,
    /// …or for good, while a token without expiry needs it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub kept_indefinitely: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_key: Option<String>,
}

impl IssuerKeyView {
    /// Its phase and what follows, as `svcacct issuer get` and the console show it.
    pub fn status(&self) -> String {
        use crate::model::KeyPhase;
        use crate::time::local;
        match (self.phase, self.kept_until, self.kept_indefinitely) {
            (KeyPhase::Next, _, _) => format!(
                "next, published, signs from {}",
                self.signs_from.map_or_else(String::new, local)
            ),
            (KeyPhase::Signing, _, _) => match self.retired {
                Some(until) => format!("signing until {}", local(until)),
                None => "signing".to_owned(),
            },
            (KeyPhase::Retired, _, true) => {
                "retired, kept while a token without expiry needs it".to_owned()
            }
            (KeyPhase::Retired, Some(until), _) => format!("retired, kept until {}", local(until)),
            (KeyPhase::Retired, None, _) => "retired, no longer needed".to_owned(),
        }
    }
}

/// The issuer without its secrets.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IssuerView {
    pub id: String,
    /// The https URL tokens carry as `iss` (absent: they carry `id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub algorithm: IssuerAlgorithm,
    pub created: Timestamp,
    /// The `max-age` of its JWKS and discovery document, in seconds: how long a relying party
    /// may keep them (`IssuerRecord::jwks_max_age_seconds`). Absent (a server from before it
    /// was a setting): 300, what such a server serves.
    #[serde(default = "crate::model::default_jwks_max_age")]
    pub jwks_max_age_seconds: u64,
    pub keys: Vec<IssuerKeyView>,
    /// Only in the answer of a rotation with `revokePrevious`: the issued tokens it revoked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub revoked_tokens: Vec<RevokedToken>,
}

/// What `crate::registry::issuer::set_url` did.
#[derive(Debug, PartialEq, Eq)]
pub enum UrlChange {
    /// The issuer had this URL already.
    Unchanged,
    /// It had none (or there was no issuer: it was created, RS256).
    Set,
    /// It had another one, which tokens signed until now carry (`--force`).
    Replaced { previous: String },
}

/// `POST .../serviceaccounts/{name}/token` (`svcacct tokens request`), as Kubernetes'
/// TokenRequest: a short-lived token for `audiences`, signed by the issuer and not stored.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TokenRequest {
    /// At least one; the token's `aud`.
    pub audiences: Vec<String>,
    /// Absent: [`DEFAULT_REQUEST_SECONDS`]; at least [`MIN_REQUESTED`] (a server's
    /// `--token-request-min-duration`); a longer one is cut to the server's maximum (`svcacct
    /// serve --max-requested-token-lifetime`).
    #[serde(
        default,
        deserialize_with = "crate::api::present",
        skip_serializing_if = "Option::is_none"
    )]
    pub expiration_seconds: Option<i64>,
}

/// A requested token's lifetime when the request names none.
pub const DEFAULT_REQUEST_SECONDS: i64 = 3600;
/// The shortest lifetime a token may be requested for (Kubernetes' TokenRequest minimum), unless
/// `svcacct serve --token-request-min-duration` says otherwise.
pub const MIN_REQUESTED: SignedDuration = SignedDuration::from_mins(10);
/// The least `--token-request-min-duration` may be.
pub const SHORTEST_REQUESTED: SignedDuration = SignedDuration::from_secs(1);
/// The longest, unless `svcacct serve --max-requested-token-lifetime` says otherwise.
pub const DEFAULT_MAX_REQUESTED: SignedDuration = SignedDuration::from_hours(24);

/// The answer to a [`TokenRequest`]: the token, shown once and never stored.
#[derive(Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestedToken {
    pub token: String,
    /// Its `exp`.
    pub expiration_timestamp: Timestamp,
    /// Its `aud`.
    pub audiences: Vec<String>,
}

impl fmt::Debug for RequestedToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RequestedToken")
            .field("token", &"REDACTED")
            .field("expiration_timestamp", &self.expiration_timestamp)
            .field("audiences", &self.audiences)
            .finish()
    }
}

/// The `svcacct` claim of a requested token: the account it speaks for, by its record (a
/// re-created account of the same name has another uid, so its tokens never pass for it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccountClaim {
    pub namespace: String,
    pub name: String,
    pub uid: String,
}

/// The name of that claim.
pub const ACCOUNT_CLAIM: &str = "svcacct";

/// An issued token that a rotation revoked (its key went).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevokedToken {
    /// The account's reference.
    pub account: String,
    pub name: Name,
}

/// `POST /v1/issuer/rotate` (an HMAC issuer is rotated on the server's store folder, so that
/// its secret never travels).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RotateRequest {
    /// Revoke every token the earlier keys signed and drop those keys at once (a key leaked).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub revoke_previous: bool,
    /// How long the new key is published before it signs (absent: the JWKS's cache lifetime,
    /// the issuer's max-age, for an RS256 issuer; none for HS256 or `revoke_previous`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publish_first_seconds: Option<u64>,
}

#[cfg(test)]
impl RotateRequest {
    /// A rotation whose new key signs at once.
    pub fn at_once() -> RotateRequest {
        RotateRequest {
            revoke_previous: false,
            publish_first_seconds: Some(0),
        }
    }
}

/// `POST .../tokens/{token}/rename`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TokenRename {
    pub name: Name,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `null` is refused as in every request body of the API: here it would silently mean a
    /// token that never expires, where the client may have meant "the default".
    #[test]
    fn an_issue_request_refuses_null_for_the_expiry() {
        let e = serde_json::from_str::<IssueRequest>(r#"{"name":"a","expires":null}"#)
            .unwrap_err()
            .to_string();
        assert!(e.contains("invalid type: null"), "{e}");
        let r: IssueRequest = serde_json::from_str(r#"{"name":"a"}"#).unwrap();
        assert_eq!(r.expires, None);
        let r: IssueRequest =
            serde_json::from_str(r#"{"name":"a","expires":"2030-01-01T00:00:00Z"}"#).unwrap();
        assert_eq!(r.expires, Some("2030-01-01T00:00:00Z".parse().unwrap()));
    }

    #[test]
    fn secrets_are_checked_and_never_shown() {
        let short = Secret::new(
            Zeroizing::new(b"0123456789012345678901234567890\n".to_vec()),
            "x",
        );
        assert!(short.unwrap_err().to_string().contains("is 31 bytes long"));
        let ok = Secret::new(Zeroizing::new(vec![b'k'; 32]), "x").unwrap();
        assert_eq!(format!("{ok:?}"), "Secret(REDACTED)");
    }
}
