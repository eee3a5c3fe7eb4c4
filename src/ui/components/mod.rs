//! Leaf components: each takes `XxxProps` with `on_*` callbacks and owns no application state.

pub mod chart;
pub mod confirm;
pub mod frame;
pub mod privacy;
pub mod question;
pub mod result;
pub mod review;
pub mod section;
pub mod start;
