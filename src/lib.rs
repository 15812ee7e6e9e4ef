//! svcacct: service accounts for machines — RSA keys, policies and short-lived JWTs.
//!
//! The binary (`src/main.rs`) only parses the command line, resolves a [`context::Context`],
//! dispatches to [`commands`] and turns the result into an exit code.

#![deny(clippy::print_stderr, clippy::print_stdout)]

pub mod api;
pub mod cli;
pub mod commands;
pub mod context;
pub mod docs;
pub mod error;
pub mod format;
pub mod fsutil;
pub mod identity;
pub mod issued;
pub mod jsonpath;
pub mod keys;
pub mod keystore;
pub mod labels;
pub mod logging;
pub mod model;
pub mod output;
pub mod policy;
pub mod registry;
pub mod secret;
pub mod secret_args;
pub mod server;
pub mod sigcache;
pub mod store;
pub mod time;
pub mod token;
