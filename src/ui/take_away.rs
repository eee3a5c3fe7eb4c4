//! Every form in which a result leaves the screen, all on the device: the result file (JSON),
//! the Markdown summary (download or clipboard), print, and the host page's `diagnosis-complete`
//! payload. Each renders from the one [`Diagnosis`].

use super::io;
use super::text::Ui;
use crate::core::display::Labels;
use crate::core::report::{markdown, ReportWords};
use crate::core::session::day_of;
use crate::core::{export, json, Diagnosis, Questionnaire};
use wasm_bindgen::JsValue;

/// The ways to take the result away.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum TakeAway {
    Print,
    Json,
    Markdown,
    Copy,
    /// The result code alone (`core::code`), for the office page.
    Code,
}

/// Takes the result away as `kind`, in `lang` (a language of the questionnaire; `t` is the
/// widget's words for it). `host_io` is the boot script's helpers; `copied` is told whether the
/// clipboard took the summary.
pub fn take(
    kind: TakeAway,
    content: &Questionnaire,
    d: &Diagnosis,
    (lang, t): (&str, &Ui),
    host_io: &JsValue,
    copied: impl FnOnce(bool) + 'static,
) {
    // A result opened from a file keeps the day it was made, in its name and in itself.
    let (date, now) = match d.made.as_deref().and_then(|m| Some((day_of(m)?, m))) {
        Some((day, made)) => (day, made.to_string()),
        None => io::now(),
    };
    match kind {
        TakeAway::Print => io::print(host_io),
        TakeAway::Json => {
            let file = export(content, d, lang, &now);
            if let Ok(text) = json::to_string(&file, true) {
                io::download(
                    &format!("kintone-diagnosis-{date}.json"),
                    "application/json",
                    &text,
                );
            }
        }
        TakeAway::Markdown => {
            io::download(
                &format!("kintone-diagnosis-{date}.md"),
                "text/markdown",
                &summary(content, d, (lang, t), &date),
            );
        }
        TakeAway::Copy => io::copy(host_io, &summary(content, d, (lang, t), &date), copied),
        TakeAway::Code => io::copy(host_io, &code(content, d, &date), copied),
    }
}

/// The result file as a plain JavaScript object (as `JSON.parse` makes), for the host page's
/// `diagnosis-complete` event, with `labels`: beside the ids, their words in the widget's
/// language, so that a host can show or forward the result without reading the questionnaire
/// (docs/embed.md, `docs/result-event.schema.json`).
pub fn payload(content: &Questionnaire, d: &Diagnosis, lang: &str) -> Option<JsValue> {
    // A result opened from a file keeps when it was made, as its file does.
    let now = d.made.clone().unwrap_or_else(|| io::now().1);
    let text = json::to_string(&export(content, d, lang, &now), false).ok()?;
    let value = js_sys::JSON::parse(&text).ok()?;
    let set = |o: &JsValue, key: &str, v: &JsValue| {
        let _ = js_sys::Reflect::set(o, &key.into(), v);
    };
    let words = |pairs: &mut dyn Iterator<Item = (&str, &str)>| {
        let o: JsValue = js_sys::Object::new().into();
        pairs.for_each(|(id, text)| set(&o, id, &text.into()));
        o
    };
    let l = Labels::new(content, lang, d.role.as_deref());
    let labels = words(
        &mut [("title", l.title())]
            .into_iter()
            .chain(l.role().map(|r| ("role", r)))
            .chain(l.stage(&d.answers).map(|(_, s)| ("stage", s))),
    );
    let dimensions = d
        .scores
        .iter()
        .map(|s| (s.dimension.as_str(), l.dimension(&s.dimension)));
    set(&labels, "dimensions", &words(&mut dimensions.into_iter()));
    let bands = content
        .bands
        .iter()
        .map(|b| (b.id.as_str(), content.text(&b.label, lang)));
    set(&labels, "bands", &words(&mut bands.into_iter()));
    let steps = d.plan.iter().filter_map(|p| {
        Some((
            p.step.as_str(),
            content.text(&content.step(&p.step)?.text, lang),
        ))
    });
    set(&labels, "steps", &words(&mut steps.into_iter()));
    set(&value, "labels", &labels);
    Some(value)
}

/// The Markdown summary, ending with the result code (`core::code`): pasted into a mail or a
/// chat to whoever gathers results, the whole text goes into the office page's box as it is.
fn summary(content: &Questionnaire, d: &Diagnosis, (lang, t): (&str, &Ui), date: &str) -> String {
    let mut text = markdown(content, d, &report_words(t), lang, date);
    text.push_str(t.code_line);
    text.push_str(&code(content, d, date));
    text.push('\n');
    text
}

/// The result code of `d`, dated `date` (`YYYY-MM-DD`).
fn code(content: &Questionnaire, d: &Diagnosis, date: &str) -> String {
    crate::core::code::result_code(content, d.role.as_deref(), &d.answers, date)
}

/// The result's headings and labels in the widget's words, shared by the result screen and the
/// Markdown summary.
pub fn report_words(t: &Ui) -> ReportWords<'static> {
    ReportWords {
        date: t.report_date,
        role: t.report_role,
        version: t.report_version,
        verdicts: [t.verdict_blocked, t.verdict_healthy, t.verdict_insufficient],
        section: t.report_section,
        author: t.report_author,
        primary: t.primary_title,
        because: t.because,
        quote: t.quote,
        first: t.first_title,
        missing: t.missing_title,
        plan: t.all_steps,
        other: t.other_steps,
        raise: t.raise_by,
        yours: t.yours,
        others: t.others,
        owner: t.report_owner,
        ask: t.ask,
        few: t.few,
        also: t.also,
        uniform: t.uniform,
        states: t.states,
        all: t.all_blockers,
        blocker: t.blocker,
        score: t.score,
        severity: t.severity,
        not_enough: t.not_enough,
        maturity: t.maturity,
        target: t.target,
        office_level: t.office_level,
    }
}
