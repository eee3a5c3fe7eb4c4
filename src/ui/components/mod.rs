//! Leaf components: each takes `XxxProps` with `on_*` callbacks and owns no application state.

pub mod question;
pub mod result;
pub mod role_choice;
