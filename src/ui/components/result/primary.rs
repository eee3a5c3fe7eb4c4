//! The main blockers: each with its severity, what it means, and the answers that led there.

use super::PartProps;
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
                        <p>{ l.dimension_summary(id) }</p>
                        if !score.reasons.is_empty() {
                            <p class="because-title">{ ui.because }</p>
                            <ul class="because">
                            for r in score.reasons.iter() {
                                <li key={r.question.clone()}>
                                    { format!("{}{}{}", ui.quote.0, l.statement(&r.question), ui.quote.1) }
                                    <span class="answer">{ format!("→ {}", l.choice(&r.question, d.answers.get(&r.question))) }</span>
                                    <span class="share">{ (ui.share)(r.share) }</span>
                                </li>
                            }
                            </ul>
                        }
                    </li>
                }
            }
            </ol>
        </>
    }
}
