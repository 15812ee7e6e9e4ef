use std::collections::BTreeMap;

use anyhow::Result;
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jiff::{SignedDuration, Timestamp};
use jsonwebtoken::Algorithm;
use serde_json::Value;

use super::claims::*;
use super::verify::*;
use super::*;
use crate::error::Rejected;
use crate::identity::Reference;
use crate::keys::PrivateKey;
use crate::model::{Account, KeyRecord};
use crate::store::Store;

#[test]
fn the_signer_of_a_self_signed_token_is_found_without_verifying() {
    let self_signed = |t: &str| parse(t).ok().and_then(|p| self_signed_account(&p));
    let jwt = |claims: &str| {
        format!(
            "{}.{}.c2ln",
            URL_SAFE_NO_PAD.encode(r#"{"alg":"RS256"}"#),
            URL_SAFE_NO_PAD.encode(claims)
        )
    };
    assert_eq!(
        self_signed(&jwt(r#"{"iss":"eng/ci-bot","sub":"eng/ci-bot"}"#)),
        Some(Reference::parse_canonical("eng/ci-bot").unwrap())
    );
    let issued = format!(
        r#"{{"iss":"{}abc","sub":"ci-bot"}}"#,
        crate::issued::ISSUER_PREFIX
    );
    assert_eq!(self_signed(&jwt(&issued)), None);
    assert_eq!(self_signed(&jwt(r#"{"iss":"not a reference"}"#)), None);
    assert_eq!(self_signed(&jwt(r#"{"iss":7}"#)), None);
    assert_eq!(self_signed("garbage"), None);
}
use crate::identity::{Name, Namespace};
use crate::store::memory::MemoryStore;
use serde_json::json;

struct Fixture {
    store: MemoryStore,
    key: PrivateKey,
    reference: Reference,
}

fn fixture() -> Fixture {
    fixture_at("eng", crate::model::KeyAlgorithm::RS256)
}

/// Account `<ns>/ci`, created an hour ago with one 2048-bit key registered for `alg`.
fn fixture_at(ns: &str, alg: crate::model::KeyAlgorithm) -> Fixture {
    let key = PrivateKey::generate(2048).unwrap();
    let reference = Reference::new(Namespace::parse(ns).unwrap(), Name::parse("ci").unwrap());
    // Created an hour ago: tokens of the tests may say they were minted minutes ago.
    let created = Timestamp::now() - SignedDuration::from_hours(1);
    let store = MemoryStore::new();
    store
        .create_account(Account {
            uid: "u".into(),
            keys: vec![KeyRecord::new(key.public_key(), alg, created)],
            ..Account::new(reference.clone(), created)
        })
        .unwrap();
    Fixture {
        store,
        key,
        reference,
    }
}

fn opts(aud: Option<&str>) -> VerifyOptions<'_> {
    VerifyOptions {
        audience: aud,
        max_lifetime: SignedDuration::from_hours(1),
        max_lifetime_source: "test",
        now: Timestamp::now(),
    }
}

/// Signs arbitrary claims with the fixture's key, as a foreign minter would.
fn sign_claims(f: &Fixture, claims: Value) -> String {
    sign_raw(
        f,
        &json!({"alg": "RS256", "typ": "JWT", "kid": f.key.kid()}).to_string(),
        &claims.to_string(),
    )
}

/// Signs a header and claims given as JSON text (so that they may repeat a member).
fn sign_raw(f: &Fixture, header: &str, claims: &str) -> String {
    let alg = serde_json::from_str::<Value>(header)
        .ok()
        .and_then(|h| h["alg"].as_str().map(str::to_owned))
        .unwrap_or_else(|| "RS256".into());
    let digest_bits = match alg.as_str() {
        "RS384" => 384,
        "RS512" => 512,
        _ => 256,
    };
    let input = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(header),
        URL_SAFE_NO_PAD.encode(claims)
    );
    let sig = f.key.sign_pkcs1(digest_bits, input.as_bytes()).unwrap();
    format!("{input}.{}", URL_SAFE_NO_PAD.encode(sig))
}

fn rejection(r: Result<Verified>) -> String {
    match r {
        Ok(_) => panic!("accepted"),
        Err(e) => e.downcast::<Rejected>().expect("a Rejected").0,
    }
}

/// A refusal that needs no account comes before the account is looked up, so an anonymous
/// caller cannot tell from it whether an account exists.
#[test]
fn header_refusals_do_not_depend_on_the_account() {
    use base64::Engine as _;
    let f = fixture();
    let b64 = |v: Value| {
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(v.to_string().as_bytes())
    };
    let now = Timestamp::now().as_second();
    let forged = |iss: &str| {
        format!(
            "{}.{}.AAAA",
            b64(json!({"alg": "RS256", "typ": "JWT", "kid": 1})),
            b64(json!({"iss": iss, "sub": iss, "iat": now, "exp": now + 60}))
        )
    };
    let known = rejection(verify(&forged("eng/ci"), &f.store, &opts(None)));
    let unknown = rejection(verify(&forged("eng/nobody"), &f.store, &opts(None)));
    assert_eq!(known, "`kid` must be a string");
    assert_eq!(known, unknown);
}

#[test]
fn mint_then_verify() {
    let f = fixture_at("eng", crate::model::KeyAlgorithm::RS512);
    let extra = BTreeMap::from([("env".to_owned(), "prod".to_owned())]);
    let auds = vec!["a".to_owned(), "b".to_owned()];
    let m = mint(&MintRequest {
        reference: &f.reference,
        key: &f.key,
        alg: Algorithm::RS512,
        ttl: SignedDuration::from_mins(10),
        audiences: &auds,
        extra: &extra,
        now: Timestamp::now(),
        impersonates: None,
    })
    .unwrap();
    let p = parse(&m.token).unwrap();
    assert_eq!(p.header["alg"], "RS512");
    assert_eq!(p.header["typ"], "JWT");
    assert_eq!(p.claims["iss"], "eng/ci");
    assert_eq!(p.claims["sub"], "eng/ci");
    assert_eq!(p.claims["env"], "prod");
    assert_eq!(
        p.claims["exp"].as_i64().unwrap() - p.claims["iat"].as_i64().unwrap(),
        660
    );
    assert_eq!(URL_SAFE_NO_PAD.decode(&m.jti).unwrap().len(), 16);
    let v = verify(&m.token, &f.store, &opts(Some("b"))).unwrap();
    assert_eq!(v.account.reference(), f.reference);
    assert_eq!(v.alg, "RS512");
    assert_eq!(v.audiences, auds);
    assert!(!format!("{m:?}").contains(&m.token));
}

#[test]
fn claim_rules() {
    let f = fixture();
    let now = Timestamp::now().as_second();
    let cases = [
        (
            json!({"iss": "eng/ci", "sub": "eng/ci", "iat": now}),
            "no `exp`",
        ),
        (
            json!({"iss": "eng/ci", "sub": "eng/ci", "exp": now + 60}),
            "no `iat`",
        ),
        (json!({"exp": now + 60, "iat": now}), "no `iss`"),
        (
            json!({"iss": 7, "exp": now + 60, "iat": now}),
            "`iss` must be a string",
        ),
        (
            json!({"iss": "eng/ci", "sub": "eng/ci", "iat": now, "exp": "soon"}),
            "NumericDate",
        ),
        (
            json!({"iss": "eng/ci", "sub": "eng/ci", "iat": now, "exp": now - 10}),
            "not after `iat`",
        ),
        (
            json!({"iss": "eng/ci", "sub": "eng/ci", "iat": now, "exp": now + 60, "nbf": now + 600}),
            "not valid before",
        ),
        (
            json!({"iss": "eng/ci", "sub": "eng/other", "iat": now, "exp": now + 60}),
            "`sub` differs",
        ),
        (
            json!({"iss": "eng/ci", "sub": "eng/ci", "aud": 5, "iat": now, "exp": now + 60}),
            "`aud` must be",
        ),
        (
            json!({"iss": "Eng/ci", "iat": now, "exp": now + 60}),
            "not a service account reference",
        ),
        (
            json!({"iss": "eng/ci", "iat": now, "exp": now + 60}),
            "the token has no `sub` claim",
        ),
    ];
    for (claims, want) in cases {
        let msg = rejection(verify(
            &sign_claims(&f, claims.clone()),
            &f.store,
            &opts(None),
        ));
        assert!(msg.contains(want), "{claims}: {msg}");
    }
    // Within the 60 s leeway an expired token still passes; past it, it does not.
    let ok = sign_claims(
        &f,
        json!({"iss": "eng/ci", "sub": "eng/ci", "iat": now - 100, "exp": now - 30}),
    );
    assert!(verify(&ok, &f.store, &opts(None)).is_ok());
    let late = sign_claims(
        &f,
        json!({"iss": "eng/ci", "sub": "eng/ci", "iat": now - 200, "exp": now - 90}),
    );
    assert!(rejection(verify(&late, &f.store, &opts(None))).contains("expired"));
}

/// RFC 7515 §4.1.11: `crit` names extensions a recipient must understand or refuse, and
/// svcacct implements none; `typ`, when present, says JWT (RFC 8725 §3.11).
#[test]
fn headers_a_recipient_must_understand_are_refused() {
    let f = fixture();
    let now = Timestamp::now().as_second();
    let claims = json!({"iss": "eng/ci", "sub": "eng/ci", "iat": now, "exp": now + 60}).to_string();
    let kid = f.key.kid();
    let ok = sign_raw(
        &f,
        &json!({"alg": "RS256", "kid": kid}).to_string(),
        &claims,
    );
    assert!(verify(&ok, &f.store, &opts(None)).is_ok());
    let cases = [
        (
            json!({"alg": "RS256", "kid": kid, "crit": ["exp"], "exp": 1}),
            "has `crit`",
        ),
        (
            json!({"alg": "RS256", "kid": kid, "crit": ["b64"], "b64": false}),
            "RFC 7515 §4.1.11",
        ),
        (
            json!({"alg": "RS256", "kid": kid, "crit": []}),
            "has `crit`",
        ),
        (
            json!({"alg": "RS256", "kid": kid, "typ": "at+jwt"}),
            "`typ` `at+jwt`",
        ),
        (
            json!({"alg": "RS256", "kid": kid, "typ": 1}),
            "`typ` must be a string",
        ),
    ];
    for (header, want) in cases {
        let msg = rejection(verify(
            &sign_raw(&f, &header.to_string(), &claims),
            &f.store,
            &opts(None),
        ));
        assert!(msg.contains(want), "{header}: {msg}");
    }
    for typ in ["JWT", "jwt", "application/jwt"] {
        let t = sign_raw(
            &f,
            &json!({"alg": "RS256", "kid": kid, "typ": typ}).to_string(),
            &claims,
        );
        assert!(verify(&t, &f.store, &opts(None)).is_ok(), "{typ}");
    }
}

/// A member name given twice is refused wherever it is, before anything else is read:
/// serde_json alone would keep the last, another verifier the first.
#[test]
fn repeated_member_names_are_refused() {
    let f = fixture();
    let now = Timestamp::now().as_second();
    let kid = f.key.kid();
    let header = json!({"alg": "RS256", "kid": kid}).to_string();
    let cases = [
        (
            header.clone(),
            format!(
                r#"{{"iss":"eng/ci","sub":"eng/ci","sub":"eng/other","iat":{now},"exp":{}}}"#,
                now + 60
            ),
            "the payload has the member `sub` more than once",
        ),
        (
            format!(r#"{{"alg":"HS256","alg":"RS256","kid":"{kid}"}}"#),
            format!(
                r#"{{"iss":"eng/ci","sub":"eng/ci","iat":{now},"exp":{}}}"#,
                now + 60
            ),
            "the header has the member `alg` more than once",
        ),
        (
            header.clone(),
            format!(
                r#"{{"iss":"eng/ci","sub":"eng/ci","x":{{"a":1,"a":2}},"iat":{now},"exp":{}}}"#,
                now + 60
            ),
            "the payload has the member `a` more than once",
        ),
    ];
    for (h, c, want) in cases {
        let msg = rejection(verify(&sign_raw(&f, &h, &c), &f.store, &opts(None)));
        assert!(msg.contains(want), "{c}: {msg}");
    }
    // The same parse keeps everything else exact.
    let token = sign_raw(
        &f,
        &header,
        r#"{"a":[1,{"b":null}],"n":-3,"f":1.5,"t":true,"s":"x"}"#,
    );
    let p = parse(&token).unwrap();
    assert_eq!(
        Value::Object(p.claims),
        json!({"a":[1,{"b":null}],"n":-3,"f":1.5,"t":true,"s":"x"})
    );
}

/// `iss` is the one spelling of the account's reference: `default/ci` is not `ci`.
#[test]
fn the_issuer_is_the_canonical_reference() {
    let f = fixture_at("default", crate::model::KeyAlgorithm::RS256);
    let now = Timestamp::now().as_second();
    let ok = sign_claims(
        &f,
        json!({"iss": "ci", "sub": "ci", "iat": now, "exp": now + 60}),
    );
    assert!(verify(&ok, &f.store, &opts(None)).is_ok());
    let msg = rejection(verify(
        &sign_claims(
            &f,
            json!({"iss": "default/ci", "sub": "default/ci", "iat": now, "exp": now + 60}),
        ),
        &f.store,
        &opts(None),
    ));
    assert_eq!(
        msg,
        "`iss` `default/ci` is not written as the account's reference: write `ci`"
    );
}

/// Each key signs with the one algorithm it is registered for (RFC 8725 §3.1), as its JWK
/// says: with a `kid` the refusal says so; without one only keys of that algorithm count.
#[test]
fn a_key_verifies_only_its_registered_algorithm() {
    let f = fixture_at("eng", crate::model::KeyAlgorithm::RS384);
    let now = Timestamp::now().as_second();
    let claims = json!({"iss": "eng/ci", "sub": "eng/ci", "iat": now, "exp": now + 60}).to_string();
    let kid = f.key.kid();
    let with = |alg: &str, kid: Option<&str>| {
        let mut h = json!({"alg": alg});
        if let Some(k) = kid {
            h["kid"] = k.into();
        }
        sign_raw(&f, &h.to_string(), &claims)
    };
    assert_eq!(
        verify(&with("RS384", Some(&kid)), &f.store, &opts(None))
            .unwrap()
            .alg,
        "RS384"
    );
    assert!(verify(&with("RS384", None), &f.store, &opts(None)).is_ok());
    for alg in ["RS256", "RS512"] {
        let msg = rejection(verify(&with(alg, Some(&kid)), &f.store, &opts(None)));
        assert_eq!(
            msg,
            format!(
                "the signature does not verify: the token is signed with {alg}, but key `{kid}` of `eng/ci` is registered for RS384 (each key signs with one algorithm; see `svcacct key list eng/ci`)"
            )
        );
        let msg = rejection(verify(&with(alg, None), &f.store, &opts(None)));
        assert!(
            msg.contains(&format!("any key of `eng/ci` registered for {alg}")),
            "{msg}"
        );
    }
}

/// A token minted before the account got its name (created again, renamed onto it) or
/// before its key was registered (removed and added again) is refused, with the leeway.
#[test]
fn tokens_minted_before_the_account_or_key_are_refused() {
    let f = fixture();
    let r = f.reference.clone();
    let kid = f.key.kid();
    let minted_at = |ago: i64| {
        let iat = Timestamp::now().as_second() - ago;
        sign_claims(
            &f,
            json!({"iss": "eng/ci", "sub": "eng/ci", "iat": iat, "exp": iat + 600}),
        )
    };
    let old = minted_at(300);
    let recent = minted_at(100);
    assert!(verify(&old, &f.store, &opts(None)).is_ok());
    // Renamed away and back 200 s ago: the token minted before is refused.
    let renamed = Timestamp::now() - SignedDuration::from_secs(200);
    f.store
        .modify_account(&r, &mut |a| {
            a.renamed = Some(renamed);
            Ok(())
        })
        .unwrap();
    let msg = rejection(verify(&old, &f.store, &opts(None)));
    assert!(
        msg.contains("before service account `eng/ci` was renamed to this name"),
        "{msg}"
    );
    assert!(verify(&recent, &f.store, &opts(None)).is_ok());
    // The same key registered again 50 s ago: within the 60 s allowance the token minted
    // 100 s ago passes, one minted 300 s ago never did.
    let again = Timestamp::now() - SignedDuration::from_secs(30);
    f.store
        .modify_account(&r, &mut |a| {
            a.renamed = None;
            a.keys[0].created = again;
            Ok(())
        })
        .unwrap();
    let msg = rejection(verify(&recent, &f.store, &opts(None)));
    assert!(
        msg.contains(&format!("before key `{kid}` was registered for `eng/ci`")),
        "{msg}"
    );
    // Deleted and created again with the same key.
    let account = f.store.get_account(&r).unwrap();
    f.store.delete_account(&r).unwrap();
    let now = Timestamp::now();
    f.store
        .create_account(Account {
            keys: vec![KeyRecord {
                created: now,
                ..account.keys[0].clone()
            }],
            ..Account::new(r.clone(), now)
        })
        .unwrap();
    let msg = rejection(verify(&recent, &f.store, &opts(None)));
    assert!(
        msg.contains("before service account `eng/ci` was created"),
        "{msg}"
    );
    assert!(msg.contains("never accepted"), "{msg}");
    assert!(verify(&minted_at(0), &f.store, &opts(None)).is_ok());
}

#[test]
fn algorithm_names() {
    assert_eq!(rsa_algorithm("RS384"), Some(Algorithm::RS384));
    assert_eq!(rsa_algorithm("HS256"), None);
    assert_eq!(rsa_algorithm("none"), None);
    assert_eq!(algorithm_name(Algorithm::RS512), "RS512");
}

/// xorshift: reproducible pseudo-random numbers without a dependency.
fn next(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

#[test]
fn mangled_tokens_are_refused_never_panic() {
    let f = fixture();
    let good = mint(&MintRequest {
        reference: &f.reference,
        key: &f.key,
        alg: Algorithm::RS256,
        ttl: SignedDuration::from_mins(5),
        audiences: &[],
        extra: &BTreeMap::new(),
        now: Timestamp::now(),
        impersonates: None,
    })
    .unwrap()
    .token;
    assert!(verify(&good, &f.store, &opts(None)).is_ok());
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let alphabet = b"ABCxyz019-_.=+/{}\"\\ \x00\xff";
    for _ in 0..3000 {
        let mut bytes = good.clone().into_bytes();
        for _ in 0..(next(&mut state) % 4 + 1) {
            let i = (next(&mut state) as usize) % bytes.len();
            match next(&mut state) % 3 {
                0 => bytes[i] = alphabet[(next(&mut state) as usize) % alphabet.len()],
                1 => {
                    bytes.remove(i);
                }
                _ => bytes.truncate(i),
            }
            if bytes.is_empty() {
                break;
            }
        }
        let token = String::from_utf8_lossy(&bytes);
        if token == good {
            continue;
        }
        let e = verify(&token, &f.store, &opts(None)).expect_err("a mangled token passed");
        assert!(e.downcast_ref::<Rejected>().is_some(), "{e:#}");
    }
}
