//! The privacy panel: what a security officer needs to verify that nothing leaves the device.

use crate::ui::state::ContentRef;
use crate::ui::storage::Status;
use crate::ui::text::Ui;
use std::rc::Rc;
use yew::prelude::*;

pub struct PrivacyProps {
    pub ui: &'static Ui,
    pub storage: Status,
    pub storage_key: AttrValue,
    /// See `StartProps::forward`.
    pub forward: Option<AttrValue>,
    pub content: ContentRef,
    /// What the page has loaded, as the browser recorded it, and the questionnaire's fingerprint:
    /// read when the panel is opened (`None` before).
    pub checked: Option<Rc<(Vec<String>, String)>>,
    pub on_open: Callback<()>,
    pub on_erase: Callback<()>,
}

/// A function rather than a component, like the frame: see `frame.rs`. What it reads when opened
/// is kept by the page (`Respondent`).
pub fn privacy_panel(props: PrivacyProps) -> Html {
    let ui = props.ui;
    // Read when the panel is opened (a click, which the keyboard's Enter and Space on the summary
    // also fire: `toggle` does not bubble to yew's listener), so the list is current; not on the
    // first render, where nobody can see it yet.
    // The fingerprint likewise: hashing the whole questionnaire is not first-render work. Until
    // then the version is shown without it, as on the first screen rendered at build time.
    let (requests, fp) = props
        .checked
        .as_deref()
        .map_or((&[][..], ""), |(r, f)| (&r[..], f.as_str()));
    let stored = match props.storage {
        Status::Saved => (ui.privacy_stored_at)(&props.storage_key),
        Status::Off => ui.privacy_off.to_string(),
        Status::Unavailable => ui.privacy_not_stored.to_string(),
        Status::Kept => ui.privacy_kept.to_string(),
        Status::Elsewhere => ui.privacy_elsewhere.to_string(),
    };
    html! {
        <details class="privacy-panel" data-privacy="">
            <summary onclick={props.on_open.reform(|_| ())}>{ ui.privacy_title }</summary>
            <p>{ props.forward.unwrap_or(AttrValue::Static(ui.privacy_promise)) }{ " " }{ ui.privacy_why }</p>
            <p data-storage-key={props.storage_key}>{ stored }</p>
            <p>{ (ui.privacy_version)(&props.content.0.content_version, fp) }</p>
            <p data-requests={requests.len().to_string()}>{ (ui.privacy_requests)(requests.len() as u32) }</p>
            if !requests.is_empty() {
                <ul class="requests">
                for name in requests.iter() {
                    <li><code>{ name }</code></li>
                }
                </ul>
            }
            <button type="button" data-erase="" onclick={props.on_erase.reform(|_| ())}>{ ui.erase }</button>
        </details>
    }
}
