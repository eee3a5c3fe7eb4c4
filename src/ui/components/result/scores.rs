//! Every blocker's score: the chart, and the same data as a table (the accessible form).

use super::PartProps;
use crate::core::display::few_answers;
use crate::ui::components::chart::{chart, ChartItem, ChartProps};
use yew::prelude::*;

/// A function rather than a component: it renders with the rest of the result, and each
/// component costs the widget about a kilobyte of wasm.
pub fn scores(props: &PartProps, on_target: &Callback<(String, Option<u32>)>) -> Html {
    let ui = props.ui;
    let d = &props.diagnosis;
    let l = props.labels();
    let levels = props.content.0.maturity.levels.len() as u32;
    // The level and the target in words, for the chart and the printed table.
    let level_of = |i: usize| d.levels.get(i).copied().flatten();
    let target_of = |dim: &str| d.targets.get(dim).copied();
    // One handler for every row's target: the select names its blocker. Its name and value are
    // read as properties (the `HtmlSelectElement` binding would add web-sys glue for two getters).
    let onchange = on_target.reform(|e: Event| {
        let get = |key: &str| {
            e.target()
                .and_then(|t| js_sys::Reflect::get(&t, &key.into()).ok())
                .and_then(|v| v.as_string())
                .unwrap_or_default()
        };
        (get("name"), get("value").parse().ok())
    });
    let chart_items: Vec<ChartItem> = d
        .scores
        .iter()
        .zip(&d.levels)
        .map(|(sc, level)| ChartItem {
            // The maturity level after the name, and the target set ("やらされ感 Lv1→3"), on the
            // radar and the bars.
            label: {
                let mut label = l.dimension(&sc.dimension).to_string();
                if let Some(n) = level {
                    label.push_str(&format!(" Lv{n}"));
                    if let Some(t) = d.targets.get(&sc.dimension) {
                        label.push_str(&format!("→{t}"));
                    }
                }
                label.into()
            },
            score: sc.score,
            band: sc.band,
        })
        .collect();
    // A score without a severity: too few answers for the blocker, or (scored, but no verdict
    // overall) a severity withheld.
    let band = |sc: &crate::core::scoring::DimensionScore| match (sc.band, sc.score) {
        (Some(_), _) => l.band(sc.band),
        (None, Some(_)) => "—",
        (None, None) => ui.not_enough,
    };
    html! {
        <>
            <h3>{ ui.all_blockers }</h3>
            if let Some(n) = d.level {
                <p data-office-level="">{ format!("{}: {}", ui.office_level, l.level(n)) }</p>
            }
            { chart(ChartProps { items: chart_items, not_enough: ui.not_enough.into(), title: ui.chart_title.into() }) }
            // Five columns do not fit a phone: the table keeps its columns readable and scrolls
            // sideways in its own region (focusable, so that the keyboard scrolls it too).
            <div class="table-scroll" tabindex="0" role="region" aria-label={ui.all_blockers}>
            <table class="scores">
                <caption class="visually-hidden">{ ui.all_blockers }</caption>
                <thead><tr>
                    <th scope="col">{ ui.blocker }</th>
                    <th scope="col">{ ui.score }</th>
                    <th scope="col">{ ui.severity }</th>
                    <th scope="col">{ ui.answered }</th>
                    if levels > 0 {
                        <th scope="col">{ ui.maturity }</th>
                    }
                </tr></thead>
                for (group, dims) in d.classification.groups.iter() {
                    <tbody key={group.clone()}>
                        <tr><th colspan="5" scope="colgroup" class="group">{ l.group(group) }</th></tr>
                        for dim in dims.iter() {
                            if let Some(sc) = d.score(dim) {
                                <tr key={dim.clone()}>
                                    <th scope="row">{ l.dimension(dim) }</th>
                                    <td class="num" data-score={dim.clone()}>{ sc.score.map(|x| x.to_string()).unwrap_or_else(|| "—".into()) }</td>
                                    <td>{ band(sc) }if few_answers(&props.content.0, sc) { { ui.few } }</td>
                                    <td class="num">{ format!("{} / {}", sc.answered, sc.asked) }</td>
                                    // The level now, and under it the target chosen for three years on.
                                    if levels > 0 {
                                        <td data-level={dim.clone()}>{ d.scores.iter().position(|s| &s.dimension == dim).and_then(level_of).map(|n| l.level(n)).unwrap_or_else(|| "—".into()) }
                                            { target(props, dim, target_of(dim), levels, &onchange) }</td>
                                    }
                                </tr>
                            }
                        }
                    </tbody>
                }
            </table>
            </div>
        </>
    }
}

/// The target for three years on: a choice of level (Lv5 included: it is a target, never a
/// result).
fn target(
    props: &PartProps,
    dim: &str,
    chosen: Option<u32>,
    levels: u32,
    onchange: &Callback<Event>,
) -> Html {
    let l = props.labels();
    // Printed as it is (the level chosen, in words, without the control's border: widget.css).
    html! {
            <select name={dim.to_string()} data-target={dim.to_string()} aria-label={format!("{} {}", l.dimension(dim), props.ui.target)} onchange={onchange.clone()}>
                <option value="" selected={chosen.is_none()}>{ "—" }</option>
                for n in 0..levels {
                    <option key={n} value={n.to_string()} selected={chosen == Some(n)}>{ l.level(n) }</option>
                }
            </select>
    }
}
