//! What the outermost layer notes on each request for the layers and handlers under it: where
//! the guard names the authenticated account for the access log, and the route for the
//! metrics.

use std::sync::{Arc, OnceLock};

/// What the guard notes as soon as it is known (a request extension set by the access log):
/// the authenticated account, so that even a request that then times out is logged with its
/// account; and the template of the route it matched, which `/metrics` counts it under.
#[derive(Clone, Debug, Default)]
pub struct Notes(pub Arc<Noted>);

#[derive(Debug, Default)]
pub struct Noted {
    pub account: OnceLock<String>,
    pub route: OnceLock<&'static str>,
}
