//! kintone adoption self-diagnosis: the domain core (plain Rust) and, on wasm, its yew widget.

pub mod core;

#[cfg(target_arch = "wasm32")]
mod ui;

/// The questionnaire shipped with the widget (Japanese and English).
pub const SHIPPED_CONTENT: &str = include_str!("../content/kintone-municipal.json");
