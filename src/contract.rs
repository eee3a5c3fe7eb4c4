//! The page contract: every name that the boot script (`www/element.js`) and the wasm both rely
//! on, defined once. The packer writes these values into the script as its `CONTRACT` object (as
//! it does the stylesheet: `xtask/src/pack.rs`), and a test there fails if the script spells one
//! of them out itself, uses a name the contract lacks, or if the widget stops rendering a control
//! the contract names.
//!
//! Data only, compiled natively too so that xtask reads the same values the wasm uses.

/// Names of the options of `mount`: the boot script passes them, the wasm reads them. Hosts use
/// the same names in `KintoneDiagnosis.mount(element, options)`.
pub mod option {
    pub const LANG: &str = "lang";
    /// Questionnaire JSON text.
    pub const CONTENT: &str = "content";
    /// Id of a `content` element that is not on the page.
    pub const CONTENT_MISSING: &str = "contentMissing";
    pub const STORAGE: &str = "storage";
    pub const STORAGE_KEY: &str = "storageKey";
    pub const START: &str = "start";
    pub const CONTACT_HREF: &str = "contactHref";
    pub const CONTACT_LABEL: &str = "contactLabel";
    /// One line shown above the call to action.
    pub const CONTACT_TEXT: &str = "contactText";
    /// Where the call to action stands: after the main blockers (the default) or at the end.
    pub const CONTACT_POSITION: &str = "contactPosition";
    /// The host declares that it forwards results ([`super::RESULTS_HOST`]).
    pub const RESULTS: &str = "results";
    /// Who receives them, in the host's words.
    pub const RESULTS_TO: &str = "resultsTo";
    pub const ON_COMPLETE: &str = "onComplete";
    /// Unique per widget on the page (radio group names, element ids).
    pub const INSTANCE: &str = "instance";
    /// The boot script's asynchronous helpers (see [`super::io`]).
    pub const IO: &str = "io";

    /// Every option, by the name the boot script's `CONTRACT.option` gives it.
    pub const ALL: [(&str, &str); 15] = [
        ("lang", LANG),
        ("content", CONTENT),
        ("contentMissing", CONTENT_MISSING),
        ("storage", STORAGE),
        ("storageKey", STORAGE_KEY),
        ("start", START),
        ("contactHref", CONTACT_HREF),
        ("contactLabel", CONTACT_LABEL),
        ("contactText", CONTACT_TEXT),
        ("contactPosition", CONTACT_POSITION),
        ("results", RESULTS),
        ("resultsTo", RESULTS_TO),
        ("onComplete", ON_COMPLETE),
        ("instance", INSTANCE),
        ("io", IO),
    ];
}

/// Names of the boot script's helpers in the `io` option.
pub mod io {
    /// `readText(file, done)`: calls back with a picked file's text, or null.
    pub const READ_TEXT: &str = "readText";
    /// `copyText(text, done)`: calls back with whether the text reached the clipboard.
    pub const COPY_TEXT: &str = "copyText";
    /// `print()`: prints the report alone.
    pub const PRINT: &str = "print";
    /// `watchStorage(key, done)`: calls `done(newText or null)` once, the next time another tab
    /// of the same origin writes or removes `key` (the widget then watches again).
    pub const WATCH_STORAGE: &str = "watchStorage";

    /// `readFiles(source, each)` (the office page): reads every file of a `FileList`, a list of
    /// files or a drop event (folders included), calling `each(total, batch, finished)` per
    /// batch of `[name, bytes or null]` pairs (a `Uint8Array`; null: larger than an office file
    /// is read).
    pub const READ_FILES: &str = "readFiles";

    pub const ALL: [(&str, &str); 5] = [
        ("readText", READ_TEXT),
        ("readFiles", READ_FILES),
        ("copyText", COPY_TEXT),
        ("print", PRINT),
        ("watchStorage", WATCH_STORAGE),
    ];
}

/// Said (as the problem of the content) when the single-file page is given a questionnaire of
/// its own: it carries no checker, so it runs only the one it ships with.
pub const SHIPPED_ONLY: &str = "content: this single-file page runs only its built-in questionnaire; to run another, embed kintone-diagnosis.js (it checks a questionnaire before running it)";

/// The window property the office page sets (to `performance.now()`) each time its overview is
/// on the page after results changed: the benchmark's "first view painted".
pub const OFFICE_VIEW_MARK: &str = "__officeViewPainted";

/// The element's attributes and the option each one sets.
pub const ATTRIBUTES: [(&str, &str); 10] = [
    ("lang", option::LANG),
    ("storage", option::STORAGE),
    ("storage-key", option::STORAGE_KEY),
    ("start", option::START),
    ("contact-href", option::CONTACT_HREF),
    ("contact-label", option::CONTACT_LABEL),
    ("contact-text", option::CONTACT_TEXT),
    ("contact-position", option::CONTACT_POSITION),
    ("results", option::RESULTS),
    ("results-to", option::RESULTS_TO),
];

/// The `contact-position` value that puts the call to action at the end of the result (the
/// default, anything else, puts it after the main blockers).
pub const CONTACT_AT_END: &str = "end";
/// The `results` value by which a host declares that it forwards the result of the
/// `diagnosis-complete` event: the widget's promise then says so, and to whom.
pub const RESULTS_HOST: &str = "host";
/// Appended to the storage namespace of a widget that forwards results: answers saved under the
/// promise that nothing leaves the device are never offered where they would be forwarded.
pub const FORWARDING_SUFFIX: &str = "-forwarded";

/// The `storage` value that switches saving off. The boot script passes only this or
/// [`STORAGE_LOCAL`]: any other value (misspelt, `false`, `none`...) fails closed, to off.
pub const STORAGE_OFF: &str = "off";
/// The `storage` value (and default) that saves answers in the browser's localStorage.
pub const STORAGE_LOCAL: &str = "local";
/// The `start` value that skips the introduction.
pub const START_AT_QUESTIONS: &str = "questions";
/// The `start` value (and default) that opens on the introduction.
pub const START_AT_INTRO: &str = "intro";
/// The namespace of saved answers when the host names none.
pub const DEFAULT_NAMESPACE: &str = "default";
/// Every saved session's key starts with this, then the namespace: see [`storage_key`].
pub const STORAGE_KEY_PREFIX: &str = "kintone-diagnosis:";

/// The localStorage key of a widget's saved session, namespaced by the host's setting and the
/// questionnaire's id: every page opened from `file://` shares one origin, so keys must not
/// collide. The boot script looks for `STORAGE_KEY_PREFIX + namespace + ":"` before the module
/// has started, to know whether the widget will open on the offer to resume.
pub fn storage_key(namespace: &str, content_id: &str) -> String {
    format!("{STORAGE_KEY_PREFIX}{namespace}:{content_id}")
}

/// The most a result file may hold, in bytes (`core::read`): the boot script reads no more of a
/// picked file than one byte past it, so that a huge file is refused without being read whole.
pub const MAX_FILE_BYTES: usize = crate::core::read::MAX_FILE_BYTES;

/// The class of the widget's root element (the print frame copies it; the first screen is one).
pub const ROOT_CLASS: &str = "kd";
/// Marks the first screen rendered at build time (the widget's own render, kept by the build).
pub const PRERENDER_ATTR: &str = "data-prerender";
/// The template inside the element that holds the first screen rendered at build time.
pub const FIRST_SCREEN_ATTR: &str = "data-first-screen";
/// The controls whose early use on that first screen is carried over to the live widget:
/// answers, "don't know", "next", "begin", a role and a language. Nothing else is: a click must
/// never land on something the respondent did not aim at (erasing, opening a file).
pub const CARRIED: [&str; 6] = [
    "data-v",
    "data-dont-know",
    "data-next",
    "data-begin",
    "data-role",
    "data-lang",
];
/// A statement's element, carrying its question id: a carried answer is looked up inside it.
pub const STATEMENT_ATTR: &str = "data-q";
/// The privacy panel (a `<details>`); opening it early is carried over too.
pub const PRIVACY_ATTR: &str = "data-privacy";
/// The report's title, present only while the result is shown: the print frame, which holds a
/// copy of the answers, is removed as soon as it is gone.
pub const REPORT_TITLE_CLASS: &str = "report-title";
/// Set on `window` when the first screen is on the page (the benchmarks read it).
pub const FIRST_RENDER_MARK: &str = "__firstRender";
