//! Service accounts: create, get, describe, delete, rename, disable, enable, update.

use std::io::Write;

use anyhow::Result;
use jiff::Timestamp;
use serde::Serialize;

use super::show;
use crate::api::{AccountAnswer, AccountView, Shown};
use crate::cli::{
    CreateArgs, DeleteArgs, DescribeArgs, GetArgs, NameArg, OutputArg, OutputFormat, RenameArgs,
    UpdateArgs, WriteOutputArg,
};
use crate::context::Context;
use crate::error::{Exit, UserError};
use crate::identity::Reference;
use crate::keys::{PrivateKey, PublicKey};
use crate::model::{Account, KeyRecord, Policy, check_group, check_groups};
use crate::output::{self, sanitize};
use crate::store::{Listing, Scope, Store};
use crate::time;

/// Reads a public key file for the registry; a private key is refused by `PublicKey::parse`.
pub fn read_public_key(path: &std::path::Path) -> Result<PublicKey> {
    let bytes = crate::fsutil::read_small(path)?;
    Ok(PublicKey::parse(&bytes, &output::shown_path(path))?)
}

pub fn create(ctx: &Context, args: &CreateArgs, out: &mut dyn Write) -> Result<Exit> {
    let r = ctx.reference(&args.name)?;
    let now = Timestamp::now();
    let groups = check_groups(&args.groups)?;
    let labels = crate::labels::parse_assignments(&args.labels)?;
    let expires = args
        .expires
        .as_deref()
        .map(|e| time::parse_expiry(e, now))
        .transpose()?;
    let impersonates = args
        .impersonate
        .as_deref()
        .map(crate::model::check_user_id)
        .transpose()?;
    // A local store refuses an unknown namespace before a key is made (a server checks it
    // itself: the caller may not be allowed to read the namespace).
    if ctx.remote()?.is_none() && !ctx.store()?.namespace_exists(&r.namespace)? {
        let e = crate::store::unknown_namespace(&r.namespace).into();
        return Err(super::nearby::explain_namespace(
            ctx.store()?,
            &r.namespace,
            e,
        ));
    }
    // And a keystore folder it would refuse to write to, before the account is registered.
    if args.public_key.is_none() || impersonates.is_some() {
        ctx.keystore().check_writable(&r)?;
    }
    let (public, private) = match &args.public_key {
        Some(path) => (read_public_key(path)?, None),
        None => {
            let store = ctx.store()?;
            // Fail fast, before generating a key, when the name is taken.
            if store.get_account(&r).is_ok() {
                return Err(UserError::AccountExists {
                    namespace: r.namespace.to_string(),
                    name: r.name.to_string(),
                }
                .into());
            }
            let key = PrivateKey::generate_first_of_two(args.bits)?;
            (key.public_key().clone(), Some(key))
        }
    };
    let account = Account {
        description: args.description.clone().unwrap_or_default(),
        groups,
        labels,
        expires,
        keys: vec![KeyRecord::new(&public, super::key_algorithm(args.alg), now)],
        impersonates: impersonates.clone(),
        ..Account::new(r.clone(), now)
    };
    let store = ctx.store()?;
    let keystore = ctx.keystore();
    let created = store
        .create_account_checked(account)
        .map_err(|e| super::nearby::explain_namespace(store, &r.namespace, e))?;
    let dry = ctx.dry_run_suffix();
    if !dry.is_empty() {
        // The key generated for the preview is dropped: nothing reaches the keystore.
        if !written_account(out, &args.output, &AccountAnswer::Record(created))? {
            writeln!(out, "Created service account: {r}{dry}")?;
        }
        return Ok(Exit::Success);
    }
    if let Some(key) = private {
        if keystore.has_keys(&r) {
            crate::errln!(
                "Note: the keystore already held keys for `{r}` (of a deleted account, or of one \
                 in another store); `svcacct token {r}` now signs with the new key."
            );
        }
        match keystore.save(&r, &key).and_then(|path| {
            keystore.note_algorithm(&r, &key.kid(), super::key_algorithm(args.alg))?;
            Ok(path)
        }) {
            Ok(path) => crate::errln!("Private key kept in the keystore: {}", path.display()),
            Err(e) => {
                // Without its private key the new account is useless: take it back.
                let _ = store.delete_account(&r);
                return Err(e.context(format!("service account `{r}` was not created")));
            }
        }
    }
    // Tokens signed for a remote store carry the user too, whoever keeps the private key (see
    // `Keystore`); a note left by a deleted account of the same name goes.
    keystore.set_impersonates(&r, impersonates.as_deref())?;
    if written_account(out, &args.output, &AccountAnswer::Record(created))? {
        return Ok(Exit::Success);
    }
    match &impersonates {
        Some(user) => writeln!(
            out,
            "Created service account: {r} (impersonates user {})",
            sanitize(user)
        )?,
        None => writeln!(out, "Created service account: {r}")?,
    }
    Ok(Exit::Success)
}

/// `-o` of a command that writes an account (`show::written`): the record as `get NAME -o json`
/// prints it, or the reference a server shows to a caller that may not read the record.
pub fn written_account(
    out: &mut dyn Write,
    arg: &WriteOutputArg,
    answer: &AccountAnswer,
) -> Result<bool> {
    let name = answer.reference().to_string();
    match answer {
        Shown::Record(a) => show::written(out, arg, &name, &AccountView::new(a, Timestamp::now())),
        Shown::Reference(r) => show::written(out, arg, &name, r),
    }
}

fn print_accounts(
    accounts: &mut Vec<Account>,
    output: &OutputArg,
    with_namespace: bool,
    single: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let now = Timestamp::now();
    show::sort(output, accounts, |a| show::json(&AccountView::new(a, now)))?;
    let format = &output.output;
    match format {
        f if f.is_document() => {
            let views: Vec<AccountView> =
                accounts.iter().map(|a| AccountView::new(a, now)).collect();
            show::list(out, output, "ServiceAccountList", &views, single)?;
        }
        OutputFormat::Name => {
            for a in accounts {
                writeln!(out, "{}", a.reference())?;
            }
        }
        _ => {
            if accounts.is_empty() {
                return Ok(());
            }
            let wide = *format == OutputFormat::Wide;
            // As kubectl's `--show-labels`, but only once some account has labels, so that a
            // store without any prints what it printed before labels existed.
            let show_labels = wide && accounts.iter().any(|a| !a.labels.is_empty());
            let mut headers = vec![];
            if with_namespace {
                headers.push("NAMESPACE");
            }
            headers.extend(["NAME", "STATUS", "KEYS", "EXPIRES", "CREATED DATE"]);
            if wide {
                headers.extend(["USERNAME", "GROUPS", "DESCRIPTION"]);
            }
            if show_labels {
                headers.push("LABELS");
            }
            let rows: Vec<Vec<String>> = accounts
                .iter()
                .map(|a| {
                    let mut row = vec![];
                    if with_namespace {
                        row.push(a.namespace.to_string());
                    }
                    row.extend([
                        a.name.to_string(),
                        a.status(now).as_str().to_owned(),
                        a.keys.len().to_string(),
                        a.expires.map_or("never".to_owned(), time::local),
                        time::local(a.created),
                    ]);
                    if wide {
                        row.extend([
                            a.reference().username(),
                            a.groups.join(","),
                            a.description.clone(),
                        ]);
                    }
                    if show_labels {
                        row.push(crate::labels::show(&a.labels));
                    }
                    row
                })
                .collect();
            out.write_all(show::table(output, &headers, &rows).as_bytes())?;
        }
    }
    Ok(())
}

/// `e`, saying which of several names it is about when its text does not (a refusal names the
/// kind and the namespace, not the record): `` `web`: may not delete … ``.
pub fn about_one_of(e: anyhow::Error, name: &str, several: bool) -> anyhow::Error {
    if !several || format!("{e:#}").contains(&format!("`{name}`")) {
        return e;
    }
    e.context(format!("`{}`", output::sanitize(name)))
}

/// Ends a command that did part of its work: `Ok` if nothing failed, else every failure, in
/// order, as one error.
pub fn finish(errors: Vec<anyhow::Error>) -> Result<Exit> {
    let mut errors = errors.into_iter();
    let Some(first) = errors.next() else {
        return Ok(Exit::Success);
    };
    let rest: Vec<String> = errors.map(|e| format!("{e:#}")).collect();
    if rest.is_empty() {
        return Err(first);
    }
    // Keep the first error's type (for the exit code) and put the others after its text.
    let text = format!("{first:#}; and also: {}", rest.join("; "));
    Err(match first.downcast::<UserError>() {
        Ok(u) => {
            let exit = u.exit();
            anyhow::Error::new(if exit == Exit::Usage {
                UserError::Usage(text)
            } else {
                UserError::Failure(text)
            })
        }
        Err(_) => anyhow::anyhow!(text),
    })
}

/// Turns the unreadable records of a listing into errors for `finish`.
pub fn listing_errors<T>(listing: &mut Listing<T>) -> Vec<anyhow::Error> {
    listing.errors.drain(..).map(anyhow::Error::from).collect()
}

/// The accounts a command names, or, with no names, every account of the namespace (or of all
/// namespaces). Accounts that could not be read or found come back as errors for `finish`.
pub fn select_accounts(
    ctx: &Context,
    store: &dyn Store,
    names: &[String],
    all_namespaces: bool,
) -> Result<(Vec<Account>, Vec<anyhow::Error>)> {
    select_labelled(ctx, store, names, all_namespaces, None)
}

/// `select_accounts`, with no names only those `selector` matches (`get -l`).
fn select_labelled(
    ctx: &Context,
    store: &dyn Store,
    names: &[String],
    all_namespaces: bool,
    selector: Option<&crate::labels::Selector>,
) -> Result<(Vec<Account>, Vec<anyhow::Error>)> {
    if names.is_empty() {
        let scope = if all_namespaces {
            Scope::All
        } else {
            Scope::Namespace(ctx.namespace.clone())
        };
        let mut listing = match selector {
            Some(s) => store.select_accounts(&scope, s)?,
            None => store.list_accounts(&scope)?,
        };
        let errors = listing_errors(&mut listing);
        return Ok((listing.items, errors));
    }
    let mut found = vec![];
    let mut errors = vec![];
    for name in names {
        match ctx
            .reference(name)
            .map_err(anyhow::Error::from)
            .and_then(|r| {
                store
                    .get_account(&r)
                    .map_err(|e| super::nearby::explain_account(store, &r, e))
            }) {
            Ok(a) => found.push(a),
            Err(e) => errors.push(e),
        }
    }
    Ok((found, errors))
}

pub fn get(ctx: &Context, args: &GetArgs, out: &mut dyn Write) -> Result<Exit> {
    let store = ctx.store()?;
    let selector = crate::labels::Selector::parse_given(args.selector.as_deref())?;
    let (mut accounts, errors) = select_labelled(
        ctx,
        store,
        &args.names,
        args.all_namespaces,
        selector.as_ref(),
    )?;
    let with_namespace =
        args.all_namespaces || accounts.iter().any(|a| a.namespace != ctx.namespace);
    print_accounts(
        &mut accounts,
        &args.output,
        with_namespace,
        args.names.len() == 1,
        out,
    )?;
    let listed_none = args.names.is_empty() && accounts.is_empty() && errors.is_empty();
    if listed_none && args.output.output == OutputFormat::Table {
        crate::errln!(
            "No service accounts{} in {}.",
            match &selector {
                Some(s) => format!(" matching `{}`", output::sanitize(s.as_str())),
                None => String::new(),
            },
            if args.all_namespaces {
                "any namespace".to_owned()
            } else {
                format!("namespace `{}`", ctx.namespace)
            }
        );
    }
    // A mistyped -n lists nothing: say so on stderr, whatever the format, with the nearest
    // namespace (not under a selector, which empties a listing by itself: one request is all
    // `get -l` sends).
    if listed_none
        && !args.all_namespaces
        && selector.is_none()
        && let Some(h) = super::nearby::missing_namespace(store, &ctx.namespace)
    {
        crate::errln!("svcacct: warning: {h}");
    }
    finish(errors)
}

fn all_policies(store: &dyn Store) -> Result<Vec<Policy>> {
    // Unreadable policy files are reported by `policy get`; here they would only hide grants.
    Ok(store.list_policies(&Scope::All)?.items)
}

/// The policies that may name `account`, and whether they are all of them: through a server
/// that does not let the caller list every policy (a global `list policy`), those of the
/// account's namespace and its parents that it may list.
fn policies_naming(store: &dyn Store, account: &Account) -> Result<(Vec<Policy>, bool)> {
    match all_policies(store) {
        Ok(all) => Ok((all, true)),
        Err(e)
            if matches!(
                e.downcast_ref(),
                Some(UserError::Remote { status: 403, .. })
            ) =>
        {
            let mut seen = vec![];
            let mut ns = Some(account.namespace.clone());
            while let Some(n) = ns {
                if let Ok(l) = store.list_policies(&Scope::Namespace(n.clone())) {
                    seen.extend(l.items);
                }
                ns = n.parent();
            }
            Ok((seen, false))
        }
        Err(e) => Err(e),
    }
}

/// One account as `describe` shows it.
enum Description {
    Text(String),
    Json(serde_json::Value),
}

/// Each account named, as kubectl describes several: the descriptions one after the other,
/// two blank lines between them; with `-o json` one object, or a `List` of them for several
/// names. A name that fails is reported at the end and the others are still shown.
///
/// With no names, every account of the namespace (or of all, `-A`) that `-l` selects, as
/// `kubectl describe sa` does; none is `No resources found in NS namespace.` on stderr.
pub fn describe(ctx: &Context, args: &DescribeArgs, out: &mut dyn Write) -> Result<Exit> {
    let store = ctx.store()?;
    let mut errors = vec![];
    let mut described = vec![];
    if args.names.is_empty() {
        let selector = crate::labels::Selector::parse_given(args.selector.as_deref())?;
        let (accounts, listed_errors) =
            select_labelled(ctx, store, &[], args.all_namespaces, selector.as_ref())?;
        errors = listed_errors;
        if accounts.is_empty() && errors.is_empty() && !args.output.output.is_document() {
            if args.all_namespaces {
                crate::errln!("No resources found");
            } else {
                crate::errln!("No resources found in {} namespace.", ctx.namespace);
                // A mistyped -n, as `get` says it.
                if selector.is_none()
                    && let Some(h) = super::nearby::missing_namespace(store, &ctx.namespace)
                {
                    crate::errln!("svcacct: warning: {h}");
                }
            }
        }
        // The policies are read once when the caller may list them all (the usual case).
        let mut every: Option<Vec<Policy>> = None;
        for a in &accounts {
            let policies = match &every {
                Some(all) => Ok((all.clone(), true)),
                None => policies_naming(store, a),
            };
            if let Ok((all, true)) = &policies {
                every = Some(all.clone());
            }
            described.push(
                policies.and_then(|(p, complete)| {
                    describe_account(a, &p, complete, &args.output.output)
                }),
            );
        }
    } else {
        for name in &args.names {
            described.push(
                ctx.reference(name)
                    .map_err(anyhow::Error::from)
                    .and_then(|r| describe_one(store, &r, &args.output.output)),
            );
        }
    }
    let mut items = vec![];
    let mut shown = 0;
    for described in described {
        match described {
            Ok(Description::Text(s)) => {
                if shown > 0 && args.output.output != OutputFormat::Name {
                    out.write_all(b"\n\n")?;
                }
                out.write_all(s.as_bytes())?;
                shown += 1;
            }
            Ok(Description::Json(v)) => items.push(v),
            Err(e) => errors.push(e),
        }
    }
    if args.output.output.is_document() && (!items.is_empty() || errors.is_empty()) {
        show::list(out, &args.output, "List", &items, args.names.len() == 1)?;
    }
    finish(errors)
}

fn describe_one(store: &dyn Store, r: &Reference, format: &OutputFormat) -> Result<Description> {
    let r = r.clone();
    let account = store
        .get_account(&r)
        .map_err(|e| super::nearby::explain_account(store, &r, e))?;
    let (policies, complete) = policies_naming(store, &account)?;
    describe_account(&account, &policies, complete, format)
}

/// `account` described, with the policies that name it among `policies` (`complete`: all of
/// the registry's).
fn describe_account(
    account: &Account,
    policies: &[Policy],
    complete: bool,
    format: &OutputFormat,
) -> Result<Description> {
    let r = account.reference();
    let naming = crate::policy::policies_for(policies, account);
    let now = Timestamp::now();
    match format {
        f if f.is_document() => {
            #[derive(Serialize)]
            #[serde(rename_all = "camelCase")]
            struct Described<'a> {
                #[serde(flatten)]
                view: AccountView<'a>,
                policies: Vec<&'a Policy>,
                /// Set when the server let the caller see only some policies.
                #[serde(skip_serializing_if = "std::ops::Not::not")]
                policies_incomplete: bool,
            }
            Ok(Description::Json(serde_json::to_value(Described {
                view: AccountView::new(account, now),
                policies: naming,
                policies_incomplete: !complete,
            })?))
        }
        OutputFormat::Name => Ok(Description::Text(format!("{r}\n"))),
        _ => {
            let status = account.status(now).as_str().to_owned();
            let mut rows = vec![
                ("Name", account.name.to_string()),
                ("Namespace", account.namespace.to_string()),
                ("Reference", r.to_string()),
                ("Username", r.username()),
            ];
            if let Some(user) = &account.impersonates {
                // The token's `sub` is the user; the account is the actor (`act`).
                rows.push((
                    "Impersonates",
                    format!("user {user} (tokens: sub={user}, act.sub={r})"),
                ));
            }
            if !account.labels.is_empty() {
                rows.push(("Labels", crate::labels::show(&account.labels)));
            }
            rows.extend([
                ("Groups", account.all_groups().join(", ")),
                ("Description", account.description.clone()),
                ("Status", status),
                ("Created", time::local(account.created)),
                (
                    "Expires",
                    account.expires.map_or("never".into(), time::local),
                ),
                ("UID", account.uid.clone()),
            ]);
            let mut s = output::block(&rows);
            s.push_str("Keys:");
            if account.keys.is_empty() {
                s.push_str(&format!(
                    " <none> (no self-signed tokens; add one with `svcacct key add {r} --generate`)\n"
                ));
            } else {
                s.push('\n');
                // A hand-edited record may hold anything: sanitised as every other field.
                for k in &account.keys {
                    s.push_str(&format!(
                        "  {}\n    Fingerprint: {}\n    Bits:        {}\n    Created:     {}\n",
                        sanitize(&k.kid),
                        sanitize(&k.fingerprint),
                        k.bits,
                        time::local(k.created)
                    ));
                }
            }
            s.push_str("Policies:");
            if naming.is_empty() {
                s.push_str(" <none>\n");
            } else {
                s.push('\n');
                for p in naming {
                    s.push_str(&sanitize(&format!(
                        "  {} ({}): {} on {}",
                        p.name,
                        p.namespace
                            .as_ref()
                            .map_or("global".into(), |n| n.to_string()),
                        p.actions.join(","),
                        p.resources.join(",")
                    )));
                    s.push('\n');
                }
            }
            if !complete {
                s.push_str(&format!(
                    "  (only the policies of `{}` and its parents that you may list: others may \
                     name it too; listing them all needs a global `list` on `policy`)\n",
                    account.namespace
                ));
            }
            Ok(Description::Text(s))
        }
    }
}

pub fn delete(ctx: &Context, args: &DeleteArgs, out: &mut dyn Write) -> Result<Exit> {
    let store = ctx.store()?;
    let keystore = ctx.keystore();
    let mut errors = vec![];
    for name in &args.names {
        let result = ctx
            .reference(name)
            .map_err(anyhow::Error::from)
            .and_then(|r| {
                // Only the private keys of this record's own keys go: the keystore is shared by
                // every store, and may hold keys of a same-named account elsewhere.
                let kids: Vec<String> = match store.get_account(&r) {
                    Ok(a) => a.keys.into_iter().map(|k| k.kid).collect(),
                    Err(e) if is_corrupt(&e) => vec![],
                    Err(e) => return Err(super::nearby::explain_account(store, &r, e)),
                };
                // Only for the message: a caller that may not list tokens still may delete.
                let tokens = store.list_tokens(&r).map_or(0, |t| t.len());
                store.delete_account(&r)?;
                if ctx.dry_run().is_some() {
                    return Ok((r, tokens));
                }
                for kid in &kids {
                    keystore.remove_key(&r, kid)?;
                }
                keystore.set_impersonates(&r, None)?;
                Ok((r, tokens))
            });
        let dry = ctx.dry_run_suffix();
        match result {
            Ok((r, _)) if show::deleted(out, &args.output, &r.to_string())? => {}
            Ok((r, 0)) => writeln!(out, "Deleted service account: {r}{dry}")?,
            Ok((r, n)) => writeln!(
                out,
                "Deleted service account: {r} (and its {n} issued token{}){dry}",
                if n == 1 { "" } else { "s" }
            )?,
            Err(e) => errors.push(about_one_of(e, name, args.names.len() > 1)),
        }
    }
    finish(errors)
}

fn is_corrupt(e: &anyhow::Error) -> bool {
    matches!(
        e.downcast_ref::<UserError>(),
        Some(UserError::CorruptRecord { .. })
    )
}

pub fn rename(ctx: &Context, args: &RenameArgs, out: &mut dyn Write) -> Result<Exit> {
    let from = ctx.reference(&args.old)?;
    let to = ctx.name(&args.new)?;
    let new_ref = Reference::new(from.namespace.clone(), to.clone());
    let store = ctx.store()?;
    let keystore = ctx.keystore();
    let dry = ctx.dry_run_suffix();
    // The keystore moves first (it refuses when the new name has keys already), and moves back
    // if the registry refuses, so the two never disagree about the name.
    if dry.is_empty() {
        keystore.rename_account(&from, &to)?;
    }
    let renamed = match store.rename_with_grants(&from, &to) {
        Ok(r) => r,
        Err(e) if !dry.is_empty() => return Err(e),
        Err(e) => {
            let e = super::nearby::explain_account(store, &from, e);
            if let Err(back) = keystore.rename_account(&new_ref, &from.name) {
                return Err(e.context(format!(
                    "and the keystore keys could not be moved back to `{from}`: {back:#}"
                )));
            }
            return Err(e);
        }
    };
    if written_account(out, &args.output, &renamed.account)? {
        return Ok(Exit::Success);
    }
    writeln!(out, "Renamed service account: {from} -> {new_ref}{dry}")?;
    for p in &renamed.updated_policies {
        writeln!(
            out,
            "Updated policy {}: subject {from} -> {new_ref}{dry}",
            p.name()
        )?;
    }
    for t in &renamed.revoked_tokens {
        writeln!(
            out,
            "Revoked issued token {t}: it named {from} (issue a new one with `svcacct tokens create {new_ref} {t}`){dry}"
        )?;
    }
    // A server names them only to a caller that may list them; it tells every caller how many.
    let unnamed = renamed
        .revoked_token_count
        .saturating_sub(renamed.revoked_tokens.len());
    if unnamed > 0 {
        let (n, s, they) = match unnamed {
            1 => ("an".to_owned(), "", "it"),
            n => (n.to_string(), "s", "they"),
        };
        writeln!(
            out,
            "Revoked {n} issued token{s}: {they} named {from} (the server names them only to whoever may list the tokens of {new_ref}; issue new ones with `svcacct tokens create {new_ref} NAME`){dry}"
        )?;
    }
    Ok(Exit::Success)
}

pub fn set_disabled(
    ctx: &Context,
    args: &NameArg,
    disabled: bool,
    out: &mut dyn Write,
) -> Result<Exit> {
    let r = ctx.reference(&args.name)?;
    let store = ctx.store()?;
    let answer = store
        .set_disabled(&r, disabled)
        .map_err(|e| super::nearby::explain_account(store, &r, e))?;
    if written_account(out, &args.output, &answer)? {
        return Ok(Exit::Success);
    }
    let verb = if disabled { "Disabled" } else { "Enabled" };
    writeln!(out, "{verb} service account: {r}{}", ctx.dry_run_suffix())?;
    Ok(Exit::Success)
}

pub fn update(ctx: &Context, args: &UpdateArgs, out: &mut dyn Write) -> Result<Exit> {
    let r = ctx.reference(&args.name)?;
    if args.description.is_none()
        && args.expires.is_none()
        && !args.no_expires
        && args.add_group.is_empty()
        && args.remove_group.is_empty()
        && args.labels.is_empty()
        && args.remove_labels.is_empty()
    {
        return Err(UserError::Usage(
            "nothing to update: pass --description, --expires, --no-expires, --add-group, --remove-group, --label or --remove-label".into(),
        )
        .into());
    }
    let (set_labels, remove_labels) =
        crate::labels::parse_changes(&args.labels, &args.remove_labels)?;
    let now = Timestamp::now();
    let expires = args
        .expires
        .as_deref()
        .map(|e| time::parse_expiry(e, now))
        .transpose()?;
    let add: Vec<String> = args
        .add_group
        .iter()
        .map(|g| check_group(g))
        .collect::<Result<_, _>>()?;
    let remove: Vec<String> = args
        .remove_group
        .iter()
        .map(|g| g.trim().to_owned())
        .collect();
    let store = ctx.store()?;
    let mut absent: Vec<String> = vec![];
    let modified = store.modify_account(&r, &mut |a| {
        absent = crate::labels::apply_changes(&mut a.labels, &set_labels, &remove_labels);
        if let Some(d) = &args.description {
            a.description = d.clone();
        }
        if let Some(e) = expires {
            a.expires = Some(e);
        }
        if args.no_expires {
            a.expires = None;
        }
        super::edit_list(&mut a.groups, &add, &remove);
        Ok(())
    });
    let modified = modified.map_err(|e| super::nearby::explain_account(store, &r, e))?;
    for k in &absent {
        crate::errln!("svcacct: warning: service account {r} had no label `{k}`");
    }
    if written_account(out, &args.output, &AccountAnswer::Record(modified))? {
        return Ok(Exit::Success);
    }
    writeln!(out, "Updated service account: {r}{}", ctx.dry_run_suffix())?;
    Ok(Exit::Success)
}
