//! The console's requests to the API, in the process: the same router, guard, authorization
//! and handlers as a request over the network, with the session's token as the bearer. The
//! access log has one line per console request (the outer one), naming its account.

use axum::body::Body;
use axum::http::{HeaderValue, Method, Request, header};
use serde::Serialize;
use serde::de::DeserializeOwned;
use tower::ServiceExt as _;

use super::session::Session;
use crate::api::{Problem, code};

impl Session {
    /// Sends `method path` (a path of the API) with `body` as JSON, and `If-Match: "rev"`;
    /// the answer's body, or its problem.
    pub async fn call(
        &self,
        method: Method,
        path: &str,
        body: Option<Vec<u8>>,
        if_match: Option<u64>,
    ) -> Result<axum::body::Bytes, Box<Problem>> {
        let mut req = Request::builder().method(method).uri(path);
        let bearer = format!("Bearer {}", self.token());
        let mut auth = HeaderValue::from_str(&bearer).map_err(|_| internal("bad token"))?;
        auth.set_sensitive(true);
        req = req.header(header::AUTHORIZATION, auth);
        if body.is_some() {
            req = req.header(header::CONTENT_TYPE, "application/json");
        }
        if let Some(rev) = if_match {
            req = req.header(header::IF_MATCH, crate::api::etag(rev));
        }
        let mut req = req
            .body(body.map(Body::from).unwrap_or_else(Body::empty))
            .map_err(|e| internal(&e.to_string()))?;
        if let Some(notes) = &self.notes {
            req.extensions_mut().insert(notes.clone());
        }
        let res = match self.ui.api.clone().oneshot(req).await {
            Ok(res) => res,
            Err(never) => match never {},
        };
        let status = res.status();
        let bytes = axum::body::to_bytes(res.into_body(), usize::MAX)
            .await
            .map_err(|e| internal(&e.to_string()))?;
        if status.is_success() {
            return Ok(bytes);
        }
        Err(Box::new(
            serde_json::from_slice::<Problem>(&bytes).unwrap_or_else(|_| {
                Problem::new(
                    status.as_u16(),
                    code::INTERNAL,
                    "the API's answer was unreadable",
                )
            }),
        ))
    }

    /// `GET path`, as `T`.
    pub async fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, Box<Problem>> {
        let bytes = self.call(Method::GET, path, None, None).await?;
        decode(&bytes)
    }

    /// `method path` with `body`, the answer as `T`.
    pub async fn send<T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        body: &impl Serialize,
        if_match: Option<u64>,
    ) -> Result<T, Box<Problem>> {
        let json = serde_json::to_vec(body).map_err(|e| internal(&e.to_string()))?;
        let bytes = self.call(method, path, Some(json), if_match).await?;
        decode(&bytes)
    }
}

fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, Box<Problem>> {
    serde_json::from_slice(bytes)
        .map_err(|e| internal(&format!("the API's answer was unreadable: {e}")))
}

fn internal(why: &str) -> Box<Problem> {
    crate::errln!("svcacct: console: {why}");
    Box::new(Problem::new(
        500,
        code::INTERNAL,
        "the console could not carry out the request (see the server's log)",
    ))
}
