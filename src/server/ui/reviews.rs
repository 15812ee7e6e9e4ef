//! *Can I?*: may an account do an action on a resource, and which policy decides; asked of
//! `POST /v1/accessreviews`, the decision `svcacct can-i` shows.

use axum::extract::Query;
use axum::http::{Method, StatusCode};
use axum::response::Response;
use maud::html;

use super::layout::{self, page};
use super::session::Session;
use crate::api::{AccessReview, AccessReviewRequest};
use crate::identity::Namespace;

#[derive(serde::Deserialize, Default)]
pub struct Question {
    #[serde(default)]
    account: String,
    #[serde(default)]
    action: String,
    #[serde(default)]
    resource: String,
    #[serde(default)]
    namespace: String,
}

/// `GET /ui/can-i`: the form, and with a question, the answer (asking changes nothing, so it is
/// a `GET` that can be linked).
pub async fn can_i(s: Session, Query(q): Query<Question>) -> Response {
    let me = s.caller.account.reference().to_string();
    let asked = !q.action.trim().is_empty() && !q.resource.trim().is_empty();
    let account = if q.account.trim().is_empty() {
        me.clone()
    } else {
        q.account.trim().to_owned()
    };
    let ns_text = if asked {
        q.namespace.trim().to_owned()
    } else {
        s.home_ns().as_str().to_owned()
    };
    let mut answer = None;
    let mut error = None;
    if asked {
        let namespace = match ns_text.as_str() {
            "" => Ok(None),
            n => Namespace::parse(n).map(Some).map_err(|e| e.to_string()),
        };
        match namespace {
            Err(e) => error = Some(e),
            Ok(namespace) => {
                let req = AccessReviewRequest {
                    token: None,
                    account: Some(account.clone()),
                    action: q.action.trim().to_owned(),
                    resource: q.resource.trim().to_owned(),
                    namespace,
                };
                match s
                    .send::<AccessReview>(Method::POST, "/v1/accessreviews", &req, None)
                    .await
                {
                    Ok(a) => answer = Some(a),
                    Err(p) if p.status == 400 => error = Some(p.detail),
                    Err(p) => return layout::fail(&s, &p).await,
                }
            }
        }
    }
    let status = if error.is_some() {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    let body = html! {
        form.question method="get" action="/ui/can-i" {
            p { label for="can-account" { "Account" } input #can-account type="text" name="account" value=(account) required aria-describedby="can-account-help"; }
            p #can-account-help .help { "Its reference: " code { "name" } " in namespace default, " code { "ns/name" } " elsewhere." }
            p { label for="can-action" { "Action" } input #can-action type="text" name="action" value=(q.action.trim()) required placeholder="create"; }
            p { label for="can-resource" { "Resource" } input #can-resource type="text" name="resource" value=(q.resource.trim()) required placeholder="serviceaccount"; }
            p { label for="can-namespace" { "Namespace (empty: global policies only)" } input #can-namespace type="text" name="namespace" value=(ns_text); }
            button type="submit" { "Ask" }
        }
        @if let Some(e) = &error { p.error role="alert" { (e) } }
        @if let Some(a) = &answer {
            section #answer aria-live="polite" {
                h2 { "Answer" }
                p.verdict #verdict { strong { @if a.allowed { "Yes" } @else { "No" } } }
                p {
                    (a.account.as_deref().unwrap_or(&account)) @if a.allowed { " may " } @else { " may not " }
                    (a.action) " " (a.resource)
                    @match &a.namespace { Some(n) => { " in namespace " (n.as_str()) } None => { " globally" } }
                    "."
                }
                @if let Some(p) = &a.policy { p { "Decided by policy " strong #deciding-policy { (p) } "." } }
                @if let Some(r) = &a.reason { p #reason { (r) } }
            }
        }
    };
    page(&s, None, "Can I?", status, body).await
}
