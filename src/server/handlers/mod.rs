//! One file of handlers per resource, as the router ([`super::routes`]) maps the routes of
//! [`crate::api::ROUTES`] to them.

use std::sync::Arc;

use axum::extract::State;
use axum::response::Response;

use crate::server::AppState;
use crate::server::problem::ApiError;

pub mod accounts;
pub mod issuer;
pub mod keys;
pub mod meta;
pub mod namespaces;
pub mod policies;
pub mod reviews;
pub mod tokens;

pub type St = State<Arc<AppState>>;

pub type Answer = Result<Response, ApiError>;
