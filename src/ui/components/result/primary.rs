//! The main blockers: each with its severity, what it means, and the answers that led there.

use super::PartProps;
use crate::core::display::few_answers;
use crate::core::scoring::DimensionScore;
use yew::prelude::*;

/// A function rather than a component: it renders with the rest of the result, and each
/// component costs the widget about a kilobyte of wasm.
pub fn primary_blockers(props: &PartProps) -> Html {
    let ui = props.ui;
    let d = &props.diagnosis;
    let l = props.labels();
    if d.classification.primary.is_empty() {
        return Html::default();
    }
    html! {
        <>
            <h3>{ ui.primary_title }</h3>
            <ol class="primary">
            for id in d.classification.primary.iter() {
                if let Some(score) = d.score(id) {
                    <li key={id.clone()} class="blocker" data-primary={id.clone()}>
                        <h4>{ l.dimension(id) }<span class={format!("band band{}", score.band.unwrap_or(0).min(2))}>{ format!("{} · {}", l.band(score.band), score.score.unwrap_or(0)) }</span></h4>
                        if few_answers(&props.content.0, score) {
                            <p class="few">{ ui.few.trim() }</p>
                        }
                        <p>{ l.dimension_summary(id) }</p>
                        // On paper the reasons follow the forwardable first page (`reasons_on_paper`).
                        if !score.reasons.is_empty() {
                            <p class="because-title no-print">{ ui.because }</p>
                            { reasons(props, score, "because no-print") }
                        }
                    </li>
                }
            }
            </ol>
            if d.classification.also > 0 {
                <p class="also" data-also="">{ (ui.also)(d.classification.also) }</p>
            }
        </>
    }
}

/// The answers behind each main blocker, printed after every step: on paper the first page holds
/// only what to forward (main blockers, first steps, missing materials), as the Markdown does.
pub fn reasons_on_paper(props: &PartProps) -> Html {
    let (ui, d) = (props.ui, &props.diagnosis);
    let l = props.labels();
    html! {
        <div class="print-only">
        for id in d.classification.primary.iter() {
            if let Some(score) = d.score(id).filter(|s| !s.reasons.is_empty()) {
                <h4 key={id.clone()}>{ format!("{}: {}", ui.because, l.dimension(id)) }</h4>
                { reasons(props, score, "because") }
            }
        }
        </div>
    }
}

/// The answers that moved a blocker, each quoted with the choice given.
fn reasons(props: &PartProps, score: &DimensionScore, class: &'static str) -> Html {
    let (ui, d) = (props.ui, &props.diagnosis);
    let l = props.labels();
    html! {
        <ul {class}>
        for r in score.reasons.iter() {
            <li key={r.question.clone()}>
                { format!("{}{}{}", ui.quote.0, l.statement(&r.question), ui.quote.1) }
                <span class="answer">{ format!("→ {}", l.choice(&r.question, d.answers.get(&r.question))) }</span>
            </li>
        }
        </ul>
    }
}
