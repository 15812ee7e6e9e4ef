//! Cross-site request forgery: a console post changes something only when it comes from a
//! page of this console. Three defences, each enough against a browser of today on its own:
//! the session cookie is `SameSite=Strict` (a post from another site carries none); the
//! `Origin` header, which browsers send with every form post, must be this server's; and every
//! form carries a token derived from the session ([`form_token`]) that another site cannot
//! know. A refused post is answered with a 403 page before anything is read or changed.

use axum::http::{HeaderMap, StatusCode, header};
use axum::response::Response;
use base64::Engine as _;
use maud::html;

use super::respond::bare;

/// The name of the per-form token's field.
pub const FIELD: &str = "csrf";

/// The per-form token of a session's form that posts to `action`: an HMAC-SHA256 keyed with
/// the session's token. Stateless (any replica computes the same), different for each form
/// and session, and unforgeable without the token, which the page never holds (the cookie is
/// `HttpOnly`); the token cannot be recovered from it.
pub fn form_token(session_token: &str, action: &str) -> String {
    let key = aws_lc_rs::hmac::Key::new(aws_lc_rs::hmac::HMAC_SHA256, session_token.as_bytes());
    let tag = aws_lc_rs::hmac::sign(&key, &message(action));
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(tag.as_ref())
}

fn message(action: &str) -> Vec<u8> {
    let mut m = b"svcacct console form\n".to_vec();
    m.extend_from_slice(action.as_bytes());
    m
}

/// Is `given` the token of the form that posts to `action` (compared in constant time)?
pub fn valid(session_token: &str, action: &str, given: &str) -> bool {
    let Ok(tag) = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(given) else {
        return false;
    };
    let key = aws_lc_rs::hmac::Key::new(aws_lc_rs::hmac::HMAC_SHA256, session_token.as_bytes());
    aws_lc_rs::hmac::verify(&key, &message(action), &tag).is_ok()
}

/// Refuses a post whose `Origin` is not this server: missing, another host, or `http` when the
/// server speaks TLS. (`https` is accepted on a plain listener: a proxy in front may terminate
/// TLS, `serve --insecure-listen`.) The host is compared with the `Host` header.
///
/// `Origin: null` passes only with `Sec-Fetch-Site: same-origin`: the console's pages are
/// `Referrer-Policy: no-referrer`, under which browsers send a form post's `Origin` as `null`
/// (Fetch, "serializing a request origin"), and say where it came from in `Sec-Fetch-Site`,
/// a header no page can set. A `null` from another site (a sandboxed frame, a `data:` page)
/// comes with `cross-site`, or without the header from an older browser, and is refused.
pub fn check_origin(headers: &HeaderMap, tls: bool) -> Result<(), Response> {
    let origin = headers
        .get(header::ORIGIN)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let fetch_site = headers
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if origin == "null" && fetch_site == "same-origin" {
        return Ok(());
    }
    let ours = match origin.split_once("://") {
        Some(("https", h)) => h == host,
        Some(("http", h)) => !tls && h == host,
        _ => false,
    };
    if ours && !host.is_empty() {
        return Ok(());
    }
    let why = if origin.is_empty() {
        "it has no `Origin` header".to_owned()
    } else {
        format!("it comes from `{origin}`, not from this console")
    };
    Err(refused(&why))
}

/// The 403 page of a refused post.
pub fn refused(why: &str) -> Response {
    bare(
        StatusCode::FORBIDDEN,
        "Refused",
        html! {
            p.error role="alert" {
                "This form post was refused and nothing was changed: " (why) "."
            }
            p { "Posts are accepted only from the console's own pages. Reload the page you came \
                 from and try again." }
            p { a href="/ui/" { "Go to the console's start page" } }
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_token_is_bound_to_the_session_and_the_form() {
        let t = form_token("a.b.c", "/ui/namespaces/default/serviceaccounts");
        assert!(valid("a.b.c", "/ui/namespaces/default/serviceaccounts", &t));
        assert!(!valid(
            "a.b.d",
            "/ui/namespaces/default/serviceaccounts",
            &t
        ));
        assert!(!valid("a.b.c", "/ui/namespaces/default/policies", &t));
        assert!(!valid(
            "a.b.c",
            "/ui/namespaces/default/serviceaccounts",
            ""
        ));
        assert!(!t.contains("a.b.c"));
    }

    #[test]
    fn only_this_servers_origin_may_post() {
        let h = |origin: Option<&str>| {
            let mut h = HeaderMap::new();
            h.insert(header::HOST, "127.0.0.1:8420".parse().unwrap());
            if let Some(o) = origin {
                h.insert(header::ORIGIN, o.parse().unwrap());
            }
            h
        };
        assert!(check_origin(&h(Some("http://127.0.0.1:8420")), false).is_ok());
        assert!(check_origin(&h(Some("https://127.0.0.1:8420")), true).is_ok());
        assert!(check_origin(&h(Some("http://127.0.0.1:8420")), true).is_err());
        assert!(check_origin(&h(Some("http://evil.example")), false).is_err());
        assert!(check_origin(&h(Some("http://127.0.0.1:8421")), false).is_err());
        assert!(check_origin(&h(Some("null")), false).is_err());
        let mut null_here = h(Some("null"));
        null_here.insert("sec-fetch-site", "same-origin".parse().unwrap());
        assert!(check_origin(&null_here, false).is_ok());
        let mut null_there = h(Some("null"));
        null_there.insert("sec-fetch-site", "cross-site".parse().unwrap());
        assert!(check_origin(&null_there, false).is_err());
        assert!(check_origin(&h(None), false).is_err());
    }
}
