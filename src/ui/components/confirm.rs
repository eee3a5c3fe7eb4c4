//! Asks before a destructive action (start over, erase, dropping saved or unfinished answers).
//! Shown at the top of the widget, never where the button that asked was, with the keyboard
//! focus on "keep" (the page moves it to `keep` once shown): a stray Enter, click or double
//! click keeps everything.

use crate::ui::text::Ui;
use yew::prelude::*;

pub struct ConfirmProps {
    pub ui: &'static Ui,
    /// What would be lost.
    pub question: AttrValue,
    /// The label of the destructive choice.
    pub confirm: AttrValue,
    pub on_confirm: Callback<()>,
    pub on_cancel: Callback<()>,
    /// The "keep" button, for the focus.
    pub keep: NodeRef,
}

/// A function rather than a component, like the frame: see `frame.rs`.
pub fn confirm(props: ConfirmProps) -> Html {
    let keep = props.keep.clone();
    // Escape answers "keep", as it closes any dialog.
    let on_cancel = props.on_cancel.clone();
    let onkeydown = move |e: KeyboardEvent| {
        if e.key() == "Escape" {
            e.prevent_default();
            on_cancel.emit(());
        }
    };
    html! {
        <div class="notice confirm" role="alertdialog" aria-label={props.question.clone()} data-confirm-box="" {onkeydown}>
            <p>{ &props.question }</p>
            <div class="nav">
                <button type="button" ref={keep} data-keep="" onclick={props.on_cancel.reform(|_| ())}>{ props.ui.keep }</button>
                <button type="button" class="danger" data-confirm="" onclick={props.on_confirm.reform(|_| ())}>{ &props.confirm }</button>
            </div>
        </div>
    }
}
