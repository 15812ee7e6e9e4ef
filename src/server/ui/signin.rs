//! The sign-in and sign-out pages, and `/ui/`.

use axum::extract::{Form, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use zeroize::Zeroizing;

use super::UiState;
use super::form::Posted;
use super::layout;
use super::respond::see_other;
use super::session::{
    Session, authenticate, cleared_cookie, session_cookie, signin_form, token_shaped, with_cookie,
};
use crate::server::auth::AuthError;

pub async fn signin_page() -> Response {
    signin_form(StatusCode::OK, None, None)
}

#[derive(serde::Deserialize)]
pub struct SignIn {
    token: String,
}

/// `POST /ui/signin`: from this console only (`Origin`), then the token as the API checks it.
pub async fn signin(State(ui): UiState, headers: HeaderMap, Form(f): Form<SignIn>) -> Response {
    if let Err(refused) = super::csrf::check_origin(&headers, ui.app.tls) {
        return refused;
    }
    let posted = Zeroizing::new(f.token);
    let token = posted.trim();
    if !token_shaped(token) {
        return signin_form(
            StatusCode::UNAUTHORIZED,
            Some("that is not a token (a JWT is three base64url parts joined by dots)"),
            None,
        );
    }
    match authenticate(&ui, token).await {
        Ok(caller) => {
            let expires = caller.identity().expires_at;
            // Accepted within the minute allowed for clock differences (`token::claims::LEEWAY`),
            // but a cookie that ends with it would end at once: say so instead.
            if expires.is_some_and(|e| e <= jiff::Timestamp::now()) {
                return signin_form(
                    StatusCode::UNAUTHORIZED,
                    Some("the token has expired; sign in with a new one"),
                    None,
                );
            }
            let res = see_other("/ui/");
            with_cookie(res, &session_cookie(token, expires, ui.app.tls))
        }
        Err(AuthError::Rejected(why)) => signin_form(
            StatusCode::UNAUTHORIZED,
            Some(&format!("the token was refused: {why}")),
            None,
        ),
        Err(AuthError::Internal(e)) => {
            layout::failure(&crate::server::problem::ApiError::internal(&e).problem)
        }
    }
}

/// `POST /ui/signout`: ends the session (the cookie is cleared; the token itself stays valid).
pub async fn signout(posted: Posted) -> Response {
    let tls = posted.session.ui.app.tls;
    let res = signin_form(StatusCode::OK, None, Some("You are signed out."));
    with_cookie(res, &cleared_cookie(tls))
}

/// `GET /ui/`: the signed-in account's namespace.
pub async fn home(s: Session) -> Response {
    see_other(&layout::accounts_url(s.home_ns()))
}
