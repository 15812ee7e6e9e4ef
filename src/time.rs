//! Durations (`10m`, `90d`), expiry dates, and how dates are shown.

use jiff::{SignedDuration, Span, SpanRelativeTo, Timestamp, Zoned, civil::Date, tz::TimeZone};

use crate::error::UserError;

/// The longest duration accepted anywhere (100 years), so date arithmetic cannot overflow.
pub const MAX_DURATION: SignedDuration = SignedDuration::from_hours(24 * 366 * 100);

/// Parses a duration: `90s`, `10m`, `1h30m`, `90d`, `2w`, ISO 8601 `PT10M`, or plain seconds;
/// at most `MAX_DURATION`.
pub fn parse_duration(s: &str) -> Result<SignedDuration, UserError> {
    let d = parse_any_duration(s)?;
    if d > MAX_DURATION {
        return Err(UserError::Usage(format!(
            "duration `{}` is longer than 100 years",
            crate::output::sanitize(s)
        )));
    }
    Ok(d)
}

fn parse_any_duration(s: &str) -> Result<SignedDuration, UserError> {
    let bad = || {
        UserError::Usage(format!(
            "invalid duration `{}`: use e.g. 90s, 10m, 1h, 90d",
            crate::output::sanitize(s)
        ))
    };
    let t = s.trim();
    if let Ok(secs) = t.parse::<u64>() {
        return i64::try_from(secs)
            .map(SignedDuration::from_secs)
            .map_err(|_| bad());
    }
    let span: Span = t.parse().map_err(|_| bad())?;
    let d = span
        .to_duration(SpanRelativeTo::days_are_24_hours())
        .map_err(|_| bad())?;
    if d.is_negative() {
        return Err(bad());
    }
    Ok(d)
}

/// Parses an expiry: an RFC 3339 timestamp, a date (midnight at its start, local time), or a
/// duration from `now` (`90d`, `1y`). It must lie in the future.
pub fn parse_expiry(s: &str, now: Timestamp) -> Result<Timestamp, UserError> {
    let t = s.trim();
    let at = if let Ok(ts) = t.parse::<Timestamp>() {
        ts
    } else if let Ok(d) = t.parse::<Date>() {
        d.to_zoned(TimeZone::system())
            .map_err(|e| {
                UserError::Usage(format!(
                    "invalid date `{}`: {e}",
                    crate::output::sanitize(t)
                ))
            })?
            .timestamp()
    } else if let Ok(span) = t.parse::<Span>() {
        now.to_zoned(TimeZone::system())
            .checked_add(span)
            .map_err(|e| {
                UserError::Usage(format!(
                    "invalid expiry `{}`: {e}",
                    crate::output::sanitize(t)
                ))
            })?
            .timestamp()
    } else {
        return Err(UserError::Usage(format!(
            "invalid expiry `{}`: use a date (2027-06-30), an RFC 3339 timestamp or a duration (90d)",
            crate::output::sanitize(t)
        )));
    };
    if at <= now {
        return Err(UserError::Usage(format!(
            "expiry `{}` is in the past",
            crate::output::sanitize(t)
        )));
    }
    Ok(at)
}

/// A date as tables show it: local time, like `date(1)`: `Mon Jan  5 14:03:09 UTC 2026`.
pub fn local(ts: Timestamp) -> String {
    let z: Zoned = ts.to_zoned(TimeZone::system());
    z.strftime("%a %b %e %H:%M:%S %Z %Y").to_string()
}

/// A short human duration: `9m 30s`, `2h 5m`, `3d 4h`.
pub fn human(d: SignedDuration) -> String {
    let secs = d.as_secs().unsigned_abs();
    let (days, hours, mins, s) = (
        secs / 86_400,
        secs % 86_400 / 3600,
        secs % 3600 / 60,
        secs % 60,
    );
    if days > 0 {
        format!("{days}d {hours}h")
    } else if hours > 0 {
        format!("{hours}h {mins}m")
    } else if mins > 0 {
        format!("{mins}m {s}s")
    } else {
        format!("{s}s")
    }
}

/// A duration as a setting is written: `1h`, `90m`, `45s`.
pub fn setting(d: SignedDuration) -> String {
    let s = d.as_secs();
    if s % 3600 == 0 {
        format!("{}h", s / 3600)
    } else if s % 60 == 0 {
        format!("{}m", s / 60)
    } else {
        format!("{s}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("10m").unwrap().as_secs(), 600);
        assert_eq!(parse_duration("1h30m").unwrap().as_secs(), 5400);
        assert_eq!(parse_duration("90d").unwrap().as_secs(), 90 * 86_400);
        assert_eq!(parse_duration("45").unwrap().as_secs(), 45);
        assert_eq!(parse_duration("PT2M").unwrap().as_secs(), 120);
        for bad in [
            "",
            "ten",
            "-5m",
            "1y",
            "5 parsecs",
            "9223372036854775807",
            "40000d",
        ] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn expiry() {
        let now: Timestamp = "2026-01-01T00:00:00Z".parse().unwrap();
        assert_eq!(
            parse_expiry("2027-01-01T00:00:00Z", now).unwrap(),
            "2027-01-01T00:00:00Z".parse::<Timestamp>().unwrap()
        );
        assert_eq!(
            parse_expiry("1d", now).unwrap(),
            "2026-01-02T00:00:00Z".parse::<Timestamp>().unwrap()
        );
        assert!(parse_expiry("2020-01-01", now).is_err());
        assert!(parse_expiry("soon", now).is_err());
    }

    #[test]
    fn humans() {
        assert_eq!(human(SignedDuration::from_secs(570)), "9m 30s");
        assert_eq!(human(SignedDuration::from_secs(7500)), "2h 5m");
        assert_eq!(setting(SignedDuration::from_secs(3600)), "1h");
        assert_eq!(setting(SignedDuration::from_secs(600)), "10m");
    }
}
