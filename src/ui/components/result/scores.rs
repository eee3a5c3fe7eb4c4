//! Every blocker's score: the chart, and the same data as a table (the accessible form).

use super::PartProps;
use crate::core::display::few_answers;
use crate::ui::components::chart::{Chart, ChartItem};
use yew::prelude::*;

/// A function rather than a component: it renders with the rest of the result, and each
/// component costs the widget about a kilobyte of wasm.
pub fn scores(props: &PartProps) -> Html {
    let ui = props.ui;
    let d = &props.diagnosis;
    let l = props.labels();
    let chart_items: Vec<ChartItem> = d
        .scores
        .iter()
        .map(|sc| ChartItem {
            label: l.dimension(&sc.dimension).to_string().into(),
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
                        <tr><th colspan="4" scope="colgroup" class="group">{ l.group(group) }</th></tr>
                        for dim in dims.iter() {
                            if let Some(sc) = d.score(dim) {
                                <tr key={dim.clone()}>
                                    <th scope="row">{ l.dimension(dim) }</th>
                                    <td class="num" data-score={dim.clone()}>{ sc.score.map(|x| x.to_string()).unwrap_or_else(|| "—".into()) }</td>
                                    <td>{ band(sc) }if few_answers(&props.content.0, sc) { { ui.few } }</td>
                                    <td class="num">{ format!("{} / {}", sc.answered, sc.asked) }</td>
                                </tr>
                            }
                        }
                    </tbody>
                }
            </table>
        </>
    }
}
