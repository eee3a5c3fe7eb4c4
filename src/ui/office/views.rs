//! The office page's sections, as functions of one state: gathering (inputs, what was refused,
//! what was loaded), the overview (per-role table, heat-map and radar, gaps, agenda, plan), last
//! year beside this, and the outputs.

use super::words::Words;
use super::{source_name, PAGE};
use crate::core::desk::{Desk, DeskAction, Findings, Summary};
use crate::core::display::Labels;
use crate::core::draft::Drafts;
use crate::core::guide::Guide;
use crate::core::office::{group_label, Distribution, Group, Spread, Trend, MIN_GROUP};
use crate::core::Questionnaire;
use wasm_bindgen::JsValue;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What every section renders from.
pub struct ViewProps<'a> {
    pub t: &'static Words,
    pub content: &'a Questionnaire,
    pub guide: &'a Guide,
    pub drafts: &'a Drafts,
    pub lang: &'a str,
    pub instance: &'a str,
    pub desk: &'a Desk,
    /// What was gathered when no files were being read last (while they are, the one before).
    pub summary: &'a Summary,
    /// `None` until computed, in the task after the summary was painted.
    pub findings: Option<&'a Findings>,
    pub page: usize,
    /// The list of what was loaded is open: its rows exist only then (50 rows of named buttons
    /// nobody sees cost the first view after 100 files about 8 ms, measured).
    pub list_open: bool,
}

impl ViewProps<'_> {
    fn group_name(&self, g: &Group, n: usize) -> String {
        let label = group_label(self.content, g, self.lang, self.t.others);
        let label = if label.is_empty() {
            self.t.no_role.to_string()
        } else {
            label
        };
        (self.t.group_n)(&label, n)
    }

    /// Every group's name with its respondents, in the summary's order.
    fn group_names(&self, o: &Summary) -> Vec<String> {
        (o.groups.iter().zip(&o.summaries))
            .map(|(g, s)| self.group_name(g, s.n))
            .collect()
    }

    fn id(&self, name: &str) -> String {
        format!("{}-{name}", self.instance)
    }
}

/// The files picked in the input that was changed, as a list, the input then emptied (so that the
/// same file can be picked again after it was removed). The list is copied first: emptying the
/// input empties its own list too.
fn picked(e: Event) -> JsValue {
    let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
        return js_sys::Array::new().into();
    };
    let copy = input
        .files()
        .map_or_else(js_sys::Array::new, |files| js_sys::Array::from(&files));
    input.set_value("");
    copy.into()
}

pub fn gather(
    v: &ViewProps,
    on_files: Callback<JsValue>,
    on_desk: Callback<DeskAction>,
    on_paste: Callback<web_sys::HtmlTextAreaElement>,
    on_page: Callback<usize>,
    on_list_open: Callback<bool>,
) -> Html {
    let t = v.t;
    let desk = v.desk;
    let (pick_id, codes_id, hint_id) = (v.id("pick"), v.id("codes"), v.id("codes-hint"));
    let on_pick = on_files.reform(picked);
    let on_drop = on_files.reform(|e: DragEvent| {
        e.prevent_default();
        e.into()
    });
    let codes = NodeRef::default();
    let on_codes = {
        let codes = codes.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(area) = codes.cast::<web_sys::HtmlTextAreaElement>() {
                on_paste.emit(area);
            }
        })
    };
    let busy = desk.progress.is_some();
    let n = desk.gathering.respondents.len();
    let first = v.page * PAGE;
    html! {
        <section class="gather no-print" aria-labelledby={v.id("gather")} data-gather="">
            <h3 id={v.id("gather")}>{ t.gather_title }</h3>
            <div class="drop" data-drop="" ondragover={Callback::from(|e: DragEvent| e.prevent_default())} ondrop={on_drop}>
                <p>{ t.gather_hint }</p>
                <div class="open-file">
                    <input type="file" class="visually-hidden" id={pick_id.clone()} multiple=true
                        accept=".json,.txt,application/json,text/plain" data-pick="" aria-disabled={busy.then_some("true")} onchange={on_pick} />
                    <label for={pick_id}>{ t.pick_files }</label>
                </div>
                <p class="hint" aria-hidden="true">{ t.drop_here }</p>
            </div>
            <label for={codes_id.clone()} class="codes-label">{ t.codes_label }</label>
            <p class="hint" id={hint_id.clone()}>{ t.codes_hint }</p>
            <textarea id={codes_id} rows="3" ref={codes} aria-describedby={hint_id} data-codes="" spellcheck="false" />
            <div class="nav">
                <button type="button" data-add-codes="" disabled={busy} onclick={on_codes}>{ t.add_codes }</button>
            </div>
            if let Some(p) = desk.progress {
                <p role="status" data-progress="">
                    <progress max={p.total.to_string()} value={p.done.to_string()} aria-hidden="true"></progress>
                    { " " }{ (t.reading)(p.done, p.total) }
                </p>
            }
            if !desk.refused.is_empty() {
                <div class="refused" data-refused="">
                    <h4>{ t.refused_title }{ format!("({})", desk.refused.len()) }</h4>
                    <ul>
                    for r in desk.refused.iter().take(200) {
                        <li data-refusal="">
                            <span class="source">{ source_name(t, &r.source) }</span>{ t.colon }
                            { t.refusal(&r.why, &v.content.content_version, &match r.why {
                                crate::core::office::Refusal::Duplicate(i) => desk.sources.get(i)
                                    .map(|s| source_name(t, s))
                                    .filter(|n| *n != source_name(t, &r.source))
                                    .unwrap_or_default(),
                                _ => String::new(),
                            }) }
                        </li>
                    }
                    if desk.refused.len() > 200 {
                        <li>{ "…" }</li>
                    }
                    </ul>
                    <button type="button" onclick={on_desk.reform(|_| DeskAction::DismissRefused)}>{ t.dismiss }</button>
                </div>
            }
            if n > 0 && !busy {
                <details class="loaded" data-loaded="" open={v.list_open}
                    ontoggle={on_list_open.reform(|e: Event| e.target_dyn_into::<web_sys::Element>().is_some_and(|d| d.has_attribute("open")))}>
                    <summary>{ (t.list_title)(n) }</summary>
                    if v.list_open {
                    <div class="table-scroll" tabindex="0" role="region" aria-label={(t.list_title)(n)}>
                    <table>
                        <thead><tr><th scope="col">{ t.list_source }</th><th scope="col">{ t.list_role }</th><th scope="col">{ t.list_made }</th><th scope="col"><span class="visually-hidden">{ t.remove }</span></th></tr></thead>
                        <tbody>
                        for (i, r) in desk.gathering.respondents.iter().enumerate().skip(first).take(PAGE) {
                            <tr key={i}>
                                <td>{ desk.sources.get(i).map(|s| source_name(t, s)).unwrap_or_default() }</td>
                                <td>{ Labels::new(v.content, v.lang, r.diagnosis.role.as_deref()).role().unwrap_or(t.no_role) }</td>
                                <td>{ r.file.created.get(..16).unwrap_or(&r.file.created).replace('T', " ") }</td>
                                <td><button type="button" class="danger" data-remove={i.to_string()}
                                    aria-label={(t.remove_named)(&desk.sources.get(i).map(|s| source_name(t, s)).unwrap_or_default())}
                                    onclick={on_desk.reform(move |_| DeskAction::Remove(i))}>{ t.remove }</button></td>
                            </tr>
                        }
                        </tbody>
                    </table>
                    </div>
                    if n > PAGE {
                        <div class="nav pages">
                            <button type="button" disabled={v.page == 0} data-page-previous="" onclick={on_page.reform({ let p = v.page; move |_| p.saturating_sub(1) })}>{ t.previous }</button>
                            <span>{ (t.page_of)(first + 1, (first + PAGE).min(n), n) }</span>
                            <button type="button" disabled={first + PAGE >= n} data-page-next="" onclick={on_page.reform({ let p = v.page; move |_| p + 1 })}>{ t.next }</button>
                        </div>
                    }
                    }
                </details>
            }
        </section>
    }
}

/// A score with its middle half: "62(48〜70)".
fn spread_text(s: Option<Spread>, t: &Words) -> String {
    match s {
        Some(s) if s.low == s.high => s.median.to_string(),
        Some(s) => (t.range)(s.median, s.low, s.high),
        None => t.no_score.into(),
    }
}

/// The heat class of a median score: five steps of 20 points (`heat-0` to `heat-4`).
fn heat(s: Option<Spread>) -> String {
    s.map_or("heat-none".into(), |s| {
        format!("heat-{}", (s.median / 20).min(4))
    })
}

pub fn overview(v: &ViewProps, on_desk: Callback<DeskAction>) -> Html {
    let t = v.t;
    let o = v.summary;
    let (content, lang) = (v.content, v.lang);
    let l = Labels::new(content, lang, None);
    // The summary's own count: while files are read, the page shows the summary from before.
    if o.is_empty() {
        return html! {
            <section class="overview" data-overview="">
                <h3>{ t.overview_title }</h3>
                <p data-empty="">{ t.empty }</p>
            </section>
        };
    }
    let merged = o.groups.iter().any(Group::is_merged);
    let small = o.per_role.iter().any(|(_, n)| (1..MIN_GROUP).contains(n));
    let workshop_id = v.id("workshop");
    let names = v.group_names(o);
    html! {
        <>
        <section class="overview" aria-labelledby={v.id("overview")} data-overview="">
            <h3 id={v.id("overview")}>{ t.overview_title }</h3>
            <p class="per-role" data-per-role="">
                { t.per_role }{ t.colon }
                for (i, (role, n)) in o.per_role.iter().enumerate() {
                    if i > 0 { { t.sep } }
                    { format!("{} {}", Labels::new(content, lang, role.as_deref()).role().unwrap_or(t.no_role), (t.people)(*n)) }
                }
            </p>
            <div class="workshop no-print">
                <input type="checkbox" id={workshop_id.clone()} checked={v.desk.workshop} data-workshop=""
                    aria-describedby={v.id("workshop-hint")}
                    onchange={on_desk.reform(|e: Event| DeskAction::Workshop(e.target_dyn_into::<HtmlInputElement>().is_some_and(|i| i.checked())))} />
                <label for={workshop_id}>{ t.workshop }</label>
                <p class="hint" id={v.id("workshop-hint")}>{ t.workshop_hint }</p>
            </div>
            if v.desk.workshop {
                <p class="workshop-on" data-workshop-on="">{ t.workshop_on }</p>
            } else if merged || small {
                <p class="hint" data-merged-note="">{ t.merged_note }</p>
            }
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby={v.id("heat-caption")}>
            <table class="heat" data-heat="">
                <caption id={v.id("heat-caption")}>{ t.heat_caption }</caption>
                <thead><tr>
                    <th scope="col">{ t.blocker }</th>
                    for (gi, name) in names.iter().enumerate() {
                        <th scope="col" data-group={gi.to_string()}>{ name }</th>
                    }
                    <th scope="col">{ t.between_groups }</th>
                </tr></thead>
                <tbody>
                for (d, dim) in content.dimensions.iter().enumerate() {
                    <tr data-dimension={dim.id.clone()}>
                        <th scope="row">{ l.dimension(&dim.id) }</th>
                        for s in o.summaries.iter() {
                            <td class={heat(s.scores.get(d).copied().flatten())}>
                                { spread_text(s.scores.get(d).copied().flatten(), t) }
                                if let Some(level) = s.levels.get(d).copied().flatten() {
                                    <span class="level">{ format!("Lv{level}") }</span>
                                }
                            </td>
                        }
                        <td data-between="">{ between(o, d, t) }</td>
                    </tr>
                }
                </tbody>
            </table>
            </div>
            if !content.maturity.levels.is_empty() {
                <p class="levels" data-levels="">
                    { t.levels }
                    for (i, _) in content.maturity.levels.iter().enumerate() {
                        { if i > 0 { t.sep } else { "" } }{ l.level(i as u32) }
                    }
                </p>
            }
            { radar(v, o, &names) }
        </section>
        if let Some(f) = v.findings {
            { gaps(v, o, f, &names) }
            { agenda(v, f, &names) }
        } else {
            <p class="hint" role="status" data-finding="">{ t.finding }</p>
        }
        </>
    }
}

/// The largest difference between two groups' medians on blocker `d`, in points.
fn between(o: &Summary, d: usize, t: &Words) -> String {
    let medians: Vec<u32> = (o.summaries.iter())
        .filter_map(|s| s.scores.get(d).copied().flatten().map(|x| x.median))
        .collect();
    match (medians.iter().min(), medians.iter().max()) {
        (Some(a), Some(b)) if medians.len() > 1 => (b - a).to_string(),
        _ => t.no_score.into(),
    }
}

/// Each group's medians as a polygon over one radar; dashes as well as colours tell them apart.
fn radar(v: &ViewProps, o: &Summary, names: &[String]) -> Html {
    const R: f64 = 100.0;
    let n = v.content.dimensions.len().max(1);
    let point = |i: usize, r: f64| {
        let a = std::f64::consts::TAU * i as f64 / n as f64 - std::f64::consts::FRAC_PI_2;
        (
            js_sys::Math::round(r * js_sys::Math::cos(a)) as i32,
            js_sys::Math::round(r * js_sys::Math::sin(a)) as i32,
        )
    };
    let ring = |r: f64| {
        (0..n)
            .map(|i| {
                let (x, y) = point(i, r);
                format!("{x},{y}")
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let l = Labels::new(v.content, v.lang, None);
    html! {
        <figure class="radar" data-radar="">
            <svg viewBox="-300 -128 600 256" role="img" aria-label={v.t.radar_alt}>
                for r in [25.0, 50.0, 75.0, 100.0] {
                    <polygon class="ring" points={ring(r)} />
                }
                for (i, dim) in v.content.dimensions.iter().enumerate() {
                    { {
                        let (x, y) = point(i, R + 14.0);
                        let anchor = if x > 5 { "start" } else if x < -5 { "end" } else { "middle" };
                        // A long label (English) goes on two lines, split at the space nearest its middle.
                        let label = l.dimension(&dim.id);
                        let half = label.len() / 2;
                        let split = (label.chars().count() > 22)
                            .then(|| label.match_indices(' ').map(|(i, _)| i).min_by_key(|i| i.abs_diff(half)))
                            .flatten();
                        match split {
                            Some(at) => html! {
                                <text x={x.to_string()} y={(y - 2).to_string()} text-anchor={anchor}>
                                    <tspan x={x.to_string()}>{ &label[..at] }</tspan>
                                    <tspan x={x.to_string()} dy="11">{ &label[at + 1..] }</tspan>
                                </text>
                            },
                            None => html! { <text x={x.to_string()} y={(y + 4).to_string()} text-anchor={anchor}>{ label }</text> },
                        }
                    } }
                }
                for (gi, s) in o.summaries.iter().enumerate() {
                    <polygon class={format!("series series-{}", gi % 4)} points={
                        (0..n).map(|d| {
                            let score = s.scores.get(d).copied().flatten().map_or(0, |x| x.median.min(100));
                            let (x, y) = point(d, R * f64::from(score) / 100.0);
                            format!("{x},{y}")
                        }).collect::<Vec<_>>().join(" ")
                    } />
                }
            </svg>
            <figcaption>
                { v.t.radar_title }
                <ul class="legend">
                for (gi, name) in names.iter().enumerate() {
                    <li><svg viewBox="0 0 30 10" aria-hidden="true" class="swatch"><line x1="0" y1="5" x2="30" y2="5" class={format!("series series-{}", gi % 4)} /></svg>{ name }</li>
                }
                </ul>
            </figcaption>
        </figure>
    }
}

/// A distribution in words: "そう思う 3・ややそう思う 1・…・わからない 2(平均 …)".
fn distribution_text(v: &ViewProps, question: &str, d: &Distribution) -> String {
    let Some(q) = v.content.question(question) else {
        return String::new();
    };
    let Some(scale) = v.content.scale(&q.scale) else {
        return String::new();
    };
    let mut parts: Vec<String> = scale
        .choices
        .iter()
        .zip(&d.choices)
        .map(|(c, n)| format!("{} {n}", v.content.text(&c.label, v.lang)))
        .collect();
    if d.dont_know > 0 {
        parts.push(format!("{} {}", v.t.dont_know, d.dont_know));
    }
    parts.join(v.t.dot)
}

/// A group's answers to one statement, drawn as a bar of its choices (hidden from screen
/// readers: the words beside it say the same).
fn distribution_bar(d: &Distribution) -> Html {
    let total: usize = d.choices.iter().sum::<usize>() + d.dont_know;
    let total = total.max(1);
    let mut x = 0;
    html! {
        <svg class="dist" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">
            for (i, n) in d.choices.iter().chain(std::iter::once(&d.dont_know)).enumerate() {
                { {
                    let w = n * 100 / total;
                    let at = x;
                    x += w;
                    let class = if i == d.choices.len() { "dk".to_string() } else { format!("c{}", i.min(4)) };
                    html! { <rect x={at.to_string()} y="0" width={w.to_string()} height="8" class={class} /> }
                } }
            }
        </svg>
    }
}

/// The most gaps listed (the largest; the CSV files hold every answer).
const GAPS_SHOWN: usize = 10;

fn gaps(v: &ViewProps, o: &Summary, f: &Findings, names: &[String]) -> Html {
    let t = v.t;
    let l = Labels::new(v.content, v.lang, None);
    html! {
        <section class="gaps" aria-labelledby={v.id("gaps")} data-gaps="">
            <h3 id={v.id("gaps")}>{ t.gaps_title }</h3>
            if o.groups.len() < 2 {
                <p>{ t.gaps_too_few }</p>
            } else if f.gaps.is_empty() {
                <p>{ t.gaps_none }</p>
            } else {
                <p>{ t.gaps_lead }{ (t.gaps_shown)(f.gaps.len().min(GAPS_SHOWN), f.gaps.len()) }</p>
                <ol class="gap-list">
                for gap in f.gaps.iter().take(GAPS_SHOWN) {
                    <li data-gap={gap.question.clone().or(gap.dimension.clone()).unwrap_or_default()}>
                        <p class="gap-head">
                            <strong>{ match (&gap.question, &gap.dimension) {
                                (Some(q), _) => l.statement(q).to_string(),
                                (_, Some(d)) => format!("{}{}{}", t.blocker, t.colon, l.dimension(d)),
                                _ => String::new(),
                            } }</strong>
                            { " " }<span class="difference" data-difference="">{ (t.difference)((gap.difference * 100.0 + 0.5) as u32) }</span>
                        </p>
                        if let Some(q) = &gap.question {
                            <ul class="dists">
                            for g in [gap.between.0, gap.between.1] {
                                if let Some(d) = o.groups.get(g).and_then(|grp| crate::core::office::distribution(v.content, &v.desk.gathering, grp, q)) {
                                    <li>
                                        <span class="who">{ names.get(g).cloned().unwrap_or_default() }</span>
                                        { distribution_bar(&d) }
                                        <span class="dist-text">{ distribution_text(v, q, &d) }</span>
                                    </li>
                                }
                            }
                            </ul>
                        } else {
                            <p class="dist-text">{ format!("{}: {} / {}: {}",
                                names.get(gap.between.0).cloned().unwrap_or_default(),
                                o.summaries.get(gap.between.0).and_then(|s| gap.dimension.as_ref().and_then(|d| v.content.dimension_index(d)).and_then(|d| s.scores.get(d).copied().flatten())).map_or(t.no_score.into(), |s| s.median.to_string()),
                                names.get(gap.between.1).cloned().unwrap_or_default(),
                                o.summaries.get(gap.between.1).and_then(|s| gap.dimension.as_ref().and_then(|d| v.content.dimension_index(d)).and_then(|d| s.scores.get(d).copied().flatten())).map_or(t.no_score.into(), |s| s.median.to_string()),
                            ) }</p>
                        }
                    </li>
                }
                </ol>
            }
        </section>
    }
}

fn agenda(v: &ViewProps, o: &Findings, names: &[String]) -> Html {
    let t = v.t;
    let l = Labels::new(v.content, v.lang, None);
    // The plan along the 手順書's steps (the core ordered it so), each step with its drafts.
    let stage_of = |st: &crate::core::office::OfficeStep| {
        (v.content.step(&st.step))
            .map_or(usize::MAX, |x| v.guide.stage_of_family(&x.family))
            .min(v.guide.procedure.len().saturating_sub(1))
    };
    html! {
        <section class="agenda" aria-labelledby={v.id("agenda")} data-agenda="">
            <h3 id={v.id("agenda")}>{ t.agenda_title }</h3>
            if o.agenda.is_empty() {
                <p>{ t.agenda_none }</p>
            } else {
                <p>{ t.agenda_lead }</p>
                <ol class="agenda-items">
                for item in o.agenda.iter() {
                    { {
                        let q = item.gap.question.clone().unwrap_or_default();
                        let dimension = crate::core::office::main_dimension(v.content, &q).unwrap_or_default().to_string();
                        let guide = v.guide.dimensions.get(&dimension);
                        let step = v.guide.procedure_of(&dimension);
                        html! {
                            <li data-agenda-item={q.clone()}>
                                <h4>{ l.statement(&q) }</h4>
                                <dl>
                                    <dt>{ t.answered }</dt>
                                    <dd>
                                        <ul>
                                            <li>{ format!("{}{}{}", names.get(item.gap.between.0).cloned().unwrap_or_default(), t.colon, distribution_text(v, &q, &item.answers.0)) }</li>
                                            <li>{ format!("{}{}{}", names.get(item.gap.between.1).cloned().unwrap_or_default(), t.colon, distribution_text(v, &q, &item.answers.1)) }</li>
                                        </ul>
                                    </dd>
                                    if let Some(g) = guide {
                                        <dt>{ t.opener }</dt>
                                        <dd data-opener="">{ v.content.text(&g.opener, v.lang) }</dd>
                                    }
                                    if let Some((_, s)) = step {
                                        <dt>{ t.procedure }</dt>
                                        <dd data-procedure="">{ v.content.text(&s.label, v.lang) }</dd>
                                    }
                                </dl>
                            </li>
                        }
                    } }
                }
                </ol>
                <p class="hint">{ v.content.text(&v.guide.procedure_source, v.lang) }</p>
            }
            <h4 class="plan-title">{ t.plan_title }</h4>
            <p>{ t.plan_lead }</p>
            <ol class="first-three" data-first-three="">
            for s in o.plan.iter().filter(|s| s.first) {
                <li>
                    <strong>{ l.owner(&s.owner) }</strong>{ t.colon }
                    { v.content.step(&s.step).map_or("", |st| v.content.text(&st.text, v.lang)) }
                </li>
            }
            </ol>
            <h4 class="roadmap-title">{ t.roadmap_title }</h4>
            <ol class="roadmap" data-roadmap="">
            for (at, p) in v.guide.procedure.iter().enumerate() {
                <li class="owner" data-stage={p.id.clone()}>
                    <h5>{ v.content.text(&p.label, v.lang) }</h5>
                    <ul class="plan">
                    for s in o.plan.iter().filter(|s| stage_of(s) == at) {
                        <li class={classes!(s.first.then_some("focus"))} data-office-step={s.step.clone()} data-owner={s.owner.clone()}>
                            if s.first {
                                <strong class="first">{ t.first_three }{ " " }</strong>
                            }
                            <strong>{ l.owner(&s.owner) }</strong>{ t.colon }
                            <span class="step-text">{ v.content.step(&s.step).map_or("", |st| v.content.text(&st.text, v.lang)) }</span>
                            { " " }<span class="count">{ format!("({})", (t.plan_count)(s.count)) }</span>
                        </li>
                    }
                    </ul>
                    { {
                        let drafts: Vec<&str> = (v.drafts.drafts.iter())
                            .filter(|d| d.procedure == p.id)
                            .map(|d| v.content.text(&d.title, v.lang))
                            .collect();
                        if drafts.is_empty() {
                            Html::default()
                        } else {
                            html! { <p class="hint" data-stage-drafts="">{ t.roadmap_drafts }{ drafts.join(t.sep) }</p> }
                        }
                    } }
                </li>
            }
            </ol>
        </section>
    }
}

pub fn year_on_year(
    v: &ViewProps,
    on_file: Callback<JsValue>,
    on_desk: Callback<DeskAction>,
) -> Html {
    let t = v.t;
    // As the overview: of the summary shown (while files are read, the one from before).
    let o = v.summary;
    if o.is_empty() {
        return Html::default();
    }
    let changes = v.findings.and_then(|f| f.year_on_year.as_ref());
    let l = Labels::new(v.content, v.lang, None);
    let pick_id = v.id("earlier");
    let on_pick = on_file.reform(picked);
    let names = v.group_names(o);
    html! {
        <section class="yoy" aria-labelledby={v.id("yoy")} data-yoy="">
            <h3 id={v.id("yoy")}>{ t.yoy_title }</h3>
            <p class="no-print">{ t.yoy_hint }</p>
            <div class="nav no-print">
                <div class="open-file">
                    <input type="file" class="visually-hidden" id={pick_id.clone()} accept=".json,application/json" data-pick-earlier="" onchange={on_pick} />
                    <label for={pick_id}>{ t.pick_earlier }</label>
                </div>
                if v.desk.earlier.is_some() {
                    <button type="button" data-forget-earlier="" onclick={on_desk.reform(|_| DeskAction::ForgetEarlier)}>{ t.forget_earlier }</button>
                }
            </div>
            if let (Some(e), Some(y)) = (&v.desk.earlier, changes) {
                <p data-earlier="">{ (t.earlier_loaded)(&e.name, e.file.saved.get(..10).unwrap_or(&e.file.saved), e.file.results.len()) }</p>
                <p class="hint">{ t.yoy_rule }</p>
                if !y.left_out.is_empty() {
                    <details data-left-out="">
                        <summary>{ (t.left_out)(y.left_out.len()) }</summary>
                        <ul>
                        for id in y.left_out.iter() {
                            <li>{ if v.content.question(id).is_some() { l.statement(id).to_string() } else { id.clone() } }</li>
                        }
                        </ul>
                    </details>
                }
                <div class="table-scroll" tabindex="0" role="region" aria-label={t.yoy_table}>
                <table data-yoy-table="">
                    <thead><tr>
                        <th scope="col">{ t.list_role }</th><th scope="col">{ t.blocker }</th>
                        <th scope="col">{ t.before }</th><th scope="col">{ t.now }</th><th scope="col">{ t.change }</th>
                    </tr></thead>
                    <tbody>
                    for c in y.changes.iter() {
                        <tr data-change={format!("{}:{}", c.group, c.dimension)}>
                            <th scope="row">{ names.get(c.group).cloned().unwrap_or_default() }</th>
                            <td>{ l.dimension(&c.dimension) }</td>
                            <td>{ format!("{}({})", spread_text(c.before, t), (t.people)(c.n.0)) }</td>
                            <td>{ format!("{}({})", spread_text(c.now, t), (t.people)(c.n.1)) }</td>
                            <td data-trend={match c.trend { Trend::Better => "better", Trend::Worse => "worse", Trend::Unclear => "unclear" }}>
                                { match c.trend { Trend::Better => t.better, Trend::Worse => t.worse, Trend::Unclear => t.unclear } }
                            </td>
                        </tr>
                    }
                    </tbody>
                </table>
                </div>
            }
        </section>
    }
}

pub fn outputs(v: &ViewProps, on_download: Callback<&'static str>, on_print: Callback<()>) -> Html {
    let t = v.t;
    if v.desk.gathering.respondents.is_empty() {
        return Html::default();
    }
    html! {
        <section class="outputs no-print" aria-labelledby={v.id("outputs")} data-outputs="">
            <h3 id={v.id("outputs")}>{ t.outputs_title }</h3>
            <p>{ t.outputs_lead }</p>
            <div class="nav">
                <button type="button" class="primary" data-save-office="" onclick={on_download.reform(|_| "office")}>{ t.save_office }</button>
                <button type="button" data-csv="answers" onclick={on_download.reform(|_| "answers")}>{ t.csv_answers }</button>
                <button type="button" data-csv="summary" onclick={on_download.reform(|_| "summary")}>{ t.csv_summary }</button>
                <button type="button" data-print="" onclick={on_print.reform(|_| ())}>{ t.print }</button>
            </div>
        </section>
    }
}
