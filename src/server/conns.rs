//! The connections of `svcacct serve`: how many are served, from whom, and how long one may
//! take. One client, or a few, must not take the server away from everyone else by holding
//! connections open (issue 12, point 7).
//!
//! Why an accept loop of our own rather than `axum::serve` or axum-server: those accept every
//! connection and serve it until it closes, with no count per client address, no eviction of
//! an idle connection to make room for a newcomer, and no deadline per phase (first byte, head,
//! body); the trust-boundaries review showed a few clients holding connections open took the
//! server away from everyone (`tests/serve_limits.rs` reproduces those attacks). Each connection
//! is still served by hyper-util (`serve_connection`, with hyper's graceful shutdown).
//!
//! A connection is in one of three phases ([`Slot`]):
//! - *idle*: no request on it: from its accept until a byte comes (for TLS, the handshake's
//!   first byte; after the handshake, the first request's), and from each answer (handed to
//!   hyper to write) until the next request's first byte. At most [`FIRST_BYTE_WAIT`].
//! - *head*: a TLS handshake, or a request head being read, not yet handed to the router. At
//!   most [`HEAD_WAIT`] from its first byte ([`head_wait`]).
//! - *routed*: hyper has handed the request to the router, until the last of the answer is
//!   handed back (so a client that does not read its answer holds an idle connection). Its body
//!   has at most [`BODY_WAIT`] from then ([`BodyDeadline`]), and the whole request
//!   `--request-timeout` (`super::layer::access_log`): a handler waiting on the store has that.
//!   Only authenticated routes read a body: an anonymous request is routed only while the
//!   server answers it.
//!
//! The accept loop's [`Registry`] counts connections in all and per client [`Address`]. An
//! address may hold its *share* ([`Registry::share`]): [`MAX_CONNECTIONS`] divided among the
//! addresses holding connections plus one, between [`MIN_PER_ADDRESS`] and
//! [`MAX_PER_ADDRESS`]; so the addresses present, each at its share, leave room for another,
//! whatever phase their connections are in. At its share, an address's newcomer closes that
//! address's connection that has been idle or in its head the longest; at [`MAX_CONNECTIONS`],
//! a newcomer closes the one of the address holding the most. A newcomer is refused only when
//! there is no such connection to close: a request that the router handles is never cut off to
//! make room. [`watch`] closes a connection idle or in its head for too long.
//!
//! Routed connections, never closed, are capped too ([`Routed`]): at most [`MAX_ROUTED`]
//! requests are routed at once, except that the request of a [`Network`] holding none is always
//! routed. The other [`MAX_CONNECTIONS`] − [`MAX_ROUTED`] connections are thus idle, in their
//! head, or routed for networks that had nothing in the router, so a newcomer finds a connection
//! to close and room in the router for its request. A request over the cap is not routed but
//! answered at once, 503 with `Retry-After`, and its connection closed ([`busy`]): only networks
//! already holding routed requests are refused. A request is routed for milliseconds, unless
//! its body comes slowly (at most [`BODY_WAIT`]) or its handler waits on the store (at most
//! `--request-timeout`); to hold every connection in the router takes 128 networks besides those
//! holding the first [`MAX_ROUTED`], each sending a request again at least every [`BODY_WAIT`].
//!
//! The phase of a connection is one atomic word that the connection's task writes ([`Watched`]
//! on every read, [`Track`] around every request) and the accept loop claims with a
//! compare-and-swap: it closes a connection only if it is still in the phase, since the instant,
//! it saw. A request is handed to the router only if its connection is not being closed, so a
//! request is either routed or lost with its connection before any of it runs (a client then
//! sees its connection close without an answer, as with any idle timeout; HTTP clients retry an
//! idempotent request on a kept-alive connection that closes).

use std::collections::HashMap;
use std::convert::Infallible;
use std::io;
use std::net::{IpAddr, Ipv6Addr};
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Bytes;
use axum::http::{HeaderValue, Request, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::future::RouteFuture;
use hyper::body::{Body as HttpBody, Frame, Incoming, SizeHint};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::task::{AbortHandle, Id};

use super::limits;
use super::problem::ApiError;
use crate::api::code;

/// Most connections open at once, so that idle or slow clients cannot use up the process's file
/// descriptors (which the store needs too) and stop `accept` for everyone. At it, a
/// connection that is idle or in its head is closed to make room ([`Registry::open`]).
pub const MAX_CONNECTIONS: usize = 512;

/// The largest share of one client [`Address`] (the share of up to 3 addresses): a quarter of
/// [`MAX_CONNECTIONS`], and twice the 64 keep-alive connections that `bench/serve` drives from
/// 127.0.0.1. A share bounds what an address has *routed* at once, not what it has open: a
/// reverse proxy or a NAT in front of the server is one address, and its connections beyond
/// its share that are idle or in their head are closed to make room for its new ones.
pub const MAX_PER_ADDRESS: usize = 128;

/// The smallest share of one client [`Address`], however many addresses hold connections: a
/// browser opens 6 connections to a host. It binds from 64 addresses on, where the shares add
/// up to [`MAX_CONNECTIONS`]: then the cap in all decides who makes room, and [`MAX_ROUTED`]
/// keeps some of it for newcomers.
pub const MIN_PER_ADDRESS: usize = 8;

/// Most requests routed at once, but for that of a [`Network`] holding none ([`Routed::enter`]):
/// three quarters of [`MAX_CONNECTIONS`]. Routed connections are the ones never closed to make
/// room; under this cap the other 128 are idle, in their head, or routed for networks that had
/// none, so a newcomer's connection finds one to close and its request is routed. A request
/// over it is answered 503 at once ([`busy`]). Three times [`MAX_PER_ADDRESS`], it binds only
/// when several clients hold routed requests at once (`bench/serve` drives 64 keep-alive
/// connections from one address): a request is routed for milliseconds unless its client sends
/// its body slowly (for at most [`BODY_WAIT`]) or its handler waits on the store.
pub const MAX_ROUTED: usize = 384;

/// The `Retry-After` of a request over [`MAX_ROUTED`], in seconds: requests are routed for
/// milliseconds unless their client keeps them there, so a burst is over by then.
pub const BUSY_RETRY_AFTER_SECS: u32 = 1;

/// How long a connection may stay idle: until the first byte of its first request (after its
/// TLS handshake, for TLS; before it, until the handshake's first byte), and between the
/// requests of a keep-alive session. Apache's `KeepAliveTimeout` default: ample for a client
/// that connects to send a request, even over a slow link; HTTP clients that pool connections
/// expect an idle one to be closed (ureq, the remote store's client, probes a pooled
/// connection before reusing it).
pub const FIRST_BYTE_WAIT: Duration = Duration::from_secs(5);

/// How long a request head (its line and headers, a few hundred bytes to 8 KiB) or a TLS
/// handshake may take from its first byte, unless `--request-timeout` is shorter
/// ([`head_wait`]): seconds even over a slow link, while a client that trickles a head a byte
/// at a time (slowloris) holds its connection no longer than this, not for `--request-timeout`.
pub const HEAD_WAIT: Duration = Duration::from_secs(10);

/// The wait for a whole request head or TLS handshake under `--request-timeout`, which bounds
/// the whole request.
pub fn head_wait(request_timeout: Duration) -> Duration {
    HEAD_WAIT.min(request_timeout)
}

/// How long a request's body may take to arrive once its head has (once it is routed), unless
/// `--request-timeout` is shorter ([`body_wait`]); then the request is answered 408. A body is
/// at most 64 KiB (`api::MAX_BODY_BYTES`): in 10 s that is 6.5 KB/s, which any link a client
/// talks to the server over outruns, and bodies are most often a few hundred bytes. A client
/// that sends its body a byte at a time thus holds a routed request, which is never closed to
/// make room, for this long rather than for `--request-timeout`; a handler waiting on the store
/// still has `--request-timeout`.
pub const BODY_WAIT: Duration = Duration::from_secs(10);

/// The wait for a whole request body under `--request-timeout`.
pub fn body_wait(request_timeout: Duration) -> Duration {
    BODY_WAIT.min(request_timeout)
}

/// hyper's own `header_read_timeout` for a head wait of `head`. hyper runs it from when it
/// starts waiting for a request head, so it spans the idle wait and the head: set to both, it
/// never cuts off a head that [`watch`] lets through (it is a backstop).
pub fn hyper_header_timeout(head: Duration) -> Duration {
    FIRST_BYTE_WAIT + head
}

/// A routed connection.
const ROUTED: u64 = 0;
/// A connection being closed (by the registry, or by its own [`watch`]).
const CLOSING: u64 = u64::MAX;
/// The low bit of an idle or head word: set for a head.
const HEAD_BIT: u64 = 1;

/// The phase of a connection, and since when for an idle one or a head (nanoseconds after its
/// slot's epoch).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Idle(u64),
    Head(u64),
    Routed,
    Closing,
}

impl State {
    /// As one word: [`ROUTED`], [`CLOSING`], or the instant shifted left with [`HEAD_BIT`] for a
    /// head (never either of the others: the instant is at least 1 and under 2^62).
    fn word(self) -> u64 {
        match self {
            State::Routed => ROUTED,
            State::Closing => CLOSING,
            State::Idle(at) => at << 1,
            State::Head(at) => (at << 1) | HEAD_BIT,
        }
    }

    fn of(word: u64) -> State {
        match word {
            ROUTED => State::Routed,
            CLOSING => State::Closing,
            w if w & HEAD_BIT == HEAD_BIT => State::Head(w >> 1),
            w => State::Idle(w >> 1),
        }
    }

    /// Since when it is idle or in its head; None when routed or closing.
    fn since(self) -> Option<u64> {
        match self {
            State::Idle(at) | State::Head(at) => Some(at),
            State::Routed | State::Closing => None,
        }
    }
}

/// The phase of one connection, shared by its task and the accept loop.
#[derive(Debug)]
pub struct Slot {
    state: AtomicU64,
    epoch: Instant,
}

impl Slot {
    /// A connection accepted now: idle, since now.
    fn new(epoch: Instant) -> Slot {
        let slot = Slot {
            state: AtomicU64::new(0),
            epoch,
        };
        slot.state
            .store(State::Idle(slot.now()).word(), Ordering::Release);
        slot
    }

    /// Now, in nanoseconds after the epoch: at least 1, under 2^62 (146 years).
    fn now(&self) -> u64 {
        let nanos = Instant::now()
            .saturating_duration_since(self.epoch)
            .as_nanos();
        u64::try_from(nanos)
            .unwrap_or(u64::MAX)
            .clamp(1, (1 << 62) - 1)
    }

    /// The instant `at` of an idle or head state.
    fn instant(&self, at: u64) -> Instant {
        self.epoch + Duration::from_nanos(at)
    }

    fn state(&self) -> State {
        State::of(self.state.load(Ordering::Acquire))
    }

    /// Moves from `from` to `to`; false when the state is no longer `from`.
    fn swap(&self, from: State, to: State) -> bool {
        self.state
            .compare_exchange(from.word(), to.word(), Ordering::AcqRel, Ordering::Acquire)
            .is_ok()
    }

    /// A byte has come on an idle connection: a request head (or a TLS handshake) begins, and
    /// has [`HEAD_WAIT`]. Any other phase stays (a routed request reads its body).
    pub fn head_begins(&self) {
        if let State::Idle(at) = self.state() {
            // Fails only when the registry or the watch has just claimed it: then it closes.
            let _ = self.swap(State::Idle(at), State::Head(self.now()));
        }
    }

    /// hyper hands a request to the router: routed, unless the connection is being closed
    /// (then false, and the request must not run).
    pub fn route(&self) -> bool {
        loop {
            let state = self.state();
            match state {
                State::Routed => return true,
                State::Closing => return false,
                State::Idle(_) | State::Head(_) => {
                    if self.swap(state, State::Routed) {
                        return true;
                    }
                }
            }
        }
    }

    /// The answer is handed over, or the TLS handshake is done: idle from now until the next
    /// request's first byte. A closing connection stays closing.
    pub fn idle(&self) {
        loop {
            let state = self.state();
            if matches!(state, State::Closing | State::Idle(_))
                || self.swap(state, State::Idle(self.now()))
            {
                return;
            }
        }
    }

    /// Claims the connection for closing if it is still in `state`, idle or in its head since
    /// the same instant.
    fn close_if(&self, state: State) -> bool {
        state.since().is_some() && self.swap(state, State::Closing)
    }
}

/// Resolves when the connection of `slot` has been idle for [`FIRST_BYTE_WAIT`] or in its head
/// for `head` (see [`head_wait`]), or is being closed by the registry: the connection's task then
/// drops the connection. (One timer per connection, reset only when it fires: a routed
/// connection costs nothing per request.)
pub async fn watch(slot: &Slot, head: Duration) {
    watch_for(slot, FIRST_BYTE_WAIT, head).await;
}

async fn watch_for(slot: &Slot, idle: Duration, head: Duration) {
    let mut next = Instant::now();
    loop {
        tokio::time::sleep_until(next.into()).await;
        let now = Instant::now();
        let state = slot.state();
        let due = match state {
            State::Closing => return,
            // Idle or in a head at the earliest from now on, so due at the earliest then.
            State::Routed => now + idle.min(head),
            State::Idle(at) => slot.instant(at) + idle,
            State::Head(at) => slot.instant(at) + head,
        };
        if due > now {
            next = due;
        } else if slot.close_if(state) {
            return;
        }
        // Otherwise its phase changed just now: look again at once.
    }
}

/// The stream of a connection, read by hyper (for TLS, the decrypted stream): a read that brings
/// bytes to an idle connection begins a request head ([`Slot::head_begins`]).
pub struct Watched<S> {
    inner: S,
    slot: Arc<Slot>,
}

impl<S> Watched<S> {
    pub fn new(inner: S, slot: Arc<Slot>) -> Watched<S> {
        Watched { inner, slot }
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for Watched<S> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let before = buf.filled().len();
        let read = Pin::new(&mut this.inner).poll_read(cx, buf);
        if buf.filled().len() > before {
            this.slot.head_begins();
        }
        read
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Watched<S> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().inner).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().inner).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_shutdown(cx)
    }
}

/// The application for one connection, as a service for hyper: the connection is routed from
/// when hyper calls it with a request ([`Slot::route`]) until hyper drops the answer's body,
/// which it does once the last of it is in its write buffer; the request holds a [`Ticket`] of
/// [`Routed`] as long. A request over [`MAX_ROUTED`] is not routed: it is answered [`busy`]. A
/// request whose connection is being closed is not routed either: it gets a bare 503 with
/// `Connection: close` (which nobody is expected to see: the connection's task is being
/// aborted).
#[derive(Clone)]
pub struct Track {
    app: Router,
    slot: Arc<Slot>,
    routed: Arc<Routed>,
    network: Network,
}

impl Track {
    /// The application `app` for the connection of `slot`, from the client `ip`.
    pub fn new(app: Router, slot: Arc<Slot>, routed: Arc<Routed>, ip: IpAddr) -> Track {
        Track {
            app,
            slot,
            routed,
            network: Network::of(ip),
        }
    }
}

impl tower::Service<Request<Incoming>> for Track {
    type Response = Response<Tracked<axum::body::Body>>;
    type Error = Infallible;
    type Future = Routing;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        tower::Service::<Request<Incoming>>::poll_ready(&mut self.app, cx)
    }

    fn call(&mut self, req: Request<Incoming>) -> Routing {
        // The ticket first: a request over the cap leaves its connection idle or in its head,
        // a candidate to make room, while its answer is written.
        let mut routing = Routing {
            routed: None,
            ticket: None,
            refused: None,
            slot: self.slot.clone(),
        };
        match self.routed.enter(self.network) {
            None => {
                super::log::write(
                    &limits::cut(req.method().as_str(), limits::MAX_METHOD_BYTES),
                    &limits::cut(req.uri().path(), limits::ECHO_BYTES),
                    StatusCode::SERVICE_UNAVAILABLE.as_u16(),
                    None,
                    Duration::ZERO,
                );
                routing.refused = Some(busy());
            }
            Some(ticket) if self.slot.route() => {
                routing.routed = Some(self.app.call(req));
                routing.ticket = Some(ticket);
            }
            Some(_) => {
                let mut res = Response::new(axum::body::Body::empty());
                *res.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
                res.headers_mut()
                    .insert(header::CONNECTION, HeaderValue::from_static("close"));
                routing.refused = Some(res);
            }
        }
        routing
    }
}

/// The answer to a request over [`MAX_ROUTED`]: 503 `unavailable` with `Retry-After`
/// ([`BUSY_RETRY_AFTER_SECS`]), and `Connection: close`, since its body is not read (and so
/// that its connection makes room at once).
pub fn busy() -> Response {
    let mut res = ApiError::new(
        503,
        code::UNAVAILABLE,
        format!(
            "the server is busy: {MAX_ROUTED} requests are being answered, some of them from \
             your network; retry after {BUSY_RETRY_AFTER_SECS} s"
        ),
    )
    .into_response();
    let headers = res.headers_mut();
    headers.insert(
        header::RETRY_AFTER,
        HeaderValue::from(BUSY_RETRY_AFTER_SECS),
    );
    headers.insert(header::CONNECTION, HeaderValue::from_static("close"));
    res
}

/// The answer of a [`Track`]: the router's, or one made without routing the request.
pub struct Routing {
    /// The router's answer to come, when the request is routed.
    routed: Option<RouteFuture<Infallible>>,
    /// The routed request's place, handed on to its answer's body.
    ticket: Option<Ticket>,
    /// The answer, when the request is not routed.
    refused: Option<Response>,
    slot: Arc<Slot>,
}

impl Future for Routing {
    type Output = Result<Response<Tracked<axum::body::Body>>, Infallible>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.get_mut();
        let res = match &mut this.routed {
            Some(routed) => match Pin::new(routed).poll(cx) {
                Poll::Ready(Ok(res)) => res,
                Poll::Ready(Err(never)) => match never {},
                Poll::Pending => return Poll::Pending,
            },
            None => this.refused.take().unwrap_or_default(),
        };
        let (slot, ticket) = (this.slot.clone(), this.ticket.take());
        Poll::Ready(Ok(res.map(|body| Tracked {
            body,
            slot,
            _ticket: ticket,
        })))
    }
}

/// An answer's body that makes its connection idle, and gives back its request's [`Ticket`],
/// when dropped.
pub struct Tracked<B> {
    body: B,
    slot: Arc<Slot>,
    _ticket: Option<Ticket>,
}

impl<B> Drop for Tracked<B> {
    fn drop(&mut self) {
        self.slot.idle();
    }
}

impl<B: HttpBody + Unpin> HttpBody for Tracked<B> {
    type Data = B::Data;
    type Error = B::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<B::Data>, B::Error>>> {
        Pin::new(&mut self.get_mut().body).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.body.size_hint()
    }
}

/// A request's body that fails once [`BODY_WAIT`] (see [`body_wait`]) is over and it has not all
/// come, and notes that it did (`late`): `super::layer::access_log` then answers 408 whatever
/// the handler made of the failure. It costs a timer only once the body is waited for.
pub struct BodyDeadline<B> {
    body: B,
    at: Instant,
    timer: Option<Pin<Box<tokio::time::Sleep>>>,
    late: Arc<AtomicBool>,
}

impl<B> BodyDeadline<B> {
    pub fn new(body: B, at: Instant, late: Arc<AtomicBool>) -> BodyDeadline<B> {
        BodyDeadline {
            body,
            at,
            timer: None,
            late,
        }
    }
}

/// What a [`BodyDeadline`] fails with.
#[derive(Debug)]
pub struct BodyLate;

impl std::fmt::Display for BodyLate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the request body did not arrive in time")
    }
}

impl std::error::Error for BodyLate {}

impl<B> HttpBody for BodyDeadline<B>
where
    B: HttpBody<Data = Bytes, Error = axum::Error> + Unpin,
{
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        let this = self.get_mut();
        if let Poll::Ready(frame) = Pin::new(&mut this.body).poll_frame(cx) {
            return Poll::Ready(frame);
        }
        let at = this.at;
        let timer = this
            .timer
            .get_or_insert_with(|| Box::pin(tokio::time::sleep_until(at.into())));
        match timer.as_mut().poll(cx) {
            Poll::Ready(()) => {
                this.late.store(true, Ordering::Release);
                Poll::Ready(Some(Err(axum::Error::new(BodyLate))))
            }
            Poll::Pending => Poll::Pending,
        }
    }

    fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.body.size_hint()
    }
}

/// Whom a connection is counted against: its IPv4 address, or the /64 prefix of its IPv6 one
/// (a host or a site is given a whole /64, so its addresses are as good as one; an IPv4 address
/// mapped into IPv6 counts as itself).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Address(IpAddr);

impl Address {
    pub fn of(ip: IpAddr) -> Address {
        Address(prefix(ip, 64))
    }
}

/// Whom routed requests are counted against for [`MAX_ROUTED`]: an IPv4 address, or the /48
/// prefix of an IPv6 one. A site or a home is delegated a /48 or a /56, that is 65,536 or 256
/// /64s, each an [`Address`] of its own: counted per /64, one such client would be hundreds of
/// newcomers. (Connections are still shared per [`Address`]: their share is what an address
/// has routed at most, and idle ones make room.)
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Network(IpAddr);

impl Network {
    pub fn of(ip: IpAddr) -> Network {
        Network(prefix(ip, 48))
    }
}

/// `ip` itself when IPv4 (or IPv4 mapped into IPv6), else its first `bits` bits.
fn prefix(ip: IpAddr, bits: u32) -> IpAddr {
    match ip {
        IpAddr::V4(v4) => IpAddr::V4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => IpAddr::V6(Ipv6Addr::from(u128::from(v6) & (u128::MAX << (128 - bits)))),
        },
    }
}

/// The requests routed (each from when hyper hands it to the router until the last of its
/// answer is handed back), in all and per [`Network`]: shared by the connections' tasks, and
/// changed twice per request, under a lock held for a map update.
pub struct Routed {
    max: usize,
    counts: Mutex<Counts>,
}

#[derive(Default)]
struct Counts {
    all: usize,
    /// Routed requests per network; a network holding none is not in it.
    per_network: HashMap<Network, usize>,
}

impl Routed {
    /// At most [`MAX_ROUTED`], but for the first of a network.
    pub fn new() -> Arc<Routed> {
        Routed::with_cap(MAX_ROUTED)
    }

    fn with_cap(max: usize) -> Arc<Routed> {
        Arc::new(Routed {
            max,
            counts: Mutex::default(),
        })
    }

    fn counts(&self) -> MutexGuard<'_, Counts> {
        self.counts.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The ticket of a request from `network`, to hold while it is routed; None when
    /// [`MAX_ROUTED`] requests are routed and `network` holds one of them already. Beyond the
    /// cap, the request of a network holding none is routed: a newcomer's always is, and a
    /// network takes at most one of the connections kept for newcomers. (Refusing only the
    /// network holding the most would let the others climb to its count there: one network at
    /// its share first, then the others up to it, would fill the server.) Routed requests are
    /// no more than the connections, [`MAX_CONNECTIONS`].
    pub fn enter(self: &Arc<Self>, network: Network) -> Option<Ticket> {
        let mut counts = self.counts();
        let held = counts.per_network.get(&network).copied().unwrap_or(0);
        if counts.all >= self.max && held > 0 {
            return None;
        }
        counts.all += 1;
        *counts.per_network.entry(network).or_default() += 1;
        Some(Ticket {
            routed: self.clone(),
            network,
        })
    }
}

/// A request's place among the [`Routed`] ones, given back when dropped.
pub struct Ticket {
    routed: Arc<Routed>,
    network: Network,
}

impl Drop for Ticket {
    fn drop(&mut self) {
        let mut counts = self.routed.counts();
        counts.all -= 1;
        if let Some(n) = counts.per_network.get_mut(&self.network) {
            *n -= 1;
            if *n == 0 {
                counts.per_network.remove(&self.network);
            }
        }
    }
}

/// The open connections, kept by the accept loop (so without a lock): each connection's task
/// is known by its id, to forget it when it ends and to abort it to make room.
pub struct Registry {
    epoch: Instant,
    conns: HashMap<Id, Conn>,
    /// Connections per address, those being closed left out; an address holding none is not
    /// in it.
    per_address: HashMap<Address, usize>,
    /// Connections in all, those being closed left out.
    open: usize,
    max: usize,
    max_per_address: usize,
    min_per_address: usize,
}

struct Conn {
    address: Address,
    slot: Arc<Slot>,
    abort: AbortHandle,
    /// Closed to make room: no longer counted, but its task has not ended yet.
    evicted: bool,
}

impl Default for Registry {
    fn default() -> Self {
        Registry::with_caps(MAX_CONNECTIONS, MAX_PER_ADDRESS, MIN_PER_ADDRESS)
    }
}

impl Registry {
    fn with_caps(max: usize, max_per_address: usize, min_per_address: usize) -> Registry {
        assert!(min_per_address <= max_per_address && max_per_address <= max);
        Registry {
            epoch: Instant::now(),
            conns: HashMap::new(),
            per_address: HashMap::new(),
            open: 0,
            max,
            max_per_address,
            min_per_address,
        }
    }

    /// The share of each address while `active` addresses hold connections: the cap in all
    /// divided by `active + 1`, so that the active addresses, each at its share, leave room
    /// for one more; at most [`MAX_PER_ADDRESS`] and at least [`MIN_PER_ADDRESS`] (512
    /// connections: 128 each for up to 3 addresses, 102 for 4, 64 for 7, 8 from 56 on).
    /// An address over its share (shares shrink as addresses come) keeps its connections, but
    /// each of its newcomers closes one of its own.
    pub fn share(&self, active: usize) -> usize {
        (self.max / (active + 1)).clamp(self.min_per_address, self.max_per_address)
    }

    /// Makes room for a new connection from `ip` and starts it with `spawn` (which gets its
    /// slot and returns its task), or refuses it: then `spawn` is not called (and the
    /// connection, which it holds, is dropped: closed). At the [share](Self::share) of `ip`'s
    /// address, one of the address's connections is closed; at the cap in all, one of the
    /// address holding the most that has a candidate; the candidates are the connections idle
    /// or in their head, and the one in that phase the longest goes. Returns whether it was
    /// let in.
    pub fn open(&mut self, ip: IpAddr, spawn: impl FnOnce(Arc<Slot>) -> AbortHandle) -> bool {
        let address = Address::of(ip);
        let held = self.per_address.get(&address).copied().unwrap_or(0);
        let active = self.per_address.len() + usize::from(held == 0);
        if held >= self.share(active) && !self.evict(Some(address)) {
            return false;
        }
        if self.open >= self.max && !self.evict(None) {
            return false;
        }
        let slot = Arc::new(Slot::new(self.epoch));
        let abort = spawn(slot.clone());
        *self.per_address.entry(address).or_default() += 1;
        self.open += 1;
        self.conns.insert(
            abort.id(),
            Conn {
                address,
                slot,
                abort,
                evicted: false,
            },
        );
        true
    }

    /// Forgets the connection whose task `id` has ended.
    pub fn closed(&mut self, id: Id) {
        if let Some(c) = self.conns.remove(&id)
            && !c.evicted
        {
            self.uncount(c.address);
        }
    }

    fn uncount(&mut self, address: Address) {
        self.open -= 1;
        if let Some(n) = self.per_address.get_mut(&address) {
            *n -= 1;
            if *n == 0 {
                self.per_address.remove(&address);
            }
        }
    }

    /// The connection to close to make room (of `only`, when given): of the address holding
    /// the most, the one idle or in its head for the longest (a routed one never). With the
    /// phase it was seen in.
    fn victim(&self, only: Option<Address>) -> Option<(Id, State)> {
        self.conns
            .iter()
            .filter(|(_, c)| !c.evicted && only.is_none_or(|a| a == c.address))
            .filter_map(|(id, c)| {
                let state = c.slot.state();
                let since = state.since()?;
                let held = self.per_address.get(&c.address).copied().unwrap_or(0);
                Some(((held, std::cmp::Reverse(since), *id), state))
            })
            .max_by_key(|(key, _)| *key)
            .map(|((_, _, id), state)| (id, state))
    }

    /// Closes the [victim](Self::victim). Returns false when there is none.
    fn evict(&mut self, only: Option<Address>) -> bool {
        // Each failed claim is a connection that changed phase meanwhile: look again, a bounded
        // number of times.
        for _ in 0..=self.conns.len() {
            let Some((id, state)) = self.victim(only) else {
                return false;
            };
            let Some(c) = self.conns.get_mut(&id) else {
                return false;
            };
            if c.slot.close_if(state) {
                c.abort.abort();
                c.evicted = true;
                let address = c.address;
                self.uncount(address);
                return true;
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::Ipv4Addr;

    #[test]
    fn an_address_is_an_ipv4_address_or_an_ipv6_slash_64() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:bbbb::2".parse().unwrap();
        let c: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert_eq!(Address::of(a), Address::of(b));
        assert_ne!(Address::of(a), Address::of(c));
        let mapped: IpAddr = "::ffff:192.0.2.7".parse().unwrap();
        assert_eq!(
            Address::of(mapped),
            Address::of(IpAddr::V4(Ipv4Addr::new(192, 0, 2, 7)))
        );
        assert_ne!(
            Address::of(IpAddr::V4(Ipv4Addr::new(192, 0, 2, 7))),
            Address::of(IpAddr::V4(Ipv4Addr::new(192, 0, 2, 8)))
        );
    }

    #[test]
    fn a_network_is_an_ipv4_address_or_an_ipv6_slash_48() {
        let net = |ip: &str| Network::of(ip.parse().unwrap());
        // Two /64s of one /56, and of one /48: one network, two addresses.
        assert_eq!(net("2001:db8:1:2::1"), net("2001:db8:1:ff00::2"));
        assert_ne!(
            Address::of("2001:db8:1:2::1".parse().unwrap()),
            Address::of("2001:db8:1:ff00::2".parse().unwrap())
        );
        assert_ne!(net("2001:db8:1::1"), net("2001:db8:2::1"));
        assert_eq!(net("::ffff:192.0.2.7"), net("192.0.2.7"));
        assert_ne!(net("192.0.2.7"), net("192.0.2.8"));
    }

    #[test]
    fn over_the_routed_cap_only_a_network_holding_none_is_routed() {
        let routed = Routed::with_cap(3);
        let net = |last: u8| Network::of([10, 0, 0, last].into());
        // Under the cap, one network may hold all of it.
        let mut a: Vec<Ticket> = (0..3).map(|_| routed.enter(net(1)).unwrap()).collect();
        assert!(
            routed.enter(net(1)).is_none(),
            "over the cap, and 1 holds some"
        );
        // A newcomer is routed beyond the cap, once.
        let b = routed.enter(net(2)).unwrap();
        assert!(routed.enter(net(2)).is_none());
        let c = routed.enter(net(3)).unwrap();
        assert_eq!(routed.counts().all, 5);
        // Still at the cap when one of 1's ends: 1 holds others, so it waits; a newcomer not.
        a.pop();
        assert!(routed.enter(net(1)).is_none());
        let d = routed.enter(net(4)).unwrap();
        // Under the cap again: 1 too.
        drop((b, c, d));
        assert_eq!(routed.counts().all, 2);
        a.push(routed.enter(net(1)).unwrap());
        a.push(routed.enter(net(2)).unwrap());
        assert!(routed.enter(net(1)).is_none());
        drop(a);
        let counts = routed.counts();
        assert_eq!(counts.all, 0);
        assert!(counts.per_network.is_empty());
    }

    #[test]
    fn a_request_over_the_routed_cap_is_told_to_come_back() {
        let res = busy();
        assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(res.headers()[header::RETRY_AFTER], "1");
        assert_eq!(res.headers()[header::CONNECTION], "close");
        assert_eq!(
            res.headers()[header::CONTENT_TYPE],
            super::super::problem::PROBLEM_JSON
        );
    }

    /// A request body of which nothing more ever comes.
    struct Stalled;

    impl HttpBody for Stalled {
        type Data = Bytes;
        type Error = axum::Error;

        fn poll_frame(
            self: Pin<&mut Self>,
            _: &mut Context<'_>,
        ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
            Poll::Pending
        }
    }

    #[test]
    fn a_body_that_has_not_come_by_its_deadline_fails_and_says_so() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .unwrap();
        rt.block_on(async {
            let wait = Duration::from_millis(300);
            let start = Instant::now();
            let late = Arc::new(AtomicBool::new(false));
            let body =
                axum::body::Body::new(BodyDeadline::new(Stalled, start + wait, late.clone()));
            let err = axum::body::to_bytes(body, 1024).await.unwrap_err();
            let took = start.elapsed();
            assert!(took >= wait && took < Duration::from_secs(10), "{took:?}");
            assert!(late.load(Ordering::Acquire));
            let mut causes =
                std::iter::successors(Some(&err as &dyn std::error::Error), |e| e.source());
            assert!(causes.any(|e| e.is::<BodyLate>()), "{err:?}");
            // A body that is all there is read as it is, even when its deadline is over.
            let late = Arc::new(AtomicBool::new(false));
            let whole = axum::body::Body::from("{\"token\":\"x\"}");
            let body = BodyDeadline::new(whole, Instant::now(), late.clone());
            let got = axum::body::to_bytes(axum::body::Body::new(body), 1024).await;
            assert_eq!(got.unwrap(), "{\"token\":\"x\"}");
            assert!(!late.load(Ordering::Acquire));
        });
    }

    #[test]
    fn a_state_is_one_word_and_back() {
        for state in [
            State::Routed,
            State::Closing,
            State::Idle(1),
            State::Head(1),
            State::Idle((1 << 62) - 1),
            State::Head((1 << 62) - 1),
        ] {
            assert_eq!(State::of(state.word()), state);
        }
    }

    #[test]
    fn a_slot_goes_idle_head_routed_idle_but_stays_closing() {
        let slot = Slot::new(Instant::now());
        let first = slot.state();
        assert!(matches!(first, State::Idle(_)), "a new connection is idle");
        std::thread::sleep(Duration::from_millis(2));
        slot.head_begins();
        let head = slot.state();
        let State::Head(began) = head else {
            panic!("a byte begins a head: {head:?}")
        };
        assert!(Some(began) > first.since());
        // More bytes of the head: it began when it began.
        slot.head_begins();
        assert_eq!(slot.state(), head);
        assert!(!slot.close_if(first), "no longer idle since then");
        assert!(slot.route());
        assert_eq!(slot.state(), State::Routed);
        // Bytes of its body, and a second look: still routed, and never claimed.
        slot.head_begins();
        assert!(slot.route());
        assert!(!slot.close_if(head));
        assert!(
            !slot.close_if(State::Routed),
            "a routed connection is never claimed"
        );
        std::thread::sleep(Duration::from_millis(2));
        slot.idle();
        let second = slot.state();
        assert!(matches!(second, State::Idle(_)) && second.since() > Some(began));
        // A head read with the previous request is routed straight from idle.
        assert!(slot.route());
        slot.idle();
        let idle = slot.state();
        assert!(slot.close_if(idle));
        slot.head_begins();
        assert!(
            !slot.route(),
            "a closing connection's request is not routed"
        );
        slot.idle();
        assert_eq!(slot.state(), State::Closing);
    }

    #[test]
    fn the_share_of_an_address_leaves_room_for_one_more_address() {
        let r = Registry::default();
        let shares: Vec<usize> = [1, 2, 3, 4, 7, 15, 55, 56, 63, 64, 1000]
            .iter()
            .map(|&k| r.share(k))
            .collect();
        assert_eq!(shares, [128, 128, 128, 102, 64, 32, 9, 8, 8, 8, 8]);
        // Four addresses at their share leave room for a fifth; and so on, until the floor.
        for active in 1..64 {
            assert!(
                active * r.share(active) + r.share(active + 1) <= MAX_CONNECTIONS,
                "{active}"
            );
        }
        assert!(64 * r.share(64) >= MAX_CONNECTIONS);
    }

    /// A registry of `max` connections, a share per address from `min` to `max_per`, on a
    /// runtime whose tasks never end; `open` returns the new connection's slot, or None when
    /// refused.
    struct Fixture {
        rt: tokio::runtime::Runtime,
        tasks: tokio::task::JoinSet<()>,
        registry: Registry,
    }

    impl Fixture {
        fn new(max: usize, max_per: usize, min: usize) -> Fixture {
            Fixture {
                rt: tokio::runtime::Builder::new_current_thread()
                    .enable_time()
                    .build()
                    .unwrap(),
                tasks: tokio::task::JoinSet::new(),
                registry: Registry::with_caps(max, max_per, min),
            }
        }

        fn open(&mut self, last: u8) -> Option<Arc<Slot>> {
            // Distinct stamps, in the order of opening.
            std::thread::sleep(Duration::from_millis(1));
            let _rt = self.rt.enter();
            let mut got = None;
            let tasks = &mut self.tasks;
            self.registry
                .open(IpAddr::V4(Ipv4Addr::new(10, 0, 0, last)), |slot| {
                    got = Some(slot);
                    tasks.spawn(std::future::pending())
                })
                .then(|| got.unwrap())
        }

        fn id_of(&self, slot: &Arc<Slot>) -> Id {
            let c = self
                .registry
                .conns
                .iter()
                .find(|(_, c)| Arc::ptr_eq(&c.slot, slot));
            *c.unwrap().0
        }

        fn held(&self, last: u8) -> usize {
            let address = Address::of([10, 0, 0, last].into());
            self.registry
                .per_address
                .get(&address)
                .copied()
                .unwrap_or(0)
        }
    }

    fn closing(slot: &Slot) -> bool {
        slot.state() == State::Closing
    }

    /// `slot`'s connection reads a request head from now on (after a pause, so that its
    /// stamp is apart from the others').
    fn head(slot: &Slot) {
        std::thread::sleep(Duration::from_millis(1));
        slot.head_begins();
    }

    #[test]
    fn at_an_address_share_its_connection_idle_or_in_its_head_the_longest_makes_room() {
        // A share of 3 whatever the number of addresses.
        let mut f = Fixture::new(10, 3, 3);
        let a1 = f.open(1).unwrap();
        let a2 = f.open(1).unwrap();
        let a3 = f.open(1).unwrap();
        let b1 = f.open(2).unwrap();
        assert!(a1.route());
        // a2 is the oldest idle one of address 1; b1, older still, is another address's.
        let a4 = f.open(1).unwrap();
        assert!(closing(&a2));
        assert!(!closing(&a1) && !closing(&a3) && !closing(&b1) && !closing(&a4));
        assert_eq!(f.registry.open, 4);
        assert_eq!(f.held(1), 3);
        // a3 began a head after a4 was opened: a4 has been idle for longer, and goes first.
        head(&a3);
        let a5 = f.open(1).unwrap();
        assert!(closing(&a4) && !closing(&a3));
        // a5 then begins a head too, later than a3: a3, in its head the longest, goes.
        head(&a5);
        let a6 = f.open(1).unwrap();
        assert!(closing(&a3) && !closing(&a5));
        // All of address 1 routed: its newcomer is refused, another address's is not.
        assert!(a5.route() && a6.route());
        assert!(f.open(1).is_none());
        assert!(f.open(3).is_some());
        // A routed connection that becomes idle again is a candidate again.
        a1.idle();
        assert!(f.open(1).is_some());
        assert!(closing(&a1));
    }

    #[test]
    fn the_share_shrinks_as_addresses_come_and_an_address_over_it_makes_room_for_itself() {
        // 12 in all: a share of 6 for one address, 4 for two, 3 for three, 2 for five.
        let mut f = Fixture::new(12, 6, 2);
        let a: Vec<_> = (0..6).map(|_| f.open(1).unwrap()).collect();
        assert!(f.open(1).is_some(), "at its share, its oldest makes room");
        assert!(closing(&a[0]));
        assert_eq!(f.held(1), 6);
        // Address 2 comes: the share is 4; address 1 holds 6, and keeps them, but its newcomers
        // take the place of its own.
        let b: Vec<_> = (0..4).map(|_| f.open(2).unwrap()).collect();
        assert!(f.open(2).is_some());
        assert!(closing(&b[0]), "address 2 at its share of 4");
        assert!(f.open(1).is_some());
        assert!(closing(&a[1]));
        assert_eq!((f.held(1), f.held(2)), (6, 4));
        // So two addresses leave room: a third comes without closing anyone's connection.
        let open = f.registry.open;
        let c1 = f.open(3).unwrap();
        assert_eq!(f.registry.open, open + 1);
        assert!(!closing(&c1));
        // With everything routed, the newcomer of an address over its share is refused, while
        // one of an address under it takes the room that is left.
        for s in f.registry.conns.values() {
            if !s.evicted {
                assert!(s.slot.route());
            }
        }
        assert!(f.open(1).is_none());
        assert!(f.open(4).is_some());
    }

    #[test]
    fn at_the_cap_in_all_a_request_head_makes_room_but_a_routed_request_never_does() {
        // A share of 2 whatever the number of addresses.
        let mut f = Fixture::new(5, 2, 2);
        let b1 = f.open(2).unwrap();
        let a1 = f.open(1).unwrap();
        let a2 = f.open(1).unwrap();
        let c1 = f.open(3).unwrap();
        let c2 = f.open(3).unwrap();
        // Addresses 2 and 1 trickle heads, 2's begun first; address 3's requests are routed.
        head(&b1);
        head(&a1);
        head(&a2);
        assert!(c1.route() && c2.route());
        // b1's head is the oldest, but address 1 holds more: its oldest head goes.
        let d1 = f.open(4).unwrap();
        assert!(closing(&a1));
        assert!(!closing(&a2) && !closing(&b1));
        // Now 1, 2 and 4 hold one candidate each: b1's head has been going on the longest.
        assert!(f.open(5).is_some());
        assert!(closing(&b1));
        assert!(!closing(&a2) && !closing(&d1));
        assert_eq!(f.registry.open, 5);
        // Everything routed: nobody makes room, and the newcomer is refused until one ends.
        assert!(a2.route() && d1.route());
        let e1 = f
            .registry
            .conns
            .values()
            .find(|c| !c.evicted && c.address == Address::of([10, 0, 0, 5].into()));
        assert!(e1.unwrap().slot.route());
        assert!(f.open(6).is_none());
        assert!(!closing(&c1) && !closing(&c2));
        f.registry.closed(f.id_of(&c1));
        assert!(f.open(6).is_some());
        assert!(!closing(&c2) && !closing(&a2) && !closing(&d1));
    }

    #[test]
    fn with_every_connection_routed_a_newcomer_is_refused_until_one_ends() {
        let mut f = Fixture::new(2, 2, 2);
        let a1 = f.open(1).unwrap();
        let b1 = f.open(2).unwrap();
        assert!(a1.route() && b1.route());
        assert!(f.open(3).is_none());
        // b1's task ends: the registry forgets it, and there is room without closing anyone.
        f.registry.closed(f.id_of(&b1));
        assert_eq!(f.registry.open, 1);
        let c1 = f.open(3).unwrap();
        assert!(!closing(&a1));
        // c1 is idle: the next newcomer closes it; it is counted out at once, and not twice
        // when its task ends.
        let c1_id = f.id_of(&c1);
        assert!(f.open(4).is_some());
        assert!(closing(&c1));
        assert_eq!(f.registry.open, 2);
        f.registry.closed(c1_id);
        assert_eq!(f.registry.open, 2);
        assert_eq!(f.registry.per_address.len(), 2);
    }

    #[test]
    fn a_connection_idle_or_in_its_head_too_long_is_closed_and_a_routed_one_is_not() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .unwrap();
        rt.block_on(async {
            let (idle, head) = (Duration::from_millis(200), Duration::from_millis(400));
            let slot = Slot::new(Instant::now());
            // Routed for longer than either wait, then idle, then a head begins 100 ms later:
            // closed 400 ms after that.
            assert!(slot.route());
            let start = Instant::now();
            let watch = watch_for(&slot, idle, head);
            let phases = async {
                tokio::time::sleep(Duration::from_millis(500)).await;
                slot.idle();
                tokio::time::sleep(Duration::from_millis(100)).await;
                slot.head_begins();
                std::future::pending::<()>().await
            };
            tokio::select! {
                () = watch => {}
                () = phases => unreachable!(),
            }
            let took = start.elapsed();
            assert!(took >= Duration::from_millis(1000), "{took:?}");
            assert!(took < Duration::from_secs(10), "{took:?}");
            assert_eq!(slot.state(), State::Closing);
            // An idle one is closed after the idle wait.
            let slot = Slot::new(Instant::now());
            let start = Instant::now();
            watch_for(&slot, idle, head).await;
            let took = start.elapsed();
            assert!(took >= idle && took < Duration::from_secs(10), "{took:?}");
        });
    }
}
