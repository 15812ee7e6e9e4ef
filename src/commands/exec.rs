//! `svcacct exec`: run a command with a token that is kept fresh until it exits — self-signed
//! as `svcacct token` mints it (offline), or requested from the registry (`--audience`, as
//! `svcacct tokens request`). The token file is replaced atomically (mode 0600) at 80 % of each
//! token's lifetime; signals svcacct receives are passed on; the command's exit status becomes
//! svcacct's (128 + N when a signal N ended it, as shells report it).

use std::io::Write;
use std::path::Path;
use std::process::{Child, Command};

use anyhow::{Context as _, Result};
use jiff::{SignedDuration, Timestamp};

use crate::cli::{ExecArgs, TokenArgs, TokenOutput};
use crate::context::Context;
use crate::error::{Exit, UserError};
use crate::issued::TokenRequest;
use rustix::process::Signal;

/// The signals passed on to the command.
const FORWARDED: [Signal; 6] = [
    Signal::HUP,
    Signal::INT,
    Signal::QUIT,
    Signal::TERM,
    Signal::USR1,
    Signal::USR2,
];

/// A token and when it expires.
struct Fresh {
    token: String,
    exp: Timestamp,
}

impl std::fmt::Debug for Fresh {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fresh")
            .field("token", &"REDACTED")
            .field("exp", &self.exp)
            .finish()
    }
}

fn fresh(ctx: &Context, args: &ExecArgs) -> Result<Fresh> {
    if !args.audiences.is_empty() {
        let r = ctx.reference(&args.account)?;
        let ttl = match &args.ttl {
            Some(t) => Some(crate::time::parse_duration(t)?.as_secs()),
            None => None,
        };
        let t = ctx.store()?.request_token(
            &r,
            &TokenRequest {
                audiences: args.audiences.clone(),
                expiration_seconds: ttl,
            },
        )?;
        return Ok(Fresh {
            token: t.token,
            exp: t.expiration_timestamp,
        });
    }
    // `svcacct token ACCOUNT --ttl D -o json`, so that a token made here is one `svcacct token`
    // would make: the same key, algorithm and checks.
    let mut json = vec![];
    super::token::mint(
        ctx,
        &TokenArgs {
            reference: args.account.clone(),
            kid: None,
            ttl: args.ttl.clone().unwrap_or_else(|| "10m".into()),
            alg: None,
            audiences: vec![],
            claims: vec![],
            output: TokenOutput::Json,
            // A fresh token each time: a kept one would not be fresher than the last.
            reuse: false,
            no_reuse: true,
        },
        &mut json,
    )?;
    let v: serde_json::Value = serde_json::from_slice(&json)?;
    let token = v["token"].as_str().unwrap_or_default().to_owned();
    let exp = v["expiresAt"]
        .as_str()
        .unwrap_or_default()
        .parse()
        .context("the minted token has no expiry")?;
    Ok(Fresh { token, exp })
}

/// When to replace a token issued at `now` that expires at `exp`: at 80 % of its lifetime.
fn renewal(now: Timestamp, exp: Timestamp) -> Timestamp {
    let life = exp.duration_since(now).max(SignedDuration::ZERO);
    now + life.mul_f64(0.8)
}

fn write_token(path: &Path, token: &str) -> Result<()> {
    crate::fsutil::write_new(path, format!("{token}\n").as_bytes(), 0o600, true)
}

/// Where the command finds the token file's path (`--out`).
pub const TOKEN_FILE_ENV: &str = "SVCACCT_EXEC_TOKEN_FILE";

pub fn run(ctx: &Context, args: &ExecArgs, _out: &mut dyn Write) -> Result<Exit> {
    let Some((program, rest)) = args.command.split_first() else {
        return Err(UserError::Usage("name the command to run after `--`".into()).into());
    };
    if args.out.is_none() && args.env.is_none() {
        return Err(UserError::Usage(
            "say where the command finds its token: --out FILE (kept fresh) or --env VAR".into(),
        )
        .into());
    }
    let mut token = fresh(ctx, args)?;
    if let Some(f) = &args.out {
        write_token(f, &token.token)?;
    }
    let mut cmd = Command::new(program);
    cmd.args(rest);
    if let Some(var) = &args.env {
        cmd.env(var, &token.token);
    }
    // Not SVCACCT_TOKEN_FILE: svcacct reads that as the bearer token it calls a server with,
    // so every svcacct command the job runs would act as the job's account.
    if let Some(f) = &args.out {
        cmd.env(TOKEN_FILE_ENV, f);
    }
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let mut child = cmd
        .spawn()
        .with_context(|| format!("cannot run `{}`", crate::output::sanitize(program)))?;
    match rt.block_on(supervise(ctx, args, &mut child, &mut token)) {
        Ok(status) => Ok(Exit::Command(status)),
        // Say so rather than leave the command running without its token being renewed.
        Err(e) => {
            let _ = child.kill();
            let _ = child.wait();
            Err(e.context("the command was stopped"))
        }
    }
}

/// Waits for the command, renewing the token file and passing signals on.
async fn supervise(
    ctx: &Context,
    args: &ExecArgs,
    child: &mut Child,
    token: &mut Fresh,
) -> Result<u8> {
    use tokio::signal::unix::{SignalKind, signal};
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    for sig in FORWARDED {
        let mut s = signal(SignalKind::from_raw(sig.as_raw()))?;
        let tx = tx.clone();
        tokio::spawn(async move {
            while s.recv().await.is_some() {
                let _ = tx.send(sig);
            }
        });
    }
    let pid = rustix::process::Pid::from_child(child);
    let mut renew_at = renewal(Timestamp::now(), token.exp);
    loop {
        if let Some(status) = child.try_wait()? {
            use std::os::unix::process::ExitStatusExt;
            return Ok(match (status.code(), status.signal()) {
                (Some(c), _) => c as u8,
                (None, Some(s)) => 128u8.wrapping_add(s as u8),
                _ => 1,
            });
        }
        if args.out.is_some() && Timestamp::now() >= renew_at {
            match fresh(ctx, args) {
                Ok(t) => {
                    if let Some(f) = &args.out {
                        write_token(f, &t.token)?;
                    }
                    *token = t;
                    renew_at = renewal(Timestamp::now(), token.exp);
                }
                // Kept until it expires; tried again in a second.
                Err(e) => {
                    crate::errln!("svcacct: warning: the token was not renewed: {e:#}");
                    renew_at = Timestamp::now() + SignedDuration::from_secs(1);
                }
            }
        }
        tokio::select! {
            Some(sig) = rx.recv() => {
                let _ = rustix::process::kill_process(pid, sig);
            }
            _ = tokio::time::sleep(std::time::Duration::from_millis(100)) => {}
        }
    }
}
