//! Namespaces: the list, create (with the default accounts and policies, or without), delete
//! after a page that lists what goes; and the switcher's target.

use axum::extract::Query;
use axum::http::{Method, StatusCode};
use axum::response::Response;
use maud::{Markup, html};

use super::form::Posted;
use super::layout::{self, accounts_url, page, policies_url, post_form};
use super::respond::see_other;
use super::session::Session;
use super::{api_path, ns_of};
use crate::api::{
    self, AccountAnswer, ListBody, NamespaceCreated, NamespaceDeleted, NewNamespace, PolicyAnswer,
    Shown,
};
use crate::identity::Namespace;
use crate::model::{Account, Policy};
use crate::server::extract::Params;

#[derive(serde::Deserialize)]
pub struct Switch {
    #[serde(default)]
    ns: String,
}

/// `GET /ui/switch?ns=…`: the namespace switcher's form.
pub async fn switch(s: Session, Query(q): Query<Switch>) -> Response {
    match Namespace::parse(q.ns.trim()) {
        Ok(ns) => see_other(&accounts_url(&ns)),
        Err(e) => {
            let p = api::Problem::new(400, api::code::INVALID, e.to_string());
            layout::fail(&s, &p).await
        }
    }
}

#[derive(serde::Deserialize)]
struct Item {
    name: Namespace,
    #[serde(default)]
    created: Option<jiff::Timestamp>,
}

async fn list_page(s: &Session, top: Option<Markup>, status: StatusCode) -> Response {
    let listed = match s.get::<ListBody<Item>>("/v1/namespaces").await {
        Ok(l) => l,
        Err(p) => return layout::fail(s, &p).await,
    };
    let body = html! {
        @if let Some(top) = top { (top) }
        table #namespaces {
            thead { tr { th scope="col" { "NAME" } th scope="col" { "CREATED DATE" } th scope="col" { span.visually-hidden { "Pages" } } } }
            tbody {
                @for n in &listed.items {
                    tr {
                        th scope="row" { a href=(accounts_url(&n.name)) { (n.name.as_str()) } }
                        td { (layout::opt_date(n.created, "implicit")) }
                        td.buttons {
                            a href=(policies_url(&n.name)) { "Policies" } " "
                            a href=(format!("/ui/namespaces/{}/delete", api::ns_segment(&n.name))) aria-label=(format!("Delete namespace {}", n.name.as_str())) { "Delete…" }
                        }
                    }
                }
            }
        }
        section aria-labelledby="create-h" {
            h2 #create-h { "Create a namespace" }
            (post_form(s, "/ui/namespaces", "", html! {
                p { label for="ns-name" { "Name" } input #ns-name type="text" name="name" required aria-describedby="ns-help"; }
                p #ns-help .help { "A child is written with " code { "/" } ": " code { "eng/platform" } " (its parent must exist)." }
                p { input #ns-defaults type="checkbox" name="defaults" value="yes" checked; label for="ns-defaults" { "With the default accounts and policies" } }
                button type="submit" { "Create" }
            }))
        }
    };
    page(s, None, "Namespaces", status, body).await
}

pub async fn list(s: Session) -> Response {
    list_page(&s, None, StatusCode::OK).await
}

fn account_name(a: &AccountAnswer) -> String {
    match a {
        Shown::Record(a) => a.reference().to_string(),
        Shown::Reference(r) => r.reference.clone(),
    }
}

fn policy_name(p: &PolicyAnswer) -> String {
    let (name, ns) = match p {
        Shown::Record(p) => (p.name.to_string(), p.namespace.clone()),
        Shown::Reference(r) => (r.name.to_string(), r.namespace.clone()),
    };
    match ns {
        Some(ns) => format!("{name} (namespace {ns})"),
        None => format!("{name} (global)"),
    }
}

fn what(namespaces: &[Namespace], accounts: &[String], policies: &[String]) -> Markup {
    html! {
        dl.facts #contents {
            dt { "Namespaces" } dd { ul { @for n in namespaces { li { (n.as_str()) } } } }
            dt { "Service accounts" } dd { @if accounts.is_empty() { "none" } @else { ul { @for a in accounts { li { (a) } } } } }
            dt { "Policies" } dd { @if policies.is_empty() { "none" } @else { ul { @for p in policies { li { (p) } } } } }
        }
    }
}

/// `POST /ui/namespaces`.
pub async fn create(posted: Posted) -> Response {
    let (s, f) = (&posted.session, &posted.fields);
    let name = match Namespace::parse(f.get("name")) {
        Ok(n) => n,
        Err(e) => {
            let top = html! { p.error role="alert" { "No namespace created: " (e.to_string()) } };
            return list_page(s, Some(top), StatusCode::BAD_REQUEST).await;
        }
    };
    let req = NewNamespace {
        labels: Default::default(),
        name: name.clone(),
        defaults: f.checked("defaults"),
    };
    match s
        .send::<NamespaceCreated>(Method::POST, "/v1/namespaces", &req, None)
        .await
    {
        Ok(c) => {
            let accounts: Vec<String> = c.accounts.iter().map(account_name).collect();
            let policies: Vec<String> = c.policies.iter().map(policy_name).collect();
            let top = html! {
                p.notice role="status" { "Created namespace " a href=(accounts_url(&name)) { (name.as_str()) } "." }
                (what(std::slice::from_ref(&name), &accounts, &policies))
            };
            list_page(s, Some(top), StatusCode::CREATED).await
        }
        Err(p) if matches!(p.status, 400 | 409 | 422) => {
            let (top, status) = layout::refusal("No namespace created", &p);
            list_page(s, Some(top), status).await
        }
        Err(p) => layout::fail(s, &p).await,
    }
}

/// `GET /ui/namespaces/{ns}/delete`: what would go (what the account may see of it), and the
/// form that deletes it after its name is typed.
pub async fn confirm_delete(s: Session, p: Params) -> Response {
    let ns = ok_or_return!(ns_of(&p));
    let mut namespaces: Vec<Namespace> = match s.get::<ListBody<Item>>("/v1/namespaces").await {
        Ok(l) => l
            .items
            .into_iter()
            .map(|i| i.name)
            .filter(|n| n.is_within(&ns) && *n != ns)
            .collect(),
        Err(p) => return layout::fail(&s, &p).await,
    };
    namespaces.insert(0, ns.clone());
    let mut accounts = vec![];
    let mut policies = vec![];
    for n in &namespaces {
        if let Ok(l) = s
            .get::<ListBody<Account>>(&api_path(n, "serviceaccounts"))
            .await
        {
            accounts.extend(l.items.iter().map(|a| a.reference().to_string()));
        }
        if let Ok(l) = s.get::<ListBody<Policy>>(&api_path(n, "policies")).await {
            policies.extend(
                l.items
                    .iter()
                    .map(|p| policy_name(&Shown::Record(p.clone()))),
            );
        }
    }
    let action = format!("/ui/namespaces/{}/delete", api::ns_segment(&ns));
    let body = html! {
        p.warning role="alert" { "Deleting namespace " strong { (ns.as_str()) } " deletes all of this (what you may see of it), with the accounts' issued tokens:" }
        (what(&namespaces, &accounts, &policies))
        (post_form(&s, &action, "", html! {
            p { label for="confirm" { "Type the namespace's name, " strong { (ns.as_str()) } ", to delete it" } input #confirm type="text" name="confirm" required autocomplete="off"; }
            button.danger type="submit" { "Delete" }
        }))
    };
    page(
        &s,
        Some(&ns),
        &format!("Delete namespace {}", ns.as_str()),
        StatusCode::OK,
        body,
    )
    .await
}

/// `POST /ui/namespaces/{ns}/delete`: only when the typed name is the namespace's; the answer
/// lists what went.
pub async fn delete(p: Params, posted: Posted) -> Response {
    let ns = ok_or_return!(ns_of(&p));
    let s = &posted.session;
    if posted.fields.get("confirm") != ns.as_str() {
        let top = html! { p.error role="alert" { "Not deleted: type the namespace's name, " (ns.as_str()) ", to confirm." } };
        return list_page(s, Some(top), StatusCode::BAD_REQUEST).await;
    }
    let path = format!("/v1/namespaces/{}", api::ns_segment(&ns));
    match s.call(Method::DELETE, &path, None, None).await {
        Ok(bytes) => {
            let d: NamespaceDeleted = match serde_json::from_slice(&bytes) {
                Ok(d) => d,
                Err(_) => return see_other("/ui/namespaces"),
            };
            let accounts: Vec<String> = d.accounts.iter().map(account_name).collect();
            let policies: Vec<String> = d.policies.iter().map(policy_name).collect();
            let top = html! {
                p.notice role="status" { "Deleted namespace " (ns.as_str()) ":" }
                (what(&d.namespaces, &accounts, &policies))
            };
            list_page(s, Some(top), StatusCode::OK).await
        }
        Err(p) => layout::fail(s, &p).await,
    }
}
