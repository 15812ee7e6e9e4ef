//! The router, built from [`crate::api::ROUTES`]: each route's handler (one file per resource
//! under [`super::handlers`]), its guard, and the layers around them.

use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::http::Method;
use axum::routing::{MethodRouter, delete, get, post, put};
use axum::{Router, middleware};

use super::AppState;
use super::handlers::accounts::{
    create_account, delete_account, disable_account, enable_account, get_account, list_accounts,
    list_all_accounts, rename_account, update_account,
};
use super::handlers::issuer::{get_issuer, rotate_issuer};
use super::handlers::keys::{add_key, list_keys, remove_key};
use super::handlers::meta::{
    account_jwks, healthz, jwks, metrics, openapi, openid_configuration, readyz, version, whoami,
};
use super::handlers::namespaces::{
    create_namespace, delete_namespace, get_namespace, list_namespaces,
};
use super::handlers::policies::{
    create_global_policy, create_policy, delete_global_policy, delete_policy, get_global_policy,
    get_policy, list_all_policies, list_global_policies, list_policies, update_global_policy,
    update_policy,
};
use super::handlers::reviews::{access_review, token_review};
use super::handlers::tokens::{
    issue_token, list_tokens, regenerate_token, rename_token, request_token, revoke_token,
};
use super::respond::{method_not_allowed, not_found};
use crate::api::{self, ROUTES, Route};

/// The API: every route of [`ROUTES`] with its handler and its guard, a 404 and a 405 problem
/// for the rest, the body cap, the request timeout and the access log.
pub fn router(state: Arc<AppState>) -> Router {
    app(state, false)
}

/// What `serve` answers: [`router`] and, with `ui`, the web console under `/ui/`
/// ([`super::ui`]), a client of the same routes.
pub fn app(state: Arc<AppState>, ui: bool) -> Router {
    let api = api(state.clone());
    let app = if ui {
        api.clone().merge(super::ui::router(state.clone(), api))
    } else {
        api
    };
    app.layer(middleware::from_fn_with_state(
        state.clone(),
        super::layer::access_log,
    ))
}

/// The routes of [`ROUTES`] behind their guard, without the access log: what the console
/// sends its requests to, in the process.
pub fn api(state: Arc<AppState>) -> Router {
    let mut paths: Vec<&str> = vec![];
    for r in ROUTES {
        if !paths.contains(&r.path) {
            paths.push(r.path);
        }
    }
    let mut router = Router::new();
    for path in paths {
        let mut mr = MethodRouter::new();
        for r in ROUTES.iter().filter(|r| r.path == path) {
            mr = mr.merge(handler(r));
        }
        router = router.route(path, mr);
    }
    router
        .route_layer(middleware::from_fn_with_state(
            state.clone(),
            super::auth::guard,
        ))
        // Outside the guard: a dry run's authentication writes nothing either.
        .route_layer(middleware::from_fn(super::dry_run::scope))
        .fallback(not_found)
        .method_not_allowed_fallback(|m: Method| async move { method_not_allowed(m) })
        .layer(DefaultBodyLimit::max(api::MAX_BODY_BYTES))
        .with_state(state)
}

/// The handler of a route of the table; a route without one is a bug caught by the tests.
pub fn handler(r: &Route) -> MethodRouter<Arc<AppState>> {
    match (r.method, r.path) {
        ("GET", "/healthz") => get(healthz),
        ("GET", "/readyz") => get(readyz),
        ("GET", api::VERSION_PATH) => get(version),
        ("GET", api::METRICS) => get(metrics),
        ("GET", api::ISSUER_JWKS) => get(jwks),
        ("GET", api::OIDC_DISCOVERY) => get(openid_configuration),
        ("GET", api::ACCOUNT_JWKS) => get(account_jwks),
        ("GET", "/v1/openapi.json") => get(openapi),
        ("GET", "/v1/whoami") => get(whoami),
        ("GET", "/v1/namespaces") => get(list_namespaces),
        ("POST", "/v1/namespaces") => post(create_namespace),
        ("GET", "/v1/namespaces/{ns}") => get(get_namespace),
        ("DELETE", "/v1/namespaces/{ns}") => delete(delete_namespace),
        ("GET", "/v1/serviceaccounts") => get(list_all_accounts),
        ("GET", api::ACCOUNTS) => get(list_accounts),
        ("POST", api::ACCOUNTS) => post(create_account),
        ("GET", api::ACCOUNT) => get(get_account),
        ("PUT", api::ACCOUNT) => put(update_account),
        ("DELETE", api::ACCOUNT) => delete(delete_account),
        ("POST", "/v1/namespaces/{ns}/serviceaccounts/{name}/rename") => post(rename_account),
        ("POST", "/v1/namespaces/{ns}/serviceaccounts/{name}/disable") => post(disable_account),
        ("POST", "/v1/namespaces/{ns}/serviceaccounts/{name}/enable") => post(enable_account),
        ("GET", "/v1/namespaces/{ns}/serviceaccounts/{name}/keys") => get(list_keys),
        ("POST", "/v1/namespaces/{ns}/serviceaccounts/{name}/keys") => post(add_key),
        ("DELETE", "/v1/namespaces/{ns}/serviceaccounts/{name}/keys/{kid}") => delete(remove_key),
        ("GET", "/v1/policies") => get(list_all_policies),
        ("GET", "/v1/globalpolicies") => get(list_global_policies),
        ("POST", "/v1/globalpolicies") => post(create_global_policy),
        ("GET", "/v1/globalpolicies/{name}") => get(get_global_policy),
        ("PUT", "/v1/globalpolicies/{name}") => put(update_global_policy),
        ("DELETE", "/v1/globalpolicies/{name}") => delete(delete_global_policy),
        ("GET", "/v1/namespaces/{ns}/policies") => get(list_policies),
        ("POST", "/v1/namespaces/{ns}/policies") => post(create_policy),
        ("GET", "/v1/namespaces/{ns}/policies/{name}") => get(get_policy),
        ("PUT", "/v1/namespaces/{ns}/policies/{name}") => put(update_policy),
        ("DELETE", "/v1/namespaces/{ns}/policies/{name}") => delete(delete_policy),
        ("GET", api::TOKENS) => get(list_tokens),
        ("POST", api::TOKENS) => post(issue_token),
        ("DELETE", api::TOKEN_PATH) => delete(revoke_token),
        ("POST", api::TOKEN_REGENERATE) => post(regenerate_token),
        ("POST", api::TOKEN_RENAME) => post(rename_token),
        ("POST", api::TOKEN_REQUEST) => post(request_token),
        ("GET", api::ISSUER_PATH) => get(get_issuer),
        ("POST", api::ISSUER_ROTATE) => post(rotate_issuer),
        ("POST", "/v1/tokenreviews") => post(token_review),
        ("POST", "/v1/accessreviews") => post(access_review),
        (m, p) => panic!("no handler for {m} {p}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_of_the_table_has_a_handler() {
        for r in ROUTES {
            let _ = handler(r);
        }
    }

    #[test]
    fn the_router_builds() {
        let st = Arc::new(AppState::for_tests());
        let _ = router(st.clone());
        let _ = app(st, true);
    }
}
