//! The records of the PostgreSQL engine: the queries behind `Tx` (in a transaction) and the
//! engine's reads (on a pooled connection), written once over `postgres::GenericClient`.
//!
//! Listings are keyset-paginated in SQL (`WHERE key > $after ORDER BY key LIMIT $n`, an
//! index scan of the table's primary key): a `Page` of the engine's caller starts at its
//! `after` and reads no further than its `limit`, and a whole listing is read in chunks of
//! [`PAGE`] rows, so that no query holds a whole table in memory at once.

use anyhow::Result;
use postgres::GenericClient;
use postgres::types::Json;
use postgres::types::ToSql;
use serde::de::DeserializeOwned;
use zeroize::Zeroizing;

use super::Shared;
use super::kek::{CHECK_AAD, CHECK_PLAIN, KEK_ADVICE, Kek};
use crate::error::{RecordLocation, UserError};
use crate::identity::{Name, Namespace, Reference};
use crate::issued::{IssuerRecord, TokenFile, TokenRecord};
use crate::keys::ModulusDigest;
use crate::model::{Account, NamespaceRecord, Policy, PolicyScope};
use crate::store::engine::{self, Found, Listing, Page, PolicyKey, Scope, Tx};
use crate::store::errors::StoreError;

/// Rows per query of a listing.
const PAGE: i64 = 500;

/// The `scope` column of a policy: `''` for the global scope.
fn scope_key(scope: &PolicyScope) -> &str {
    match scope {
        PolicyScope::Global => "",
        PolicyScope::Namespace(ns) => ns.as_str(),
    }
}

/// The `account_keys` rows of `a`: each key's kid and the digest of its modulus (NULL for a
/// key that is not an RSA SPKI PEM: only its kid is found then).
pub(super) fn account_key_rows(a: &Account) -> (Vec<&str>, Vec<Option<Vec<u8>>>) {
    a.keys
        .iter()
        .map(|k| (k.kid.as_str(), k.modulus_digest().map(|d| d.to_vec())))
        .unzip()
}

/// A record read back from its JSON, or the refusal that names it.
fn record<T: DeserializeOwned>(
    value: serde_json::Value,
    location: String,
) -> Result<T, StoreError> {
    serde_json::from_value(value).map_err(|e| StoreError::Corrupt {
        location: RecordLocation::Row(location),
        why: e.to_string(),
    })
}

/// A listing's table: its name and key columns (the first being the namespace, or the policy
/// scope, that a `Scope` selects on), in the listing's order.
struct Table {
    name: &'static str,
    keys: &'static [&'static str],
}

const ACCOUNTS: Table = Table {
    name: "accounts",
    keys: &["namespace", "name"],
};
const POLICIES: Table = Table {
    name: "policies",
    keys: &["scope", "name"],
};
const NAMESPACES: Table = Table {
    name: "namespaces",
    keys: &["name"],
};

/// The rows of `scope` after a key (`>`, or `>=` when `inclusive`), at most `LIMIT` of them,
/// in key order: the key's columns are parameters `$1`…`$k`, then the scope's namespace,
/// then the limit. The caller starts the key at the scope, and the first key column is
/// bounded above, so that the primary key's index scan starts at the scope and stops after
/// it (the subtree of `eng` is `eng` and `eng/…`, all below `eng0`: `/` is the byte before
/// `0`).
fn listing_sql(table: &Table, scope: &Scope, inclusive: bool) -> String {
    let keys = table.keys.join(", ");
    let k = table.keys.len();
    let after: Vec<String> = (1..=k).map(|i| format!("${i}")).collect();
    let (col, ns) = (table.keys[0], k + 1);
    let filter = match scope {
        // `$ns` is '' then: always true, and the parameter has a type.
        Scope::All => format!("{col} >= ${ns}"),
        Scope::Namespace(_) => format!("{col} = ${ns}"),
        Scope::Subtree(_) => format!(
            "{col} < (${ns} || '0') AND ({col} = ${ns} OR starts_with({col}, ${ns} || '/'))"
        ),
    };
    format!(
        "SELECT {keys}, record FROM {} WHERE {filter} AND ({keys}) {} ({}) \
         ORDER BY {keys} LIMIT ${}",
        table.name,
        if inclusive { ">=" } else { ">" },
        after.join(", "),
        k + 2
    )
}

/// The queries, on a connection or in a transaction.
pub(super) struct Records<'a, C: GenericClient> {
    pub c: &'a mut C,
    pub shared: &'a Shared,
}

impl<C: GenericClient> Records<'_, C> {
    fn db(&self, e: postgres::Error) -> anyhow::Error {
        super::db_error(&self.shared.url, e)
    }

    pub fn account(&mut self, r: &Reference) -> Result<Option<Account>> {
        let row = self
            .c
            .query_opt(
                "SELECT record FROM accounts WHERE namespace = $1 AND name = $2",
                &[&r.namespace.as_str(), &r.name.as_str()],
            )
            .map_err(|e| self.db(e))?;
        match row {
            None => Ok(None),
            Some(row) => Ok(Some(record(row.get(0), format!("accounts/{r}"))?)),
        }
    }

    pub fn accounts(
        &mut self,
        scope: &Scope,
        page: &Page<Reference>,
    ) -> Result<Listing<Account, StoreError>> {
        let after = page
            .after
            .as_ref()
            .map(|r| vec![r.namespace.as_str().to_owned(), r.name.as_str().to_owned()]);
        self.list(&ACCOUNTS, scope, after, page.limit, |key, value| {
            record(value, format!("accounts/{}/{}", key[0], key[1]))
        })
    }

    pub fn put_account(&mut self, a: &Account) -> Result<()> {
        let (ns, name) = (a.namespace.as_str(), a.name.as_str());
        // Another account of this name (another uid) goes first, with its issued tokens.
        self.c
            .execute(
                "DELETE FROM accounts WHERE namespace = $1 AND name = $2 AND uid <> $3",
                &[&ns, &name, &a.uid],
            )
            .map_err(|e| self.db(e))?;
        self.c
            .execute(
                "INSERT INTO accounts (namespace, name, uid, revision, record) \
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT (namespace, name) DO UPDATE \
                 SET revision = EXCLUDED.revision, record = EXCLUDED.record",
                &[&ns, &name, &a.uid, &(a.revision as i64), &Json(a)],
            )
            .map_err(|e| self.db(e))?;
        self.put_account_keys(a)
    }

    /// The rows of `account_keys` for `a`'s keys, in place of those its reference had: what
    /// `key_holders` finds (a delete of the account removes them with it).
    fn put_account_keys(&mut self, a: &Account) -> Result<()> {
        let (kids, moduli) = account_key_rows(a);
        self.c
            .execute(
                "WITH gone AS (DELETE FROM account_keys WHERE namespace = $1 AND name = $2) \
                 INSERT INTO account_keys (namespace, name, kid, modulus) \
                 SELECT $1, $2, kid, modulus FROM unnest($3::text[], $4::bytea[]) AS k(kid, modulus)",
                &[&a.namespace.as_str(), &a.name.as_str(), &kids, &moduli],
            )
            .map_err(|e| self.db(e))?;
        Ok(())
    }

    pub fn key_holders(
        &mut self,
        kid: &str,
        modulus: Option<&ModulusDigest>,
    ) -> Result<Vec<Reference>> {
        let modulus = modulus.map(|m| m.as_slice());
        let rows = self
            .c
            .query(
                "SELECT DISTINCT namespace, name FROM account_keys \
                 WHERE kid = $1 OR modulus = $2 ORDER BY namespace, name",
                &[&kid, &modulus],
            )
            .map_err(|e| self.db(e))?;
        rows.iter()
            .map(|row| {
                let (ns, name): (&str, &str) = (row.get(0), row.get(1));
                Ok(Reference::new(Namespace::parse(ns)?, Name::parse(name)?))
            })
            .collect()
    }

    pub fn delete_account(&mut self, r: &Reference) -> Result<bool> {
        let n = self
            .c
            .execute(
                "DELETE FROM accounts WHERE namespace = $1 AND name = $2",
                &[&r.namespace.as_str(), &r.name.as_str()],
            )
            .map_err(|e| self.db(e))?;
        Ok(n > 0)
    }

    pub fn policy(&mut self, scope: &PolicyScope, name: &Name) -> Result<Option<Policy>> {
        let row = self
            .c
            .query_opt(
                "SELECT record FROM policies WHERE scope = $1 AND name = $2",
                &[&scope_key(scope), &name.as_str()],
            )
            .map_err(|e| self.db(e))?;
        match row {
            None => Ok(None),
            Some(row) => Ok(Some(record(
                row.get(0),
                format!("policies/{}/{name}", scope_dir(scope)),
            )?)),
        }
    }

    pub fn policies(
        &mut self,
        scope: &Scope,
        page: &Page<PolicyKey>,
    ) -> Result<Listing<Policy, StoreError>> {
        // The global scope is `''`: listed first, in `Scope::All` only.
        let after = page
            .after
            .as_ref()
            .map(|(sc, name)| vec![scope_key(sc).to_owned(), name.as_str().to_owned()]);
        self.list(&POLICIES, scope, after, page.limit, |key, value| {
            let dir = if key[0].is_empty() {
                "_global"
            } else {
                &key[0]
            };
            record(value, format!("policies/{dir}/{}", key[1]))
        })
    }

    pub fn put_policy(&mut self, p: &Policy) -> Result<()> {
        self.c
            .execute(
                "INSERT INTO policies (scope, name, uid, revision, record) \
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT (scope, name) DO UPDATE \
                 SET uid = EXCLUDED.uid, revision = EXCLUDED.revision, record = EXCLUDED.record",
                &[
                    &scope_key(&p.scope()),
                    &p.name.as_str(),
                    &p.uid,
                    &(p.revision as i64),
                    &Json(p),
                ],
            )
            .map_err(|e| self.db(e))?;
        Ok(())
    }

    pub fn delete_policy(&mut self, scope: &PolicyScope, name: &Name) -> Result<bool> {
        let n = self
            .c
            .execute(
                "DELETE FROM policies WHERE scope = $1 AND name = $2",
                &[&scope_key(scope), &name.as_str()],
            )
            .map_err(|e| self.db(e))?;
        Ok(n > 0)
    }

    pub fn namespace(&mut self, ns: &Namespace) -> Result<Option<NamespaceRecord>> {
        let row = self
            .c
            .query_opt(
                "SELECT record FROM namespaces WHERE name = $1",
                &[&ns.as_str()],
            )
            .map_err(|e| self.db(e))?;
        match row {
            None => Ok(None),
            Some(row) => Ok(Some(record(row.get(0), format!("namespaces/{ns}"))?)),
        }
    }

    pub fn namespaces(
        &mut self,
        scope: &Scope,
        page: &Page<Namespace>,
    ) -> Result<Listing<NamespaceRecord, StoreError>> {
        let after = page.after.as_ref().map(|n| vec![n.as_str().to_owned()]);
        self.list(&NAMESPACES, scope, after, page.limit, |key, value| {
            record(value, format!("namespaces/{}", key[0]))
        })
    }

    /// The records of `table` in `scope`, from just after the key `after` (its columns'
    /// values), until `limit` records were read or the rows end, [`PAGE`] rows per query. An
    /// unreadable row goes to the errors and does not count, so that a page shorter than
    /// `limit` is the last one.
    fn list<T>(
        &mut self,
        table: &Table,
        scope: &Scope,
        after: Option<Vec<String>>,
        limit: Option<usize>,
        decode: impl Fn(&[String], serde_json::Value) -> Result<T, StoreError>,
    ) -> Result<Listing<T, StoreError>> {
        let mut listing = Listing {
            items: vec![],
            errors: vec![],
        };
        let ns = match scope {
            Scope::All => String::new(),
            Scope::Namespace(n) | Scope::Subtree(n) => n.as_str().to_owned(),
        };
        // The first query starts at the scope's first possible key (inclusive), or after
        // `after` when that comes later; the next ones after the last row read.
        let (mut key, mut inclusive) = match after {
            Some(key) if key[0] >= ns => (key, false),
            _ => {
                let mut key = vec![String::new(); table.keys.len()];
                key[0].clone_from(&ns);
                (key, true)
            }
        };
        let mut left = limit.map_or(i64::MAX, |l| i64::try_from(l).unwrap_or(i64::MAX));
        while left > 0 {
            let n = left.min(PAGE);
            let sql = listing_sql(table, scope, inclusive);
            let mut params: Vec<&(dyn ToSql + Sync)> = vec![];
            params.extend(key.iter().map(|k| k as &(dyn ToSql + Sync)));
            params.extend([&ns as &(dyn ToSql + Sync), &n]);
            let rows = self.c.query(&sql, &params).map_err(|e| self.db(e))?;
            let full = rows.len() as i64 == n;
            for row in rows {
                for (i, k) in key.iter_mut().enumerate() {
                    *k = row.get(i);
                }
                inclusive = false;
                match decode(&key, row.get(table.keys.len())) {
                    Ok(t) => {
                        listing.items.push(t);
                        left -= 1;
                    }
                    Err(e) => listing.errors.push(e),
                }
            }
            if !full {
                break;
            }
        }
        Ok(listing)
    }

    pub fn put_namespace(&mut self, n: &NamespaceRecord) -> Result<()> {
        self.c
            .execute(
                "INSERT INTO namespaces (name, uid, revision, record) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (name) DO UPDATE \
                 SET uid = EXCLUDED.uid, revision = EXCLUDED.revision, record = EXCLUDED.record",
                &[&n.name.as_str(), &n.uid, &(n.revision as i64), &Json(n)],
            )
            .map_err(|e| self.db(e))?;
        Ok(())
    }

    pub fn delete_namespace(&mut self, ns: &Namespace) -> Result<bool> {
        let n = self
            .c
            .execute("DELETE FROM namespaces WHERE name = $1", &[&ns.as_str()])
            .map_err(|e| self.db(e))?;
        Ok(n > 0)
    }

    pub fn tokens(&mut self, r: &Reference) -> Result<Option<TokenFile>> {
        let rows = self
            .c
            .query(
                "SELECT account_uid, record FROM issued_tokens \
                 WHERE namespace = $1 AND account = $2 ORDER BY position",
                &[&r.namespace.as_str(), &r.name.as_str()],
            )
            .map_err(|e| self.db(e))?;
        let Some(first) = rows.first() else {
            return Ok(None);
        };
        let mut file = TokenFile {
            account_uid: first.get(0),
            tokens: vec![],
        };
        for row in rows {
            file.tokens.push(record(row.get(1), format!("tokens/{r}"))?);
        }
        Ok(Some(file))
    }

    pub fn all_tokens(&mut self) -> Result<Vec<TokenFile>> {
        let mut files: Vec<(String, String, TokenFile)> = vec![];
        let (mut ns, mut account, mut position) = (String::new(), String::new(), -1i32);
        loop {
            let rows = self
                .c
                .query(
                    "SELECT namespace, account, position, account_uid, record FROM issued_tokens \
                     WHERE (namespace, account, position) > ($1, $2, $3) \
                     ORDER BY namespace, account, position LIMIT $4",
                    &[&ns, &account, &position, &PAGE],
                )
                .map_err(|e| self.db(e))?;
            let full = rows.len() as i64 == PAGE;
            for row in rows {
                (ns, account, position) = (row.get(0), row.get(1), row.get(2));
                let token: TokenRecord = record(row.get(4), format!("tokens/{ns}/{account}"))?;
                match files.last_mut() {
                    Some((n, a, f)) if *n == ns && *a == account => f.tokens.push(token),
                    _ => files.push((
                        ns.clone(),
                        account.clone(),
                        TokenFile {
                            account_uid: row.get(3),
                            tokens: vec![token],
                        },
                    )),
                }
            }
            if !full {
                return Ok(files.into_iter().map(|(_, _, f)| f).collect());
            }
        }
    }

    pub fn put_tokens(&mut self, r: &Reference, file: &TokenFile) -> Result<()> {
        self.delete_tokens(r)?;
        for (position, t) in file.tokens.iter().enumerate() {
            self.c
                .execute(
                    "INSERT INTO issued_tokens \
                     (namespace, account, account_uid, position, name, id, kid, record) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                    &[
                        &r.namespace.as_str(),
                        &r.name.as_str(),
                        &file.account_uid,
                        &(position as i32),
                        &t.name.as_str(),
                        &t.id,
                        &t.kid,
                        &Json(t),
                    ],
                )
                .map_err(|e| self.db(e))?;
        }
        Ok(())
    }

    pub fn delete_tokens(&mut self, r: &Reference) -> Result<bool> {
        let n = self
            .c
            .execute(
                "DELETE FROM issued_tokens WHERE namespace = $1 AND account = $2",
                &[&r.namespace.as_str(), &r.name.as_str()],
            )
            .map_err(|e| self.db(e))?;
        Ok(n > 0)
    }

    pub fn issuer(&mut self) -> Result<Option<IssuerRecord>> {
        let row = self
            .c
            .query_opt("SELECT record FROM issuer", &[])
            .map_err(|e| self.db(e))?;
        match row {
            None => Ok(None),
            Some(row) => Ok(Some(record(row.get(0), "issuer".into())?)),
        }
    }

    pub fn put_issuer(&mut self, i: &IssuerRecord) -> Result<()> {
        self.c
            .execute(
                "INSERT INTO issuer (one, record) VALUES (true, $1) \
                 ON CONFLICT (one) DO UPDATE SET record = EXCLUDED.record",
                &[&Json(i)],
            )
            .map_err(|e| self.db(e))?;
        Ok(())
    }

    /// The KEK, once checked against the registry's (`issuer_kek_check`; stored by the first
    /// write of an issuer key when `store` is set).
    fn kek(&mut self, store: bool) -> Result<&'_ Kek> {
        let shared = self.shared;
        let kek = shared
            .kek
            .as_ref()
            .ok_or_else(|| UserError::Usage(KEK_ADVICE.to_owned()))?;
        if shared.kek_checked.get().is_some() {
            return Ok(kek);
        }
        let row = self
            .c
            .query_opt("SELECT sealed FROM issuer_kek_check", &[])
            .map_err(|e| self.db(e))?;
        match row {
            Some(row) => {
                let sealed: Vec<u8> = row.get(0);
                if kek.open(CHECK_AAD, &sealed).as_deref().map(Vec::as_slice) != Some(CHECK_PLAIN) {
                    return Err(UserError::Usage(format!(
                        "the issuer key-encryption key from {} is not the one this registry's \
                         issuer keys are encrypted with: give every replica the same key",
                        kek.source()
                    ))
                    .into());
                }
                let _ = shared.kek_checked.set(());
            }
            None if store => {
                self.c
                    .execute(
                        "INSERT INTO issuer_kek_check (one, sealed) VALUES (true, $1)",
                        &[&kek.seal(CHECK_AAD, CHECK_PLAIN)],
                    )
                    .map_err(|e| self.db(e))?;
            }
            None => {}
        }
        Ok(kek)
    }

    pub fn issuer_key(&mut self, kid: &str) -> Result<Zeroizing<Vec<u8>>> {
        let row = self
            .c
            .query_opt("SELECT sealed FROM issuer_keys WHERE kid = $1", &[&kid])
            .map_err(|e| self.db(e))?;
        let Some(row) = row else {
            anyhow::bail!("no issuer key `{}`", crate::output::sanitize(kid));
        };
        let sealed: Vec<u8> = row.get(0);
        let kek = self.kek(false)?;
        kek.open(kid, &sealed).ok_or_else(|| {
            UserError::Failure(format!(
                "issuer key `{}` in the database does not decrypt with the key-encryption key \
                 from {}: the row was changed or damaged (rotate the issuer: `svcacct issuer \
                 rotate --revoke-previous`)",
                crate::output::sanitize(kid),
                kek.source()
            ))
            .into()
        })
    }

    pub fn put_issuer_key(&mut self, kid: &str, private: &[u8]) -> Result<()> {
        let sealed = self.kek(true)?.seal(kid, private);
        self.c
            .execute(
                "INSERT INTO issuer_keys (kid, sealed) VALUES ($1, $2) \
                 ON CONFLICT (kid) DO UPDATE SET sealed = EXCLUDED.sealed",
                &[&kid, &sealed],
            )
            .map_err(|e| self.db(e))?;
        Ok(())
    }

    pub fn delete_issuer_key(&mut self, kid: &str) -> Result<bool> {
        let n = self
            .c
            .execute("DELETE FROM issuer_keys WHERE kid = $1", &[&kid])
            .map_err(|e| self.db(e))?;
        Ok(n > 0)
    }
}

fn scope_dir(scope: &PolicyScope) -> &str {
    match scope {
        PolicyScope::Global => "_global",
        PolicyScope::Namespace(ns) => ns.as_str(),
    }
}

/// A transaction of the PostgreSQL engine.
pub(super) struct PgTx<'a, 't> {
    pub records: Records<'a, postgres::Transaction<'t>>,
    /// A `put_*` or `delete_*` was called: the generation is bumped at commit.
    pub wrote: bool,
    /// ... unless what was written is nothing a reader decides on (`Tx::unversioned`).
    pub unversioned: bool,
    /// The generation's value, read with its row's lock at the start (`Tx::generation`).
    pub generation: u64,
    /// A statement failed: PostgreSQL has aborted the transaction, so it must not be
    /// committed even if `work` went on (it would silently roll back).
    pub failed: Option<(String, bool)>,
}

impl PgTx<'_, '_> {
    /// `r` as `Tx` returns it; a failed statement is remembered (see `failed`).
    fn note<T>(&mut self, r: Result<T>) -> engine::Result<T> {
        if let Err(e) = &r
            && let Some(db) = e.downcast_ref::<super::DbFailure>()
        {
            self.failed
                .get_or_insert_with(|| (db.message.clone(), db.retry));
        }
        r.map_err(super::store_error)
    }

    fn write<T>(&mut self, r: Result<T>) -> engine::Result<T> {
        self.wrote = true;
        self.note(r)
    }
}

impl Tx for PgTx<'_, '_> {
    fn generation(&mut self) -> engine::Result<u64> {
        Ok(self.generation)
    }
    /// Committed without the bump and without `NOTIFY`.
    fn unversioned(&mut self) {
        self.unversioned = true;
    }
    fn account(&mut self, r: &Reference) -> engine::Result<Option<Account>> {
        let res = self.records.account(r);
        self.note(res)
    }
    fn accounts(&mut self, scope: &Scope, page: &Page<Reference>) -> Found<Account> {
        let res = self.records.accounts(scope, page);
        self.note(res)
    }
    fn put_account(&mut self, account: &Account) -> engine::Result<()> {
        let res = self.records.put_account(account);
        self.write(res)
    }
    fn delete_account(&mut self, r: &Reference) -> engine::Result<bool> {
        let res = self.records.delete_account(r);
        self.write(res)
    }
    fn key_holders(
        &mut self,
        kid: &str,
        modulus: Option<&ModulusDigest>,
    ) -> engine::Result<Vec<Reference>> {
        let res = self.records.key_holders(kid, modulus);
        self.note(res)
    }
    fn policy(&mut self, scope: &PolicyScope, name: &Name) -> engine::Result<Option<Policy>> {
        let res = self.records.policy(scope, name);
        self.note(res)
    }
    fn policies(&mut self, scope: &Scope, page: &Page<PolicyKey>) -> Found<Policy> {
        let res = self.records.policies(scope, page);
        self.note(res)
    }
    fn put_policy(&mut self, policy: &Policy) -> engine::Result<()> {
        let res = self.records.put_policy(policy);
        self.write(res)
    }
    fn delete_policy(&mut self, scope: &PolicyScope, name: &Name) -> engine::Result<bool> {
        let res = self.records.delete_policy(scope, name);
        self.write(res)
    }
    fn namespace(&mut self, ns: &Namespace) -> engine::Result<Option<NamespaceRecord>> {
        let res = self.records.namespace(ns);
        self.note(res)
    }
    fn namespaces(&mut self, scope: &Scope, page: &Page<Namespace>) -> Found<NamespaceRecord> {
        let res = self.records.namespaces(scope, page);
        self.note(res)
    }
    fn put_namespace(&mut self, record: &NamespaceRecord) -> engine::Result<()> {
        let res = self.records.put_namespace(record);
        self.write(res)
    }
    fn delete_namespace(&mut self, ns: &Namespace) -> engine::Result<bool> {
        let res = self.records.delete_namespace(ns);
        self.write(res)
    }
    fn tokens(&mut self, r: &Reference) -> engine::Result<Option<TokenFile>> {
        let res = self.records.tokens(r);
        self.note(res)
    }
    fn all_tokens(&mut self) -> engine::Result<Vec<TokenFile>> {
        let res = self.records.all_tokens();
        self.note(res)
    }
    fn put_tokens(&mut self, r: &Reference, file: &TokenFile) -> engine::Result<()> {
        let res = self.records.put_tokens(r, file);
        self.write(res)
    }
    fn delete_tokens(&mut self, r: &Reference) -> engine::Result<bool> {
        let res = self.records.delete_tokens(r);
        self.write(res)
    }
    fn issuer(&mut self) -> engine::Result<Option<IssuerRecord>> {
        let res = self.records.issuer();
        self.note(res)
    }
    fn put_issuer(&mut self, record: &IssuerRecord) -> engine::Result<()> {
        let res = self.records.put_issuer(record);
        self.write(res)
    }
    fn issuer_key(&mut self, kid: &str) -> engine::Result<Zeroizing<Vec<u8>>> {
        let res = self.records.issuer_key(kid);
        self.note(res)
    }
    fn put_issuer_key(&mut self, kid: &str, private: &[u8]) -> engine::Result<()> {
        let res = self.records.put_issuer_key(kid, private);
        self.write(res)
    }
    fn delete_issuer_key(&mut self, kid: &str) -> engine::Result<bool> {
        let res = self.records.delete_issuer_key(kid);
        self.write(res)
    }
}
