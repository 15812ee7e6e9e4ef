//! The local keystore: private keys of the accounts this machine signs for.
//!
//! Layout: `<root>/<namespace dir>/<name>/<kid>.pem` (PKCS#8 PEM, 0600, folders 0700) and a
//! `current` file naming the kid that `svcacct token NAME` signs with, and for an account made
//! with `--impersonate` an `impersonates` file with the user id its tokens speak for (so that
//! tokens signed for a remote store, which the client cannot read first, carry it), and a
//! `<kid>.alg` file for a key registered to sign with RS384 or RS512. The
//! namespace and account folders are svcacct's own: one that is a symbolic link is refused
//! for writing and left alone by removals.

use std::fs;
use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use crate::error::UserError;
use crate::identity::{Name, Reference};
use crate::keys::PrivateKey;
use crate::model::KeyAlgorithm;
use crate::output::shown_path;

const IMPERSONATES: &str = "impersonates";
/// `<kid>.alg`: the algorithm a key that is not RS256 is registered for.
const ALGORITHM_EXT: &str = ".alg";

pub struct Keystore {
    root: PathBuf,
}

impl Keystore {
    pub fn new(root: PathBuf) -> Keystore {
        Keystore { root }
    }

    fn account_dir(&self, r: &Reference) -> PathBuf {
        self.root.join(r.namespace.dir_name()).join(r.name.as_str())
    }

    /// The folders svcacct makes for `r` inside the root: `<namespace dir>`, then `<name>`.
    fn own_dirs(&self, r: &Reference) -> [PathBuf; 2] {
        let ns = self.root.join(r.namespace.dir_name());
        let account = ns.join(r.name.as_str());
        [ns, account]
    }

    /// Refuses, before anything is written anywhere, what `save` and `set_impersonates` would
    /// refuse: a folder of `r` in the keystore that is a symbolic link (or no folder).
    pub fn check_writable(&self, r: &Reference) -> Result<()> {
        for dir in self.own_dirs(r) {
            match fs::symlink_metadata(&dir) {
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
                Err(e) => return Err(e).with_context(|| format!("cannot read {}", dir.display())),
                Ok(m) => own_folder(&dir, &m)?,
            }
        }
        Ok(())
    }

    /// `r`'s folder, made with mode 0700 when missing (and the root, with its parents). The
    /// root is followed as the user named it; the folders svcacct makes in it never are: one
    /// that is a symbolic link is refused, so that a private key never lands in a folder
    /// svcacct did not make (elsewhere, readable by others).
    fn make_account_dir(&self, r: &Reference) -> Result<PathBuf> {
        crate::fsutil::create_private_dir(&self.root)?;
        let [ns, account] = self.own_dirs(r);
        for dir in [&ns, &account] {
            // `mkdir` makes no folder through a link: an existing one is looked at below.
            match fs::DirBuilder::new().mode(0o700).create(dir) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(e) => {
                    return Err(e)
                        .with_context(|| format!("cannot create folder {}", dir.display()));
                }
            }
            let m = fs::symlink_metadata(dir)
                .with_context(|| format!("cannot read {}", dir.display()))?;
            own_folder(dir, &m)?;
        }
        Ok(account)
    }

    /// True when a folder of `r` is a symbolic link: nothing there is svcacct's to remove.
    fn linked(&self, r: &Reference) -> bool {
        self.own_dirs(r)
            .iter()
            .any(|d| crate::fsutil::is_symlink(d))
    }

    /// Stores `key` for `r` and makes it the key `token` signs with. Returns its path.
    pub fn save(&self, r: &Reference, key: &PrivateKey) -> Result<PathBuf> {
        let dir = self.make_account_dir(r)?;
        let kid = key.kid();
        let path = dir.join(format!("{kid}.pem"));
        crate::fsutil::write_new(&path, key.to_pkcs8_pem().as_bytes(), 0o600, true)?;
        crate::fsutil::write_new(
            &dir.join("current"),
            format!("{kid}\n").as_bytes(),
            0o600,
            true,
        )?;
        Ok(path)
    }

    /// The path of the key to sign with: `kid`, or the current one.
    pub fn key_path(&self, r: &Reference, kid: Option<&str>) -> Result<PathBuf> {
        let dir = self.account_dir(r);
        let kid = match kid {
            Some(k) => k.to_owned(),
            None => match fs::read_to_string(dir.join("current")) {
                Ok(s) => s.trim().to_owned(),
                Err(_) => {
                    return Err(UserError::Failure(format!(
                        "no private key for `{r}` in the keystore {}: pass --jwt-private-key FILE \
                         (or set SVCACCT_JWT_PRIVATE_KEY)",
                        shown_path(&self.root)
                    ))
                    .into());
                }
            },
        };
        if !is_kid(&kid) {
            return Err(UserError::Usage(format!(
                "invalid kid `{}`",
                crate::output::sanitize(&kid)
            ))
            .into());
        }
        let path = dir.join(format!("{kid}.pem"));
        if !path.exists() {
            return Err(UserError::Failure(format!(
                "the keystore {} has no key `{kid}` for `{r}`",
                shown_path(&self.root)
            ))
            .into());
        }
        Ok(path)
    }

    /// Forgets the key `kid` of `r`, if this keystore has it. Returns whether it did.
    pub fn remove_key(&self, r: &Reference, kid: &str) -> Result<bool> {
        if !is_kid(kid) || self.linked(r) {
            return Ok(false);
        }
        let dir = self.account_dir(r);
        let path = dir.join(format!("{kid}.pem"));
        match fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
            Err(e) => {
                return Err(e).with_context(|| format!("cannot remove {}", shown_path(&path)));
            }
        }
        self.note_algorithm(r, kid, KeyAlgorithm::RS256)?;
        let current = dir.join("current");
        if fs::read_to_string(&current).is_ok_and(|s| s.trim() == kid) {
            // Fall back to another key of the account, if there is one.
            match newest_key(&dir)? {
                Some(other) => crate::fsutil::write_new(
                    &current,
                    format!("{other}\n").as_bytes(),
                    0o600,
                    true,
                )?,
                None => {
                    fs::remove_file(&current)
                        .with_context(|| format!("cannot remove {}", shown_path(&current)))?;
                    self.set_impersonates(r, None)?;
                    // The account's folder is empty now; leftovers are not worth an error.
                    let _ = fs::remove_dir(&dir);
                }
            }
        }
        Ok(true)
    }

    /// Notes (or, with `None`, forgets) the user that `r` impersonates.
    pub fn set_impersonates(&self, r: &Reference, user: Option<&str>) -> Result<()> {
        let dir = self.account_dir(r);
        let path = dir.join(IMPERSONATES);
        match user {
            Some(user) => {
                let dir = self.make_account_dir(r)?;
                crate::fsutil::write_new(
                    &dir.join(IMPERSONATES),
                    format!("{user}\n").as_bytes(),
                    0o600,
                    true,
                )
            }
            None if self.linked(r) => Ok(()),
            None => match fs::remove_file(&path) {
                Ok(()) => {
                    // Gone with the note when it held nothing else (no keys).
                    let _ = fs::remove_dir(&dir);
                    Ok(())
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
                Err(e) => Err(e).with_context(|| format!("cannot remove {}", shown_path(&path))),
            },
        }
    }

    /// The user that `r` impersonates, as noted by `set_impersonates`.
    pub fn impersonates(&self, r: &Reference) -> Option<String> {
        let text = fs::read_to_string(self.account_dir(r).join(IMPERSONATES)).ok()?;
        crate::model::check_user_id(text.trim_end_matches('\n')).ok()
    }

    /// Notes the algorithm key `kid` of `r` is registered to sign with, so that tokens signed
    /// where the registry cannot be read first (a remote store, offline) use it. RS256, the
    /// default, needs no note.
    pub fn note_algorithm(&self, r: &Reference, kid: &str, alg: KeyAlgorithm) -> Result<()> {
        let name = format!("{kid}{ALGORITHM_EXT}");
        if alg == KeyAlgorithm::RS256 {
            if self.linked(r) {
                return Ok(());
            }
            let path = self.account_dir(r).join(name);
            return match fs::remove_file(&path) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    Err(e).with_context(|| format!("cannot remove {}", path.display()))
                }
                _ => Ok(()),
            };
        }
        let path = self.make_account_dir(r)?.join(name);
        crate::fsutil::write_new(&path, format!("{alg}\n").as_bytes(), 0o600, true)
    }

    /// The algorithm noted for key `kid` of `r` (see `note_algorithm`); `None` without a note.
    pub fn algorithm(&self, r: &Reference, kid: &str) -> Option<KeyAlgorithm> {
        if !is_kid(kid) {
            return None;
        }
        let text =
            fs::read_to_string(self.account_dir(r).join(format!("{kid}{ALGORITHM_EXT}"))).ok()?;
        KeyAlgorithm::parse(text.trim_end())
    }

    /// True when the keystore holds keys for `r` (of this account, a deleted one of the same
    /// name, or a same-named account in another store).
    pub fn has_keys(&self, r: &Reference) -> bool {
        self.account_dir(r).join("current").exists()
    }

    /// Moves the keys of `from` to the new name.
    pub fn rename_account(&self, from: &Reference, to: &Name) -> Result<()> {
        let src = self.account_dir(from);
        if !src.exists() {
            return Ok(());
        }
        let dst = self.account_dir(&Reference::new(from.namespace.clone(), to.clone()));
        if dst.exists() {
            return Err(UserError::Failure(format!(
                "the keystore already has keys for `{to}` in {} (of a deleted account, or of one \
                 in another store): move them away first",
                shown_path(&dst)
            ))
            .into());
        }
        fs::rename(&src, &dst)
            .with_context(|| format!("cannot move {} to {}", shown_path(&src), shown_path(&dst)))
    }
}

/// A folder svcacct made: not a symbolic link, and a folder.
fn own_folder(dir: &Path, m: &fs::Metadata) -> Result<()> {
    if m.file_type().is_symlink() {
        return Err(crate::fsutil::foreign_link(
            "the keystore folder",
            dir,
            "svcacct writes private keys only into folders it made (mode 0700); remove the \
             link, or choose another keystore with --keystore",
        )
        .into());
    }
    if !m.is_dir() {
        return Err(UserError::Failure(format!(
            "the keystore has a file where the folder {} belongs: move it away",
            dir.display()
        ))
        .into());
    }
    // A folder another user owns, or that others may write to, is not a place for a private
    // key: they could replace `current` or the key itself (svcacct makes its folders 0700).
    use std::os::unix::fs::MetadataExt as _;
    let me = rustix::process::geteuid().as_raw();
    if m.uid() != me || m.mode() & 0o022 != 0 {
        return Err(UserError::Failure(format!(
            "the keystore folder {} is {}: svcacct keeps private keys only in folders of its \
             user that nobody else may write to (it makes them 0700); fix it with `chown` and \
             `chmod 700`, or remove it",
            dir.display(),
            if m.uid() != me {
                "owned by another user"
            } else {
                "writable by others"
            }
        ))
        .into());
    }
    Ok(())
}

fn is_kid(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 128
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn newest_key(dir: &Path) -> Result<Option<String>> {
    let mut best: Option<(std::time::SystemTime, String)> = None;
    for entry in fs::read_dir(dir).with_context(|| format!("cannot read {}", shown_path(dir)))? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(kid) = name.strip_suffix(".pem") {
            let t = entry.metadata()?.modified()?;
            if best.as_ref().is_none_or(|(bt, _)| t > *bt) {
                best = Some((t, kid.to_owned()));
            }
        }
    }
    Ok(best.map(|(_, k)| k))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::identity::Namespace;
    use std::os::unix::fs::PermissionsExt;

    fn reference(ns: &str, name: &str) -> Reference {
        Reference::new(Namespace::parse(ns).unwrap(), Name::parse(name).unwrap())
    }

    #[test]
    fn save_choose_remove_and_rename() {
        let d = tempfile::tempdir().unwrap();
        let ks = Keystore::new(d.path().join("keys"));
        let r = reference("eng/platform", "ci");
        assert!(ks.key_path(&r, None).is_err());

        let first = PrivateKey::generate(2048).unwrap();
        let p1 = ks.save(&r, &first).unwrap();
        assert!(p1.starts_with(d.path().join("keys/eng.platform/ci")));
        assert_eq!(
            fs::metadata(&p1).unwrap().permissions().mode() & 0o777,
            0o600
        );
        assert_eq!(
            fs::metadata(p1.parent().unwrap())
                .unwrap()
                .permissions()
                .mode()
                & 0o777,
            0o700
        );
        assert_eq!(ks.key_path(&r, None).unwrap(), p1);

        // A second key becomes current; the first can still be picked by kid.
        let second = PrivateKey::generate(2048).unwrap();
        let p2 = ks.save(&r, &second).unwrap();
        assert_eq!(ks.key_path(&r, None).unwrap(), p2);
        assert_eq!(ks.key_path(&r, Some(&first.kid())).unwrap(), p1);
        // A kid cannot climb out of the account's folder, even to a file that exists.
        fs::write(d.path().join("keys/eng.platform/evil.pem"), "x").unwrap();
        let err = ks.key_path(&r, Some("../evil")).unwrap_err();
        assert_eq!(err.to_string(), "invalid kid `../evil`");
        assert!(ks.key_path(&r, Some("unknown")).is_err());

        // Removing the current key falls back to the other one.
        assert!(ks.remove_key(&r, &second.kid()).unwrap());
        assert!(!ks.remove_key(&r, &second.kid()).unwrap());
        assert_eq!(ks.key_path(&r, None).unwrap(), p1);

        let renamed = Name::parse("builder").unwrap();
        ks.rename_account(&r, &renamed).unwrap();
        let moved = reference("eng/platform", "builder");
        assert!(ks.key_path(&moved, None).is_ok());
        assert!(ks.key_path(&r, None).is_err());
        // The impersonation note stays with the keys, and goes with the last one.
        assert_eq!(ks.impersonates(&moved), None);
        ks.set_impersonates(&moved, Some("alice@example.com"))
            .unwrap();
        assert_eq!(
            ks.impersonates(&moved).as_deref(),
            Some("alice@example.com")
        );
        let lone = reference("eng", "lone");
        ks.set_impersonates(&lone, Some("bob")).unwrap();
        assert_eq!(ks.impersonates(&lone).as_deref(), Some("bob"));
        ks.set_impersonates(&lone, None).unwrap();
        assert_eq!(ks.impersonates(&lone), None);
        assert!(!d.path().join("keys/eng/lone").exists());
        // Removing the last key leaves nothing behind.
        assert!(ks.has_keys(&moved));
        assert!(ks.remove_key(&moved, &first.kid()).unwrap());
        assert!(!ks.has_keys(&moved));
        assert!(!d.path().join("keys/eng.platform/builder").exists());
    }

    /// The folders svcacct makes in the keystore are its own: one that is a symbolic link
    /// (elsewhere, of another mode) gets no private key, and nothing there is removed.
    #[test]
    fn folders_that_are_links_are_refused_and_left_alone() {
        let d = tempfile::tempdir().unwrap();
        let ks = Keystore::new(d.path().join("keys"));
        let elsewhere = d.path().join("shared");
        fs::create_dir(&elsewhere).unwrap();
        fs::write(elsewhere.join("current"), "theirs\n").unwrap();
        let key = PrivateKey::generate(2048).unwrap();
        for (ns, link) in [("eng", "keys/eng/ci"), ("ops", "keys/ops")] {
            let r = reference(ns, "ci");
            let link = d.path().join(link);
            fs::create_dir_all(link.parent().unwrap()).unwrap();
            std::os::unix::fs::symlink(&elsewhere, &link).unwrap();
            let want = format!(
                "the keystore folder {} is a symbolic link, which svcacct did not make: svcacct \
                 writes private keys only into folders it made (mode 0700); remove the link, or \
                 choose another keystore with --keystore",
                link.display()
            );
            assert_eq!(ks.check_writable(&r).unwrap_err().to_string(), want);
            assert_eq!(ks.save(&r, &key).unwrap_err().to_string(), want);
            assert_eq!(
                ks.set_impersonates(&r, Some("alice"))
                    .unwrap_err()
                    .to_string(),
                want
            );
            assert!(!ks.remove_key(&r, "theirs").unwrap());
            ks.set_impersonates(&r, None).unwrap();
            let names: Vec<_> = fs::read_dir(&elsewhere)
                .unwrap()
                .map(|e| e.unwrap().file_name())
                .collect();
            assert_eq!(names, ["current"]);
        }
        // Folders it makes are 0700.
        let r = reference("dev/team", "ci");
        ks.check_writable(&r).unwrap();
        ks.save(&r, &key).unwrap();
        for dir in ["keys/dev.team", "keys/dev.team/ci"] {
            let m = fs::metadata(d.path().join(dir)).unwrap();
            assert_eq!(m.permissions().mode() & 0o777, 0o700, "{dir}");
        }
    }
}
