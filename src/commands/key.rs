//! `svcacct key add|list|remove`: several active keys per account, for rotation.

use std::io::Write;

use anyhow::Result;
use jiff::Timestamp;

use super::account::{read_public_key, written_account};
use crate::api::{KeyView, Shown};
use crate::cli::{KeyAddArgs, KeyCommand, KeyListArgs, KeyRemoveArgs, OutputFormat};
use crate::context::Context;
use crate::error::Exit;
use crate::keys::PrivateKey;
use crate::model::KeyRecord;
use crate::output;
use crate::store::Store;
use crate::time;

pub fn run(ctx: &Context, command: KeyCommand, out: &mut dyn Write) -> Result<Exit> {
    match command {
        KeyCommand::Add(a) => add(ctx, &a, out),
        KeyCommand::List(a) => list(ctx, &a, out),
        KeyCommand::Remove(a) => remove(ctx, &a, out),
    }
}

fn add(ctx: &Context, args: &KeyAddArgs, out: &mut dyn Write) -> Result<Exit> {
    let r = ctx.reference(&args.name)?;
    let store = ctx.store()?;
    // Fail before generating when the account does not exist, or the keystore would refuse
    // the private key. A server may let the caller add keys to an account it may not read:
    // then the server tells whether the account exists.
    if let Err(e) = store.get_account(&r)
        && !is_forbidden(&e)
    {
        return Err(super::nearby::explain_account(store, &r, e));
    }
    if args.public_key.is_none() {
        ctx.keystore().check_writable(&r)?;
    }
    let (public, private) = match &args.public_key {
        Some(path) => (read_public_key(path)?, None),
        None => {
            let key = PrivateKey::generate_first_of_two(args.bits)?;
            (key.public_key().clone(), Some(key))
        }
    };
    let algorithm = super::key_algorithm(args.alg);
    let record = KeyRecord::new(&public, algorithm, Timestamp::now());
    let kid = record.kid.clone();
    let answer = store.add_key(&r, record)?;
    let dry = ctx.dry_run_suffix();
    if !dry.is_empty() {
        if written_account(out, &args.output, &answer)? {
            return Ok(Exit::Success);
        }
        writeln!(out, "Added key {kid} to service account: {r}{dry}")?;
        return Ok(Exit::Success);
    }
    if let Some(key) = private {
        let keystore = ctx.keystore();
        let path = keystore.save(&r, &key)?;
        keystore.note_algorithm(&r, &kid, algorithm)?;
        crate::errln!(
            "Private key kept in the keystore: {} (`svcacct token {r}` signs with it from now on)",
            crate::output::shown_path(&path)
        );
    }
    if !written_account(out, &args.output, &answer)? {
        writeln!(out, "Added key {kid} to service account: {r}")?;
    }
    Ok(Exit::Success)
}

/// A server's 403: the caller may not do that (here: read the account).
fn is_forbidden(e: &anyhow::Error) -> bool {
    matches!(
        e.downcast_ref::<crate::error::UserError>(),
        Some(crate::error::UserError::Remote { code, .. }) if code == crate::api::code::FORBIDDEN
    )
}

fn list(ctx: &Context, args: &KeyListArgs, out: &mut dyn Write) -> Result<Exit> {
    let r = ctx.reference(&args.name)?;
    let store = ctx.store()?;
    let mut account = store
        .get_account(&r)
        .map_err(|e| super::nearby::explain_account(store, &r, e))?;
    super::show::sort(&args.output, &mut account.keys, |k| {
        super::show::json(&KeyView::new(k))
    })?;
    match &args.output.output {
        f if f.is_document() => {
            let items: Vec<KeyView> = account.keys.iter().map(KeyView::new).collect();
            super::show::list(out, &args.output, "KeyList", &items, false)?
        }
        OutputFormat::Name => {
            for k in &account.keys {
                writeln!(out, "{}", output::sanitize(&k.kid))?;
            }
        }
        f => {
            let mut headers = vec!["KID", "FINGERPRINT", "BITS", "CREATED DATE", "KEYSTORE"];
            if *f == OutputFormat::Wide {
                headers.push("PUBLIC KEY");
            }
            // Which keys this machine's keystore holds, and the one `svcacct token NAME`
            // signs with when no other key is given.
            let keystore = ctx.keystore();
            let current = keystore
                .key_path(&r, None)
                .ok()
                .and_then(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()));
            let rows: Vec<Vec<String>> = account
                .keys
                .iter()
                .map(|k| {
                    let held = if current.as_deref() == Some(k.kid.as_str()) {
                        "signs"
                    } else if keystore.key_path(&r, Some(&k.kid)).is_ok() {
                        "kept"
                    } else {
                        ""
                    };
                    let mut row = vec![
                        k.kid.clone(),
                        k.fingerprint.clone(),
                        k.bits.to_string(),
                        time::local(k.created),
                        held.to_owned(),
                    ];
                    if *f == OutputFormat::Wide {
                        row.push(
                            k.public_key
                                .lines()
                                .filter(|l| !l.starts_with("-----"))
                                .collect(),
                        );
                    }
                    row
                })
                .collect();
            out.write_all(super::show::table(&args.output, &headers, &rows).as_bytes())?;
        }
    }
    Ok(Exit::Success)
}

fn remove(ctx: &Context, args: &KeyRemoveArgs, out: &mut dyn Write) -> Result<Exit> {
    let r = ctx.reference(&args.name)?;
    // Through a server, the removal is the whole command: reading the account again would be
    // refused when the key this request was signed with is the one removed.
    let dry = ctx.dry_run_suffix();
    let (signed_with_it, account) = match ctx.remote()? {
        Some(remote) => {
            // The server answers a removal with no body: with -o, the account read after it, or
            // (a dry run, or the key that signed this request) as read before, without the key.
            let before = match args.output.output {
                Some(_) => Some(
                    remote
                        .get_account(&r)
                        .map_err(|e| super::nearby::explain_account(remote, &r, e))?,
                ),
                None => None,
            };
            remote.delete_key(&r, &args.kid, args.force)?;
            let signed_with_it = remote.signing_kid().as_deref() == Some(args.kid.as_str());
            let after = match before {
                // Written, and readable with another key: the record as the server keeps it.
                Some(_) if dry.is_empty() && !signed_with_it => Some(remote.get_account(&r)?),
                Some(mut a) => {
                    a.keys.retain(|k| k.kid != args.kid);
                    Some(a)
                }
                None => None,
            };
            (signed_with_it, after)
        }
        None => (
            false,
            Some(ctx.store()?.remove_key(&r, &args.kid, args.force)?),
        ),
    };
    if dry.is_empty() && ctx.keystore().remove_key(&r, &args.kid)? {
        crate::errln!("Removed its private key from the keystore.");
    }
    let shown = match account {
        Some(a) => written_account(out, &args.output, &Shown::Record(a))?,
        None => false,
    };
    if !shown {
        writeln!(
            out,
            "Removed key {} from service account: {r}{dry}",
            output::sanitize(&args.kid)
        )?;
    }
    if signed_with_it && dry.is_empty() {
        crate::errln!(
            "This request was signed with that key: the server no longer accepts it, so sign \
             the next requests of {r} with another of its keys (--jwt-private-key FILE, or the \
             keystore's)."
        );
    }
    Ok(Exit::Success)
}
