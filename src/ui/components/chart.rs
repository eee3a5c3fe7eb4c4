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
    /// Severity band index (0 = lowest), for the bar colour; `None`: no severity (too few
    /// answers overall to give one), drawn neutral.
    pub band: Option<usize>,
}

pub struct ChartProps {
    pub items: Vec<ChartItem>,
    pub not_enough: AttrValue,
    pub title: AttrValue,
}

/// Radius of the outer ring, in SVG units.
const R: i32 = 100;

/// A function rather than a component: it renders with the result, and each component costs the
/// widget about a kilobyte of wasm.
pub fn chart(props: ChartProps) -> Html {
    let n = props.items.len().max(1);
    // Whole SVG units are precise enough at this size; integer formatting keeps Rust's float
    // formatting and maths out of the wasm (the browser's Math does the trigonometry).
    let point = |i: usize, r: i32| {
        let a = std::f64::consts::TAU * i as f64 / n as f64 - std::f64::consts::FRAC_PI_2;
        let (x, y) = (
            r as f64 * js_sys::Math::cos(a),
            r as f64 * js_sys::Math::sin(a),
        );
        (js_sys::Math::round(x) as i32, js_sys::Math::round(y) as i32)
    };
    let points = |radius: &dyn Fn(usize) -> i32| {
        (0..n)
            .map(|i| {
                let (x, y) = point(i, radius(i));
                format!("{x},{y}")
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let shape = points(&|i| {
        R * props
            .items
            .get(i)
            .and_then(|it| it.score)
            .unwrap_or(0)
            .min(100) as i32
            / 100
    });
    // Each bar under its own label: a label beside the bar was cut off by the bar for the longer
    // English names (seen in the 360 and 1280 px screenshots).
    let bar_h = 38;
    let bars_height = props.items.len() * bar_h + 8;
    html! {
        <figure class="chart" aria-hidden="true">
            // Tall enough for a two-line label under the bottom axis.
            <svg class="radar" viewBox="-300 -132 600 276" role="presentation">
                for pct in [25, 50, 75, 100] {
                    <polygon class="grid" points={points(&|_| R * pct / 100)} />
                }
                for i in 0..n {
                    {{ let (x, y) = point(i, R); html! { <line class="axis" x1="0" y1="0" x2={x.to_string()} y2={y.to_string()} /> } }}
                }
                <polygon class="shape" points={shape} />
                for (i, it) in props.items.iter().enumerate() {
                    {{
                        let (x, y) = point(i, R + 14);
                        let anchor = if x > 5 { "start" } else if x < -5 { "end" } else { "middle" };
                        let value = match it.score { Some(s) => s.to_string(), None => format!("({})", props.not_enough) };
                        let (first, second) = split_label(&it.label);
                        // Labels above the centre grow upwards, the others downwards.
                        let top = if second.is_empty() { y + 4 } else if y < 0 { y - 4 } else { y + 4 };
                        html! {
                            <text x={x.to_string()} y={top.to_string()} text-anchor={anchor} class={classes!(it.score.is_none().then_some("na"))}>
                                if second.is_empty() {
                                    { format!("{first} {value}") }
                                } else {
                                    <tspan x={x.to_string()}>{ first }</tspan>
                                    <tspan x={x.to_string()} dy="13">{ format!("{second} {value}") }</tspan>
                                }
                            </text>
                        }
                    }}
                }
            </svg>
            <svg class="bars" viewBox={format!("0 0 400 {bars_height}")} role="presentation">
                for (i, it) in props.items.iter().enumerate() {
                    {{
                        let y = i * bar_h + 4;
                        let w = it.score.unwrap_or(0) * 7 / 2;
                        html! { <g>
                            <text x="0" y={(y + 12).to_string()} class="bar-label">{ it.label.clone() }</text>
                            <rect class="bar-track" x="0" y={(y + 16).to_string()} width="350" height="16" />
                            if it.score.is_some() {
                                <rect class={it.band.map_or("bar".to_string(), |b| format!("bar band{}", b.min(2)))} x="0" y={(y + 16).to_string()} width={w.to_string()} height="16" />
                            }
                            <text x="398" y={(y + 29).to_string()} text-anchor="end" class="bar-value">
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

/// Splits a long label over two lines: at the space nearest the middle, or (Japanese, without
/// spaces) at the middle character.
fn split_label(label: &str) -> (String, String) {
    let chars: Vec<char> = label.chars().collect();
    if chars.len() <= 14 {
        return (label.to_string(), String::new());
    }
    let mid = chars.len() / 2;
    let cut = chars
        .iter()
        .enumerate()
        .filter(|(_, c)| **c == ' ')
        .map(|(i, _)| i)
        .min_by_key(|&i| i.abs_diff(mid))
        .unwrap_or(mid);
    let first: String = chars[..cut].iter().collect();
    let second: String = chars[cut..].iter().collect();
    (first.trim().to_string(), second.trim().to_string())
}
