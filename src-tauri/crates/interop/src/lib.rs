//! Dossier's exporters and importers. Today: iCalendar reminders for expiry dates and CE cycle
//! deadlines.

pub mod ics;
