//! The PostgreSQL engine: the registry in one database that any number of `svcacct serve`
//! replicas (and operators' CLIs) share. Schema and transaction design: docs/ARCHITECTURE.md,
//! "The PostgreSQL engine"; the tables: `migrations/postgres/`.
//!
//! The driver is the synchronous `postgres` crate (each connection runs its own small tokio
//! runtime): it is called from the server's blocking pool only (`server/blocking.rs`), never
//! on an async worker thread, where it would panic. `generation` is the one method the server
//! calls from async code, and it reads an atomic, never the database.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use anyhow::Result;
use postgres::error::SqlState;
use r2d2_postgres::PostgresConnectionManager;
use tokio_postgres_rustls::MakeRustlsConnect;
use zeroize::Zeroizing;

pub mod connect;
pub mod kek;
mod tx;

pub use connect::{PgUrl, is_postgres_url};
use kek::Kek;
use tx::{PgTx, Records};

use super::engine::{self, Engine, Found, Page, PolicyKey, Scope, Tx};
use super::errors::StoreError;
use crate::error::UserError;
use crate::identity::{Name, Namespace, Reference};
use crate::issued::{IssuerRecord, TokenFile};
use crate::model::{Account, NamespaceRecord, Policy, PolicyScope};

mod embedded {
    refinery::embed_migrations!("migrations/postgres");
}

/// How many times a transaction that PostgreSQL refused for a conflict with a concurrent one
/// (serialization failure, deadlock) is run again before the caller is told.
const MAX_TRIES: u32 = 10;

/// How long a request waits for a pooled connection (the database being unreachable) before
/// it is told.
const CONNECTION_TIMEOUT: Duration = Duration::from_secs(5);

/// The channel a write's commit notifies, with the new generation as payload.
pub const CHANNEL: &str = "svcacct_generation";

type Pool = r2d2::Pool<Manager>;

/// `r2d2_postgres`'s connection manager, with its errors told whole: the driver's `Display`
/// says only "db error" or "error connecting to server", and the pool keeps only that text.
struct Manager(PostgresConnectionManager<MakeRustlsConnect>);

impl r2d2::ManageConnection for Manager {
    type Connection = postgres::Client;
    type Error = DbFailure;

    fn connect(&self) -> Result<postgres::Client, DbFailure> {
        self.0.connect().map_err(|e| DbFailure {
            message: describe(&e),
            retry: false,
        })
    }

    fn is_valid(&self, conn: &mut postgres::Client) -> Result<(), DbFailure> {
        self.0.is_valid(conn).map_err(|e| DbFailure {
            message: describe(&e),
            retry: false,
        })
    }

    fn has_broken(&self, conn: &mut postgres::Client) -> bool {
        self.0.has_broken(conn)
    }
}

/// What went wrong, whole: the database's own message, else the driver's error and its causes
/// (`error connecting to server: Connection refused (os error 111)`).
fn describe(e: &postgres::Error) -> String {
    if let Some(db) = e.as_db_error() {
        return format!("{}: {}", db.severity(), db.message());
    }
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        text.push_str(&format!(": {s}"));
        source = s.source();
    }
    text
}

/// What the engine's connections and transactions share.
pub(super) struct Shared {
    url: PgUrl,
    kek: Option<Kek>,
    /// Set once the KEK has been found to open the registry's check value.
    kek_checked: OnceLock<()>,
}

/// A registry in a PostgreSQL database.
pub struct PgEngine {
    shared: Arc<Shared>,
    pool: Pool,
    generation: Arc<AtomicU64>,
}

impl std::fmt::Debug for PgEngine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PgEngine({})", self.shared.url)
    }
}

/// A database error, as the engine's callers see it: what the database said, and whether the
/// transaction may simply be run again.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct DbFailure {
    message: String,
    retry: bool,
}

impl DbFailure {
    /// The database could not be reached (rather than refusing a statement): a server answers
    /// 503 for it.
    pub fn is_unavailable(&self) -> bool {
        self.message.starts_with(UNREACHABLE)
    }

    #[cfg(test)]
    pub(crate) fn unreachable_for_tests() -> DbFailure {
        DbFailure {
            message: format!("{UNREACHABLE} postgres://x@db/reg: connection refused"),
            retry: false,
        }
    }
}

/// How every "the database could not be reached" message starts.
const UNREACHABLE: &str = "cannot reach the database at";

/// The one place a database error becomes svcacct's: conflicts with concurrent transactions
/// are marked for a retry; a lost or refused connection says which database; what the
/// database refused says so, without the statement's parameters (they may hold records).
pub(super) fn db_error(url: &PgUrl, e: postgres::Error) -> anyhow::Error {
    if let Some(db) = e.as_db_error() {
        let code = db.code();
        let retry = *code == SqlState::T_R_SERIALIZATION_FAILURE
            || *code == SqlState::T_R_DEADLOCK_DETECTED;
        return DbFailure {
            message: format!(
                "the database at {url} refused a statement: {} ({})",
                db.message(),
                code.code()
            ),
            retry,
        }
        .into();
    }
    DbFailure {
        message: format!("{UNREACHABLE} {url}: {}", describe(&e)),
        retry: false,
    }
    .into()
}

/// An error of this engine as `Engine` and `Tx` return it: the `StoreError` a transaction's
/// work returned, a record that is unreadable, else the store unavailable (a database that
/// refused or could not be reached, with the URL, never its password).
pub(super) fn store_error(e: anyhow::Error) -> StoreError {
    let e = match e.downcast::<StoreError>() {
        Ok(e) => return e,
        Err(e) => e,
    };
    match e.downcast::<UserError>() {
        Ok(UserError::CorruptRecord { location, why }) => StoreError::Corrupt { location, why },
        Ok(UserError::Unavailable(why)) => StoreError::Unavailable { why },
        Ok(UserError::Usage(why)) => StoreError::Misconfigured { why },
        Ok(other) => StoreError::Unusable {
            why: other.to_string(),
        },
        Err(e) => match e.downcast::<DbFailure>() {
            Ok(db) if db.is_unavailable() => StoreError::Unreachable { why: db.message },
            Ok(db) => StoreError::Unavailable { why: db.message },
            Err(e) => StoreError::Unavailable {
                why: format!("{e:#}"),
            },
        },
    }
}

/// Schema versions: what this svcacct knows, and what a database has.
pub fn known_schema() -> u32 {
    embedded::migrations::runner()
        .get_migrations()
        .iter()
        .map(|m| m.version())
        .max()
        .unwrap_or(0)
}

/// The schema version of the database `client` is connected to (0: none).
fn schema_of(client: &mut postgres::Client, url: &PgUrl) -> Result<u32> {
    let row = client
        .query_one(
            "SELECT to_regclass('refinery_schema_history') IS NOT NULL",
            &[],
        )
        .map_err(|e| db_error(url, e))?;
    if !row.get::<_, bool>(0) {
        return Ok(0);
    }
    let row = client
        .query_one(
            "SELECT coalesce(max(version), 0) FROM refinery_schema_history",
            &[],
        )
        .map_err(|e| db_error(url, e))?;
    Ok(row.get::<_, i32>(0).max(0) as u32)
}

fn connection_error(url: &PgUrl, e: impl std::fmt::Display) -> anyhow::Error {
    DbFailure {
        message: format!("{UNREACHABLE} {url}: {e}"),
        retry: false,
    }
    .into()
}

/// Applies the migrations the database lacks, then the Rust steps they leave (`backfill`);
/// returns its schema version before and after, and whether a step left by an earlier,
/// interrupted migration was made. Two replicas migrating at once take turns (an advisory
/// lock).
pub fn migrate(url: &PgUrl) -> Result<(u32, u32, bool)> {
    let (config, tls) = url.connect_config()?;
    let mut client = config
        .connect(tls)
        .map_err(|e| connection_error(url, describe(&e)))?;
    client
        .execute(
            "SELECT pg_advisory_lock(hashtext('svcacct store migrate'))",
            &[],
        )
        .map_err(|e| db_error(url, e))?;
    let before = schema_of(&mut client, url)?;
    if before > known_schema() {
        return Err(newer_schema(url, before).into());
    }
    embedded::migrations::runner()
        .run(&mut client)
        .map_err(|e| anyhow::anyhow!("migrating the database at {url}: {e}"))?;
    let backfilled = backfill(&mut client, url)?;
    let after = schema_of(&mut client, url)?;
    Ok((before, after, backfilled && before == after))
}

/// The step of migration 2 that SQL cannot make: the `account_keys` rows (kid, digest of the
/// modulus: `tx::account_key_rows`) of the accounts stored before it, in one transaction that
/// also deletes the `account_keys_backfill` row the migration left. Nothing to do once that row
/// is gone (or was never there: a database without accounts at migration 2).
fn backfill(client: &mut postgres::Client, url: &PgUrl) -> Result<bool> {
    let mut tx = client.transaction().map_err(|e| db_error(url, e))?;
    let pending = tx
        .query_one(
            "SELECT to_regclass('account_keys_backfill') IS NOT NULL \
             AND EXISTS (SELECT 1 FROM account_keys_backfill)",
            &[],
        )
        .map_err(|e| db_error(url, e))?;
    if !pending.get::<_, bool>(0) {
        return Ok(false);
    }
    tx.execute("DELETE FROM account_keys", &[])
        .map_err(|e| db_error(url, e))?;
    let rows = tx
        .query("SELECT namespace, name, record FROM accounts", &[])
        .map_err(|e| db_error(url, e))?;
    for row in rows {
        let (ns, name): (&str, &str) = (row.get(0), row.get(1));
        // An account record that does not read has no rows: it holds no key the engine can
        // find, as the file engine's scan passes it over too.
        let Ok(account) = serde_json::from_value::<Account>(row.get(2)) else {
            continue;
        };
        let (kids, moduli) = tx::account_key_rows(&account);
        tx.execute(
            "INSERT INTO account_keys (namespace, name, kid, modulus) \
             SELECT $1, $2, kid, modulus FROM unnest($3::text[], $4::bytea[]) AS k(kid, modulus)",
            &[&ns, &name, &kids, &moduli],
        )
        .map_err(|e| db_error(url, e))?;
    }
    tx.execute("DELETE FROM account_keys_backfill", &[])
        .map_err(|e| db_error(url, e))?;
    tx.commit().map_err(|e| db_error(url, e))?;
    Ok(true)
}

fn newer_schema(url: &PgUrl, found: u32) -> UserError {
    UserError::Failure(format!(
        "the database at {url} has schema version {found}, newer than this svcacct knows ({}): \
         upgrade svcacct",
        known_schema()
    ))
}

impl PgEngine {
    /// Connects to the database at `url` (a pool of at most `connections`) and checks its
    /// schema: older than this svcacct's says to run `svcacct store migrate`, newer to
    /// upgrade svcacct. `kek` unlocks issuer keys; without it, everything else works.
    pub fn open(url: &PgUrl, kek: Option<Kek>, connections: u32) -> Result<PgEngine> {
        let (config, tls) = url.connect_config()?;
        // The first connection is made here, not by the pool, which would try again until its
        // timeout: a wrong password or an unreachable host is told at once.
        let mut client = config
            .connect(tls.clone())
            .map_err(|e| connection_error(url, describe(&e)))?;
        let manager = Manager(PostgresConnectionManager::new(config, tls));
        let pool = r2d2::Pool::builder()
            .max_size(connections.max(1))
            .min_idle(Some(0))
            .connection_timeout(CONNECTION_TIMEOUT)
            .error_handler(Box::new(r2d2::NopErrorHandler))
            .build_unchecked(manager);
        let engine = PgEngine {
            shared: Arc::new(Shared {
                url: url.clone(),
                kek,
                kek_checked: OnceLock::new(),
            }),
            pool,
            generation: Arc::new(AtomicU64::new(0)),
        };
        let found = schema_of(&mut client, url)?;
        let known = known_schema();
        if found < known {
            let has = if found == 0 {
                "has no svcacct schema".to_owned()
            } else {
                format!("has schema version {found}")
            };
            return Err(UserError::Failure(format!(
                "the database at {url} {has}; this svcacct needs version {known}: run \
                 `svcacct --store {url} store migrate`"
            ))
            .into());
        }
        if found > known {
            return Err(newer_schema(url, found).into());
        }
        let pending = client
            .query_one("SELECT EXISTS (SELECT 1 FROM account_keys_backfill)", &[])
            .map_err(|e| db_error(url, e))?;
        if pending.get::<_, bool>(0) {
            return Err(UserError::Failure(format!(
                "the database at {url} was left half-way through a migration: run \
                 `svcacct --store {url} store migrate`"
            ))
            .into());
        }
        let value = read_generation(&mut client, url)?;
        engine.generation.store(value, Ordering::Release);
        Ok(engine)
    }

    pub fn url(&self) -> &PgUrl {
        &self.shared.url
    }

    fn client(&self) -> Result<r2d2::PooledConnection<Manager>> {
        self.pool
            .get()
            .map_err(|e| connection_error(&self.shared.url, e))
    }

    /// Runs `read` on a pooled connection, outside any transaction (one statement sees each
    /// record whole).
    fn read<T>(
        &self,
        read: impl FnOnce(&mut Records<'_, postgres::Client>) -> Result<T>,
    ) -> Result<T> {
        let mut client = self.client()?;
        read(&mut Records {
            c: &mut *client,
            shared: &self.shared,
        })
    }

    /// Runs `read` in a read-only transaction: a listing of several pages is one snapshot.
    fn read_snapshot<T>(
        &self,
        read: impl FnOnce(&mut Records<'_, postgres::Transaction<'_>>) -> Result<T>,
    ) -> Result<T> {
        let url = &self.shared.url;
        let mut client = self.client()?;
        let mut t = client
            .build_transaction()
            .isolation_level(postgres::IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()
            .map_err(|e| db_error(url, e))?;
        let out = read(&mut Records {
            c: &mut t,
            shared: &self.shared,
        })?;
        t.commit().map_err(|e| db_error(url, e))?;
        Ok(out)
    }

    /// Keeps the generation up to date with other processes' writes, on a thread of its own:
    /// it listens on [`CHANNEL`] (every commit that writes notifies it) and reads the
    /// generation at least every `poll`, and again after a lost connection. For a server;
    /// a command reads what it needs and exits.
    pub fn watch_generation(&self, poll: Duration) -> Result<()> {
        let (config, tls) = self.shared.url.connect_config()?;
        let generation = self.generation.clone();
        let url = self.shared.url.clone();
        std::thread::Builder::new()
            .name("svcacct-generation".into())
            .spawn(move || {
                loop {
                    if let Ok(mut client) = config.connect(tls.clone()) {
                        let _ = follow(&mut client, &url, &generation, poll);
                    }
                    std::thread::sleep(poll);
                }
            })?;
        Ok(())
    }
}

fn read_generation(client: &mut impl postgres::GenericClient, url: &PgUrl) -> Result<u64> {
    let row = client
        .query_one("SELECT value FROM generation", &[])
        .map_err(|e| db_error(url, e))?;
    Ok(row.get::<_, i64>(0) as u64)
}

/// Follows the generation on `client` until the connection fails.
fn follow(
    client: &mut postgres::Client,
    url: &PgUrl,
    generation: &AtomicU64,
    poll: Duration,
) -> Result<()> {
    client
        .batch_execute(&format!("LISTEN {CHANNEL}"))
        .map_err(|e| db_error(url, e))?;
    use postgres::fallible_iterator::FallibleIterator;
    loop {
        // Read after LISTEN: a commit before it is in this value, one after it notifies.
        let value = read_generation(client, url)?;
        generation.store(value, Ordering::Release);
        // Each notification carries the generation its commit made: taken as it comes, with
        // no query in between, so that a replica sees another's write about as soon as the
        // writer's own commit returns. Without one for `poll`, the loop reads it again.
        let mut notifications = client.notifications();
        let mut waiting = notifications.timeout_iter(poll);
        while let Some(n) = waiting.next().map_err(|e| db_error(url, e))? {
            if let Ok(value) = n.payload().parse::<u64>() {
                generation.store(value, Ordering::Release);
            }
        }
    }
}

impl Engine for PgEngine {
    /// One database transaction. Every transaction first locks the generation's row, so the
    /// transactions of a registry run one after another, as in the other engines, and READ
    /// COMMITTED is then as safe as SERIALIZABLE without its retries: each statement sees
    /// every commit made before the lock was granted, and no other transaction commits a
    /// write until this one ends. A write bumps the generation and notifies [`CHANNEL`] in the
    /// transaction. A deadlock or serialization failure (a write made by other means than
    /// svcacct) runs `work` again, at most [`MAX_TRIES`] times; any other failure rolls
    /// everything back.
    fn atomically(
        &self,
        work: &mut dyn FnMut(&mut dyn Tx) -> engine::Result<()>,
    ) -> engine::Result<()> {
        self.run(work, Access::Write)
    }

    /// A REPEATABLE READ, READ ONLY transaction whose first statement reads the generation
    /// without locking its row: the generation and every record it reads are of the snapshot
    /// that statement took (a commit's bump is in the commit), and it neither waits for writers
    /// nor makes them wait.
    fn read_atomically(
        &self,
        work: &mut dyn FnMut(&mut dyn Tx) -> engine::Result<()>,
    ) -> engine::Result<()> {
        self.run(&mut |tx| work(&mut engine::ReadOnly(tx)), Access::Read)
    }

    fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    /// A round trip to the database on a pooled connection.
    fn check(&self) -> engine::Result<()> {
        let url = &self.shared.url;
        let mut client = self.client().map_err(store_error)?;
        client
            .simple_query("SELECT 1")
            .map_err(|e| store_error(db_error(url, e)))?;
        Ok(())
    }

    fn pool(&self) -> Option<engine::PoolUsage> {
        let state = self.pool.state();
        Some(engine::PoolUsage {
            open: state.connections as usize,
            idle: state.idle_connections as usize,
            max: self.pool.max_size() as usize,
        })
    }

    fn read_account(&self, r: &Reference) -> engine::Result<Option<Account>> {
        self.read(|q| q.account(r)).map_err(store_error)
    }
    fn read_accounts(&self, scope: &Scope, page: &Page<Reference>) -> Found<Account> {
        self.read_snapshot(|q| q.accounts(scope, page))
            .map_err(store_error)
    }
    fn read_policy(&self, scope: &PolicyScope, name: &Name) -> engine::Result<Option<Policy>> {
        self.read(|q| q.policy(scope, name)).map_err(store_error)
    }
    fn read_policies(&self, scope: &Scope, page: &Page<PolicyKey>) -> Found<Policy> {
        self.read_snapshot(|q| q.policies(scope, page))
            .map_err(store_error)
    }
    fn read_namespace(&self, ns: &Namespace) -> engine::Result<Option<NamespaceRecord>> {
        self.read(|q| q.namespace(ns)).map_err(store_error)
    }
    fn read_namespaces(&self, scope: &Scope, page: &Page<Namespace>) -> Found<NamespaceRecord> {
        self.read_snapshot(|q| q.namespaces(scope, page))
            .map_err(store_error)
    }
    fn read_issuer(&self) -> engine::Result<Option<IssuerRecord>> {
        self.read(|q| q.issuer()).map_err(store_error)
    }
    fn read_issuer_key(&self, kid: &str) -> engine::Result<Zeroizing<Vec<u8>>> {
        self.read(|q| q.issuer_key(kid)).map_err(store_error)
    }
    fn read_tokens(&self, r: &Reference) -> engine::Result<Option<TokenFile>> {
        self.read(|q| q.tokens(r)).map_err(store_error)
    }
    fn read_all_tokens(&self) -> engine::Result<Vec<TokenFile>> {
        self.read_snapshot(|q| q.all_tokens()).map_err(store_error)
    }
}

/// Whether a transaction writes (and so locks the generation's row first) or only reads.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Access {
    Write,
    Read,
}

impl PgEngine {
    /// Runs `work` in one transaction (`try_once`), again after a deadlock or serialization
    /// failure, at most [`MAX_TRIES`] times.
    fn run(
        &self,
        work: &mut dyn FnMut(&mut dyn Tx) -> engine::Result<()>,
        access: Access,
    ) -> engine::Result<()> {
        let url = &self.shared.url;
        let mut tries = 0;
        loop {
            tries += 1;
            match self.try_once(work, access) {
                Err(e)
                    if tries < MAX_TRIES
                        && e.downcast_ref::<DbFailure>().is_some_and(|d| d.retry) =>
                {
                    std::thread::sleep(Duration::from_millis(u64::from(tries) * 5));
                }
                Err(e) if e.downcast_ref::<DbFailure>().is_some_and(|d| d.retry) => {
                    return Err(StoreError::Unavailable {
                        why: format!(
                            "the database at {url} refused the change {tries} times for \
                             conflicts with concurrent ones; nothing was written, run the \
                             command again"
                        ),
                    });
                }
                other => return other.map_err(store_error),
            }
        }
    }

    fn try_once(
        &self,
        work: &mut dyn FnMut(&mut dyn Tx) -> engine::Result<()>,
        access: Access,
    ) -> Result<()> {
        let url = &self.shared.url;
        let mut client = self.client()?;
        let (isolation, first) = match access {
            Access::Write => (
                postgres::IsolationLevel::ReadCommitted,
                "SELECT value FROM generation FOR UPDATE",
            ),
            Access::Read => (
                postgres::IsolationLevel::RepeatableRead,
                "SELECT value FROM generation",
            ),
        };
        let mut t = client
            .build_transaction()
            .isolation_level(isolation)
            .read_only(access == Access::Read)
            .start()
            .map_err(|e| db_error(url, e))?;
        let generation = t
            .query_one(first, &[])
            .map_err(|e| db_error(url, e))?
            .get::<_, i64>(0) as u64;
        // Other replicas' commits reach this process by notification, a little later: a
        // transaction that finds a newer generation brings this process's forward, so that
        // what it reads next (and the read cache) is not older than what the transaction saw.
        self.generation.fetch_max(generation, Ordering::AcqRel);
        let mut tx = PgTx {
            records: Records {
                c: &mut t,
                shared: &self.shared,
            },
            wrote: false,
            unversioned: false,
            generation,
            failed: None,
        };
        let done = work(&mut tx);
        let (bump, failed) = (tx.wrote && !tx.unversioned, tx.failed.take());
        drop(tx);
        if let Some((message, retry)) = failed {
            // The database aborted the transaction at its first failed statement: whatever
            // `work` made of that error, nothing can be committed, and the later statements'
            // "transaction is aborted" says less than the first. A conflict is retried.
            t.rollback().ok();
            drop(done);
            return Err(DbFailure { message, retry }.into());
        }
        done?;
        if !bump {
            t.commit().map_err(|e| db_error(url, e))?;
            return Ok(());
        }
        let row = t
            .query_one(
                "UPDATE generation SET value = value + 1 RETURNING value",
                &[],
            )
            .map_err(|e| db_error(url, e))?;
        let value = row.get::<_, i64>(0);
        t.execute("SELECT pg_notify($1, $2)", &[&CHANNEL, &value.to_string()])
            .map_err(|e| db_error(url, e))?;
        t.commit().map_err(|e| db_error(url, e))?;
        self.generation.fetch_max(value as u64, Ordering::AcqRel);
        Ok(())
    }
}

#[cfg(test)]
pub(crate) mod tests;
