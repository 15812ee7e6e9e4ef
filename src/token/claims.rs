//! A token's parts and the claims svcacct writes and reads: algorithms, `aud`, `act`, `jti`,
//! NumericDates, and parsing a compact JWS (refusing repeated member names).

use anyhow::Result;
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jiff::{SignedDuration, Timestamp};
use jsonwebtoken::Algorithm;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::error::Rejected;
use crate::output::sanitize;

/// Clock-skew allowance, both when minting (`iat` = now − 60 s) and when verifying.
pub const LEEWAY: SignedDuration = SignedDuration::from_secs(60);

/// Claims a `--claim` may not set.
pub const REGISTERED_CLAIMS: [&str; 8] = ["iss", "sub", "aud", "exp", "nbf", "iat", "jti", "act"];

/// The algorithms account keys may sign with.
pub fn rsa_algorithm(name: &str) -> Option<Algorithm> {
    match name {
        "RS256" => Some(Algorithm::RS256),
        "RS384" => Some(Algorithm::RS384),
        "RS512" => Some(Algorithm::RS512),
        _ => None,
    }
}

pub fn algorithm_name(alg: Algorithm) -> &'static str {
    match alg {
        Algorithm::RS256 => "RS256",
        Algorithm::RS384 => "RS384",
        Algorithm::RS512 => "RS512",
        _ => "unsupported",
    }
}

/// The `aud` claim: a string for one audience, an array for several (RFC 7519 4.1.3).
#[derive(Serialize)]
#[serde(untagged)]
pub(crate) enum Audience<'a> {
    One(&'a str),
    Many(&'a [String]),
}

impl<'a> Audience<'a> {
    /// `None` (no `aud` claim) for no audience.
    pub(crate) fn of(audiences: &'a [String]) -> Option<Audience<'a>> {
        match audiences {
            [] => None,
            [one] => Some(Audience::One(one)),
            many => Some(Audience::Many(many)),
        }
    }
}

/// RFC 8693 `act`: the party acting for the token's `sub`.
#[derive(Serialize)]
pub(crate) struct Actor<'a> {
    pub(crate) sub: &'a str,
}

/// A token id: 128 random bits, base64url.
pub(crate) fn random_id() -> Result<String> {
    let mut raw = [0u8; 16];
    aws_lc_rs::rand::fill(&mut raw).map_err(|_| anyhow::anyhow!("system random source failed"))?;
    Ok(URL_SAFE_NO_PAD.encode(raw))
}

/// A token split into its parts, not verified.
pub struct Parsed<'t> {
    pub header: Map<String, Value>,
    pub claims: Map<String, Value>,
    pub signing_input: &'t str,
    pub signature: &'t str,
}

pub(crate) fn reject(msg: impl Into<String>) -> anyhow::Error {
    Rejected(msg.into()).into()
}

/// Splits and decodes a compact JWS without checking anything but its shape.
pub fn parse(token: &str) -> Result<Parsed<'_>> {
    let token = token.trim();
    let mut parts = token.split('.');
    let (Some(h), Some(c), Some(s), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(reject(
            "malformed token: a JWT has three base64url parts separated by `.`",
        ));
    };
    let decode = |part: &str, what: &str| -> Result<Map<String, Value>> {
        let bytes = URL_SAFE_NO_PAD
            .decode(part)
            .map_err(|_| reject(format!("malformed token: the {what} is not base64url")))?;
        match unique::object(&bytes) {
            Ok(m) => Ok(m),
            Err(unique::NotUnique::Duplicate(name)) => Err(reject(format!(
                "malformed token: the {what} has the member `{}` more than once (RFC 7515 §4 \
                 and RFC 7519 §4: names must be unique, or the token says two things)",
                sanitize(&name)
            ))),
            Err(unique::NotUnique::Invalid) => Err(reject(format!(
                "malformed token: the {what} is not a JSON object"
            ))),
        }
    };
    let header = decode(h, "header")?;
    let claims = decode(c, "payload")?;
    Ok(Parsed {
        header,
        claims,
        signing_input: &token[..h.len() + 1 + c.len()],
        signature: s,
    })
}

/// JSON objects whose member names are unique at every depth. serde_json keeps the last of
/// repeated members, so `{"sub":"a","sub":"b"}` would mean one thing here and another to a
/// verifier that keeps the first: RFC 7515 §4 and RFC 7519 §4 let a recipient refuse such a
/// token, and svcacct does. (Kept here, not a crate: it is one `DeserializeSeed` over
/// serde_json's own parser, which builds the same `Value` in one pass.)
mod unique {
    use std::cell::RefCell;
    use std::fmt;

    use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
    use serde_json::{Map, Value};

    pub enum NotUnique {
        /// The first repeated member name.
        Duplicate(String),
        /// Not JSON, or not an object.
        Invalid,
    }

    /// Parses `bytes` as a JSON object, refusing a repeated member name at any depth.
    pub fn object(bytes: &[u8]) -> Result<Map<String, Value>, NotUnique> {
        let dup = RefCell::new(None);
        let mut de = serde_json::Deserializer::from_slice(bytes);
        let parsed = Seed(&dup).deserialize(&mut de).and_then(|v| {
            de.end()?;
            Ok(v)
        });
        match (parsed, dup.into_inner()) {
            (_, Some(name)) => Err(NotUnique::Duplicate(name)),
            (Ok(Value::Object(m)), None) => Ok(m),
            _ => Err(NotUnique::Invalid),
        }
    }

    #[derive(Clone, Copy)]
    struct Seed<'a>(&'a RefCell<Option<String>>);

    impl<'de> DeserializeSeed<'de> for Seed<'_> {
        type Value = Value;
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
            d.deserialize_any(self)
        }
    }

    impl<'de> Visitor<'de> for Seed<'_> {
        type Value = Value;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a JSON value")
        }
        fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
            Ok(Value::Bool(v))
        }
        fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
            Ok(Value::from(v))
        }
        fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
            Ok(Value::from(v))
        }
        fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
            Ok(Value::from(v))
        }
        fn visit_str<E>(self, v: &str) -> Result<Value, E> {
            Ok(Value::String(v.to_owned()))
        }
        fn visit_string<E>(self, v: String) -> Result<Value, E> {
            Ok(Value::String(v))
        }
        fn visit_unit<E>(self) -> Result<Value, E> {
            Ok(Value::Null)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
            let mut items = vec![];
            while let Some(v) = seq.next_element_seed(self)? {
                items.push(v);
            }
            Ok(Value::Array(items))
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
            let mut m = Map::new();
            while let Some(k) = map.next_key::<String>()? {
                let v = map.next_value_seed(self)?;
                if m.contains_key(&k) {
                    *self.0.borrow_mut() = Some(k);
                    return Err(de::Error::custom("a repeated member name"));
                }
                m.insert(k, v);
            }
            Ok(Value::Object(m))
        }
    }
}

pub(crate) fn numeric_claim(claims: &Map<String, Value>, name: &str) -> Result<Option<Timestamp>> {
    match claims.get(name) {
        None => Ok(None),
        Some(v) => v
            .as_i64()
            .or_else(|| v.as_f64().map(|f| f as i64))
            .and_then(|s| Timestamp::from_second(s).ok())
            .map(Some)
            .ok_or_else(|| {
                reject(format!(
                    "`{name}` must be a NumericDate (seconds since 1970)"
                ))
            }),
    }
}

pub(crate) fn audiences(claims: &Map<String, Value>) -> Result<Vec<String>> {
    match claims.get("aud") {
        None => Ok(vec![]),
        Some(Value::String(s)) => Ok(vec![s.clone()]),
        Some(Value::Array(a)) => a
            .iter()
            .map(|v| {
                v.as_str()
                    .map(str::to_owned)
                    .ok_or_else(|| reject("`aud` must be a string or an array of strings"))
            })
            .collect(),
        Some(_) => Err(reject("`aud` must be a string or an array of strings")),
    }
}
