//! One client cannot take `svcacct serve` away from everyone else (issue 12, point 7): an
//! address holding hundreds of idle connections, slow request heads and bodies from a few
//! addresses or from many, a connection that never sends a byte, over-long request lines, and
//! `Expect: 100-continue` with a body over the cap. Raw TCP
//! clients, so that nothing between the test and the server retries or tidies a request.

mod common;

use std::io::{ErrorKind, Read, Write};
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use common::{Env, Server};

const HEALTHZ: &[u8] = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";

/// A connection to the server on 127.0.0.1 from the address `from` (Linux routes all of
/// 127.0.0.0/8 over the loopback interface).
fn connect_from(from: Ipv4Addr, port: u16) -> std::io::Result<TcpStream> {
    use socket2::{Domain, Socket, Type};
    let socket = Socket::new(Domain::IPV4, Type::STREAM, None)?;
    socket.bind(&SocketAddr::new(IpAddr::V4(from), 0).into())?;
    let to = SocketAddr::from(([127, 0, 0, 1], port));
    socket.connect_timeout(&to.into(), Duration::from_secs(5))?;
    Ok(socket.into())
}

/// Sends `request` (which asks for `Connection: close`) and reads the answer to its end.
fn exchange(stream: &mut TcpStream, request: &[u8], secs: u64) -> std::io::Result<String> {
    stream.set_read_timeout(Some(Duration::from_secs(secs)))?;
    stream.write_all(request)?;
    let mut answer = vec![];
    stream.read_to_end(&mut answer)?;
    Ok(String::from_utf8_lossy(&answer).into_owned())
}

/// Reads until the end of the first answer head (`\r\n\r\n`), at most `secs` seconds.
fn read_head(stream: &mut TcpStream, secs: u64) -> String {
    stream
        .set_read_timeout(Some(Duration::from_secs(secs)))
        .unwrap();
    let mut got = vec![];
    let mut buf = [0u8; 4096];
    while !got.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => got.extend_from_slice(&buf[..n]),
            Err(e) => panic!(
                "no answer head within {secs} s ({e}); got {:?}",
                String::from_utf8_lossy(&got)
            ),
        }
    }
    String::from_utf8_lossy(&got).into_owned()
}

/// How long until the server closes `stream` (which must not be answered), at most `secs`.
fn closed_after(stream: &mut TcpStream, secs: u64) -> Duration {
    let start = Instant::now();
    stream
        .set_read_timeout(Some(Duration::from_secs(secs)))
        .unwrap();
    let mut buf = [0u8; 1024];
    loop {
        match stream.read(&mut buf) {
            Ok(0) => return start.elapsed(),
            Ok(n) => panic!(
                "an idle connection was answered: {:?}",
                String::from_utf8_lossy(&buf[..n])
            ),
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                panic!("the server kept an idle connection open for {secs} s")
            }
            // Reset: closed too.
            Err(_) => return start.elapsed(),
        }
    }
}

/// The body of an answer read to its end.
fn body(answer: &str) -> &str {
    answer.split_once("\r\n\r\n").map_or("", |(_, b)| b)
}

fn problem(answer: &str) -> serde_json::Value {
    serde_json::from_str(body(answer)).unwrap_or_else(|e| panic!("not JSON ({e}): {answer}"))
}

/// `n` idle connections from 127.0.0.1, each reopened whenever the server closes it, until
/// dropped.
struct Flood {
    stop: Arc<AtomicBool>,
    /// Connections opened so far (reopened ones included).
    opened: Arc<AtomicUsize>,
    /// Connections the server closed so far.
    closed: Arc<AtomicUsize>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Flood {
    fn start(port: u16, n: usize) -> Flood {
        let stop = Arc::new(AtomicBool::new(false));
        let opened = Arc::new(AtomicUsize::new(0));
        let closed = Arc::new(AtomicUsize::new(0));
        let (stop2, opened2, closed2) = (stop.clone(), opened.clone(), closed.clone());
        let thread = std::thread::spawn(move || {
            let mut conns: Vec<Option<TcpStream>> = (0..n).map(|_| None).collect();
            while !stop2.load(Ordering::Relaxed) {
                for c in conns.iter_mut() {
                    let open = c.as_mut().is_some_and(|s| {
                        let mut b = [0u8; 64];
                        match s.read(&mut b) {
                            Ok(0) => false,
                            Ok(_) => true,
                            Err(e) => e.kind() == ErrorKind::WouldBlock,
                        }
                    });
                    if open {
                        continue;
                    }
                    if c.take().is_some() {
                        closed2.fetch_add(1, Ordering::Relaxed);
                    }
                    let to = SocketAddr::from(([127, 0, 0, 1], port));
                    if let Ok(s) = TcpStream::connect_timeout(&to, Duration::from_secs(2)) {
                        s.set_nonblocking(true).unwrap();
                        *c = Some(s);
                        opened2.fetch_add(1, Ordering::Relaxed);
                    }
                }
                // Gentle on a shared machine: a sweep every 200 ms.
                std::thread::sleep(Duration::from_millis(200));
            }
        });
        Flood {
            stop,
            opened,
            closed,
            thread: Some(thread),
        }
    }
}

impl Drop for Flood {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// The beginning of a request head that never ends: `a`s follow, for ever (a header value).
const ENDLESS_HEAD: &[u8] = b"GET /healthz HTTP/1.1\r\nHost: x\r\nX: ";

/// `per` connections from each of the addresses `from`, each sending the first `at_once` bytes
/// of `request` at once, then one more byte every second or so (after `request`, `a`s), and
/// reopened whenever the server closes it, until dropped: a slowloris.
struct Slowloris {
    stop: Arc<AtomicBool>,
    /// Connections opened so far (reopened ones included).
    opened: Arc<AtomicUsize>,
    /// Connections open at the last sweep.
    open: Arc<AtomicUsize>,
    /// The beginnings of the answers the server gave (a slowloris is not meant to get any,
    /// but a refusal may come as one), the first 1,000.
    answers: Arc<std::sync::Mutex<Vec<String>>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Slowloris {
    fn start(
        port: u16,
        from: &[Ipv4Addr],
        per: usize,
        request: &[u8],
        at_once: usize,
    ) -> Slowloris {
        let stop = Arc::new(AtomicBool::new(false));
        let opened = Arc::new(AtomicUsize::new(0));
        let open = Arc::new(AtomicUsize::new(0));
        let answers = Arc::new(std::sync::Mutex::new(vec![]));
        let (stop2, opened2, open2) = (stop.clone(), opened.clone(), open.clone());
        let answers2 = answers.clone();
        let (from, request) = (from.to_vec(), request.to_vec());
        let thread = std::thread::spawn(move || {
            // Each connection, and how many bytes it has sent.
            let mut conns: Vec<(Ipv4Addr, Option<(TcpStream, usize)>)> = from
                .iter()
                .flat_map(|a| std::iter::repeat_n(*a, per))
                .map(|a| (a, None))
                .collect();
            let next_byte = |sent: usize| request.get(sent).copied().unwrap_or(b'a');
            while !stop2.load(Ordering::Relaxed) {
                let sweep = Instant::now();
                let mut alive = 0;
                for (from, c) in conns.iter_mut() {
                    // Closed (or, which it should not be, answered): reopened.
                    let still = c.as_mut().is_some_and(|(s, sent)| {
                        let mut b = [0u8; 1024];
                        let open = match s.read(&mut b) {
                            Ok(n) => {
                                let mut answers = answers2.lock().unwrap();
                                if n > 0 && answers.len() < 1000 {
                                    answers.push(String::from_utf8_lossy(&b[..n]).into_owned());
                                }
                                false
                            }
                            Err(e) => e.kind() == ErrorKind::WouldBlock,
                        };
                        open && s.write(&[next_byte(*sent)]).is_ok_and(|n| {
                            *sent += n;
                            true
                        })
                    });
                    if still {
                        alive += 1;
                        continue;
                    }
                    *c = None;
                    if stop2.load(Ordering::Relaxed) {
                        break;
                    }
                    if let Ok(mut s) = connect_from(*from, port)
                        && s.write_all(&request[..at_once]).is_ok()
                    {
                        s.set_nonblocking(true).unwrap();
                        *c = Some((s, at_once));
                        opened2.fetch_add(1, Ordering::Relaxed);
                        alive += 1;
                    }
                }
                open2.store(alive, Ordering::Relaxed);
                // A byte a second or so on each connection, whatever the sweep took.
                std::thread::sleep(Duration::from_secs(1).saturating_sub(sweep.elapsed()));
            }
        });
        Slowloris {
            stop,
            opened,
            open,
            answers,
            thread: Some(thread),
        }
    }
}

impl Drop for Slowloris {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// `GET /healthz` from `from` answers 200, within `secs` seconds.
fn healthz_from(s: &Server, from: Ipv4Addr, secs: u64) -> Result<(), String> {
    let start = Instant::now();
    let mut c = connect_from(from, s.port).map_err(|e| format!("connect: {e}"))?;
    let answer = exchange(&mut c, HEALTHZ, secs).map_err(|e| format!("read: {e}"))?;
    if !answer.starts_with("HTTP/1.1 200") {
        return Err(format!("answer: {answer:?}"));
    }
    if start.elapsed() > Duration::from_secs(secs) {
        return Err(format!("answered after {:?}", start.elapsed()));
    }
    Ok(())
}

#[test]
fn hundreds_of_idle_connections_from_one_address_leave_room_for_others() {
    let env = Env::new();
    let s = env.serve_default_store(&[]);
    let flood = Flood::start(s.port, 520);
    let start = Instant::now();
    while flood.opened.load(Ordering::Relaxed) < 520 {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "the flood could not open its connections"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    // Let the server accept them all.
    std::thread::sleep(Duration::from_secs(1));

    // Another address is served, again and again.
    let other = Ipv4Addr::new(127, 0, 0, 2);
    for i in 0..5 {
        if let Err(e) = healthz_from(&s, other, 5) {
            panic!("request {i} from {other}: {e}");
        }
        std::thread::sleep(Duration::from_millis(200));
    }

    // So is the flooding address itself, for an idle connection of its own makes room. (Its
    // new connection may in turn be closed to make room for the next of its flood before it
    // has sent its request: a client retries.)
    let same = Ipv4Addr::new(127, 0, 0, 1);
    let start = Instant::now();
    let mut failures = vec![];
    while let Err(e) = healthz_from(&s, same, 5) {
        failures.push(e);
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "{same} was not served within 20 s: {failures:?}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(
        flood.closed.load(Ordering::Relaxed) > 0,
        "the server closed none of the idle connections"
    );
    drop(flood);
    assert!(s.log().contains(" GET /healthz 200 - "), "{}", s.log());
}

/// `per` connections from each of `attackers` trickle request heads (a [`Slowloris`] of
/// `request`, `at_once`) while `other` asks for `/healthz` again and again: each answer must
/// come within a few seconds.
fn slowloris_leaves_room(
    s: &Server,
    attackers: &[Ipv4Addr],
    per: usize,
    (request, at_once): (&[u8], usize),
    other: Ipv4Addr,
) -> Vec<String> {
    let loris = Slowloris::start(s.port, attackers, per, request, at_once);
    let all = attackers.len() * per;
    let start = Instant::now();
    while loris.opened.load(Ordering::Relaxed) < all {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "the slowloris could not open its connections"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    // Let the server accept them all and read their first bytes.
    std::thread::sleep(Duration::from_secs(2));
    let held = loris.open.load(Ordering::Relaxed);
    assert!(
        held >= all / 2,
        "the slowloris holds only {held} connections"
    );

    for i in 0..8 {
        if let Err(e) = healthz_from(s, other, 5) {
            panic!(
                "request {i} from {other}, {:?} after the slowloris opened its connections \
                 (it holds {} of them): {e}",
                start.elapsed(),
                loris.open.load(Ordering::Relaxed)
            );
        }
        std::thread::sleep(Duration::from_millis(500));
    }
    let answers = std::mem::take(&mut *loris.answers.lock().unwrap());
    drop(loris);
    assert!(s.log().contains(" GET /healthz 200 - "), "{}", s.log());
    answers
}

/// The security review's reproduction: 130 connections from each of four addresses, each
/// trickling a request head a byte at a time, used to fill the server (4 × 128 connections,
/// each busy once its first byte was read, held for `--request-timeout`) so that nobody else
/// was answered. Each address now gets a share of the server that leaves room for another.
#[test]
fn slow_request_heads_from_four_addresses_leave_room_for_a_fifth() {
    let env = Env::new();
    let s = env.serve_default_store(&[]);
    let attackers: Vec<Ipv4Addr> = (2..=5).map(|d| Ipv4Addr::new(127, 0, 0, d)).collect();
    let other = Ipv4Addr::new(127, 0, 0, 6);
    slowloris_leaves_room(&s, &attackers, 130, (ENDLESS_HEAD, 1), other);
}

/// Enough addresses that their shares fill the server (64 × 9 slow heads, over the 512 in
/// all): a connection still reading its head is closed to make room for a newcomer.
#[test]
fn slow_request_heads_from_many_addresses_make_room_for_another() {
    let env = Env::new();
    let s = env.serve_default_store(&[]);
    let attackers: Vec<Ipv4Addr> = (1..=64).map(|d| Ipv4Addr::new(127, 0, 1, d)).collect();
    let other = Ipv4Addr::new(127, 0, 0, 6);
    slowloris_leaves_room(&s, &attackers, 9, (ENDLESS_HEAD, 1), other);
}

/// A request in the router is never cut off to make room, and its body had `--request-timeout`
/// (it has 10 s now): four addresses sending 130 slow bodies each (authenticated: only such
/// requests read a body) used to fill the server for as long. Each address's share leaves room
/// for a fifth.
#[test]
fn slow_bodies_from_four_addresses_leave_room_for_a_fifth() {
    let env = Env::new();
    let store = env.path("store");
    env.bootstrap(&store);
    let token = env.ok(["--store", store.to_str().unwrap(), "token", "admin"]);
    let s = env.serve(&store, &[]);
    let request = format!(
        "POST /v1/tokenreviews HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {}\r\n\
         Content-Type: application/json\r\nContent-Length: 60000\r\n\r\n",
        token.trim()
    );
    let attackers: Vec<Ipv4Addr> = (2..=5).map(|d| Ipv4Addr::new(127, 0, 0, d)).collect();
    let other = Ipv4Addr::new(127, 0, 0, 6);
    let head = request.as_bytes();
    slowloris_leaves_room(&s, &attackers, 130, (head, head.len()), other);
}

/// The security review's reproduction of the above with enough addresses that their shares
/// fill the server: 64 addresses × 8 slow bodies (512, the cap in all), sent with a token of an
/// account whose only grant is the global `create accessreview`, used to hold every connection
/// for `--request-timeout`, so that a newcomer was refused. Now at most 384 requests are routed
/// at once but for an address's first one, and the others are answered 503 with `Retry-After`
/// at once, so that a fifth address is served.
#[test]
fn slow_bodies_from_64_addresses_leave_room_for_another() {
    let env = Env::new();
    let store = env.path("store");
    env.bootstrap(&store);
    let s = store.to_str().unwrap();
    env.ok(["--store", s, "create", "reviewer"]);
    env.ok([
        "--store",
        s,
        "policy",
        "create",
        "reviews",
        "--global",
        "--subject",
        "reviewer",
        "--action",
        "create",
        "--resource",
        "accessreview",
    ]);
    let token = env.ok(["--store", s, "token", "reviewer"]);
    let server = env.serve(&store, &[]);
    let request = format!(
        "POST /v1/accessreviews HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {}\r\n\
         Content-Type: application/json\r\nContent-Length: 60000\r\n\r\n{{",
        token.trim()
    );
    let attackers: Vec<Ipv4Addr> = (1..=64).map(|d| Ipv4Addr::new(127, 0, 2, d)).collect();
    let other = Ipv4Addr::new(127, 0, 0, 3);
    let head = request.as_bytes();
    let answers = slowloris_leaves_room(&server, &attackers, 8, (head, head.len()), other);
    // Those not routed were told so, with when to come back, rather than reset.
    let refused = answers
        .iter()
        .find(|a| a.starts_with("HTTP/1.1 503"))
        .unwrap_or_else(|| panic!("no 503 among the answers: {answers:?}"));
    assert!(
        refused.to_ascii_lowercase().contains("\r\nretry-after: "),
        "{refused}"
    );
}

/// How long until the server closes `stream`, which sends one more byte of `bytes` every half
/// second (an answer ends it too), and the answer's first bytes if any; at most `secs`.
fn trickled_until_closed(stream: &mut TcpStream, bytes: &[u8], secs: u64) -> (Duration, String) {
    let start = Instant::now();
    stream.set_nonblocking(true).unwrap();
    for b in bytes.iter().chain(std::iter::repeat(&b'a')) {
        assert!(
            start.elapsed() < Duration::from_secs(secs),
            "the server kept a trickling connection open for {secs} s"
        );
        let mut buf = [0u8; 1024];
        match stream.read(&mut buf) {
            Err(e) if e.kind() == ErrorKind::WouldBlock => {}
            // Closed, reset or answered (408): the server is done with it.
            Ok(n) => {
                let answer = String::from_utf8_lossy(&buf[..n]).into_owned();
                return (start.elapsed(), answer);
            }
            Err(_) => return (start.elapsed(), String::new()),
        }
        if stream.write(&[*b]).is_err() {
            return (start.elapsed(), String::new());
        }
        std::thread::sleep(Duration::from_millis(500));
    }
    unreachable!()
}

#[test]
fn a_trickling_request_head_or_handshake_is_cut_off_long_before_the_request_timeout() {
    let env = Env::new();
    env.openssl(&[
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=localhost",
        "-keyout",
        "tls.key",
        "-out",
        "tls.crt",
    ]);
    let plain = env.serve_default_store(&["--request-timeout", "60s"]);
    let tls = env.serve_default_store(&[
        "--request-timeout",
        "60s",
        "--tls-cert",
        "tls.crt",
        "--tls-key",
        "tls.key",
    ]);
    // A request head, and a TLS ClientHello (a handshake record announcing 512 bytes), a byte
    // every half second: each is closed after the wait for a whole head (not at once: a byte
    // keeps coming), long before the 60 s of --request-timeout. Margins are wide: the machine
    // may be busy.
    let hello: &[u8] = &[
        0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03,
    ];
    for (what, port, bytes) in [
        ("a request head", plain.port, ENDLESS_HEAD),
        ("a TLS handshake", tls.port, hello),
    ] {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        let (after, _) = trickled_until_closed(&mut stream, bytes, 45);
        assert!(
            after >= Duration::from_secs(6) && after < Duration::from_secs(30),
            "{what}: closed after {after:?}"
        );
    }
    // The server still answers.
    let mut c = TcpStream::connect(("127.0.0.1", plain.port)).unwrap();
    let answer = exchange(&mut c, HEALTHZ, 10).unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}

/// A body sent a byte at a time holds a request in the router, which is never cut off to make
/// room: it has 10 s (then 408), not the whole `--request-timeout`.
#[test]
fn a_trickling_request_body_is_answered_408_long_before_the_request_timeout() {
    let env = Env::new();
    let store = env.path("store");
    env.bootstrap(&store);
    let token = env.ok(["--store", store.to_str().unwrap(), "token", "admin"]);
    let s = env.serve(&store, &["--request-timeout", "60s"]);
    let head = format!(
        "POST /v1/tokenreviews HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {}\r\n\
         Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n",
        token.trim()
    );
    let mut c = TcpStream::connect(("127.0.0.1", s.port)).unwrap();
    c.write_all(head.as_bytes()).unwrap();
    let (after, mut answer) = trickled_until_closed(&mut c, b"{\"token\":\"", 45);
    assert!(
        after >= Duration::from_secs(6) && after < Duration::from_secs(30),
        "answered after {after:?}: {answer}"
    );
    c.set_nonblocking(false).unwrap();
    c.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let _ = c.read_to_string(&mut answer);
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("\r\nconnection: close\r\n"), "{answer}");
    assert_eq!(problem(&answer)["code"], "timeout", "{answer}");
    assert!(
        s.log().contains(" POST /v1/tokenreviews 408 admin "),
        "{}",
        s.log()
    );
}

#[test]
fn a_connection_that_stays_silent_is_closed_long_before_the_request_timeout() {
    let env = Env::new();
    env.openssl(&[
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=localhost",
        "-addext",
        "subjectAltName=DNS:localhost,IP:127.0.0.1",
        "-keyout",
        "tls.key",
        "-out",
        "tls.crt",
    ]);
    let plain = env.serve_default_store(&["--request-timeout", "60s"]);
    let tls = env.serve_default_store(&[
        "--request-timeout",
        "60s",
        "--tls-cert",
        "tls.crt",
        "--tls-key",
        "tls.key",
    ]);

    // Never a byte: plain, and before a TLS handshake.
    let mut silent = TcpStream::connect(("127.0.0.1", plain.port)).unwrap();
    let mut silent_tls = TcpStream::connect(("127.0.0.1", tls.port)).unwrap();
    // One request with keep-alive, answered; then nothing.
    let mut kept = TcpStream::connect(("127.0.0.1", plain.port)).unwrap();
    kept.write_all(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        .unwrap();
    let mut answer = read_head(&mut kept, 10);
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    while !answer.ends_with("{\"status\":\"ok\"}") {
        let mut more = [0u8; 64];
        let n = kept.read(&mut more).unwrap();
        assert!(n > 0, "closed before the whole answer: {answer}");
        answer.push_str(&String::from_utf8_lossy(&more[..n]));
    }

    // Closed after the wait for a first byte: not immediately, and long before the 60 s of
    // --request-timeout (margins are wide: the machine may be busy).
    for (what, stream) in [
        ("a silent connection", &mut silent),
        ("a silent connection to the TLS server", &mut silent_tls),
        ("an idle keep-alive connection", &mut kept),
    ] {
        let after = closed_after(stream, 45);
        assert!(
            after < Duration::from_secs(30),
            "{what}: closed after {after:?}"
        );
    }
    let mut fresh = TcpStream::connect(("127.0.0.1", plain.port)).unwrap();
    let after = closed_after(&mut fresh, 45);
    assert!(after >= Duration::from_secs(1), "closed after {after:?}");
    // The server still answers.
    let mut c = TcpStream::connect(("127.0.0.1", plain.port)).unwrap();
    let answer = exchange(&mut c, HEALTHZ, 10).unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}

#[test]
fn an_overlong_method_or_path_is_refused_without_being_repeated() {
    let env = Env::new();
    let s = env.serve_default_store(&[]);
    let ask = |line: &str| {
        let mut c = TcpStream::connect(("127.0.0.1", s.port)).unwrap();
        let request = format!("{line}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        exchange(&mut c, request.as_bytes(), 10).unwrap()
    };

    // A 20 KB path: 414, and the body does not repeat it.
    let run = "p".repeat(300);
    let path = format!("/v1/{}", "p".repeat(20_000));
    let answer = ask(&format!("GET {path} HTTP/1.1"));
    assert!(answer.starts_with("HTTP/1.1 414"), "{}", &answer[..200]);
    assert_eq!(problem(&answer)["status"], 414);
    assert!(!answer.contains(&run), "the path was repeated");

    // A 100-byte method: 501, not repeated.
    let method = "M".repeat(100);
    let answer = ask(&format!("{method} /healthz HTTP/1.1"));
    assert!(answer.starts_with("HTTP/1.1 501"), "{}", &answer[..200]);
    assert_eq!(problem(&answer)["status"], 501);
    assert!(!answer.contains("MMMMMMMM"), "{answer}");

    // A path under the cap but long: 404, repeating only the beginning of it.
    let path = format!("/v1/{}", "q".repeat(4_000));
    let answer = ask(&format!("GET {path} HTTP/1.1"));
    assert!(answer.starts_with("HTTP/1.1 404"), "{}", &answer[..200]);
    let detail = problem(&answer)["detail"].as_str().unwrap().to_owned();
    assert!(detail.starts_with("no route /v1/qqqq"), "{detail}");
    assert!(detail.len() < 400, "{detail}");

    // The access log cuts the path and the method.
    let log = s.log();
    for (status, long) in [
        (" 414 ", &run),
        (" 501 ", &"M".repeat(33)),
        (" 404 ", &"q".repeat(300)),
    ] {
        let line = log
            .lines()
            .find(|l| l.contains(status))
            .unwrap_or_else(|| panic!("no{status}line in\n{log}"));
        assert!(line.len() < 400, "{line}");
        assert!(!line.contains(long.as_str()), "{line}");
        assert!(line.contains('…'), "{line}");
    }
}

#[test]
fn expect_continue_with_a_body_over_the_cap_is_refused_at_once() {
    let env = Env::new();
    let store = env.path("store");
    env.bootstrap(&store);
    let token = env.ok(["--store", store.to_str().unwrap(), "token", "admin"]);
    let token = token.trim();
    let s = env.serve(&store, &[]);
    let head = |length: usize| {
        format!(
            "POST /v1/tokenreviews HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n\
             Content-Type: application/json\r\nContent-Length: {length}\r\n\
             Expect: 100-continue\r\n\r\n"
        )
    };

    // 10 MB announced: 413 without `100 Continue`, and no body sent.
    let mut c = TcpStream::connect(("127.0.0.1", s.port)).unwrap();
    c.write_all(head(10_000_000).as_bytes()).unwrap();
    let first = read_head(&mut c, 10);
    assert!(first.starts_with("HTTP/1.1 413"), "{first}");
    let mut rest = String::new();
    c.read_to_string(&mut rest).unwrap();
    let answer = first + &rest;
    assert_eq!(problem(&answer)["code"], "too-large", "{answer}");
    assert!(!answer.contains("100 Continue"), "{answer}");

    // A body under the cap is still asked for, and answered.
    let body = r#"{"token":"not-a-token"}"#;
    let mut c = TcpStream::connect(("127.0.0.1", s.port)).unwrap();
    c.write_all(head(body.len()).as_bytes()).unwrap();
    let first = read_head(&mut c, 10);
    assert!(first.starts_with("HTTP/1.1 100 Continue"), "{first}");
    c.write_all(body.as_bytes()).unwrap();
    let answer = read_head(&mut c, 10);
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(
        s.log().contains(" POST /v1/tokenreviews 413 - "),
        "{}",
        s.log()
    );
}
