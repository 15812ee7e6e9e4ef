//! `svcacct version`: the client's build, and with a remote store the server's, as `kubectl
//! version` prints them.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use super::show;
use crate::api::VersionInfo;
use crate::cli::VersionArgs;
use crate::context::{Context, StoreLocation};
use crate::error::Exit;
use crate::output;
use crate::store::remote::{Auth, RemoteStore};

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Versions {
    client_version: VersionInfo,
    #[serde(skip_serializing_if = "Option::is_none")]
    server_version: Option<VersionInfo>,
}

pub fn run(ctx: &Context, args: &VersionArgs, out: &mut dyn Write) -> Result<Exit> {
    // `GET /version` is public: no credentials are needed, so none are read or sent.
    let server = match &ctx.store_location {
        StoreLocation::Remote(url) if !args.client => Some(
            RemoteStore::new(url.clone(), ctx.ca_cert.as_deref(), Auth::Anonymous)
                .and_then(|remote| remote.version()),
        ),
        _ => None,
    };
    let (server_version, failure) = match server {
        Some(Ok(v)) => (Some(v), None),
        Some(Err(e)) => (None, Some(e)),
        None => (None, None),
    };
    let versions = Versions {
        client_version: VersionInfo::this_build(),
        server_version,
    };
    if args.output.output.is_document() {
        show::document(out, &args.output, &versions)?;
    } else {
        let mut rows = vec![
            ("Client Version", versions.client_version.version.clone()),
            ("Client Commit", versions.client_version.commit.clone()),
            ("Client Crypto", versions.client_version.crypto.clone()),
        ];
        if let Some(s) = &versions.server_version {
            rows.extend([
                ("Server Version", s.version.clone()),
                ("Server Commit", s.commit.clone()),
                ("Server Crypto", s.crypto.clone()),
            ]);
        }
        out.write_all(output::block(&rows).as_bytes())?;
    }
    match failure {
        // The client's part is printed; the error is main's line, as kubectl's is.
        Some(e) => Err(e.context("the server's version")),
        None => Ok(Exit::Success),
    }
}
