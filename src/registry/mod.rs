//! The registry's workflows, written once over any storage engine (`crate::store::engine`):
//! each change of several records is one transaction, so that it is made entirely or not at
//! all, also when the process is killed half-way. Every engine is a `Store` through them (the
//! `impl` below); the remote store is the other kind of `Store`. See docs/ARCHITECTURE.md.

use crate::labels::{Labels, Selector};
use anyhow::Result;

use crate::api::{AccountAnswer, NamespaceCreated, NamespaceDeleted, Renamed, Shown, TokenAnswer};
use crate::error::UserError;
use crate::identity::{Name, Namespace, Reference};
use crate::issued::{
    DEFAULT_MAX_REQUESTED, IssueRequest, IssuedToken, IssuerAlgorithm, IssuerView, MIN_REQUESTED,
    RequestedToken, RotateRequest, Secret, TokenRecord, TokenRequest, UrlChange,
};
use crate::model::{Account, KeyRecord, NamespaceRecord, Policy, PolicyScope};
use crate::store::{Engine, Listing, Page, Scope, Store, unknown_namespace, unknown_policy};

pub mod accounts;
pub mod decided;
pub mod issuer;
pub mod namespaces;
pub mod policies;
pub mod requested;
pub mod tokens;

impl<E: Engine> Store for E {
    fn engine(&self) -> Option<&dyn Engine> {
        Some(self)
    }

    fn get_account(&self, r: &Reference) -> Result<Account> {
        accounts::get(self, r)
    }
    fn list_accounts(&self, scope: &Scope) -> Result<Listing<Account>> {
        Ok(self
            .read_accounts(scope, &Page::ALL)
            .map_err(UserError::from)?
            .into())
    }
    /// Filtered after reading: a label is inside the record (a `jsonb` document in
    /// PostgreSQL), and the registries svcacct is for are small.
    fn select_accounts(&self, scope: &Scope, selector: &Selector) -> Result<Listing<Account>> {
        let mut listing = self.list_accounts(scope)?;
        listing.items.retain(|a| selector.matches(&a.labels));
        Ok(listing)
    }
    fn create_account(&self, account: Account) -> Result<Account> {
        accounts::create(self, &account, false)
    }
    fn create_account_checked(&self, account: Account) -> Result<Account> {
        accounts::create(self, &account, true)
    }
    fn update_account(&self, account: Account) -> Result<Account> {
        accounts::update(self, &account)
    }
    fn modify_account(
        &self,
        r: &Reference,
        change: &mut dyn FnMut(&mut Account) -> Result<()>,
    ) -> Result<Account> {
        accounts::modify(self, r, change)
    }
    fn delete_account(&self, r: &Reference) -> Result<()> {
        accounts::delete(self, r)
    }
    fn rename_with_grants(&self, from: &Reference, to: &Name) -> Result<Renamed> {
        accounts::rename(self, from, to, None)
    }
    fn add_key(&self, r: &Reference, key: KeyRecord) -> Result<AccountAnswer> {
        accounts::add_key(self, r, &key, None).map(Shown::Record)
    }
    fn remove_key(&self, r: &Reference, kid: &str, allow_last: bool) -> Result<Account> {
        accounts::remove_key(self, r, kid, allow_last)
    }
    fn set_disabled(&self, r: &Reference, disabled: bool) -> Result<AccountAnswer> {
        accounts::modify(self, r, &mut |a| {
            a.disabled = disabled;
            Ok(())
        })
        .map(Shown::Record)
    }

    fn get_policy(&self, scope: &PolicyScope, name: &Name) -> Result<Policy> {
        Ok(self
            .read_policy(scope, name)
            .map_err(UserError::from)?
            .ok_or_else(|| unknown_policy(scope, name))?)
    }
    fn list_policies(&self, scope: &Scope) -> Result<Listing<Policy>> {
        Ok(self
            .read_policies(scope, &Page::ALL)
            .map_err(UserError::from)?
            .into())
    }
    fn select_policies(&self, scope: &Scope, selector: &Selector) -> Result<Listing<Policy>> {
        let mut listing = self.list_policies(scope)?;
        listing.items.retain(|p| selector.matches(&p.labels));
        Ok(listing)
    }
    fn create_policy(&self, policy: Policy) -> Result<Policy> {
        policies::create(self, &policy, false)
    }
    fn create_policy_checked(&self, policy: Policy) -> Result<Policy> {
        policies::create(self, &policy, true)
    }
    fn update_policy(&self, policy: Policy) -> Result<Policy> {
        policies::update(self, &policy)
    }
    fn modify_policy(
        &self,
        scope: &PolicyScope,
        name: &Name,
        change: &mut dyn FnMut(&mut Policy) -> Result<()>,
    ) -> Result<Policy> {
        policies::modify(self, scope, name, change)
    }
    fn delete_policy(&self, scope: &PolicyScope, name: &Name) -> Result<()> {
        policies::delete(self, scope, name)
    }

    fn get_namespace(&self, ns: &Namespace) -> Result<NamespaceRecord> {
        Ok(self
            .read_namespace(ns)
            .map_err(UserError::from)?
            .ok_or_else(|| unknown_namespace(ns))?)
    }
    fn list_namespaces(&self) -> Result<Listing<NamespaceRecord>> {
        Ok(self
            .read_namespaces(&Scope::All, &Page::ALL)
            .map_err(UserError::from)?
            .into())
    }
    fn select_namespaces(&self, selector: &Selector) -> Result<Listing<NamespaceRecord>> {
        let mut listing = self.list_namespaces()?;
        listing.items.retain(|n| selector.matches(&n.labels));
        Ok(listing)
    }
    fn namespace_exists(&self, ns: &Namespace) -> Result<bool> {
        Ok(namespaces::exists(ns, |n| self.read_namespace(n)).map_err(UserError::from)?)
    }
    fn create_namespace(
        &self,
        ns: &Namespace,
        defaults: bool,
        labels: Labels,
    ) -> Result<NamespaceCreated> {
        namespaces::create(self, ns, defaults, labels)
    }
    fn namespace_contents(&self, ns: &Namespace) -> Result<NamespaceDeleted> {
        namespaces::contents(self, ns)
    }
    fn delete_namespace(&self, ns: &Namespace) -> Result<NamespaceDeleted> {
        namespaces::delete(self, ns)
    }

    fn issuer(&self) -> Result<Option<IssuerView>> {
        issuer::get(self)
    }
    fn init_issuer(
        &self,
        alg: IssuerAlgorithm,
        secret: Option<Secret>,
        url: Option<String>,
        jwks_max_age: Option<u64>,
    ) -> Result<IssuerView> {
        issuer::init(self, alg, secret, url, jwks_max_age)
    }
    fn set_issuer_url(&self, url: &str, force: bool) -> Result<(IssuerView, UrlChange)> {
        issuer::set_url(self, url, force)
    }
    fn set_issuer_jwks_max_age(&self, seconds: u64) -> Result<(IssuerView, u64)> {
        issuer::set_jwks_max_age(self, seconds)
    }
    fn request_token(&self, r: &Reference, req: &TokenRequest) -> Result<RequestedToken> {
        let bounds = (MIN_REQUESTED, DEFAULT_MAX_REQUESTED);
        requested::lifetime(req, bounds.0, bounds.1)?;
        let account = accounts::get(self, r)?;
        requested::request(self, &account, req, bounds, jiff::Timestamp::now())
    }
    fn rotate_issuer(&self, secret: Option<Secret>, how: &RotateRequest) -> Result<IssuerView> {
        issuer::rotate(self, secret, how)
    }
    fn list_tokens(&self, r: &Reference) -> Result<Vec<TokenRecord>> {
        tokens::list(self, r)
    }
    /// Filtered after reading, as `select_accounts`: the labels are inside the token file.
    fn select_tokens(&self, r: &Reference, selector: &Selector) -> Result<Vec<TokenRecord>> {
        let mut tokens = tokens::list(self, r)?;
        tokens.retain(|t| selector.matches(&t.labels));
        Ok(tokens)
    }
    fn issue_token(&self, r: &Reference, req: &IssueRequest) -> Result<IssuedToken> {
        tokens::issue(self, r, req, false)
    }
    fn revoke_token(&self, r: &Reference, name: &Name) -> Result<()> {
        tokens::revoke(self, r, name)
    }
    fn regenerate_token(&self, r: &Reference, name: &Name) -> Result<IssuedToken> {
        tokens::regenerate(self, r, name)
    }
    fn rename_token(&self, r: &Reference, from: &Name, to: &Name) -> Result<TokenAnswer> {
        tokens::rename(self, r, from, to).map(Shown::Record)
    }
}
