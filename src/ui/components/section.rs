//! One section of statements: progress, the statements, and back / next.

use super::question::Question;
pub use super::question::ShownQuestion;
use crate::core::Answer;
use crate::ui::text::Ui;
use yew::prelude::*;

pub struct SectionProps {
    pub ui: &'static Ui,
    pub title: AttrValue,
    pub intro: Option<AttrValue>,
    /// 1-based position and count of screens.
    pub position: (usize, usize),
    /// Some section is shown in parts, so screens are counted rather than sections.
    pub split: bool,
    /// Statements answered and asked, for the progress bar and the time estimate.
    pub progress: (usize, usize),
    pub minutes_left: usize,
    pub questions: Vec<ShownQuestion>,
    /// Numbers of the unanswered statements after a refused "next".
    pub unanswered: Vec<usize>,
    pub refusals: u32,
    pub can_go_back: bool,
    pub group: AttrValue,
    pub heading: NodeRef,
    pub on_answer: Callback<(AttrValue, Answer)>,
    pub on_next: Callback<()>,
    pub on_back: Callback<()>,
    pub on_review: Callback<()>,
    /// Save the unfinished answers to a file.
    pub on_save: Callback<()>,
}

/// A function rather than a component: it renders whenever the respondent's page does (each
/// answer changes its statements), and each component costs the widget about a kilobyte of wasm.
pub fn section_screen(props: SectionProps) -> Html {
    let ui = props.ui;
    let (n, total) = props.position;
    let (done, asked) = props.progress;
    // Enter on a choice advances, as it does in a text field.
    let onkeydown = {
        let on_next = props.on_next.clone();
        Callback::from(move |e: KeyboardEvent| {
            let on_radio = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .is_some_and(|i| i.type_() == "radio");
            if e.key() == "Enter" && on_radio {
                e.prevent_default();
                on_next.emit(());
            }
        })
    };
    let first_missing = props
        .questions
        .iter()
        .find(|q| q.missing)
        .map(|q| q.id.clone());
    html! {
        // A <div>, not a <form>: Chromium re-associates every control of a form when one is
        // inserted into it, which made rendering quadratic in the statements shown (1,000 on
        // one screen: 3.1 s in a form, 1.5 s in a div). Nothing here is submitted; Enter is
        // handled above.
        <div class="section" {onkeydown}>
            <h2 tabindex="-1" ref={props.heading.clone()}>{ &props.title }</h2>
            <p class="progress-text">{ (if props.split { ui.screen_of } else { ui.section_of })(n, total) }{ " · " }{ (ui.minutes_left)(props.minutes_left) }</p>
            { progress_bar(done, asked) }
            if let Some(intro) = &props.intro {
                <p class="section-intro">{ intro }</p>
            }
            if !props.unanswered.is_empty() {
                <div class="notice error" role="alert">{ (ui.unanswered)(&props.unanswered) }</div>
            }
            for q in props.questions.iter() {
                <Question key={q.id.as_str()} question={q.clone()} group={props.group.clone()} missing_note={ui.answer_this}
                    focus={(first_missing.as_ref() == Some(&q.id)).then_some(props.refusals)}
                    on_answer={props.on_answer.clone()} />
            }
            <div class="nav">
                if props.can_go_back {
                    <button type="button" onclick={props.on_back.reform(|_| ())}>{ ui.back }</button>
                }
                // A plain button rather than a submit: form submission is blocked outright in
                // sandboxed frames without allow-forms, which some intranet portals use.
                <button type="button" class="primary" data-next="" onclick={props.on_next.reform(|_| ())}>
                    { if n == total { ui.finish } else { ui.next } }
                </button>
            </div>
            <div class="nav more">
                <button type="button" data-review="" onclick={props.on_review.reform(|_| ())}>{ ui.edit_answers }</button>
                <button type="button" data-save-unfinished="" onclick={props.on_save.reform(|_| ())}>{ ui.save_unfinished }</button>
            </div>
        </div>
    }
}

/// Progress as an SVG bar: no inline `style` attribute, which a strict CSP would refuse.
fn progress_bar(done: usize, total: usize) -> Html {
    let width = (done * 100).checked_div(total).unwrap_or(0);
    html! {
        <svg class="progress" viewBox="0 0 100 4" preserveAspectRatio="none" role="progressbar"
            aria-valuemin="0" aria-valuemax={total.to_string()} aria-valuenow={done.to_string()}
            aria-label={format!("{done} / {total}")}>
            <rect class="track" x="0" y="0" width="100" height="4" />
            <rect class="fill" x="0" y="0" width={width.to_string()} height="4" />
        </svg>
    }
}
