//! `svcacct serve`: the HTTP API of [`crate::api`] over a store, on axum and hyper (HTTP/1.1),
//! with TLS from rustls (aws-lc-rs) when a certificate is given.
//!
//! Every route comes from [`crate::api::ROUTES`]: the router is built from the table and the
//! guard middleware looks each request's route up in it, so authorization cannot drift from
//! the table. Store calls are synchronous and run on tokio's blocking pool, except answers the
//! server's read cache gives from memory (`Engine::cached_account`,
//! `Engine::cached_policies`, `store/cached.rs`: one read of the registry's generation per
//! request), which the guard and `GET` of an account take inline. The guard remembers the policies' answers per snapshot
//! ([`auth::Decisions`]). A request line too long to serve, or a body announced over the cap
//! with `Expect: 100-continue`, is refused before routing ([`limits`]).
//!
//! The accept loop keeps the connections in a [`conns::Registry`] (a cap in all, and a share
//! per client address that shrinks as addresses come; connections idle or still reading their
//! request head make room for new ones), and a connection is closed once idle for
//! [`conns::FIRST_BYTE_WAIT`] or reading a request head for [`conns::HEAD_WAIT`]. Requests in
//! the router are capped at [`conns::MAX_ROUTED`] but for a client network's first
//! ([`conns::Routed`]; 503 with `Retry-After` over it), and a body has [`conns::BODY_WAIT`].

use std::io::Write;
use std::net::{SocketAddr, ToSocketAddrs};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context as _, Result};
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use jiff::SignedDuration;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::task::JoinSet;
use tokio_rustls::TlsAcceptor;
use tokio_rustls::rustls;

use crate::error::UserError;
use crate::store::Store;
use conns::Watched;

pub mod auth;
pub mod authz;
pub mod blocking;
pub mod conns;
pub mod dry_run;
pub mod extract;
pub mod handlers;
pub mod layer;
pub mod limits;
pub mod log;
pub mod metrics;
pub mod paging;
pub mod problem;
pub mod request;
pub mod respond;
pub mod rotation;
pub mod routes;
pub mod ui;

#[cfg(test)]
mod pinned_tests;

/// How long requests in flight may still run after SIGTERM or Ctrl-C.
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);

/// What the handlers share.
pub struct AppState {
    pub store: Arc<dyn Store + Send + Sync>,
    /// The file store's folder, to name unreadable records relative to it.
    pub store_root: Option<PathBuf>,
    pub auth: auth::Authenticator,
    pub request_timeout: Duration,
    pub account_bodies: handlers::accounts::AccountBodies,
    /// The longest lifetime of a requested token (`serve --max-requested-token-lifetime`).
    pub max_requested_lifetime: SignedDuration,
    /// The shortest (`serve --token-request-min-duration`, 10m unless set).
    pub min_requested_lifetime: SignedDuration,
    /// The last JWKS body, and the fingerprint of what it was made from.
    pub jwks_body: std::sync::Mutex<Option<(Vec<u8>, axum::body::Bytes)>>,
    /// What `GET /metrics` shows; the authenticator holds it too.
    pub metrics: Arc<metrics::Metrics>,
    /// `GET /metrics` needs no token (`serve --unauthenticated-metrics`).
    pub public_metrics: bool,
    /// Served over TLS: the console's cookie is `Secure` and its forms come from `https://`.
    pub tls: bool,
}

impl AppState {
    #[cfg(test)]
    pub fn for_tests() -> AppState {
        let metrics = Arc::new(metrics::Metrics::new(false));
        AppState {
            store: Arc::new(crate::store::memory::MemoryStore::new()),
            store_root: None,
            auth: auth::Authenticator::new(
                SignedDuration::from_hours(1),
                "test".into(),
                metrics.clone(),
            ),
            request_timeout: Duration::from_secs(30),
            account_bodies: Default::default(),
            max_requested_lifetime: crate::issued::DEFAULT_MAX_REQUESTED,
            min_requested_lifetime: crate::issued::MIN_REQUESTED,
            jwks_body: Default::default(),
            metrics,
            public_metrics: false,
            tls: false,
        }
    }
}

/// Everything `serve` needs, resolved from the command line.
pub struct Options {
    pub store: Arc<dyn Store + Send + Sync>,
    pub store_root: Option<PathBuf>,
    pub listen: SocketAddr,
    pub tls: Option<Arc<rustls::ServerConfig>>,
    pub max_token_lifetime: SignedDuration,
    pub max_token_lifetime_source: String,
    pub max_requested_lifetime: SignedDuration,
    pub min_requested_lifetime: SignedDuration,
    pub request_timeout: Duration,
    /// `GET /metrics` needs no token.
    pub public_metrics: bool,
    /// Serve the web console under `/ui/` (`serve --no-ui`: not).
    pub ui: bool,
    /// Rotate the issuer when its signing key has signed for this long
    /// (`serve --issuer-rotation-period`, [`rotation`]).
    pub issuer_rotation_period: Option<SignedDuration>,
}

/// The address to listen on. Plain HTTP only on loopback, unless `insecure`.
pub fn listen_address(listen: &str, tls: bool, insecure: bool) -> Result<SocketAddr, UserError> {
    let addrs: Vec<SocketAddr> = match listen.parse::<SocketAddr>() {
        Ok(a) => vec![a],
        Err(_) => listen
            .to_socket_addrs()
            .map_err(|e| {
                UserError::Usage(format!(
                    "invalid --listen `{}`: {e} (expected ADDR:PORT, e.g. 127.0.0.1:8420)",
                    crate::output::sanitize(listen)
                ))
            })?
            .collect(),
    };
    let Some(first) = addrs.first().copied() else {
        return Err(UserError::Usage(format!(
            "invalid --listen `{}`: it names no address",
            crate::output::sanitize(listen)
        )));
    };
    if !tls && !insecure && !addrs.iter().all(|a| a.ip().is_loopback()) {
        return Err(UserError::Usage(format!(
            "refusing to serve plain HTTP on {first}, which is not a loopback address: tokens \
             would cross the network in clear text; pass --tls-cert and --tls-key, or \
             --insecure-listen if something in front of svcacct terminates TLS"
        )));
    }
    Ok(first)
}

/// The rustls configuration for a PEM certificate chain and its private key.
pub fn tls_config(cert: &Path, key: &Path) -> Result<rustls::ServerConfig> {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer};
    let bad = |what: String| UserError::Failure(what);
    let cert_pem = crate::fsutil::read_small(cert)?;
    let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_slice_iter(&cert_pem)
        .collect::<Result<_, _>>()
        .map_err(|e| {
            bad(format!(
                "--tls-cert {}: not a PEM certificate chain: {e}",
                crate::output::shown_path(cert)
            ))
        })?;
    if certs.is_empty() {
        return Err(bad(format!(
            "--tls-cert {}: no `-----BEGIN CERTIFICATE-----` in it",
            crate::output::shown_path(cert)
        ))
        .into());
    }
    let key_pem = zeroize::Zeroizing::new(crate::fsutil::read_small(key)?);
    let private = PrivateKeyDer::from_pem_slice(&key_pem).map_err(|e| {
        bad(format!(
            "--tls-key {}: not an unencrypted PEM private key (PKCS#8, PKCS#1 or SEC1): {e}",
            crate::output::shown_path(key)
        ))
    })?;
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let mut config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .context("cannot set up TLS")?
        .with_no_client_auth()
        .with_single_cert(certs, private)
        .map_err(|e| {
            bad(format!(
                "--tls-cert {} and --tls-key {} do not make a usable certificate: {e}",
                crate::output::shown_path(cert),
                crate::output::shown_path(key)
            ))
        })?;
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(config)
}

/// Serves until SIGTERM or Ctrl-C, then finishes the requests in flight (at most
/// [`SHUTDOWN_GRACE`]) and prints `Shut down`.
pub fn run(opts: Options) -> Result<()> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the server's runtime")?;
    // The store's last reference goes after the runtime: closing a PostgreSQL connection
    // blocks on a runtime of the `postgres` crate's own, which panics inside this one.
    let store = opts.store.clone();
    let result = rt.block_on(serve(opts));
    rt.shutdown_timeout(Duration::from_secs(1));
    drop(store);
    result
}

async fn serve(opts: Options) -> Result<()> {
    let listener = TcpListener::bind(opts.listen)
        .await
        .map_err(|e| UserError::Failure(format!("cannot listen on {}: {e}", opts.listen)))?;
    let addr = listener.local_addr()?;
    // Signals are caught from here on, before anyone is told where to connect.
    let mut shutdown = Box::pin(shutdown_signal()?);
    {
        let scheme = if opts.tls.is_some() { "https" } else { "http" };
        let mut err = std::io::stderr().lock();
        writeln!(err, "Listening on {scheme}://{addr}")?;
        err.flush()?;
    }
    let metrics = Arc::new(metrics::Metrics::new(
        opts.store.engine().and_then(|e| e.pool()).is_some(),
    ));
    let state = Arc::new(AppState {
        store: opts.store,
        store_root: opts.store_root,
        auth: auth::Authenticator::new(
            opts.max_token_lifetime,
            opts.max_token_lifetime_source,
            metrics.clone(),
        ),
        request_timeout: opts.request_timeout,
        account_bodies: Default::default(),
        max_requested_lifetime: opts.max_requested_lifetime,
        min_requested_lifetime: opts.min_requested_lifetime,
        jwks_body: Default::default(),
        metrics,
        public_metrics: opts.public_metrics,
        tls: opts.tls.is_some(),
    });
    let rotation = opts
        .issuer_rotation_period
        .map(|period| tokio::spawn(rotation::run(state.store.clone(), period)));
    let app = routes::app(state, opts.ui);
    let tls = opts.tls.map(TlsAcceptor::from);
    let (stop_tx, stop_rx) = watch::channel(false);
    let mut tasks = JoinSet::new();
    let mut registry = conns::Registry::default();
    let routed = conns::Routed::new();
    loop {
        tokio::select! {
            _ = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, peer)) => {
                    // Refused: the stream is dropped (closed) with the closure.
                    registry.open(peer.ip(), |slot| {
                        let track =
                            conns::Track::new(app.clone(), slot.clone(), routed.clone(), peer.ip());
                        tasks.spawn(connection(
                            stream,
                            slot,
                            track,
                            tls.clone(),
                            opts.request_timeout,
                            stop_rx.clone(),
                        ))
                    });
                }
                Err(e) => {
                    // Out of file descriptors and the like: wait rather than spin.
                    crate::errln!("svcacct: cannot accept a connection: {e}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
            },
            Some(ended) = tasks.join_next_with_id(), if !tasks.is_empty() => {
                registry.closed(match ended {
                    Ok((id, ())) => id,
                    Err(e) => e.id(),
                });
            }
        }
    }
    drop(listener);
    if let Some(rotation) = rotation {
        rotation.abort();
        let _ = rotation.await;
    }
    let _ = stop_tx.send(true);
    let drain = async { while tasks.join_next().await.is_some() {} };
    if tokio::time::timeout(SHUTDOWN_GRACE, drain).await.is_err() {
        crate::errln!(
            "svcacct: {} connection(s) still busy after {}s were closed",
            tasks.len(),
            SHUTDOWN_GRACE.as_secs()
        );
        tasks.abort_all();
    }
    let mut err = std::io::stderr().lock();
    writeln!(err, "Shut down")?;
    err.flush()?;
    Ok(())
}

/// Resolves at the first SIGTERM or SIGINT.
fn shutdown_signal() -> Result<impl Future<Output = ()>> {
    use tokio::signal::unix::{SignalKind, signal};
    let mut term = signal(SignalKind::terminate()).context("cannot catch SIGTERM")?;
    let mut int = signal(SignalKind::interrupt()).context("cannot catch SIGINT")?;
    Ok(async move {
        tokio::select! {
            _ = term.recv() => {}
            _ = int.recv() => {}
        }
    })
}

/// Serves one connection until it ends, or until it has been idle or reading a request head
/// (or its TLS handshake) for too long ([`conns::watch`]): then it is dropped, closed.
async fn connection(
    stream: TcpStream,
    slot: Arc<conns::Slot>,
    track: conns::Track,
    tls: Option<TlsAcceptor>,
    timeout: Duration,
    mut stop: watch::Receiver<bool>,
) {
    let _ = stream.set_nodelay(true);
    let head_wait = conns::head_wait(timeout);
    let serve = async {
        match tls {
            None => http(Watched::new(stream, slot.clone()), track, head_wait, stop).await,
            Some(acceptor) => {
                // The handshake's first byte is the connection's first: it has the idle wait.
                // Then the handshake has the wait of a request head, as a head does, and can
                // be closed to make room like one (`peek`, not `readable`, which is ready at
                // once on a new connection).
                let mut first = [0u8];
                tokio::select! {
                    r = stream.peek(&mut first) => if !matches!(r, Ok(1..)) { return },
                    _ = stop.changed() => return,
                }
                slot.head_begins();
                let stream = tokio::select! {
                    r = acceptor.accept(stream) => match r {
                        Ok(s) => s,
                        // A failed handshake: nothing to answer.
                        Err(_) => return,
                    },
                    _ = stop.changed() => return,
                };
                // Waiting for the first request.
                slot.idle();
                http(Watched::new(stream, slot.clone()), track, head_wait, stop).await
            }
        }
    };
    tokio::select! {
        () = serve => {}
        () = conns::watch(&slot, head_wait) => {}
    }
}

async fn http<S>(
    io: Watched<S>,
    track: conns::Track,
    head_wait: Duration,
    mut stop: watch::Receiver<bool>,
) where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
{
    let mut builder = http1::Builder::new();
    // A backstop: `conns::watch` cuts off a slow head sooner.
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(conns::hyper_header_timeout(head_wait));
    let service = TowerToHyperService::new(track);
    let conn = builder.serve_connection(TokioIo::new(io), service);
    tokio::pin!(conn);
    tokio::select! {
        _ = conn.as_mut() => {}
        _ = stop.changed() => {
            conn.as_mut().graceful_shutdown();
            let _ = conn.await;
        }
    }
}
