//! The plan: the steps to take first (one per main blocker), then every step folded, split into
//! what the respondent does and what to propose to another position, with a sentence to ask.

use super::PartProps;
use crate::core::plan::is_own;
use crate::core::PlannedStep;
use yew::prelude::*;

/// The steps to take first, with who does each and why. A function rather than a component,
/// like every part of the result: see `primary.rs`.
pub fn first_steps(p: &PartProps) -> Html {
    let ui = p.ui;
    let first: Vec<&PlannedStep> = p.diagnosis.plan.iter().filter(|s| s.first).collect();
    if first.is_empty() {
        return Html::default();
    }
    html! {
        <>
            <h3>{ ui.first_title }</h3>
            <p class="hint">{ ui.first_lead }</p>
            <ol class="plan first">
            for s in first.into_iter() {
                { step(p, s, true) }
            }
            </ol>
        </>
    }
}

/// The other steps, folded under their count (every step, open, when none comes first): the
/// respondent's own, then those to propose.
pub fn all_steps(p: &PartProps) -> Html {
    let (ui, c, d) = (p.ui, &p.content.0, &p.diagnosis);
    let rest: Vec<&PlannedStep> = d.plan.iter().filter(|s| !s.first).collect();
    if rest.is_empty() {
        return Html::default();
    }
    let all = rest.len() == d.plan.len();
    let role = d.role.as_deref();
    let own = |s: &PlannedStep| c.step(&s.step).is_some_and(|x| is_own(c, x, role));
    html! {
        <details class="plan-all" data-plan-all="" open={all}>
            <summary>{ format!("{} ({})", if all { ui.all_steps } else { ui.other_steps }, rest.len()) }</summary>
            for mine in [true, false] {
                if rest.iter().any(|s| own(s) == mine) {
                    <div key={mine.to_string()} class="plan-group">
                        // Under the h3 of the first steps an h4; with none, the list follows
                        // the result's h2 directly.
                        <@{if all { "h3" } else { "h4" }}>{ if mine { ui.yours } else { ui.others } }</@>
                        <ul class="plan">
                        for s in rest.iter().filter(|s| own(s) == mine) {
                            { step(p, s, false) }
                        }
                        </ul>
                    </div>
                }
            }
        </details>
    }
}

/// One step: what, who (the respondent's own position named as "you"), when, why, and for a
/// step owned by another position, how to ask.
fn step(p: &PartProps, s: &PlannedStep, first: bool) -> Html {
    let (ui, c) = (p.ui, &p.content.0);
    let lang = p.lang.as_str();
    let l = p.labels();
    let Some(step) = c.step(&s.step) else {
        return Html::default();
    };
    let role = p.diagnosis.role.as_deref();
    let own = is_own(c, step, role);
    // On screen the respondent's own position reads "you (DX promoter)"; on paper, read by
    // whoever it is forwarded to, the position's name alone.
    let owner = l.owner(&step.owner);
    let who = if own && role.is_some() {
        html! { <><span class="no-print">{ (ui.you_as)(owner) }</span><span class="print-only">{ owner }</span></> }
    } else {
        html! { owner }
    };
    html! {
        <li key={s.step.clone()} data-step={s.step.clone()} class={classes!(first.then_some("focus"))}>
            <p class="step-text">{ c.text(&step.text, lang) }</p>
            <p class="step-meta">
                <span class="who">{ format!("{}: ", ui.report_owner) }{ who }</span>
                // A proposal's timeframe is when to raise it, not a deadline set for its owner.
                <span class="when">{ if own { l.timeframe(&step.timeframe).to_string() } else { (ui.raise_by)(l.timeframe(&step.timeframe)) } }</span>
            </p>
            <p class="rationale">{ c.text(&step.rationale, lang) }</p>
            if !own {
                <p class="ask">{ format!("{}: {}{}{}", ui.ask, ui.quote.0, c.text(&step.ask, lang), ui.quote.1) }</p>
            }
        </li>
    }
}
