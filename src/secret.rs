//! Recognising key material and tokens in bytes: what is refused on the command line
//! ([`crate::secret_args`]), never repeated by a message ([`crate::output::shown_path`]) and
//! redacted from the config file.

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use zeroize::Zeroizing;

/// What a value holds that is never a command-line value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Secret {
    /// Key material: a `-----BEGIN … KEY-----` line (private or public, whole or not), or the
    /// base64 of a DER key without its PEM lines.
    Key,
    /// A JWT (JWS or JWE compact form): base64url segments whose first is a JSON object with
    /// `alg`.
    Token,
}

impl Secret {
    /// `key`, `token`.
    pub fn noun(self) -> &'static str {
        match self {
            Secret::Key => "key",
            Secret::Token => "token",
        }
    }

    /// Where a secret of this kind belongs, for a refusal.
    pub fn belongs(self) -> &'static str {
        match self {
            Secret::Key => {
                "svcacct reads keys from files (--jwt-private-key FILE, --public-key FILE) and \
                 from SVCACCT_JWT_PRIVATE_KEY"
            }
            Secret::Token => {
                "a remote store takes a token from SVCACCT_TOKEN, from a file (--token-file \
                 FILE, SVCACCT_TOKEN_FILE) or from stdin (--token-file -)"
            }
        }
    }

    /// What is shown instead of a value that holds a secret (`config view`, as kubectl's).
    pub fn redacted(self) -> &'static str {
        match self {
            Secret::Key => "REDACTED (a key)",
            Secret::Token => "REDACTED (a token)",
        }
    }
}

/// The key material or token that `bytes` hold, if any.
pub fn find(bytes: &[u8]) -> Option<Secret> {
    if has_pem_key(bytes) || is_der_base64(bytes) {
        Some(Secret::Key)
    } else if has_token(bytes) {
        Some(Secret::Token)
    } else {
        None
    }
}

fn position(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// A `-----BEGIN` line that names a key: `PRIVATE KEY`, `RSA PUBLIC KEY`, `OPENSSH PRIVATE
/// KEY`, `PGP PRIVATE KEY BLOCK`…
fn has_pem_key(bytes: &[u8]) -> bool {
    const BEGIN: &[u8] = b"-----BEGIN";
    let mut rest = bytes;
    while let Some(at) = position(rest, BEGIN) {
        rest = &rest[at + BEGIN.len()..];
        let line = rest
            .split(|&b| b == b'\n' || b == b'\r')
            .next()
            .unwrap_or_default();
        if position(line, b"KEY").is_some() {
            return true;
        }
    }
    false
}

/// The base64 of a DER key without its PEM lines (`MIIE…`, perhaps wrapped): a SEQUENCE whose
/// two-byte length is the rest of it. Shorter than 256 characters is no RSA key.
fn is_der_base64(bytes: &[u8]) -> bool {
    if bytes.len() < 256 {
        return false;
    }
    let compact = Zeroizing::new(
        bytes
            .iter()
            .copied()
            .filter(|b| !b.is_ascii_whitespace())
            .collect::<Vec<u8>>(),
    );
    if !compact.starts_with(b"MII") {
        return false;
    }
    let Ok(der) = STANDARD.decode(compact.as_slice()).map(Zeroizing::new) else {
        return false;
    };
    der.len() > 4
        && der[0] == 0x30
        && der[1] == 0x82
        && usize::from(u16::from_be_bytes([der[2], der[3]])) + 4 == der.len()
}

/// A JWT anywhere in `bytes` (`--claim=auth=Bearer eyJ…` holds one too).
fn has_token(bytes: &[u8]) -> bool {
    let base64url = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'_';
    bytes
        .split(|&b| !(base64url(b) || b == b'.'))
        .any(has_compact_jwt)
}

/// A JWT in a run of base64url characters and dots: three (JWS) or five (JWE) consecutive
/// segments, the first the base64url of a JSON object with `alg`, wherever they are in the
/// run. A token is no less a token with a dot or other segments around it (`$JWT.`,
/// `v1.$JWT`, `$JWT.$JWT`), so the run's number of dots says nothing: a header with two
/// segments after it is enough (five segments have two after their first too).
fn has_compact_jwt(run: &[u8]) -> bool {
    let segments: Vec<&[u8]> = run.split(|&b| b == b'.').collect();
    segments
        .iter()
        .rev()
        .skip(2)
        .any(|segment| ends_with_header(segment))
}

/// A JOSE header: the base64url of a JSON object with `alg`.
fn is_header(json: &[u8]) -> bool {
    serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(json)
        .is_ok_and(|m| m.contains_key("alg"))
}

/// `segment` is a JOSE header, or ends with one: what comes before the header's `ey`/`ew`
/// (`{"`, `{ `, `{\n`) is ignored, so that a short option written together with its value
/// (`-oeyJ…`) is seen too.
///
/// Every `ey`/`ew` is a place where a header may start. Four characters make three bytes, so
/// what the segment decodes to from such a place is the tail of what it decodes to from its
/// first, second, third or fourth character (the one of the same alignment): the segment is
/// decoded at most four times, whatever its length, and a JSON object is parsed only from a
/// `{` followed by a `"`.
fn ends_with_header(segment: &[u8]) -> bool {
    if URL_SAFE_NO_PAD
        .decode(segment)
        .is_ok_and(|json| is_header(&json))
    {
        return true;
    }
    let mut decoded: [Option<Option<Vec<u8>>>; 4] = Default::default();
    (1..segment.len().saturating_sub(1)).any(|at| {
        if !matches!(&segment[at..at + 2], b"ey" | b"ew") {
            return false;
        }
        let alignment = at % 4;
        let Some(json) = decoded[alignment]
            .get_or_insert_with(|| URL_SAFE_NO_PAD.decode(&segment[alignment..]).ok())
        else {
            return false;
        };
        let object = &json[(at - alignment) / 4 * 3..];
        let after_brace = object[1..].iter().find(|b| !b.is_ascii_whitespace());
        after_brace == Some(&b'"') && is_header(object)
    })
}
