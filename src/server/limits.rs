//! What the server refuses of a request before routing it, and how much of a request it repeats
//! in an answer or in the access log.
//!
//! hyper refuses on its own, with an empty body, a request target longer than the `http`
//! crate's URI limit (64 KiB: 414) and a request head longer than its read buffer
//! (`max_buf_size`, about 400 KiB: 431). Under those, everything reaches the application, which
//! would repeat a long method or path in its 404 and 405 answers and in the access log.

use std::borrow::Cow;

use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

use super::problem::ApiError;
use crate::api::{self, code};

/// Longest method served: `DELETE` is the longest this API has, and no registered method comes
/// near it; a longer one is refused with 501 (RFC 9112 §3).
pub const MAX_METHOD_BYTES: usize = 32;

/// Longest request target (path and query) served: the longest path of the API with every
/// parameter at its longest is well under 1 KiB; a longer target is refused with 414
/// (RFC 9112 §3).
pub const MAX_TARGET_BYTES: usize = 8 * 1024;

/// Most bytes of a path repeated in a 404 answer or in the access log.
pub const ECHO_BYTES: usize = 256;

/// The answer to a request refused before routing, if it is:
/// - 501 for a method longer than [`MAX_METHOD_BYTES`] and 414 for a target longer than
///   [`MAX_TARGET_BYTES`], neither of which repeats what was sent;
/// - 413 at once for `Expect: 100-continue` with a `Content-Length` over the body cap: hyper
///   sends `100 Continue` only when the body is first read, so this answer comes instead, and
///   with `Connection: close`, since the body that was announced is not read.
pub fn refusal(req: &Request) -> Option<Response> {
    if req.method().as_str().len() > MAX_METHOD_BYTES {
        return Some(
            ApiError::new(
                501,
                code::INVALID,
                format!(
                    "the method is longer than {MAX_METHOD_BYTES} bytes: no route has such a method"
                ),
            )
            .into_response(),
        );
    }
    let target = req.uri().path_and_query().map_or(0, |p| p.as_str().len());
    if target > MAX_TARGET_BYTES {
        return Some(
            ApiError::new(
                414,
                code::INVALID,
                format!(
                    "the request target is longer than {} KiB: no route has such a path",
                    MAX_TARGET_BYTES / 1024
                ),
            )
            .into_response(),
        );
    }
    let headers = req.headers();
    let expects_continue = headers
        .get(header::EXPECT)
        .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"100-continue"));
    if expects_continue {
        let announced = headers
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok());
        if announced.is_some_and(|n| n > api::MAX_BODY_BYTES as u64) {
            let mut res = ApiError::new(
                413,
                code::TOO_LARGE,
                format!("the body is larger than {} bytes", api::MAX_BODY_BYTES),
            )
            .into_response();
            res.headers_mut()
                .insert(header::CONNECTION, HeaderValue::from_static("close"));
            return Some(res);
        }
    }
    None
}

/// `text` cut to at most `max` bytes (at a character boundary), with `…` when it was cut.
pub fn cut(text: &str, max: usize) -> Cow<'_, str> {
    if text.len() <= max {
        return Cow::Borrowed(text);
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    Cow::Owned(format!("{}…", &text[..end]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_keeps_short_text_and_cuts_at_a_character() {
        assert_eq!(cut("/healthz", 8), "/healthz");
        assert!(matches!(cut("/healthz", 8), Cow::Borrowed(_)));
        assert_eq!(cut("/healthz", 4), "/hea…");
        // é is two bytes: never half of it
        assert_eq!(cut("/caf\u{e9}", 5), "/caf…");
        assert_eq!(
            cut(&"x".repeat(10_000), ECHO_BYTES).len(),
            ECHO_BYTES + '…'.len_utf8()
        );
    }

    fn request(method: &str, target: &str, headers: &[(&str, &str)]) -> Request {
        let mut b = Request::builder().method(method).uri(target);
        for (k, v) in headers {
            b = b.header(*k, *v);
        }
        b.body(axum::body::Body::empty()).unwrap()
    }

    #[test]
    fn long_request_lines_and_announced_big_bodies_are_refused() {
        let status = |r: &Request| refusal(r).map(|res| res.status().as_u16());
        assert_eq!(status(&request("GET", "/healthz", &[])), None);
        let method = "M".repeat(MAX_METHOD_BYTES);
        assert_eq!(status(&request(&method, "/healthz", &[])), None);
        let method = "M".repeat(MAX_METHOD_BYTES + 1);
        assert_eq!(status(&request(&method, "/healthz", &[])), Some(501));
        let path = format!("/{}", "p".repeat(MAX_TARGET_BYTES - 1));
        assert_eq!(status(&request("GET", &path, &[])), None);
        let path = format!("/{}", "p".repeat(MAX_TARGET_BYTES));
        assert_eq!(status(&request("GET", &path, &[])), Some(414));
        let query = format!("/healthz?{}", "q".repeat(MAX_TARGET_BYTES));
        assert_eq!(status(&request("GET", &query, &[])), Some(414));

        let big = (api::MAX_BODY_BYTES + 1).to_string();
        let cap = api::MAX_BODY_BYTES.to_string();
        let post = |h: &[(&str, &str)]| status(&request("POST", "/v1/tokenreviews", h));
        assert_eq!(
            post(&[("expect", "100-Continue"), ("content-length", &big)]),
            Some(413)
        );
        assert_eq!(
            post(&[("expect", "100-continue"), ("content-length", &cap)]),
            None
        );
        // Without `Expect`, the body is read up to the cap as before (and refused there).
        assert_eq!(post(&[("content-length", &big)]), None);
        let res = refusal(&request(
            "POST",
            "/v1/tokenreviews",
            &[("expect", "100-continue"), ("content-length", "10000000")],
        ))
        .unwrap();
        assert_eq!(res.headers()[header::CONNECTION], "close");
    }
}
