//! `serve --issuer-rotation-period`: a task that rotates the issuer when its signing key has
//! signed for the period ([`crate::registry::issuer::rotate_if_due`], which decides inside the
//! rotation's transaction, so that several servers on one store rotate once).

use std::sync::Arc;
use std::time::Duration;

use jiff::{SignedDuration, Timestamp};

use crate::model::KeyPhase;
use crate::registry::issuer::{AutoRotation, auto_publish_first, rotate_if_due};
use crate::store::Store;

/// How often the task looks: a tenth of the period, at most a minute (a rotation is then at
/// most that late; the look is one read of the issuer record).
pub fn check_interval(period: SignedDuration) -> Duration {
    Duration::try_from(period / 10)
        .unwrap_or(Duration::ZERO)
        .clamp(Duration::from_millis(100), Duration::from_secs(60))
}

/// Runs until dropped (aborted): each rotation and each failure is one line on stderr.
pub async fn run(store: Arc<dyn Store + Send + Sync>, period: SignedDuration) {
    let every = check_interval(period);
    // The issuer's JWKS max-age as the server starts (the default before there is an issuer);
    // each rotation reads it again.
    let st = store.clone();
    let cached = tokio::task::spawn_blocking(move || {
        let record = crate::store::local(st.as_ref())
            .ok()?
            .read_issuer()
            .ok()??;
        Some(record.jwks_cache_lifetime(Timestamp::now()))
    })
    .await
    .ok()
    .flatten()
    .unwrap_or(SignedDuration::from_secs(
        crate::model::DEFAULT_JWKS_MAX_AGE_SECS as i64,
    ));
    let publish_first = auto_publish_first(cached, period);
    if publish_first < cached {
        crate::errln!(
            "svcacct: warning: with --issuer-rotation-period {period:#}, a new issuer key is \
             published {publish_first:#} before it signs, less than the {cached:#} a verifier \
             may cache the JWKS for (its max-age): such a verifier may meet a token signed by a \
             key it has not fetched yet (a period of at least {:#} avoids it)",
            cached * 2
        );
    }
    let mut tick = tokio::time::interval(every);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut told_hmac = false;
    loop {
        tick.tick().await;
        let st = store.clone();
        let done = tokio::task::spawn_blocking(move || {
            rotate_if_due(crate::store::local(st.as_ref())?, period, Timestamp::now())
        })
        .await;
        match done {
            Ok(Ok(AutoRotation::Rotated(v))) => {
                let next = v.keys.iter().rfind(|k| k.phase == KeyPhase::Next);
                let old: Vec<&str> = v
                    .keys
                    .iter()
                    .filter(|k| k.phase == KeyPhase::Signing)
                    .map(|k| k.kid.as_str())
                    .collect();
                match next {
                    Some(k) => crate::errln!(
                        "svcacct: rotated the issuer (--issuer-rotation-period {period:#}): new \
                         key {} is published now and signs from {}; key {} signs until then",
                        k.kid,
                        k.signs_from.map_or_else(String::new, |t| t.to_string()),
                        old.join(", ")
                    ),
                    None => crate::errln!(
                        "svcacct: rotated the issuer (--issuer-rotation-period {period:#}): new \
                         key {} signs now",
                        old.join(", ")
                    ),
                }
            }
            Ok(Ok(AutoRotation::Hmac)) if !told_hmac => {
                told_hmac = true;
                crate::errln!(
                    "svcacct: --issuer-rotation-period is ignored: the issuer is HS256, and its \
                     new secret has to come from you (`svcacct issuer rotate --secret-file FILE`)"
                );
            }
            Ok(Ok(_)) => {}
            Ok(Err(e)) => crate::errln!(
                "svcacct: automatic issuer rotation failed (trying again in {:#}): {e:#}",
                SignedDuration::try_from(every).unwrap_or_default()
            ),
            Err(e) => crate::errln!("svcacct: automatic issuer rotation failed: {e}"),
        }
    }
}
