//! "How this result was reached": the questionnaire's version and fingerprint, the scoring rule,
//! and every answer that moved each blocker.

use super::PartProps;
use yew::prelude::*;

/// A function rather than a component: it renders with the rest of the result, and each
/// component costs the widget about a kilobyte of wasm.
pub fn how_reached(props: &PartProps) -> Html {
    let ui = props.ui;
    let q = &props.content.0;
    let d = &props.diagnosis;
    let l = props.labels();
    html! {
        <details class="how" data-how="">
            <summary>{ ui.how_title }</summary>
            <p>{ (ui.how_version)(&q.id, &q.content_version, q.fingerprint()) }</p>
            <p>{ (ui.how_rule)(q.min_answers, q.min_share, q.few_answers) }</p>
            <p>{ q.text(&q.scoring_note, &props.lang) }</p>
            for s in d.scores.iter() {
                <div key={s.dimension.clone()} class="how-dim">
                    <h4>{ l.dimension(&s.dimension) }</h4>
                    if s.evidence.is_empty() {
                        <p>{ ui.how_none }</p>
                    } else {
                        <ul>
                        for e in s.evidence.iter() {
                            <li key={e.question.clone()}>
                                { l.statement(&e.question) }
                                <span class="answer">{ format!("→ {}", l.choice(&e.question, d.answers.get(&e.question))) }</span>
                                <span class="share">{ (ui.points)(e.points, e.possible) }</span>
                            </li>
                        }
                        </ul>
                    }
                </div>
            }
        </details>
    }
}
