//! A posted form: read only once its post passed every check of [`super::csrf`].

use std::sync::Arc;

use axum::extract::{FromRequest, FromRequestParts, Multipart, Request};
use axum::http::{StatusCode, header};
use axum::response::Response;
use maud::html;

use super::Ui;
use super::csrf::{FIELD, check_origin, refused, valid};
use super::respond::bare;
use super::session::Session;

/// The fields of a posted form, URL-encoded or `multipart/form-data` (a file's content as
/// text), in their order.
#[derive(Default)]
pub struct Fields(Vec<(String, String)>);

impl Fields {
    /// The first value of `name`, trimmed; empty when absent.
    pub fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find_map(|(k, v)| (k == name).then_some(v.trim()))
            .unwrap_or("")
    }

    /// Every value of `name` (checkboxes, lines of a text area), trimmed, the empty ones left out.
    pub fn lines(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .flat_map(|(_, v)| v.split([',', '\n']))
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
            .collect()
    }

    pub fn checked(&self, name: &str) -> bool {
        !self.get(name).is_empty()
    }

    /// Labels given as `KEY=VALUE`, separated by commas (a create's, as `--label`), each
    /// checked as the CLI checks them; why not, to be shown.
    pub fn labels(&self, name: &str) -> Result<crate::labels::Labels, String> {
        crate::labels::parse_assignments(&self.lines(name)).map_err(|e| e.to_string())
    }

    /// The labels form's changes ([`super::layout::labels_section`]): `set` as `--label`,
    /// `remove` as `--remove-label`, each checked as the CLI checks them; why not, to be shown.
    pub fn label_changes(&self) -> Result<(crate::labels::Labels, Vec<String>), String> {
        let (set, remove) = (self.lines("set"), self.lines("remove"));
        if set.is_empty() && remove.is_empty() {
            return Err(
                "give a label as KEY=VALUE to add or change, or a key to remove".to_owned(),
            );
        }
        if let Some(k) = remove
            .iter()
            .find(|k| set.iter().any(|a| a.split('=').next() == Some(k.as_str())))
        {
            return Err(format!(
                "label `{k}` is both set and removed: give one of them"
            ));
        }
        crate::labels::parse_changes(&set, &remove).map_err(|e| e.to_string())
    }

    async fn read(req: Request, ui: &Arc<Ui>) -> Result<Fields, Response> {
        let multipart = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("multipart/form-data"));
        let bad = |why: String| {
            bare(
                StatusCode::BAD_REQUEST,
                "Bad form",
                html! { p.error role="alert" { "The form could not be read: " (why) } },
            )
        };
        if !multipart {
            let axum::Form(pairs) = axum::Form::<Vec<(String, String)>>::from_request(req, ui)
                .await
                .map_err(|e| bad(e.body_text()))?;
            return Ok(Fields(pairs));
        }
        let mut m = Multipart::from_request(req, ui)
            .await
            .map_err(|e| bad(e.body_text()))?;
        let mut pairs = vec![];
        while let Some(field) = m.next_field().await.map_err(|e| bad(e.body_text()))? {
            let name = field.name().unwrap_or("").to_owned();
            let text = field.text().await.map_err(|e| bad(e.body_text()))?;
            pairs.push((name, text));
        }
        Ok(Fields(pairs))
    }
}

/// A post of a signed-in session that passed every check: the `Origin`, the session, and the
/// form's token for the path it was posted to.
pub struct Posted {
    pub session: Session,
    pub fields: Fields,
}

impl FromRequest<Arc<Ui>> for Posted {
    type Rejection = Response;

    async fn from_request(req: Request, ui: &Arc<Ui>) -> Result<Self, Response> {
        check_origin(req.headers(), ui.app.tls)?;
        let action = req.uri().path().to_owned();
        let (mut parts, body) = req.into_parts();
        let session = Session::from_request_parts(&mut parts, ui).await?;
        let fields = Fields::read(Request::from_parts(parts, body), ui).await?;
        if !valid(session.token(), &action, fields.get(FIELD)) {
            return Err(refused(
                "its form token is missing or not the one this console gave the form",
            ));
        }
        Ok(Posted { session, fields })
    }
}
