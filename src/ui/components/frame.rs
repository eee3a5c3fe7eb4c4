//! What surrounds every screen of a widget: the language switch, the current notice, and the
//! privacy panel in the footer. A page of screens (the respondent's now) renders inside it.

use super::privacy::{privacy_panel, PrivacyProps};
use crate::ui::state::{ContentRef, Notice};
use crate::ui::storage::Status;
use crate::ui::text::Ui;
use std::rc::Rc;
use yew::prelude::*;

/// What the frame shows around a page's screen.
pub struct FrameProps {
    pub ui: &'static Ui,
    pub content: ContentRef,
    pub lang: AttrValue,
    pub notice: Option<Notice>,
    /// The notice's element, for the page to bring it into view.
    pub notice_ref: NodeRef,
    pub storage: Status,
    pub storage_key: AttrValue,
    /// See `StartProps::forward`.
    pub forward: Option<AttrValue>,
    pub on_lang: Callback<AttrValue>,
    pub on_dismiss: Callback<()>,
    pub on_erase: Callback<()>,
    /// See `PrivacyProps::checked`.
    pub checked: Option<Rc<(Vec<String>, String)>>,
    pub on_privacy: Callback<()>,
}

/// A function rather than a component: it renders whenever its page does, and each component
/// costs the widget about a kilobyte of wasm.
pub fn frame(props: FrameProps, children: Html) -> Html {
    let t = props.ui;
    let languages = &props.content.0.languages;
    html! {
        <div class="kd" lang={props.lang.clone()}>
            <div class="top no-print">
                if languages.len() > 1 {
                    <div class="lang-switch" role="group" aria-label={t.language}>
                    for l in languages.iter() {
                        <button type="button" key={l.clone()} lang={l.clone()} data-lang={l.clone()}
                            aria-pressed={(l.as_str() == props.lang.as_str()).to_string()}
                            onclick={ let l = AttrValue::from(l.clone()); props.on_lang.reform(move |_| l.clone()) }>
                            { language_name(l) }
                        </button>
                    }
                    </div>
                }
            </div>
            // The live region is on the page before any news, and stays what it is: a screen
            // reader reads out what is put into a region it knows, where one inserted with its
            // text, or one whose role changes as the text comes, is often passed over. News of
            // something that went wrong is read out politely too, and marked as such on screen.
            <div role="status">
            if let Some(notice) = &props.notice {
                <div class={classes!("notice", notice.alert.then_some("error"))} data-notice="" ref={props.notice_ref}>
                    <p>{ &notice.text }</p>
                    <button type="button" class="dismiss" onclick={props.on_dismiss.reform(|_| ())}>{ t.dismiss }</button>
                </div>
            }
            </div>
            { children }
            <footer class="kd-footer no-print">
                { privacy_panel(PrivacyProps {
                    ui: t,
                    storage: props.storage,
                    storage_key: props.storage_key,
                    forward: props.forward,
                    content: props.content,
                    checked: props.checked,
                    on_open: props.on_privacy,
                    on_erase: props.on_erase,
                }) }
            </footer>
        </div>
    }
}

/// A language's name in itself.
fn language_name(code: &str) -> &str {
    match code {
        "ja" => "日本語",
        "en" => "English",
        other => other,
    }
}
