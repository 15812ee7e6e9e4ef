//! The connections of `svcacct serve`: how many are served, from whom, and for how long one may
//! stay silent. One client must not take the server away from everyone else by holding
//! connections open (issue 12, point 7).
//!
//! A connection is *idle* while no request is in flight on it: from its accept (for TLS, from the
//! end of its handshake) until the first byte of a request, and between the requests of a
//! keep-alive session. It is *busy* from a request's first byte until the last of its answer is
//! handed to hyper to write (so a client that does not read its answer holds an idle
//! connection). The [`Registry`] of the accept loop counts connections in all and per
//! client [`Address`]; at a cap it closes an idle connection to make room (the oldest idle one of
//! the address holding the most) and refuses the newcomer only when none is idle. And
//! [`idle_watch`] closes a connection that stays idle for [`FIRST_BYTE_WAIT`].
//!
//! The state of a connection is one atomic word ([`Slot`]) that the connection's task writes
//! ([`Watched`] on every read, [`track`] around every request) and the accept loop claims with a
//! compare-and-swap: it closes a connection only if it is still idle at that instant. (A request
//! whose first byte is on its way then is lost with the connection, as with any idle timeout;
//! HTTP clients retry an idempotent request on a kept-alive connection that closes.)

use std::collections::HashMap;
use std::io;
use std::net::{IpAddr, Ipv6Addr};
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use axum::Router;
use axum::http::Request;
use axum::response::Response;
use hyper::body::{Body as HttpBody, Frame, SizeHint};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::task::{AbortHandle, Id};
use tower::ServiceExt as _;

/// Most connections open at once, so that idle or slow clients cannot use up the process's file
/// descriptors (which the store needs too) and stop `accept` for everyone. Beyond it an idle
/// connection is closed to make room ([`Registry::open`]).
pub const MAX_CONNECTIONS: usize = 512;

/// Most connections open at once from one client [`Address`]: a quarter of
/// [`MAX_CONNECTIONS`], so that one address whose connections are all busy (slow requests,
/// bounded by `--request-timeout`) leaves three quarters of the server to everyone else. It is
/// twice the 64 keep-alive connections that `bench/serve` drives from 127.0.0.1, and it bounds
/// what is *in flight*, not what is open: a reverse proxy or a NAT in front of the server is one
/// address, and its idle keep-alive connections beyond the cap are closed to make room for its
/// new ones, so it is refused only with 128 requests in flight at once.
pub const MAX_PER_ADDRESS: usize = 128;

/// How long a connection may stay idle: until the first byte of its first request (after its
/// TLS handshake, for TLS), and between the requests of a keep-alive session. Apache's
/// `KeepAliveTimeout` default: ample for a client that connects to send a request, even over a
/// slow link; HTTP clients that pool connections expect an idle one to be closed (ureq, the
/// remote store's client, probes a pooled connection before reusing it). A request that has
/// begun is bounded by `--request-timeout` instead. (That is also hyper's `header_read_timeout`,
/// which runs from when hyper starts waiting for a request head: a `--request-timeout` shorter
/// than this wait closes an idle connection first.)
pub const FIRST_BYTE_WAIT: Duration = Duration::from_secs(5);

/// A busy connection.
const BUSY: u64 = 0;
/// A connection being closed (by the registry, or by its own [`idle_watch`]).
const CLOSING: u64 = u64::MAX;

/// The state of one connection, shared by its task and the accept loop: [`BUSY`], [`CLOSING`],
/// or idle since `epoch` + the value in nanoseconds.
#[derive(Debug)]
pub struct Slot {
    state: AtomicU64,
    epoch: Instant,
}

/// What a [`Slot`] says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Busy,
    Closing,
    /// Idle, since this stamp (see [`stamp`]).
    Idle(u64),
}

impl Slot {
    /// A connection accepted now: idle, since now.
    fn new(epoch: Instant) -> Slot {
        Slot {
            state: AtomicU64::new(stamp(epoch, Instant::now())),
            epoch,
        }
    }

    /// When the idle state `stamp` began.
    fn since(&self, stamp: u64) -> Instant {
        self.epoch + Duration::from_nanos(stamp)
    }

    fn state(&self) -> State {
        match self.state.load(Ordering::Acquire) {
            BUSY => State::Busy,
            CLOSING => State::Closing,
            stamp => State::Idle(stamp),
        }
    }

    /// A request has begun (its first byte is read, or hyper calls the service with it). A
    /// closing connection stays closing.
    pub fn busy(&self) {
        if let State::Idle(stamp) = self.state() {
            // Fails only when the registry has just claimed it: then it closes.
            let _ = self
                .state
                .compare_exchange(stamp, BUSY, Ordering::AcqRel, Ordering::Acquire);
        }
    }

    /// The answer is handed over: idle from now until the next request's first byte.
    pub fn idle(&self) {
        let stamp = stamp(self.epoch, Instant::now());
        let _ = self
            .state
            .compare_exchange(BUSY, stamp, Ordering::AcqRel, Ordering::Acquire);
    }

    /// Claims the connection for closing if it is still idle since `stamp`.
    fn close_if_idle_since(&self, stamp: u64) -> bool {
        self.state
            .compare_exchange(stamp, CLOSING, Ordering::AcqRel, Ordering::Acquire)
            .is_ok()
    }
}

/// `at` as an idle state: never [`BUSY`] nor [`CLOSING`].
fn stamp(epoch: Instant, at: Instant) -> u64 {
    let nanos = at.saturating_duration_since(epoch).as_nanos();
    u64::try_from(nanos)
        .unwrap_or(u64::MAX)
        .clamp(1, CLOSING - 1)
}

/// Resolves when the connection of `slot` has been idle for [`FIRST_BYTE_WAIT`], or is being
/// closed by the registry: the connection's task then drops the connection. (One timer per
/// connection, reset only when it fires: a busy connection costs nothing per request.)
pub async fn idle_watch(slot: &Slot) {
    idle_watch_for(slot, FIRST_BYTE_WAIT).await;
}

async fn idle_watch_for(slot: &Slot, wait: Duration) {
    let mut next = Instant::now();
    loop {
        tokio::time::sleep_until(next.into()).await;
        let now = Instant::now();
        match slot.state() {
            State::Closing => return,
            // Idle at the earliest from now on, so due at the earliest a wait from now.
            State::Busy => next = now + wait,
            State::Idle(stamp) => {
                let due = slot.since(stamp) + wait;
                if due > now {
                    next = due;
                } else if slot.close_if_idle_since(stamp) {
                    return;
                }
                // Otherwise a request began just now: look again at once.
            }
        }
    }
}

/// The stream of a connection, read by hyper (for TLS, the decrypted stream): a read that brings
/// bytes makes the connection busy.
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
            this.slot.busy();
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

/// The application for one connection: busy from when hyper calls it with a request (a request
/// read ahead with the previous one has no read of its own) until hyper drops the answer's body,
/// which it does once the last of it is in its write buffer.
pub fn track(
    app: Router,
    slot: Arc<Slot>,
) -> impl tower::Service<
    Request<hyper::body::Incoming>,
    Response = Response<Tracked<axum::body::Body>>,
    Error = std::convert::Infallible,
    Future: Send,
> + Clone
+ Send
+ 'static {
    let on_answer = slot.clone();
    app.map_request(move |req: Request<hyper::body::Incoming>| {
        slot.busy();
        req
    })
    .map_response(move |res: Response| {
        res.map(|body| Tracked {
            body,
            slot: on_answer.clone(),
        })
    })
}

/// An answer's body that makes its connection idle when dropped.
pub struct Tracked<B> {
    body: B,
    slot: Arc<Slot>,
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

/// Whom a connection is counted against: its IPv4 address, or the /64 prefix of its IPv6 one
/// (a host or a site is given a whole /64, so its addresses are as good as one; an IPv4 address
/// mapped into IPv6 counts as itself).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Address(IpAddr);

impl Address {
    pub fn of(ip: IpAddr) -> Address {
        match ip {
            IpAddr::V4(v4) => Address(IpAddr::V4(v4)),
            IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
                Some(v4) => Address(IpAddr::V4(v4)),
                None => Address(IpAddr::V6(Ipv6Addr::from(
                    u128::from(v6) & (u128::MAX << 64),
                ))),
            },
        }
    }
}

/// The open connections, kept by the accept loop (so without a lock): each connection's task
/// is known by its id, to forget it when it ends and to abort it to make room.
pub struct Registry {
    epoch: Instant,
    conns: HashMap<Id, Conn>,
    /// Connections per address, those being closed left out.
    per_address: HashMap<Address, usize>,
    /// Connections in all, those being closed left out.
    open: usize,
    max: usize,
    max_per_address: usize,
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
        Registry::with_caps(MAX_CONNECTIONS, MAX_PER_ADDRESS)
    }
}

impl Registry {
    fn with_caps(max: usize, max_per_address: usize) -> Registry {
        Registry {
            epoch: Instant::now(),
            conns: HashMap::new(),
            per_address: HashMap::new(),
            open: 0,
            max,
            max_per_address,
        }
    }

    /// Makes room for a new connection from `ip` and starts it with `spawn` (which gets its
    /// slot and returns its task), or refuses it: then `spawn` is not called (and the
    /// connection, which it holds, is dropped: closed). At the cap of `ip`'s address, the
    /// address's oldest idle connection is closed; at the cap in all, the oldest idle one of
    /// the address holding the most that has one. Returns whether it was let in.
    pub fn open(&mut self, ip: IpAddr, spawn: impl FnOnce(Arc<Slot>) -> AbortHandle) -> bool {
        let address = Address::of(ip);
        let held = self.per_address.get(&address).copied().unwrap_or(0);
        if held >= self.max_per_address && !self.evict(Some(address)) {
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

    /// Closes one idle connection (of `only`, when given): the oldest idle one of the address
    /// holding the most connections. Returns false when none is idle.
    fn evict(&mut self, only: Option<Address>) -> bool {
        // Each failed claim is a connection that became busy meanwhile: look again, a bounded
        // number of times.
        for _ in 0..=self.conns.len() {
            let victim = self
                .conns
                .iter()
                .filter(|(_, c)| !c.evicted && only.is_none_or(|a| a == c.address))
                .filter_map(|(id, c)| match c.slot.state() {
                    State::Idle(stamp) => {
                        let held = self.per_address.get(&c.address).copied().unwrap_or(0);
                        Some((held, std::cmp::Reverse(stamp), *id))
                    }
                    State::Busy | State::Closing => None,
                })
                .max();
            let Some((_, std::cmp::Reverse(stamp), id)) = victim else {
                return false;
            };
            let Some(c) = self.conns.get_mut(&id) else {
                return false;
            };
            if c.slot.close_if_idle_since(stamp) {
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
    fn a_slot_goes_busy_and_idle_but_stays_closing() {
        let slot = Slot::new(Instant::now());
        let State::Idle(first) = slot.state() else {
            panic!("a new connection is idle")
        };
        slot.busy();
        assert_eq!(slot.state(), State::Busy);
        assert!(!slot.close_if_idle_since(first), "a busy one is not closed");
        std::thread::sleep(Duration::from_millis(2));
        slot.idle();
        let State::Idle(second) = slot.state() else {
            panic!("idle after its answer")
        };
        assert!(second > first);
        assert!(!slot.close_if_idle_since(first), "idle since another time");
        assert!(slot.close_if_idle_since(second));
        slot.busy();
        slot.idle();
        assert_eq!(slot.state(), State::Closing);
    }

    /// A registry of `max` connections, `per_address` per address, on a runtime whose tasks
    /// never end; `open` returns the new connection's slot, or None when refused.
    struct Fixture {
        rt: tokio::runtime::Runtime,
        tasks: tokio::task::JoinSet<()>,
        registry: Registry,
    }

    impl Fixture {
        fn new(max: usize, per_address: usize) -> Fixture {
            Fixture {
                rt: tokio::runtime::Builder::new_current_thread()
                    .enable_time()
                    .build()
                    .unwrap(),
                tasks: tokio::task::JoinSet::new(),
                registry: Registry::with_caps(max, per_address),
            }
        }

        fn open(&mut self, last: u8) -> Option<Arc<Slot>> {
            // Distinct idle stamps, in the order of opening.
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
    }

    impl Fixture {
        fn id_of(&self, slot: &Arc<Slot>) -> Id {
            let c = self
                .registry
                .conns
                .iter()
                .find(|(_, c)| Arc::ptr_eq(&c.slot, slot));
            *c.unwrap().0
        }
    }

    fn closing(slot: &Slot) -> bool {
        slot.state() == State::Closing
    }

    #[test]
    fn at_an_address_cap_its_oldest_idle_connection_makes_room() {
        let mut f = Fixture::new(10, 3);
        let a1 = f.open(1).unwrap();
        let a2 = f.open(1).unwrap();
        let a3 = f.open(1).unwrap();
        let b1 = f.open(2).unwrap();
        a1.busy();
        // a2 is the oldest idle one of address 1; b1, older still, is another address's.
        let a4 = f.open(1).unwrap();
        assert!(closing(&a2));
        assert!(!closing(&a1) && !closing(&a3) && !closing(&b1) && !closing(&a4));
        assert_eq!(f.registry.open, 4);
        assert_eq!(
            f.registry.per_address[&Address::of([10, 0, 0, 1].into())],
            3
        );
        // All of address 1 busy: its newcomer is refused, another address's is not.
        a3.busy();
        a4.busy();
        assert!(f.open(1).is_none());
        assert!(f.open(3).is_some());
        // A busy connection that becomes idle again is a candidate again.
        a1.idle();
        assert!(f.open(1).is_some());
        assert!(closing(&a1));
    }

    #[test]
    fn at_the_cap_in_all_the_address_holding_the_most_makes_room() {
        let mut f = Fixture::new(4, 3);
        let b1 = f.open(2).unwrap();
        let a1 = f.open(1).unwrap();
        let a2 = f.open(1).unwrap();
        let c1 = f.open(3).unwrap();
        a1.busy();
        // b1 is the oldest idle connection, but address 1 holds the most.
        assert!(f.open(4).is_some());
        assert!(closing(&a2));
        assert!(!closing(&b1) && !closing(&a1) && !closing(&c1));
        // Now 1, 2, 3 and 4 hold one each: the oldest idle one goes.
        assert!(f.open(5).is_some());
        assert!(closing(&b1));
        assert_eq!(f.registry.open, 4);
    }

    #[test]
    fn with_every_connection_busy_a_newcomer_is_refused_until_one_ends() {
        let mut f = Fixture::new(2, 2);
        let a1 = f.open(1).unwrap();
        let b1 = f.open(2).unwrap();
        a1.busy();
        b1.busy();
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
    fn a_connection_idle_for_the_wait_is_closed_and_a_busy_one_is_not() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .unwrap();
        rt.block_on(async {
            let wait = Duration::from_millis(200);
            let slot = Slot::new(Instant::now());
            // Busy for longer than the wait, then idle: the wait runs from then.
            slot.busy();
            let start = Instant::now();
            let watch = idle_watch_for(&slot, wait);
            let busy_for = async {
                tokio::time::sleep(Duration::from_millis(300)).await;
                slot.idle();
                std::future::pending::<()>().await
            };
            tokio::select! {
                () = watch => {}
                () = busy_for => unreachable!(),
            }
            let took = start.elapsed();
            assert!(took >= Duration::from_millis(500), "{took:?}");
            assert!(took < Duration::from_secs(10), "{took:?}");
            assert_eq!(slot.state(), State::Closing);
        });
    }
}
