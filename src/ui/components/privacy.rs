//! The privacy panel: what a security officer needs to verify that nothing leaves the device.

use crate::ui::state::ContentRef;
use crate::ui::storage::Status;
use crate::ui::text::Ui;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PrivacyProps {
    pub ui: &'static Ui,
    pub storage: Status,
    pub storage_key: AttrValue,
    pub content: ContentRef,
    pub on_erase: Callback<()>,
}

#[component]
pub fn PrivacyPanel(props: &PrivacyProps) -> Html {
    let ui = props.ui;
    // Read when the panel is opened (a click, which the keyboard's Enter and Space on the summary
    // also fire: `toggle` does not bubble to yew's listener), so the list is current; not on the
    // first render, where nobody can see it yet.
    // The fingerprint likewise: hashing the whole questionnaire is not first-render work. Until
    // then the version is shown without it, as on the first screen rendered at build time.
    let requests = use_state(Vec::new);
    let fp = use_state(String::new);
    let onclick = {
        let requests = requests.clone();
        let fp = fp.clone();
        let content = props.content.clone();
        Callback::from(move |_: MouseEvent| {
            requests.set(crate::ui::io::requests_made());
            if fp.is_empty() {
                fp.set(content.0.fingerprint().to_string());
            }
        })
    };
    let stored = match props.storage {
        Status::Saved => (ui.privacy_stored_at)(&props.storage_key),
        Status::Off => ui.privacy_off.to_string(),
        Status::Unavailable => ui.privacy_not_stored.to_string(),
        Status::Kept => ui.privacy_kept.to_string(),
        Status::Elsewhere => ui.privacy_elsewhere.to_string(),
    };
    html! {
        <details class="privacy-panel" data-privacy="">
            <summary {onclick}>{ ui.privacy_title }</summary>
            <p>{ ui.privacy_promise }{ " " }{ ui.privacy_why }</p>
            <p data-storage-key={props.storage_key.clone()}>{ stored }</p>
            <p>{ (ui.privacy_version)(&props.content.0.content_version, &fp) }</p>
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
