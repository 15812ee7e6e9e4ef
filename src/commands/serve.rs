//! `svcacct serve`: share the store over HTTP(S).

use std::io::Write;
use std::sync::Arc;

use anyhow::Result;

use crate::cli::ServeArgs;
use crate::context::open::{Backend, Reads, needs_folder, open};
use crate::context::{Context, StoreLocation};
use crate::error::{Exit, UserError};
use crate::server::{self, Options};

/// What serves a store folder or database, and never another server's store.
const SERVES: &str =
    "`svcacct serve` (it serves a store folder or a postgres:// database, not another server)";

pub fn run(ctx: &Context, args: &ServeArgs, _out: &mut dyn Write) -> Result<Exit> {
    let store_path = match &ctx.store_location {
        StoreLocation::Postgres(_) => None,
        _ => Some(ctx.local_store_path(SERVES)?.to_path_buf()),
    };
    let request_timeout = crate::time::parse_duration(&args.request_timeout)?;
    if request_timeout <= jiff::SignedDuration::ZERO {
        return Err(UserError::Usage("--request-timeout must be longer than 0s".into()).into());
    }
    let (max_token_lifetime, max_token_lifetime_source) = match &args.max_token_lifetime {
        Some(v) => (
            crate::time::parse_duration(v)?,
            "--max-token-lifetime".to_owned(),
        ),
        None => (
            ctx.max_token_lifetime,
            ctx.max_token_lifetime_source.clone(),
        ),
    };
    let min_requested_lifetime = crate::time::parse_duration(&args.token_request_min_duration)?;
    let shortest = crate::issued::SHORTEST_REQUESTED;
    if min_requested_lifetime < shortest || min_requested_lifetime.subsec_nanos() != 0 {
        return Err(UserError::Usage(format!(
            "--token-request-min-duration must be whole seconds, at least {shortest:#} (for tests \
             and demos; keep the default, 10m, in production)"
        ))
        .into());
    }
    let max_requested_lifetime = crate::time::parse_duration(&args.max_requested_token_lifetime)?;
    if max_requested_lifetime < min_requested_lifetime {
        return Err(UserError::Usage(format!(
            "--max-requested-token-lifetime must be at least {min_requested_lifetime:#}, the \
             shortest lifetime a token may be requested for (--token-request-min-duration)"
        ))
        .into());
    }
    let issuer_rotation_period = match &args.issuer_rotation_period {
        None => None,
        Some(v) => Some(rotation_period(v)?),
    };
    let listen =
        server::listen_address(&args.listen, args.tls_cert.is_some(), args.insecure_listen)?;
    let tls = match (&args.tls_cert, &args.tls_key) {
        (Some(cert), Some(key)) => Some(Arc::new(server::tls_config(cert, key)?)),
        _ => None,
    };
    let store: Arc<dyn crate::store::Store + Send + Sync> = match open(
        &ctx.store_location,
        Reads::ServerCache,
        None,
        ctx.issuer_kek_file.as_deref(),
        |url| Err(needs_folder(SERVES, url).into()),
    )? {
        Backend::Served(store) => Arc::from(store),
        Backend::Local(_) | Backend::Postgres(_) | Backend::DryRun(_) => {
            unreachable!("`Reads::ServerCache` opens the cached store")
        }
        Backend::Remote(_) => unreachable!("a URL is refused by `open`'s `auth`"),
    };
    if let Some(url) = &args.issuer_url {
        // Before listening: the first line on stderr stays the `Listening on` line.
        crate::registry::issuer::set_url(crate::store::local(store.as_ref())?, url, false)?;
    }
    if issuer_rotation_period.is_some() {
        refuse_hmac_rotation(crate::store::local(store.as_ref())?)?;
    }
    server::run(Options {
        store,
        store_root: store_path,
        listen,
        tls,
        max_token_lifetime,
        max_token_lifetime_source,
        max_requested_lifetime,
        min_requested_lifetime,
        request_timeout: std::time::Duration::try_from(request_timeout)?,
        public_metrics: args.unauthenticated_metrics,
        ui: !args.no_ui,
        issuer_rotation_period,
    })?;
    Ok(Exit::Success)
}

/// `--issuer-rotation-period`: at least `MIN_ROTATION_PERIOD`, so that the new key, published
/// for half the period at most, starts signing before the next check finds the rotation due.
fn rotation_period(v: &str) -> Result<jiff::SignedDuration> {
    let period = crate::time::parse_duration(v)?;
    let min = crate::registry::issuer::MIN_ROTATION_PERIOD;
    if period < min {
        return Err(UserError::Usage(format!(
            "--issuer-rotation-period must be at least {min:#}: a new key is published for half \
             the period (at most the JWKS's max-age, 5m unless `svcacct issuer \
             set-jwks-max-age` changed it) before it signs; for verifiers that cache the JWKS, \
             use at least twice its max-age (e.g. --issuer-rotation-period 30d)"
        ))
        .into());
    }
    Ok(period)
}

/// Automatic rotation of an HS256 issuer is refused at start: its new secret has to come from
/// the operator (`svcacct issuer rotate --secret-file`). An issuer made HS256 later is skipped
/// by the rotation task, which says so once.
fn refuse_hmac_rotation(b: &dyn crate::store::engine::Engine) -> Result<()> {
    match b.read_issuer().map_err(UserError::from)? {
        Some(r) if r.algorithm != crate::model::IssuerAlgorithm::RS256 => {
            Err(UserError::Usage(format!(
                "--issuer-rotation-period: the store's issuer `{}` is {}, and a new HMAC secret \
                 has to come from you: rotate it with `svcacct issuer rotate --secret-file FILE` \
                 (leave out --issuer-rotation-period)",
                r.id,
                r.algorithm.as_str()
            ))
            .into())
        }
        _ => Ok(()),
    }
}
