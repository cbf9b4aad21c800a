//! Timeline order.
