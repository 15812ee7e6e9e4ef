//! `svcacct token`: mint a self-signed token with one of the account's keys.

use std::collections::BTreeMap;
use std::io::Write;

use anyhow::Result;
use jiff::Timestamp;

use crate::cli::{TokenArgs, TokenOutput};
use crate::context::Context;
use crate::context::StoreLocation;
use crate::error::{Exit, UserError};
use crate::keys::{PrivateKey, Signer};
use crate::output::{self, sanitize};
use crate::time;
use crate::token::{self as tok, MintRequest, REGISTERED_CLAIMS, reuse};

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
    let source = ctx
        .signing_key_source(&r, args.kid.as_deref())
        .map_err(|e| no_key_hint(&r, record.as_ref(), e))?;
    let reuse = !args.no_reuse && (args.reuse || ctx.token_reuse);
    // To find a kept token the key's public half is enough: the private key is parsed (and
    // checked by aws-lc, most of a mint's cost besides the signature) only to sign.
    let full_key = || {
        ctx.parse_signing_key(&source)
            .map_err(|e| no_key_hint(&r, record.as_ref(), e))
    };
    // The key to sign with; with reuse, not read before a token has to be signed.
    let signer = || -> Result<Box<dyn Signer>> { Ok(Box::new(full_key()?)) };
    let mut key = None;
    let public = match reuse
        .then(|| PrivateKey::public_key_unchecked(&source.bytes))
        .flatten()
    {
        Some(public) => public,
        None => {
            let loaded = signer()?;
            let public = loaded.public_key().clone();
            key = Some(loaded);
            public
        }
    };
    let kid = public.kid();
    let registered = ctx.key_algorithm(&r, &kid, record.as_ref());
    let alg = match args.alg.map(super::key_algorithm) {
        // A token its own key's JWK would refuse: say so rather than mint it.
        Some(asked) if asked != registered && record.is_some() => {
            return Err(UserError::Usage(format!(
                "key {kid} of `{r}` is registered for {registered}, so a {asked} token of it would not verify \
                 (each key signs with one algorithm): mint without --alg, or register a key for {asked} \
                 with `svcacct key add {r} --generate --alg {asked}`"
            ))
            .into());
        }
        Some(asked) => asked,
        None => registered,
    };
    let now = Timestamp::now();
    let kept = reuse.then(|| {
        let combination = reuse::Combination {
            store: match &ctx.store_location {
                StoreLocation::Local(p) => std::path::absolute(p)
                    .unwrap_or_else(|_| p.clone())
                    .to_string_lossy()
                    .into_owned(),
                remote => remote.to_string(),
            },
            account: format!("{}/{}", r.namespace, r.name),
            uid: record.as_ref().map(|a| a.uid.clone()),
            named_since: record.as_ref().map(crate::model::Account::named_since),
            key: public.fingerprint(),
            key_registered: record
                .as_ref()
                .and_then(|a| a.keys.iter().find(|k| k.kid == kid))
                .map(|k| k.created),
            alg: alg.as_str().to_owned(),
            ttl,
            subject: impersonates.clone(),
            audiences: args.audiences.clone(),
            claims: extra.clone(),
        };
        (open_cache(), combination)
    });
    let found = match &kept {
        Some((Some(cache), combination)) => {
            match cache.find(combination, now, ctx.token_reuse_fraction) {
                Ok(found) => found,
                Err(e) => reuse::Found::Unsafe(format!("{e:#}")),
            }
        }
        _ => reuse::Found::Mint,
    };
    let minted = match found {
        reuse::Found::Reuse(minted) => minted,
        found => {
            if let reuse::Found::Unsafe(why) = found {
                crate::errln!("svcacct: warning: {}", sanitize(&why));
            }
            let key = match key {
                Some(k) => k,
                None => signer()?,
            };
            let mint_with = |key: &dyn Signer| {
                tok::mint(&MintRequest {
                    reference: &r,
                    key,
                    alg: alg.jwt(),
                    ttl,
                    audiences: &args.audiences,
                    extra: &extra,
                    now,
                    impersonates: impersonates.as_deref(),
                })
            };
            let minted = mint_with(key.as_ref())?;
            if let Some((Some(cache), combination)) = kept
                && let Err(e) = cache.keep(combination, &minted)
            {
                crate::errln!(
                    "svcacct: warning: the token was not kept for reuse: {}",
                    sanitize(&format!("{e:#}"))
                );
            }
            minted
        }
    };
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

/// The folder of kept tokens, or `None` (with a warning) when it cannot be used.
fn open_cache() -> Option<reuse::Cache> {
    let Some(base) = reuse::default_base() else {
        crate::errln!(
            "svcacct: warning: tokens are not reused: there is neither $XDG_RUNTIME_DIR nor a \
             cache folder (set XDG_RUNTIME_DIR or HOME)"
        );
        return None;
    };
    match reuse::Cache::open(&base) {
        Ok(cache) => Some(cache),
        Err(reuse::Unusable(why)) => {
            crate::errln!("svcacct: warning: {}", sanitize(&why));
            None
        }
    }
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
