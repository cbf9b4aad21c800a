//! Timeline merge.
