//! Service accounts: the list (the CLI's table, filtered), *Add service account*, and an
//! account's page with its keys, issued tokens, the policies naming it, disable/enable and
//! delete.
//!
//! A token is shown once, in the answer to the post that made it (the account's creation with
//! "issue a token now", *Issue token*, *Regenerate*), never behind a redirect to a page that
//! could be loaded again: that answer is `Cache-Control: no-store`, and the console's script
//! replaces its history entry, so reloading it or coming back to it loads the page without the
//! token (without the script a reload posts again: a second account of the name is refused,
//! a second *Issue token* of the name too). Posts that show nothing once redirect (303) to the
//! page they changed.

use axum::extract::Query;
use axum::http::{Method, StatusCode};
use axum::response::Response;
use jiff::Timestamp;
use maud::{Markup, html};

use super::form::Posted;
use super::layout::{
    self, account_url, accounts_url, date, opt_date, page, post_form, upload_form,
};
use super::respond::see_other;
use super::session::Session;
use super::{account_of, api_path, may, ns_of};
use crate::api::{self, ListBody, NewAccount, NewKey};
use crate::identity::{Name, Namespace, Reference};
use crate::issued::{IssueRequest, IssuedToken};
use crate::model::{Account, Policy, Status, TokenRecord};
use crate::server::extract::Params;

/// The help of a create's labels field.
pub const LABELS_HELP: &str =
    "KEY=VALUE (an empty value: KEY=), separated by commas, as --label of the CLI.";

fn account_api(r: &Reference) -> String {
    format!("{}/{}", api_path(&r.namespace, "serviceaccounts"), r.name)
}

#[derive(serde::Deserialize, Default)]
pub struct Filter {
    #[serde(default)]
    name: String,
    #[serde(default)]
    status: String,
    /// A label selector (`team=web,env in (prod)`), applied by the API (`labelSelector`).
    #[serde(default)]
    labels: String,
}

/// `GET /ui/namespaces/{ns}/serviceaccounts`: the CLI's table, filtered by name, status and
/// labels.
pub async fn list(s: Session, p: Params, Query(f): Query<Filter>) -> Response {
    let ns = ok_or_return!(ns_of(&p));
    let selector = f.labels.trim();
    let mut path = api_path(&ns, "serviceaccounts");
    if !selector.is_empty() {
        let q = percent_encoding::utf8_percent_encode(selector, percent_encoding::NON_ALPHANUMERIC);
        path = format!("{path}?labelSelector={q}");
    }
    let wanted = f.name.trim();
    let filter = html! {
        p.actions { a.button href=(format!("{}/new", accounts_url(&ns))) { "Add service account" } }
        form.filter method="get" action=(accounts_url(&ns)) {
            label for="filter-name" { "Name contains" }
            input #filter-name type="search" name="name" value=(wanted);
            label for="filter-status" { "Status" }
            select #filter-status name="status" {
                option value="" selected[f.status.is_empty()] { "any" }
                @for st in ["active", "disabled", "expired"] {
                    option value=(st) selected[f.status == st] { (st) }
                }
            }
            label for="filter-labels" { "Labels" }
            input #filter-labels type="search" name="labels" value=(selector) placeholder="team=web";
            button type="submit" { "Filter" }
        }
    };
    let listed = match s.get::<ListBody<Account>>(&path).await {
        Ok(l) => l,
        // A selector the API refused: the filter form, holding it to be corrected, above why.
        Err(p) if p.status == 400 && !selector.is_empty() => {
            let body = html! { (filter) p.error #filter-error role="alert" { (p.detail) } };
            return page(
                &s,
                Some(&ns),
                "Service accounts",
                StatusCode::BAD_REQUEST,
                body,
            )
            .await;
        }
        Err(p) => return layout::fail(&s, &p).await,
    };
    let now = Timestamp::now();
    let rows: Vec<&Account> = listed
        .items
        .iter()
        .filter(|a| wanted.is_empty() || a.name.as_str().contains(wanted))
        .filter(|a| f.status.is_empty() || a.status(now).as_str() == f.status)
        .collect();
    let body = html! {
        (filter)
        @for w in &listed.warnings { p.warning role="alert" { (w) } }
        @if rows.is_empty() {
            p #no-accounts { "No service accounts" @if !wanted.is_empty() || !f.status.is_empty() || !selector.is_empty() { " match the filter" } " in namespace " (ns.as_str()) "." }
        } @else {
            table #accounts {
                caption { "Service accounts of namespace " (ns.as_str()) }
                thead { tr { th scope="col" { "NAME" } th scope="col" { "STATUS" } th scope="col" { "KEYS" } th scope="col" { "EXPIRES" } th scope="col" { "CREATED DATE" } th scope="col" { "DESCRIPTION" } th scope="col" { "LABELS" } } }
                tbody {
                    @for a in &rows {
                        tr {
                            th scope="row" { a href=(account_url(&ns, a.name.as_str())) { (a.name.as_str()) } }
                            td { (status_text(a.status(now))) }
                            td { (a.keys.len()) }
                            td { (opt_date(a.expires, "never")) }
                            td { (date(a.created)) }
                            td { (a.description) }
                            td { (crate::labels::show(&a.labels)) }
                        }
                    }
                }
            }
        }
    };
    page(&s, Some(&ns), "Service accounts", StatusCode::OK, body).await
}

/// A status as text (never only as a colour).
fn status_text(s: Status) -> &'static str {
    s.as_str()
}

/// `GET …/serviceaccounts/new`: the form, to an account the API would let create one (else
/// the 403 page, before anything is typed).
pub async fn new(s: Session, p: Params) -> Response {
    let ns = ok_or_return!(ns_of(&p));
    let guard = api::Guard::Namespaced {
        action: "create",
        resource: api::resource::SERVICE_ACCOUNT,
    };
    if let Err(p) = may(&s, guard, Some(&ns)).await {
        return layout::fail(&s, &p).await;
    }
    let body = new_form(&s, &ns, None);
    page(&s, Some(&ns), "Add service account", StatusCode::OK, body).await
}

fn new_form(s: &Session, ns: &Namespace, error: Option<&str>) -> Markup {
    let action = accounts_url(ns);
    html! {
        @if let Some(e) = error { p.error role="alert" { (e) } }
        (upload_form(s, &action, html! {
            p { label for="name" { "Name" } input #name type="text" name="name" required pattern="[a-z0-9]([-a-z0-9]*[a-z0-9])?" maxlength="63" aria-describedby="name-help"; }
            p #name-help .help { "Lower-case letters, digits and dashes (a DNS label), at most 63 characters. Namespace: " (ns.as_str()) "." }
            p { label for="description" { "Description" } input #description type="text" name="description"; }
            p { label for="groups" { "Groups" } input #groups type="text" name="groups" aria-describedby="groups-help"; }
            p #groups-help .help { "Separated by commas; giving groups needs a global grant of " code { "update group" } "." }
            p { label for="new-labels" { "Labels (optional)" } input #new-labels type="text" name="labels" placeholder="team=web, env=prod" aria-describedby="new-labels-help"; }
            p #new-labels-help .help { (LABELS_HELP) }
            p { label for="impersonates" { "Impersonates user (optional)" } input #impersonates type="text" name="impersonates"; }
            p { label for="expires" { "Expires (optional)" } input #expires type="text" name="expires" placeholder="2027-06-30 or 90d" aria-describedby="expires-help"; }
            p #expires-help .help { "A date, an RFC 3339 time or a duration from now; empty: never." }
            p { label for="public-key-file" { "Public key (PEM file)" } input #public-key-file type="file" name="public_key_file" accept=".pem,.pub,.key" aria-describedby="key-help"; }
            p { label for="public-key" { "or paste the public key (PEM)" } textarea #public-key name="public_key" rows="4" aria-describedby="key-help" {} }
            p #key-help .help { "Optional: a public key (SPKI or PKCS#1 PEM; never a private key) lets the account sign its own tokens; make one with " code { "svcacct keygen -o NAME.key" } " and upload " code { "NAME.key.pub" } ". Without one it authenticates only with tokens issued to it (below, or on its page)." }
            fieldset {
                legend { "Issued token" }
                p {
                    input #issue-token type="checkbox" name="issue_token" value="yes";
                    label for="issue-token" { "Issue a token now (shown once)" }
                }
                p { label for="token-name" { "Token name" } input #token-name type="text" name="token_name" value="console"; }
                p { label for="token-expires" { "Token expires (optional)" } input #token-expires type="text" name="token_expires" placeholder="90d"; }
            }
            button type="submit" { "Add service account" }
        }))
    }
}

/// The public key of a form: the uploaded file, else the pasted text.
fn posted_key(f: &super::form::Fields) -> Option<String> {
    [f.get("public_key_file"), f.get("public_key")]
        .into_iter()
        .find(|k| !k.is_empty())
        .map(str::to_owned)
}

fn expiry(raw: &str, field: &str) -> Result<Option<Timestamp>, String> {
    if raw.is_empty() {
        return Ok(None);
    }
    crate::time::parse_expiry(raw, Timestamp::now())
        .map(Some)
        .map_err(|e| format!("{field}: {e}"))
}

/// `POST …/serviceaccounts`: creates the account through the API; with "issue a token now",
/// issues one and shows it once in the answer; otherwise 303 to the account's page.
pub async fn create(p: Params, posted: Posted) -> Response {
    let Posted {
        session: s,
        fields: f,
    } = posted;
    let ns = ok_or_return!(ns_of(&p));
    let (s, ns) = (&s, &ns);
    let invalid = |why: String| async move {
        let body = new_form(s, ns, Some(&why));
        page(
            s,
            Some(ns),
            "Add service account",
            StatusCode::BAD_REQUEST,
            body,
        )
        .await
    };
    let name = match Name::parse(f.get("name")) {
        Ok(n) => n,
        Err(e) => return invalid(e.to_string()).await,
    };
    let expires = match expiry(f.get("expires"), "expires") {
        Ok(e) => e,
        Err(e) => return invalid(e).await,
    };
    let token_expires = match expiry(f.get("token_expires"), "token expires") {
        Ok(e) => e,
        Err(e) => return invalid(e).await,
    };
    let token_name = if f.get("token_name").is_empty() {
        "console"
    } else {
        f.get("token_name")
    };
    let token_name = match Name::parse(token_name) {
        Ok(n) => n,
        Err(e) => return invalid(format!("token name: {e}")).await,
    };
    let labels = match f.labels("labels") {
        Ok(l) => l,
        Err(e) => return invalid(e).await,
    };
    let impersonates = Some(f.get("impersonates").to_owned()).filter(|i| !i.is_empty());
    let new = NewAccount {
        labels,
        name: name.clone(),
        description: f.get("description").to_owned(),
        groups: f.lines("groups"),
        disabled: false,
        expires,
        public_keys: posted_key(&f).into_iter().collect(),
        key_algorithm: None,
        impersonates,
    };
    let created: Account = match s
        .send(Method::POST, &api_path(ns, "serviceaccounts"), &new, None)
        .await
    {
        Ok(a) => a,
        Err(p) if matches!(p.status, 400 | 409 | 422) => return invalid(p.detail).await,
        Err(p) => return layout::fail(s, &p).await,
    };
    let r = Reference::new(ns.clone(), created.name.clone());
    if !f.checked("issue_token") {
        return see_other(&account_url(ns, r.name.as_str()));
    }
    let req = IssueRequest {
        name: token_name,
        expires: token_expires,
        audiences: vec![],
        labels: Default::default(),
    };
    match s
        .send::<IssuedToken>(
            Method::POST,
            &format!("{}/tokens", account_api(&r)),
            &req,
            None,
        )
        .await
    {
        Ok(t) => {
            let title = format!("Token `{}` of {r}", t.record.name);
            let note =
                html! { p.notice role="status" { "Created service account " (r.to_string()) "." } };
            account_page(s, &r, Some(html! { (note) (layout::shown_once(&title, &t.token, &account_url(&r.namespace, r.name.as_str()))) }), StatusCode::CREATED).await
        }
        Err(p) => {
            let note = html! { p.error role="alert" { "Created service account " (r.to_string()) ", but no token was issued: " (p.detail) } };
            account_page(s, &r, Some(note), StatusCode::CREATED).await
        }
    }
}

/// `GET …/serviceaccounts/{name}`.
pub async fn show(s: Session, p: Params) -> Response {
    match account_of(&p) {
        Ok(r) => account_page(&s, &r, None, StatusCode::OK).await,
        Err(res) => res,
    }
}

/// The policies `s` may read: every one when it may list them all, else those of `ns` and the
/// global ones it may list.
async fn readable_policies(s: &Session, ns: &Namespace) -> Vec<Policy> {
    if let Ok(l) = s.get::<ListBody<Policy>>("/v1/policies").await {
        return l.items;
    }
    let mut v = vec![];
    if let Ok(l) = s.get::<ListBody<Policy>>(&api_path(ns, "policies")).await {
        v.extend(l.items);
    }
    if let Ok(l) = s.get::<ListBody<Policy>>("/v1/globalpolicies").await {
        v.extend(l.items);
    }
    v
}

/// The account's page with what an action's refusal (`p`, a 4xx the user can act on) says, under
/// `what` ("No key added"), and its status.
async fn refused_with(s: &Session, r: &Reference, what: &str, p: &crate::api::Problem) -> Response {
    let (note, status) = layout::refusal(what, p);
    account_page(s, r, Some(note), status).await
}

/// An account's page, with `top` above it (what a post did, a token shown once).
async fn account_page(
    s: &Session,
    r: &Reference,
    top: Option<Markup>,
    status: StatusCode,
) -> Response {
    let a: Account = match s.get(&account_api(r)).await {
        Ok(a) => a,
        Err(p) => return layout::fail(s, &p).await,
    };
    let tokens = s
        .get::<ListBody<TokenRecord>>(&format!("{}/tokens", account_api(r)))
        .await;
    let policies = readable_policies(s, &r.namespace).await;
    let naming = crate::policy::policies_for(&policies, &a);
    let now = Timestamp::now();
    let url = account_url(&r.namespace, r.name.as_str());
    let body = html! {
        @if let Some(top) = top { (top) }
        dl.facts #account {
            dt { "Reference" } dd { (r.to_string()) }
            dt { "Username" } dd #username { (r.username()) }
            dt { "Namespace" } dd { (r.namespace.as_str()) }
            dt { "Status" } dd #status { (status_text(a.status(now))) }
            dt { "Description" } dd #description { (a.description) }
            dt { "Groups" } dd #groups { @if a.groups.is_empty() { "none" } @else { (a.groups.join(", ")) } }
            dt { "Labels" } dd #labels { (layout::labels(&a.labels)) }
            @if let Some(u) = &a.impersonates { dt { "Impersonates" } dd { (u) } }
            dt { "Expires" } dd { (opt_date(a.expires, "never")) }
            dt { "Created" } dd { (date(a.created)) }
            dt { "UID" } dd { code { (a.uid) } }
        }
        section aria-labelledby="edit-h" {
            h2 #edit-h { "Edit" }
            (post_form(s, &format!("{url}/update"), "", html! {
                input type="hidden" name="uid" value=(a.uid);
                input type="hidden" name="revision" value=(a.revision);
                p { label for="edit-description" { "Description" } input #edit-description type="text" name="description" value=(a.description); }
                p { label for="edit-groups" { "Groups" } input #edit-groups type="text" name="groups" value=(a.groups.join(", ")) aria-describedby="edit-groups-help"; }
                p #edit-groups-help .help { "Separated by commas; giving groups needs a global grant of " code { "update group" } "." }
                p { label for="edit-expires" { "Expires" } input #edit-expires type="text" name="expires" value=(a.expires.map(|e| e.to_string()).unwrap_or_default()) placeholder="never" aria-describedby="edit-expires-help"; }
                p #edit-expires-help .help { "A date, an RFC 3339 time or a duration from now; empty: never." }
                button type="submit" { "Save" }
            }))
        }
        (layout::labels_section(s, &format!("{url}/labels"), &a.uid, &a.labels))
        section aria-labelledby="state-h" {
            h2 #state-h { "Status" }
            @if a.disabled {
                (post_form(s, &format!("{url}/enable"), "inline", html! { button type="submit" { "Enable" } }))
            } @else {
                (post_form(s, &format!("{url}/disable"), "inline", html! { button type="submit" { "Disable" } }))
            }
        }
        section aria-labelledby="keys-h" {
            h2 #keys-h { "Keys" }
            @if a.keys.is_empty() {
                p { "No public keys: self-signed tokens of this account are refused." }
            } @else {
                table #keys {
                    thead { tr { th scope="col" { "KID" } th scope="col" { "FINGERPRINT" } th scope="col" { "BITS" } th scope="col" { "ALGORITHM" } th scope="col" { "CREATED DATE" } th scope="col" { span.visually-hidden { "Actions" } } } }
                    tbody {
                        @for k in &a.keys {
                            tr {
                                td { code { (k.kid) } }
                                td { code { (k.fingerprint) } }
                                td { (k.bits) }
                                td { (k.algorithm.as_str()) }
                                td { (date(k.created)) }
                                td { (post_form(s, &format!("{url}/keys/{}/remove", k.kid), "inline", html! {
                                    // The API refuses the last key without `force` (the CLI's --force).
                                    @if a.keys.len() == 1 {
                                        label { input type="checkbox" name="force" value="true"; " Force (it is the last key)" }
                                        " "
                                    }
                                    button type="submit" aria-label=(format!("Remove key {}", k.kid)) { "Remove" }
                                })) }
                            }
                        }
                    }
                }
            }
            (upload_form(s, &format!("{url}/keys"), html! {
                p { label for="key-file" { "Public key file (PEM)" } input #key-file type="file" name="public_key_file" accept=".pem,.pub,.key"; }
                p { label for="key-text" { "or paste the public key (PEM)" } textarea #key-text name="public_key" rows="4" {} }
                button type="submit" { "Add key" }
            }))
        }
        section aria-labelledby="tokens-h" {
            h2 #tokens-h { "Issued tokens" }
            @match &tokens {
                Err(p) => { p.notice { "Its tokens are not shown: " (p.detail) } }
                Ok(l) if l.items.is_empty() => { p #no-tokens { "No issued tokens." } }
                Ok(l) => {
                    table #tokens {
                        thead { tr { th scope="col" { "NAME" } th scope="col" { "CREATED DATE" } th scope="col" { "EXPIRES" } th scope="col" { "LAST USED" } th scope="col" { "LABELS" } th scope="col" { span.visually-hidden { "Actions" } } } }
                        tbody {
                            @for t in &l.items {
                                tr {
                                    th scope="row" { (t.name.as_str()) }
                                    td { (date(t.created)) }
                                    td { (opt_date(t.expires, "never")) }
                                    td { (opt_date(t.last_used, "never")) }
                                    td { (crate::labels::show(&t.labels)) }
                                    td.buttons {
                                        (post_form(s, &format!("{url}/tokens/{}/regenerate", t.name), "inline", html! {
                                            input type="hidden" name="id" value=(t.id);
                                            button type="submit" aria-label=(format!("Regenerate token {}", t.name)) { "Regenerate" }
                                        }))
                                        (post_form(s, &format!("{url}/tokens/{}/revoke", t.name), "inline", html! {
                                            button type="submit" aria-label=(format!("Revoke token {}", t.name)) { "Revoke" }
                                        }))
                                        (post_form(s, &format!("{url}/tokens/{}/rename", t.name), "inline", html! {
                                            label.visually-hidden for=(format!("rename-{}", t.name)) { "New name of token " (t.name.as_str()) }
                                            input id=(format!("rename-{}", t.name)) type="text" name="name" required size="12" placeholder="new name";
                                            button type="submit" aria-label=(format!("Rename token {}", t.name)) { "Rename" }
                                        }))
                                    }
                                }
                            }
                        }
                    }
                }
            }
            (post_form(s, &format!("{url}/tokens"), "", html! {
                p { label for="new-token-name" { "Token name" } input #new-token-name type="text" name="name" required; }
                p { label for="new-token-expires" { "Expires (optional)" } input #new-token-expires type="text" name="expires" placeholder="90d"; }
                p { label for="new-token-labels" { "Labels (optional)" } input #new-token-labels type="text" name="labels" placeholder="env=prod" aria-describedby="new-token-labels-help"; }
                p #new-token-labels-help .help { (LABELS_HELP) " A token's labels are set when it is issued; regenerating it keeps them." }
                button type="submit" { "Issue token" }
            }))
        }
        section aria-labelledby="policies-h" {
            h2 #policies-h { "Policies naming it" }
            @if naming.is_empty() {
                p #no-policies { "No policy you may read names it." }
            } @else {
                ul #naming {
                    @for p in &naming {
                        li {
                            @match &p.namespace {
                                Some(pns) => { a href=(format!("{}/{}", layout::policies_url(pns), p.name)) { (p.name.as_str()) } " (namespace " (pns.as_str()) ")" }
                                None => { a href=(format!("/ui/globalpolicies/{}", p.name)) { (p.name.as_str()) } " (global)" }
                            }
                            ": " (p.actions.join(", ")) " on " (p.resources.join(", "))
                        }
                    }
                }
            }
        }
        section aria-labelledby="delete-h" {
            h2 #delete-h { "Delete" }
            (post_form(s, &format!("{url}/delete"), "", html! {
                p { label for="confirm" { "Type the account's name, " strong { (r.name.as_str()) } ", to delete it with its issued tokens" } input #confirm type="text" name="confirm" required autocomplete="off"; }
                button.danger type="submit" { "Delete" }
            }))
        }
    };
    page(
        s,
        Some(&r.namespace),
        &format!("Service account {r}"),
        status,
        body,
    )
    .await
}

/// Runs an API write for the account of the path, then 303 to its page (or `to`).
async fn then_back(
    s: &Session,
    r: &Reference,
    method: Method,
    path: String,
    body: Option<Vec<u8>>,
    to: Option<String>,
) -> Response {
    match s.call(method, &path, body, None).await {
        Ok(_) => see_other(&to.unwrap_or_else(|| account_url(&r.namespace, r.name.as_str()))),
        Err(p) => layout::fail(s, &p).await,
    }
}

/// `POST …/update`: description, groups and expiry, on the revision the form was made from
/// (`If-Match`); its status stays as it is.
pub async fn update(p: Params, posted: Posted) -> Response {
    let r = ok_or_return!(account_of(&p));
    let (s, f) = (&posted.session, &posted.fields);
    let refused = |why: String, status: StatusCode| {
        let note = html! { p.error role="alert" { "Not saved: " (why) } };
        account_page(s, &r, Some(note), status)
    };
    let expires = match f.get("expires") {
        "" => None,
        // Unchanged: as shown (it may lie in the past by now).
        e => match e.parse::<Timestamp>() {
            Ok(t) => Some(t),
            Err(_) => match expiry(e, "expires") {
                Ok(t) => t,
                Err(why) => return refused(why, StatusCode::BAD_REQUEST).await,
            },
        },
    };
    let current: Account = match s.get(&account_api(&r)).await {
        Ok(a) => a,
        Err(p) => return layout::fail(s, &p).await,
    };
    let change = crate::api::AccountChange {
        // The stored labels stay (the labels form changes them: `labels`).
        labels: None,
        uid: f.get("uid").to_owned(),
        description: f.get("description").to_owned(),
        groups: f.lines("groups"),
        disabled: current.disabled,
        expires,
    };
    let revision = f.get("revision").parse::<u64>().ok();
    match s
        .send::<serde_json::Value>(Method::PUT, &account_api(&r), &change, revision)
        .await
    {
        Ok(_) => see_other(&account_url(&r.namespace, r.name.as_str())),
        Err(p) if matches!(p.status, 400 | 409 | 422 | 428) => {
            refused_with(s, &r, "Not saved", &p).await
        }
        Err(p) => layout::fail(s, &p).await,
    }
}

/// `POST …/labels`: adds, changes and removes labels (`set`, `remove`) on the stored record
/// through the API's `PUT`, its other fields as they are; a key to remove that is not there is
/// warned of, as `--remove-label` does.
pub async fn labels(p: Params, posted: Posted) -> Response {
    let r = ok_or_return!(account_of(&p));
    let (s, f) = (&posted.session, &posted.fields);
    let refused = |why: String, status: StatusCode| {
        let note = html! { p.error role="alert" { "Labels not changed: " (why) } };
        account_page(s, &r, Some(note), status)
    };
    let (set, remove) = match f.label_changes() {
        Ok(c) => c,
        Err(why) => return refused(why, StatusCode::BAD_REQUEST).await,
    };
    let current: Account = match s.get(&account_api(&r)).await {
        Ok(a) => a,
        Err(p) => return layout::fail(s, &p).await,
    };
    let mut labels = current.labels.clone();
    let absent = crate::labels::apply_changes(&mut labels, &set, &remove);
    if labels != current.labels {
        let change = crate::api::AccountChange {
            labels: Some(labels),
            // The record the form was shown for (`If-Match` is the one just read: the change
            // is made on it, as `svcacct update --label` does).
            uid: f.get("uid").to_owned(),
            description: current.description,
            groups: current.groups,
            disabled: current.disabled,
            expires: current.expires,
        };
        match s
            .send::<serde_json::Value>(
                Method::PUT,
                &account_api(&r),
                &change,
                Some(current.revision),
            )
            .await
        {
            Ok(_) => {}
            Err(p) if matches!(p.status, 400 | 409 | 422 | 428) => {
                return refused_with(s, &r, "Labels not changed", &p).await;
            }
            Err(p) => return layout::fail(s, &p).await,
        }
    }
    if absent.is_empty() {
        return see_other(&account_url(&r.namespace, r.name.as_str()));
    }
    account_page(s, &r, Some(layout::absent_labels(&absent)), StatusCode::OK).await
}

pub async fn disable(p: Params, posted: Posted) -> Response {
    let r = ok_or_return!(account_of(&p));
    let path = format!("{}/disable", account_api(&r));
    then_back(&posted.session, &r, Method::POST, path, None, None).await
}

pub async fn enable(p: Params, posted: Posted) -> Response {
    let r = ok_or_return!(account_of(&p));
    let path = format!("{}/enable", account_api(&r));
    then_back(&posted.session, &r, Method::POST, path, None, None).await
}

/// `POST …/delete`: only when the typed name is the account's.
pub async fn delete(p: Params, posted: Posted) -> Response {
    let r = ok_or_return!(account_of(&p));
    let s = &posted.session;
    if posted.fields.get("confirm") != r.name.as_str() {
        let note = html! { p.error role="alert" { "Not deleted: type the account's name, " (r.name.as_str()) ", to confirm." } };
        return account_page(s, &r, Some(note), StatusCode::BAD_REQUEST).await;
    }
    let to = accounts_url(&r.namespace);
    then_back(s, &r, Method::DELETE, account_api(&r), None, Some(to)).await
}

/// `POST …/keys` (multipart: the file, or the pasted text).
pub async fn add_key(p: Params, posted: Posted) -> Response {
    let r = ok_or_return!(account_of(&p));
    let s = &posted.session;
    let Some(pem) = posted_key(&posted.fields) else {
        let note = html! { p.error role="alert" { "No key added: choose a PEM file or paste a public key." } };
        return account_page(s, &r, Some(note), StatusCode::BAD_REQUEST).await;
    };
    let body = serde_json::to_vec(&NewKey {
        public_key: pem,
        algorithm: None,
    })
    .unwrap_or_default();
    match s
        .call(
            Method::POST,
            &format!("{}/keys", account_api(&r)),
            Some(body),
            None,
        )
        .await
    {
        Ok(_) => see_other(&account_url(&r.namespace, r.name.as_str())),
        Err(p) if matches!(p.status, 400 | 409 | 422) => {
            refused_with(s, &r, "No key added", &p).await
        }
        Err(p) => layout::fail(s, &p).await,
    }
}

pub async fn remove_key(p: Params, posted: Posted) -> Response {
    let r = ok_or_return!(account_of(&p));
    let kid = p.raw("kid").to_owned();
    let s = &posted.session;
    let force = if posted.fields.checked("force") {
        "?force=true"
    } else {
        ""
    };
    let path = format!(
        "{}/keys/{}{force}",
        account_api(&r),
        percent_encoding::utf8_percent_encode(&kid, percent_encoding::NON_ALPHANUMERIC)
    );
    match s.call(Method::DELETE, &path, None, None).await {
        Ok(_) => see_other(&account_url(&r.namespace, r.name.as_str())),
        Err(p) if matches!(p.status, 400 | 404 | 409 | 422) => {
            refused_with(s, &r, "No key removed", &p).await
        }
        Err(p) => layout::fail(s, &p).await,
    }
}

/// `POST …/tokens`: issues a token and shows it once in the answer.
pub async fn issue_token(p: Params, posted: Posted) -> Response {
    let r = ok_or_return!(account_of(&p));
    let s = &posted.session;
    let f = &posted.fields;
    let r = &r;
    let refused = |why: String| async move {
        let note = html! { p.error role="alert" { "No token issued: " (why) } };
        account_page(s, r, Some(note), StatusCode::BAD_REQUEST).await
    };
    let name = match Name::parse(f.get("name")) {
        Ok(n) => n,
        Err(e) => return refused(e.to_string()).await,
    };
    let expires = match expiry(f.get("expires"), "expires") {
        Ok(e) => e,
        Err(e) => return refused(e).await,
    };
    let labels = match f.labels("labels") {
        Ok(l) => l,
        Err(e) => return refused(e).await,
    };
    let req = IssueRequest {
        name,
        expires,
        audiences: vec![],
        labels,
    };
    shown_once(
        s,
        r,
        s.send::<IssuedToken>(
            Method::POST,
            &format!("{}/tokens", account_api(r)),
            &req,
            None,
        )
        .await,
        StatusCode::CREATED,
    )
    .await
}

/// `POST …/tokens/{token}/regenerate`: a new token (the old one revoked), shown once.
pub async fn regenerate_token(p: Params, posted: Posted) -> Response {
    let r = ok_or_return!(account_of(&p));
    let s = &posted.session;
    let name = ok_or_return!(token_of(&p));
    // The form names the token it was shown for (its `jti`): a reload that sends it again
    // after the token was regenerated must not regenerate the new one, whose value the first
    // answer showed once. (Two posts at the same moment both pass this check: it stops a
    // re-sent form, not a race, and each regeneration is still authorized by the API.)
    let shown_for = posted.fields.get("id");
    let tokens = s
        .get::<ListBody<TokenRecord>>(&format!("{}/tokens", account_api(&r)))
        .await;
    if let Ok(l) = &tokens {
        let now = l
            .items
            .iter()
            .find(|t| t.name == name)
            .map(|t| t.id.as_str());
        if now.is_some_and(|id| id != shown_for) {
            let note = html! { p.error role="alert" {
                "Not regenerated: token " (name.as_str()) " was regenerated after this form was shown \
                 (a reload sends a form again). Its new value was shown once; regenerate it again \
                 from this page if that value is lost."
            } };
            return account_page(s, &r, Some(note), StatusCode::CONFLICT).await;
        }
    }
    let path = format!("{}/tokens/{name}/regenerate", account_api(&r));
    let t = match s.call(Method::POST, &path, None, None).await {
        Ok(bytes) => serde_json::from_slice::<IssuedToken>(&bytes).map_err(|e| {
            Box::new(crate::api::Problem::new(
                500,
                crate::api::code::INTERNAL,
                e.to_string(),
            ))
        }),
        Err(p) => Err(p),
    };
    shown_once(s, &r, t, StatusCode::OK).await
}

async fn shown_once(
    s: &Session,
    r: &Reference,
    t: Result<IssuedToken, Box<crate::api::Problem>>,
    status: StatusCode,
) -> Response {
    match t {
        Ok(t) => {
            let title = format!("Token `{}` of {r}", t.record.name);
            account_page(
                s,
                r,
                Some(layout::shown_once(
                    &title,
                    &t.token,
                    &account_url(&r.namespace, r.name.as_str()),
                )),
                status,
            )
            .await
        }
        Err(p) if matches!(p.status, 400 | 404 | 409 | 422) => {
            refused_with(s, r, "No token issued", &p).await
        }
        Err(p) => layout::fail(s, &p).await,
    }
}

pub async fn revoke_token(p: Params, posted: Posted) -> Response {
    let r = ok_or_return!(account_of(&p));
    let name = ok_or_return!(token_of(&p));
    let path = format!("{}/tokens/{name}", account_api(&r));
    then_back(&posted.session, &r, Method::DELETE, path, None, None).await
}

/// The issued token's name of the path, or the 404 page.
fn token_of(p: &Params) -> Result<Name, Response> {
    p.token().map_err(|e| super::bad_path(&e.problem.detail))
}

/// `POST …/tokens/{token}/rename`: the new name in `name`.
pub async fn rename_token(p: Params, posted: Posted) -> Response {
    let r = ok_or_return!(account_of(&p));
    let name = ok_or_return!(token_of(&p));
    let s = &posted.session;
    let new = match Name::parse(posted.fields.get("name")) {
        Ok(n) => n,
        Err(e) => {
            let note = html! { p.error role="alert" { "Not renamed: " (e.to_string()) } };
            return account_page(s, &r, Some(note), StatusCode::BAD_REQUEST).await;
        }
    };
    let path = format!("{}/tokens/{name}/rename", account_api(&r));
    let body = crate::issued::TokenRename { name: new };
    match s
        .send::<serde_json::Value>(Method::POST, &path, &body, None)
        .await
    {
        Ok(_) => see_other(&account_url(&r.namespace, r.name.as_str())),
        Err(p) if matches!(p.status, 400 | 404 | 409 | 422) => {
            refused_with(s, &r, "Not renamed", &p).await
        }
        Err(p) => layout::fail(s, &p).await,
    }
}
