//! `?limit=` and `?continue=` on the list endpoints (issue 13), as Kubernetes' API has them.
//!
//! Two ways to cut a page:
//! - accounts and policies, which the route's guard lets the caller list whole (a namespace's,
//!   or all): the engine reads the page (`Paging::engine_page`, `Engine::read_accounts` /
//!   `read_policies` on a `Page`, in SQL for PostgreSQL) and the label selector filters within
//!   it (`Paging::cut`), so a page may show fewer than `limit` items and still have `continue`,
//!   as Kubernetes allows;
//! - namespaces, which are listed by what the caller may `get` of each, and an account's
//!   issued tokens (one record): from the list the handler would answer whole, after the
//!   selector and the caller's view (`Paging::page`), so a page never counts and a token never
//!   names an item the caller would not be shown.
//!
//! Items come in the order of their key (an account's namespace and name, a policy's scope and
//! name, a namespace's name, a token's name) and a page starts after the key of the last item
//! of the one before: keyset pagination, with no snapshot. Hence what a client that follows
//! `continue` to the end is promised: every item that exists from its first request to its
//! last is listed exactly once, in order; an item created or deleted meanwhile is listed at
//! most once (when it sorts after the point reached). The token carries no registry
//! generation because nothing is kept to list an older generation from.
//!
//! The token is base64url of JSON: the list's path, its `labelSelector` and the last key. It
//! names only an item the caller may list and is no secret; one made for another list or
//! selector is refused with 400, as is one that does not decode.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};

use crate::api::{ListMeta, MAX_LIST_LIMIT as MAX_LIMIT};
use crate::output::sanitize;
use crate::server::problem::ApiError;
use crate::store::Page;

/// The paging a list request asked for. Without `limit` and `continue`, the whole list.
pub struct Paging {
    limit: Option<usize>,
    after: Option<Vec<String>>,
    list: String,
    selector: String,
}

#[derive(Deserialize)]
struct PageQuery {
    limit: Option<String>,
    #[serde(rename = "continue")]
    continue_: Option<String>,
    #[serde(rename = "labelSelector")]
    label_selector: Option<String>,
}

/// What a `continue` token holds.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Token {
    list: String,
    #[serde(rename = "labelSelector")]
    selector: String,
    after: Vec<String>,
}

impl<S: Send + Sync> FromRequestParts<S> for Paging {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, ApiError> {
        let q = axum::extract::Query::<PageQuery>::try_from_uri(&parts.uri)
            .map_err(|e| ApiError::invalid(sanitize(&e.body_text())))?;
        Paging::new(
            parts.uri.path(),
            q.0.label_selector.unwrap_or_default(),
            q.0.limit.as_deref(),
            q.0.continue_.as_deref(),
        )
    }
}

impl Paging {
    fn new(
        list: &str,
        selector: String,
        limit: Option<&str>,
        token: Option<&str>,
    ) -> Result<Paging, ApiError> {
        let limit = match limit {
            None => None,
            Some(raw) => match raw.parse::<usize>() {
                Ok(n) if (1..=MAX_LIMIT).contains(&n) => Some(n),
                _ => {
                    return Err(ApiError::invalid(format!(
                        "limit `{}` is not a number from 1 to {MAX_LIMIT}: ask for at most \
                         {MAX_LIMIT} items a page, or leave `limit` out for the whole list",
                        sanitize(raw)
                    )));
                }
            },
        };
        let after = match token {
            None => None,
            Some(raw) => {
                let t = decode(raw).ok_or_else(broken)?;
                if t.list != list {
                    return Err(ApiError::invalid(format!(
                        "the `continue` token is for the list {}, not {}: use it only with the \
                         list that gave it, or list again without `continue`",
                        sanitize(&t.list),
                        sanitize(list)
                    )));
                }
                if t.selector != selector {
                    return Err(ApiError::invalid(format!(
                        "the `continue` token is for labelSelector `{}`, not `{}`: pass the same \
                         labelSelector on every page, or list again without `continue`",
                        sanitize(&t.selector),
                        sanitize(&selector)
                    )));
                }
                Some(t.after)
            }
        };
        Ok(Paging {
            limit,
            after,
            list: list.to_owned(),
            selector,
        })
    }

    /// The page of `items` (the whole list as it would be answered) and its metadata: all of
    /// them and `None` when no page was asked for; else, sorted by `key`, those after the
    /// token's key, at most `limit`, and a `continue` token when more remain.
    pub fn page<T>(
        &self,
        mut items: Vec<T>,
        key: impl Fn(&T) -> Vec<String>,
    ) -> (Vec<T>, Option<ListMeta>) {
        if self.limit.is_none() && self.after.is_none() {
            return (items, None);
        }
        items.sort_by_cached_key(|t| key(t));
        if let Some(after) = &self.after {
            items.retain(|t| key(t) > *after);
        }
        let (items, meta) = self.cut(items, key, |_| true);
        (items, Some(meta))
    }

    /// The engine's page this request asks for, for a list the caller may read whole (the
    /// route's guard decided): from the token's key (`typed` turns it into the engine's; one
    /// it refuses is a broken token) and one more than `limit`, to know whether more remain.
    /// `None` when no page was asked for.
    pub fn engine_page<K>(
        &self,
        typed: impl Fn(&[String]) -> Option<K>,
    ) -> Result<Option<Page<K>>, ApiError> {
        if self.limit.is_none() && self.after.is_none() {
            return Ok(None);
        }
        let after = match &self.after {
            None => None,
            Some(key) => Some(typed(key).ok_or_else(broken)?),
        };
        Ok(Some(Page {
            after,
            limit: self.limit.map(|n| n + 1),
        }))
    }

    /// The page of `items` (an engine's page from [`Paging::engine_page`], sorted by `key`)
    /// that `keeps` keeps (the label selector), and its metadata. A page may hold fewer items
    /// than `limit` and still have a `continue`, as Kubernetes allows: its token is the key of
    /// the last record read, kept or not (one the caller may read, as the list is its whole).
    pub fn cut<T>(
        &self,
        mut items: Vec<T>,
        key: impl Fn(&T) -> Vec<String>,
        keeps: impl Fn(&T) -> bool,
    ) -> (Vec<T>, ListMeta) {
        let mut meta = ListMeta::default();
        if let Some(limit) = self.limit
            && items.len() > limit
        {
            items.truncate(limit);
            meta.continue_ = items.last().map(|t| self.token(key(t)));
        }
        items.retain(keeps);
        (items, meta)
    }

    fn token(&self, after: Vec<String>) -> String {
        let token = Token {
            list: self.list.clone(),
            selector: self.selector.clone(),
            after,
        };
        URL_SAFE_NO_PAD.encode(serde_json::to_vec(&token).unwrap_or_default())
    }

    /// Whether this is the first page (or the whole list): the warnings of a list cut from
    /// the whole listing go with it only. (An engine's page has its own, on every page.)
    pub fn first(&self) -> bool {
        self.after.is_none()
    }
}

fn broken() -> ApiError {
    ApiError::invalid(
        "the `continue` token is not one this server gave: pass the `metadata.continue` of the \
         page before unchanged, or list again without `continue`",
    )
}

fn decode(raw: &str) -> Option<Token> {
    let bytes = URL_SAFE_NO_PAD.decode(raw.trim_end_matches('=')).ok()?;
    serde_json::from_slice(&bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn pages_follow_each_other_to_the_end() {
        let all = keys(&["c", "a", "e", "b", "d"]);
        let mut seen = vec![];
        let mut token = None;
        loop {
            let p = Paging::new("/v1/x", String::new(), Some("2"), token.as_deref()).unwrap();
            let (items, meta) = p.page(all.clone(), |s| vec![s.clone()]);
            assert!(items.len() <= 2);
            seen.extend(items);
            token = meta.unwrap().continue_;
            if token.is_none() {
                break;
            }
        }
        assert_eq!(seen, keys(&["a", "b", "c", "d", "e"]));
    }

    #[test]
    fn no_paging_keeps_the_list_as_it_is() {
        let p = Paging::new("/v1/x", String::new(), None, None).unwrap();
        let (items, meta) = p.page(keys(&["b", "a"]), |s| vec![s.clone()]);
        assert_eq!(items, keys(&["b", "a"]));
        assert!(meta.is_none());
    }

    #[test]
    fn an_engine_page_asks_one_more_and_filters_within() {
        let first = Paging::new("/v1/x", "k=v".into(), Some("2"), None).unwrap();
        let page = first.engine_page(|k| Some(k.to_vec())).unwrap().unwrap();
        assert_eq!((page.after, page.limit), (None, Some(3)));
        // Read a, b, c: b is not kept, c shows that more remain.
        let (items, meta) = first.cut(keys(&["a", "b", "c"]), |s| vec![s.clone()], |s| s != "b");
        assert_eq!(items, keys(&["a"]));
        let token = meta.continue_.unwrap();
        let next = Paging::new("/v1/x", "k=v".into(), Some("2"), Some(&token)).unwrap();
        let page = next.engine_page(|k| Some(k.to_vec())).unwrap().unwrap();
        assert_eq!(page.after, Some(keys(&["b"])));
        let (items, meta) = next.cut(keys(&["c", "d"]), |s| vec![s.clone()], |_| true);
        assert_eq!(items, keys(&["c", "d"]));
        assert!(meta.continue_.is_none());
        // A key the engine's type refuses is a broken token.
        assert!(next.engine_page(|_| None::<String>).is_err());
    }

    #[test]
    fn a_full_last_page_has_no_continue() {
        let p = Paging::new("/v1/x", String::new(), Some("2"), None).unwrap();
        let (items, meta) = p.page(keys(&["a", "b"]), |s| vec![s.clone()]);
        assert_eq!(items.len(), 2);
        assert!(meta.unwrap().continue_.is_none());
    }
}
