//! The web console under `/ui/`: server-rendered pages (maud) for an operator in a browser, on
//! the API's listener.
//!
//! It is one more client of the API: every page and action is a request to the routes of
//! [`crate::api::ROUTES`], made in the process ([`client`]) with the signed-in token, so each
//! one passes the same guard, the same authorization of `server/authz.rs` and the same
//! registry workflows as a request from the CLI. What it adds is web security: the session
//! cookie ([`session`]), the `Origin` check and per-form tokens against cross-site posts
//! ([`csrf`]), and the headers on every answer ([`respond::secured`]).
//!
//! One file per page group, as the API's handlers: [`accounts`] (with keys and issued tokens),
//! [`policies`], [`reviews`] (*Can I?*), [`issuer`], [`namespaces`].

// The console's refusals are whole answers (`Result<_, Response>`), made at most once per
// request: boxing them would only add an allocation to every error path.
#![allow(clippy::result_large_err)]

use std::sync::Arc;

use axum::routing::{any, get, post};
use axum::{Router, middleware};

use super::AppState;

/// The value of a `Result<T, Response>` (`ns_of`, `account_of`, …), or else the handler returns
/// its `Response`, a whole answer: `?` for handlers that return a `Response`.
macro_rules! ok_or_return {
    ($result:expr) => {
        match $result {
            Ok(value) => value,
            Err(answer) => return answer,
        }
    };
}

pub mod accounts;
pub mod client;
pub mod csrf;
pub mod form;
pub mod issuer;
pub mod layout;
pub mod namespaces;
pub mod policies;
pub mod respond;
pub mod reviews;
pub mod session;
pub mod signin;

/// What the console's handlers share: the server's state, and the API's router that their
/// requests go to.
pub struct Ui {
    pub app: Arc<AppState>,
    pub api: Router,
}

pub type UiState = axum::extract::State<Arc<Ui>>;

/// The console's routes, each answer with the console's headers ([`respond::secured`]).
pub fn router(app: Arc<AppState>, api: Router) -> Router {
    let ui = Arc::new(Ui { app, api });
    let ns = "/ui/namespaces/{ns}";
    let sa = "/ui/namespaces/{ns}/serviceaccounts/{name}";
    Router::new()
        .route("/ui", get(respond::to_home))
        .route("/ui/", get(signin::home))
        .route("/ui/assets/console.css", get(respond::css))
        .route("/ui/assets/console.js", get(respond::js))
        .route("/ui/signin", get(signin::signin_page).post(signin::signin))
        .route("/ui/signout", post(signin::signout))
        .route("/ui/switch", get(namespaces::switch))
        .route(
            "/ui/namespaces",
            get(namespaces::list).post(namespaces::create),
        )
        .route(
            &format!("{ns}/delete"),
            get(namespaces::confirm_delete).post(namespaces::delete),
        )
        .route(
            &format!("{ns}/serviceaccounts"),
            get(accounts::list).post(accounts::create),
        )
        .route(&format!("{ns}/serviceaccounts/new"), get(accounts::new))
        .route(sa, get(accounts::show))
        .route(&format!("{sa}/update"), post(accounts::update))
        .route(&format!("{sa}/labels"), post(accounts::labels))
        .route(&format!("{sa}/disable"), post(accounts::disable))
        .route(&format!("{sa}/enable"), post(accounts::enable))
        .route(&format!("{sa}/delete"), post(accounts::delete))
        .route(&format!("{sa}/keys"), post(accounts::add_key))
        .route(
            &format!("{sa}/keys/{{kid}}/remove"),
            post(accounts::remove_key),
        )
        .route(&format!("{sa}/tokens"), post(accounts::issue_token))
        .route(
            &format!("{sa}/tokens/{{token}}/regenerate"),
            post(accounts::regenerate_token),
        )
        .route(
            &format!("{sa}/tokens/{{token}}/revoke"),
            post(accounts::revoke_token),
        )
        .route(
            &format!("{sa}/tokens/{{token}}/rename"),
            post(accounts::rename_token),
        )
        .route(
            &format!("{ns}/policies"),
            get(policies::list).post(policies::create),
        )
        .route(
            &format!("{ns}/policies/{{policy}}"),
            get(policies::edit).post(policies::update),
        )
        .route(
            &format!("{ns}/policies/{{policy}}/delete"),
            post(policies::delete),
        )
        .route(
            &format!("{ns}/policies/{{policy}}/labels"),
            post(policies::labels),
        )
        .route(
            "/ui/globalpolicies",
            get(policies::global_list).post(policies::global_create),
        )
        .route(
            "/ui/globalpolicies/{policy}",
            get(policies::edit).post(policies::update),
        )
        .route("/ui/globalpolicies/{policy}/delete", post(policies::delete))
        .route("/ui/globalpolicies/{policy}/labels", post(policies::labels))
        .route("/ui/can-i", get(reviews::can_i))
        .route("/ui/issuer", get(issuer::show))
        .route("/ui/issuer/rotate", post(issuer::rotate))
        .route("/ui/{*rest}", any(respond::not_found))
        // Every route above: a method it does not take gets the console's 405 page (the
        // router adds `Allow`), not an empty answer.
        .method_not_allowed_fallback(respond::method_not_allowed)
        .layer(middleware::map_response(respond::secured))
        .layer(middleware::map_request(respond::note_route))
        .with_state(ui)
}

/// The namespace of a console path (`{ns}`, percent-decoded), or the 404 page.
pub fn ns_of(
    p: &crate::server::extract::Params,
) -> Result<crate::identity::Namespace, axum::response::Response> {
    p.ns().map_err(|e| bad_path(&e.problem.detail))
}

/// The account of a console path (`{ns}` and `{name}`), or the 404 page.
pub fn account_of(
    p: &crate::server::extract::Params,
) -> Result<crate::identity::Reference, axum::response::Response> {
    p.reference().map_err(|e| bad_path(&e.problem.detail))
}

pub fn bad_path(why: &str) -> axum::response::Response {
    respond::bare(
        axum::http::StatusCode::NOT_FOUND,
        "Not found",
        maud::html! { p.error role="alert" { "No such page: " (why) } p { a href="/ui/" { "Go to the console's start page" } } },
    )
}

/// The API path of namespace `ns`'s collection `what` (`serviceaccounts`, `policies`).
pub fn api_path(ns: &crate::identity::Namespace, what: &str) -> String {
    format!("/v1/namespaces/{}/{what}", crate::api::ns_segment(ns))
}

/// May the session's account pass `guard` (in `ns`)? The API's own decision
/// (`server::auth::authorize`), asked before showing a form whose post it would refuse;
/// the 403 problem when not.
pub async fn may(
    s: &session::Session,
    guard: crate::api::Guard,
    ns: Option<&crate::identity::Namespace>,
) -> Result<(), Box<crate::api::Problem>> {
    let policies = crate::server::blocking::policies(&s.ui.app)
        .await
        .map_err(|e| e.problem)?;
    crate::server::auth::authorize(
        guard,
        &s.caller.account,
        &policies,
        ns,
        jiff::Timestamp::now(),
    )
    .map(|_| ())
}
