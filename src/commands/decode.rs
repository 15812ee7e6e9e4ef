//! `svcacct decode`: a token's header and claims, unverified.

use std::io::Write;

use anyhow::Result;
use serde_json::json;

use crate::cli::DecodeArgs;
use crate::context::Context;
use crate::error::Exit;
use crate::output;
use crate::token as tok;

pub fn decode(ctx: &Context, args: &DecodeArgs, out: &mut dyn Write) -> Result<Exit> {
    let token = super::token_argument(ctx, args.token.as_deref())?;
    let parsed = tok::parse(&token)?;
    output::json(
        out,
        &json!({
            "verified": false,
            "note": "UNVERIFIED: nothing here has been checked; use `svcacct verify`",
            "header": parsed.header,
            "claims": parsed.claims,
        }),
    )?;
    Ok(Exit::Success)
}
