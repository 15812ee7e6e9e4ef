//! `svcacct namespace create|get|delete`: namespaces as records (README "Namespaces").
//!
//! `default` always exists and has no record. Any other namespace exists once it is created;
//! accounts can be created only in a namespace that exists, and a namespace only under a
//! parent that exists. Creating one also makes its default accounts and policies
//! (`store::default_accounts`, `store::default_policies`) unless `--no-defaults`.

use std::io::{BufRead, Write};

use anyhow::Result;

use super::account::{finish, listing_errors};
use crate::api::{AccountView, NamespaceCreated, NamespaceView, PolicyView, Shown};
use crate::cli::{
    NamespaceCommand, NamespaceCreateArgs, NamespaceDeleteArgs, NamespaceGetArgs, OutputFormat,
    WriteOutputArg, WrittenFormat,
};
use crate::context::Context;
use crate::error::{Exit, UserError};
use crate::identity::Namespace;
use crate::output;
use crate::time;

pub fn run(ctx: &Context, command: NamespaceCommand, out: &mut dyn Write) -> Result<Exit> {
    match command {
        NamespaceCommand::Create(a) => create(ctx, &a, out),
        NamespaceCommand::Get(a) => get(ctx, &a, out),
        NamespaceCommand::Delete(a) => delete(ctx, &a, out),
    }
}

fn create(ctx: &Context, args: &NamespaceCreateArgs, out: &mut dyn Write) -> Result<Exit> {
    let ns = Namespace::parse(&args.namespace)?;
    let labels = crate::labels::parse_assignments(&args.labels)?;
    let created = ctx
        .store()?
        .create_namespace(&ns, !args.no_defaults, labels)?;
    let dry = ctx.dry_run_suffix();
    if written_namespace(out, &args.output, &created)? {
        return Ok(Exit::Success);
    }
    if created.adopted {
        writeln!(
            out,
            "Created namespace: {ns} (it already held accounts or policies; they are kept){dry}"
        )?;
    } else {
        writeln!(out, "Created namespace: {ns}{dry}")?;
    }
    for a in &created.accounts {
        writeln!(out, "Created service account: {}{dry}", a.reference())?;
    }
    for p in &created.policies {
        writeln!(out, "Created policy: {} (namespace {ns}){dry}", p.name())?;
    }
    Ok(Exit::Success)
}

/// `-o` of `namespace create`: the namespace and what was made with it (its default accounts
/// and policies), as `kubectl create -f` prints several objects: `-o json|yaml` a `List` of
/// each as `namespace get`, `get` and `policy get -o json` print it (or the reference a server
/// shows to a caller that may not read it), `-o name` a line `KIND/NAME` for each.
fn written_namespace(
    out: &mut dyn Write,
    arg: &WriteOutputArg,
    created: &NamespaceCreated,
) -> Result<bool> {
    let Some(format) = arg.output else {
        return Ok(false);
    };
    let ns = &created.namespace.name;
    let now = jiff::Timestamp::now();
    let mut names = vec![format!("namespace/{ns}")];
    let mut items = vec![serde_json::to_value(NamespaceView::record(
        &created.namespace,
    ))?];
    for a in &created.accounts {
        names.push(format!("serviceaccount/{}", a.reference()));
        items.push(match a {
            Shown::Record(a) => serde_json::to_value(AccountView::new(a, now))?,
            Shown::Reference(r) => serde_json::to_value(r)?,
        });
    }
    for p in &created.policies {
        names.push(format!("policy/{ns}/{}", p.name()));
        items.push(match p {
            Shown::Record(p) => serde_json::to_value(PolicyView::new(p))?,
            Shown::Reference(r) => serde_json::to_value(r)?,
        });
    }
    if format == WrittenFormat::Name {
        for n in names {
            writeln!(out, "{}", output::sanitize(&n))?;
        }
        return Ok(true);
    }
    super::show::written(
        out,
        arg,
        ns.as_str(),
        &output::List {
            kind: "List",
            items: &items,
        },
    )
}

fn get(ctx: &Context, args: &NamespaceGetArgs, out: &mut dyn Write) -> Result<Exit> {
    let store = ctx.store()?;
    let mut views = vec![];
    let mut errors = vec![];
    if args.namespaces.is_empty() {
        let selector = crate::labels::Selector::parse_given(args.selector.as_deref())?;
        let mut listing = match &selector {
            Some(s) => store.select_namespaces(s)?,
            None => store.list_namespaces()?,
        };
        errors = listing_errors(&mut listing);
        // `default` has no record, so no labels.
        if selector
            .as_ref()
            .is_none_or(|s| s.matches(&crate::labels::Labels::new()))
        {
            views.push(NamespaceView::implicit(Namespace::default_ns()));
        }
        views.extend(listing.items.iter().map(NamespaceView::record));
    } else {
        for name in &args.namespaces {
            let view = Namespace::parse(name)
                .map_err(anyhow::Error::from)
                .and_then(|ns| {
                    if ns.is_default() {
                        Ok(NamespaceView::implicit(ns))
                    } else {
                        store
                            .get_namespace(&ns)
                            .map(|r| NamespaceView::record(&r))
                            .map_err(|e| super::nearby::explain_namespace(store, &ns, e))
                    }
                });
            match view {
                Ok(v) => views.push(v),
                Err(e) => errors.push(e),
            }
        }
    }
    super::show::sort(&args.output, &mut views, super::show::json)?;
    match &args.output.output {
        f if f.is_document() => {
            let one = args.namespaces.len() == 1;
            super::show::list(out, &args.output, "NamespaceList", &views, one)?;
        }
        OutputFormat::Name => {
            for v in &views {
                writeln!(out, "{}", v.name)?;
            }
        }
        _ => {
            if !views.is_empty() {
                let wide = args.output.output == OutputFormat::Wide;
                // As for accounts: only once some namespace has labels.
                let show_labels = wide && views.iter().any(|v| !v.labels.is_empty());
                let mut headers = vec!["NAME", "CREATED DATE"];
                if wide {
                    headers.push("UID");
                }
                if show_labels {
                    headers.push("LABELS");
                }
                let rows: Vec<Vec<String>> = views
                    .iter()
                    .map(|v| {
                        let mut row = vec![
                            v.name.to_string(),
                            v.created
                                .map_or("- (always exists)".to_owned(), time::local),
                        ];
                        if wide {
                            row.push(v.uid.clone().unwrap_or_else(|| "-".into()));
                        }
                        if show_labels {
                            row.push(crate::labels::show(&v.labels));
                        }
                        row
                    })
                    .collect();
                out.write_all(super::show::table(&args.output, &headers, &rows).as_bytes())?;
            } else if errors.is_empty()
                && let Some(s) = &args.selector
            {
                // As the other listings say it (`default`, always listed, empties only this one).
                crate::errln!("No namespaces matching `{}`.", output::sanitize(s.as_str()));
            }
        }
    }
    finish(errors)
}

fn delete(ctx: &Context, args: &NamespaceDeleteArgs, out: &mut dyn Write) -> Result<Exit> {
    let ns = Namespace::parse(&args.namespace)?;
    if ns.is_default() {
        return Err(UserError::Failure(
            "namespace `default` cannot be deleted: it always exists".into(),
        )
        .into());
    }
    let dry = ctx.dry_run_suffix();
    // A dry run deletes nothing: it asks for no confirmation.
    let yes = args.yes || !dry.is_empty();
    if !yes && !ctx.stdin_is_terminal {
        return Err(UserError::Usage(format!(
            "deleting namespace `{ns}` deletes its accounts, policies and child namespaces: \
             pass --yes to confirm (there is no terminal to ask on)"
        ))
        .into());
    }
    let store = ctx.store()?;
    if !yes {
        // Fails with the hint when there is no such namespace, before anything is asked.
        store
            .get_namespace(&ns)
            .map_err(|e| super::nearby::explain_namespace(store, &ns, e))?;
        let contents = store.namespace_contents(&ns)?;
        let mut text = format!("Deleting namespace `{ns}` deletes:\n");
        let children: Vec<String> = contents
            .namespaces
            .iter()
            .filter(|n| **n != ns)
            .map(|n| n.to_string())
            .collect();
        let accounts: Vec<String> = contents
            .accounts
            .iter()
            .map(|a| a.reference().to_string())
            .collect();
        let policies: Vec<String> = contents
            .policies
            .iter()
            .map(|p| format!("{} ({})", p.name(), p.namespace().unwrap_or(&ns)))
            .collect();
        for (what, list) in [
            ("child namespaces", children),
            ("service accounts", accounts),
            ("policies", policies),
        ] {
            let shown = if list.is_empty() {
                "none".to_owned()
            } else {
                list.join(", ")
            };
            text.push_str(&output::sanitize(&format!("  {what}: {shown}")));
            text.push('\n');
        }
        crate::errprint!("{text}Type `yes` to delete them: ");
        let mut answer = String::new();
        std::io::stdin().lock().read_line(&mut answer)?;
        if answer.trim() != "yes" {
            return Err(UserError::Failure(format!(
                "namespace `{ns}` was not deleted (the answer was not `yes`)"
            ))
            .into());
        }
    }
    let gone = store
        .delete_namespace(&ns)
        .map_err(|e| super::nearby::explain_namespace(store, &ns, e))?;
    // The private keys of deleted accounts that this machine kept go too, as `svcacct delete`
    // does; only the keys of these records (the keystore is shared by every store).
    let keystore = ctx.keystore();
    // With -o name, only the namespaces, as kubectl's `delete namespace -o name`.
    let named = args.output.output.is_some();
    if named {
        for n in gone.namespaces.iter().rev() {
            super::show::deleted(out, &args.output, n.as_str())?;
        }
    }
    for a in &gone.accounts {
        let r = a.reference();
        if !dry.is_empty() {
            if !named {
                writeln!(out, "Deleted service account: {r}{dry}")?;
            }
            continue;
        }
        match a.record() {
            Some(a) => {
                for k in &a.keys {
                    keystore.remove_key(&r, &k.kid)?;
                }
                keystore.set_impersonates(&r, None)?;
            }
            // The server did not show its keys (this caller may not read the account): which
            // private keys here were its is unknown, so none goes.
            None if keystore.has_keys(&r) => crate::errln!(
                "Note: the keystore's keys for `{r}` were kept: the server did not say which \
                 keys the deleted account had (see `svcacct key list` before a delete, or \
                 remove them by hand)"
            ),
            None => {}
        }
        if !named {
            writeln!(out, "Deleted service account: {r}")?;
        }
    }
    if named {
        return Ok(Exit::Success);
    }
    for p in &gone.policies {
        writeln!(
            out,
            "Deleted policy: {} (namespace {}){dry}",
            p.name(),
            p.namespace().unwrap_or(&ns)
        )?;
    }
    for n in gone.namespaces.iter().rev() {
        writeln!(out, "Deleted namespace: {n}{dry}")?;
    }
    Ok(Exit::Success)
}
