//! The root component: wires the core session to the screens.

use super::components::question::Question;
use super::components::result::ResultView;
use super::components::role_choice::{RoleChoice, RoleOption};
use super::state::{Msg, Widget};
use super::text::ui;
use super::ContentRef;
use crate::core::{Action, Answer, Screen};
use std::rc::Rc;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Seconds a respondent needs per statement, for the "minutes left" estimate (measured by hand
/// on the shipped content: 40 statements in 8-10 minutes).
const SECONDS_PER_QUESTION: usize = 14;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub content: ContentRef,
    pub lang: AttrValue,
    /// Distinguishes widgets on one page (radio group names, element ids).
    pub instance: AttrValue,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    // State
    let widget = use_reducer(|| Widget::new(props.content.0.clone(), props.lang.clone()));
    let heading = use_node_ref();
    let first_screen = use_mut_ref(|| true);

    // Effects: move focus to the new screen's heading (not on first load, which must not steal
    // focus from the host page), and record the first render for the benchmarks.
    {
        let heading = heading.clone();
        let screen = widget.session.screen;
        use_effect_with(screen, move |_| {
            if std::mem::replace(&mut *first_screen.borrow_mut(), false) {
                super::mark_first_render();
            } else if let Some(h) = heading.cast::<HtmlElement>() {
                let _ = h.focus();
            }
        });
    }

    // Callbacks
    let dispatch = |f: fn() -> Action| {
        let widget = widget.clone();
        Callback::from(move |_: ()| widget.dispatch(Msg::Do(f())))
    };
    let on_next = dispatch(|| Action::Next);
    let on_back = dispatch(|| Action::Back);
    let on_restart = dispatch(|| Action::Restart);
    let on_role = {
        let widget = widget.clone();
        Callback::from(move |id: AttrValue| widget.dispatch(Msg::Do(Action::ChooseRole(id.to_string()))))
    };
    let on_toggle_item = {
        let widget = widget.clone();
        Callback::from(move |id: String| widget.dispatch(Msg::Do(Action::ToggleItem(id))))
    };
    let on_lang = {
        let widget = widget.clone();
        Callback::from(move |lang: AttrValue| widget.dispatch(Msg::SetLang(lang)))
    };

    // Derived values
    let c = &widget.content;
    let s = &widget.session;
    let lang = widget.lang.clone();
    let t = ui(&lang);
    let role = s.role.as_deref();
    let diagnosis = {
        let w = widget.clone();
        use_memo((s.role.clone(), s.answers.clone(), s.ticked.clone()), move |_| w.session.diagnose(&w.content))
    };

    let screen = match s.screen {
        Screen::Role => {
            let roles: Vec<RoleOption> = c
                .roles
                .iter()
                .map(|r| RoleOption {
                    id: r.id.clone().into(),
                    label: c.text(&r.label, &lang).to_string().into(),
                    description: c.text(&r.description, &lang).to_string().into(),
                })
                .collect();
            html! {
                <div class="start">
                    <h2 tabindex="-1" ref={heading.clone()}>{ c.text(&c.title, &lang) }</h2>
                    <p>{ c.text(&c.intro, &lang) }</p>
                    <p class="privacy">{ t.privacy_promise }</p>
                    <p>{ t.start_lead }</p>
                    <RoleChoice heading={t.choose_role} {roles}
                        current={s.role.clone().map(AttrValue::from)} on_choose={on_role} />
                </div>
            }
        }
        Screen::Section(n) => {
            let sections = s.sections(c);
            let Some(&section) = sections.get(n) else { return Html::default() };
            let (done, total) = s.progress(c);
            let minutes = ((total - done) * SECONDS_PER_QUESTION).div_ceil(60);
            let first_number = sections[..n].iter().map(|&i| c.questions_in(i, role).count()).sum::<usize>();
            let last = n + 1 == sections.len();
            let onsubmit = {
                let on_next = on_next.clone();
                Callback::from(move |e: SubmitEvent| {
                    e.prevent_default();
                    on_next.emit(());
                })
            };
            let sec = &c.sections[section];
            html! {
                <form class="section" {onsubmit} novalidate=true>
                    <h2 tabindex="-1" ref={heading.clone()}>{ c.text(&sec.title, &lang) }</h2>
                    <p class="progress-text">
                        { (t.section_of)(n + 1, sections.len()) }{ " · " }{ (t.minutes_left)(minutes) }
                    </p>
                    { progress_bar(done, total) }
                    if let Some(intro) = &sec.intro {
                        <p class="section-intro">{ c.text(intro, &lang) }</p>
                    }
                    if !s.unanswered.is_empty() {
                        <div class="notice" role="alert">{ t.unanswered_title }</div>
                    }
                    for (i, q) in c.questions_in(section, role).enumerate() {
                        {{
                            let scale = c.scale(&q.scale);
                            let choices: Vec<(AttrValue, AttrValue)> = scale.map(|sc| sc.choices.iter()
                                .filter(|ch| q.choices.iter().any(|qc| qc.value == ch.value))
                                .map(|ch| (AttrValue::from(ch.value.clone()), AttrValue::from(c.text(&ch.label, &lang).to_string())))
                                .collect()).unwrap_or_default();
                            let dont_know = q.dont_know.then(|| scale.and_then(|sc| sc.dont_know.as_ref()))
                                .flatten().map(|dk| AttrValue::from(c.text(dk, &lang).to_string()));
                            let on_answer = {
                                let widget = widget.clone();
                                let id = q.id.clone();
                                Callback::from(move |answer: Answer| widget.dispatch(Msg::Do(Action::Answer { question: id.clone(), answer })))
                            };
                            html! {
                                <Question key={q.id.clone()} id={q.id.clone()} group={props.instance.clone()}
                                    number={first_number + i + 1}
                                    statement={c.statement(q, role, &lang).to_string()}
                                    {choices} {dont_know}
                                    selected={s.answers.get(&q.id).cloned()}
                                    missing={s.unanswered.contains(&q.id)}
                                    missing_note={t.answer_this}
                                    {on_answer} />
                            }
                        }}
                    }
                    <div class="nav">
                        if n > 0 || !c.roles.is_empty() {
                            <button type="button" onclick={on_back.reform(|_| ())}>{ t.back }</button>
                        }
                        <button type="submit" class="primary" data-next="">{ if last { t.finish } else { t.next } }</button>
                    </div>
                </form>
            }
        }
        Screen::Result => html! {
            <ResultView content={props.content.clone()} diagnosis={diagnosis.clone()}
                role={s.role.clone().map(AttrValue::from)} answers={Rc::new(s.answers.clone())}
                ticked={Rc::new(s.ticked.clone())} lang={lang.clone()} group={props.instance.clone()}
                heading={heading.clone()} {on_toggle_item} {on_back} {on_restart} />
        },
    };

    html! {
        <>
        <style>{ super::STYLE }</style>
        <div class="kd" lang={lang.clone()}>
            if c.languages.len() > 1 {
                <div class="lang-switch" role="group" aria-label={t.language}>
                for l in c.languages.iter() {
                    <button type="button" key={l.clone()} lang={l.clone()} aria-pressed={(l.as_str() == lang.as_str()).to_string()}
                        onclick={ let l = AttrValue::from(l.clone()); on_lang.reform(move |_| l.clone()) }>
                        { language_name(l) }
                    </button>
                }
                </div>
            }
            { screen }
        </div>
        </>
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

/// Progress as an SVG bar: no inline `style` attribute, which a strict CSP would refuse.
fn progress_bar(done: usize, total: usize) -> Html {
    let width = if total == 0 { 0 } else { done * 100 / total };
    html! {
        <svg class="progress" viewBox="0 0 100 4" preserveAspectRatio="none" role="progressbar"
            aria-valuemin="0" aria-valuemax={total.to_string()} aria-valuenow={done.to_string()}
            aria-label={format!("{done} / {total}")}>
            <rect class="track" x="0" y="0" width="100" height="4" />
            <rect class="fill" x="0" y="0" width={width.to_string()} height="4" />
        </svg>
    }
}
