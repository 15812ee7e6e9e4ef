//! `svcacct whoami`: who the store thinks you are, like `oc whoami` and `kubectl auth whoami`.

use std::io::Write;

use anyhow::Result;
use jiff::Timestamp;

use crate::api::Identity;
use crate::cli::{OutputFormat, WhoamiArgs};
use crate::context::Context;
use crate::error::{Exit, UserError};
use crate::output;
use crate::time;
use crate::token::{self as tok, VerifyOptions};

pub fn run(ctx: &Context, args: &WhoamiArgs, out: &mut dyn Write) -> Result<Exit> {
    let identity = match ctx.remote()? {
        Some(remote) => remote.whoami()?,
        None => local(ctx)?,
    };
    match &args.output.output {
        f if f.is_document() => super::show::document(out, &args.output, &identity)?,
        OutputFormat::Name => writeln!(out, "{}", output::sanitize(&identity.account))?,
        _ => {
            let expires = match identity.expires_at {
                None => "never".to_owned(),
                Some(at) => {
                    let left = at.duration_since(Timestamp::now());
                    if left.is_negative() {
                        format!("{} (expired)", time::local(at))
                    } else {
                        format!("{} (in {})", time::local(at), time::human(left))
                    }
                }
            };
            let mut rows = vec![("Account", identity.account.clone())];
            if let Some(user) = &identity.impersonates {
                rows.push(("Acting for", format!("user {user}")));
            }
            rows.extend([
                ("Username", identity.username.clone()),
                ("Groups", identity.groups.join(", ")),
                ("Namespace", identity.namespace.to_string()),
                (
                    "Key",
                    crate::output::key_label(&identity.kid, &identity.fingerprint),
                ),
                ("Expires", expires),
            ]);
            if let Some(name) = &identity.token_name {
                rows.push(("Token", name.clone()));
            }
            out.write_all(output::block(&rows).as_bytes())?;
        }
    }
    Ok(Exit::Success)
}

/// With a local store: the token the credentials give (minted for `--service-account`, or
/// read), verified against the store, so it answers "who would I be".
fn local(ctx: &Context) -> Result<Identity> {
    let Some(bearer) = ctx.own_token()? else {
        return Err(UserError::Usage(
            "whoami needs someone to be: pass --service-account REF (signing with \
             --jwt-private-key FILE or the keystore's key), or --token-file FILE, or set \
             SVCACCT_TOKEN"
                .into(),
        )
        .into());
    };
    let store = ctx.store()?;
    let v = tok::verify(
        bearer.token(),
        store,
        &VerifyOptions {
            audience: None,
            max_lifetime: ctx.max_token_lifetime,
            max_lifetime_source: &ctx.max_token_lifetime_source,
            now: Timestamp::now(),
        },
    )?;
    Ok(v.identity())
}
