//! The result screen, most important first: primary blockers with their reasons, the plan, the
//! checklist, the chart with its table, how the result was reached, and ways to take it away.
//! Each part is a module of its own, a function rendering from the one [`Diagnosis`].

mod checklist;
mod how;
mod plan;
mod primary;
mod scores;

use crate::core::content::Material;
use crate::core::display::{verdict_sentence, Labels};
use crate::core::Diagnosis;
use crate::ui::state::ContentRef;
use crate::ui::take_away::{report_words, TakeAway};
use crate::ui::text::Ui;
use std::rc::Rc;
use yew::prelude::*;

/// What every part of the result renders from.
#[derive(Clone)]
pub struct PartProps {
    pub ui: &'static Ui,
    pub content: ContentRef,
    pub diagnosis: Rc<Diagnosis>,
    pub lang: AttrValue,
}

impl PartProps {
    fn labels(&self) -> Labels<'_> {
        Labels::new(&self.content.0, &self.lang, self.diagnosis.role.as_deref())
    }
}

/// The host's call to action (the `contact-*` attributes).
#[derive(Clone, PartialEq)]
pub struct Contact {
    pub href: AttrValue,
    /// The button's words; `None`: the widget's own.
    pub label: Option<AttrValue>,
    /// One line above the button.
    pub text: Option<AttrValue>,
    /// At the end of the result rather than after the main blockers.
    pub at_end: bool,
}

pub struct ResultProps {
    pub part: PartProps,
    pub date: AttrValue,
    pub heading: NodeRef,
    pub contact: Option<Contact>,
    pub on_mark: Callback<(String, Material)>,
    /// A maturity target chosen (dimension, level) or cleared (`None`).
    pub on_target: Callback<(String, Option<u32>)>,
    pub on_take: Callback<TakeAway>,
    pub on_back: Callback<()>,
    pub on_restart: Callback<()>,
}

/// A function rather than a component, like the frame (each component costs the widget about a
/// kilobyte of wasm): it renders whenever the respondent's page does, which on the result is when
/// a mark, a target, a notice or a question to confirm changes.
pub fn result_view(props: ResultProps) -> Html {
    let props = &props;
    let part = &props.part;
    let ui = part.ui;
    let l = part.labels();
    let d = &part.diagnosis;
    let verdict = verdict_sentence(d.classification.verdict, &report_words(ui).verdicts);
    let take = |k: TakeAway| props.on_take.reform(move |_| k);
    // A button, not a plain link at the very end: after the main blockers unless the host asks for
    // the end, and on paper too (with its address, which paper cannot follow).
    let contact = props.contact.as_ref().map(|c| {
        let cta = html! {
            <div class="cta" data-contact-box="">
                if let Some(text) = &c.text {
                    <p>{ text }</p>
                }
                // A place on the host's own page ("#consult") opens there, not in a new tab.
                <a class="cta-button" href={c.href.clone()} target={(!c.href.starts_with('#')).then_some("_blank")} rel="noopener noreferrer" data-contact="">
                    { c.label.clone().unwrap_or(AttrValue::Static(ui.contact)) }
                </a>
                <p class="print-only">{ &c.href }</p>
            </div>
        };
        (c.at_end, cta)
    });
    let (at_end, after_main) = match contact {
        Some((true, cta)) => (Some(cta), None),
        other => (None, other.map(|(_, cta)| cta)),
    };
    html! {
        <section class="result" data-result="">
            <header class="print-only report-head">
                <p class="report-title">{ l.title() }</p>
                <p>{ format!("{}: {}", ui.report_date, props.date) }
                    if let Some(role) = l.role() {
                        { format!(" · {}: {}", ui.report_role, role) }
                    }
                    if let Some((heading, stage)) = l.stage(&d.answers) {
                        { format!(" · {heading}: {stage}") }
                    }
                </p>
                <p class="blanks">{ format!("{}: ", ui.report_section) }<span class="blank"></span>
                    { format!("{}: ", ui.report_author) }<span class="blank"></span></p>
            </header>
            <h2 tabindex="-1" ref={props.heading.clone()}>{ ui.result_title }</h2>
            <p class="verdict">{ verdict }</p>
            if d.uniform {
                <p class="also" data-uniform="">{ ui.uniform }</p>
            }
            { primary::primary_blockers(part) }
            { for after_main }
            { plan::first_steps(part) }
            { missing(part) }
            <div class="details">
            { plan::all_steps(part) }
            { primary::reasons_on_paper(part) }
            { checklist::checklist(part, &props.on_mark) }
            { scores::scores(part, &props.on_target) }
            { how::how_reached(part) }
            </div>

            <h3 class="no-print">{ ui.take_title }</h3>
            <div class="take no-print">
                <button type="button" data-take="print" onclick={take(TakeAway::Print)}>{ ui.print }</button>
                <button type="button" data-take="json" onclick={take(TakeAway::Json)}>{ ui.download_json }</button>
                <button type="button" data-take="markdown" onclick={take(TakeAway::Markdown)}>{ ui.download_md }</button>
                <button type="button" data-take="copy" onclick={take(TakeAway::Copy)}>{ ui.copy_md }</button>
                <button type="button" data-take="code" onclick={take(TakeAway::Code)}>{ ui.copy_code }</button>
            </div>
            <p class="no-print hint" data-hand-over="">{ ui.hand_over }</p>
            { for at_end }
            <div class="nav">
                <button type="button" onclick={props.on_back.reform(|_| ())}>{ ui.edit_answers }</button>
                <button type="button" data-restart="" onclick={props.on_restart.reform(|_| ())}>{ ui.restart }</button>
            </div>
        </section>
    }
}

/// The materials known to be missing, named on the first page (the checklist follows in the
/// details).
fn missing(p: &PartProps) -> Html {
    let c = &p.content.0;
    let items: Vec<_> = p
        .diagnosis
        .missing(c)
        .map(|item| c.text(&item.label, &p.lang))
        .collect();
    if items.is_empty() {
        return Html::default();
    }
    html! {
        <>
            <h3>{ p.ui.missing_title }</h3>
            <ul class="missing">
            for label in items.into_iter() {
                <li>{ label }</li>
            }
            </ul>
        </>
    }
}
