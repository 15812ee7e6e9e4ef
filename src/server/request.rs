//! What the outermost layer notes on each request for the layers and handlers under it: when
//! it arrived, and where the guard names the authenticated account for the access log.

use std::sync::Arc;
use std::time::Instant;

/// When a request arrived (read by the server): the store's read cache answers it with every
/// write finished before then (`Store::cached_account`).
#[derive(Clone, Copy, Debug)]
pub struct Arrived(pub Instant);

impl Arrived {
    /// The arrival noted in `extensions`; now when there is none.
    pub fn of(extensions: &axum::http::Extensions) -> Instant {
        extensions
            .get::<Arrived>()
            .map_or_else(Instant::now, |a| a.0)
    }
}

/// A handler's `Arrived` (never refused: now, without the access-log layer).
impl<S: Send + Sync> axum::extract::FromRequestParts<S> for Arrived {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _state: &S,
    ) -> Result<Self, Self::Rejection> {
        Ok(Arrived(Arrived::of(&parts.extensions)))
    }
}

/// Where the guard notes the authenticated account as soon as it is known (a request
/// extension set by the access log), so that even a request that then times out is logged
/// with its account.
#[derive(Clone, Debug, Default)]
pub struct AccountSlot(pub Arc<std::sync::OnceLock<String>>);
