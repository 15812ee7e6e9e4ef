//! Policies of a namespace (`/ui/namespaces/{ns}/policies`) and global ones
//! (`/ui/globalpolicies`): list, create, edit (subjects, actions, resources), delete. A
//! namespace's page lists the global ones too.

use axum::http::{Method, StatusCode};
use axum::response::Response;
use maud::{Markup, html};

use super::form::Posted;
use super::layout::{self, date, page, policies_url, post_form};
use super::respond::see_other;
use super::session::Session;
use super::{api_path, ns_of};
use crate::api::{ListBody, NewPolicy, PolicyChange};
use crate::identity::{Name, Namespace};
use crate::model::Policy;
use crate::server::extract::Params;

/// Where policies are: a namespace, or `None` for the global ones.
type Scope<'a> = Option<&'a Namespace>;

/// The console's page of a scope's policies.
fn ui_url(scope: Scope<'_>) -> String {
    match scope {
        Some(ns) => policies_url(ns),
        None => "/ui/globalpolicies".to_owned(),
    }
}

/// The API's collection of a scope's policies.
fn api_url(scope: Scope<'_>) -> String {
    match scope {
        Some(ns) => api_path(ns, "policies"),
        None => "/v1/globalpolicies".to_owned(),
    }
}

fn policy_api(scope: Scope<'_>, name: &Name) -> String {
    format!("{}/{name}", api_url(scope))
}

fn scope_text(scope: Scope<'_>) -> String {
    match scope {
        Some(ns) => format!("namespace {}", ns.as_str()),
        None => "global".to_owned(),
    }
}

fn table(id: &str, scope: Scope<'_>, items: &[Policy]) -> Markup {
    html! {
        table id=(id) {
            thead { tr { th scope="col" { "NAME" } th scope="col" { "SUBJECTS" } th scope="col" { "ACTIONS" } th scope="col" { "RESOURCES" } th scope="col" { "DESCRIPTION" } th scope="col" { "LABELS" } th scope="col" { "CREATED DATE" } } }
            tbody {
                @for p in items {
                    tr {
                        th scope="row" { a href=(format!("{}/{}", ui_url(scope), p.name)) { (p.name.as_str()) } }
                        td { (p.subjects.join(", ")) }
                        td { (p.actions.join(", ")) }
                        td { (p.resources.join(", ")) }
                        td { (p.description) }
                        td { (crate::labels::show(&p.labels)) }
                        td { (date(p.created)) }
                    }
                }
            }
        }
    }
}

fn fields(p: Option<&Policy>) -> Markup {
    let joined = |f: fn(&Policy) -> &Vec<String>| p.map(|p| f(p).join("\n")).unwrap_or_default();
    html! {
        p { label for="policy-description" { "Description" } input #policy-description type="text" name="description" value=(p.map(|p| p.description.as_str()).unwrap_or("")); }
        p { label for="subjects" { "Subjects" } textarea #subjects name="subjects" rows="3" required aria-describedby="subjects-help" { (joined(|p| &p.subjects)) } }
        p #subjects-help .help { "One a line, as the API stores them: an account's reference (" code { "ci-bot" } " is in namespace default, " code { "eng/deployer" } " in eng; a pattern " code { "eng/ci-*" } "), " code { "group:NAME" } ", or " code { "*" } "." }
        p { label for="actions" { "Actions" } textarea #actions name="actions" rows="2" required { (joined(|p| &p.actions)) } }
        p { label for="resources" { "Resources" } textarea #resources name="resources" rows="2" required { (joined(|p| &p.resources)) } }
    }
}

async fn policies_page(
    s: &Session,
    scope: Scope<'_>,
    top: Option<Markup>,
    status: StatusCode,
) -> Response {
    let listed = match s.get::<ListBody<Policy>>(&api_url(scope)).await {
        Ok(l) => l,
        Err(p) => return layout::fail(s, &p).await,
    };
    // Beside a namespace's: the global ones, to an account that may list them.
    let global = match scope {
        Some(_) => s.get::<ListBody<Policy>>("/v1/globalpolicies").await.ok(),
        None => None,
    };
    let action = ui_url(scope);
    let (title, create) = match scope {
        Some(ns) => (
            format!("Policies of {}", ns.as_str()),
            format!("Create a policy in namespace {}", ns.as_str()),
        ),
        None => (
            "Global policies".to_owned(),
            "Create a global policy".to_owned(),
        ),
    };
    let body = html! {
        @if let Some(top) = top { (top) }
        @if listed.items.is_empty() { p #no-policies { "No " (scope_text(scope)) " policies." } }
        @else { (table("policies", scope, &listed.items)) }
        section aria-labelledby="create-h" {
            h2 #create-h { (create) }
            (post_form(s, &action, "", html! {
                p { label for="policy-name" { "Name" } input #policy-name type="text" name="name" required; }
                (fields(None))
                p { label for="policy-labels" { "Labels (optional)" } input #policy-labels type="text" name="labels" placeholder="team=web" aria-describedby="policy-labels-help"; }
                p #policy-labels-help .help { (super::accounts::LABELS_HELP) }
                button type="submit" { "Create" }
            }))
        }
        @if let Some(g) = global {
            section aria-labelledby="global-h" {
                h2 #global-h { a href="/ui/globalpolicies" { "Global policies" } }
                @if g.items.is_empty() { p { "None." } } @else { (table("global-policies", None, &g.items)) }
            }
        }
    };
    page(s, scope, &title, status, body).await
}

pub async fn list(s: Session, p: Params) -> Response {
    match ns_of(&p) {
        Ok(ns) => policies_page(&s, Some(&ns), None, StatusCode::OK).await,
        Err(res) => res,
    }
}

pub async fn global_list(s: Session) -> Response {
    policies_page(&s, None, None, StatusCode::OK).await
}

/// `POST …/policies`: creates it through the API (its escalation rule included).
pub async fn create(p: Params, posted: Posted) -> Response {
    match ns_of(&p) {
        Ok(ns) => create_in(Some(&ns), posted).await,
        Err(res) => res,
    }
}

pub async fn global_create(posted: Posted) -> Response {
    create_in(None, posted).await
}

async fn create_in(scope: Scope<'_>, posted: Posted) -> Response {
    let (s, f) = (&posted.session, &posted.fields);
    let invalid = |why: String| async move {
        let top = html! { p.error role="alert" { "No policy created: " (why) } };
        policies_page(s, scope, Some(top), StatusCode::BAD_REQUEST).await
    };
    let name = match Name::parse(f.get("name")) {
        Ok(n) => n,
        Err(e) => return invalid(e.to_string()).await,
    };
    let labels = match f.labels("labels") {
        Ok(l) => l,
        Err(e) => return invalid(e).await,
    };
    let new = NewPolicy {
        labels,
        name,
        description: f.get("description").to_owned(),
        subjects: f.lines("subjects"),
        actions: f.lines("actions"),
        resources: f.lines("resources"),
    };
    match s
        .send::<Policy>(Method::POST, &api_url(scope), &new, None)
        .await
    {
        Ok(_) => see_other(&ui_url(scope)),
        Err(p) if matches!(p.status, 400 | 409 | 422) => invalid(p.detail).await,
        Err(p) => layout::fail(s, &p).await,
    }
}

/// The namespace (`None` on the global pages) and policy of the path.
fn policy_of(p: &Params) -> Result<(Option<Namespace>, Name), Response> {
    let ns = match p.raw("ns") {
        "" => None,
        _ => Some(ns_of(p)?),
    };
    let name = Name::parse(p.raw("policy")).map_err(|_| {
        layout::bare(
            StatusCode::NOT_FOUND,
            "Not found",
            html! { p.error { "No such policy name." } },
        )
    })?;
    Ok((ns, name))
}

async fn edit_page(
    s: &Session,
    scope: Scope<'_>,
    name: &Name,
    top: Option<Markup>,
    status: StatusCode,
) -> Response {
    let policy: Policy = match s.get(&policy_api(scope, name)).await {
        Ok(p) => p,
        Err(p) => return layout::fail(s, &p).await,
    };
    let url = format!("{}/{name}", ui_url(scope));
    let body = html! {
        @if let Some(top) = top { (top) }
        dl.facts #policy {
            dt { "Labels" } dd #labels { (layout::labels(&policy.labels)) }
            dt { "Created" } dd { (date(policy.created)) }
        }
        (post_form(s, &url, "", html! {
            input type="hidden" name="uid" value=(policy.uid);
            input type="hidden" name="revision" value=(policy.revision);
            (fields(Some(&policy)))
            button type="submit" { "Save" }
        }))
        (layout::labels_section(s, &format!("{url}/labels"), &policy.uid, &policy.labels))
        section aria-labelledby="delete-h" {
            h2 #delete-h { "Delete" }
            (post_form(s, &format!("{url}/delete"), "", html! {
                button.danger type="submit" aria-label=(format!("Delete policy {name}")) { "Delete" }
            }))
        }
    };
    let title = format!("Policy {name} ({})", scope_text(scope));
    page(s, scope, &title, status, body).await
}

pub async fn edit(s: Session, p: Params) -> Response {
    match policy_of(&p) {
        Ok((ns, name)) => edit_page(&s, ns.as_ref(), &name, None, StatusCode::OK).await,
        Err(res) => res,
    }
}

/// `POST …/policies/{policy}`: replaces its subjects, actions, resources and description, on
/// the revision the form was made from (`If-Match`).
pub async fn update(p: Params, posted: Posted) -> Response {
    let (ns, name) = ok_or_return!(policy_of(&p));
    let (s, f) = (&posted.session, &posted.fields);
    let change = PolicyChange {
        // The stored labels stay (the labels form changes them: `labels`).
        labels: None,
        uid: f.get("uid").to_owned(),
        description: f.get("description").to_owned(),
        subjects: f.lines("subjects"),
        actions: f.lines("actions"),
        resources: f.lines("resources"),
    };
    let revision = f.get("revision").parse::<u64>().ok();
    match s
        .send::<Policy>(
            Method::PUT,
            &policy_api(ns.as_ref(), &name),
            &change,
            revision,
        )
        .await
    {
        Ok(_) => see_other(&ui_url(ns.as_ref())),
        Err(p) if matches!(p.status, 400 | 409 | 422 | 428) => {
            let (top, status) = layout::refusal("Not saved", &p);
            edit_page(s, ns.as_ref(), &name, Some(top), status).await
        }
        Err(p) => layout::fail(s, &p).await,
    }
}

/// `POST …/policies/{policy}/labels`: as an account's labels form (`accounts::labels`), through
/// the API's `PUT` with the policy's other fields as stored (so the escalation rule applies as
/// to any write of it).
pub async fn labels(p: Params, posted: Posted) -> Response {
    let (ns, name) = ok_or_return!(policy_of(&p));
    let (s, f, scope) = (&posted.session, &posted.fields, ns.as_ref());
    let refused = |why: String, status: StatusCode| {
        let top = html! { p.error role="alert" { "Labels not changed: " (why) } };
        edit_page(s, scope, &name, Some(top), status)
    };
    let (set, remove) = match f.label_changes() {
        Ok(c) => c,
        Err(why) => return refused(why, StatusCode::BAD_REQUEST).await,
    };
    let current: Policy = match s.get(&policy_api(scope, &name)).await {
        Ok(p) => p,
        Err(p) => return layout::fail(s, &p).await,
    };
    let mut labels = current.labels.clone();
    let absent = crate::labels::apply_changes(&mut labels, &set, &remove);
    if labels != current.labels {
        let change = PolicyChange {
            labels: Some(labels),
            uid: f.get("uid").to_owned(),
            description: current.description,
            subjects: current.subjects,
            actions: current.actions,
            resources: current.resources,
        };
        match s
            .send::<Policy>(
                Method::PUT,
                &policy_api(scope, &name),
                &change,
                Some(current.revision),
            )
            .await
        {
            Ok(_) => {}
            Err(p) if matches!(p.status, 400 | 409 | 422 | 428) => {
                let (top, status) = layout::refusal("Labels not changed", &p);
                return edit_page(s, scope, &name, Some(top), status).await;
            }
            Err(p) => return layout::fail(s, &p).await,
        }
    }
    if absent.is_empty() {
        return see_other(&format!("{}/{name}", ui_url(scope)));
    }
    let top = layout::absent_labels(&absent);
    edit_page(s, scope, &name, Some(top), StatusCode::OK).await
}

pub async fn delete(p: Params, posted: Posted) -> Response {
    let (ns, name) = ok_or_return!(policy_of(&p));
    let s = &posted.session;
    match s
        .call(Method::DELETE, &policy_api(ns.as_ref(), &name), None, None)
        .await
    {
        Ok(_) => see_other(&ui_url(ns.as_ref())),
        Err(p) => layout::fail(s, &p).await,
    }
}
