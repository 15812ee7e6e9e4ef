//! Store work from the async handlers: on the blocking pool, and the policies as the store
//! shares them.

use std::sync::Arc;

use super::AppState;
use super::problem::ApiError;
use crate::model::Policy;
use crate::store::Store;

/// Runs store work on the blocking pool.
pub async fn blocking<T: Send + 'static>(
    st: &Arc<AppState>,
    f: impl FnOnce(&dyn Store) -> anyhow::Result<T> + Send + 'static,
) -> Result<T, ApiError> {
    let st = st.clone();
    // Read here: the blocking pool's thread is not the request's task.
    let dry_run = super::dry_run::active();
    let work = move || match st.store.engine() {
        Some(engine) if dry_run => crate::store::dry_run::within(engine, f),
        _ => f(st.store.as_ref()),
    };
    match tokio::task::spawn_blocking(work).await {
        Ok(r) => r.map_err(ApiError::from),
        Err(e) => Err(ApiError::internal(&anyhow::anyhow!(
            "a store task failed: {e}"
        ))),
    }
}

/// Every policy, for a check beyond the route's guard: the store's shared snapshot (from
/// memory when its read cache can answer), never a copy of each record.
pub async fn policies(st: &Arc<AppState>) -> Result<Arc<Vec<Policy>>, ApiError> {
    match st.store.engine().and_then(|e| e.cached_policies()) {
        Some(p) => Ok(p),
        None => blocking(st, |s| crate::store::policy_snapshot(s)).await,
    }
}
