//! Token reuse (`svcacct token --reuse`): the last token minted for one combination of account,
//! key, algorithm, lifetime, audiences and claims, kept in a file of its own so that the next
//! `svcacct token` of the same combination prints it again while enough of its lifetime is
//! left, instead of signing a new one.
//!
//! Where: `$XDG_RUNTIME_DIR/svcacct/tokens/` (a tmpfs of the user's, emptied at logout), else
//! the user's cache folder (`dirs::cache_dir()`, `~/.cache/svcacct/tokens/`). One file per
//! combination, named by the SHA-256 of the combination ([`Combination`]), holding the token
//! and the combination itself (compared on reading, so a file never answers for another).
//!
//! Who can read it: the folder is made 0700 and each file 0600 at creation (never a chmod
//! after); a folder that is a symbolic link, is not a folder, belongs to another user or lets
//! others in is not used at all, and a file that is a link, belongs to another user or may be
//! read by others is not used (a new token replaces it). Files are opened without following
//! links and written atomically (a new file renamed over the old one), so a reader never sees
//! half a token. A damaged or expired file is replaced by a new token silently.
//!
//! What a combination is: everything that goes into the token or decides whether it verifies
//! — the account's reference, its uid and since when it has its name (a re-created or renamed
//! account refuses tokens minted before), the key's fingerprint and when the registry got it, the
//! algorithm, the lifetime, the subject (the user an impersonating account acts for), the
//! audiences in order and the extra claims — and the store it was minted against. A new key
//! (rotation) has a new fingerprint, so it never gets a token of the old one.

use std::fs::{self, OpenOptions};
use std::io::{Read as _, Write as _};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};

use super::claims::LEEWAY;
use super::mint::Minted;
use crate::fsutil::O_NOFOLLOW;

/// The default share of a token's lifetime that must remain for it to be reused: half.
pub const DEFAULT_FRACTION: f64 = 0.5;

/// The largest cache file read (a token with many claims is a few KiB).
const MAX_FILE: u64 = 64 * 1024;

/// Everything a reused token must have been minted with. Serialized (fields in this order,
/// maps sorted) it is both the file's name, by its SHA-256, and part of its content.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Combination {
    /// Where the account's record was looked up: the store's folder or URL.
    pub store: String,
    /// `ns/name`, namespace always written.
    pub account: String,
    /// The account's uid in a local store that has it.
    pub uid: Option<String>,
    /// Since when the account has its name (created or renamed), from a local store.
    pub named_since: Option<Timestamp>,
    /// `SHA256:…` of the key's SPKI.
    pub key: String,
    /// When the registry got the key, from a local store's record.
    pub key_registered: Option<Timestamp>,
    pub alg: String,
    /// The lifetime asked for.
    pub ttl: SignedDuration,
    /// `sub` when it is not the account itself (an impersonating account).
    pub subject: Option<String>,
    pub audiences: Vec<String>,
    pub claims: std::collections::BTreeMap<String, String>,
}

impl Combination {
    fn file_name(&self) -> Result<String> {
        let bytes = serde_json::to_vec(self)?;
        let digest = aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, &bytes);
        let mut name = String::with_capacity(70);
        for b in digest.as_ref() {
            name.push_str(&format!("{b:02x}"));
        }
        name.push_str(".json");
        Ok(name)
    }
}

/// A cache file: the combination and the token minted for it.
#[derive(Serialize, Deserialize)]
struct Kept {
    combination: Combination,
    token: String,
    kid: String,
    alg: String,
    #[serde(rename = "issuedAt")]
    iat: Timestamp,
    #[serde(rename = "expiresAt")]
    exp: Timestamp,
    jti: String,
}

/// What a look-up found.
#[derive(Debug)]
pub enum Found {
    /// A token to print again.
    Reuse(Minted),
    /// None, or one too old, damaged or of another combination: mint a new one and keep it.
    Mint,
    /// A file that must not be used (why, for a warning): mint a new one and keep it instead.
    Unsafe(String),
}

/// Where the cache folder goes: `$XDG_RUNTIME_DIR`, else the user's cache folder.
pub fn default_base() -> Option<PathBuf> {
    dirs::runtime_dir().or_else(dirs::cache_dir)
}

/// The folder of kept tokens, checked to be the user's own.
pub struct Cache {
    dir: PathBuf,
}

/// Why the cache cannot be used at all (for a warning); then nothing is read or written.
#[derive(Debug)]
pub struct Unusable(pub String);

impl Cache {
    /// The cache under `base` (`$XDG_RUNTIME_DIR` or the user's cache folder): `base/svcacct`
    /// and `base/svcacct/tokens` are made 0700 when missing; existing ones must be folders of
    /// this user, not links, and closed to others (`tokens`) or at least not writable by
    /// them (`svcacct`, which may hold other things).
    pub fn open(base: &Path) -> Result<Cache, Unusable> {
        let parent = base.join("svcacct");
        let dir = parent.join("tokens");
        fs::create_dir_all(base)
            .map_err(|e| Unusable(format!("cannot create the folder {}: {e}", base.display())))?;
        for (d, closed) in [(&parent, 0o022), (&dir, 0o077)] {
            match fs::DirBuilder::new().mode(0o700).create(d) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(e) => {
                    return Err(Unusable(format!(
                        "cannot create the folder {}: {e}",
                        d.display()
                    )));
                }
            }
            let m = fs::symlink_metadata(d)
                .map_err(|e| Unusable(format!("cannot read the folder {}: {e}", d.display())))?;
            if let Some(why) = unsafe_because(&m, closed, true) {
                return Err(Unusable(format!(
                    "the token cache folder {} {why}: tokens are not reused or kept (svcacct makes \
                     it 0700; remove it, or fix it with `chmod 700`)",
                    d.display()
                )));
            }
        }
        Ok(Cache { dir })
    }

    /// The token kept for `c`, if at least `fraction` of its lifetime remains at `now`.
    pub fn find(&self, c: &Combination, now: Timestamp, fraction: f64) -> Result<Found> {
        let path = self.dir.join(c.file_name()?);
        let file = match OpenOptions::new()
            .read(true)
            .custom_flags(O_NOFOLLOW)
            .open(&path)
        {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Found::Mint),
            // A symbolic link (ELOOP) or anything else unreadable.
            Err(e) => {
                return Ok(Found::Unsafe(format!(
                    "the token cache file {} cannot be opened ({e}); it was not used",
                    path.display()
                )));
            }
        };
        let m = file
            .metadata()
            .with_context(|| format!("cannot read {}", path.display()))?;
        if let Some(why) = unsafe_because(&m, 0o077, false) {
            return Ok(Found::Unsafe(format!(
                "the token cache file {} {why}: it was not used, and a new token replaces it",
                path.display()
            )));
        }
        // Sized from the file: one read, not a doubling buffer's eight.
        let mut text = String::with_capacity(m.len().min(MAX_FILE) as usize + 1);
        if file.take(MAX_FILE).read_to_string(&mut text).is_err() {
            return Ok(Found::Mint);
        }
        let Ok(kept) = serde_json::from_str::<Kept>(&text) else {
            return Ok(Found::Mint);
        };
        Ok(match reusable(kept, c, now, fraction) {
            Some(m) => Found::Reuse(m),
            None => Found::Mint,
        })
    }

    /// Keeps `minted` as the token of `c`: a new 0600 file renamed over the old one.
    pub fn keep(&self, c: Combination, minted: &Minted) -> Result<()> {
        let path = self.dir.join(c.file_name()?);
        let kept = Kept {
            combination: c,
            token: minted.token.clone(),
            kid: minted.kid.clone(),
            alg: minted.alg.to_owned(),
            iat: minted.iat,
            exp: minted.exp,
            jti: minted.jti.clone(),
        };
        let bytes = zeroize::Zeroizing::new(serde_json::to_vec(&kept)?);
        drop(zeroize::Zeroizing::new(kept.token));
        let tmp = self.dir.join(format!(
            ".tmp-{}-{}",
            std::process::id(),
            Timestamp::now().as_nanosecond()
        ));
        let mut f = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .custom_flags(O_NOFOLLOW)
            .open(&tmp)
            .with_context(|| format!("cannot create {}", tmp.display()))?;
        let written = f
            .write_all(&bytes)
            .with_context(|| format!("cannot write {}", tmp.display()))
            .and_then(|()| {
                fs::rename(&tmp, &path)
                    .with_context(|| format!("cannot replace {}", path.display()))
            });
        if written.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        written?;
        self.prune(Timestamp::now());
        Ok(())
    }

    /// Removes the files of tokens that have expired (each combination leaves one file), and
    /// temporary files of writes that did not finish an hour ago. Best effort: it runs after
    /// a new token was kept, never on the reuse path.
    fn prune(&self, now: Timestamp) {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return;
        };
        let me = rustix::process::geteuid().as_raw();
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(m) = entry.metadata() else { continue };
            if !m.is_file() || m.uid() != me {
                continue;
            }
            let name = entry.file_name();
            let stale = if name.to_string_lossy().starts_with(".tmp-") {
                m.mtime() < now.as_second() - 3600
            } else {
                fs::read(&path)
                    .ok()
                    .and_then(|b| serde_json::from_slice::<Kept>(&b).ok())
                    .is_some_and(|k| k.exp <= now)
            };
            if stale {
                let _ = fs::remove_file(&path);
            }
        }
    }
}

/// The token of `kept`, when it was minted for `c` and at least `fraction` of its lifetime
/// remains at `now`.
fn reusable(kept: Kept, c: &Combination, now: Timestamp, fraction: f64) -> Option<Minted> {
    if kept.combination != *c || kept.alg != c.alg {
        return None;
    }
    let alg = match kept.alg.as_str() {
        "RS256" => "RS256",
        "RS384" => "RS384",
        "RS512" => "RS512",
        _ => return None,
    };
    // A JWS in compact form, and nothing that would break the line it is printed on.
    let compact = kept.token.split('.').count() == 3
        && kept
            .token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    // Minted at `iat + LEEWAY` with the lifetime `c.ttl`; a file that says otherwise, or a clock
    // that went back before the minting, gets a new token.
    let minted_at = kept.iat + LEEWAY;
    let lifetime = c.ttl;
    if !compact || kept.exp != minted_at + lifetime || now < minted_at {
        return None;
    }
    let remaining = kept.exp.duration_since(now).as_secs_f64();
    if remaining <= 0.0 || remaining < fraction * lifetime.as_secs_f64() {
        return None;
    }
    Some(Minted {
        token: kept.token,
        kid: kept.kid,
        alg,
        iat: kept.iat,
        exp: kept.exp,
        jti: kept.jti,
    })
}

/// Why a folder or file is not the user's own private one (`None` when it is): a link, not
/// what it should be, another user's, or open to others by `mask`.
fn unsafe_because(m: &fs::Metadata, mask: u32, dir: bool) -> Option<String> {
    if m.file_type().is_symlink() {
        return Some("is a symbolic link".to_owned());
    }
    if dir && !m.is_dir() {
        return Some("is not a folder".to_owned());
    }
    if !dir && !m.is_file() {
        return Some("is not a regular file".to_owned());
    }
    if m.uid() != rustix::process::geteuid().as_raw() {
        return Some("belongs to another user".to_owned());
    }
    if m.mode() & mask != 0 {
        return Some(format!(
            "is open to other users (mode {:o})",
            m.mode() & 0o777
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn combination() -> Combination {
        Combination {
            store: "/s".into(),
            account: "default/bot".into(),
            uid: None,
            named_since: None,
            key: "SHA256:x".into(),
            key_registered: None,
            alg: "RS256".into(),
            ttl: SignedDuration::from_secs(600),
            subject: None,
            audiences: vec![],
            claims: Default::default(),
        }
    }

    fn kept(iat: i64, exp: i64) -> Kept {
        Kept {
            combination: combination(),
            token: "a.b.c".into(),
            kid: "k".into(),
            alg: "RS256".into(),
            iat: Timestamp::from_second(iat).unwrap(),
            exp: Timestamp::from_second(exp).unwrap(),
            jti: "j".into(),
        }
    }

    #[test]
    fn reused_while_the_fraction_remains() {
        let c = combination();
        // Minted at 1,000,060 for 600 s: exp 1,000,660.
        let at = |s| Timestamp::from_second(s).unwrap();
        let k = || kept(1_000_000, 1_000_660);
        assert!(reusable(k(), &c, at(1_000_060), 0.5).is_some());
        assert!(reusable(k(), &c, at(1_000_360), 0.5).is_some());
        assert!(reusable(k(), &c, at(1_000_361), 0.5).is_none());
        assert!(reusable(k(), &c, at(1_000_600), 0.1).is_some());
        assert!(reusable(k(), &c, at(1_000_601), 0.1).is_none());
        assert!(reusable(k(), &c, at(1_000_660), 0.01).is_none());
        // The clock went back before the minting.
        assert!(reusable(k(), &c, at(1_000_059), 0.5).is_none());
        // A lifetime that is not the combination's.
        assert!(reusable(kept(1_000_000, 1_000_661), &c, at(1_000_100), 0.5).is_none());
        let mut other = combination();
        other.audiences = vec!["a".into()];
        assert!(reusable(k(), &other, at(1_000_100), 0.5).is_none());
        let mut odd = k();
        odd.token = "a.b.c\nX".into();
        assert!(reusable(odd, &c, at(1_000_100), 0.5).is_none());
    }

    #[test]
    fn file_names_differ_by_every_field() {
        let base = combination().file_name().unwrap();
        let mut c = combination();
        c.claims.insert("k".into(), "v".into());
        assert_ne!(c.file_name().unwrap(), base);
        let mut c = combination();
        c.key_registered = Some(Timestamp::UNIX_EPOCH);
        assert_ne!(c.file_name().unwrap(), base);
        assert_eq!(base.len(), 64 + ".json".len());
    }
}
