//! Calendars: exact Gregorian, Solar Hijri and Lunar Hijri arithmetic, and
//! the resolution of temporal mentions into inclusive Gregorian intervals.
//!
//! This is the only module that touches `icu_calendar`.
