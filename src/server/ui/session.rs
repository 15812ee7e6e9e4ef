//! Signing in and out: the token pasted into the sign-in form is checked exactly as the API
//! checks a bearer token ([`crate::server::auth::Authenticator`]), then kept in an `HttpOnly`,
//! `SameSite=Strict` cookie (`Secure` under TLS) that expires with the token. Nothing is kept
//! on the server, so the session works on every replica; each request checks the token again
//! (a revoked or expired one ends the session at once).

use std::fmt;
use std::sync::Arc;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::Response;
use jiff::Timestamp;
use maud::html;
use zeroize::Zeroizing;

use super::Ui;
use super::respond::{bare, failure, see_other};
use crate::api::Problem;
use crate::identity::Namespace;
use crate::server::auth::{AuthError, Caller};
use crate::server::request::Notes;

/// The session cookie's name.
pub const COOKIE: &str = "svcacct_session";

/// A signed-in request: who, with the token that the console's API requests carry.
pub struct Session {
    pub caller: Caller,
    token: Zeroizing<String>,
    pub ui: Arc<Ui>,
    pub notes: Option<Notes>,
}

impl fmt::Debug for Session {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Session")
            .field("account", &self.caller.account.reference().to_string())
            .field("token", &"REDACTED")
            .finish()
    }
}

impl Session {
    pub fn token(&self) -> &str {
        &self.token
    }

    /// The signed-in account's namespace.
    pub fn home_ns(&self) -> &Namespace {
        &self.caller.account.namespace
    }

    /// The per-form token of a form that posts to `action` ([`super::csrf`]).
    pub fn form_token(&self, action: &str) -> String {
        super::csrf::form_token(&self.token, action)
    }
}

/// The value of cookie `name` in the request's `Cookie` headers. (Parsed here: a few lines for
/// one cookie of the console's own, where the `cookie` crate would bring `time` with it.)
pub fn cookie<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|pair| {
            let (k, v) = pair.trim().split_once('=')?;
            (k == name && !v.is_empty()).then_some(v)
        })
}

/// Is `t` made only of what a JWT is made of (so it can stand in a cookie as it is)?
pub fn token_shaped(t: &str) -> bool {
    !t.is_empty()
        && t.len() <= 16 * 1024
        && t.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.')
}

/// Verifies `token` as the API's guard does: from the caches when they can answer, else on
/// the blocking pool.
pub async fn authenticate(ui: &Ui, token: &str) -> Result<Caller, AuthError> {
    let now = Timestamp::now();
    let st = &ui.app;
    if let Some(done) = st.auth.authenticate_inline(token, st.store.as_ref(), now) {
        return done;
    }
    let st = st.clone();
    let token = Zeroizing::new(token.to_owned());
    tokio::task::spawn_blocking(move || st.auth.authenticate(&token, st.store.as_ref(), now))
        .await
        .unwrap_or_else(|e| Err(AuthError::Internal(anyhow::anyhow!("{e}"))))
}

/// The `Set-Cookie` of a session for `token`, ending when it does (`expires`; without one, when
/// the browser closes).
pub fn session_cookie(token: &str, expires: Option<Timestamp>, tls: bool) -> String {
    let mut c = format!("{COOKIE}={token}; Path=/ui; HttpOnly; SameSite=Strict");
    if let Some(exp) = expires {
        let secs = exp.duration_since(Timestamp::now()).as_secs().max(0);
        c.push_str(&format!("; Max-Age={secs}"));
    }
    if tls {
        c.push_str("; Secure");
    }
    c
}

/// The `Set-Cookie` that ends the session.
pub fn cleared_cookie(tls: bool) -> String {
    let mut c = format!("{COOKIE}=; Path=/ui; HttpOnly; SameSite=Strict; Max-Age=0");
    if tls {
        c.push_str("; Secure");
    }
    c
}

pub fn with_cookie(mut res: Response, cookie: &str) -> Response {
    if let Ok(v) = HeaderValue::from_str(cookie) {
        res.headers_mut().insert(header::SET_COOKIE, v);
    }
    res
}

/// The sign-in page, with why the last attempt or session ended when there is one.
pub fn signin_form(status: StatusCode, message: Option<&str>, notice: Option<&str>) -> Response {
    bare(
        status,
        "Sign in",
        html! {
            @if let Some(m) = message {
                p.error role="alert" { strong { "Not signed in: " } (m) }
            }
            @if let Some(n) = notice {
                p.notice role="status" { (n) }
            }
            form method="post" action="/ui/signin" {
                p {
                    label for="token" { "Token" }
                    input #token type="password" name="token" autocomplete="off" required
                        aria-describedby="token-help";
                }
                p #token-help .help {
                    "An issued token of your service account (" code { "svcacct tokens create NAME TOKEN" }
                    "), or a self-signed one (" code { "svcacct token NAME" } "). It is kept in a cookie of this \
                     browser until it expires or you sign out."
                }
                button type="submit" { "Sign in" }
            }
        },
    )
}

impl FromRequestParts<Arc<Ui>> for Session {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, ui: &Arc<Ui>) -> Result<Self, Response> {
        let notes = parts.extensions.get::<Notes>().cloned();
        let Some(token) = cookie(&parts.headers, COOKIE) else {
            return Err(if parts.method == Method::GET {
                see_other("/ui/signin")
            } else {
                signin_form(
                    StatusCode::UNAUTHORIZED,
                    Some("sign in first; nothing was changed"),
                    None,
                )
            });
        };
        let token = Zeroizing::new(token.to_owned());
        match authenticate(ui, &token).await {
            Ok(caller) => {
                if let Some(n) = &notes {
                    let _ = n.0.account.set(caller.account.reference().to_string());
                }
                Ok(Session {
                    caller,
                    token,
                    ui: ui.clone(),
                    notes,
                })
            }
            Err(AuthError::Rejected(why)) => Err(ended(&why, ui.app.tls)),
            Err(AuthError::Internal(e)) => Err(failure(
                &crate::server::problem::ApiError::internal(&e).problem,
            )),
        }
    }
}

/// The session's token no longer verifies (revoked, expired, its account disabled): the
/// sign-in page, and the cookie cleared.
pub fn ended(why: &str, tls: bool) -> Response {
    let res = signin_form(
        StatusCode::UNAUTHORIZED,
        Some(&format!("your session ended: {why}")),
        None,
    );
    with_cookie(res, &cleared_cookie(tls))
}

/// What a console request answers for an API refusal of 401 (the session ended meanwhile).
pub fn ended_by(problem: &Problem, tls: bool) -> Response {
    ended(
        problem
            .detail
            .strip_prefix("token rejected: ")
            .unwrap_or(&problem.detail),
        tls,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_session_cookie_is_strict_and_secure_under_tls() {
        let exp = Timestamp::now() + jiff::SignedDuration::from_hours(1);
        let plain = session_cookie("a.b.c", Some(exp), false);
        assert!(
            plain.starts_with(
                "svcacct_session=a.b.c; Path=/ui; HttpOnly; SameSite=Strict; Max-Age="
            )
        );
        assert!(!plain.contains("Secure"));
        assert!(session_cookie("a.b.c", Some(exp), true).ends_with("; Secure"));
        // A token without expiry: a cookie of the browser's session.
        assert_eq!(
            session_cookie("a.b.c", None, false),
            "svcacct_session=a.b.c; Path=/ui; HttpOnly; SameSite=Strict"
        );
        assert_eq!(
            cleared_cookie(true),
            "svcacct_session=; Path=/ui; HttpOnly; SameSite=Strict; Max-Age=0; Secure"
        );
    }

    #[test]
    fn the_session_is_read_from_the_cookie_header() {
        let mut h = HeaderMap::new();
        h.append(
            header::COOKIE,
            "other=1; svcacct_session=x.y.z".parse().unwrap(),
        );
        assert_eq!(cookie(&h, COOKIE), Some("x.y.z"));
        let mut h = HeaderMap::new();
        h.append(header::COOKIE, "svcacct_session=".parse().unwrap());
        assert_eq!(cookie(&h, COOKIE), None);
        assert!(token_shaped("eyJ.eyJ.sig-_"));
        assert!(!token_shaped("a b") && !token_shaped("a;b") && !token_shaped(""));
    }
}
