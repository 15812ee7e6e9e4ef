//! `svcacct token`, `verify`, `decode` and `jwks`.

use std::collections::BTreeMap;
use std::io::Write;

use anyhow::Result;
use jiff::Timestamp;
use serde::Serialize;
use serde_json::{Value, json};

use crate::cli::{DecodeArgs, JwksArgs, OutputFormat, TokenArgs, TokenOutput, VerifyArgs};
use crate::context::Context;
use crate::error::{Exit, Rejected, UserError};
use crate::output::{self, sanitize};
use crate::time;
use crate::token::{self as tok, MintRequest, REGISTERED_CLAIMS, VerifyOptions};

pub fn mint(ctx: &Context, args: &TokenArgs, out: &mut dyn Write) -> Result<Exit> {
    let r = ctx.reference(&args.reference)?;
    let ttl = time::parse_duration(&args.ttl)?;
    if ttl.is_zero() {
        return Err(UserError::Usage("--ttl must be longer than 0s".into()).into());
    }
    if ttl > ctx.max_token_lifetime {
        return Err(UserError::Usage(format!(
            "--ttl {} exceeds the maximum token lifetime of {} (set by {})",
            sanitize(&args.ttl),
            time::setting(ctx.max_token_lifetime),
            ctx.max_token_lifetime_source
        ))
        .into());
    }
    let mut extra = BTreeMap::new();
    for c in &args.claims {
        let Some((k, v)) = c.split_once('=') else {
            return Err(UserError::Usage(format!("--claim `{}` is not K=V", sanitize(c))).into());
        };
        if k.is_empty() {
            return Err(
                UserError::Usage(format!("--claim `{}` has an empty name", sanitize(c))).into(),
            );
        }
        crate::identity::check_visible("claim name", k)?;
        if REGISTERED_CLAIMS.contains(&k) {
            return Err(UserError::Usage(format!(
                "--claim cannot set the registered claim `{k}` (use --aud or --ttl)"
            ))
            .into());
        }
        if extra.insert(k.to_owned(), v.to_owned()).is_some() {
            return Err(
                UserError::Usage(format!("--claim `{}` is given twice", sanitize(k))).into(),
            );
        }
    }
    if args.audiences.iter().any(|a| a.trim().is_empty()) {
        return Err(UserError::Usage("--aud must not be empty".into()).into());
    }
    for a in &args.audiences {
        crate::identity::check_visible("audience", a)?;
    }
    // The one read of the account's record: for the user it acts for, and its keys.
    let record = ctx.local_account(&r)?;
    let impersonates = ctx.impersonates_per(&r, record.as_ref());
    let key = match ctx.signing_key(&r, args.kid.as_deref()) {
        Ok(k) => k,
        Err(e) => return Err(no_key_hint(&r, record.as_ref(), e)),
    };
    let registered = ctx.key_algorithm(&r, &key, record.as_ref());
    let alg = match args.alg.map(super::key_algorithm) {
        // A token its own key's JWK would refuse: say so rather than mint it.
        Some(asked) if asked != registered && record.is_some() => {
            return Err(UserError::Usage(format!(
                "key {} of `{r}` is registered for {registered}, so a {asked} token of it would not verify \
                 (each key signs with one algorithm): mint without --alg, or register a key for {asked} \
                 with `svcacct key add {r} --generate --alg {asked}`",
                key.kid()
            ))
            .into());
        }
        Some(asked) => asked,
        None => registered,
    };
    let minted = tok::mint(&MintRequest {
        reference: &r,
        key: &key,
        alg: alg.jwt(),
        ttl,
        audiences: &args.audiences,
        extra: &extra,
        now: Timestamp::now(),
        impersonates: impersonates.as_deref(),
    })?;
    if let Some(account) = &record {
        warn_unregistered(account, &minted.kid);
    }
    match args.output {
        TokenOutput::Jwt => writeln!(out, "{}", minted.token)?,
        TokenOutput::Header => writeln!(out, "Authorization: Bearer {}", minted.token)?,
        TokenOutput::Json => output::json(out, &minted)?,
    }
    Ok(Exit::Success)
}

/// A token signed by a key that `account` (of a readable local store) does not have will not
/// verify: it is printed all the same (minting needs no registry, and the key may be about to
/// be added), with a warning that names the account's keys.
fn warn_unregistered(account: &crate::model::Account, kid: &str) {
    if account.keys.iter().any(|k| k.kid == kid) {
        return;
    }
    let keys = if account.keys.is_empty() {
        "it has none".to_owned()
    } else {
        let kids: Vec<&str> = account.keys.iter().map(|k| k.kid.as_str()).collect();
        format!("its keys: {}", kids.join(", "))
    };
    crate::errln!(
        "svcacct: warning: key {kid} is not registered for service account `{}` ({}): the \
         token will not verify",
        account.reference(),
        sanitize(&keys)
    );
}

/// A signing key that cannot be found, for an account of a local store that has no keys at all
/// (the default accounts of a namespace): say so, instead of only naming the keystore.
fn no_key_hint(
    r: &crate::identity::Reference,
    record: Option<&crate::model::Account>,
    e: anyhow::Error,
) -> anyhow::Error {
    if record.is_some_and(|a| a.keys.is_empty()) {
        return UserError::Failure(format!(
            "service account `{r}` has no public keys, so no self-signed token of it can verify: \
             give it one with `svcacct key add {r} --generate`, or use tokens the registry issues"
        ))
        .into();
    }
    e
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct VerifiedView<'a> {
    valid: bool,
    account: String,
    namespace: &'a str,
    username: String,
    groups: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    impersonates: Option<String>,
    kid: &'a str,
    fingerprint: &'a str,
    algorithm: &'a str,
    issued_at: Timestamp,
    #[serde(skip_serializing_if = "Option::is_none")]
    expires_at: Option<Timestamp>,
    #[serde(skip_serializing_if = "Option::is_none")]
    issuer: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    token_name: Option<&'a str>,
    audiences: &'a [String],
    claims: &'a serde_json::Map<String, Value>,
}

/// What a verified token says, from the local store or the server's token review.
struct Outcome {
    account: String,
    namespace: String,
    username: String,
    groups: Vec<String>,
    impersonates: Option<String>,
    kid: String,
    fingerprint: String,
    alg: String,
    iat: Timestamp,
    exp: Option<Timestamp>,
    issuer: Option<String>,
    token_name: Option<String>,
    audiences: Vec<String>,
    claims: serde_json::Map<String, Value>,
}

fn verify_locally(
    ctx: &Context,
    token: &str,
    aud: Option<&str>,
    now: Timestamp,
) -> Result<Outcome> {
    let v = tok::verify(
        token,
        ctx.store()?,
        &VerifyOptions {
            audience: aud,
            max_lifetime: ctx.max_token_lifetime,
            max_lifetime_source: &ctx.max_token_lifetime_source,
            now,
            since: std::time::Instant::now(),
        },
    )?;
    let r = v.account.reference();
    let issued = v.issued.clone();
    Ok(Outcome {
        account: r.to_string(),
        namespace: v.account.namespace.to_string(),
        username: r.username(),
        groups: v.account.all_groups(),
        impersonates: v.account.impersonates.clone(),
        kid: v.kid,
        fingerprint: v.fingerprint,
        alg: v.alg.to_owned(),
        iat: v.iat,
        exp: v.exp,
        issuer: issued.as_ref().map(|i| i.issuer.clone()),
        token_name: issued.map(|i| i.token_name.to_string()),
        audiences: v.audiences,
        claims: v.claims,
    })
}

/// The server's own view (`POST /v1/tokenreviews`).
fn verify_remotely(
    remote: &crate::store::remote::RemoteStore,
    token: &str,
    aud: Option<&str>,
) -> Result<Outcome> {
    let review = remote.token_review(&crate::api::TokenReviewRequest {
        token: token.to_owned(),
        audience: aud.map(str::to_owned),
    })?;
    let identity = match (review.authenticated, review.identity) {
        (true, Some(i)) => i,
        (_, _) => {
            let reason = review
                .error
                .unwrap_or_else(|| "the server did not authenticate it".into());
            let reason = reason.strip_prefix("token rejected: ").unwrap_or(&reason);
            return Err(Rejected(sanitize(reason)).into());
        }
    };
    // The server checked the signature; the claims are the token's own.
    let parsed = tok::parse(token)?;
    let audiences = match parsed.claims.get("aud") {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect(),
        _ => vec![],
    };
    Ok(Outcome {
        account: identity.account,
        namespace: identity.namespace.to_string(),
        username: identity.username,
        groups: identity.groups,
        impersonates: identity.impersonates,
        kid: identity.kid,
        fingerprint: identity.fingerprint,
        alg: identity.algorithm,
        iat: identity.issued_at,
        exp: identity.expires_at,
        issuer: identity.issuer,
        token_name: identity.token_name,
        audiences,
        claims: parsed.claims,
    })
}

pub fn verify(ctx: &Context, args: &VerifyArgs, out: &mut dyn Write) -> Result<Exit> {
    let token = super::token_argument(ctx, args.token.as_deref())?;
    let now = Timestamp::now();
    let result = match ctx.remote()? {
        Some(remote) => verify_remotely(remote, &token, args.aud.as_deref()),
        None => verify_locally(ctx, &token, args.aud.as_deref(), now),
    };
    let v = match result {
        Ok(v) => v,
        Err(e) => {
            if args.output.output == OutputFormat::Json
                && let Some(Rejected(reason)) = e.downcast_ref::<Rejected>()
            {
                output::json(out, &json!({"valid": false, "reason": reason}))?;
            }
            return Err(e);
        }
    };
    match args.output.output {
        OutputFormat::Json => output::json(
            out,
            &VerifiedView {
                valid: true,
                account: v.account.clone(),
                namespace: &v.namespace,
                username: v.username.clone(),
                groups: v.groups.clone(),
                impersonates: v.impersonates.clone(),
                kid: &v.kid,
                fingerprint: &v.fingerprint,
                algorithm: &v.alg,
                issued_at: v.iat,
                expires_at: v.exp,
                issuer: v.issuer.as_deref(),
                token_name: v.token_name.as_deref(),
                audiences: &v.audiences,
                claims: &v.claims,
            },
        )?,
        OutputFormat::Name => writeln!(out, "{}", sanitize(&v.account))?,
        OutputFormat::Table | OutputFormat::Wide => {
            let expires = match v.exp {
                None => "never".to_owned(),
                Some(exp) => {
                    let left = exp.duration_since(now);
                    if left.is_negative() {
                        format!("{} (within the clock-skew allowance)", time::local(exp))
                    } else {
                        format!("{} (in {})", time::local(exp), time::human(left))
                    }
                }
            };
            let mut rows = vec![("Valid", "yes".to_owned()), ("Account", v.account.clone())];
            if let Some(user) = &v.impersonates {
                rows.push(("Acting for", format!("user {user}")));
            }
            rows.extend([
                ("Username", v.username.clone()),
                ("Groups", v.groups.join(", ")),
                ("Key", output::key_label(&v.kid, &v.fingerprint)),
                ("Algorithm", v.alg.clone()),
                ("Issued", time::local(v.iat)),
                ("Expires", expires),
            ]);
            if !v.audiences.is_empty() {
                rows.push(("Audience", v.audiences.join(", ")));
            }
            if let (Some(issuer), Some(name)) = (&v.issuer, &v.token_name) {
                rows.push(("Issued by", issuer.clone()));
                rows.push(("Token", name.clone()));
            }
            out.write_all(output::block(&rows).as_bytes())?;
        }
    }
    Ok(Exit::Success)
}

pub fn decode(ctx: &Context, args: &DecodeArgs, out: &mut dyn Write) -> Result<Exit> {
    let token = super::token_argument(ctx, args.token.as_deref())?;
    let parsed = tok::parse(&token)?;
    output::json(
        out,
        &json!({
            "verified": false,
            "note": "UNVERIFIED: nothing here has been checked; use `svcacct verify`",
            "header": parsed.header,
            "claims": parsed.claims,
        }),
    )?;
    Ok(Exit::Success)
}

pub fn jwks(ctx: &Context, args: &JwksArgs, out: &mut dyn Write) -> Result<Exit> {
    if args.all_namespaces {
        return Err(UserError::Usage(
            "`svcacct jwks -A` is no longer offered: a key set of several accounts lets each of \
             them sign as any other. Publish each account's own set (`svcacct jwks NAME`), and \
             the issuer's for issued tokens (`svcacct jwks --issuer`)"
                .into(),
        )
        .into());
    }
    let set = match (&args.name, ctx.remote()?) {
        (None, Some(remote)) => remote.issuer_jwks()?,
        (None, None) => json!({ "keys": crate::issued::store_jwks(ctx.store()?)? }),
        (Some(name), Some(remote)) => {
            let r = ctx.reference(name)?;
            let set = remote.account_jwks(&r)?;
            if set["keys"].as_array().is_some_and(Vec::is_empty) {
                // The public route answers alike for an unknown, disabled or expired account.
                crate::errln!(
                    "svcacct: the server publishes no keys for `{r}` (unknown, disabled or \
                     expired, or without keys; see `svcacct describe {r}`): gateways with this \
                     set refuse its tokens"
                );
            }
            set
        }
        (Some(name), None) => {
            let account = ctx.store()?.get_account(&ctx.reference(name)?)?;
            let (set, errors) = tok::account_jwks(&account, Timestamp::now());
            if let Some(e) = errors.into_iter().next() {
                return Err(e.into());
            }
            if set["keys"].as_array().is_some_and(Vec::is_empty) {
                let r = account.reference();
                crate::errln!(
                    "svcacct: service account `{r}` has no active keys ({}): gateways with this \
                     set refuse its tokens",
                    match account.refusal(Timestamp::now()) {
                        Some(why) => why,
                        None => "it has no public key".to_owned(),
                    }
                );
            }
            set
        }
    };
    output::json(out, &set)?;
    Ok(Exit::Success)
}
