//! Timeline build.

use super::Timeline;

/// Builds the timeline.
pub fn build() -> Option<Timeline> {
    None
}
