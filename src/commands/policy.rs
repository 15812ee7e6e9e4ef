//! `svcacct policy create|get|describe|delete|update`.

use std::io::Write;

use anyhow::Result;
use jiff::Timestamp;

use super::account::{finish, listing_errors};
use crate::api::PolicyView;
use crate::cli::{
    OutputArg, OutputFormat, PolicyCommand, PolicyCreateArgs, PolicyDeleteArgs, PolicyDescribeArgs,
    PolicyGetArgs, PolicyScopeArg, PolicyUpdateArgs, WriteOutputArg,
};
use crate::context::Context;
use crate::error::{Exit, UserError};
use crate::model::{Policy, PolicyScope};
use crate::output;
use crate::policy::{check_patterns, normalize_subjects};
use crate::store::{Scope, Store};
use crate::time;

pub fn run(ctx: &Context, command: PolicyCommand, out: &mut dyn Write) -> Result<Exit> {
    match command {
        PolicyCommand::Create(a) => create(ctx, &a, out),
        PolicyCommand::Get(a) => get(ctx, &a, out),
        PolicyCommand::Describe(a) => describe(ctx, &a, out),
        PolicyCommand::Delete(a) => delete(ctx, &a, out),
        PolicyCommand::Update(a) => update(ctx, &a, out),
    }
}

fn scope(ctx: &Context, arg: &PolicyScopeArg) -> PolicyScope {
    if arg.global {
        PolicyScope::Global
    } else {
        PolicyScope::Namespace(ctx.namespace.clone())
    }
}

fn subjects(ctx: &Context, raw: &[String]) -> Result<Vec<String>, UserError> {
    normalize_subjects(raw, &ctx.namespace)
}

fn patterns(kind: &str, raw: &[String]) -> Result<Vec<String>, UserError> {
    check_patterns(kind, raw)
}

/// Where a policy lives, as tables show it.
fn scope_label(p: &Policy) -> String {
    p.namespace
        .as_ref()
        .map_or_else(|| "(global)".to_owned(), |n| n.to_string())
}

fn create(ctx: &Context, args: &PolicyCreateArgs, out: &mut dyn Write) -> Result<Exit> {
    let name = ctx.name(&args.name)?;
    let scope = scope(ctx, &args.scope);
    let now = Timestamp::now();
    let policy = Policy {
        name,
        namespace: match &scope {
            PolicyScope::Global => None,
            PolicyScope::Namespace(ns) => Some(ns.clone()),
        },
        uid: crate::model::new_uid(),
        revision: 0,
        description: args.description.clone().unwrap_or_default(),
        labels: crate::labels::parse_assignments(&args.labels)?,
        subjects: subjects(ctx, &args.subjects)?,
        actions: patterns("action", &args.actions)?,
        resources: patterns("resource", &args.resources)?,
        created: now,
        updated: now,
    };
    let store = ctx.store()?;
    let ns = policy.namespace.clone();
    let p = store.create_policy_checked(policy).map_err(|e| match &ns {
        Some(ns) => super::nearby::explain_namespace(store, ns, e),
        None => e,
    })?;
    if !written_policy(out, &args.output, &p)? {
        writeln!(out, "Created policy: {}{}", p.name, ctx.dry_run_suffix())?;
    }
    super::nearby::warn_unknown_subjects(store, &p.subjects, p.namespace.as_ref());
    Ok(Exit::Success)
}

fn print_policies(
    policies: &mut Vec<Policy>,
    output: &OutputArg,
    single: bool,
    out: &mut dyn Write,
) -> Result<()> {
    super::show::sort(output, policies, |p| super::show::json(&PolicyView::new(p)))?;
    match &output.output {
        f if f.is_document() => {
            let views: Vec<PolicyView> = policies.iter().map(PolicyView::new).collect();
            super::show::list(out, output, "PolicyList", &views, single)?;
        }
        OutputFormat::Name => {
            for p in policies {
                writeln!(out, "{}", p.name)?;
            }
        }
        f => {
            if policies.is_empty() {
                return Ok(());
            }
            let mut headers = vec![
                "NAME",
                "NAMESPACE",
                "SUBJECTS",
                "ACTIONS",
                "RESOURCES",
                "CREATED DATE",
            ];
            if *f == OutputFormat::Wide {
                headers.push("DESCRIPTION");
            }
            // As for accounts: only once some policy has labels.
            let show_labels =
                *f == OutputFormat::Wide && policies.iter().any(|p| !p.labels.is_empty());
            if show_labels {
                headers.push("LABELS");
            }
            let rows: Vec<Vec<String>> = policies
                .iter()
                .map(|p| {
                    let mut row = vec![
                        p.name.to_string(),
                        scope_label(p),
                        p.subjects.join(","),
                        p.actions.join(","),
                        p.resources.join(","),
                        time::local(p.created),
                    ];
                    if *f == OutputFormat::Wide {
                        row.push(p.description.clone());
                    }
                    if show_labels {
                        row.push(crate::labels::show(&p.labels));
                    }
                    row
                })
                .collect();
            out.write_all(super::show::table(output, &headers, &rows).as_bytes())?;
        }
    }
    Ok(())
}

fn get(ctx: &Context, args: &PolicyGetArgs, out: &mut dyn Write) -> Result<Exit> {
    let store = ctx.store()?;
    let format = &args.output.output;
    if args.names.is_empty() {
        let selector = crate::labels::Selector::parse_given(args.selector.as_deref())?;
        let list = |scope: &Scope| match &selector {
            Some(s) => store.select_policies(scope, s),
            None => store.list_policies(scope),
        };
        let mut listing = if args.all_namespaces {
            list(&Scope::All)?
        } else {
            let mut l = list(&match scope(ctx, &args.scope) {
                PolicyScope::Global => Scope::All,
                PolicyScope::Namespace(ns) => Scope::Namespace(ns),
            })?;
            if args.scope.global {
                l.items.retain(|p| p.namespace.is_none());
            }
            l
        };
        print_policies(&mut listing.items, &args.output, false, out)?;
        let listed_none = listing.items.is_empty() && listing.errors.is_empty();
        if listed_none && *format == OutputFormat::Table {
            crate::errln!("No policies found.");
        }
        // A mistyped -n, as `get` says it.
        if listed_none
            && !args.all_namespaces
            && selector.is_none()
            && let PolicyScope::Namespace(ns) = scope(ctx, &args.scope)
            && let Some(h) = super::nearby::missing_namespace(store, &ns)
        {
            crate::errln!("svcacct: warning: {h}");
        }
        return finish(listing_errors(&mut listing));
    }
    let (mut found, errors) = named(ctx, store, &scope(ctx, &args.scope), &args.names);
    print_policies(&mut found, &args.output, args.names.len() == 1, out)?;
    finish(errors)
}

/// The policies `names` name in `scope`, for `get` and `describe`: those found, and the errors
/// of the others (a name that is not one, a policy that is not there, with the nearest names).
fn named(
    ctx: &Context,
    store: &dyn Store,
    scope: &PolicyScope,
    names: &[String],
) -> (Vec<Policy>, Vec<anyhow::Error>) {
    let mut found = vec![];
    let mut errors = vec![];
    for n in names {
        match ctx.name(n).map_err(anyhow::Error::from).and_then(|n| {
            store
                .get_policy(scope, &n)
                .map_err(|e| super::nearby::explain_policy(store, scope, &n, e))
        }) {
            Ok(p) => found.push(p),
            Err(e) => errors.push(e),
        }
    }
    (found, errors)
}

/// Each policy named, as `describe` does accounts: two blank lines between descriptions, a
/// `List` of several with `-o json`, the failures at the end. With no names, every policy of
/// the namespace (or the global ones) that `-l` selects; none is kubectl's `No resources
/// found` on stderr.
fn describe(ctx: &Context, args: &PolicyDescribeArgs, out: &mut dyn Write) -> Result<Exit> {
    let scope = scope(ctx, &args.scope);
    let store = ctx.store()?;
    let format = &args.output.output;
    let (found, errors) = if args.names.is_empty() {
        let selector = crate::labels::Selector::parse_given(args.selector.as_deref())?;
        let listed = match &scope {
            PolicyScope::Global => Scope::All,
            PolicyScope::Namespace(ns) => Scope::Namespace(ns.clone()),
        };
        let mut listing = match &selector {
            Some(s) => store.select_policies(&listed, s)?,
            None => store.list_policies(&listed)?,
        };
        listing.items.retain(|p| p.scope() == scope);
        let errors = listing_errors(&mut listing);
        if listing.items.is_empty() && errors.is_empty() && !format.is_document() {
            match &scope {
                PolicyScope::Global => crate::errln!("No resources found"),
                PolicyScope::Namespace(ns) => {
                    crate::errln!("No resources found in {ns} namespace.");
                    if selector.is_none()
                        && let Some(h) = super::nearby::missing_namespace(store, ns)
                    {
                        crate::errln!("svcacct: warning: {h}");
                    }
                }
            }
        }
        (listing.items, errors)
    } else {
        named(ctx, store, &scope, &args.names)
    };
    if format.is_document() {
        let views: Vec<PolicyView> = found.iter().map(PolicyView::new).collect();
        if !views.is_empty() || errors.is_empty() {
            let one = args.names.len() == 1;
            super::show::list(out, &args.output, "List", &views, one)?;
        }
        return finish(errors);
    }
    for (i, p) in found.iter().enumerate() {
        if *format == OutputFormat::Name {
            writeln!(out, "{}", p.name)?;
            continue;
        }
        if i > 0 {
            out.write_all(b"\n\n")?;
        }
        let covers = match &p.namespace {
            None => "every namespace".to_owned(),
            Some(ns) => format!("{ns} and its child namespaces"),
        };
        let mut rows = vec![("Name", p.name.to_string()), ("Namespace", scope_label(p))];
        if !p.labels.is_empty() {
            rows.push(("Labels", crate::labels::show(&p.labels)));
        }
        rows.extend([
            ("Applies in", covers),
            ("Description", p.description.clone()),
            ("Subjects", p.subjects.join(", ")),
            ("Actions", p.actions.join(", ")),
            ("Resources", p.resources.join(", ")),
            ("Created", time::local(p.created)),
            ("Updated", time::local(p.updated)),
            ("UID", p.uid.clone()),
        ]);
        out.write_all(output::block(&rows).as_bytes())?;
    }
    finish(errors)
}

fn delete(ctx: &Context, args: &PolicyDeleteArgs, out: &mut dyn Write) -> Result<Exit> {
    let store = ctx.store()?;
    let scope = scope(ctx, &args.scope);
    let mut errors = vec![];
    for n in &args.names {
        match ctx.name(n).map_err(anyhow::Error::from).and_then(|n| {
            store
                .delete_policy(&scope, &n)
                .map_err(|e| super::nearby::explain_policy(store, &scope, &n, e))?;
            Ok(n)
        }) {
            Ok(n) if super::show::deleted(out, &args.output, n.as_str())? => {}
            Ok(n) => writeln!(out, "Deleted policy: {n}{}", ctx.dry_run_suffix())?,
            Err(e) => errors.push(super::account::about_one_of(e, n, args.names.len() > 1)),
        }
    }
    finish(errors)
}

/// Entries to remove, checked as entries to add are, except one that holds a character no
/// identifier may hold (see `identity::check_visible`): an older svcacct may have stored it,
/// and removing it is how it goes, so it is taken as typed.
fn removals(
    raw: &[String],
    check: impl Fn(&[String]) -> Result<Vec<String>, UserError>,
) -> Result<Vec<String>, UserError> {
    let mut v: Vec<String> = vec![];
    for entry in raw {
        let entry = entry.trim();
        let checked = if entry.chars().any(|c| output::hidden_kind(c).is_some()) {
            vec![entry.to_owned()]
        } else {
            check(&[entry.to_owned()])?
        };
        for e in checked {
            if !v.contains(&e) {
                v.push(e);
            }
        }
    }
    Ok(v)
}

/// `-o` of a command that writes a policy (`show::written`): as `policy get NAME -o json`
/// prints it.
fn written_policy(out: &mut dyn Write, arg: &WriteOutputArg, p: &Policy) -> Result<bool> {
    super::show::written(out, arg, p.name.as_str(), &PolicyView::new(p))
}

fn update(ctx: &Context, args: &PolicyUpdateArgs, out: &mut dyn Write) -> Result<Exit> {
    let scope = scope(ctx, &args.scope);
    let name = ctx.name(&args.name)?;
    let add_s = subjects(ctx, &args.add_subject)?;
    let rm_s = removals(&args.remove_subject, |s| subjects(ctx, s))?;
    let add_a = patterns("action", &args.add_action)?;
    let rm_a = removals(&args.remove_action, |a| patterns("action", a))?;
    let add_r = patterns("resource", &args.add_resource)?;
    let rm_r = removals(&args.remove_resource, |r| patterns("resource", r))?;
    let (set_labels, rm_labels) = crate::labels::parse_changes(&args.labels, &args.remove_labels)?;
    if args.description.is_none()
        && [&add_s, &rm_s, &add_a, &rm_a, &add_r, &rm_r, &rm_labels]
            .iter()
            .all(|v| v.is_empty())
        && set_labels.is_empty()
    {
        return Err(UserError::Usage(
            "nothing to update: pass --description, --add-/--remove- subject, action or resource, --label or --remove-label"
                .into(),
        )
        .into());
    }
    let store = ctx.store()?;
    let mut absent: Vec<String> = vec![];
    let modified = store.modify_policy(&scope, &name, &mut |p| {
        absent = crate::labels::apply_changes(&mut p.labels, &set_labels, &rm_labels);
        if let Some(d) = &args.description {
            p.description = d.clone();
        }
        super::edit_list(&mut p.subjects, &add_s, &rm_s);
        super::edit_list(&mut p.actions, &add_a, &rm_a);
        super::edit_list(&mut p.resources, &add_r, &rm_r);
        for (kind, list) in [
            ("subject", &p.subjects),
            ("action", &p.actions),
            ("resource", &p.resources),
        ] {
            if list.is_empty() {
                return Err(UserError::Usage(format!(
                    "policy `{}` would have no {kind} left; delete the policy instead",
                    p.name
                ))
                .into());
            }
        }
        Ok(())
    });
    let p = modified.map_err(|e| super::nearby::explain_policy(store, &scope, &name, e))?;
    for k in &absent {
        crate::errln!("svcacct: warning: policy {name} had no label `{k}`");
    }
    if !written_policy(out, &args.output, &p)? {
        writeln!(out, "Updated policy: {name}{}", ctx.dry_run_suffix())?;
    }
    let policy_ns = match &scope {
        PolicyScope::Global => None,
        PolicyScope::Namespace(ns) => Some(ns),
    };
    super::nearby::warn_unknown_subjects(ctx.store()?, &add_s, policy_ns);
    Ok(Exit::Success)
}
