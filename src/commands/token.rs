//! `svcacct token`: mint a self-signed token with one of the account's keys.

use std::collections::BTreeMap;
use std::io::Write;

use anyhow::Result;
use jiff::Timestamp;

use crate::cli::{TokenArgs, TokenOutput};
use crate::context::Context;
use crate::error::{Exit, UserError};
use crate::output::{self, sanitize};
use crate::time;
use crate::token::{self as tok, MintRequest, REGISTERED_CLAIMS};

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
        TokenOutput::ExecCredential => output::json(
            out,
            &crate::api::ExecCredential::new(&minted.token, minted.exp),
        )?,
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
