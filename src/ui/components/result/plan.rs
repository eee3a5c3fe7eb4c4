//! The plan of next steps, grouped by when (this week first) or by who, with why each helps and
//! which blockers it answers to.

use super::PartProps;
use crate::core::PlannedStep;
use crate::ui::state::PlanView;
use yew::prelude::*;

/// A function rather than a component, like every part of the result: see `primary.rs`.
pub fn plan(p: &PartProps, view: PlanView, on_view: &Callback<PlanView>) -> Html {
    let (ui, c, d) = (p.ui, &p.content.0, &p.diagnosis);
    let lang = p.lang.as_str();
    let l = p.labels();
    if d.plan.is_empty() {
        return html! { <p>{ ui.plan_empty }</p> };
    }
    let by_when = view == PlanView::ByWhen;
    // The group a step falls in: its timeframe or its owner.
    let key = |p: &PlannedStep| {
        c.step(&p.step).map(|s| {
            if by_when {
                s.timeframe.as_str()
            } else {
                s.owner.as_str()
            }
        })
    };
    // Groups in content order: timeframes (this week first) or owners.
    let groups: Vec<&str> = if by_when {
        c.timeframes.iter().map(|t| t.id.as_str()).collect()
    } else {
        c.owners.iter().map(|o| o.id.as_str()).collect()
    };
    let group_label = |id: &str| {
        if by_when {
            l.timeframe(id)
        } else {
            l.owner(id)
        }
    };
    html! {
        <div class="plan-wrap">
            <div class="plan-view no-print" role="group" aria-label={ui.plan_title}>
                <button type="button" aria-pressed={by_when.to_string()} data-plan-view="when"
                    onclick={on_view.reform(|_| PlanView::ByWhen)}>{ ui.by_when }</button>
                <button type="button" aria-pressed={(!by_when).to_string()} data-plan-view="who"
                    onclick={on_view.reform(|_| PlanView::ByWho)}>{ ui.by_who }</button>
            </div>
            for gid in groups.into_iter() {
                if d.plan.iter().any(|p| key(p) == Some(gid)) {
                    <div key={gid} class="plan-group">
                        <h4>{ group_label(gid) }</h4>
                        <ul class="plan">
                        for p in d.plan.iter().filter(|p| key(p) == Some(gid)) {
                            if let Some(step) = c.step(&p.step) {
                                <li key={p.step.clone()} data-step={p.step.clone()} class={classes!(p.focus.then_some("focus"))}>
                                    <p class="step-text">{ c.text(&step.text, lang) }</p>
                                    <p class="step-meta">
                                        if by_when {
                                            <span class="who">{ l.owner(&step.owner) }</span>
                                        } else {
                                            <span class="when">{ l.timeframe(&step.timeframe) }</span>
                                        }
                                        if p.focus {
                                            <span class="badge">{ ui.main_blocker_badge }</span>
                                        }
                                    </p>
                                    <p class="rationale">{ c.text(&step.rationale, lang) }</p>
                                    if !p.dimensions.is_empty() {
                                        <p class="answers-to">{ format!("{}: {}", ui.answers_to, p.dimensions.iter().map(|x| l.dimension(x)).collect::<Vec<_>>().join(" / ")) }</p>
                                    }
                                </li>
                            }
                        }
                        </ul>
                    </div>
                }
            }
        </div>
    }
}
