//! `svcacct tokens` (issued tokens) and `svcacct issuer`.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use jiff::Timestamp;
use zeroize::Zeroizing;

use crate::api::{Shown, TokenView};
use crate::cli::{
    IssuerAlg, IssuerCommand, IssuerGetArgs, IssuerInitArgs, IssuerRotateArgs,
    IssuerSetJwksMaxAgeArgs, IssuerSetUrlArgs, OutputArg, OutputFormat, RequestOutput,
    TokenNameArgs, TokenRegenerateArgs, TokensCommand, TokensCreateArgs, TokensListArgs,
    TokensRenameArgs, TokensRequestArgs, WriteOutputArg,
};
use crate::context::Context;
use crate::error::{Exit, UserError};
use crate::issued::{
    IssueRequest, IssuedToken, IssuerAlgorithm, IssuerView, RotateRequest, Secret, TokenRequest,
    UrlChange,
};
use crate::model::KeyPhase;
use crate::output;
use crate::time;

pub fn run(ctx: &Context, command: TokensCommand, out: &mut dyn Write) -> Result<Exit> {
    match command {
        TokensCommand::Create(a) => create(ctx, &a, out),
        TokensCommand::List(a) => list(ctx, &a, out),
        TokensCommand::Revoke(a) => revoke(ctx, &a, out),
        TokensCommand::Regenerate(a) => regenerate(ctx, &a, out),
        TokensCommand::Rename(a) => rename(ctx, &a, out),
        TokensCommand::Request(a) => request(ctx, &a, out),
    }
}

pub fn issuer(ctx: &Context, command: IssuerCommand, out: &mut dyn Write) -> Result<Exit> {
    match command {
        IssuerCommand::Get(a) => issuer_get(ctx, &a, out),
        IssuerCommand::Init(a) => issuer_init(ctx, &a, out),
        IssuerCommand::Rotate(a) => issuer_rotate(ctx, &a, out),
        IssuerCommand::SetUrl(a) => issuer_set_url(ctx, &a, out),
        IssuerCommand::SetJwksMaxAge(a) => issuer_set_jwks_max_age(ctx, &a, out),
    }
}

/// `--expires`: a duration, a date, a timestamp, or `never`.
fn expiry(s: &str, now: Timestamp) -> Result<Option<Timestamp>, UserError> {
    if s.trim() == "never" {
        return Ok(None);
    }
    time::parse_expiry(s, now).map(Some)
}

/// A dry run's answer (`--dry-run`): what would be issued, on stdout, and no token (a server
/// sends none; a local dry run's is dropped here, never shown).
fn print_dry_run(
    ctx: &Context,
    out: &mut dyn Write,
    t: &IssuedToken,
    r: &crate::identity::Reference,
) -> Result<()> {
    writeln!(
        out,
        "Issued token {} for service account {r} ({}){}",
        t.record.name,
        about(t),
        ctx.dry_run_suffix()
    )?;
    Ok(())
}

/// What the line that confirms an issued token says of it in parentheses: its expiry, and its
/// labels when it has some (`expires …, labels k=v`), dry run or not.
fn about(t: &IssuedToken) -> String {
    let expires = t.record.expires.map_or("never expires".to_owned(), |e| {
        format!("expires {}", time::local(e))
    });
    if t.record.labels.is_empty() {
        expires
    } else {
        format!(
            "{expires}, labels {}",
            crate::labels::show(&t.record.labels)
        )
    }
}

/// The token alone on stdout, so that `$(svcacct tokens create …)` is the token; the rest on
/// stderr.
fn print_token(out: &mut dyn Write, t: &IssuedToken, r: &crate::identity::Reference) -> Result<()> {
    writeln!(out, "{}", t.token)?;
    crate::errln!(
        "Issued token {} for service account {r} ({}); it is shown only this once.",
        t.record.name,
        about(t)
    );
    Ok(())
}

fn create(ctx: &Context, args: &TokensCreateArgs, out: &mut dyn Write) -> Result<Exit> {
    let r = ctx.reference(&args.account)?;
    let name = ctx.name(&args.token_name)?;
    let now = Timestamp::now();
    let expires = expiry(&args.expires, now)?;
    let labels = crate::labels::parse_assignments(&args.labels)?;
    if args.audiences.iter().any(|a| a.trim().is_empty()) {
        return Err(UserError::Usage("--aud must not be empty".into()).into());
    }
    // Before a remote store is asked (its server refuses them too).
    for a in &args.audiences {
        crate::identity::check_visible("audience", a)?;
    }
    // A token file is made new, so that nobody else can have opened it: refuse an existing one
    // before a token is issued, rather than issue one that cannot be written.
    if let Some(path) = &args.out
        && std::fs::symlink_metadata(path).is_ok()
    {
        return Err(output_exists(path).into());
    }
    // -o shows the record and never the token, which is shown only once: it goes to --out.
    if args.output.output.is_some() && args.out.is_none() && ctx.dry_run().is_none() {
        return Err(UserError::Usage(
            "tokens create -o shows the token's record, never the token: pass --out FILE to \
             keep the token (or --dry-run to preview the record)"
                .into(),
        )
        .into());
    }
    let t = ctx.store()?.issue_token(
        &r,
        &IssueRequest {
            name,
            expires,
            audiences: args.audiences.clone(),
            labels,
        },
    )?;
    match &args.out {
        _ if ctx.dry_run().is_some() => {
            if !written_token(out, &args.output, &t)? {
                print_dry_run(ctx, out, &t, &r)?;
            }
        }
        None => print_token(out, &t, &r)?,
        Some(path) => {
            write_token(path, &t, &r)?;
            written_token(out, &args.output, &t)?;
        }
    }
    Ok(Exit::Success)
}

/// `-o` of a command that issues a token (`show::written`): its record as `tokens list -o json`
/// holds it, never the token.
fn written_token(out: &mut dyn Write, arg: &WriteOutputArg, t: &IssuedToken) -> Result<bool> {
    super::show::written(out, arg, t.record.name.as_str(), &TokenView::new(&t.record))
}

fn output_exists(path: &Path) -> UserError {
    UserError::Failure(format!(
        "{} already exists: --out writes a new file (mode 0600) and never over another; \
         name one that does not exist",
        output::shown_path(path)
    ))
}

/// `--out FILE`: the token in a new file of mode 0600, and only a note on stderr.
fn write_token(path: &Path, t: &IssuedToken, r: &crate::identity::Reference) -> Result<()> {
    let line = Zeroizing::new(format!("{}\n", t.token));
    if let Err(e) = crate::fsutil::write_new(path, line.as_bytes(), 0o600, false) {
        // Issued, but nobody will ever hold it: say how to drop it.
        let e = if std::fs::symlink_metadata(path).is_ok() {
            anyhow::Error::from(output_exists(path))
        } else {
            e
        };
        return Err(e.context(format!(
            "token {} was issued for {r} but not written; revoke it with \
             `svcacct tokens revoke {r} {}`",
            t.record.name, t.record.name
        )));
    }
    crate::errln!(
        "Issued token {} for service account {r} ({}), written to {} (mode 0600).",
        t.record.name,
        about(t),
        output::shown_path(path)
    );
    Ok(())
}

/// `svcacct tokens request`: a requested token (`crate::registry::requested`), printed as
/// `-o` says; nothing goes to stderr, so that kubectl's exec plugin sees only the credential.
fn request(ctx: &Context, args: &TokensRequestArgs, out: &mut dyn Write) -> Result<Exit> {
    let r = ctx.reference(&args.account)?;
    let expiration_seconds = match &args.duration {
        None => None,
        Some(d) => Some(time::parse_duration(d)?.as_secs()),
    };
    let req = TokenRequest {
        audiences: args.audiences.clone(),
        expiration_seconds,
    };
    // Before a remote store is asked (its server refuses it too). The shortest lifetime is the
    // store's to say: a server may allow less than 10m (`serve --token-request-min-duration`).
    crate::registry::requested::lifetime(
        &req,
        crate::issued::SHORTEST_REQUESTED,
        crate::issued::DEFAULT_MAX_REQUESTED,
    )?;
    let t = ctx.store()?.request_token(&r, &req)?;
    match args.output {
        RequestOutput::Jwt => writeln!(out, "{}", t.token)?,
        RequestOutput::Json => output::json(out, &t)?,
        RequestOutput::ExecCredential => output::json(
            out,
            &crate::api::ExecCredential::new(&t.token, t.expiration_timestamp),
        )?,
    }
    Ok(Exit::Success)
}

fn list(ctx: &Context, args: &TokensListArgs, out: &mut dyn Write) -> Result<Exit> {
    let r = ctx.reference(&args.account)?;
    let store = ctx.store()?;
    let selector = crate::labels::Selector::parse_given(args.selector.as_deref())?;
    let mut tokens = match &selector {
        Some(s) => store.select_tokens(&r, s),
        None => store.list_tokens(&r),
    }
    .map_err(|e| super::nearby::explain_account(store, &r, e))?;
    super::show::sort(&args.output, &mut tokens, |t| {
        super::show::json(&TokenView::new(t))
    })?;
    match &args.output.output {
        f if f.is_document() => {
            let items: Vec<TokenView> = tokens.iter().map(TokenView::new).collect();
            super::show::list(out, &args.output, "TokenList", &items, false)?
        }
        OutputFormat::Name => {
            for t in &tokens {
                writeln!(out, "{}", t.name)?;
            }
        }
        _ => {
            if tokens.is_empty() {
                match &selector {
                    Some(s) => crate::errln!(
                        "No issued tokens matching `{}` for service account {r}.",
                        output::sanitize(s.as_str())
                    ),
                    None => crate::errln!("No issued tokens for service account {r}."),
                }
                return Ok(Exit::Success);
            }
            let now = Timestamp::now();
            // As `get -o wide`: a LABELS column once some token has labels, so that tokens
            // without any print what they printed before labels existed.
            let show_labels = args.output.output == OutputFormat::Wide
                && tokens.iter().any(|t| !t.labels.is_empty());
            let mut headers = vec!["NAME", "ID", "CREATED DATE", "EXPIRES", "LAST USED"];
            if show_labels {
                headers.push("LABELS");
            }
            let rows: Vec<Vec<String>> = tokens
                .iter()
                .map(|t| {
                    let mut row = vec![
                        t.name.to_string(),
                        t.id.clone(),
                        time::local(t.created),
                        match t.expires {
                            None => "never".to_owned(),
                            Some(e) if e <= now => format!("{} (expired)", time::local(e)),
                            Some(e) => time::local(e),
                        },
                        t.last_used.map_or("never".to_owned(), time::local),
                    ];
                    if show_labels {
                        row.push(crate::labels::show(&t.labels));
                    }
                    row
                })
                .collect();
            out.write_all(super::show::table(&args.output, &headers, &rows).as_bytes())?;
        }
    }
    Ok(Exit::Success)
}

fn revoke(ctx: &Context, args: &TokenNameArgs, out: &mut dyn Write) -> Result<Exit> {
    let r = ctx.reference(&args.account)?;
    let name = ctx.name(&args.token_name)?;
    ctx.store()?.revoke_token(&r, &name)?;
    if super::show::deleted(out, &args.output, name.as_str())? {
        return Ok(Exit::Success);
    }
    writeln!(
        out,
        "Revoked issued token {name} of service account: {r}{}",
        ctx.dry_run_suffix()
    )?;
    Ok(Exit::Success)
}

fn regenerate(ctx: &Context, args: &TokenRegenerateArgs, out: &mut dyn Write) -> Result<Exit> {
    let r = ctx.reference(&args.account)?;
    let name = ctx.name(&args.token_name)?;
    // The new token is shown once, on stdout, where -o would put the record instead.
    if args.output.output.is_some() && ctx.dry_run().is_none() {
        return Err(UserError::Usage(
            "tokens regenerate -o shows the token's record, never the token: use it with \
             --dry-run, or leave -o out to get the new token"
                .into(),
        )
        .into());
    }
    let t = ctx.store()?.regenerate_token(&r, &name)?;
    if ctx.dry_run().is_some() {
        if !written_token(out, &args.output, &t)? {
            print_dry_run(ctx, out, &t, &r)?;
        }
        return Ok(Exit::Success);
    }
    print_token(out, &t, &r)?;
    crate::errln!("The token it replaces is revoked.");
    Ok(Exit::Success)
}

fn rename(ctx: &Context, args: &TokensRenameArgs, out: &mut dyn Write) -> Result<Exit> {
    let r = ctx.reference(&args.account)?;
    let from = ctx.name(&args.old)?;
    let to = ctx.name(&args.new)?;
    // The record, or only its reference to a caller that may not list the account's tokens.
    let answer = ctx.store()?.rename_token(&r, &from, &to)?;
    let shown = match &answer {
        Shown::Record(t) => Shown::Record(TokenView::new(t)),
        Shown::Reference(t) => Shown::Reference(t),
    };
    if super::show::written(out, &args.output, to.as_str(), &shown)? {
        return Ok(Exit::Success);
    }
    writeln!(
        out,
        "Renamed issued token of service account {r}: {from} -> {to}{}",
        ctx.dry_run_suffix()
    )?;
    Ok(Exit::Success)
}

/// An HMAC secret from a file or stdin (`-`); never from the command line.
fn read_secret(ctx: &Context, path: &Path) -> Result<Secret> {
    let (bytes, source) = if path.as_os_str() == "-" {
        if ctx.stdin_is_terminal {
            return Err(UserError::Usage(
                "--secret-file -: pipe the secret in; it is not read from a terminal".into(),
            )
            .into());
        }
        (
            Zeroizing::new(crate::fsutil::read_limited(
                std::io::stdin().lock(),
                "stdin",
            )?),
            "stdin".to_owned(),
        )
    } else {
        // Named by its option, never by its value: that may be the secret itself.
        const SOURCE: &str = "the file named by --secret-file";
        (
            Zeroizing::new(crate::fsutil::read_small_as(path, SOURCE)?),
            SOURCE.to_owned(),
        )
    };
    Ok(Secret::new(bytes, &source)?)
}

fn issuer_get(ctx: &Context, args: &IssuerGetArgs, out: &mut dyn Write) -> Result<Exit> {
    let Some(v) = ctx.store()?.issuer()? else {
        return Err(UserError::Failure(
            "the store has no issuer yet: it is created by the first `svcacct tokens create`, \
             or by `svcacct issuer init`"
                .into(),
        )
        .into());
    };
    show(&v, &args.output, out)?;
    Ok(Exit::Success)
}

fn show(v: &IssuerView, output: &OutputArg, out: &mut dyn Write) -> Result<()> {
    match &output.output {
        f if f.is_document() => super::show::document(out, output, v)?,
        OutputFormat::Name => writeln!(out, "{}", v.id)?,
        _ => {
            let rows = [
                ("Issuer", v.id.clone()),
                ("URL", v.url.clone().unwrap_or_else(|| "<none>".into())),
                ("Algorithm", v.algorithm.as_str().to_owned()),
                ("Created", time::local(v.created)),
                // A label no longer than the others, so that the block keeps its layout.
                (
                    "JWKS",
                    format!("max-age {}", seconds_shown(v.jwks_max_age_seconds)),
                ),
            ];
            out.write_all(output::block(&rows).as_bytes())?;
            writeln!(out)?;
            let headers = ["KID", "ALGORITHM", "CREATED DATE", "STATUS"];
            let rows: Vec<Vec<String>> = v
                .keys
                .iter()
                .map(|k| {
                    let status = k.status();
                    vec![
                        k.kid.clone(),
                        k.algorithm.as_str().to_owned(),
                        time::local(k.created),
                        status,
                    ]
                })
                .collect();
            out.write_all(super::show::table(output, &headers, &rows).as_bytes())?;
        }
    }
    Ok(())
}

fn issuer_init(ctx: &Context, args: &IssuerInitArgs, out: &mut dyn Write) -> Result<Exit> {
    let alg = match args.algorithm {
        IssuerAlg::Rs256 => IssuerAlgorithm::RS256,
        IssuerAlg::Hs256 => IssuerAlgorithm::HS256,
    };
    let secret = args
        .secret_file
        .as_deref()
        .map(|p| read_secret(ctx, p))
        .transpose()?;
    let max_age = args
        .jwks_max_age
        .as_deref()
        .map(max_age_seconds)
        .transpose()?;
    let v = ctx
        .store()?
        .init_issuer(alg, secret, args.url.clone(), max_age)?;
    if super::show::written(out, &args.output, &v.id, &v)? {
        return Ok(Exit::Success);
    }
    writeln!(
        out,
        "Created issuer {} ({}){}",
        v.id,
        v.algorithm.as_str(),
        ctx.dry_run_suffix()
    )?;
    if let Some(url) = &v.url {
        writeln!(out, "Its tokens carry `iss` {url}")?;
    }
    Ok(Exit::Success)
}

fn issuer_set_url(ctx: &Context, args: &IssuerSetUrlArgs, out: &mut dyn Write) -> Result<Exit> {
    let (v, change) = ctx.store()?.set_issuer_url(&args.url, args.force)?;
    let url = v.url.as_deref().unwrap_or(&args.url);
    let dry = ctx.dry_run_suffix();
    if super::show::written(out, &args.output, &v.id, &v)? {
        return Ok(Exit::Success);
    }
    match change {
        UrlChange::Unchanged => writeln!(out, "Issuer {} has URL {url} already", v.id)?,
        UrlChange::Set => writeln!(
            out,
            "Issuer {} has URL {url}: tokens it signs from now on carry it as `iss`{dry}",
            v.id
        )?,
        UrlChange::Replaced { previous } => writeln!(
            out,
            "Issuer {} has URL {url} instead of {}: tokens it signed until now carry the old one \
             and no longer verify; configure relying parties with the new URL and issue new tokens{dry}",
            v.id,
            output::sanitize(&previous)
        )?,
    }
    Ok(Exit::Success)
}

/// `--jwks-max-age` or `set-jwks-max-age`'s DURATION in whole seconds, in range.
fn max_age_seconds(v: &str) -> Result<u64> {
    let d = time::parse_duration(v)?;
    let seconds = u64::try_from(d.as_secs()).unwrap_or(0);
    if d.subsec_nanos() != 0 {
        return Err(UserError::Usage(format!(
            "JWKS max-age `{}`: a max-age is whole seconds (Cache-Control counts no less)",
            output::sanitize(v)
        ))
        .into());
    }
    crate::model::check_jwks_max_age(seconds).map_err(UserError::Usage)?;
    Ok(seconds)
}

/// Seconds as a duration people read (`5m`, `90s`, `1h`).
fn seconds_shown(seconds: u64) -> String {
    let d = jiff::SignedDuration::from_secs(i64::try_from(seconds).unwrap_or(i64::MAX));
    format!("{d:#}")
}

fn issuer_set_jwks_max_age(
    ctx: &Context,
    args: &IssuerSetJwksMaxAgeArgs,
    out: &mut dyn Write,
) -> Result<Exit> {
    let seconds = max_age_seconds(&args.max_age)?;
    let (v, previous) = ctx.store()?.set_issuer_jwks_max_age(seconds)?;
    if super::show::written(out, &args.output, &v.id, &v)? {
        return Ok(Exit::Success);
    }
    let dry = ctx.dry_run_suffix();
    let (now, was) = (seconds_shown(seconds), seconds_shown(previous));
    if previous == seconds {
        writeln!(out, "Issuer {} has JWKS max-age {now} already", v.id)?;
        return Ok(Exit::Success);
    }
    writeln!(
        out,
        "Issuer {}: relying parties may cache its JWKS for {now} (was {was}){dry}",
        v.id
    )?;
    if previous > seconds {
        writeln!(
            out,
            "A JWKS served until now may be kept for {was}: until then, rotations still publish \
             new keys first for that long{dry}"
        )?;
    }
    Ok(Exit::Success)
}

fn issuer_rotate(ctx: &Context, args: &IssuerRotateArgs, out: &mut dyn Write) -> Result<Exit> {
    let secret = args
        .secret_file
        .as_deref()
        .map(|p| read_secret(ctx, p))
        .transpose()?;
    let publish_first_seconds = match args.publish_first.as_deref() {
        None => None,
        Some(d) => {
            let d = time::parse_duration(d)?;
            Some(u64::try_from(d.as_secs()).map_err(|_| {
                UserError::Usage("--publish-first: a duration cannot be negative".into())
            })?)
        }
    };
    let how = RotateRequest {
        revoke_previous: args.revoke_previous,
        publish_first_seconds,
    };
    let v = ctx.store()?.rotate_issuer(secret, &how)?;
    // A key that signs before every cached JWKS has expired makes its tokens meet verifiers
    // that do not know it yet: allowed (an operator may know their verifiers), but said.
    if let Some(first) = publish_first_seconds
        && first > 0
        && first < v.jwks_max_age_seconds
    {
        crate::errln!(
            "svcacct: warning: --publish-first {} is shorter than the JWKS's max-age ({}): a \
             verifier that fetched the JWKS just before may meet the new key's tokens before it \
             knows the key",
            time::human(jiff::SignedDuration::from_secs(first as i64)),
            time::human(jiff::SignedDuration::from_secs(
                v.jwks_max_age_seconds as i64
            ))
        );
    }
    // With -o the rotation's answer: the issuer as `issuer get -o json` shows it, and the
    // tokens a --revoke-previous revoked.
    if super::show::written(out, &args.output, &v.id, &v)? {
        return Ok(Exit::Success);
    }
    let dry = ctx.dry_run_suffix();
    match v.keys.last() {
        Some(next) if next.phase == KeyPhase::Next => {
            let from = next.signs_from.map_or_else(String::new, time::local);
            writeln!(
                out,
                "Rotated issuer {}: new key {} is published now and signs from {from}{dry}",
                v.id, next.kid
            )?;
            for k in v.keys.iter().filter(|k| k.phase == KeyPhase::Signing) {
                writeln!(out, "Key {} signs until then{dry}", k.kid)?;
            }
        }
        newest => writeln!(
            out,
            "Rotated issuer {}: new key {}{dry}",
            v.id,
            newest.map_or("?", |k| k.kid.as_str())
        )?,
    }
    for k in v.keys.iter().filter(|k| k.phase == KeyPhase::Retired) {
        match (k.kept_until, k.kept_indefinitely) {
            (_, true) => writeln!(
                out,
                "Kept key {} for its tokens that never expire (revoke them to retire it)",
                k.kid
            )?,
            (Some(until), _) => writeln!(
                out,
                "Kept key {} until its last token expires, {}",
                k.kid,
                time::local(until)
            )?,
            (None, false) => {}
        }
    }
    if args.revoke_previous {
        writeln!(
            out,
            "Removed every earlier key: gateways that fetch the JWKS again no longer accept them{dry}"
        )?;
        for t in &v.revoked_tokens {
            writeln!(
                out,
                "Revoked issued token {} of {}{dry}",
                t.name,
                output::sanitize(&t.account)
            )?;
        }
        if !v.revoked_tokens.is_empty() {
            writeln!(
                out,
                "Issue new ones with `svcacct tokens create ACCOUNT NAME`."
            )?;
        }
    }
    Ok(Exit::Success)
}
