//! The result screen: primary blockers with their reasons, every score, the plan, the checklist.

use crate::core::{Answer, Content, Diagnosis, Verdict};
use crate::ui::text::Ui;
use crate::ui::ContentRef;
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultProps {
    pub content: ContentRef,
    pub diagnosis: Rc<Diagnosis>,
    pub role: Option<AttrValue>,
    pub answers: Rc<crate::core::Answers>,
    pub ticked: Rc<BTreeSet<String>>,
    pub lang: AttrValue,
    pub group: AttrValue,
    pub heading: NodeRef,
    pub on_toggle_item: Callback<String>,
    pub on_back: Callback<()>,
    pub on_restart: Callback<()>,
}

#[component]
pub fn ResultView(props: &ResultProps) -> Html {
    let c: &Content = &props.content.0;
    let d = &props.diagnosis;
    let lang = props.lang.as_str();
    let ui = crate::ui::text::ui(lang);
    let role = props.role.as_deref();
    let t = |text| c.text(text, lang);
    let verdict = match d.classification.verdict {
        Verdict::Blocked => ui.verdict_blocked,
        Verdict::Healthy => ui.verdict_healthy,
        Verdict::Insufficient => ui.verdict_insufficient,
    };
    let dim_label = |id: &str| c.dimension_index(id).map(|i| t(&c.dimensions[i].label)).unwrap_or("");
    let band_label = |b: Option<usize>| b.and_then(|b| c.bands.get(b)).map(|b| t(&b.label)).unwrap_or(ui.not_enough);
    let answer_label = |q: &str| -> String {
        let Some(question) = c.question(q) else { return String::new() };
        let scale = c.scale(&question.scale);
        match props.answers.get(q) {
            Some(Answer::Choice(v)) => scale
                .and_then(|s| s.choices.iter().find(|ch| &ch.value == v))
                .map(|ch| t(&ch.label).to_string())
                .unwrap_or_default(),
            _ => String::new(),
        }
    };
    html! {
        <section class="result" data-result="">
            <h2 tabindex="-1" ref={props.heading.clone()}>{ ui.result_title }</h2>
            <p class="verdict">{ verdict }</p>
            if !d.classification.primary.is_empty() {
                <h3>{ ui.primary_title }</h3>
                <ol class="primary">
                for id in d.classification.primary.iter() {
                    { primary_item(c, d, id, lang, role, ui, &answer_label) }
                }
                </ol>
            }
            <h3>{ ui.plan_title }</h3>
            { plan(c, d, lang, ui, &dim_label) }
            if !c.checklist.items.is_empty() {
                <h3>{ t(&c.checklist.title) }</h3>
                <p class="hint">{ ui.you_have }</p>
                <ul class="checklist">
                for item in c.checklist.items.iter() {
                    <li key={item.id.clone()}>
                        <label>
                            <input type="checkbox" data-item={item.id.clone()}
                                checked={props.ticked.contains(&item.id)}
                                onchange={
                                    let id = item.id.clone();
                                    props.on_toggle_item.reform(move |_| id.clone())
                                } />
                            <span class="item-label">{ t(&item.label) }</span>
                            <span class="item-detail">{ t(&item.detail) }</span>
                        </label>
                    </li>
                }
                </ul>
            }
            <h3>{ ui.all_blockers }</h3>
            <table class="scores">
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
                            { score_row(d, dim, &dim_label, &band_label) }
                        }
                    </tbody>
                }
            </table>
            <div class="nav">
                <button type="button" onclick={props.on_back.reform(|_| ())}>{ ui.edit_answers }</button>
                <button type="button" onclick={props.on_restart.reform(|_| ())}>{ ui.restart }</button>
            </div>
        </section>
    }
}

fn primary_item(
    c: &Content,
    d: &Diagnosis,
    id: &str,
    lang: &str,
    role: Option<&str>,
    ui: &Ui,
    answer_label: &dyn Fn(&str) -> String,
) -> Html {
    let Some(score) = d.scores.iter().find(|s| s.dimension == id) else { return Html::default() };
    let Some(dim) = c.dimension_index(id).map(|i| &c.dimensions[i]) else { return Html::default() };
    let band = score.band.and_then(|b| c.bands.get(b)).map(|b| c.text(&b.label, lang)).unwrap_or_default();
    html! {
        <li key={id.to_string()} class="blocker">
            <h4>{ c.text(&dim.label, lang) }<span class="band">{ format!("{band} · {}", score.score.unwrap_or(0)) }</span></h4>
            <p>{ c.text(&dim.summary, lang) }</p>
            if !score.reasons.is_empty() {
                <p class="because-title">{ ui.because }</p>
                <ul class="because">
                for r in score.reasons.iter() {
                    <li key={r.question.clone()}>
                        { c.question(&r.question).map(|q| c.statement(q, role, lang)).unwrap_or_default() }
                        <span class="answer">{ format!("→ {}", answer_label(&r.question)) }</span>
                        <span class="share">{ (ui.share)(r.share) }</span>
                    </li>
                }
                </ul>
            }
        </li>
    }
}

fn plan<'a>(c: &Content, d: &Diagnosis, lang: &str, ui: &Ui, dim_label: &dyn Fn(&str) -> &'a str) -> Html {
    if d.plan.is_empty() {
        return html! { <p>{ ui.plan_empty }</p> };
    }
    let label = |list: &[crate::core::content::Owner], id: &str| {
        list.iter().find(|o| o.id == id).map(|o| c.text(&o.label, lang).to_string()).unwrap_or_default()
    };
    html! {
        <ol class="plan">
        for p in d.plan.iter() {
            if let Some(step) = c.step(&p.step) {
                <li key={p.step.clone()} data-step={p.step.clone()} class={classes!(p.focus.then_some("focus"))}>
                    <p class="step-meta">
                        <span class="when">{ c.timeframes.iter().find(|t| t.id == step.timeframe).map(|t| c.text(&t.label, lang)).unwrap_or_default() }</span>
                        <span class="who">{ label(&c.owners, &step.owner) }</span>
                    </p>
                    <p class="step-text">{ c.text(&step.text, lang) }</p>
                    <p class="rationale">{ c.text(&step.rationale, lang) }</p>
                    if !p.dimensions.is_empty() {
                        <p class="answers-to">{ format!("{}: {}", ui.answers_to, p.dimensions.iter().map(|d| dim_label(d)).collect::<Vec<_>>().join(" / ")) }</p>
                    }
                </li>
            }
        }
        </ol>
    }
}

fn score_row<'a>(
    d: &Diagnosis,
    dim: &str,
    dim_label: &dyn Fn(&str) -> &'a str,
    band_label: &dyn Fn(Option<usize>) -> &'a str,
) -> Html {
    let Some(s) = d.scores.iter().find(|s| s.dimension == dim) else { return Html::default() };
    html! {
        <tr key={dim.to_string()}>
            <th scope="row">{ dim_label(dim) }</th>
            <td class="num" data-score={dim.to_string()}>{ s.score.map(|x| x.to_string()).unwrap_or_else(|| "—".into()) }</td>
            <td>{ band_label(s.band) }</td>
            <td class="num">{ format!("{} / {}", s.answered, s.asked) }</td>
        </tr>
    }
}
