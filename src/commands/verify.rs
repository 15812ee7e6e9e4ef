//! `svcacct verify`: check a token against the local store, or ask the server (its token
//! review).

use std::io::Write;

use anyhow::Result;
use jiff::Timestamp;
use serde::Serialize;
use serde_json::{Value, json};

use crate::cli::{OutputFormat, VerifyArgs};
use crate::context::Context;
use crate::error::{Exit, Rejected};
use crate::output::{self, sanitize};
use crate::time;
use crate::token::{self as tok, VerifyOptions};

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
        issuer: issued
            .as_ref()
            .map(|i| i.issuer.clone())
            .or(v.requested_from),
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
            if args.output.output.is_document()
                && let Some(Rejected(reason)) = e.downcast_ref::<Rejected>()
            {
                super::show::document(
                    out,
                    &args.output,
                    &json!({"valid": false, "reason": reason}),
                )?;
            }
            return Err(e);
        }
    };
    match &args.output.output {
        f if f.is_document() => super::show::document(
            out,
            &args.output,
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
        _ => {
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
