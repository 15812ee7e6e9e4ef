//! A store change killed at any moment leaves the registry entirely before or entirely after
//! it (issue 13, "Done when"). The real binary runs `rename` (of an account named by 150
//! policies), `namespace delete`, account `delete` with issued tokens and `tokens regenerate`,
//! and is killed with SIGKILL after a random delay; the next command that opens the store (a
//! read: it finishes a change a killed writer journaled) must then find every record file as
//! before the operation, or as one uninterrupted run of it leaves them.
//!
//! How states are compared: every file under the store folder (but `.lock` and a killed
//! writer's temporary files in `.tmp/`, which hold no record; a journal that a read left is
//! kept, and fails the comparison), each record parsed as TOML, where a timestamp or id that
//! the operation made (a value of `created`, `updated`, `renamed`, `expires`, `retired`, `id`
//! or `uid` that appears nowhere in the starting store) reads `<new>`: such values differ
//! between two runs of the same operation, while revisions and every other field must match.
//! Five uninterrupted runs must normalise to the same "after", or the test itself is wrong.
//!
//! Each operation starts from a store built once (with the CLI) and copied for each kill. The
//! stores are in memory (`/dev/shm`, where there is one): a SIGKILL leaves what the process
//! wrote in the page cache whatever the file system, so `fsync` plays no part in what this
//! test checks (it is about power loss), while on a disk it is most of the operations' time (a
//! rename of 150 policies takes 0.5 to 1.5 s on ext4, 30 ms in memory). The kill delays are
//! spread at random between 1 ms and 1.3 times the operation's measured duration, from a fixed
//! seed (`SVCACCT_CRASH_SEED` chooses another), so that a run's delays can be had again; a
//! failure names the seed, the kill and its delay.
//!
//! Each workflow is one transaction of the storage engine (`crate::registry`); before they
//! were, every operation here but the plain rename left half-done stores behind.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::Env;

/// Kills of each operation (the windows in which a kill leaves half a change are a few
/// milliseconds wide, or less, in operations of 5 to 50 ms): 600 in all, with twice as many
/// for `tokens regenerate`, whose window is the narrowest.
const KILLS: usize = 100;

/// Fields whose values a run makes afresh (times, ids): see the module's comment.
const FRESH_FIELDS: &[&str] = &[
    "created", "updated", "renamed", "expires", "retired", "id", "uid",
];

/// `svcacct --store STORE ARGS…`, asserting success; returns stdout.
fn on(env: &Env, store: &Path, args: &[&str]) -> String {
    let mut argv = vec!["--store", store.to_str().unwrap()];
    argv.extend_from_slice(args);
    env.ok(argv)
}

/// The starting stores. Each account gets a key of its own (`env.distinct_public_keys`), so
/// that no private key is written to the keystore: the operations change the store only.
struct Builder<'a> {
    env: &'a Env,
    store: PathBuf,
    keys: std::vec::IntoIter<String>,
}

/// Where a test keeps its stores: in memory where it can (see the module's comment).
fn scratch() -> tempfile::TempDir {
    let shm = Path::new("/dev/shm");
    let mut b = tempfile::Builder::new();
    b.prefix("svcacct-crash-");
    if shm.is_dir() {
        b.tempdir_in(shm).expect("a folder in /dev/shm")
    } else {
        b.tempdir().expect("a temporary folder")
    }
}

impl<'a> Builder<'a> {
    fn new(env: &'a Env, scratch: &Path, accounts: usize) -> Builder<'a> {
        Builder {
            env,
            store: scratch.join("base"),
            keys: env.distinct_public_keys("k", accounts).into_iter(),
        }
    }

    fn run(&self, args: &[&str]) -> String {
        on(self.env, &self.store, args)
    }

    fn account(&mut self, name: &str) {
        let key = self.keys.next().expect("enough keys");
        self.run(&["create", name, "--public-key", &key]);
    }

    fn token(&self, account: &str, name: &str, extra: &[&str]) {
        let mut args = vec!["tokens", "create", account, name];
        args.extend_from_slice(extra);
        self.run(&args);
    }

    fn policy(&self, name: &str, scope: &[&str], subjects: &[&str]) {
        let mut args = vec!["policy", "create", name];
        args.extend_from_slice(scope);
        for s in subjects {
            args.extend(["--subject", s]);
        }
        args.extend(["--action", "get", "--resource", "x"]);
        self.run(&args);
    }
}

/// Namespace `eng` with an account and a policy, ready for `namespace create eng/team`, which
/// writes three default accounts, three default policies and the namespace's record.
fn namespace_create_store(env: &Env, scratch: &Path) -> PathBuf {
    let mut b = Builder::new(env, scratch, 1);
    b.run(&["namespace", "create", "eng", "--no-defaults"]);
    b.account("eng/app");
    b.policy("readers", &["-n", "eng"], &["eng/app"]);
    b.store
}

/// `app`, named by 150 policies (145 of its namespace, some naming another subject too, and 5
/// global ones) and holding two issued tokens; `other` with a token and policies of its own.
/// With `retired_key`, the issuer was rotated after `app`'s tokens were issued, so that its
/// retired key is needed only by them: the rename revokes them, and the key is pruned.
fn rename_store(env: &Env, scratch: &Path, retired_key: bool) -> PathBuf {
    let mut b = Builder::new(env, scratch, 2);
    b.account("app");
    b.account("other");
    b.token("app", "t1", &[]);
    b.token("app", "t2", &["--aud", "api", "--expires", "never"]);
    if retired_key {
        b.run(&["issuer", "rotate", "--publish-first", "0"]);
    }
    b.token("other", "o1", &[]);
    for i in 0..145 {
        let name = format!("p{i:03}");
        if i % 10 == 0 {
            b.policy(&name, &[], &["other", "app"]);
        } else {
            b.policy(&name, &[], &["app"]);
        }
    }
    for i in 0..5 {
        b.policy(&format!("g{i}"), &["--global"], &["app"]);
    }
    for i in 0..3 {
        b.policy(&format!("o{i}"), &[], &["other"]);
    }
    b.store
}

/// Namespace `eng` (with its default accounts and policies), accounts of its own with keys
/// and issued tokens, policies, and a child namespace `eng/team` with an account and a token;
/// outside it, `bot` with a token and a global policy naming an account of `eng`. The issuer
/// was rotated after `eng`'s tokens were issued: its retired key goes with them.
fn namespace_store(env: &Env, scratch: &Path) -> PathBuf {
    let mut b = Builder::new(env, scratch, 6);
    b.run(&["namespace", "create", "eng"]);
    b.run(&["namespace", "create", "eng/team", "--no-defaults"]);
    for a in ["eng/a0", "eng/a1", "eng/a2", "eng/a3", "eng/team/bot"] {
        b.account(a);
    }
    b.token("eng/a0", "t1", &[]);
    b.token("eng/a0", "t2", &["--expires", "never"]);
    b.token("eng/a1", "t1", &[]);
    b.token("eng/team/bot", "t1", &[]);
    for i in 0..5 {
        b.policy(&format!("p{i}"), &["-n", "eng"], &["eng/a0", "eng/a1"]);
    }
    b.policy("team", &["-n", "eng/team"], &["eng/team/bot"]);
    b.run(&["issuer", "rotate", "--publish-first", "0"]);
    b.account("bot");
    b.token("bot", "b1", &[]);
    b.policy("bots", &["--global"], &["bot", "eng/a0"]);
    b.store
}

/// `bot` with a key, three issued tokens (two of them signed by a key the issuer has retired
/// since, which no other token needs) and a policy naming it; `keep` with a token.
fn delete_store(env: &Env, scratch: &Path) -> PathBuf {
    let mut b = Builder::new(env, scratch, 2);
    b.account("bot");
    b.account("keep");
    b.token("bot", "t1", &[]);
    b.token("bot", "t2", &["--aud", "api", "--expires", "never"]);
    b.run(&["issuer", "rotate", "--publish-first", "0"]);
    b.token("bot", "t3", &[]);
    b.token("keep", "k1", &[]);
    b.policy("bots", &[], &["bot", "keep"]);
    b.store
}

/// `bot` with tokens `t1` (the only one signed by a key the issuer has retired since; it
/// never expires, so that its regenerated expiry is no date of the starting store) and `t2`;
/// `keep` with a token.
fn regenerate_store(env: &Env, scratch: &Path) -> PathBuf {
    let mut b = Builder::new(env, scratch, 2);
    b.account("bot");
    b.account("keep");
    b.token("bot", "t1", &["--aud", "api", "--expires", "never"]);
    b.run(&["issuer", "rotate", "--publish-first", "0"]);
    b.token("bot", "t2", &[]);
    b.token("keep", "k1", &[]);
    b.store
}

/// A store's files as the comparison sees them: relative path → normalised text.
type Snapshot = BTreeMap<String, String>;

fn files(dir: &Path, base: &Path, out: &mut Vec<(String, Vec<u8>)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let rel = path
            .strip_prefix(base)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        if path.symlink_metadata().unwrap().is_dir() {
            files(&path, base, out);
        } else if rel != ".lock"
            && rel != ".generation"
            && (!rel.starts_with(".tmp/") || rel == ".tmp/journal")
        {
            out.push((rel, std::fs::read(&path).unwrap()));
        }
    }
}

/// Every string value of the store's records (to tell values a run made from those it kept).
fn known_values(store: &Path) -> BTreeSet<String> {
    fn collect(v: &toml::Value, out: &mut BTreeSet<String>) {
        match v {
            toml::Value::String(s) => {
                out.insert(s.clone());
            }
            toml::Value::Array(a) => a.iter().for_each(|v| collect(v, out)),
            toml::Value::Table(t) => t.values().for_each(|v| collect(v, out)),
            _ => {}
        }
    }
    let mut raw = vec![];
    files(store, store, &mut raw);
    let mut out = BTreeSet::new();
    for (rel, bytes) in raw {
        if rel.ends_with(".toml") {
            let table: toml::Table = toml::from_str(&String::from_utf8(bytes).unwrap())
                .unwrap_or_else(|e| panic!("{rel} of the starting store: {e}"));
            collect(&toml::Value::Table(table), &mut out);
        }
    }
    out
}

fn snapshot(store: &Path, known: &BTreeSet<String>) -> Snapshot {
    fn normalise(v: &mut toml::Value, known: &BTreeSet<String>) {
        match v {
            toml::Value::Array(a) => a.iter_mut().for_each(|v| normalise(v, known)),
            toml::Value::Table(t) => {
                for (k, v) in t.iter_mut() {
                    match v {
                        toml::Value::String(s)
                            if FRESH_FIELDS.contains(&k.as_str()) && !known.contains(s) =>
                        {
                            *s = "<new>".into()
                        }
                        _ => normalise(v, known),
                    }
                }
            }
            _ => {}
        }
    }
    let mut raw = vec![];
    files(store, store, &mut raw);
    raw.into_iter()
        .map(|(rel, bytes)| {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let text = match toml::from_str::<toml::Table>(&text) {
                Ok(table) if rel.ends_with(".toml") => {
                    let mut v = toml::Value::Table(table);
                    normalise(&mut v, known);
                    toml::to_string(&v).unwrap()
                }
                // An unreadable record stays as it is: it matches no whole state.
                _ => text,
            };
            (rel, text)
        })
        .collect()
}

/// What differs from `expected` in `seen`, briefly: files missing, extra, or changed (with
/// their differing lines); at most `LINES` files.
fn difference(expected: &Snapshot, seen: &Snapshot) -> String {
    const LINES: usize = 8;
    let mut lines = vec![];
    for (path, text) in expected {
        match seen.get(path) {
            None => lines.push(format!("    missing {path}")),
            Some(other) if other != text => {
                let was: BTreeSet<&str> = text.lines().collect();
                let is: BTreeSet<&str> = other.lines().collect();
                // Fields first (`kid = …`), then the lines of a PEM block.
                let only_in = |a: &BTreeSet<&str>, b: &BTreeSet<&str>| -> Vec<String> {
                    let mut d: Vec<&str> = a.difference(b).copied().collect();
                    d.sort_by_key(|l| !l.contains(" = "));
                    d.iter().take(4).map(|l| l.to_string()).collect()
                };
                let (gone, new) = (only_in(&was, &is), only_in(&is, &was));
                lines.push(format!("    changed {path}: {gone:?} → {new:?}"))
            }
            Some(_) => {}
        }
    }
    for path in seen.keys().filter(|p| !expected.contains_key(*p)) {
        lines.push(format!("    extra {path}"));
    }
    let more = lines.len().saturating_sub(LINES);
    lines.truncate(LINES);
    if more > 0 {
        lines.push(format!("    … and {more} more files"));
    }
    lines.iter().map(|l| format!("{l}\n")).collect()
}

/// The paths that differ between two snapshots, as one line (to group failures by kind).
fn differing_paths(a: &Snapshot, b: &Snapshot) -> String {
    let paths: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    let differ: Vec<&str> = paths
        .into_iter()
        .filter(|p| a.get(*p) != b.get(*p))
        .map(|p| p.as_str())
        .collect();
    if differ.len() > 6 {
        format!("{} … {} files", differ[..5].join(" "), differ.len())
    } else {
        differ.join(" ")
    }
}

/// splitmix64: a seeded generator, so that a failure's delays can be had again.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

fn copy_store(from: &Path, to: &Path) {
    if to.exists() {
        std::fs::remove_dir_all(to).unwrap();
    }
    let ok = Command::new("cp")
        .arg("-a")
        .arg(from)
        .arg(to)
        .status()
        .expect("cp runs");
    assert!(
        ok.success(),
        "cp -a {} {}: {ok}",
        from.display(),
        to.display()
    );
}

/// `svcacct --store STORE ARGS…` as a child of the test, in `env`'s clean environment.
fn spawn(env: &Env, store: &Path, args: &[&str]) -> std::process::Child {
    Command::new(assert_cmd::cargo::cargo_bin("svcacct"))
        .env_clear()
        .env("HOME", env.home.path())
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("TZ", "UTC")
        .env("LANG", "C")
        .current_dir(env.home.path())
        .arg("--store")
        .arg(store)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn svcacct")
}

/// The read after each kill: it opens the store, which finishes a journaled change.
const READ: &[&str] = &["get", "-A", "-o", "json"];

/// Kills `svcacct OP` on copies of `base`, `kills` times, and asserts that each time the next
/// read finds the store as before `op` or as after it.
fn killed_at_random(label: &str, env: &Env, base: &Path, op: &[&str], kills: usize) {
    let known = known_values(base);
    let before = snapshot(base, &known);
    let work = base.with_file_name("work");

    // "After", from five uninterrupted runs (which must agree once normalised), and how long
    // the operation takes (their median: on a busy machine one run may take three times
    // another).
    let mut afters = vec![];
    let mut took = vec![];
    for _ in 0..5 {
        copy_store(base, &work);
        let start = Instant::now();
        on(env, &work, op);
        took.push(start.elapsed());
        on(env, &work, READ);
        afters.push(snapshot(&work, &known));
    }
    let after = afters.pop().unwrap();
    for other in &afters {
        assert!(
            *other == after,
            "{label}: two uninterrupted runs differ once normalised (the test's normalisation \
             is wrong):\n{}",
            difference(other, &after)
        );
    }
    assert!(before != after, "{label}: the operation changed nothing");
    took.sort();
    let duration = took[2];
    let span = duration.mul_f64(1.3).max(Duration::from_millis(5));

    let seed = std::env::var("SVCACCT_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .unwrap_or(13);
    // One sequence per operation, from the seed and the label.
    let mut rng = Rng(label
        .bytes()
        .fold(seed, |h, b| (h ^ b as u64).wrapping_mul(0x100_0000_01b3)));

    let started = Instant::now();
    let (mut as_before, mut as_after, mut finished) = (0, 0, 0);
    let mut failures: Vec<String> = vec![];
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    for i in 0..kills {
        let micros = 1_000 + rng.next() % (span.as_micros() as u64 - 1_000).max(1);
        let delay = Duration::from_micros(micros);
        copy_store(base, &work);
        let mut child = spawn(env, &work, op);
        std::thread::sleep(delay);
        let exited = child.try_wait().unwrap();
        child.kill().unwrap_or(()); // SIGKILL (an error only when it has exited)
        child.wait().unwrap();
        let read = env
            .cmd(["--store", work.to_str().unwrap()])
            .args(READ)
            .output()
            .unwrap();
        let state = snapshot(&work, &known);
        if let Some(status) = exited {
            finished += 1;
            if !status.success() {
                failures.push(format!(
                    "kill {i} after {:.1} ms: the operation had failed by itself ({status})",
                    micros as f64 / 1000.0
                ));
                continue;
            }
        }
        if !read.status.success() {
            failures.push(format!(
                "kill {i} after {:.1} ms: the next read failed: {}",
                micros as f64 / 1000.0,
                String::from_utf8_lossy(&read.stderr).trim()
            ));
        } else if state == before {
            as_before += 1;
        } else if state == after {
            as_after += 1;
        } else {
            *kinds
                .entry(format!(
                    "differs from before in [{}], from after in [{}]",
                    differing_paths(&before, &state),
                    differing_paths(&after, &state)
                ))
                .or_default() += 1;
            failures.push(format!(
                "kill {i} after {:.1} ms: neither before nor after\n  against before:\n{}  \
                 against after:\n{}",
                micros as f64 / 1000.0,
                difference(&before, &state),
                difference(&after, &state)
            ));
        }
    }
    eprintln!(
        "{label}: {kills} kills in {:.1} s (seed {seed}; the operation takes {:.0} ms, kills \
         between 1 and {:.0} ms): {as_before} before, {as_after} after ({finished} of these kills \
         came once the process had exited), {} neither",
        started.elapsed().as_secs_f64(),
        duration.as_secs_f64() * 1000.0,
        span.as_secs_f64() * 1000.0,
        failures.len()
    );
    if !failures.is_empty() {
        let mut message = format!(
            "{label}: {} of {kills} kills left the registry neither before nor after the \
             operation (seed {seed}, SVCACCT_CRASH_SEED chooses another)\n",
            failures.len()
        );
        for (kind, n) in &kinds {
            writeln!(message, "{n} × {kind}").unwrap();
        }
        for f in failures.iter().take(3) {
            writeln!(message, "{f}").unwrap();
        }
        panic!("{message}");
    }
    assert!(
        as_after > 0,
        "{label}: no kill came after the operation had finished: the delays are too short to \
         show that a finished change is seen whole"
    );
}

/// The journaled rename: the grants of 150 policies move, the issued tokens go, all or none.
#[test]
fn a_rename_of_an_account_named_by_150_policies_is_all_or_nothing() {
    let (env, scratch) = (Env::new(), scratch());
    let base = rename_store(&env, scratch.path(), false);
    killed_at_random("rename", &env, &base, &["rename", "app", "app2"], KILLS);
}

/// As above, when the revoked tokens were the last ones of a retired issuer key: the key is
/// pruned after the journaled change, not in it.
#[test]
fn a_rename_that_frees_a_retired_issuer_key_is_all_or_nothing() {
    let (env, scratch) = (Env::new(), scratch());
    let base = rename_store(&env, scratch.path(), true);
    killed_at_random(
        "rename freeing a retired key",
        &env,
        &base,
        &["rename", "app", "app2"],
        KILLS,
    );
}

#[test]
fn a_namespace_delete_is_all_or_nothing() {
    let (env, scratch) = (Env::new(), scratch());
    let base = namespace_store(&env, scratch.path());
    killed_at_random(
        "namespace delete",
        &env,
        &base,
        &["namespace", "delete", "eng", "-y"],
        KILLS,
    );
}

#[test]
fn an_account_delete_with_issued_tokens_is_all_or_nothing() {
    let (env, scratch) = (Env::new(), scratch());
    let base = delete_store(&env, scratch.path());
    killed_at_random("account delete", &env, &base, &["delete", "bot"], KILLS);
}

#[test]
fn a_token_regenerate_is_all_or_nothing() {
    let (env, scratch) = (Env::new(), scratch());
    let base = regenerate_store(&env, scratch.path());
    killed_at_random(
        "tokens regenerate",
        &env,
        &base,
        &["tokens", "regenerate", "bot", "t1"],
        2 * KILLS,
    );
}

#[test]
fn a_namespace_create_with_its_defaults_is_all_or_nothing() {
    let (env, scratch) = (Env::new(), scratch());
    let base = namespace_create_store(&env, scratch.path());
    killed_at_random(
        "namespace create",
        &env,
        &base,
        &["namespace", "create", "eng/team"],
        KILLS,
    );
}
