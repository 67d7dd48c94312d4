//! iCalendar (RFC 5545) export of what has a deadline: every credential's expiry and every CE
//! cycle's end, as all-day events with DISPLAY alarms (the alarm kind every major calendar
//! keeps). UIDs are stable, so importing a newer export updates events instead of doubling
//! them. Written by the `icalendar` crate, not by hand.

use chrono::{DateTime, Duration, Utc};
use dossier_core::requirements::Progress;
use dossier_core::{Credential, Status};
use icalendar::{Alarm, Calendar, Component, Event, EventLike, Trigger};

/// Days before a deadline that the alarms fire.
pub const ALARM_DAYS: [i64; 2] = [60, 14];

fn with_alarms(event: &mut Event, what: &str) {
    for days in ALARM_DAYS {
        let text = format!("{what} in {days} days");
        event.alarm(Alarm::display(
            &text,
            Trigger::before_start(Duration::days(days)),
        ));
    }
}

/// The calendar for `records` (those with an expiry) and `cycles`, stamped `now`.
pub fn calendar(records: &[Credential], cycles: &[Progress], now: DateTime<Utc>) -> String {
    let mut cal = Calendar::new();
    cal.name("Dossier: credential deadlines");
    for r in records.iter().filter(|r| r.status == Status::Completed) {
        let Some(exp) = r.expires else { continue };
        let mut event = Event::new();
        let issuer = r
            .issuer
            .as_deref()
            .map(|i| format!(" ({i})"))
            .unwrap_or_default();
        let mut description = format!("{}{issuer} expires on {exp}.", r.title);
        if let Some(url) = &r.url {
            description.push_str(&format!(" Verify or renew: {url}"));
        }
        event
            .uid(&format!("credential-{}-expiry@dossier.local", r.id))
            .timestamp(now)
            .summary(&format!("Expires: {}", r.title))
            .description(&description)
            .all_day(exp.latest());
        with_alarms(&mut event, &format!("{} expires", r.title));
        cal.push(event.done());
    }
    for c in cycles {
        let mut event = Event::new();
        let description = format!(
            "CE cycle {} to {}: {} of {} hours counted, {} to go.",
            c.starts, c.ends, c.counted, c.required, c.remaining
        );
        event
            .uid(&format!("requirement-{}-cycle-end@dossier.local", c.id))
            .timestamp(now)
            .summary(&format!("CE cycle ends: {}", c.name))
            .description(&description)
            .all_day(c.ends);
        with_alarms(&mut event, &format!("CE cycle '{}' ends", c.name));
        cal.push(event.done());
    }
    cal.done().to_string()
}
