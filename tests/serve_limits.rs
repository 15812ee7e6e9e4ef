//! One client cannot take `svcacct serve` away from everyone else (issue 12, point 7):
//! over-long request lines, and `Expect: 100-continue` with a body over the cap. Raw TCP
//! clients, so that nothing between the test and the server retries or tidies a request.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use common::Env;

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

/// The body of an answer read to its end.
fn body(answer: &str) -> &str {
    answer.split_once("\r\n\r\n").map_or("", |(_, b)| b)
}

fn problem(answer: &str) -> serde_json::Value {
    serde_json::from_str(body(answer)).unwrap_or_else(|e| panic!("not JSON ({e}): {answer}"))
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
