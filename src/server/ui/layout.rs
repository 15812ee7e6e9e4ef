//! The page around every console page (header, navigation, namespace switcher, sign out), the
//! forms' shape, and the pages of a refusal or failure. Every value is written through maud,
//! which escapes it: nothing from the registry becomes markup.

use axum::http::StatusCode;
use axum::response::Response;
use jiff::Timestamp;
use maud::{DOCTYPE, Markup, html};

pub use super::respond::{bare, failure};
use super::respond::{head, problem_text};

use super::respond::html;
use super::session::{Session, ended_by};
use crate::api::{self, Problem};
use crate::identity::Namespace;

pub fn accounts_url(ns: &Namespace) -> String {
    format!("/ui/namespaces/{}/serviceaccounts", api::ns_segment(ns))
}

pub fn account_url(ns: &Namespace, name: &str) -> String {
    format!("{}/{name}", accounts_url(ns))
}

pub fn policies_url(ns: &Namespace) -> String {
    format!("/ui/namespaces/{}/policies", api::ns_segment(ns))
}

/// A date as the CLI's tables show it.
pub fn date(t: Timestamp) -> String {
    crate::time::local(t)
}

pub fn opt_date(t: Option<Timestamp>, none: &str) -> String {
    t.map(date).unwrap_or_else(|| none.to_owned())
}

/// A form that posts to `action` with the session's per-form token for it.
pub fn post_form(s: &Session, action: &str, class: &str, body: Markup) -> Markup {
    html! {
        form method="post" action=(action) class=(class) {
            input type="hidden" name=(super::csrf::FIELD) value=(s.form_token(action));
            (body)
        }
    }
}

/// As [`post_form`], `multipart/form-data` (a file upload).
pub fn upload_form(s: &Session, action: &str, body: Markup) -> Markup {
    html! {
        form method="post" action=(action) enctype="multipart/form-data" {
            input type="hidden" name=(super::csrf::FIELD) value=(s.form_token(action));
            (body)
        }
    }
}

/// A record's labels as `kubectl describe` shows them: `key=value`, one a line, or `<none>`.
pub fn labels(l: &crate::labels::Labels) -> Markup {
    html! {
        @if l.is_empty() { "<none>" } @else {
            ul.labels { @for (k, v) in l { li { (k) "=" (v) } } }
        }
    }
}

/// The section that shows a record's labels and changes them (as `--label KEY=VALUE` and
/// `--remove-label KEY`), with forms that post to `action`, naming the record by its `uid` (a
/// record deleted and made again under its name is not changed).
pub fn labels_section(
    s: &Session,
    action: &str,
    uid: &str,
    current: &crate::labels::Labels,
) -> Markup {
    html! {
        section aria-labelledby="labels-h" {
            h2 #labels-h { "Labels" }
            @if current.is_empty() {
                p #no-labels { "No labels." }
            } @else {
                ul #label-list {
                    @for (k, v) in current {
                        li {
                            (k) "=" (v) " "
                            (post_form(s, action, "inline", html! {
                                input type="hidden" name="uid" value=(uid);
                                input type="hidden" name="remove" value=(k);
                                button type="submit" aria-label=(format!("Remove label {k}")) { "Remove" }
                            }))
                        }
                    }
                }
            }
            (post_form(s, action, "", html! {
                input type="hidden" name="uid" value=(uid);
                p { label for="label-set" { "Add or change labels" } input #label-set type="text" name="set" placeholder="team=web, env=prod" aria-describedby="label-help"; }
                p { label for="label-remove" { "Remove labels (keys)" } input #label-remove type="text" name="remove" placeholder="legacy"; }
                p #label-help .help { "Labels as " code { "KEY=VALUE" } " (an empty value: " code { "KEY=" } "), keys to remove as " code { "KEY" } ", separated by commas; as " code { "--label" } " and " code { "--remove-label" } " of " code { "svcacct update" } "." }
                button type="submit" { "Save labels" }
            }))
        }
    }
}

/// The warning of keys to remove that were not there (not an error: `--remove-label` warns too).
pub fn absent_labels(keys: &[String]) -> Markup {
    html! { @for k in keys { p.warning role="status" { "No label " code { (k) } " to remove." } } }
}

#[derive(serde::Deserialize)]
struct NamespaceItem {
    name: Namespace,
}

/// A page of a signed-in session, about namespace `ns` when it has one.
pub async fn page(
    s: &Session,
    ns: Option<&Namespace>,
    title: &str,
    status: StatusCode,
    body: Markup,
) -> Response {
    let current = ns.unwrap_or(s.home_ns()).clone();
    // The namespaces the account may `get`, for the switcher; none when it may not list them.
    let namespaces: Vec<Namespace> = s
        .get::<api::ListBody<NamespaceItem>>("/v1/namespaces")
        .await
        .map(|l| l.items.into_iter().map(|n| n.name).collect())
        .unwrap_or_default();
    let me = s.caller.account.reference().to_string();
    html(
        status,
        html! {
            (DOCTYPE)
            html lang="en" {
                (head(title))
                body {
                    a.skip href="#main" { "Skip to content" }
                    header.top {
                        span.brand { a href="/ui/" { "svcacct console" } }
                        nav aria-label="Sections" {
                            ul {
                                li { a href=(accounts_url(&current)) { "Service accounts" } }
                                li { a href=(policies_url(&current)) { "Policies" } }
                                li { a href="/ui/can-i" { "Can I?" } }
                                li { a href="/ui/issuer" { "Issuer" } }
                                li { a href="/ui/namespaces" { "Namespaces" } }
                            }
                        }
                        form.switcher method="get" action="/ui/switch" {
                            label for="ns-switch" { "Namespace" }
                            @if namespaces.is_empty() {
                                input #ns-switch type="text" name="ns" value=(current.as_str());
                            } @else {
                                select #ns-switch name="ns" {
                                    @for n in &namespaces {
                                        option value=(n.as_str()) selected[*n == current] { (n.as_str()) }
                                    }
                                    @if !namespaces.contains(&current) {
                                        option value=(current.as_str()) selected { (current.as_str()) }
                                    }
                                }
                            }
                            button type="submit" { "Switch" }
                        }
                        div.who {
                            span { "Signed in as " strong #signed-in-as { (me) } }
                            (post_form(s, "/ui/signout", "inline", html! {
                                button type="submit" { "Sign out" }
                            }))
                        }
                    }
                    main #main {
                        h1 { (title) }
                        (body)
                    }
                }
            }
        },
    )
}

/// What an action's refusal (`p`, a 4xx the user can act on) says above the page it is shown on,
/// under `what` ("Not saved"), and that page's status.
pub fn refusal(what: &str, p: &Problem) -> (Markup, StatusCode) {
    let note = html! { p.error role="alert" { (what) ": " (p.detail) } };
    let status = StatusCode::from_u16(p.status).unwrap_or(StatusCode::BAD_REQUEST);
    (note, status)
}

/// The page of an API refusal or failure: a 401 ends the session, a 403 names the action
/// and resource that were refused, the others say what happened.
pub async fn fail(s: &Session, p: &Problem) -> Response {
    match p.status {
        401 => ended_by(p, s.ui.app.tls),
        403 => forbidden(s, p).await,
        _ => {
            let status =
                StatusCode::from_u16(p.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            page(s, None, &p.title, status, problem_text(p)).await
        }
    }
}

/// The 403 page: who may not do what, where.
pub async fn forbidden(s: &Session, p: &Problem) -> Response {
    let ns = p
        .namespace
        .as_deref()
        .and_then(|n| Namespace::parse(n).ok());
    page(
        s,
        ns.as_ref(),
        "Not allowed",
        StatusCode::FORBIDDEN,
        html! {
            p.error role="alert" { (p.detail) }
            dl.facts {
                dt { "Action" } dd #refused-action { (p.action.as_deref().unwrap_or("-")) }
                dt { "Resource" } dd #refused-resource { (p.resource.as_deref().unwrap_or("-")) }
                dt { "Where" } dd {
                    @match &p.namespace {
                        Some(n) => { "namespace " (n) }
                        None => { "globally" }
                    }
                }
            }
            p { "Ask an administrator for a policy that allows it (" code { "svcacct policy create" } ")." }
        },
    )
    .await
}

/// The dialog that shows a token once, open when the page loads (the console's script makes
/// it modal, gives its button the clipboard, and replaces the page's history entry with `then`,
/// the page's own address, so that a reload or a return shows the page without the token).
pub fn shown_once(title: &str, token: &str, then: &str) -> Markup {
    html! {
        dialog #shown-once open aria-labelledby="shown-once-title" data-then=(then) {
            h2 #shown-once-title { (title) }
            p.warning role="alert" {
                strong { "Copy it now: you will not be able to view it again." }
                " It is not stored anywhere it can be read back; if you lose it, regenerate it."
            }
            p {
                label for="token-value" { "Token" }
                textarea #token-value readonly rows="5" spellcheck="false" { (token) }
            }
            div.buttons {
                button #copy-token type="button" data-copy="token-value" { "Copy token" }
                span #copy-status role="status" {}
                form method="dialog" { button type="submit" { "Close" } }
            }
        }
    }
}
