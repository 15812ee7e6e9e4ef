//! The file store's read cache, for a long-running reader (`svcacct serve`): parsed records
//! kept while `stat` says their files, or for listings their folders, have not changed.
//!
//! Every write of the file store (ours or another process's, e.g. the CLI on the same folder)
//! creates a new file and renames it over the record, or removes one: that gives the record a
//! new inode and changes its folder's mtime and ctime. So:
//! - a record is served from the cache while `stat` of its path gives the [`Stamp`] (device,
//!   inode, size, mtime, ctime) of the file it was parsed from (taken with `fstat` on the open
//!   file it was read from, so the stamp and the content belong together);
//! - a listing of every account or every policy is served from the cache while the stamps of
//!   the kind's top folder and of each namespace folder in it are those seen before the
//!   listing was read (stamps first, then the read: a write in between only costs a re-read).
//!
//! Timestamps have a granularity (a clock tick, or a whole second on some file systems), so
//! two writes within one tick may leave the same mtime. A stamp is therefore only trusted once
//! it is [`SETTLED`] old when it is taken: a later write then gets a later timestamp. Until
//! then (right after a write) every read goes to the disk, as without a cache.
//!
//! A record edited in place by hand (not renamed over, as svcacct writes) changes its own
//! stamp but not its folder's: a lookup of it sees the edit at once, a listing at the next
//! write in that folder.

use std::collections::HashMap;
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use crate::model::{Account, Policy};

/// How old a file's or folder's last change must be before its stamp is trusted.
pub const SETTLED: Duration = Duration::from_secs(2);

/// Most account records kept (the oldest half is dropped beyond it).
const MAX_RECORDS: usize = 100_000;

/// What `stat` says of one version of a file or folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    dev: u64,
    ino: u64,
    size: u64,
    mtime: (i64, i64),
    ctime: (i64, i64),
}

impl Stamp {
    pub fn of(meta: &fs::Metadata) -> Stamp {
        Stamp {
            dev: meta.dev(),
            ino: meta.ino(),
            size: meta.size(),
            mtime: (meta.mtime(), meta.mtime_nsec()),
            ctime: (meta.ctime(), meta.ctime_nsec()),
        }
    }

    /// The stamp of `path` now; `None` when it cannot be read (missing, …).
    pub fn read(path: &Path) -> Option<Stamp> {
        fs::metadata(path).ok().map(|m| Stamp::of(&m))
    }

    /// Was the last write at least [`SETTLED`] ago? (Every write of the store sets the mtime
    /// of the new file and of its folder.)
    pub fn settled(&self) -> bool {
        let latest = self.mtime;
        let Some(threshold) = SystemTime::now()
            .checked_sub(SETTLED)
            .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
        else {
            return false;
        };
        let threshold = (threshold.as_secs() as i64, threshold.subsec_nanos() as i64);
        latest < threshold
    }
}

/// The stamps of the folders a listing was read from, in order.
pub type FolderStamps = Vec<(PathBuf, Stamp)>;

/// Are these folders all unchanged?
fn unchanged(folders: &FolderStamps) -> bool {
    folders.iter().all(|(p, s)| Stamp::read(p) == Some(*s))
}

/// Takes the stamps of `top` and of every folder in it: `None` when one cannot be read or has
/// not settled yet (then the listing is not cached).
pub fn folder_stamps(top: &Path) -> Option<FolderStamps> {
    let top_stamp = Stamp::read(top)?;
    let mut out = vec![(top.to_owned(), top_stamp)];
    for entry in fs::read_dir(top).ok()? {
        let path = entry.ok()?.path();
        let meta = fs::metadata(&path).ok()?;
        if meta.is_dir() {
            out.push((path, Stamp::of(&meta)));
        }
    }
    out.iter().all(|(_, s)| s.settled()).then_some(out)
}

/// A listing and the folder stamps taken before it was read.
type Snapshot<T> = Arc<(FolderStamps, Arc<Vec<T>>)>;

#[derive(Default)]
pub struct ReadCache {
    accounts: Mutex<HashMap<PathBuf, (Stamp, Account)>>,
    all_accounts: Mutex<Option<Snapshot<Account>>>,
    all_policies: Mutex<Option<Snapshot<Policy>>>,
}

impl std::fmt::Debug for ReadCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReadCache").finish_non_exhaustive()
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl ReadCache {
    /// The cached account at `path`, if the file there is still the one it was read from.
    pub fn account(&self, path: &Path) -> Option<Account> {
        let stamp = Stamp::read(path)?;
        let map = lock(&self.accounts);
        match map.get(path) {
            Some((s, a)) if *s == stamp => Some(a.clone()),
            _ => None,
        }
    }

    /// Remembers an account read from the file of `stamp`, once that file has settled.
    pub fn put_account(&self, path: &Path, stamp: Stamp, account: &Account) {
        let mut map = lock(&self.accounts);
        if !stamp.settled() {
            map.remove(path);
            return;
        }
        if map.len() >= MAX_RECORDS {
            map.clear();
        }
        map.insert(path.to_owned(), (stamp, account.clone()));
    }

    pub fn all_accounts(&self) -> Option<Arc<Vec<Account>>> {
        cached_listing(&self.all_accounts)
    }

    pub fn put_all_accounts(&self, stamps: FolderStamps, items: Arc<Vec<Account>>) {
        *lock(&self.all_accounts) = Some(Arc::new((stamps, items)));
    }

    pub fn all_policies(&self) -> Option<Arc<Vec<Policy>>> {
        cached_listing(&self.all_policies)
    }

    pub fn put_all_policies(&self, stamps: FolderStamps, items: Arc<Vec<Policy>>) {
        *lock(&self.all_policies) = Some(Arc::new((stamps, items)));
    }
}

/// The cached listing while its folders are unchanged (checked outside the lock).
fn cached_listing<T>(slot: &Mutex<Option<Snapshot<T>>>) -> Option<Arc<Vec<T>>> {
    let snapshot = lock(slot).clone()?;
    unchanged(&snapshot.0).then(|| snapshot.1.clone())
}

#[cfg(test)]
mod tests {
    use std::fs::File;
    use std::time::SystemTime;

    use super::*;
    use crate::store::Scope;
    use crate::store::Store;
    use crate::store::file::FileStore;
    use crate::store::memory::tests::{account, name, policy, reference};

    /// Moves the mtime of everything under `dir` back by a minute, as if the store had been
    /// written long ago (so the cache trusts the stamps).
    fn age(dir: &Path) {
        let past = SystemTime::now() - Duration::from_secs(60);
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                age(&path);
            }
            File::open(&path).unwrap().set_modified(past).unwrap();
        }
        File::open(dir).unwrap().set_modified(past).unwrap();
    }

    #[test]
    fn writes_by_another_process_are_seen_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("store");
        let server = FileStore::open_cached(root.clone());
        let cli = FileStore::open(root.clone());
        cli.create_account(account("ci-bot")).unwrap();
        cli.create_policy(policy(None, "admin")).unwrap();
        age(&root);

        let first = server.policy_snapshot().unwrap();
        assert_eq!(first.len(), 1);
        // unchanged folders: the same snapshot, not a re-read
        assert!(Arc::ptr_eq(&first, &server.policy_snapshot().unwrap()));
        let a = server.get_account(&reference("ci-bot")).unwrap();
        assert_eq!(a.revision, 1);
        assert_eq!(server.list_accounts(&Scope::All).unwrap().items.len(), 1);

        // each kind of write by the other store, seen by the next read, settled or not
        let mut a2 = cli.get_account(&reference("ci-bot")).unwrap();
        a2.description = "changed".into();
        cli.update_account(a2).unwrap();
        let a = server.get_account(&reference("ci-bot")).unwrap();
        assert_eq!((a.revision, a.description.as_str()), (2, "changed"));
        cli.create_policy(policy(Some("eng"), "read")).unwrap();
        let second = server.policy_snapshot().unwrap();
        assert_eq!(second.len(), 2);
        assert!(!Arc::ptr_eq(&first, &second));
        cli.delete_policy(&crate::model::PolicyScope::Global, &name("admin"))
            .unwrap();
        assert_eq!(server.policy_snapshot().unwrap().len(), 1);
        assert_eq!(
            server.list_policies(&Scope::All).unwrap().items[0].name,
            name("read")
        );
        cli.create_account(account("eng/deployer")).unwrap();
        assert_eq!(server.list_accounts(&Scope::All).unwrap().items.len(), 2);
        cli.rename_account(&reference("ci-bot"), &name("robot"))
            .unwrap();
        assert!(server.get_account(&reference("ci-bot")).is_err());
        assert_eq!(server.get_account(&reference("robot")).unwrap().revision, 3);
        cli.delete_account(&reference("robot")).unwrap();
        assert!(server.get_account(&reference("robot")).is_err());
        let names: Vec<String> = server
            .list_accounts(&Scope::All)
            .unwrap()
            .items
            .iter()
            .map(|a| a.reference().to_string())
            .collect();
        assert_eq!(names, ["eng/deployer"]);

        // settled again, a write is still seen
        age(&root);
        assert_eq!(server.policy_snapshot().unwrap().len(), 1);
        cli.modify_policy(
            &crate::model::PolicyScope::Namespace(
                crate::identity::Namespace::parse("eng").unwrap(),
            ),
            &name("read"),
            &mut |p| {
                p.actions.push("list".into());
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(server.policy_snapshot().unwrap()[0].revision, 2);
    }

    #[test]
    fn a_fresh_stamp_is_not_trusted() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        fs::write(&path, "x").unwrap();
        assert!(!Stamp::read(&path).unwrap().settled());
        age(dir.path());
        assert!(Stamp::read(&path).unwrap().settled());
        assert!(folder_stamps(dir.path()).is_some());
        assert!(Stamp::read(&dir.path().join("missing")).is_none());
    }
}
