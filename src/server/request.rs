//! What the outermost layer notes on each request for the layers and handlers under it: where
//! the guard names the authenticated account for the access log.

use std::sync::Arc;

/// Where the guard notes the authenticated account as soon as it is known (a request
/// extension set by the access log), so that even a request that then times out is logged
/// with its account.
#[derive(Clone, Debug, Default)]
pub struct AccountSlot(pub Arc<std::sync::OnceLock<String>>);
