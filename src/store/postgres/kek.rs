//! The key-encryption key (KEK) of the PostgreSQL engine: issuer private keys and HMAC secrets
//! are sealed with it (AES-256-GCM, aws-lc-rs) before they reach the database, and opened with
//! it when read. Every replica is given the same KEK: `--issuer-kek-file FILE` (mode 0600,
//! owned by the user) or `SVCACCT_ISSUER_KEK`, holding 32 random bytes as 64 hex characters
//! or base64 (`openssl rand -hex 32`).
//!
//! A sealed value is `nonce (12 bytes) || ciphertext || tag`, with the key's id as associated
//! data: a row copied under another kid does not open.

use std::path::Path;

use aws_lc_rs::aead::{AES_256_GCM, Aad, LessSafeKey, NONCE_LEN, Nonce, UnboundKey};
use base64::Engine as _;
use zeroize::Zeroizing;

use crate::error::UserError;

/// The environment variable that holds the KEK itself (hex or base64).
pub const KEK_ENV: &str = "SVCACCT_ISSUER_KEK";

/// What the KEK seals to tell a wrong KEK from a damaged row (`issuer_kek_check`).
pub(super) const CHECK_AAD: &str = "svcacct issuer KEK check";
pub(super) const CHECK_PLAIN: &[u8] = b"svcacct issuer key-encryption key";

/// What to do when issuer keys are needed and no KEK was given.
pub const KEK_ADVICE: &str = "issuer keys in a PostgreSQL store are encrypted with a \
     key-encryption key that every replica is given: pass --issuer-kek-file FILE (mode 0600; \
     make one with `openssl rand -hex 32 > FILE`) or set SVCACCT_ISSUER_KEK";

/// The KEK, with where it came from (for messages; never its bytes).
pub struct Kek {
    key: LessSafeKey,
    source: String,
}

impl std::fmt::Debug for Kek {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Kek(REDACTED, from {})", self.source)
    }
}

impl Kek {
    /// The KEK of `text` (64 hex characters or base64 of 32 bytes; whitespace at the ends is
    /// ignored), `source` naming where it came from.
    pub fn from_text(text: &[u8], source: &str) -> Result<Kek, UserError> {
        let bad = || {
            UserError::Usage(format!(
                "the issuer key-encryption key from {source} is not 32 bytes written as 64 hex \
                 characters or base64 (make one with `openssl rand -hex 32`)"
            ))
        };
        let text = std::str::from_utf8(text).map_err(|_| bad())?.trim();
        let bytes: Zeroizing<Vec<u8>> = Zeroizing::new(if text.len() == 64 {
            (0..64)
                .step_by(2)
                .map(|i| u8::from_str_radix(&text[i..i + 2], 16))
                .collect::<Result<Vec<u8>, _>>()
                .map_err(|_| bad())?
        } else {
            base64::engine::general_purpose::STANDARD
                .decode(text)
                .map_err(|_| bad())?
        });
        if bytes.len() != 32 {
            return Err(bad());
        }
        let key = UnboundKey::new(&AES_256_GCM, &bytes).map_err(|_| bad())?;
        Ok(Kek {
            key: LessSafeKey::new(key),
            source: source.to_owned(),
        })
    }

    /// The KEK in `path`, which must be a regular file of mode 0600 (or stricter) owned by the
    /// user: it unlocks every issuer key of the registry.
    pub fn from_file(path: &Path) -> Result<Kek, UserError> {
        use std::os::unix::fs::MetadataExt;
        let shown = crate::output::shown_path(path);
        let source = format!("--issuer-kek-file {shown}");
        let meta = std::fs::metadata(path).map_err(|e| {
            UserError::Failure(format!(
                "cannot read the issuer key-encryption key {shown}: {e}"
            ))
        })?;
        if !meta.is_file() {
            return Err(UserError::Usage(format!(
                "the issuer key-encryption key {shown} is not a file"
            )));
        }
        if meta.mode() & 0o077 != 0 {
            return Err(UserError::Usage(format!(
                "the issuer key-encryption key {shown} can be read by others (mode {:04o}): \
                 run `chmod 600 {shown}`",
                meta.mode() & 0o7777
            )));
        }
        let me = rustix::process::geteuid().as_raw();
        if meta.uid() != me {
            return Err(UserError::Usage(format!(
                "the issuer key-encryption key {shown} belongs to user id {}, not to you ({me}): \
                 give each user a copy of their own",
                meta.uid()
            )));
        }
        let text = Zeroizing::new(std::fs::read(path).map_err(|e| {
            UserError::Failure(format!(
                "cannot read the issuer key-encryption key {shown}: {e}"
            ))
        })?);
        Kek::from_text(&text, &source)
    }

    /// The KEK named by `--issuer-kek-file` (`file`), else `SVCACCT_ISSUER_KEK`, else none.
    pub fn given(file: Option<&Path>) -> Result<Option<Kek>, UserError> {
        if let Some(f) = file {
            return Kek::from_file(f).map(Some);
        }
        match std::env::var_os(KEK_ENV) {
            Some(v) if !v.is_empty() => {
                let v = Zeroizing::new(v.into_encoded_bytes());
                Kek::from_text(&v, KEK_ENV).map(Some)
            }
            _ => Ok(None),
        }
    }

    pub fn source(&self) -> &str {
        &self.source
    }

    /// `plain` sealed for `aad` (the issuer key's id).
    pub fn seal(&self, aad: &str, plain: &[u8]) -> Vec<u8> {
        let mut nonce = [0u8; NONCE_LEN];
        aws_lc_rs::rand::fill(&mut nonce).expect("system random source");
        let mut out = Zeroizing::new(plain.to_vec());
        self.key
            .seal_in_place_append_tag(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(aad.as_bytes()),
                &mut *out,
            )
            .expect("AES-256-GCM seals any length the database holds");
        let mut sealed = nonce.to_vec();
        sealed.extend_from_slice(&out);
        sealed
    }

    /// What `seal(aad, …)` sealed, or `None` when this KEK did not seal it for `aad` (or it
    /// was damaged).
    pub fn open(&self, aad: &str, sealed: &[u8]) -> Option<Zeroizing<Vec<u8>>> {
        if sealed.len() < NONCE_LEN {
            return None;
        }
        let (nonce, body) = sealed.split_at(NONCE_LEN);
        let nonce = Nonce::try_assume_unique_for_key(nonce).ok()?;
        let mut buf = Zeroizing::new(body.to_vec());
        let plain_len = self
            .key
            .open_in_place(nonce, Aad::from(aad.as_bytes()), &mut buf)
            .ok()?
            .len();
        buf.truncate(plain_len);
        Some(buf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEX: &str = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

    #[test]
    fn seals_and_opens_only_for_its_kid_and_key() {
        let kek = Kek::from_text(HEX.as_bytes(), "test").unwrap();
        let sealed = kek.seal("k1", b"secret bytes");
        assert!(!sealed.windows(12).any(|w| w == b"secret bytes"));
        assert_eq!(kek.open("k1", &sealed).unwrap().as_slice(), b"secret bytes");
        assert!(kek.open("k2", &sealed).is_none(), "another kid");
        let other = Kek::from_text(&[b'1'; 64], "test").unwrap();
        assert!(other.open("k1", &sealed).is_none(), "another key");
        assert!(kek.open("k1", &sealed[..5]).is_none(), "cut short");
    }

    #[test]
    fn reads_hex_or_base64_of_32_bytes() {
        let b64 = base64::engine::general_purpose::STANDARD.encode([7u8; 32]);
        assert!(Kek::from_text(format!("{b64}\n").as_bytes(), "x").is_ok());
        assert!(Kek::from_text(format!(" {HEX}\n").as_bytes(), "x").is_ok());
        let e = Kek::from_text(b"short", "SVCACCT_ISSUER_KEK").unwrap_err();
        assert_eq!(
            e.to_string(),
            "the issuer key-encryption key from SVCACCT_ISSUER_KEK is not 32 bytes written as \
             64 hex characters or base64 (make one with `openssl rand -hex 32`)"
        );
        assert_eq!(
            format!("{:?}", Kek::from_text(HEX.as_bytes(), "test").unwrap()),
            "Kek(REDACTED, from test)"
        );
    }
}
