//! One statement and its answer choices, as a radio group (arrow keys move inside it).

use crate::core::Answer;
use web_sys::HtmlElement;
use yew::prelude::*;

/// A statement as shown.
#[derive(Clone, PartialEq)]
pub struct ShownQuestion {
    pub id: AttrValue,
    /// Its number as the respondent counts statements; 0 for a question that is not one (the
    /// stage question), shown without a number.
    pub number: usize,
    pub statement: AttrValue,
    /// (value, label) in display order.
    pub choices: Vec<(AttrValue, AttrValue)>,
    /// Label of "don't know", when offered.
    pub dont_know: Option<AttrValue>,
    pub selected: Option<Answer>,
    /// Shown as unanswered after a refused "next".
    pub missing: bool,
}

#[derive(Properties, PartialEq)]
pub struct QuestionProps {
    pub question: ShownQuestion,
    /// Unique per widget instance, so that two widgets on one page keep separate radio groups.
    pub group: AttrValue,
    pub missing_note: AttrValue,
    /// Changes (to a new `Some`) when focus should move here: the first unanswered statement
    /// after a refused "next".
    pub focus: Option<u32>,
    /// Called with this statement's id and the answer. The same callback for every statement of a
    /// screen, so that an answer elsewhere leaves these props equal and this statement unrendered.
    pub on_answer: Callback<(AttrValue, Answer)>,
}

#[component]
pub fn Question(props: &QuestionProps) -> Html {
    let q = &props.question;
    let fieldset = use_node_ref();
    {
        let fieldset = fieldset.clone();
        use_effect_with(props.focus, move |focus| {
            if focus.is_some() {
                let input = fieldset
                    .cast::<web_sys::Element>()
                    .and_then(|f| f.query_selector("input").ok().flatten());
                if let Some(input) =
                    input.and_then(|i| wasm_bindgen::JsCast::dyn_into::<HtmlElement>(i).ok())
                {
                    let _ = input.focus();
                }
            }
        });
    }
    let note_id = format!("{}-{}-note", props.group, q.id);
    let name = format!("{}-{}", props.group, q.id);
    let is = |a: &Answer| q.selected.as_ref() == Some(a);
    html! {
        <fieldset ref={fieldset} data-q={q.id.clone()} class={classes!("question", q.missing.then_some("missing"))}
            aria-describedby={q.missing.then(|| note_id.clone())}>
            <legend>
                if q.number > 0 {
                    <span class="qnum">{ format!("{}.", q.number) }</span>
                }
                { &q.statement }
            </legend>
            <div class="choices">
            for (value, label) in q.choices.iter() {
                <label class="choice" key={value.as_str()}>
                    <input type="radio" name={name.clone()} value={value.clone()} data-v={value.clone()}
                        checked={is(&Answer::Choice(value.to_string()))}
                        onchange={
                            let (id, v) = (q.id.clone(), value.to_string());
                            props.on_answer.reform(move |_| (id.clone(), Answer::Choice(v.clone())))
                        } />
                    { label }
                </label>
            }
            if let Some(label) = &q.dont_know {
                <label class="choice dont-know">
                    <input type="radio" name={name.clone()} value="" data-dont-know=""
                        checked={is(&Answer::DontKnow)}
                        onchange={
                            let id = q.id.clone();
                            props.on_answer.reform(move |_| (id.clone(), Answer::DontKnow))
                        } />
                    { label }
                </label>
            }
            </div>
            if q.missing {
                <p class="missing-note" id={note_id}>{ &props.missing_note }</p>
            }
        </fieldset>
    }
}
