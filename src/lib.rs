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

/// The office page's copy of the shipped questionnaire: without the texts only the respondent's
/// page shows (`build.rs` lists them), so its own fingerprint is not the questionnaire's.
pub const OFFICE_CONTENT: &str = include_str!(concat!(env!("OUT_DIR"), "/office-content.json"));

/// The shipped questionnaire's fingerprint, which the office page's copy stands for (a native test
/// fails, naming the new value, when the questionnaire changes and this does not).
pub const SHIPPED_FINGERPRINT: &str = "b7da5c419152b0e6";

/// The office page's document drafts (`content/office-drafts.json`, `core::draft`), whitespace
/// removed.
pub const OFFICE_DRAFTS: &str = include_str!(concat!(env!("OUT_DIR"), "/office-drafts.json"));
