//! The result screen, most important first: primary blockers with their reasons, the plan, the
//! checklist, the chart with its table, how the result was reached, and ways to take it away.

use super::chart::{Chart, ChartItem};
use crate::core::report::choice_label;
use crate::core::scoring::evidence;
use crate::core::{Content, Diagnosis, PlannedStep, Session, Verdict};
use crate::ui::state::PlanView;
use crate::ui::text::Ui;
use crate::ui::ContentRef;
use std::rc::Rc;
use yew::prelude::*;

/// The ways to take the result away.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum TakeAway {
    Print,
    Json,
    Markdown,
    Copy,
}

#[derive(Properties, PartialEq)]
pub struct ResultProps {
    pub ui: &'static Ui,
    pub content: ContentRef,
    pub session: Rc<Session>,
    pub diagnosis: Rc<Diagnosis>,
    pub lang: AttrValue,
    pub date: AttrValue,
    pub fingerprint: AttrValue,
    pub plan_view: PlanView,
    pub heading: NodeRef,
    /// The host's call to action (`contact-href` / `contact-label`), shown as a plain link.
    pub contact: Option<(AttrValue, AttrValue)>,
    pub on_toggle_item: Callback<String>,
    pub on_plan_view: Callback<PlanView>,
    pub on_take: Callback<TakeAway>,
    pub on_back: Callback<()>,
    pub on_restart: Callback<()>,
}

#[component]
pub fn ResultView(props: &ResultProps) -> Html {
    let c: &Content = &props.content.0;
    let d = &props.diagnosis;
    let s = &props.session;
    let lang = props.lang.as_str();
    let ui = props.ui;
    let role = s.role.as_deref();
    let t = |text| c.text(text, lang);
    let verdict = match d.classification.verdict {
        Verdict::Blocked => ui.verdict_blocked,
        Verdict::Healthy => ui.verdict_healthy,
        Verdict::Insufficient => ui.verdict_insufficient,
    };
    let dim_label = |id: &str| {
        c.dimension_index(id)
            .map(|i| t(&c.dimensions[i].label))
            .unwrap_or("")
    };
    let band_label = |b: Option<usize>| {
        b.and_then(|b| c.bands.get(b))
            .map(|b| t(&b.label))
            .unwrap_or(ui.not_enough)
    };
    let chart_items: Vec<ChartItem> = d
        .scores
        .iter()
        .map(|sc| ChartItem {
            label: dim_label(&sc.dimension).to_string().into(),
            score: sc.score,
            band: sc.band.unwrap_or(0),
        })
        .collect();
    let take = |k: TakeAway| props.on_take.reform(move |_| k);
    html! {
        <section class="result" data-result="">
            <header class="print-only report-head">
                <p class="report-title">{ t(&c.title) }</p>
                <p>{ format!("{}: {}", ui.report_date, props.date) }
                    if let Some(r) = role.and_then(|r| c.role(r)) {
                        { format!(" · {}: {}", ui.report_role, t(&r.label)) }
                    }
                </p>
            </header>
            <h2 tabindex="-1" ref={props.heading.clone()}>{ ui.result_title }</h2>
            <p class="verdict">{ verdict }</p>

            if !d.classification.primary.is_empty() {
                <h3>{ ui.primary_title }</h3>
                <ol class="primary">
                for id in d.classification.primary.iter() {
                    { primary_item(c, d, s, id, lang, ui) }
                }
                </ol>
            }

            <h3>{ ui.plan_title }</h3>
            { plan(c, d, lang, ui, props.plan_view, &props.on_plan_view, &dim_label) }

            if !c.checklist.items.is_empty() {
                <h3>{ t(&c.checklist.title) }</h3>
                <p class="hint">{ ui.you_have }</p>
                <ul class="checklist">
                for item in c.checklist.items.iter() {
                    <li key={item.id.clone()}>
                        <label>
                            <input type="checkbox" data-item={item.id.clone()} checked={s.ticked.contains(&item.id)}
                                onchange={ let id = item.id.clone(); props.on_toggle_item.reform(move |_| id.clone()) } />
                            <span class="item-label">{ t(&item.label) }</span>
                            <span class="item-detail">{ t(&item.detail) }</span>
                        </label>
                    </li>
                }
                </ul>
            }

            <h3>{ ui.all_blockers }</h3>
            <Chart items={chart_items} not_enough={ui.not_enough} title={ui.chart_title} />
            <table class="scores">
                <caption class="visually-hidden">{ ui.all_blockers }</caption>
                <thead><tr>
                    <th scope="col">{ ui.blocker }</th>
                    <th scope="col">{ ui.score }</th>
                    <th scope="col">{ ui.severity }</th>
                    <th scope="col">{ ui.answered }</th>
                </tr></thead>
                for (group, dims) in d.classification.groups.iter() {
                    <tbody key={group.clone()}>
                        <tr><th colspan="4" scope="colgroup" class="group">
                            { c.groups.iter().find(|g| &g.id == group).map(|g| t(&g.label)).unwrap_or_default() }
                        </th></tr>
                        for dim in dims.iter() {
                            if let Some(sc) = d.scores.iter().find(|x| &x.dimension == dim) {
                                <tr key={dim.clone()}>
                                    <th scope="row">{ dim_label(dim) }</th>
                                    <td class="num" data-score={dim.clone()}>{ sc.score.map(|x| x.to_string()).unwrap_or_else(|| "—".into()) }</td>
                                    <td>{ band_label(sc.band) }</td>
                                    <td class="num">{ format!("{} / {}", sc.answered, sc.asked) }</td>
                                </tr>
                            }
                        }
                    </tbody>
                }
            </table>

            <details class="how" data-how="">
                <summary>{ ui.how_title }</summary>
                <p>{ (ui.how_version)(&c.id, &c.content_version, &props.fingerprint) }</p>
                <p>{ (ui.how_rule)(c.min_answers) }</p>
                for dim in c.dimensions.iter() {
                    {{
                        let (ev, _) = evidence(c, &dim.id, role, &s.answers);
                        html! {
                            <div key={dim.id.clone()} class="how-dim">
                                <h4>{ t(&dim.label) }</h4>
                                if ev.is_empty() {
                                    <p>{ ui.how_none }</p>
                                } else {
                                    <ul>
                                    for e in ev.iter() {
                                        <li key={e.question.clone()}>
                                            { c.question(&e.question).map(|q| c.statement(q, role, lang)).unwrap_or_default() }
                                            <span class="answer">{ format!("→ {}", choice_label(c, &e.question, s, lang)) }</span>
                                            <span class="share">{ (ui.points)(e.points, e.possible) }</span>
                                        </li>
                                    }
                                    </ul>
                                }
                            </div>
                        }
                    }}
                }
            </details>

            <h3 class="no-print">{ ui.take_title }</h3>
            <div class="take no-print">
                <button type="button" data-take="print" onclick={take(TakeAway::Print)}>{ ui.print }</button>
                <button type="button" data-take="json" onclick={take(TakeAway::Json)}>{ ui.download_json }</button>
                <button type="button" data-take="markdown" onclick={take(TakeAway::Markdown)}>{ ui.download_md }</button>
                <button type="button" data-take="copy" onclick={take(TakeAway::Copy)}>{ ui.copy_md }</button>
            </div>
            if let Some((href, label)) = &props.contact {
                <p class="contact no-print"><a href={href.clone()} target="_blank" rel="noopener noreferrer" data-contact="">{ label }</a></p>
            }
            <div class="nav">
                <button type="button" onclick={props.on_back.reform(|_| ())}>{ ui.edit_answers }</button>
                <button type="button" data-restart="" onclick={props.on_restart.reform(|_| ())}>{ ui.restart }</button>
            </div>
        </section>
    }
}

fn primary_item(c: &Content, d: &Diagnosis, s: &Session, id: &str, lang: &str, ui: &Ui) -> Html {
    let Some(score) = d.scores.iter().find(|x| x.dimension == id) else {
        return Html::default();
    };
    let Some(dim) = c.dimension_index(id).map(|i| &c.dimensions[i]) else {
        return Html::default();
    };
    let band = score
        .band
        .and_then(|b| c.bands.get(b))
        .map(|b| c.text(&b.label, lang))
        .unwrap_or_default();
    let role = s.role.as_deref();
    html! {
        <li key={id.to_string()} class="blocker" data-primary={id.to_string()}>
            <h4>{ c.text(&dim.label, lang) }<span class={format!("band band{}", score.band.unwrap_or(0).min(2))}>{ format!("{band} · {}", score.score.unwrap_or(0)) }</span></h4>
            <p>{ c.text(&dim.summary, lang) }</p>
            if !score.reasons.is_empty() {
                <p class="because-title">{ ui.because }</p>
                <ul class="because">
                for r in score.reasons.iter() {
                    <li key={r.question.clone()}>
                        { format!("{}{}{}", ui.quote.0, c.question(&r.question).map(|q| c.statement(q, role, lang)).unwrap_or_default(), ui.quote.1) }
                        <span class="answer">{ format!("→ {}", choice_label(c, &r.question, s, lang)) }</span>
                        <span class="share">{ (ui.share)(r.share) }</span>
                    </li>
                }
                </ul>
            }
        </li>
    }
}

fn plan<'a>(
    c: &Content,
    d: &Diagnosis,
    lang: &str,
    ui: &Ui,
    view: PlanView,
    on_view: &Callback<PlanView>,
    dim_label: &dyn Fn(&str) -> &'a str,
) -> Html {
    if d.plan.is_empty() {
        return html! { <p>{ ui.plan_empty }</p> };
    }
    let key = |p: &PlannedStep| {
        c.step(&p.step).map(|s| {
            if view == PlanView::ByWhen {
                s.timeframe.clone()
            } else {
                s.owner.clone()
            }
        })
    };
    let label_of = |list: &[(String, String)], id: &str| {
        list.iter()
            .find(|(i, _)| i == id)
            .map(|(_, l)| l.clone())
            .unwrap_or_default()
    };
    let owners: Vec<(String, String)> = c
        .owners
        .iter()
        .map(|x| (x.id.clone(), c.text(&x.label, lang).to_string()))
        .collect();
    let times: Vec<(String, String)> = c
        .timeframes
        .iter()
        .map(|x| (x.id.clone(), c.text(&x.label, lang).to_string()))
        .collect();
    // Groups in content order: timeframes (this week first) or owners.
    let groups = if view == PlanView::ByWhen {
        &times
    } else {
        &owners
    };
    html! {
        <div class="plan-wrap">
            <div class="plan-view no-print" role="group" aria-label={ui.plan_title}>
                <button type="button" aria-pressed={(view == PlanView::ByWhen).to_string()} data-plan-view="when"
                    onclick={on_view.reform(|_| PlanView::ByWhen)}>{ ui.by_when }</button>
                <button type="button" aria-pressed={(view == PlanView::ByWho).to_string()} data-plan-view="who"
                    onclick={on_view.reform(|_| PlanView::ByWho)}>{ ui.by_who }</button>
            </div>
            for (gid, glabel) in groups.iter() {
                if d.plan.iter().any(|p| key(p).as_deref() == Some(gid.as_str())) {
                    <div key={gid.clone()} class="plan-group">
                        <h4>{ glabel }</h4>
                        <ul class="plan">
                        for p in d.plan.iter().filter(|p| key(p).as_deref() == Some(gid.as_str())) {
                            if let Some(step) = c.step(&p.step) {
                                <li key={p.step.clone()} data-step={p.step.clone()} class={classes!(p.focus.then_some("focus"))}>
                                    <p class="step-text">{ c.text(&step.text, lang) }</p>
                                    <p class="step-meta">
                                        if view == PlanView::ByWhen {
                                            <span class="who">{ label_of(&owners, &step.owner) }</span>
                                        } else {
                                            <span class="when">{ label_of(&times, &step.timeframe) }</span>
                                        }
                                        if p.focus {
                                            <span class="badge">{ ui.main_blocker_badge }</span>
                                        }
                                    </p>
                                    <p class="rationale">{ c.text(&step.rationale, lang) }</p>
                                    if !p.dimensions.is_empty() {
                                        <p class="answers-to">{ format!("{}: {}", ui.answers_to, p.dimensions.iter().map(|x| dim_label(x)).collect::<Vec<_>>().join(" / ")) }</p>
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
