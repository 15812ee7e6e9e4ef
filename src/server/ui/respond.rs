//! The console's answers: HTML pages, redirects, its two assets, and the headers every one of
//! them carries.

use axum::extract::Request;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use maud::{DOCTYPE, Markup, html as markup};

use crate::api::Problem;

use crate::server::request::Notes;

/// No script or style but the console's own files, never in a frame, no `<base>`, forms only
/// to the console itself.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
     frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/// The metrics' route label of every console request (the API requests it makes in the
/// process are counted under it, not under their own routes).
pub const ROUTE: &str = "/ui";

/// The headers of every console answer: the content security policy, no MIME sniffing, no
/// `Referer` (a console URL names accounts), and nothing kept in a cache (a page may show a
/// token once).
pub async fn secured(mut res: Response) -> Response {
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    res
}

/// Notes the console's route for the metrics before the API's guard notes its own.
pub async fn note_route(req: Request) -> Request {
    if let Some(notes) = req.extensions().get::<Notes>() {
        let _ = notes.0.route.set(ROUTE);
    }
    req
}

/// A page.
pub fn html(status: StatusCode, page: Markup) -> Response {
    let mut res = (status, page.into_string()).into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    res
}

/// 303 to `to` (a path of the console).
pub fn see_other(to: &str) -> Response {
    let mut res = StatusCode::SEE_OTHER.into_response();
    if let Ok(v) = HeaderValue::from_str(to) {
        res.headers_mut().insert(header::LOCATION, v);
    }
    res
}

pub async fn to_home() -> Response {
    see_other("/ui/")
}

const CSS: &str = include_str!("assets/console.css");
const JS: &str = include_str!("assets/console.js");

pub async fn css() -> Response {
    asset(CSS, "text/css; charset=utf-8")
}

pub async fn js() -> Response {
    asset(JS, "text/javascript; charset=utf-8")
}

fn asset(body: &'static str, kind: &'static str) -> Response {
    let mut res = body.into_response();
    res.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    res
}

/// 404 under `/ui/`, as a page.
pub async fn not_found() -> Response {
    bare(
        StatusCode::NOT_FOUND,
        "Not found",
        maud::html! {
            p { "The console has no page at this address." }
            p { a href="/ui/" { "Go to the console's start page" } }
        },
    )
}

/// 405 under `/ui/`, as a page: a method that the console's page at this address does not take
/// (`GET` of a form's address, say). The router adds the `Allow` header of the route, as the
/// API's 405 problem has it.
pub async fn method_not_allowed(method: Method) -> Response {
    let method =
        crate::server::limits::cut(method.as_str(), crate::server::limits::MAX_METHOD_BYTES);
    bare(
        StatusCode::METHOD_NOT_ALLOWED,
        "Method not allowed",
        maud::html! {
            p.error role="alert" { "The console's page at this address does not take a " code { (method) } " request." }
            p { "Open its pages with their links, and send its forms from the pages that show them." }
            p { a href="/ui/" { "Go to the console's start page" } }
        },
    )
}

pub fn head(title: &str) -> Markup {
    markup! {
        head {
            meta charset="utf-8";
            meta name="viewport" content="width=device-width, initial-scale=1";
            title { (title) " · svcacct" }
            link rel="stylesheet" href="/ui/assets/console.css";
            script src="/ui/assets/console.js" defer {}
        }
    }
}

/// A page without the session's header: sign in, refusals before a session is known.
pub fn bare(status: StatusCode, title: &str, body: Markup) -> Response {
    html(
        status,
        markup! {
            (DOCTYPE)
            html lang="en" {
                (head(title))
                body {
                    header.top { span.brand { "svcacct console" } }
                    main #main {
                        h1 { (title) }
                        (body)
                    }
                }
            }
        },
    )
}

/// A failure before a session is known (the server's own): its problem, as a page.
pub fn failure(p: &Problem) -> Response {
    let status = StatusCode::from_u16(p.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    bare(status, &p.title, problem_text(p))
}

pub fn problem_text(p: &Problem) -> Markup {
    markup! {
        p.error role="alert" { (p.detail) }
        p { a href="/ui/" { "Go to the console's start page" } }
    }
}
