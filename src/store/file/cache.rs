//! The file store's read cache, for a long-running reader (`svcacct serve`): parsed account
//! records and issued-token files, and the listings of every account and every policy, kept
//! until inotify reports a change in a folder they were read from.
//!
//! - Before a record or a listing is read from the disk, its folders are watched: the store's
//!   root, the kind's folder (`accounts/`, `tokens/`, `policies/`) and the namespace folders in
//!   it.
//! - Every cached answer first applies the events queued so far: it asks how much is queued
//!   (one `ioctl`), and only when something is, takes the write lock, reads the events and
//!   drops what they touch. Cached answers are otherwise read-locked, and one thread at a time
//!   asks the queue (the others wait for its answer). The kernel queues an event before the
//!   write that caused it returns, so a write finished before a request arrived is seen by
//!   that request, whoever made it: this server, the CLI on the same folder, or an editor
//!   changing a file in place.
//!   A request says when it arrived (`since`): if the queue was read after that (by this or
//!   another request), its answer needs no look at the queue of its own.
//! - A record or listing read while an event came in is not kept: every event bumps a
//!   generation, and what was read is kept only if the generation is the one seen when its
//!   folders were watched.
//! - A folder removed, moved or replaced (its own events, its parent's about it, or the root's
//!   about the kinds' folders) drops everything read from it and is watched again at its path
//!   (even while the old folder lingers, held open by someone); an overflowing event queue
//!   drops everything and every watch. Above the root nothing is watched: a read of the queue
//!   also checks (one `stat`, at most every [`ROOT_CHECK_EVERY`]) that the root's path still
//!   leads to the folder watched, so a store replaced as a whole (a parent folder renamed, a
//!   symbolic link switched to another store) is seen within that time.
//! - A folder reached by a second path (a symbolic link inside the store) is watched once, by
//!   its first path: nothing read through the other is cached.
//!
//! No `stat` per request: a cached answer costs the one `ioctl` on the event queue. Without
//! inotify (not Linux, or the limit of instances or watches reached) nothing is cached and
//! every read goes to the disk, as for the CLI. inotify sees the changes made on this machine:
//! a store folder shared over the network and written from elsewhere is not for a server.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::time::Instant;

use crate::identity::{Name, Namespace, Reference};
use crate::issued::TokenFile;
use crate::model::{Account, Policy};

/// How often a read of the event queue checks that the root's path leads to the folder
/// watched (a `stat`, which would otherwise cost every request a path walk).
pub const ROOT_CHECK_EVERY: std::time::Duration = std::time::Duration::from_millis(100);

/// Most records of each kind kept (all of that kind are dropped beyond it, then refilled by
/// use).
const MAX_RECORDS: usize = 100_000;

/// The record kinds the cache holds, by their folder under the store's root.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Accounts,
    /// Issued-token files (`tokens/<ns>/<name>.toml`: an account's token records).
    Tokens,
    Policies,
}

impl Kind {
    const ALL: [Kind; 3] = [Kind::Accounts, Kind::Tokens, Kind::Policies];

    fn dir(self) -> &'static str {
        match self {
            Kind::Accounts => super::layout::ACCOUNTS_DIR,
            Kind::Tokens => super::layout::TOKENS_DIR,
            Kind::Policies => super::layout::POLICIES_DIR,
        }
    }
}

/// What a watched folder is to the cache.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Folder {
    Root,
    Top(Kind),
    Records(Kind),
}

/// The state behind the lock: watches, generation and what was read.
#[derive(Default)]
struct State {
    folders: HashMap<i32, (PathBuf, Folder)>,
    watched: HashMap<PathBuf, i32>,
    generation: u64,
    accounts: HashMap<Reference, Arc<Account>>,
    tokens: HashMap<Reference, Arc<TokenFile>>,
    all_accounts: Option<Arc<Vec<Account>>>,
    all_policies: Option<Arc<Vec<Policy>>>,
    /// Reading the event queue failed: nothing is cached from then on.
    broken: bool,
    /// The device and inode of the root folder the root's watch is on.
    root_id: Option<(u64, u64)>,
    /// When the root's path was last found to lead to it.
    root_checked: Option<Instant>,
}

/// Which records an event touches.
enum Touched {
    All,
    /// Those of a namespace folder (by its name in the kind's folder).
    Namespace(Option<Namespace>),
    /// One record file (by its name in a namespace folder).
    Record(Option<Reference>),
}

impl Touched {
    fn namespace(dir_name: &std::ffi::OsStr) -> Touched {
        Touched::Namespace(
            dir_name
                .to_str()
                .and_then(|s| Namespace::from_dir_name(s).ok()),
        )
    }

    fn record(dir: &Path, file_name: &std::ffi::OsStr) -> Touched {
        let ns = dir
            .file_name()
            .and_then(|d| d.to_str())
            .and_then(|d| Namespace::from_dir_name(d).ok());
        let name = file_name
            .to_str()
            .and_then(super::layout::record_stem)
            .and_then(|n| Name::parse(n).ok());
        Touched::Record(ns.zip(name).map(|(ns, name)| Reference::new(ns, name)))
    }
}

impl State {
    /// Drops the listing of `kind` and the records touched (a file that is no record, e.g.
    /// a temporary one, touches none).
    fn drop_records(&mut self, kind: Kind, touched: Touched) {
        fn drop_in<T>(records: &mut HashMap<Reference, T>, touched: Touched) {
            match touched {
                Touched::All => records.clear(),
                Touched::Namespace(Some(ns)) => records.retain(|r, _| r.namespace != ns),
                Touched::Record(Some(r)) => {
                    records.remove(&r);
                }
                Touched::Namespace(None) | Touched::Record(None) => {}
            }
        }
        match kind {
            Kind::Accounts => {
                self.all_accounts = None;
                drop_in(&mut self.accounts, touched);
            }
            Kind::Tokens => drop_in(&mut self.tokens, touched),
            Kind::Policies => self.all_policies = None,
        }
    }

    fn drop_all(&mut self) {
        for kind in Kind::ALL {
            self.drop_records(kind, Touched::All);
        }
    }

    fn forget_watch(&mut self, wd: i32) -> Option<(PathBuf, Folder)> {
        let (path, folder) = self.folders.remove(&wd)?;
        self.watched.remove(&path);
        if folder == Folder::Root {
            self.root_id = None;
        }
        Some((path, folder))
    }
}

/// The device and inode of the folder at `path` (following links), if any.
fn folder_id(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

/// Adds a record to `records`, emptied first when full.
fn keep_record<T>(records: &mut HashMap<Reference, T>, r: &Reference, value: T) {
    if records.len() >= MAX_RECORDS {
        records.clear();
    }
    records.insert(r.clone(), value);
}

pub struct ReadCache {
    #[cfg(target_os = "linux")]
    inotify: rustix::fd::OwnedFd,
    root: PathBuf,
    /// Read-locked for a cached answer, so that requests on several threads do not wait for
    /// each other; write-locked to apply events and to keep what was read.
    state: RwLock<State>,
    /// Held by the one thread that reads the event queue: the others wait for its answer.
    drain: Mutex<()>,
    /// When the last read of the event queue whose events are applied began, as
    /// [`ReadCache::stamp`]: every write finished before then is applied.
    read_at: AtomicU64,
    epoch: Instant,
}

impl std::fmt::Debug for ReadCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReadCache")
            .field("root", &self.root)
            .finish_non_exhaustive()
    }
}

impl ReadCache {
    /// A cache for the store at `root`; the reason when inotify is not available.
    #[cfg(target_os = "linux")]
    pub fn new(root: &Path) -> Result<ReadCache, String> {
        use rustix::fs::inotify::{CreateFlags, init};
        let inotify = init(CreateFlags::NONBLOCK | CreateFlags::CLOEXEC)
            .map_err(|e| format!("inotify: {e}"))?;
        Ok(ReadCache {
            inotify,
            root: root.to_owned(),
            state: RwLock::default(),
            drain: Mutex::default(),
            read_at: AtomicU64::new(0),
            epoch: Instant::now(),
        })
    }

    #[cfg(not(target_os = "linux"))]
    pub fn new(_root: &Path) -> Result<ReadCache, String> {
        Err("a read cache needs inotify (Linux)".into())
    }

    /// The kind's folder under the root.
    fn top(&self, kind: Kind) -> PathBuf {
        self.root.join(kind.dir())
    }

    /// `t` as a number that grows with time: nanoseconds since the cache was made, plus one
    /// (0: never).
    fn stamp(&self, t: Instant) -> u64 {
        u64::try_from(t.saturating_duration_since(self.epoch).as_nanos()).unwrap_or(u64::MAX - 1)
            + 1
    }

    /// Applies every event of a write finished before `since`, unless a read of the queue
    /// that began after `since` (by another request) did already.
    fn drain_events(&self, since: Instant) {
        let due = || self.read_at.load(Ordering::Acquire) < self.stamp(since);
        if !due() {
            return;
        }
        let _one = self.drain.lock().unwrap_or_else(|e| e.into_inner());
        if !due() {
            return;
        }
        // Taken before the queue is asked: every event queued before `now` is counted below,
        // and read and applied under the write lock.
        let now = Instant::now();
        let (root_due, broken) = {
            let st = self.read();
            let due = st.root_id.is_some()
                && st
                    .root_checked
                    .is_none_or(|t| now.duration_since(t) >= ROOT_CHECK_EVERY);
            (due, st.broken)
        };
        // Only a queue with events (or a failure to tell) needs the state's write lock; a
        // broken cache keeps nothing, and its queue is no longer read.
        if !broken && (self.events_queued() || root_due) {
            let mut st = self.write();
            self.apply_events(&mut st);
            if st.root_id.is_some() && root_due {
                if folder_id(&self.root) == st.root_id {
                    st.root_checked = Some(now);
                } else {
                    // The root's path leads elsewhere now (a parent renamed, a link switched).
                    self.start_again(&mut st);
                }
            }
        }
        // Published only now, the write guard dropped: a request that finds this stamp at or
        // after its arrival skips the queue and reads a state with those events applied.
        self.read_at.store(self.stamp(now), Ordering::Release);
    }

    fn read(&self) -> RwLockReadGuard<'_, State> {
        self.state.read().unwrap_or_else(|e| e.into_inner())
    }

    fn write(&self) -> RwLockWriteGuard<'_, State> {
        self.state.write().unwrap_or_else(|e| e.into_inner())
    }

    /// The state, with every event of a write finished before `since` applied.
    fn fresh(&self, since: Instant) -> RwLockReadGuard<'_, State> {
        self.drain_events(since);
        self.read()
    }

    /// The state to change, with the events queued so far applied.
    fn current(&self) -> RwLockWriteGuard<'_, State> {
        self.drain_events(Instant::now());
        self.write()
    }

    /// The cached account `r`, as of `since` at least.
    pub fn account(&self, r: &Reference, since: Instant) -> Option<Arc<Account>> {
        self.fresh(since).accounts.get(r).cloned()
    }

    /// The cached token file of account `r`, as of `since` at least.
    pub fn tokens(&self, r: &Reference, since: Instant) -> Option<Arc<TokenFile>> {
        self.fresh(since).tokens.get(r).cloned()
    }

    pub fn all_accounts(&self) -> Option<Arc<Vec<Account>>> {
        self.fresh(Instant::now()).all_accounts.clone()
    }

    /// Every policy, as of `since` at least.
    pub fn all_policies(&self, since: Instant) -> Option<Arc<Vec<Policy>>> {
        self.fresh(since).all_policies.clone()
    }

    /// Before reading the record file `path` of `kind`: watches its folders and returns the
    /// generation to give to [`ReadCache::put_account`]; `None` when they cannot be watched
    /// (the record is then not cached).
    pub fn before_record(&self, kind: Kind, path: &Path) -> Option<u64> {
        let mut st = self.current();
        self.watch_kind(&mut st, kind)?;
        self.watch(&mut st, path.parent()?, Folder::Records(kind))?;
        (!st.broken).then_some(st.generation)
    }

    /// Before reading every record of `kind`: watches the root, the kind's folder and every
    /// folder in it; the generation to give to the `put_all_…` call, or `None` as
    /// `before_record`.
    pub fn before_listing(&self, kind: Kind) -> Option<u64> {
        let mut st = self.current();
        let top = self.watch_kind(&mut st, kind)?;
        for entry in std::fs::read_dir(&top).ok()? {
            let entry = entry.ok()?;
            if entry.file_type().ok()?.is_dir() {
                self.watch(&mut st, &entry.path(), Folder::Records(kind))?;
            }
        }
        (!st.broken).then_some(st.generation)
    }

    /// Watches the root and the kind's folder; that folder.
    fn watch_kind(&self, st: &mut State, kind: Kind) -> Option<PathBuf> {
        let top = self.top(kind);
        self.watch(st, &self.root, Folder::Root)?;
        self.watch(st, &top, Folder::Top(kind))?;
        Some(top)
    }

    /// Keeps account `r` if nothing changed since `generation`.
    pub fn put_account(&self, r: &Reference, generation: u64, account: Arc<Account>) {
        self.keep(generation, |st| keep_record(&mut st.accounts, r, account));
    }

    /// Keeps the token file of account `r` if nothing changed since `generation`.
    pub fn put_tokens(&self, r: &Reference, generation: u64, file: Arc<TokenFile>) {
        self.keep(generation, |st| keep_record(&mut st.tokens, r, file));
    }

    /// Runs `put` if nothing changed since `generation` (and the cache works).
    fn keep(&self, generation: u64, put: impl FnOnce(&mut State)) {
        let mut st = self.current();
        if st.generation == generation && !st.broken {
            put(&mut st);
        }
    }

    pub fn put_all_accounts(&self, generation: u64, items: Arc<Vec<Account>>) {
        self.keep(generation, |st| st.all_accounts = Some(items));
    }

    pub fn put_all_policies(&self, generation: u64, items: Arc<Vec<Policy>>) {
        self.keep(generation, |st| st.all_policies = Some(items));
    }

    /// Forgets every watch and everything read: the next reads watch again from the root.
    fn start_again(&self, st: &mut State) {
        for wd in st.folders.keys().copied().collect::<Vec<_>>() {
            st.forget_watch(wd);
            self.unwatch(wd);
        }
        st.drop_all();
        st.generation += 1;
    }

    #[cfg(target_os = "linux")]
    fn unwatch(&self, wd: i32) {
        // Fails only for a watch the kernel already removed.
        let _ = rustix::fs::inotify::remove_watch(&self.inotify, wd);
    }

    #[cfg(not(target_os = "linux"))]
    fn unwatch(&self, _wd: i32) {}

    /// Watches `dir` (once); `None` when it cannot be watched (missing, limit of watches, or
    /// already watched through another path).
    #[cfg(target_os = "linux")]
    fn watch(&self, st: &mut State, dir: &Path, folder: Folder) -> Option<()> {
        use rustix::fs::inotify::{WatchFlags, add_watch};
        if st.watched.contains_key(dir) {
            return Some(());
        }
        // MASK_CREATE: a folder already watched (reached through another path) is refused
        // rather than moved to this path.
        let mask = WatchFlags::MASK_CREATE
            | WatchFlags::ONLYDIR
            | WatchFlags::DELETE_SELF
            | WatchFlags::MOVE_SELF
            | WatchFlags::CREATE
            | WatchFlags::DELETE
            | WatchFlags::MOVED_FROM
            | WatchFlags::MOVED_TO
            | match folder {
                // The root's own files (the lock, …) are not records: only renames and
                // removals of the kinds' folders matter there.
                Folder::Root => WatchFlags::empty(),
                _ => WatchFlags::MODIFY | WatchFlags::CLOSE_WRITE | WatchFlags::ATTRIB,
            };
        let before = if folder == Folder::Root {
            Some(folder_id(dir)?)
        } else {
            None
        };
        let wd = add_watch(&self.inotify, dir, mask).ok()?;
        if st.folders.contains_key(&wd) {
            return None;
        }
        st.folders.insert(wd, (dir.to_owned(), folder));
        st.watched.insert(dir.to_owned(), wd);
        if let Some(before) = before {
            // The root's identity, checked at every read of the queue; if its path changed
            // while the watch was added, which folder is watched is unknown: start again.
            if folder_id(dir) != Some(before) {
                self.start_again(st);
                return None;
            }
            st.root_id = Some(before);
            st.root_checked = Some(Instant::now());
        }
        Some(())
    }

    #[cfg(not(target_os = "linux"))]
    fn watch(&self, _st: &mut State, _dir: &Path, _folder: Folder) -> Option<()> {
        None
    }

    /// Whether the event queue has anything (or that cannot be told), without reading it.
    #[cfg(target_os = "linux")]
    fn events_queued(&self) -> bool {
        !matches!(rustix::io::ioctl_fionread(&self.inotify), Ok(0))
    }

    #[cfg(not(target_os = "linux"))]
    fn events_queued(&self) -> bool {
        false
    }

    /// Reads every queued event and drops what each touches.
    #[cfg(target_os = "linux")]
    fn apply_events(&self, st: &mut State) {
        use rustix::fs::inotify::{ReadFlags, Reader};
        use rustix::io::Errno;
        use std::mem::MaybeUninit;
        use std::os::unix::ffi::OsStrExt;
        if st.broken {
            return;
        }
        let mut buf = [MaybeUninit::<u8>::uninit(); 4096];
        let mut events = Reader::new(&self.inotify, &mut buf);
        loop {
            let event = match events.next() {
                Ok(e) => e,
                Err(Errno::AGAIN) => return,
                Err(Errno::INTR) => continue,
                Err(_) => {
                    st.drop_all();
                    st.broken = true;
                    return;
                }
            };
            let flags = event.events();
            if flags.contains(ReadFlags::QUEUE_OVERFLOW) {
                // The lost events may include a folder's removal: watch everything again.
                self.start_again(st);
                continue;
            }
            let Some((dir, folder)) = st.folders.get(&event.wd()).cloned() else {
                continue; // a watch already forgotten
            };
            let name = event
                .file_name()
                .map(|n| std::ffi::OsStr::from_bytes(n.to_bytes()));
            let gone = flags.intersects(
                ReadFlags::DELETE_SELF
                    | ReadFlags::MOVE_SELF
                    | ReadFlags::IGNORED
                    | ReadFlags::UNMOUNT,
            );
            if gone {
                st.forget_watch(event.wd());
                if !flags.contains(ReadFlags::IGNORED) {
                    self.unwatch(event.wd());
                }
            }
            match folder {
                Folder::Root => {
                    let kind_folder = name.is_some_and(|n| Kind::ALL.iter().any(|k| n == k.dir()));
                    if !(gone || kind_folder) {
                        continue;
                    }
                    // The kinds' folders were replaced or the root moved: start again.
                    self.start_again(st);
                    continue;
                }
                Folder::Top(kind) => match name {
                    // A namespace folder made, removed or renamed: the folder at that path
                    // is watched again when next read (the old one may linger, held open,
                    // and send nothing more).
                    Some(n) if !gone => {
                        if let Some(wd) = st.watched.get(&dir.join(n)).copied() {
                            st.forget_watch(wd);
                            self.unwatch(wd);
                        }
                        st.drop_records(kind, Touched::namespace(n));
                    }
                    _ => st.drop_records(kind, Touched::All),
                },
                Folder::Records(kind) => match name {
                    Some(n) if !gone => st.drop_records(kind, Touched::record(&dir, n)),
                    _ => match dir.file_name() {
                        Some(d) => st.drop_records(kind, Touched::namespace(d)),
                        None => st.drop_records(kind, Touched::All),
                    },
                },
            }
            st.generation += 1;
        }
    }

    #[cfg(not(target_os = "linux"))]
    fn apply_events(&self, _st: &mut State) {}
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use std::fs;

    use super::*;
    use crate::model::PolicyScope;
    use crate::store::Scope;
    use crate::store::Store;
    use crate::store::engine::Engine;
    use crate::store::file::FileStore;
    use crate::store::memory::tests::{account, name, policy, reference, rename_account};

    fn cached(root: &Path) -> FileStore {
        let (store, no_cache) = FileStore::open_cached(root.to_owned());
        assert_eq!(no_cache, None);
        store
    }

    /// A store folder with these accounts, written by a store without a cache (as the CLI).
    fn store_with(accounts: &[&str]) -> (tempfile::TempDir, PathBuf, FileStore) {
        store_at("store", accounts)
    }

    /// `store_with`, the store at `path` inside the temporary folder.
    fn store_at(path: &str, accounts: &[&str]) -> (tempfile::TempDir, PathBuf, FileStore) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join(path);
        let cli = FileStore::open(root.clone());
        for a in accounts {
            cli.create_account(account(a)).unwrap();
        }
        (dir, root, cli)
    }

    fn names(store: &FileStore) -> Vec<String> {
        store
            .list_accounts(&Scope::All)
            .unwrap()
            .items
            .iter()
            .map(|a| a.reference().to_string())
            .collect()
    }

    #[test]
    fn writes_by_another_process_are_seen_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("store");
        let server = cached(&root);
        let cli = FileStore::open(root.clone());
        // Nothing there yet: nothing to watch, nothing cached, nothing wrong.
        assert!(server.get_account(&reference("ci-bot")).is_err());
        assert!(server.policy_snapshot().unwrap().is_empty());
        cli.create_account(account("ci-bot")).unwrap();
        cli.create_policy(policy(None, "admin")).unwrap();

        let first = server.policy_snapshot().unwrap();
        assert_eq!(first.len(), 1);
        // unchanged folders: the same snapshot and record, not a re-read
        assert!(Arc::ptr_eq(&first, &server.policy_snapshot().unwrap()));
        let a = server.get_account(&reference("ci-bot")).unwrap();
        assert_eq!(a.revision, 1);
        let kept = server
            .cached_account(&reference("ci-bot"), Instant::now())
            .unwrap();
        assert!(Arc::ptr_eq(
            &kept,
            &server
                .cached_account(&reference("ci-bot"), Instant::now())
                .unwrap()
        ));
        assert_eq!(names(&server), ["ci-bot"]);

        // each kind of write by the other store, seen by the next read
        let mut a2 = cli.get_account(&reference("ci-bot")).unwrap();
        a2.description = "changed".into();
        cli.update_account(a2).unwrap();
        assert!(
            server
                .cached_account(&reference("ci-bot"), Instant::now())
                .is_none()
        );
        let a = server.get_account(&reference("ci-bot")).unwrap();
        assert_eq!((a.revision, a.description.as_str()), (2, "changed"));
        cli.create_policy(policy(Some("eng"), "read")).unwrap();
        let second = server.policy_snapshot().unwrap();
        assert_eq!(second.len(), 2);
        assert!(!Arc::ptr_eq(&first, &second));
        cli.delete_policy(&PolicyScope::Global, &name("admin"))
            .unwrap();
        assert_eq!(server.policy_snapshot().unwrap().len(), 1);
        assert_eq!(
            server.list_policies(&Scope::All).unwrap().items[0].name,
            name("read")
        );
        cli.create_account(account("eng/deployer")).unwrap();
        assert_eq!(names(&server), ["ci-bot", "eng/deployer"]);
        rename_account(&cli, &reference("ci-bot"), &name("robot")).unwrap();
        assert!(server.get_account(&reference("ci-bot")).is_err());
        assert_eq!(server.get_account(&reference("robot")).unwrap().revision, 3);
        // The grant that named `ci-bot` moved with it (revision 2).
        assert_eq!(server.policy_snapshot().unwrap()[0].subjects[0], "robot");
        cli.delete_account(&reference("robot")).unwrap();
        assert!(server.get_account(&reference("robot")).is_err());
        assert_eq!(names(&server), ["eng/deployer"]);
        cli.modify_policy(
            &PolicyScope::Namespace(crate::identity::Namespace::parse("eng").unwrap()),
            &name("read"),
            &mut |p| {
                p.actions.push("list".into());
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(server.policy_snapshot().unwrap()[0].revision, 3);
    }

    #[test]
    fn a_child_namespace_record_is_dropped_by_its_own_events() {
        let (_dir, root, cli) = store_with(&["eng/bot", "eng/platform/bot"]);
        let server = cached(&root);
        for r in ["eng/bot", "eng/platform/bot"] {
            assert_eq!(server.get_account(&reference(r)).unwrap().revision, 1);
        }
        let mut a = cli.get_account(&reference("eng/platform/bot")).unwrap();
        a.description = "changed".into();
        cli.update_account(a).unwrap();
        assert!(
            server
                .cached_account(&reference("eng/platform/bot"), Instant::now())
                .is_none()
        );
        assert!(
            server
                .cached_account(&reference("eng/bot"), Instant::now())
                .is_some()
        );
        assert_eq!(
            server
                .get_account(&reference("eng/platform/bot"))
                .unwrap()
                .revision,
            2
        );
    }

    #[test]
    fn a_request_sees_the_writes_finished_before_it_arrived() {
        let (_dir, root, cli) = store_with(&["ci-bot"]);
        let server = cached(&root);
        let r = reference("ci-bot");
        server.get_account(&r).unwrap();
        let arrived = Instant::now();
        assert!(server.cached_account(&r, arrived).is_some());
        // a write after the request arrived need not be seen by it (no second read of the
        // events for the same request) …
        cli.update_account(cli.get_account(&r).unwrap()).unwrap();
        assert!(server.cached_account(&r, arrived).is_some());
        // … but is by the next request
        assert!(server.cached_account(&r, Instant::now()).is_none());
        assert!(server.cached_account(&r, arrived).is_none());
    }

    #[test]
    fn requests_on_several_threads_each_see_the_writes_finished_before_they_arrived() {
        use std::sync::atomic::AtomicU64;
        let (_dir, root, cli) = store_with(&["ci-bot"]);
        let server = cached(&root);
        let r = reference("ci-bot");
        const WRITES: u64 = 40;
        // the revision of the last update that returned
        let written = AtomicU64::new(1);
        let hits = AtomicU64::new(0);
        std::thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| {
                    loop {
                        let before = written.load(Ordering::SeqCst);
                        let arrived = Instant::now();
                        let seen = match server.cached_account(&r, arrived) {
                            Some(a) => {
                                hits.fetch_add(1, Ordering::Relaxed);
                                a.revision
                            }
                            None => server.get_account(&r).unwrap().revision,
                        };
                        assert!(
                            seen >= before,
                            "revision {seen} seen after {before} was written"
                        );
                        if before == WRITES + 1 {
                            break;
                        }
                    }
                });
            }
            for _ in 0..WRITES {
                let a = cli.update_account(cli.get_account(&r).unwrap()).unwrap();
                written.store(a.revision, Ordering::SeqCst);
                std::thread::sleep(std::time::Duration::from_millis(2));
            }
        });
        // the answers between writes came from the cache
        assert!(hits.load(Ordering::Relaxed) > 0);
    }

    #[test]
    fn an_edit_in_place_is_seen_by_lookups_and_listings() {
        let (_dir, root, _) = store_with(&["ci-bot"]);
        let server = cached(&root);
        assert_eq!(
            server.get_account(&reference("ci-bot")).unwrap().revision,
            1
        );
        assert_eq!(names(&server), ["ci-bot"]);
        assert!(
            server
                .cached_account(&reference("ci-bot"), Instant::now())
                .is_some()
        );

        // rewritten through the same inode, as an editor may
        let path = root.join("accounts/default/ci-bot.toml");
        let text = fs::read_to_string(&path).unwrap();
        fs::write(&path, text.replace("revision = 1", "revision = 9")).unwrap();
        assert!(
            server
                .cached_account(&reference("ci-bot"), Instant::now())
                .is_none()
        );
        assert_eq!(
            server.get_account(&reference("ci-bot")).unwrap().revision,
            9
        );
        assert_eq!(
            server.list_accounts(&Scope::All).unwrap().items[0].revision,
            9
        );

        // edited into garbage: an error, never the old record
        fs::write(&path, "garbage = [").unwrap();
        assert!(server.get_account(&reference("ci-bot")).is_err());
        assert!(!server.list_accounts(&Scope::All).unwrap().errors.is_empty());
    }

    #[test]
    fn replaced_folders_are_read_again() {
        let (dir, root, cli) = store_with(&["ci-bot", "eng/bot"]);
        let server = cached(&root);
        assert_eq!(
            server.get_account(&reference("ci-bot")).unwrap().revision,
            1
        );
        assert_eq!(
            server.get_account(&reference("eng/bot")).unwrap().revision,
            1
        );
        assert_eq!(names(&server), ["ci-bot", "eng/bot"]);
        assert!(
            server
                .cached_account(&reference("eng/bot"), Instant::now())
                .is_some()
        );

        // a namespace folder removed and made again, with another record
        let eng = root.join("accounts/eng");
        fs::remove_dir_all(&eng).unwrap();
        cli.create_account(account("eng/bot")).unwrap();
        let mut a = cli.get_account(&reference("eng/bot")).unwrap();
        a.description = "new".into();
        cli.update_account(a).unwrap();
        assert_eq!(
            server.get_account(&reference("eng/bot")).unwrap().revision,
            2
        );
        assert_eq!(
            server.get_account(&reference("eng/bot")).unwrap().revision,
            2
        );

        // the whole accounts folder swapped for another one
        let other = dir.path().join("other");
        FileStore::open(other.clone())
            .create_account(account("robot"))
            .unwrap();
        fs::rename(root.join("accounts"), dir.path().join("old-accounts")).unwrap();
        fs::rename(other.join("accounts"), root.join("accounts")).unwrap();
        assert!(server.get_account(&reference("ci-bot")).is_err());
        assert_eq!(names(&server), ["robot"]);
        // and watched again from there
        assert!(server.get_account(&reference("robot")).is_ok());
        assert!(
            server
                .cached_account(&reference("robot"), Instant::now())
                .is_some()
        );
        FileStore::open(root.clone())
            .delete_account(&reference("robot"))
            .unwrap();
        assert!(
            server
                .cached_account(&reference("robot"), Instant::now())
                .is_none()
        );
        assert!(names(&server).is_empty());
    }

    #[test]
    fn a_record_read_while_it_changed_is_not_kept() {
        let (_dir, root, cli) = store_with(&["ci-bot"]);
        let cache = ReadCache::new(&root).unwrap();
        let path = root.join("accounts/default/ci-bot.toml");
        let r = reference("ci-bot");
        let generation = cache.before_record(Kind::Accounts, &path).unwrap();
        let old = cli.get_account(&reference("ci-bot")).unwrap();
        // a write lands between the read and the put, and another lookup applies its events
        let mut new = old.clone();
        new.description = "changed".into();
        cli.update_account(new).unwrap();
        assert!(cache.account(&r, Instant::now()).is_none());
        cache.put_account(&r, generation, Arc::new(old));
        assert!(cache.account(&r, Instant::now()).is_none());
        // the same for listings
        let generation = cache.before_listing(Kind::Accounts).unwrap();
        cli.create_account(account("robot")).unwrap();
        cache.put_all_accounts(generation, Arc::new(vec![]));
        assert!(cache.all_accounts().is_none());
        let generation = cache.before_listing(Kind::Accounts).unwrap();
        cache.put_all_accounts(generation, Arc::new(vec![]));
        assert!(cache.all_accounts().is_some());
    }

    #[test]
    fn a_namespace_folder_made_again_while_the_old_one_is_held_open_is_watched() {
        let (_dir, root, cli) = store_with(&["eng/bot"]);
        let server = cached(&root);
        assert!(!server.get_account(&reference("eng/bot")).unwrap().disabled);
        let eng = root.join("accounts/eng");
        // e.g. a shell whose working directory is the folder, or any open fd on it
        let held = fs::File::open(&eng).unwrap();
        fs::remove_dir_all(&eng).unwrap();
        cli.create_account(account("eng/bot")).unwrap();
        // read from the new folder and kept (the new folder is never watched)
        assert!(!server.get_account(&reference("eng/bot")).unwrap().disabled);
        let mut a = cli.get_account(&reference("eng/bot")).unwrap();
        a.disabled = true;
        cli.update_account(a).unwrap();
        let seen = server.get_account(&reference("eng/bot")).unwrap();
        drop(held);
        assert!(
            seen.disabled,
            "stale: the account disabled by the CLI is served as enabled"
        );
    }

    #[test]
    fn a_parent_of_the_root_renamed_is_seen_at_the_next_root_check() {
        let (dir, root, _) = store_at("srv/store", &["ci-bot"]);
        let server = cached(&root);
        server.get_account(&reference("ci-bot")).unwrap();
        // the store replaced by moving its parent away and making a new, empty one
        fs::rename(dir.path().join("srv"), dir.path().join("srv-old")).unwrap();
        std::thread::sleep(ROOT_CHECK_EVERY);
        FileStore::open(root.clone())
            .create_account(account("robot"))
            .unwrap();
        assert!(
            server.get_account(&reference("ci-bot")).is_err(),
            "stale: an account of the old store is still served"
        );
    }

    #[test]
    fn an_overflow_of_the_event_queue_watches_everything_again() {
        let (_dir, root, cli) = store_with(&["ci-bot", "eng/bot"]);
        let server = cached(&root);
        server.get_account(&reference("ci-bot")).unwrap();
        assert!(!server.get_account(&reference("eng/bot")).unwrap().disabled);
        // fill the queue (max_queued_events is 16384 by default)
        let default = root.join("accounts/default");
        for i in 0..7000 {
            let p = default.join(format!(".tmp-{i}"));
            fs::write(&p, "x").unwrap();
            fs::remove_file(&p).unwrap();
        }
        // lost: the folder's DELETE_SELF and IGNORED
        fs::remove_dir_all(root.join("accounts/eng")).unwrap();
        cli.create_account(account("eng/bot")).unwrap();
        assert!(!server.get_account(&reference("eng/bot")).unwrap().disabled);
        let mut a = cli.get_account(&reference("eng/bot")).unwrap();
        a.disabled = true;
        cli.update_account(a).unwrap();
        assert!(
            server.get_account(&reference("eng/bot")).unwrap().disabled,
            "stale after an overflow"
        );
    }

    #[test]
    fn a_link_to_the_root_switched_to_another_store_is_seen_at_the_next_root_check() {
        let dir = tempfile::tempdir().unwrap();
        let v1 = dir.path().join("v1");
        let v2 = dir.path().join("v2");
        FileStore::open(v1.clone())
            .create_account(account("ci-bot"))
            .unwrap();
        FileStore::open(v2.clone())
            .create_account(account("robot"))
            .unwrap();
        let root = dir.path().join("store");
        std::os::unix::fs::symlink(&v1, &root).unwrap();
        let server = cached(&root);
        server.get_account(&reference("ci-bot")).unwrap();
        // an atomic switch of the link (a common deployment step)
        let tmp = dir.path().join("store.new");
        std::os::unix::fs::symlink(&v2, &tmp).unwrap();
        fs::rename(&tmp, &root).unwrap();
        std::thread::sleep(ROOT_CHECK_EVERY);
        assert!(
            server.get_account(&reference("ci-bot")).is_err(),
            "stale: served from the store the link no longer points to"
        );
    }

    #[test]
    fn a_second_path_to_a_watched_folder_is_not_cached() {
        let (_dir, root, cli) = store_with(&["eng/bot"]);
        // another name for the folder (e.g. left by an operator)
        std::os::unix::fs::symlink("eng", root.join("accounts/ops")).unwrap();
        let server = cached(&root);
        assert!(!server.get_account(&reference("eng/bot")).unwrap().disabled);
        // any lookup through the other name (a GET by any reader) moves the watch's path
        assert!(server.get_account(&reference("ops/bot")).is_err());
        let mut a = cli.get_account(&reference("eng/bot")).unwrap();
        a.disabled = true;
        cli.update_account(a).unwrap();
        assert!(
            server.get_account(&reference("eng/bot")).unwrap().disabled,
            "stale: the folder's events are taken for namespace ops"
        );
    }
}
