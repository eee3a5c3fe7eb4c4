//! The diagnosis domain in plain Rust: content, validation, scoring, classification, plan,
//! session, diagnosis, display and export. Nothing here touches the DOM, the network or storage.

pub mod calc;
pub mod classify;
pub mod code;
pub mod content;
pub mod desk;
pub mod diagnosis;
pub mod display;
pub mod docx;
pub mod draft;
pub mod export;
pub mod fingerprint;
pub mod guide;
pub mod json;
pub mod map;
pub mod office;
pub mod order;
pub mod plan;
pub mod read;
pub mod report;
pub mod scoring;
pub mod session;
pub mod validate;

pub use classify::{classify, Classification, Verdict};
pub use content::{Content, FORMAT_VERSION};
pub use diagnosis::Diagnosis;
pub use export::{export, import, ImportError, ResultExport};
pub use fingerprint::{fingerprint, Questionnaire};
pub use plan::{plan, PlannedStep};
pub use scoring::{score, Answer, Answers, DimensionScore};
pub use session::{Action, RestoreError, Screen, Session, Snapshot};
pub use validate::{validate, Problem};
