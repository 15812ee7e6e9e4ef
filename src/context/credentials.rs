//! Keys, passphrases and the credentials of a remote store's client: which key signs an
//! account's tokens, the passphrase prompt, and the tokens a client sends.

use std::collections::BTreeMap;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use jiff::SignedDuration;
use zeroize::Zeroizing;

use super::Context;
use super::open::StoreLocation;
use crate::error::UserError;
use crate::identity::{Namespace, Reference};
use crate::keys::{Passphrase, PrivateKey};
use crate::model::{Account, KeyAlgorithm};
use crate::output::shown_path;
use crate::store::remote::{Auth, Bearer, StoreUrl};

/// Lifetime of the token a remote store client mints for itself (capped by the maximum).
pub const CLIENT_TOKEN_TTL: SignedDuration = SignedDuration::from_mins(5);

/// How a remote store client proves who it is, and where that was said.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Credentials {
    /// A ready token in a file.
    TokenFile(PathBuf),
    /// A ready token in `SVCACCT_TOKEN`.
    TokenEnv,
    /// Mint a token for this account (a reference as typed: `name` means namespace `default`).
    Account(String),
    None,
}

impl Context {
    /// What authenticates a remote store's requests: the token given, or tokens signed for
    /// the account with its key (read once, here, so a passphrase is asked at most once; a new
    /// token is signed when the last one is about to expire).
    pub(super) fn auth(&self, url: &StoreUrl) -> Result<Auth> {
        if let Credentials::Account(_) = &self.credentials {
            let r = self.service_account()?.expect("an account credential");
            self.warn_key_of_another_account(&r);
            let key = self.signing_key(&r, None)?;
            let ttl = CLIENT_TOKEN_TTL.min(self.max_token_lifetime);
            // The server cannot be asked before the first request: the keystore knows.
            let user = self.keystore().impersonates(&r);
            let alg = self.key_algorithm(&r, &key.kid(), None);
            return Ok(Auth::signed(move || {
                let minted = client_token(&r, &key, alg, ttl, user.as_deref())?;
                Ok((Bearer::new(&minted.token, "the minted token")?, minted.exp))
            }));
        }
        Ok(Auth::Fixed(self.bearer(url)?))
    }

    /// Warns when the requests speak for `r`, named by a flag or the environment, but are
    /// signed with the `jwt-private-key` of a context (or the config file) that is set for
    /// another account: the server will refuse them, and its 401 cannot tell why.
    fn warn_key_of_another_account(&self, r: &Reference) {
        let env_key = std::env::var_os("SVCACCT_JWT_PRIVATE_KEY").is_some_and(|v| !v.is_empty());
        if self.jwt_private_key_flag.is_some() || env_key || self.jwt_private_key.is_none() {
            return;
        }
        let Some(owner) = self
            .jwt_private_key_account
            .as_deref()
            .and_then(|a| Reference::parse_input(a, &Namespace::default_ns()).ok())
        else {
            return;
        };
        if &owner == r {
            return;
        }
        let whence = match &self.context_name {
            Some(n) => format!("context `{}`", crate::output::sanitize(n)),
            None => "the config file".to_owned(),
        };
        crate::errln!(
            "svcacct: warning: signing as `{r}` with the jwt-private-key of {whence}, which is \
             set for `{owner}`: unless that key is registered for `{r}` the server refuses it \
             (pass --jwt-private-key FILE with a key of `{r}`)"
        );
    }

    /// The bearer token for a remote store: read, or minted for the account.
    fn bearer(&self, url: &StoreUrl) -> Result<Bearer> {
        self.own_token()?.ok_or_else(|| {
            UserError::Usage(format!(
                "the store {url} is a svcacct server and needs credentials: pass \
                 --service-account REF (signing with --jwt-private-key FILE or the keystore's \
                 key), or --token-file FILE, or set SVCACCT_TOKEN; \
                 `svcacct config set-context` can keep them in a context"
            ))
            .into()
        })
    }

    /// The token the credentials give: read from the token file or `SVCACCT_TOKEN`, or minted
    /// for the service account; `None` without credentials.
    pub fn own_token(&self) -> Result<Option<Bearer>> {
        Ok(Some(match &self.credentials {
            Credentials::TokenFile(path) => read_token_file(path)?,
            Credentials::TokenEnv => {
                let v =
                    Zeroizing::new(std::env::var("SVCACCT_TOKEN").map_err(|_| {
                        UserError::Usage("SVCACCT_TOKEN is not valid UTF-8".into())
                    })?);
                Bearer::new(&v, "SVCACCT_TOKEN")?
            }
            Credentials::Account(_) => {
                let minted = self.mint_own_token()?;
                Bearer::new(&minted.token, "the minted token")?
            }
            Credentials::None => return Ok(None),
        }))
    }

    /// The account named by the credentials (`--service-account` and its fallbacks).
    pub fn service_account(&self) -> Result<Option<Reference>, UserError> {
        match &self.credentials {
            Credentials::Account(a) => {
                Reference::parse_input(a, &Namespace::default_ns()).map(Some)
            }
            _ => Ok(None),
        }
    }

    /// Mints a token as the process's service account: RS256, 5 minutes (at most the maximum
    /// lifetime), signed by the account's key (what `whoami` on a local store checks).
    pub fn mint_own_token(&self) -> Result<crate::token::Minted> {
        let Some(r) = self.service_account()? else {
            return Err(UserError::Usage(
                "no service account to sign for: pass --service-account REF".into(),
            )
            .into());
        };
        let key = self.signing_key(&r, None)?;
        let record = self.local_account(&r)?;
        let user = match &record {
            Some(a) => a.impersonates.clone(),
            None => self.keystore().impersonates(&r),
        };
        let alg = self.key_algorithm(&r, &key.kid(), record.as_ref());
        client_token(
            &r,
            &key,
            alg,
            CLIENT_TOKEN_TTL.min(self.max_token_lifetime),
            user.as_deref(),
        )
    }

    /// The user whose id `r`'s tokens carry as `sub` (`svcacct create --impersonate`): from the
    /// account's record in a local store, else from the keystore's note. Minting stays offline:
    /// an account the store does not have (or a remote store) is asked of the keystore only.
    pub fn impersonates(&self, r: &Reference) -> Result<Option<String>> {
        Ok(self.impersonates_per(r, self.local_account(r)?.as_ref()))
    }

    /// As [`impersonates`](Self::impersonates), with `r`'s record already read by
    /// [`local_account`](Self::local_account).
    pub fn impersonates_per(&self, r: &Reference, record: Option<&Account>) -> Option<String> {
        match record {
            Some(a) => a.impersonates.clone(),
            None => self.keystore().impersonates(r),
        }
    }

    /// `r`'s record, when the store is a local one that can be read and has it; `None` for a
    /// remote store (minting never asks a server), an unreadable store or record, or an
    /// account the store does not have.
    pub fn local_account(&self, r: &Reference) -> Result<Option<Account>> {
        if let StoreLocation::Local(_) = &self.store_location
            && let Ok(a) = self.store()?.get_account(r)
        {
            return Ok(Some(a));
        }
        Ok(None)
    }

    /// The algorithm the key `kid` signs `r`'s tokens with: the one it is registered for in `record`
    /// (the account as a local store has it), else the keystore's note, else RS256.
    pub fn key_algorithm(
        &self,
        r: &Reference,
        kid: &str,
        record: Option<&Account>,
    ) -> KeyAlgorithm {
        match record.and_then(|a| a.keys.iter().find(|k| k.kid == kid)) {
            Some(k) => k.algorithm,
            None => self.keystore().algorithm(r, kid).unwrap_or_default(),
        }
    }

    /// The key that signs `r`'s tokens: `--jwt-private-key` > `SVCACCT_JWT_PRIVATE_KEY` (a path,
    /// or the PEM itself) > the context's or config file's `jwt-private-key` > the keystore's
    /// key `kid`, or its current one.
    pub fn signing_key(&self, r: &Reference, kid: Option<&str>) -> Result<PrivateKey> {
        self.parse_signing_key(&self.signing_key_source(r, kid)?)
    }

    /// The key [`signing_key`](Self::signing_key) would read, as bytes not yet parsed.
    pub fn signing_key_source(&self, r: &Reference, kid: Option<&str>) -> Result<KeySource> {
        // The flag names a file, never the key itself: a secret is not a command-line value.
        if let Some(path) = &self.jwt_private_key_flag {
            if kid.is_some() {
                return Err(UserError::Usage(
                    "--kid picks a keystore key; it cannot be combined with --jwt-private-key"
                        .into(),
                )
                .into());
            }
            return KeySource::file(path);
        }
        if let Some(kid) = kid {
            return KeySource::file(&self.keystore().key_path(r, Some(kid))?);
        }
        // The environment may hold the key itself (a CI secret) rather than a path. Either way
        // its value is never repeated in a message: it may be a secret that failed to parse.
        if let Some(value) = std::env::var_os("SVCACCT_JWT_PRIVATE_KEY").filter(|v| !v.is_empty()) {
            const SOURCE: &str = "SVCACCT_JWT_PRIVATE_KEY";
            let bytes = Zeroizing::new(value.as_bytes().to_vec());
            let looks_like_key = bytes.len() > 4096
                || bytes.contains(&b'\n')
                || bytes.windows(10).any(|w| w == b"-----BEGIN");
            if looks_like_key {
                return Ok(KeySource {
                    bytes,
                    origin: SOURCE.to_owned(),
                });
            }
            let file = std::fs::File::open(Path::new(&value)).map_err(|e| {
                UserError::Failure(format!(
                    "{SOURCE} holds neither a PEM key nor the path of a readable file ({})",
                    e.kind()
                ))
            })?;
            return Ok(KeySource {
                bytes: Zeroizing::new(crate::fsutil::read_limited(file, SOURCE)?),
                origin: SOURCE.to_owned(),
            });
        }
        if let Some(path) = &self.jwt_private_key {
            return KeySource::file(path);
        }
        KeySource::file(&self.keystore().key_path(r, None)?)
    }

    /// Parses a key [`signing_key_source`](Self::signing_key_source) read, asking for the
    /// passphrase only if it is encrypted.
    pub fn parse_signing_key(&self, source: &KeySource) -> Result<PrivateKey> {
        self.read_private_key(&source.bytes, &source.origin)
    }

    /// Reads a private key from `bytes`, asking for the passphrase only if it is encrypted.
    pub fn read_private_key(&self, bytes: &[u8], source: &str) -> Result<PrivateKey> {
        let passphrase = if PrivateKey::is_encrypted_pem(bytes) {
            Some(self.passphrase(source, false)?)
        } else {
            None
        };
        Ok(PrivateKey::parse(bytes, source, passphrase.as_ref())?)
    }

    /// Reads a private key file.
    pub fn read_private_key_file(&self, path: &Path) -> Result<PrivateKey> {
        self.parse_signing_key(&KeySource::file(path)?)
    }

    pub fn keystore(&self) -> crate::keystore::Keystore {
        crate::keystore::Keystore::new(self.keystore_path.clone())
    }

    /// The passphrase for `what`: from the passphrase file, `SVCACCT_PASSPHRASE`, or a prompt
    /// on a terminal (asked twice when `confirm`). Never hangs without a terminal.
    pub fn passphrase(&self, what: &str, confirm: bool) -> Result<Passphrase> {
        if let Some(path) = &self.passphrase_file {
            let source = &self.passphrase_file_source;
            let bytes = Zeroizing::new(crate::fsutil::read_small_as(path, source)?);
            let text = std::str::from_utf8(&bytes)
                .map_err(|_| UserError::Failure(format!("{source} is not UTF-8")))?;
            let line = text.lines().next().unwrap_or("");
            return non_empty(Passphrase::new(line.to_owned()), source);
        }
        if let Ok(v) = std::env::var("SVCACCT_PASSPHRASE") {
            return non_empty(Passphrase::new(v), "SVCACCT_PASSPHRASE");
        }
        if !self.stdin_is_terminal {
            return Err(UserError::Failure(format!(
                "{what} needs a passphrase and there is no terminal to ask on: \
                 set SVCACCT_PASSPHRASE_FILE to a file that holds it \
                 (or SVCACCT_PASSPHRASE, or pass --passphrase-file)"
            ))
            .into());
        }
        let first = Passphrase::new(
            rpassword::prompt_password(format!("Passphrase for {what}: "))
                .context("cannot read the passphrase from the terminal")?,
        );
        if confirm {
            let again = Passphrase::new(
                rpassword::prompt_password("Repeat the passphrase: ")
                    .context("cannot read the passphrase from the terminal")?,
            );
            if !first.ct_eq(&again) {
                return Err(UserError::Failure("the passphrases differ".into()).into());
            }
        }
        non_empty(first, "the terminal")
    }
}

/// A private key's bytes as read (a file, or `SVCACCT_JWT_PRIVATE_KEY`), not parsed yet, and
/// what messages call it. Wiped on drop; `Debug` shows only the origin.
pub struct KeySource {
    pub bytes: Zeroizing<Vec<u8>>,
    pub origin: String,
}

impl KeySource {
    fn file(path: &Path) -> Result<KeySource> {
        Ok(KeySource {
            bytes: Zeroizing::new(crate::fsutil::read_small(path)?),
            origin: shown_path(path),
        })
    }
}

impl std::fmt::Debug for KeySource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeySource")
            .field("origin", &self.origin)
            .finish_non_exhaustive()
    }
}

/// A token a client sends to a remote store as `r`: the key's algorithm, no audience,
/// lifetime `ttl`.
fn client_token(
    r: &Reference,
    key: &PrivateKey,
    alg: KeyAlgorithm,
    ttl: SignedDuration,
    impersonates: Option<&str>,
) -> Result<crate::token::Minted> {
    crate::token::mint(&crate::token::MintRequest {
        reference: r,
        key,
        alg: alg.jwt(),
        ttl,
        audiences: &[],
        extra: &BTreeMap::new(),
        now: jiff::Timestamp::now(),
        impersonates,
    })
}

fn non_empty(p: Passphrase, source: &str) -> Result<Passphrase> {
    if p.as_str().is_empty() {
        return Err(UserError::Failure(format!("the passphrase from {source} is empty")).into());
    }
    Ok(p)
}

/// A bearer token kept in a file (`--token-file`, a context's `token-file`, `login`).
pub fn read_token_file(path: &Path) -> Result<Bearer> {
    let bytes = Zeroizing::new(crate::fsutil::read_small(path)?);
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| UserError::Usage(format!("token file {} is not UTF-8", shown_path(path))))?;
    Ok(Bearer::new(
        text,
        &format!("token file {}", shown_path(path)),
    )?)
}
