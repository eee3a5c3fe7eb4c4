//! kintone adoption self-diagnosis: the domain core (plain Rust) and, on wasm, its yew widget.

pub mod contract;
pub mod core;

#[cfg(target_arch = "wasm32")]
mod ui;

/// The widget's release version (the banner of the built script, the release archive's name).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The questionnaire shipped with the widget (Japanese and English): `content/kintone-municipal.json`
/// with the whitespace between tokens removed by `build.rs`.
pub const SHIPPED_CONTENT: &str = include_str!(concat!(env!("OUT_DIR"), "/shipped-content.json"));

/// The office page's guide (`content/office-guide.json`, `core::guide`), whitespace removed.
pub const OFFICE_GUIDE: &str = include_str!(concat!(env!("OUT_DIR"), "/office-guide.json"));
