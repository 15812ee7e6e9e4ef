//! The file store: one TOML file per record under a root folder, the embedded default
//! (docs/ARCHITECTURE.md, "The store").
//!
//! ```text
//! <root>/.lock                                  locked exclusively by every write
//! <root>/.generation                            bumped by every write (file/generation.rs)
//! <root>/.tmp/<32 hex>                          a write's temporary file, until it is renamed
//! <root>/accounts/<namespace>/<name>.toml       `eng/platform` is the folder `eng.platform`
//! <root>/policies/_global/<name>.toml           global policies (`_` is in no label)
//! <root>/policies/<namespace>/<name>.toml
//! <root>/issuer/issuer.toml                     issuer id, algorithm, key metadata (crate::issued)
//! <root>/issuer/<kid>.key                       an issuer key's private half (0600, never printed)
//! <root>/tokens/<namespace>/<name>.toml         the issued-token records of one account
//! <root>/namespaces/<namespace>.toml            records of `namespace create` (`eng.platform.toml`)
//! ```
//!
//! A write locks `.lock`, re-reads the record it changes and checks it (existence, revision),
//! writes a file in `.tmp/` (mode 0600), fsyncs it, renames it over the record and fsyncs the
//! record's folder, so a crash leaves the old record or the new one; the next write removes
//! what a killed one left in `.tmp/` (see `Locked`). Reads take no lock:
//! the rename is atomic, so a reader sees one whole record. A lookup reads exactly one file,
//! whatever the size of the registry.
//!
//! Every write transaction bumps the store's generation (`.generation`, see `file/generation.rs`)
//! once its records are in place, so that a long-running reader (`svcacct serve`, through
//! `store::cached::Cached`) knows when what it read may have changed.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::de::DeserializeOwned;
use zeroize::Zeroizing;

mod generation;
mod layout;
mod tx;

use super::engine::{Engine, Found, Page, PolicyKey, Result, Tx};
use super::errors::{OrUnavailable, StoreError};
use super::{Listing, Scope};
use crate::error::{RecordLocation, UserError};
use crate::identity::{Name, Namespace, Reference};
use crate::issued::{IssuerRecord, TokenFile};
use crate::model::{Account, NamespaceRecord, Policy, PolicyScope, new_uid};
use crate::output::{sanitize, shown_path};
use layout::*;

/// A registry kept as one TOML file per record under `root`.
#[derive(Clone, Debug)]
pub struct FileStore {
    root: PathBuf,
    /// Shared by the clones: the generation file is mapped once.
    generation: Arc<generation::Generation>,
    /// `check` has found the folder: missing from then on, it is gone, not yet to be made.
    seen: Arc<std::sync::atomic::AtomicBool>,
}

impl FileStore {
    /// Opens the store at `root` without touching the disk: a missing root reads as an empty
    /// registry, and is created (mode 0700) by the first write.
    pub fn open(root: PathBuf) -> FileStore {
        let store = FileStore {
            root,
            generation: Arc::default(),
            seen: Arc::default(),
        };
        store.finish_interrupted_change();
        store
    }

    /// A change of several files that a killed writer left half-done (its journal in `.tmp/`)
    /// is finished before this process reads anything, so that no reader sees half of it (a
    /// rename under both names). One `stat` when there is none; a failure is left to the next
    /// write, which tries again under the lock and says why.
    fn finish_interrupted_change(&self) {
        if self.root.join(TMP_DIR).join(JOURNAL).exists() {
            let _ = self.locked(|_| Ok(()));
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Whether a change of several files may be half-applied: its journal is in `.tmp/` (or
    /// cannot be looked for), because a writer holding the lock is applying it or a killed one
    /// left it.
    fn journal_may_be_there(&self) -> bool {
        match fs::symlink_metadata(self.root.join(TMP_DIR).join(JOURNAL)) {
            Err(e) => e.kind() != io::ErrorKind::NotFound,
            Ok(_) => true,
        }
    }

    /// Whether a writer may hold the store's lock now: a shared lock of `.lock` is refused
    /// (`flock` locks of two opens conflict, in one process too), or cannot be tried. No lock
    /// file means no writer has locked the store yet, so none has changed anything.
    fn writer_may_be_there(&self) -> bool {
        let lock = OpenOptions::new()
            .read(true)
            .custom_flags(crate::fsutil::O_NOFOLLOW)
            .open(self.root.join(LOCK_FILE));
        match lock {
            Err(e) => e.kind() != io::ErrorKind::NotFound,
            Ok(lock) => lock.try_lock_shared().is_err(),
        }
    }

    fn account_dir(&self, ns: &Namespace) -> PathBuf {
        self.root.join(ACCOUNTS_DIR).join(ns.dir_name())
    }

    fn account_path(&self, r: &Reference) -> PathBuf {
        self.account_dir(&r.namespace)
            .join(record_file_name(&r.name))
    }

    fn policy_dir(&self, scope: &PolicyScope) -> PathBuf {
        let dir = match scope {
            PolicyScope::Global => GLOBAL_DIR.to_owned(),
            PolicyScope::Namespace(ns) => ns.dir_name(),
        };
        self.root.join(POLICIES_DIR).join(dir)
    }

    fn policy_path(&self, scope: &PolicyScope, name: &Name) -> PathBuf {
        self.policy_dir(scope).join(record_file_name(name))
    }

    fn tokens_path(&self, r: &Reference) -> PathBuf {
        self.root
            .join(TOKENS_DIR)
            .join(r.namespace.dir_name())
            .join(record_file_name(&r.name))
    }

    fn issuer_key_path(&self, kid: &str) -> Result<PathBuf> {
        // A kid comes from the issuer record, but may have been edited there: a file name only.
        if !crate::issued::is_key_id(kid) {
            return Err(UserError::Failure(format!(
                "issuer key id `{}` is not a base64url id",
                sanitize(kid)
            ))
            .into());
        }
        Ok(self.root.join(ISSUER_DIR).join(format!("{kid}.key")))
    }

    fn namespace_path(&self, ns: &Namespace) -> PathBuf {
        self.root
            .join(NAMESPACES_DIR)
            .join(format!("{}{RECORD_EXT}", ns.dir_name()))
    }

    /// As `load_account`, for namespace records.
    fn load_namespace(&self, ns: &Namespace) -> Result<Option<NamespaceRecord>> {
        let path = self.namespace_path(ns);
        let Some(record) = load::<NamespaceRecord>(&path)? else {
            return Ok(None);
        };
        if record.name != *ns {
            return Err(corrupt(
                &path,
                format!(
                    "it holds namespace `{}`, not `{ns}` as its path says",
                    record.name
                ),
            ));
        }
        Ok(Some(record))
    }

    /// The account stored for `r`, `None` when there is none; an unreadable file, or one that
    /// holds another account than its path says, is a `CorruptRecord`.
    fn load_account(&self, r: &Reference) -> Result<Option<Account>> {
        let path = self.account_path(r);
        let Some(account) = load::<Account>(&path)? else {
            return Ok(None);
        };
        if account.reference() != *r {
            return Err(corrupt(
                &path,
                format!(
                    "it holds service account `{}`, not `{r}` as its path says",
                    account.reference()
                ),
            ));
        }
        Ok(Some(account))
    }

    /// As `load_account`, for policies.
    fn load_policy(&self, scope: &PolicyScope, name: &Name) -> Result<Option<Policy>> {
        let path = self.policy_path(scope, name);
        let Some(policy) = load::<Policy>(&path)? else {
            return Ok(None);
        };
        if policy.scope() != *scope || policy.name != *name {
            return Err(corrupt(
                &path,
                format!(
                    "it holds policy `{}` in {}, not `{name}` in {scope} as its path says",
                    policy.name,
                    policy.scope()
                ),
            ));
        }
        Ok(Some(policy))
    }

    /// The policies of `scope` on `page`, read from the disk.
    fn disk_policies(&self, scope: &Scope, page: &Page<PolicyKey>) -> Found<Policy> {
        let mut errors = Vec::new();
        let dirs = match scope {
            Scope::Namespace(ns) => {
                let scope = PolicyScope::Namespace(ns.clone());
                vec![(scope.clone(), self.policy_dir(&scope))]
            }
            _ => within(
                scope,
                subdirs(
                    &self.root.join(POLICIES_DIR),
                    |s| match s {
                        GLOBAL_DIR => Some(PolicyScope::Global),
                        _ => Namespace::from_dir_name(s).ok().map(PolicyScope::Namespace),
                    },
                    &mut errors,
                )?,
                |(s, _)| match s {
                    PolicyScope::Global => None,
                    PolicyScope::Namespace(ns) => Some(ns),
                },
                &mut errors,
            ),
        };
        let mut items = Vec::new();
        for (scope, dir) in dirs {
            for name in record_names(&dir, &mut errors)? {
                match self.load_policy(&scope, &name) {
                    Ok(Some(policy)) => items.push(policy),
                    Ok(None) => {}
                    Err(e) => errors.push(e),
                }
            }
        }
        Ok(Listing { items, errors }.select(scope, page))
    }

    /// The namespace records of `scope` on `page`, read from the disk.
    fn disk_namespaces(&self, scope: &Scope, page: &Page<Namespace>) -> Found<NamespaceRecord> {
        let mut errors = Vec::new();
        let mut items = Vec::new();
        let names = record_files(
            &self.root.join(NAMESPACES_DIR),
            "namespace",
            |stem| Namespace::from_dir_name(stem).ok(),
            &mut errors,
        )?;
        let names = within(scope, names, |n| Some(n), &mut errors);
        for ns in names {
            match self.load_namespace(&ns) {
                Ok(Some(record)) => items.push(record),
                Ok(None) => {}
                Err(e) => errors.push(e),
            }
        }
        Ok(Listing { items, errors }.select(scope, page))
    }

    /// Every token file, by the reference it is kept under, read with `read`.
    fn token_files(
        &self,
        read: impl Fn(&Reference) -> Result<Option<TokenFile>>,
    ) -> Result<std::collections::BTreeMap<Reference, TokenFile>> {
        let mut errors = Vec::new();
        let mut out = std::collections::BTreeMap::new();
        let dirs = subdirs(
            &self.root.join(TOKENS_DIR),
            |s| Namespace::from_dir_name(s).ok(),
            &mut errors,
        )?;
        for (ns, dir) in dirs {
            for name in record_names(&dir, &mut errors)? {
                let r = Reference::new(ns.clone(), name);
                if let Some(f) = read(&r)? {
                    out.insert(r, f);
                }
            }
        }
        // An unreadable token file could hold the only token that needs a key: say so, rather
        // than remove that key.
        if let Some(e) = errors.into_iter().next() {
            return Err(e);
        }
        Ok(out)
    }

    /// The accounts of `scope` on `page`, read from the disk (no cache).
    fn disk_accounts(&self, scope: &Scope, page: &Page<Reference>) -> Found<Account> {
        let mut errors = Vec::new();
        let dirs = match scope {
            Scope::Namespace(ns) => vec![(ns.clone(), self.account_dir(ns))],
            _ => {
                let all = subdirs(
                    &self.root.join(ACCOUNTS_DIR),
                    |s| Namespace::from_dir_name(s).ok(),
                    &mut errors,
                )?;
                within(scope, all, |(ns, _)| Some(ns), &mut errors)
            }
        };
        let mut items = Vec::new();
        for (ns, dir) in dirs {
            for name in record_names(&dir, &mut errors)? {
                match self.load_account(&Reference::new(ns.clone(), name)) {
                    Ok(Some(account)) => items.push(account),
                    Ok(None) => {} // deleted since the folder was read
                    Err(e) => errors.push(e),
                }
            }
        }
        Ok(Listing { items, errors }.select(scope, page))
    }

    /// Runs `write` holding the store's exclusive lock (released when the lock file closes),
    /// after removing the temporary files that killed writers left (see `Locked`).
    fn locked<T>(&self, write: impl FnOnce(&Locked) -> Result<T>) -> Result<T> {
        ensure_dir(&self.root)?;
        let path = self.root.join(LOCK_FILE);
        // Not through a symbolic link: that would create or lock a file elsewhere.
        let lock = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o600)
            .custom_flags(crate::fsutil::O_NOFOLLOW)
            .open(&path)
            .map_err(|e| {
                if crate::fsutil::is_symlink(&path) {
                    crate::fsutil::foreign_link(
                        "the store lock",
                        &path,
                        "remove it (svcacct makes the lock file itself)",
                    )
                    .into()
                } else {
                    StoreError::unavailable(
                        format!("cannot open the store lock {}", shown_path(&path)),
                        e,
                    )
                }
            })?;
        lock.lock()
            .or_unavailable(|| format!("cannot lock the store {}", shown_path(&path)))?;
        let tx = Locked {
            tmp: self.root.join(TMP_DIR),
        };
        generation::refuse_link(&self.root)?;
        tx.remove_orphans()?;
        let result = write(&tx);
        drop(lock);
        result
    }
}

impl Engine for FileStore {
    fn atomically(&self, work: &mut dyn FnMut(&mut dyn Tx) -> Result<()>) -> Result<()> {
        tx::atomically(self, work)
    }

    fn read_atomically(&self, work: &mut dyn FnMut(&mut dyn Tx) -> Result<()>) -> Result<()> {
        tx::read_atomically(self, work)
    }

    fn generation(&self) -> u64 {
        self.generation.read(&self.root)
    }

    /// The folder can be listed. A missing one answers (as an empty registry, made by its
    /// first write) until this process has seen it, or mapped its generation file: then it is
    /// gone, and a write would start another, empty registry.
    fn check(&self) -> Result<()> {
        use std::sync::atomic::Ordering;
        let shown = shown_path(&self.root);
        match fs::read_dir(&self.root) {
            Ok(_) => {
                self.seen.store(true, Ordering::Relaxed);
                Ok(())
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                if self.seen.load(Ordering::Relaxed) || self.generation.mapped() {
                    return Err(StoreError::Unavailable {
                        why: format!("the store folder {shown} is gone"),
                    });
                }
                Ok(())
            }
            Err(e) => Err(StoreError::unavailable(
                format_args!("cannot read the store folder {shown}"),
                e,
            )),
        }
    }

    fn read_account(&self, r: &Reference) -> Result<Option<Account>> {
        self.load_account(r)
    }

    fn read_accounts(&self, scope: &Scope, page: &Page<Reference>) -> Found<Account> {
        self.disk_accounts(scope, page)
    }

    fn read_policy(&self, scope: &PolicyScope, name: &Name) -> Result<Option<Policy>> {
        self.load_policy(scope, name)
    }

    fn read_policies(&self, scope: &Scope, page: &Page<PolicyKey>) -> Found<Policy> {
        self.disk_policies(scope, page)
    }

    fn read_namespace(&self, ns: &Namespace) -> Result<Option<NamespaceRecord>> {
        self.load_namespace(ns)
    }

    fn read_namespaces(&self, scope: &Scope, page: &Page<Namespace>) -> Found<NamespaceRecord> {
        self.disk_namespaces(scope, page)
    }

    fn read_issuer(&self) -> Result<Option<IssuerRecord>> {
        let path = self.root.join(ISSUER_DIR).join(ISSUER_FILE);
        let record: Option<IssuerRecord> = load(&path)?;
        if let Some(r) = &record {
            r.check().map_err(|why| corrupt(&path, why))?;
        }
        Ok(record)
    }

    fn read_issuer_key(&self, kid: &str) -> Result<Zeroizing<Vec<u8>>> {
        let path = self.issuer_key_path(kid)?;
        let bytes = fs::read(&path)
            .or_unavailable(|| format!("cannot read the issuer key {}", shown_path(&path)))?;
        Ok(Zeroizing::new(bytes))
    }

    fn read_tokens(&self, r: &Reference) -> Result<Option<TokenFile>> {
        load(&self.tokens_path(r))
    }

    fn read_all_tokens(&self) -> Result<Vec<TokenFile>> {
        Ok(self
            .token_files(|r| self.read_tokens(r))?
            .into_values()
            .collect())
    }
}

fn corrupt(path: &Path, why: String) -> StoreError {
    StoreError::Corrupt {
        location: RecordLocation::File(path.to_owned()),
        why: sanitize(&one_line(&why)),
    }
}

/// Joins the non-empty lines of a message with `; `.
fn one_line(s: &str) -> String {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("; ")
}

fn record_file_name(name: &Name) -> String {
    format!("{name}{RECORD_EXT}")
}

/// Reads and parses one record file; `Ok(None)` when it does not exist. Any other failure
/// (unreadable, not UTF-8, not TOML, not the record's shape) is a `CorruptRecord`.
fn load<T: DeserializeOwned>(path: &Path) -> Result<Option<T>> {
    let bytes = match fs::read(path) {
        Ok(read) => read,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(corrupt(path, e.to_string())),
    };
    let text = std::str::from_utf8(&bytes)
        .map_err(|e| corrupt(path, format!("it is not UTF-8 text ({e})")))?;
    toml::from_str(text)
        .map(Some)
        .map_err(|e| corrupt(path, toml_problem(text, &e)))
}

/// `line L, column C: message` — the TOML error without its multi-line source excerpt.
fn toml_problem(text: &str, e: &toml::de::Error) -> String {
    let message = one_line(e.message());
    let Some(span) = e.span() else {
        return message;
    };
    let before = &text.as_bytes()[..span.start.min(text.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    format!("line {line}, column {column}: {message}")
}

/// The folders in `dir` whose names `parse` accepts, sorted by name; a folder it refuses is
/// reported in `errors`, other entries are ignored. A missing `dir` has no folders.
fn subdirs<S>(
    dir: &Path,
    parse: impl Fn(&str) -> Option<S>,
    errors: &mut Vec<StoreError>,
) -> Result<Vec<(S, PathBuf)>> {
    let mut out = Vec::new();
    for (file_name, path) in sorted_entries(dir)? {
        if !path.is_dir() {
            continue;
        }
        match file_name.to_str().and_then(&parse) {
            Some(s) => out.push((s, path)),
            None => errors.push(corrupt(
                &path,
                "the folder name is not a namespace".to_owned(),
            )),
        }
    }
    Ok(out)
}

/// The entries of `found` whose namespace (`of`; `None`: global) `scope` covers. Errors about
/// entries no namespace could be read from (in `errors` so far) belong to `Scope::All` only.
fn within<S>(
    scope: &Scope,
    found: Vec<S>,
    of: impl Fn(&S) -> Option<&Namespace>,
    errors: &mut Vec<StoreError>,
) -> Vec<S> {
    if *scope != Scope::All {
        errors.clear();
    }
    found.into_iter().filter(|s| scope.covers(of(s))).collect()
}

/// The record names in `dir`, from its `<name>.toml` files, sorted; `.tmp-*` and files without
/// the extension are skipped, and a `.toml` file whose stem is not a name is reported in
/// `errors`. A missing `dir` has no records.
fn record_names(dir: &Path, errors: &mut Vec<StoreError>) -> Result<Vec<Name>> {
    record_files(dir, "name", |stem| Name::parse(stem).ok(), errors)
}

/// What the `<stem>.toml` files in `dir` name (`parse` of each stem, `what` saying what a stem
/// is in the error), sorted by file name; as `record_names`.
fn record_files<T>(
    dir: &Path,
    what: &str,
    parse: impl Fn(&str) -> Option<T>,
    errors: &mut Vec<StoreError>,
) -> Result<Vec<T>> {
    let mut out = Vec::new();
    for (file_name, path) in sorted_entries(dir)? {
        let lossy = file_name.to_string_lossy();
        if lossy.starts_with(LEGACY_TMP_PREFIX) || !lossy.ends_with(RECORD_EXT) {
            continue;
        }
        match file_name.to_str().and_then(record_stem).and_then(&parse) {
            Some(item) => out.push(item),
            None => errors.push(corrupt(
                &path,
                format!("the file name is not `<{what}>.toml` with a valid {what}"),
            )),
        }
    }
    Ok(out)
}

fn sorted_entries(dir: &Path) -> Result<Vec<(std::ffi::OsString, PathBuf)>> {
    let context = || format!("cannot read the store folder {}", shown_path(dir));
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e).or_unavailable(context),
    };
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry.or_unavailable(context)?;
        out.push((entry.file_name(), entry.path()));
    }
    out.sort();
    Ok(out)
}

/// Creates `dir` and its missing parents with mode 0700, fsyncing each new folder's parent.
fn ensure_dir(dir: &Path) -> Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let parent = dir.parent().filter(|p| !p.as_os_str().is_empty());
    if let Some(parent) = parent {
        ensure_dir(parent)?;
    }
    match fs::DirBuilder::new().mode(0o700).create(dir) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
        Err(e) => {
            return Err(e)
                .or_unavailable(|| format!("cannot create the folder {}", shown_path(dir)));
        }
    }
    match parent {
        Some(parent) => sync_dir(parent),
        None => Ok(()),
    }
}

/// The folder a record's file is in.
fn folder_of(path: &Path) -> Result<&Path> {
    path.parent().ok_or_else(|| StoreError::Unavailable {
        why: "a store record has a folder".to_owned(),
    })
}

fn sync_dir(dir: &Path) -> Result<()> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .or_unavailable(|| format!("cannot sync the folder {}", shown_path(dir)))
}

/// `.tmp/journal`: a change of several files, while it is being made (see `Locked::atomically`).
const JOURNAL: &str = "journal";

/// What `Locked::atomically` writes before it changes anything.
#[derive(serde::Serialize, serde::Deserialize)]
struct Journal {
    steps: Vec<JournalStep>,
}

/// One idempotent step of a journal; paths are relative to the store's folder.
#[derive(Clone, serde::Serialize, serde::Deserialize)]
#[serde(tag = "op", rename_all = "camelCase")]
enum JournalStep {
    Write {
        path: String,
        text: String,
    },
    /// Bytes that need not be text (an issuer's HMAC secret), base64 (standard, padded).
    WriteBytes {
        path: String,
        base64: String,
    },
    Remove {
        path: String,
    },
}

/// A step's bytes may be an issuer's private key: they are wiped when the step goes.
impl Drop for JournalStep {
    fn drop(&mut self) {
        use zeroize::Zeroize;
        match self {
            JournalStep::Write { text, .. } => text.zeroize(),
            JournalStep::WriteBytes { base64, .. } => base64.zeroize(),
            JournalStep::Remove { .. } => {}
        }
    }
}

/// The store's lock, held by this process: records are written and removed only through it.
///
/// A record is written to a temporary file in `<root>/.tmp/`, fsynced, and renamed over the
/// record. Every temporary file of the store (records, token files, the issuer's record and key
/// files) is made there, by a writer holding the lock, which renames it or removes it before it
/// lets the lock go; so under the lock any file in `.tmp/` belongs to a writer that was killed
/// (or crashed) half-way, and the next writer removes them all when it takes the lock. One
/// folder, empty but after a crash: that costs a write a `stat` and reading an empty folder,
/// never a walk of the store. (Earlier versions made their temporary files as `.tmp-*` beside
/// the record: listings skip those, and they may be removed by hand.)
struct Locked {
    tmp: PathBuf,
}

impl Locked {
    /// Removes the files that killed writers left in `.tmp/`. A `.tmp` that is a symbolic link
    /// (or no folder) is refused: the store's temporary files hold records and keys.
    fn remove_orphans(&self) -> Result<()> {
        match fs::symlink_metadata(&self.tmp) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(e) => {
                return Err(e).or_unavailable(|| format!("cannot read {}", shown_path(&self.tmp)));
            }
            Ok(m) if m.file_type().is_symlink() => {
                return Err(crate::fsutil::foreign_link(
                    "the store folder",
                    &self.tmp,
                    "remove it (svcacct makes it itself, for the files it is writing)",
                )
                .into());
            }
            Ok(m) if !m.is_dir() => {
                return Err(UserError::Failure(format!(
                    "{} is not a folder: remove it (svcacct makes it itself, for the files it \
                     is writing)",
                    self.tmp.display()
                ))
                .into());
            }
            Ok(_) => {}
        }
        // A change of several files that a killed writer left half-done is finished first:
        // its journal says what all of it was.
        self.redo_journal()?;
        // Best effort: an orphan that stays is only a file, and a folder that cannot be read
        // fails the write that makes its temporary file there, with the reason.
        if let Ok(entries) = fs::read_dir(&self.tmp) {
            for entry in entries.flatten() {
                let _ = fs::remove_file(entry.path());
            }
        }
        Ok(())
    }

    /// The store's folder (`.tmp/` is in it).
    fn root(&self) -> &Path {
        self.tmp.parent().unwrap_or(Path::new("."))
    }

    /// Makes a change of several files all at once or not at all, even across a crash: the
    /// whole change is first written as a journal (`.tmp/journal`, by rename, so it is there
    /// whole or not at all), then applied file by file, then the journal goes. A writer killed
    /// half-way leaves the journal, and the next writer, under the lock, applies it again
    /// before anything else (`redo_journal`): every step is idempotent (write these bytes,
    /// remove that file). (A redo journal, as databases keep one, for the few store changes
    /// that touch more than one file: a rename moves a record and drops its token file.)
    fn atomically(&self, change: &[JournalStep]) -> Result<()> {
        // It may hold an issuer's private key.
        let text = Zeroizing::new(
            serde_json::to_vec(&Journal {
                steps: change.to_vec(),
            })
            .or_unavailable(|| "cannot encode the store's journal")?,
        );
        let journal = self.tmp.join(JOURNAL);
        self.write_file(&journal, &text)?;
        // From here the change is made, as a database's committed transaction is: a step that
        // fails (a full disk, a folder that cannot be written) leaves it to the next writer,
        // which finishes it before anything else, so that no one builds on half of it.
        self.apply_and_bump(change).or_unavailable(|| {
            format!(
                "the change is in the store's journal {} but could not be made entirely; once the \
                 cause below is fixed, the next command that writes to the store finishes it \
                 (until then every write is refused)",
                shown_path(&journal)
            )
        })?;
        self.remove_record(&journal)?;
        Ok(())
    }

    /// Applies `steps`, then bumps the store's generation (the last step of a journal, so that
    /// a redo bumps it too): a reader that sees the new number sees every step. Bumped when a
    /// step fails too (some may have been made).
    fn apply_and_bump(&self, steps: &[JournalStep]) -> Result<()> {
        let applied = self.apply(steps);
        generation::bump(self.root(), |path, bytes| self.write_file(path, bytes))?;
        applied
    }

    fn apply(&self, steps: &[JournalStep]) -> Result<()> {
        for step in steps {
            match step {
                JournalStep::Write { path, text } => {
                    self.write_file(&self.journal_path(path)?, text.as_bytes())?
                }
                JournalStep::WriteBytes { path, base64 } => {
                    use base64::Engine as _;
                    let bytes = Zeroizing::new(
                        base64::engine::general_purpose::STANDARD
                            .decode(base64)
                            .or_unavailable(
                                || "the store's journal holds bytes that are not base64",
                            )?,
                    );
                    self.write_file(&self.journal_path(path)?, &bytes)?
                }
                JournalStep::Remove { path } => {
                    self.remove_record(&self.journal_path(path)?)?;
                }
            }
        }
        Ok(())
    }

    /// A journal's path, relative to the store's folder, back to a path in it (a journal
    /// edited to reach outside the store is refused).
    fn journal_path(&self, rel: &str) -> Result<PathBuf> {
        let p = Path::new(rel);
        if p.components()
            .all(|c| matches!(c, std::path::Component::Normal(_)))
            && p.components().count() >= 2
        {
            Ok(self.root().join(p))
        } else {
            Err(UserError::Failure(format!(
                "the store's journal {} names `{}`, which is not a record of the store: remove \
                 the journal (the change it held is lost)",
                shown_path(&self.tmp.join(JOURNAL)),
                sanitize(rel)
            ))
            .into())
        }
    }

    /// Finishes the change a killed writer's journal holds (see `atomically`).
    fn redo_journal(&self) -> Result<()> {
        let path = self.tmp.join(JOURNAL);
        let text = match fs::read(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(e) => {
                return Err(e).or_unavailable(|| {
                    format!("cannot read the store's journal {}", shown_path(&path))
                });
            }
        };
        let journal: Journal = serde_json::from_slice(&text).map_err(|e| {
            UserError::Failure(format!(
                "the store's journal {} is unreadable ({e}): remove it (the change it held is \
                 lost, and may be half-done)",
                shown_path(&path)
            ))
        })?;
        self.apply_and_bump(&journal.steps).or_unavailable(|| {
            format!(
                "cannot finish the change in the store's journal {}, which a failed or killed \
                 command left: fix the cause below and try again, or remove the journal (the \
                 change it holds is lost, and may be half-done)",
                shown_path(&path)
            )
        })?;
        self.remove_record(&path)?;
        Ok(())
    }

    /// Writes `bytes` to a new file in `.tmp/` (mode 0600 from the moment it is created: it may
    /// be an issuer key), fsyncs it, renames it over `path` and fsyncs `path`'s folder, so a
    /// crash leaves the old file or the new one.
    fn write_file(&self, path: &Path, bytes: &[u8]) -> Result<()> {
        let dir = folder_of(path)?;
        ensure_dir(dir)?;
        ensure_dir(&self.tmp)?;
        let tmp = self.tmp.join(new_uid());
        let written = (|| -> io::Result<()> {
            let mut file = OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(&tmp)?;
            file.write_all(bytes)?;
            file.sync_all()?;
            drop(file);
            fs::rename(&tmp, path)
        })();
        if let Err(e) = written {
            let _ = fs::remove_file(&tmp);
            return Err(e)
                .or_unavailable(|| format!("cannot write the store record {}", shown_path(path)));
        }
        sync_dir(dir)
    }

    /// Removes the file at `path` and fsyncs its folder; `false` when there was none.
    fn remove_record(&self, path: &Path) -> Result<bool> {
        match fs::remove_file(path) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(false),
            Err(e) => {
                return Err(e).or_unavailable(|| {
                    format!("cannot remove the store record {}", shown_path(path))
                });
            }
        }
        sync_dir(folder_of(path)?)?;
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use crate::store::Store;

    use super::*;
    use crate::store::memory::tests::{
        account, conformance, name, ns, policy, reference, rename_account, user_error,
    };

    fn store() -> (tempfile::TempDir, FileStore) {
        let dir = tempfile::tempdir().unwrap();
        let store = FileStore::open(dir.path().join("store"));
        (dir, store)
    }

    /// Every path under `dir`, relative, sorted.
    fn tree(dir: &Path) -> Vec<String> {
        fn walk(base: &Path, dir: &Path, out: &mut Vec<String>) {
            for entry in fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                out.push(path.strip_prefix(base).unwrap().display().to_string());
                if path.is_dir() {
                    walk(base, &path, out);
                }
            }
        }
        let mut out = Vec::new();
        walk(dir, dir, &mut out);
        out.sort();
        out
    }

    /// Temporary files under `root` (in `.tmp/`, or beside a record as earlier versions made
    /// them).
    fn leftovers(root: &Path) -> Vec<String> {
        tree(root)
            .into_iter()
            .filter(|p| p.starts_with(".tmp/") || p.contains(LEGACY_TMP_PREFIX))
            .collect()
    }

    fn mode(path: &Path) -> u32 {
        fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    /// The journal of a writer killed before its first step, in the store of `store()`'s `dir`,
    /// with `steps` (as the writer's journal lists them); its path.
    fn leave_journal(dir: &Path, steps: serde_json::Value) -> PathBuf {
        let tmp = dir.join("store").join(TMP_DIR);
        fs::create_dir_all(&tmp).unwrap();
        let journal = tmp.join(JOURNAL);
        let text = serde_json::json!({ "steps": steps }).to_string();
        fs::write(&journal, text).unwrap();
        journal
    }

    /// Account `a` renamed to `b`: the record a rename's journal writes.
    fn a_as_b() -> String {
        toml::to_string(&Account {
            name: name("b"),
            ..account("a")
        })
        .unwrap()
    }

    /// A journal left by a killed writer is applied by the next one; one edited to reach
    /// outside the store is refused, and nothing is written outside.
    #[test]
    fn a_journal_is_applied_again_and_never_reaches_outside_the_store() {
        let (dir, store) = store();
        store.create_account(account("a")).unwrap();
        // Killed after the journal, before any step: the next process finishes it.
        let journal = leave_journal(
            dir.path(),
            serde_json::json!([
                {"op": "write", "path": "accounts/default/b.toml", "text": a_as_b()},
                {"op": "remove", "path": "accounts/default/a.toml"},
                {"op": "remove", "path": "tokens/default/a.toml"},
            ]),
        );
        let store = FileStore::open(dir.path().join("store"));
        assert!(store.get_account(&reference("a")).is_err());
        assert_eq!(store.get_account(&reference("b")).unwrap().name, name("b"));
        assert!(!journal.exists());
        // A journal that names a path outside the store is not followed.
        leave_journal(
            dir.path(),
            serde_json::json!([
                {"op": "write", "path": "../outside.toml", "text": "x"},
            ]),
        );
        let e = store.create_account(account("c")).unwrap_err();
        assert!(
            format!("{e:#}").contains("which is not a record of the store"),
            "{e:#}"
        );
        assert!(!dir.path().join("outside.toml").exists());
        assert!(store.get_account(&reference("c")).is_err());
    }

    /// `read_atomically` reads without the lock (a writer may take it meanwhile), and reads
    /// again when a commit finished while it read: the record and the generation it answers
    /// are of one state.
    #[test]
    fn a_read_only_transaction_takes_no_lock_and_reads_again_after_a_commit() {
        let (_dir, store) = store();
        store.create_account(account("ci")).unwrap();
        let r = reference("ci");
        let writer = FileStore::open(store.root().to_path_buf());
        let (mut runs, mut seen) = (0, None);
        store
            .read_atomically(&mut |tx| {
                runs += 1;
                let lock = File::open(store.root().join(LOCK_FILE)).unwrap();
                lock.try_lock().expect("the store's lock is free");
                drop(lock);
                if runs == 1 {
                    writer
                        .modify_account(&r, &mut |a| {
                            a.description = "changed".into();
                            Ok(())
                        })
                        .unwrap();
                }
                seen = Some((tx.generation()?, tx.account(&r)?.map(|a| a.revision)));
                Ok(())
            })
            .unwrap();
        assert_eq!(runs, 2);
        let now = store.get_account(&r).unwrap();
        assert_eq!(now.description, "changed");
        assert_eq!(seen, Some((store.generation(), Some(now.revision))));
    }

    /// A read that ran again answers with its last run: not with the failure of a run that a
    /// commit came in between (`engine::read_atomically`, as `engine::atomically` for an engine
    /// that retries).
    #[test]
    fn a_read_run_again_answers_with_its_last_run() {
        let (_dir, store) = store();
        store.create_account(account("ci")).unwrap();
        let writer = FileStore::open(store.root().to_path_buf());
        let mut runs = 0;
        let found = crate::store::engine::read_atomically(&store, |tx| {
            runs += 1;
            if runs == 1 {
                writer.create_account(account("robot")).unwrap();
                return Err(UserError::Failure("read half-way".into()).into());
            }
            Ok(tx.account(&reference("robot"))?.is_some())
        });
        assert!(found.unwrap());
        assert_eq!(runs, 2);
    }

    /// A journal that a killed writer left is finished (under the lock) before a read-only
    /// transaction reads: it never sees half of the change.
    #[test]
    fn a_read_only_transaction_never_reads_a_half_applied_change() {
        let (dir, store) = store();
        store.create_account(account("a")).unwrap();
        let journal = leave_journal(
            dir.path(),
            serde_json::json!([
                {"op": "write", "path": "accounts/default/b.toml", "text": a_as_b()},
                {"op": "remove", "path": "accounts/default/a.toml"},
            ]),
        );
        let before = store.generation();
        let mut seen = None;
        store
            .read_atomically(&mut |tx| {
                seen = Some((
                    tx.account(&reference("a"))?.is_some(),
                    tx.account(&reference("b"))?.is_some(),
                    tx.generation()?,
                ));
                Ok(())
            })
            .unwrap();
        assert_eq!(seen, Some((false, true, before + 1)));
        assert!(!journal.exists());
    }

    /// A journaled change whose step fails (not a crash: here a token file that is a folder)
    /// is left in the journal, every write says so until the cause is fixed, and the next write
    /// after that finishes it: no one builds on half of it.
    #[test]
    fn a_change_that_fails_half_way_is_finished_once_its_cause_is_fixed() {
        let (dir, store) = store();
        store.create_account(account("bot")).unwrap();
        store.create_account(account("other")).unwrap();
        let in_the_way = dir.path().join("store/tokens/default/bot.toml");
        fs::create_dir_all(&in_the_way).unwrap();
        let e = store.delete_account(&reference("bot")).unwrap_err();
        let shown = format!("{e:#}");
        assert!(
            shown.contains("the change is in the store's journal")
                && shown.contains("the next command that writes to the store finishes it"),
            "{shown}"
        );
        let e = store.create_account(account("third")).unwrap_err();
        let shown = format!("{e:#}");
        assert!(
            shown.contains("cannot finish the change in the store's journal")
                && shown.contains("Is a directory"),
            "{shown}"
        );
        assert!(store.get_account(&reference("third")).is_err());
        fs::remove_dir(&in_the_way).unwrap();
        store.create_account(account("third")).unwrap();
        let e = store.get_account(&reference("bot")).unwrap_err();
        assert!(matches!(user_error(&e), UserError::UnknownAccount { .. }));
        assert!(!dir.path().join("store/.tmp/journal").exists());
    }

    #[test]
    fn file_store_conforms() {
        let (_dir, store) = store();
        conformance(&store);
        let (_dir, store) = self::store();
        crate::store::conformance::engine_conforms(&store);
    }

    /// `check`: a folder not made yet answers (a new store); once seen, a missing one is gone
    /// and a file in its place is no store; put back, it answers again.
    #[test]
    fn check_tells_a_new_store_from_a_gone_one() {
        let (dir, store) = store();
        store.check().unwrap();
        store.create_account(account("a")).unwrap();
        store.check().unwrap();
        let away = dir.path().join("away");
        fs::rename(&store.root, &away).unwrap();
        let e = store.check().unwrap_err();
        assert_eq!(
            e.to_string(),
            format!("the store folder {} is gone", store.root.display())
        );
        fs::write(&store.root, "").unwrap();
        let e = store.check().unwrap_err();
        assert!(
            e.to_string().ends_with("Not a directory (os error 20)"),
            "{e}"
        );
        fs::remove_file(&store.root).unwrap();
        fs::rename(&away, &store.root).unwrap();
        store.check().unwrap();
        // Seen through its generation file only (no `check` before): gone too.
        let other = FileStore::open(store.root.clone());
        assert_ne!(other.generation(), 0);
        fs::rename(&store.root, &away).unwrap();
        assert!(other.check().is_err());
    }

    #[test]
    fn file_store_copies_conform() {
        use crate::store::conformance::copy_conforms;
        use crate::store::memory::MemoryStore;
        let ((_a, a), (_b, b)) = (store(), store());
        copy_conforms(&a, &b);
        let (_dir, file) = store();
        copy_conforms(&MemoryStore::new(), &file);
        let (_dir, file) = store();
        copy_conforms(&file, &MemoryStore::new());
    }

    #[test]
    fn a_missing_root_reads_as_empty_and_is_not_created() {
        let (_dir, store) = store();
        let e = store.get_account(&reference("ci-bot")).unwrap_err();
        assert!(matches!(user_error(&e), UserError::UnknownAccount { .. }));
        let e = store
            .get_policy(&PolicyScope::Global, &name("p"))
            .unwrap_err();
        assert!(matches!(user_error(&e), UserError::UnknownPolicy { .. }));
        for scope in [Scope::All, Scope::Namespace(ns("eng"))] {
            let l = store.list_accounts(&scope).unwrap();
            assert!(l.items.is_empty() && l.errors.is_empty());
            let l = store.list_policies(&scope).unwrap();
            assert!(l.items.is_empty() && l.errors.is_empty());
        }
        assert_eq!(store.generation(), 0);
        assert!(!store.root().exists());
        // a write creates the root for its lock, and nothing else
        let e = store.delete_account(&reference("ci-bot")).unwrap_err();
        assert!(matches!(user_error(&e), UserError::UnknownAccount { .. }));
        assert_eq!(tree(store.root()), [".lock"]);
        assert_eq!(store.generation(), 0);
    }

    #[test]
    fn the_generation_file_is_changed_in_place_and_never_followed() {
        let (dir, store) = store();
        store.create_account(account("ci-bot")).unwrap();
        let path = store.root().join(GENERATION_FILE);
        assert_eq!(mode(&path), 0o600);
        assert_eq!(fs::read(&path).unwrap(), 1u64.to_ne_bytes());
        let first = store.generation();
        assert_eq!(first, 1);
        use std::os::unix::fs::MetadataExt;
        let inode = fs::metadata(&path).unwrap().ino();
        // another handle's write is seen through this handle's mapping
        FileStore::open(store.root().to_owned())
            .create_account(account("robot"))
            .unwrap();
        assert_eq!(store.generation(), 2);
        assert_eq!(fs::metadata(&path).unwrap().ino(), inode);
        // a link in its place is refused, and what it points to is left alone
        let elsewhere = dir.path().join("elsewhere");
        fs::write(&elsewhere, 7u64.to_ne_bytes()).unwrap();
        fs::remove_file(&path).unwrap();
        std::os::unix::fs::symlink(&elsewhere, &path).unwrap();
        let fresh = FileStore::open(store.root().to_owned());
        assert_eq!(fresh.generation(), 0);
        let e = fresh.create_account(account("eng/bot")).unwrap_err();
        assert!(e.to_string().contains("generation"), "{e:#}");
        assert!(fresh.get_account(&reference("eng/bot")).is_err());
        assert_eq!(fs::read(&elsewhere).unwrap(), 7u64.to_ne_bytes());
    }

    /// A generation file replaced by hand is not seen through the mapping of the old one, but a
    /// transaction reads the file itself: a decision pinned to the old number is made again.
    #[test]
    fn a_transaction_reads_the_generation_file_not_the_mapping() {
        let (_dir, store) = store();
        store.create_account(account("ci-bot")).unwrap();
        store.create_account(account("robot")).unwrap();
        assert_eq!(store.generation(), 2); // mapped now
        let path = store.root().join(GENERATION_FILE);
        fs::remove_file(&path).unwrap();
        fs::write(&path, 9u64.to_ne_bytes()).unwrap();
        assert_eq!(store.generation(), 2, "the mapping stays on the old file");
        let mut seen = None;
        store
            .atomically(&mut |tx| {
                seen = Some(tx.generation()?);
                Ok(())
            })
            .unwrap();
        assert_eq!(seen, Some(9));
    }

    #[test]
    fn layout_modes_and_no_leftovers() {
        let (_dir, store) = store();
        store.create_account(account("ci-bot")).unwrap();
        store
            .create_account(account("eng/platform/deployer"))
            .unwrap();
        store.create_policy(policy(None, "admin")).unwrap();
        store
            .create_policy(policy(Some("eng/platform"), "read"))
            .unwrap();
        let a = store.get_account(&reference("ci-bot")).unwrap();
        store.update_account(a).unwrap();
        rename_account(
            &store,
            &reference("eng/platform/deployer"),
            &name("shipper"),
        )
        .unwrap();
        store.create_account(account("gone")).unwrap();
        store.delete_account(&reference("gone")).unwrap();
        let root = store.root();
        assert_eq!(
            tree(root),
            [
                ".generation",
                ".lock",
                ".tmp",
                "accounts",
                "accounts/default",
                "accounts/default/ci-bot.toml",
                "accounts/eng.platform",
                "accounts/eng.platform/shipper.toml",
                "policies",
                "policies/_global",
                "policies/_global/admin.toml",
                "policies/eng.platform",
                "policies/eng.platform/read.toml",
            ]
        );
        assert_eq!(mode(root), 0o700);
        for path in tree(root) {
            let path = root.join(path);
            let want = if path.is_dir() { 0o700 } else { 0o600 };
            assert_eq!(mode(&path), want, "{}", path.display());
        }
        // the on-disk format is the model's TOML
        let text = fs::read_to_string(root.join("accounts/default/ci-bot.toml")).unwrap();
        assert!(text.contains("name = \"ci-bot\""), "{text}");
        assert!(text.contains("revision = 2"), "{text}");
        assert!(text.contains("publicKey = "), "{text}");
    }

    /// What a killed writer left in `.tmp/` goes with the next write, even one that changes
    /// nothing; reads leave it (its writer may be alive). The lock file and `.tmp` are never
    /// followed when they are symbolic links.
    #[test]
    fn the_next_write_removes_leftovers_and_no_link_is_followed() {
        let (dir, store) = store();
        store.create_account(account("a")).unwrap();
        let root = store.root().to_owned();
        let stale = root.join(TMP_DIR).join(new_uid());
        fs::write(&stale, "half a rec").unwrap();
        store.list_accounts(&Scope::All).unwrap();
        store.get_account(&reference("a")).unwrap();
        assert!(stale.exists());
        let e = store.delete_account(&reference("nobody")).unwrap_err();
        assert!(matches!(user_error(&e), UserError::UnknownAccount { .. }));
        assert_eq!(leftovers(&root), Vec::<String>::new());

        let elsewhere = dir.path().join("elsewhere");
        fs::remove_file(root.join(LOCK_FILE)).unwrap();
        std::os::unix::fs::symlink(&elsewhere, root.join(LOCK_FILE)).unwrap();
        let e = store.create_account(account("b")).unwrap_err();
        assert_eq!(
            e.to_string(),
            format!(
                "the store lock {} is a symbolic link, which svcacct did not make: remove it \
                 (svcacct makes the lock file itself)",
                root.join(LOCK_FILE).display()
            )
        );
        assert!(!elsewhere.exists());
        fs::remove_file(root.join(LOCK_FILE)).unwrap();

        fs::create_dir(&elsewhere).unwrap();
        fs::write(elsewhere.join("mine"), "x").unwrap();
        fs::remove_dir(root.join(TMP_DIR)).unwrap();
        std::os::unix::fs::symlink(&elsewhere, root.join(TMP_DIR)).unwrap();
        let e = store.create_account(account("b")).unwrap_err();
        assert!(
            e.to_string()
                .contains("is a symbolic link, which svcacct did not make"),
            "{e}"
        );
        assert_eq!(tree(&elsewhere), ["mine"]);
        assert!(store.get_account(&reference("b")).is_err());
    }

    /// A hand-edited `issuer.toml` that no longer fits its keys is refused with a clear error,
    /// before anything is signed with the wrong key (an RSA private key as an HMAC secret, or
    /// a key whose published half is another's: tokens nobody could verify).
    #[test]
    fn an_edited_issuer_record_that_does_not_fit_its_keys_is_refused() {
        use crate::issued::IssueRequest;
        let (_dir, store) = store();
        store.create_account(account("ci")).unwrap();
        let r = reference("ci");
        let req = |n: &str| IssueRequest {
            name: name(n),
            expires: None,
            audiences: vec![],
            labels: Default::default(),
        };
        let t = store.issue_token(&r, &req("a")).unwrap();
        let path = store.root().join("issuer/issuer.toml");
        let good = fs::read_to_string(&path).unwrap();
        let other = crate::keys::PrivateKey::generate(2048).unwrap();
        let (start, end) = (
            good.find("-----BEGIN PUBLIC KEY-----").unwrap(),
            good.find("-----END PUBLIC KEY-----\n").unwrap() + 25,
        );
        let other_public = format!(
            "{}{}{}",
            &good[..start],
            other.public_key().to_pem(),
            &good[end..]
        );
        let cases = [
            (
                good.replace("RS256", "HS256"),
                "is HS256 but has a public key",
            ),
            (
                good.replacen("algorithm = \"RS256\"", "algorithm = \"HS256\"", 1),
                "is RS256, the issuer HS256",
            ),
            (
                good.replace("urn:svcacct:issuer:", "urn:other:"),
                "is not an issuer id",
            ),
            (
                good[..good.find("publicKey").unwrap()].to_owned(),
                "is RS256 but has no public key",
            ),
            (good.replace(&t.record.kid, "../x"), "is not a base64url id"),
        ];
        for (text, why) in cases {
            fs::write(&path, &text).unwrap();
            for e in [
                store.issue_token(&r, &req("b")).unwrap_err(),
                crate::token::verify(
                    &t.token,
                    &store,
                    &crate::token::VerifyOptions {
                        audience: None,
                        max_lifetime: jiff::SignedDuration::from_hours(1),
                        max_lifetime_source: "test",
                        now: jiff::Timestamp::now(),
                    },
                )
                .unwrap_err(),
            ] {
                assert!(
                    matches!(user_error(&e), UserError::CorruptRecord { .. })
                        && e.to_string().contains(why),
                    "{why}: {e}"
                );
            }
        }
        // The published half of another key: nothing is signed with it.
        fs::write(&path, &other_public).unwrap();
        let e = store.issue_token(&r, &req("b")).unwrap_err();
        assert!(
            e.to_string().contains("does not match its private key"),
            "{e}"
        );
        fs::write(&path, &good).unwrap();
        assert_eq!(store.list_tokens(&r).unwrap().len(), 1);
    }

    #[test]
    fn issuer_and_token_records_layout_and_modes() {
        use crate::issued::IssueRequest;
        let (_dir, store) = store();
        store.create_account(account("eng/ci")).unwrap();
        let r = reference("eng/ci");
        let req = |n: &str| IssueRequest {
            name: name(n),
            expires: None,
            audiences: vec![],
            labels: Default::default(),
        };
        let t = store.issue_token(&r, &req("a")).unwrap();
        let kid = t.record.kid.clone();
        let root = store.root();
        let key = root.join(format!("issuer/{kid}.key"));
        assert_eq!(mode(&key), 0o600);
        assert_eq!(mode(&root.join("issuer")), 0o700);
        let text = fs::read_to_string(root.join("tokens/eng/ci.toml")).unwrap();
        assert!(
            text.contains("accountUid = ") && text.contains("name = \"a\""),
            "{text}"
        );
        assert!(!text.contains(&t.token));
        let issuer = fs::read_to_string(root.join("issuer/issuer.toml")).unwrap();
        assert!(issuer.contains("id = \"urn:svcacct:issuer:"), "{issuer}");
        assert!(!issuer.contains("PRIVATE"), "{issuer}");
        // Rotation keeps the old key for its token; revoking the token removes the key file.
        let v = store
            .rotate_issuer(None, &crate::issued::RotateRequest::at_once())
            .unwrap();
        assert_eq!(v.keys.len(), 2);
        store.revoke_token(&r, &name("a")).unwrap();
        assert!(!key.exists());
        assert!(!root.join("tokens/eng/ci.toml").exists());
        // Deleting and renaming accounts take their token records with them.
        store.issue_token(&r, &req("b")).unwrap();
        rename_account(&store, &r, &name("cd")).unwrap();
        assert!(!root.join("tokens/eng/ci.toml").exists());
        let cd = reference("eng/cd");
        assert!(store.list_tokens(&cd).unwrap().is_empty());
        store.issue_token(&cd, &req("c")).unwrap();
        store.delete_account(&cd).unwrap();
        assert!(!root.join("tokens/eng/cd.toml").exists());
        assert_eq!(leftovers(root), Vec::<String>::new());
        // A kid that is no file name is never used as a path.
        assert!(store.read_issuer_key("../../etc/passwd").is_err());
    }

    #[test]
    fn a_corrupt_record_is_reported_and_left_alone() {
        let (_dir, store) = store();
        store.create_account(account("alpha")).unwrap();
        store.create_account(account("omega")).unwrap();
        let dir = store.root().join("accounts/default");
        let bad = dir.join("bad.toml");
        let garbage = b"not = [toml\n\x1b[31mred";
        fs::write(&bad, garbage).unwrap();
        // skipped: leftovers of a crashed write, and files that are not records
        fs::write(dir.join(".tmp-0123"), "half a rec").unwrap();
        fs::write(dir.join("notes.txt"), "hello").unwrap();

        let listing = store.list_accounts(&Scope::All).unwrap();
        let names: Vec<_> = listing.items.iter().map(|a| a.name.to_string()).collect();
        assert_eq!(names, ["alpha", "omega"]);
        assert_eq!(listing.errors.len(), 1, "{:?}", listing.errors);
        match &listing.errors[0] {
            UserError::CorruptRecord {
                location: RecordLocation::File(path),
                why,
            } => {
                assert_eq!(path, &bad);
                assert!(why.starts_with("line 2, column 1: "), "{why}");
                assert!(!why.contains('\n') && !why.contains('\x1b'), "{why:?}");
            }
            other => panic!("{other:?}"),
        }
        let scoped = store
            .list_accounts(&Scope::Namespace(ns("default")))
            .unwrap();
        assert_eq!((scoped.items.len(), scoped.errors.len()), (2, 1));

        let e = store.get_account(&reference("bad")).unwrap_err();
        assert!(matches!(user_error(&e), UserError::CorruptRecord { .. }));
        assert!(e.to_string().starts_with(&format!(
            "store record {} is unreadable: line 2, column 1: ",
            bad.display()
        )));
        // writes refuse to replace it
        assert!(store.create_account(account("bad")).is_err());
        assert!(store.update_account(account("bad")).is_err());
        assert!(rename_account(&store, &reference("alpha"), &name("bad")).is_err());
        assert_eq!(fs::read(&bad).unwrap(), garbage);
        // the good ones still work, and delete is the way out
        store.get_account(&reference("alpha")).unwrap();
        store.delete_account(&reference("bad")).unwrap();
        assert!(store.list_accounts(&Scope::All).unwrap().errors.is_empty());
    }

    #[test]
    fn a_record_must_match_its_path() {
        let (_dir, store) = store();
        store.create_account(account("alpha")).unwrap();
        store.create_policy(policy(None, "admin")).unwrap();
        let root = store.root();
        fs::copy(
            root.join("accounts/default/alpha.toml"),
            root.join("accounts/default/beta.toml"),
        )
        .unwrap();
        fs::create_dir(root.join("policies/eng")).unwrap();
        fs::copy(
            root.join("policies/_global/admin.toml"),
            root.join("policies/eng/admin.toml"),
        )
        .unwrap();
        // a folder that is no namespace, and a file name that is no name
        fs::create_dir(root.join("accounts/Not_A_Namespace")).unwrap();
        fs::write(root.join("accounts/default/Upper.toml"), "").unwrap();

        let e = store.get_account(&reference("beta")).unwrap_err();
        assert!(
            e.to_string()
                .contains("it holds service account `alpha`, not `beta` as its path says"),
            "{e}"
        );
        let eng = PolicyScope::Namespace(ns("eng"));
        let e = store.get_policy(&eng, &name("admin")).unwrap_err();
        assert!(matches!(user_error(&e), UserError::CorruptRecord { .. }));

        let listing = store.list_accounts(&Scope::All).unwrap();
        assert_eq!(listing.items.len(), 1);
        let paths: Vec<_> = listing
            .errors
            .iter()
            .map(|e| match e {
                UserError::CorruptRecord {
                    location: RecordLocation::File(path),
                    ..
                } => path.strip_prefix(root).unwrap().to_owned(),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(
            paths,
            [
                Path::new("accounts/Not_A_Namespace"),
                Path::new("accounts/default/Upper.toml"),
                Path::new("accounts/default/beta.toml"),
            ]
        );
        let policies = store.list_policies(&Scope::All).unwrap();
        assert_eq!((policies.items.len(), policies.errors.len()), (1, 1));
    }

    #[test]
    fn concurrent_creates_from_separate_stores() {
        let (_dir, store) = store();
        let root = store.root().to_owned();
        std::thread::scope(|s| {
            for t in 0..8 {
                let root = root.clone();
                s.spawn(move || {
                    let store = FileStore::open(root);
                    for i in 0..25 {
                        store
                            .create_account(account(&format!("t{t}/a{i}")))
                            .unwrap();
                    }
                });
            }
        });
        let listing = store.list_accounts(&Scope::All).unwrap();
        assert_eq!(listing.items.len(), 200);
        assert!(listing.errors.is_empty());
        assert!(listing.items.iter().all(|a| a.revision == 1));
        assert_eq!(leftovers(&root), Vec::<String>::new());
    }

    #[test]
    fn concurrent_modifications_from_separate_stores_are_all_kept() {
        let (_dir, store) = store();
        store.create_account(account("eng/shared")).unwrap();
        let root = store.root().to_owned();
        let r = reference("eng/shared");
        std::thread::scope(|s| {
            for t in 0..8 {
                let (root, r) = (root.clone(), &r);
                s.spawn(move || {
                    FileStore::open(root)
                        .modify_account(r, &mut |a| {
                            a.groups.push(format!("g{t}"));
                            Ok(())
                        })
                        .unwrap();
                });
            }
        });
        let a = store.get_account(&r).unwrap();
        assert_eq!(a.revision, 1 + 8);
        for t in 0..8 {
            assert_eq!(
                a.groups.iter().filter(|g| **g == format!("g{t}")).count(),
                1
            );
        }
        assert_eq!(leftovers(&root), Vec::<String>::new());
    }

    /// `read_atomically` against writers caught half-way (found by review).
    mod read_only {
        use std::sync::{Arc, Barrier};

        use super::super::*;
        use super::store;
        use crate::model::Policy;
        use crate::registry::decided::Decided;
        use crate::store::engine as eng;
        use crate::store::memory::tests::{account, policy, reference};

        /// A writer has removed a policy's file but not yet bumped the generation. A requested
        /// token's confirmation, pinned at the old number with a decision that the policies as
        /// they now are refuse, must not be read as of that number: it waits for the writer and
        /// is refused, as under the lock.
        #[test]
        fn a_one_file_change_not_yet_bumped_is_not_read_as_the_old_generation() {
            let (_dir, store) = store();
            let p = policy(Some("eng"), "deploy");
            store
                .atomically(&mut |tx| {
                    tx.put_account(&account("app"))?;
                    tx.put_policy(&p)
                })
                .unwrap();
            let g = store.generation();
            let path = store.policy_path(&p.scope(), &p.name);
            let root = store.root().to_path_buf();
            let removed = Arc::new(Barrier::new(2));
            let writer = {
                let (removed, root) = (removed.clone(), root.clone());
                std::thread::spawn(move || {
                    let lock = File::options()
                        .read(true)
                        .write(true)
                        .open(root.join(LOCK_FILE))
                        .unwrap();
                    lock.lock().unwrap();
                    fs::remove_file(&path).unwrap(); // the one step, made
                    removed.wait();
                    std::thread::sleep(std::time::Duration::from_millis(300));
                    generation::bump(&root, |_, _| unreachable!()).unwrap(); // its commit
                    drop(lock);
                })
            };
            removed.wait();
            let decided = Decided::new(&store, g, Arc::new(|_: &[Policy]| false));
            let confirmed =
                eng::read_atomically(&decided, |tx| Ok(tx.account(&reference("app"))?.is_some()));
            writer.join().unwrap();
            let e = confirmed.expect_err("confirmed on a policy already removed");
            assert!(
                e.to_string()
                    .starts_with("the registry was changed by someone else"),
                "{e:#}"
            );
        }

        /// The last run of a read-only transaction is refused before its work runs (the registry
        /// changed, and the decision no longer holds): that refusal is the answer, not the failure
        /// of the run before.
        #[test]
        fn the_last_runs_refusal_is_the_answer_not_an_earlier_runs_failure() {
            let (_dir, store) = store();
            store
                .atomically(&mut |tx| tx.put_account(&account("app")))
                .unwrap();
            let g = store.generation();
            let writer = FileStore::open(store.root().to_path_buf());
            let decided = Decided::new(&store, g, Arc::new(|_: &[Policy]| false));
            let mut runs = 0;
            let got: anyhow::Result<()> = eng::read_atomically(&decided, |_tx| {
                runs += 1;
                writer
                    .atomically(&mut |tx| tx.put_account(&account("other")))
                    .unwrap();
                Err(UserError::Failure("the first run's failure".into()).into())
            });
            assert_eq!(runs, 1);
            let e = got.unwrap_err().to_string();
            assert!(
                e.starts_with("the registry was changed by someone else"),
                "{e}"
            );
        }
    }
}
