//! The result chart as inline SVG: a radar of every blocker and the same scores as bars.
//!
//! Both drawings are hidden from screen readers; the scores table next to them carries the same
//! data in an accessible form.

use yew::prelude::*;

/// One blocker as drawn.
#[derive(Clone, PartialEq)]
pub struct ChartItem {
    pub label: AttrValue,
    /// `None`: not enough answers.
    pub score: Option<u32>,
    /// Severity band index (0 = lowest), for the bar colour.
    pub band: usize,
}

#[derive(Properties, PartialEq)]
pub struct ChartProps {
    pub items: Vec<ChartItem>,
    pub not_enough: AttrValue,
    pub title: AttrValue,
}

const R: f64 = 100.0;

#[component]
pub fn Chart(props: &ChartProps) -> Html {
    let n = props.items.len().max(1);
    let point = |i: usize, r: f64| {
        let a = std::f64::consts::TAU * i as f64 / n as f64 - std::f64::consts::FRAC_PI_2;
        (r * a.cos(), r * a.sin())
    };
    let ring = |f: f64| {
        (0..n)
            .map(|i| {
                let (x, y) = point(i, R * f);
                format!("{x:.1},{y:.1}")
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let shape = props
        .items
        .iter()
        .enumerate()
        .map(|(i, it)| {
            let (x, y) = point(i, R * it.score.unwrap_or(0) as f64 / 100.0);
            format!("{x:.1},{y:.1}")
        })
        .collect::<Vec<_>>()
        .join(" ");
    let bar_h = 26;
    let bars_height = props.items.len() * bar_h + 8;
    html! {
        <figure class="chart" aria-hidden="true">
            <svg class="radar" viewBox="-300 -130 600 260" role="presentation">
                for f in [0.25, 0.5, 0.75, 1.0] {
                    <polygon class="grid" points={ring(f)} />
                }
                for i in 0..n {
                    {{ let (x, y) = point(i, R); html! { <line class="axis" x1="0" y1="0" x2={format!("{x:.1}")} y2={format!("{y:.1}")} /> } }}
                }
                <polygon class="shape" points={shape} />
                for (i, it) in props.items.iter().enumerate() {
                    {{
                        let (x, y) = point(i, R + 14.0);
                        let anchor = if x > 5.0 { "start" } else if x < -5.0 { "end" } else { "middle" };
                        let label = match it.score { Some(s) => format!("{} {s}", it.label), None => format!("{} ({})", it.label, props.not_enough) };
                        html! { <text x={format!("{x:.1}")} y={format!("{:.1}", y + 4.0)} text-anchor={anchor} class={classes!(it.score.is_none().then_some("na"))}>{ label }</text> }
                    }}
                }
            </svg>
            <svg class="bars" viewBox={format!("0 0 400 {bars_height}")} role="presentation">
                for (i, it) in props.items.iter().enumerate() {
                    {{
                        let y = i * bar_h + 4;
                        let w = it.score.unwrap_or(0) * 2;
                        html! { <g>
                            <text x="0" y={(y + 16).to_string()} class="bar-label">{ it.label.clone() }</text>
                            <rect class="bar-track" x="190" y={(y + 4).to_string()} width="200" height="16" />
                            if it.score.is_some() {
                                <rect class={format!("bar band{}", it.band.min(2))} x="190" y={(y + 4).to_string()} width={w.to_string()} height="16" />
                            }
                            <text x="395" y={(y + 16).to_string()} text-anchor="end" class="bar-value">
                                { it.score.map(|s| s.to_string()).unwrap_or_else(|| props.not_enough.to_string()) }
                            </text>
                        </g> }
                    }}
                }
            </svg>
            <figcaption>{ &props.title }</figcaption>
        </figure>
    }
}
