//! The review screen: every screen of statements with how far it is answered, each a button back
//! to it, and the way on to the result (which leads instead to the first screen left unfinished).

use crate::ui::text::Ui;
use yew::prelude::*;

/// One screen of statements as listed: its heading and (answered, asked, "don't know").
pub type ReviewRow = (String, (usize, usize, usize));

pub struct ReviewProps {
    pub ui: &'static Ui,
    pub rows: Vec<ReviewRow>,
    pub heading: NodeRef,
    /// The n-th screen chosen.
    pub on_go: Callback<usize>,
    pub on_next: Callback<()>,
    pub on_save: Callback<()>,
}

/// A function rather than a component, like the frame: see `frame.rs`.
pub fn review(props: ReviewProps) -> Html {
    let ui = props.ui;
    // Everything answered, the result file is the thing to keep: nothing is unfinished.
    let unfinished = props.rows.iter().any(|(_, (done, asked, _))| done < asked);
    html! {
        <div class="review">
            <h2 tabindex="-1" ref={props.heading}>{ ui.review_title }</h2>
            <p class="hint">{ ui.review_hint }</p>
            <ol class="review-list">
            for (n, (title, (done, asked, dont_know))) in props.rows.into_iter().enumerate() {
                <li class={classes!((done < asked).then_some("open"))}>
                    <button type="button" data-go={n.to_string()} onclick={props.on_go.reform(move |_| n)}>
                        <span class="review-title">{ title }</span>
                        <span class="review-count">{ (ui.review_count)(done, asked, dont_know) }</span>
                    </button>
                </li>
            }
            </ol>
            <div class="nav">
                if unfinished {
                    <button type="button" data-save-unfinished="" onclick={props.on_save.reform(|_| ())}>{ ui.save_unfinished }</button>
                }
                <button type="button" class="primary" data-next="" onclick={props.on_next.reform(|_| ())}>{ ui.finish }</button>
            </div>
        </div>
    }
}
