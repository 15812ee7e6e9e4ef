//! The issuer: its keys and their phases, and rotation.

use axum::http::{Method, StatusCode};
use axum::response::Response;
use maud::html;

use super::form::Posted;
use super::layout::{self, date, page, post_form};
use super::respond::see_other;
use super::session::Session;
use crate::issued::{IssuerView, RotateRequest};

pub async fn show(s: Session) -> Response {
    let v = match s.get::<IssuerView>("/v1/issuer").await {
        Ok(v) => Some(v),
        Err(p) if p.status == 404 => None,
        Err(p) => return layout::fail(&s, &p).await,
    };
    // How long a relying party may cache the JWKS (`issuer set-jwks-max-age`).
    let max_age = v.as_ref().map_or_else(String::new, |v| {
        crate::time::human(jiff::SignedDuration::from_secs(
            i64::try_from(v.jwks_max_age_seconds).unwrap_or(i64::MAX),
        ))
    });
    let body = html! {
        @match &v {
            None => { p #no-issuer { "The store has no issuer yet: it is created when the first token is issued." } }
            Some(v) => {
                dl.facts #issuer {
                    dt { "Issuer" } dd { code { (v.id) } }
                    dt { "URL" } dd { (v.url.as_deref().unwrap_or("none")) }
                    dt { "Algorithm" } dd { (v.algorithm.as_str()) }
                    dt { "JWKS max-age" } dd #jwks-max-age { (max_age) }
                    dt { "Created" } dd { (date(v.created)) }
                }
                table #issuer-keys {
                    caption { "Issuer keys" }
                    thead { tr { th scope="col" { "KID" } th scope="col" { "ALGORITHM" } th scope="col" { "CREATED DATE" } th scope="col" { "STATUS" } } }
                    tbody {
                        @for k in &v.keys {
                            tr { td { code { (k.kid) } } td { (k.algorithm.as_str()) } td { (date(k.created)) } td { (k.status()) } }
                        }
                    }
                }
                section aria-labelledby="rotate-h" {
                    h2 #rotate-h { "Rotate" }
                    p { "A new key is published in the JWKS now and signs once verifiers have had time to fetch it (the JWKS's cache lifetime, " (max_age) "); the current key signs until then, then stays published until the last token it signed has expired. With a leaked key, the new one signs at once." }
                    (post_form(&s, "/ui/issuer/rotate", "", html! {
                        p {
                            input #revoke-previous type="checkbox" name="revoke_previous" value="yes";
                            label for="revoke-previous" { "Also revoke every token the earlier keys signed, and drop those keys (a key leaked)" }
                        }
                        button type="submit" { "Rotate" }
                    }))
                }
            }
        }
    };
    page(&s, None, "Issuer", StatusCode::OK, body).await
}

pub async fn rotate(posted: Posted) -> Response {
    let s = &posted.session;
    let req = RotateRequest {
        revoke_previous: posted.fields.checked("revoke_previous"),
        // The default: published for the JWKS's cache lifetime before it signs.
        publish_first_seconds: None,
    };
    match s
        .send::<IssuerView>(Method::POST, "/v1/issuer/rotate", &req, None)
        .await
    {
        Ok(_) => see_other("/ui/issuer"),
        Err(p) => layout::fail(s, &p).await,
    }
}
