//! `svcacct jwks`: an account's key set, or the issuer's.

use std::io::Write;

use anyhow::Result;
use jiff::Timestamp;

use crate::cli::JwksArgs;
use crate::context::Context;
use crate::error::{Exit, UserError};
use crate::token as tok;

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
    let mut set = match (&args.name, ctx.remote()?) {
        (None, Some(remote)) => remote.issuer_jwks()?,
        (None, None) => {
            let set = tok::store_jwks(ctx.store()?)?;
            set.report_left_out();
            set.document()
        }
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
            let set = tok::account_jwks(&account, Timestamp::now());
            if let Some(e) = set.left_out.into_iter().next() {
                return Err(e.into());
            }
            if set.keys.is_empty() {
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
            serde_json::json!({ "keys": set.keys })
        }
    };
    if let Some(by) = &args.sort_by
        && let Some(keys) = set
            .get_mut("keys")
            .and_then(serde_json::Value::as_array_mut)
    {
        // A JWKS is a list of keys: `--sort-by` orders them as it orders `key list`'s items.
        crate::format::sort(keys, by, serde_json::Value::clone)?;
    }
    crate::format::document(out, &args.output, args.no_headers, &set)?;
    Ok(Exit::Success)
}
