//! The start screen: what the diagnosis does, how long it takes, the privacy promise, a saved
//! session to resume, the role choice (or a start button), and opening a saved result file.

use crate::ui::text::Ui;
use yew::prelude::*;

/// One role as shown.
#[derive(Clone, PartialEq)]
pub struct RoleOption {
    pub id: AttrValue,
    pub label: AttrValue,
    pub description: AttrValue,
}

/// A saved session on offer.
#[derive(Clone, PartialEq)]
pub struct ResumeOffer {
    pub answered: usize,
    pub at_result: bool,
}

pub struct StartProps {
    pub ui: &'static Ui,
    pub title: AttrValue,
    pub intro: AttrValue,
    /// Hidden when the host asked to skip the introduction.
    pub show_intro: bool,
    /// The fewest and the most statements a role is asked.
    pub questions: (usize, usize),
    pub minutes: usize,
    /// Answers are saved on this device as they are given.
    pub saves: bool,
    /// The promise when the host forwards results (`results="host"`), in place of "nothing
    /// leaves this device".
    pub forward: Option<AttrValue>,
    pub roles: Vec<RoleOption>,
    /// The role chosen before, if the respondent came back to this screen.
    pub current: Option<AttrValue>,
    pub resume: Option<ResumeOffer>,
    pub heading: NodeRef,
    pub on_choose: Callback<AttrValue>,
    pub on_begin: Callback<()>,
    pub on_resume: Callback<()>,
    pub on_decline: Callback<()>,
    pub on_open_file: Callback<web_sys::HtmlInputElement>,
    pub instance: AttrValue,
}

/// A function rather than a component: it renders with the respondent's page, and each
/// component costs the widget about a kilobyte of wasm.
pub fn start_screen(props: StartProps) -> Html {
    let ui = props.ui;
    let file_id = format!("{}-open", props.instance);
    let hint_id = format!("{file_id}-hint");
    let on_file = props
        .on_open_file
        .reform(|e: Event| e.target_unchecked_into::<web_sys::HtmlInputElement>());
    html! {
        <div class="start">
            <h2 tabindex="-1" ref={props.heading.clone()}>{ &props.title }</h2>
            if props.show_intro {
                <p>{ &props.intro }</p>
                <p>{ (ui.takes)(props.questions, props.minutes, props.saves) }</p>
                <div class="privacy">
                    <p class="promise">{ props.forward.unwrap_or(AttrValue::Static(ui.privacy_promise)) }</p>
                    <p>{ ui.privacy_why }</p>
                </div>
            }
            if let Some(offer) = &props.resume {
                <div class="resume" role="region" aria-label={ui.resume}>
                    <p>{ if offer.at_result { ui.resume_result_found.to_string() } else { (ui.resume_found)(offer.answered) } }</p>
                    <div class="nav">
                        <button type="button" class="primary" data-resume="" onclick={props.on_resume.reform(|_| ())}>
                            { if offer.at_result { ui.resume_result } else { ui.resume } }
                        </button>
                        <button type="button" data-decline="" onclick={props.on_decline.reform(|_| ())}>{ ui.start_over }</button>
                    </div>
                </div>
            }
            if props.roles.is_empty() {
                <div class="nav">
                    <button type="button" class="primary" data-begin="" onclick={props.on_begin.reform(|_| ())}>{ ui.begin }</button>
                </div>
            } else {
                <fieldset class="roles">
                    <legend>{ ui.choose_role }</legend>
                    <p class="hint">{ ui.role_lead }</p>
                    <ul class="role-list">
                    for role in props.roles.iter() {
                        <li key={role.id.as_str()}>
                            <button type="button" class="role" data-role={role.id.clone()}
                                aria-pressed={(props.current.as_ref() == Some(&role.id)).to_string()}
                                onclick={
                                    let id = role.id.clone();
                                    props.on_choose.reform(move |_| id.clone())
                                }>
                                <span class="role-label">{ &role.label }</span>
                                <span class="role-description">{ &role.description }</span>
                            </button>
                        </li>
                    }
                    </ul>
                </fieldset>
            }
            // The browser's own file button speaks the browser's language ("Choose File" on an
            // English Windows, whatever the widget shows): the input is visually hidden, still
            // focusable, and its label, styled as a button, speaks the widget's.
            <div class="open-file">
                <input type="file" class="visually-hidden" id={file_id.clone()} accept=".json,application/json"
                    aria-describedby={hint_id.clone()} data-open-file="" onchange={on_file} />
                <label for={file_id.clone()}>{ ui.open_file }</label>
                <p class="hint" id={hint_id}>{ ui.open_file_hint }</p>
            </div>
        </div>
    }
}
