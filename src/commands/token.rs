//! `svcacct token`, `verify`, `decode` and `jwks`.

use std::collections::BTreeMap;
use std::io::Write;
use std::os::unix::ffi::OsStrExt;

use anyhow::Result;
use jiff::Timestamp;
use serde::Serialize;
use serde_json::{Value, json};

use super::account::finish;
use crate::cli::{Alg, DecodeArgs, JwksArgs, OutputFormat, TokenArgs, TokenOutput, VerifyArgs};
use crate::context::Context;
use crate::error::{Exit, Rejected, UserError};
use crate::keys::PrivateKey;
use crate::model::Status;
use crate::output::{self, sanitize};
use crate::time;
use crate::token::{self as tok, MintRequest, REGISTERED_CLAIMS, VerifyOptions};

fn signing_key(
    ctx: &Context,
    args: &TokenArgs,
    r: &crate::identity::Reference,
) -> Result<PrivateKey> {
    // The flag names a file, never the key itself: a secret is not a command-line value.
    if let Some(path) = &args.jwt_private_key {
        return super::read_private_key_file(ctx, path);
    }
    if let Some(kid) = &args.kid {
        let path = ctx.keystore().key_path(r, Some(kid))?;
        return super::read_private_key_file(ctx, &path);
    }
    // The environment may hold the key itself (a CI secret) rather than a path. Either way
    // its value is never repeated in a message: it may be a secret that failed to parse.
    if let Some(value) = std::env::var_os("SVCACCT_JWT_PRIVATE_KEY").filter(|v| !v.is_empty()) {
        const SOURCE: &str = "SVCACCT_JWT_PRIVATE_KEY";
        let bytes = zeroize::Zeroizing::new(value.as_bytes().to_vec());
        let looks_like_key = bytes.len() > 4096
            || bytes.contains(&b'\n')
            || bytes.windows(10).any(|w| w == b"-----BEGIN");
        if looks_like_key {
            return super::read_private_key(ctx, &bytes, SOURCE);
        }
        let file = std::fs::File::open(std::path::Path::new(&value)).map_err(|e| {
            UserError::Failure(format!(
                "{SOURCE} holds neither a PEM key nor the path of a readable file ({})",
                e.kind()
            ))
        })?;
        let key = zeroize::Zeroizing::new(crate::fsutil::read_limited(file, SOURCE)?);
        return super::read_private_key(ctx, &key, SOURCE);
    }
    if let Some(path) = &ctx.jwt_private_key {
        return super::read_private_key_file(ctx, path);
    }
    let path = ctx.keystore().key_path(r, None)?;
    super::read_private_key_file(ctx, &path)
}

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
    let key = signing_key(ctx, args, &r)?;
    let minted = tok::mint(&MintRequest {
        reference: &r,
        key: &key,
        alg: alg(args.alg),
        ttl,
        audiences: &args.audiences,
        extra: &extra,
        now: Timestamp::now(),
    })?;
    match args.output {
        TokenOutput::Jwt => writeln!(out, "{}", minted.token)?,
        TokenOutput::Header => writeln!(out, "Authorization: Bearer {}", minted.token)?,
        TokenOutput::Json => output::json(out, &minted)?,
    }
    Ok(Exit::Success)
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct VerifiedView<'a> {
    valid: bool,
    account: String,
    namespace: &'a str,
    username: String,
    groups: Vec<String>,
    kid: &'a str,
    fingerprint: &'a str,
    algorithm: &'a str,
    issued_at: Timestamp,
    expires_at: Timestamp,
    audiences: &'a [String],
    claims: &'a serde_json::Map<String, Value>,
}

pub fn verify(ctx: &Context, args: &VerifyArgs, out: &mut dyn Write) -> Result<Exit> {
    let token = super::token_argument(ctx, args.token.as_deref())?;
    let store = ctx.store();
    let now = Timestamp::now();
    let result = tok::verify(
        &token,
        store.as_ref(),
        &VerifyOptions {
            audience: args.aud.as_deref(),
            max_lifetime: ctx.max_token_lifetime,
            max_lifetime_source: &ctx.max_token_lifetime_source,
            now,
        },
    );
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
    let r = v.account.reference();
    match args.output.output {
        OutputFormat::Json => output::json(
            out,
            &VerifiedView {
                valid: true,
                account: r.to_string(),
                namespace: v.account.namespace.as_str(),
                username: r.username(),
                groups: v.account.all_groups(),
                kid: &v.key.kid,
                fingerprint: &v.key.fingerprint,
                algorithm: v.alg,
                issued_at: v.iat,
                expires_at: v.exp,
                audiences: &v.audiences,
                claims: &v.claims,
            },
        )?,
        OutputFormat::Name => writeln!(out, "{r}")?,
        OutputFormat::Table | OutputFormat::Wide => {
            let left = v.exp.duration_since(now);
            let expires = if left.is_negative() {
                format!("{} (within the clock-skew allowance)", time::local(v.exp))
            } else {
                format!("{} (in {})", time::local(v.exp), time::human(left))
            };
            let mut rows = vec![
                ("Valid", "yes".to_owned()),
                ("Account", r.to_string()),
                ("Username", r.username()),
                ("Groups", v.account.all_groups().join(", ")),
                ("Key", format!("{} ({})", v.key.kid, v.key.fingerprint)),
                ("Algorithm", v.alg.to_owned()),
                ("Issued", time::local(v.iat)),
                ("Expires", expires),
            ];
            if !v.audiences.is_empty() {
                rows.push(("Audience", v.audiences.join(", ")));
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
    let store = ctx.store();
    let (accounts, errors) =
        super::account::select_accounts(ctx, store.as_ref(), &args.names, args.all_namespaces)?;
    let alg = tok::algorithm_name(alg(args.alg));
    let now = Timestamp::now();
    let mut keys = vec![];
    for account in accounts.iter().filter(|a| a.status(now) == Status::Active) {
        for k in &account.keys {
            let public = k.public(&account.reference())?;
            keys.push(public.jwk(Some(alg)));
        }
    }
    output::json(out, &json!({ "keys": keys }))?;
    finish(errors)
}

fn alg(a: Alg) -> jsonwebtoken::Algorithm {
    match a {
        Alg::Rs256 => jsonwebtoken::Algorithm::RS256,
        Alg::Rs384 => jsonwebtoken::Algorithm::RS384,
        Alg::Rs512 => jsonwebtoken::Algorithm::RS512,
    }
}
