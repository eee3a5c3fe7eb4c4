//! The office page (`kintone-diagnosis-office.html`): the promoter or consultant gathers the
//! respondents' result files and codes, and sees per role what holds the office back, where the
//! roles disagree, an agenda to talk it through, the office's plan and last year beside this.
//! A thin shell over `core::desk`: every change is a `DeskAction`, every figure comes from
//! `Desk::overview`.

mod documents;
mod views;
mod words;

use crate::contract;
use crate::core::desk::{Desk, DeskAction, Findings, Source, Summary};
use crate::core::draft::{Drafts, Facts};
use crate::core::guide::Guide;
use crate::core::office::{answers_csv, summary_csv};
use crate::core::Questionnaire;
use crate::ui::io;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use words::{words, Words};
use yew::prelude::*;

/// Results listed per page of the list of what was loaded.
const PAGE: usize = 50;

#[derive(Properties)]
pub struct OfficeProps {
    pub content: Rc<Questionnaire>,
    pub guide: Rc<Guide>,
    pub drafts: Rc<Drafts>,
    pub lang: AttrValue,
    pub instance: AttrValue,
    pub io: JsValue,
}

impl PartialEq for OfficeProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.content, &other.content) && self.lang == other.lang
    }
}

/// A message above the page until the next one.
#[derive(Clone, PartialEq)]
struct Notice {
    text: String,
    /// News of something that went wrong: marked as such on screen (read out like any other).
    alert: bool,
}

/// The page's state: the desk (shared, changed in place: copying 10,000 diagnoses per file read
/// would cost more than reading them) and what is only shown.
#[derive(Clone)]
struct State {
    desk: Rc<RefCell<Desk>>,
    content: Rc<Questionnaire>,
    lang: AttrValue,
    notice: Option<Notice>,
    /// The page of the list of loaded results.
    page: usize,
    /// The findings (gaps, agenda, plan) and the desk's revision they were computed for: computed
    /// in the task after the summary was painted and rendered in the task after that (at 10,000
    /// respondents, computing and rendering them in one task blocked the page 0.2 s).
    findings: Option<(u64, Rc<Findings>)>,
    /// The desk's revision last saved to an office file (closing the page asks first otherwise).
    saved_at: u64,
    /// A draft is being printed: the page prints it alone.
    printing: bool,
    /// The list of what was loaded is open.
    list_open: bool,
    /// The desk's revision the page shows: while files are read, the one from before.
    shown: u64,
    /// Files were picked or dropped while others were being read, and not taken: said now and
    /// again when the reading ends (its own news would hide it).
    missed: bool,
}

enum Msg {
    Desk(DeskAction),
    Lang,
    Page(usize),
    Notice(Option<Notice>),
    Findings(u64, Rc<Findings>),
    Saved(u64),
    Printing(bool),
    ListOpen(bool),
    /// Files came in while others were being read.
    Missed,
    /// The documents' sums are ready (in the page's cache): shown.
    Summed,
}

impl Reducible for State {
    type Action = Msg;
    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut next = (*self).clone();
        let t = words(&next.lang);
        match msg {
            Msg::Desk(action) => {
                let mut desk = self.desk.borrow_mut();
                let says = match &action {
                    DeskAction::Read | DeskAction::Paste(_) | DeskAction::Earlier(..) => Some(()),
                    // The last input's news goes when the next one begins.
                    DeskAction::Reading(_) => {
                        next.notice = None;
                        None
                    }
                    DeskAction::Remove(i) => {
                        let name = desk.sources.get(*i).map(|s| source_name(t, s));
                        next.notice = name.map(|n| Notice {
                            text: (t.removed)(&n),
                            alert: false,
                        });
                        None
                    }
                    _ => None,
                };
                desk.apply(&self.content, action);
                if desk.progress.is_none() {
                    next.shown = desk.revision;
                }
                if says.is_some() && desk.progress.is_none() {
                    let again = (desk.refused.iter())
                        .filter(|r| matches!(r.why, crate::core::office::Refusal::Duplicate(_)))
                        .count();
                    let refused = desk.refused.len() - again;
                    // A result loaded twice is no fault: said, but not as an error.
                    next.notice = (desk.taken > 0 || again + refused > 0).then(|| Notice {
                        text: (t.taken)(desk.taken, again, refused),
                        alert: refused > 0,
                    });
                    if std::mem::take(&mut next.missed) {
                        let text = match next.notice.take() {
                            Some(n) if t.lang == "ja" => format!("{}{}", n.text, t.not_now),
                            Some(n) => format!("{} {}", n.text, t.not_now),
                            None => t.not_now.into(),
                        };
                        next.notice = Some(Notice { text, alert: true });
                    }
                }
                let pages = desk.gathering.respondents.len().div_ceil(PAGE).max(1);
                next.page = next.page.min(pages - 1);
            }
            Msg::Lang => {
                next.lang = t.other_lang.into();
                next.notice = None;
            }
            Msg::Page(p) => next.page = p,
            Msg::Notice(n) => next.notice = n,
            Msg::Findings(revision, findings) => next.findings = Some((revision, findings)),
            Msg::Saved(revision) => next.saved_at = revision,
            Msg::Printing(p) => next.printing = p,
            Msg::ListOpen(open) => next.list_open = open,
            Msg::Summed => {}
            Msg::Missed => {
                next.missed = true;
                next.notice = Some(Notice {
                    text: t.not_now.into(),
                    alert: true,
                });
            }
        }
        Rc::new(next)
    }
}

/// Where a respondent came from, in words.
fn source_name(t: &Words, s: &Source) -> String {
    match s {
        Source::File(name) => name.clone(),
        Source::InOffice(name, n) => (t.in_office)(name, *n),
        Source::Code(start) => (t.code)(start),
    }
}

/// Reads the files of a picker (its `FileList`) or a drop (the event), folders included, through
/// the boot script's `readFiles`: `each(total, batch, finished)` is called per batch of files, and
/// the page dispatches them so that the browser paints the progress between batches.
fn read_files(
    io: &JsValue,
    source: JsValue,
    each: impl FnMut(usize, Vec<(String, Option<String>)>, bool) + 'static,
) {
    let mut each = each;
    let callback = Closure::<dyn FnMut(JsValue, JsValue, JsValue)>::new(
        move |total: JsValue, batch: JsValue, finished: JsValue| {
            let total = total.as_f64().unwrap_or(0.0) as usize;
            let files = js_sys::Array::from(&batch)
                .iter()
                .map(|pair| {
                    let pair = js_sys::Array::from(&pair);
                    let bytes = pair.get(1);
                    (
                        pair.get(0).as_string().unwrap_or_default(),
                        (bytes.is_object())
                            .then(|| utf8(bytes.unchecked_into::<js_sys::Uint8Array>().to_vec())),
                    )
                })
                .collect();
            each(total, files, finished.is_truthy());
        },
    );
    if let Some(f) = io::helper(io, contract::io::READ_FILES) {
        let _ = f.call2(io, &source, &callback.into_js_value());
    }
}

/// A file's bytes as text. In a file that is not UTF-8 each byte beyond ASCII becomes U+FFFD
/// (the file is then refused for what it holds, like any other; result codes in a mail saved in
/// another encoding are still found).
fn utf8(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| {
        (e.as_bytes().iter())
            .map(|&b| match b.is_ascii() {
                true => char::from(b),
                false => char::REPLACEMENT_CHARACTER,
            })
            .collect()
    })
}

#[component]
pub fn Office(props: &OfficeProps) -> Html {
    let state = use_reducer(|| State {
        desk: Rc::new(RefCell::new(Desk::default())),
        content: props.content.clone(),
        lang: props.lang.clone(),
        notice: None,
        page: 0,
        findings: None,
        saved_at: 0,
        printing: false,
        list_open: false,
        missed: false,
        shown: 0,
    });
    let t = words(&state.lang);
    let content = props.content.clone();
    let (revision, loading) = {
        let desk = state.desk.borrow();
        (desk.revision, desk.progress.is_some())
    };
    // Computed once per change of what is gathered, and not while files are still coming in
    // (what was shown before stays on the page meanwhile): first the summary (painted at once),
    // then, in the next task, the findings.
    let summary: Rc<Summary> = {
        let desk = state.desk.clone();
        let content = content.clone();
        use_memo(state.shown, move |_| desk.borrow().summary(&content))
    };
    let findings: Option<Rc<Findings>> = (state.findings.as_ref())
        .filter(|(r, _)| *r == revision)
        .map(|(_, f)| f.clone());
    // Summed in the task after the findings are shown (the documents cost the first view
    // nothing; at 10,000 respondents, summing them while rendering the findings blocked the page
    // over 100 ms); while files come in, the documents keep the last sums and stay on the page, so
    // that a calculator filled in is not lost to the next files dropped.
    let facts_cache = use_mut_ref(|| (u64::MAX, Rc::new(Facts::default())));
    {
        let (cache, desk, content) = (facts_cache.clone(), state.desk.clone(), content.clone());
        let dispatcher = state.dispatcher();
        let ready = !loading && findings.is_some();
        use_effect_with((revision, ready), move |&(revision, ready)| {
            if ready && cache.borrow().0 != revision {
                after_this_task(move || {
                    let facts = {
                        let desk = desk.borrow();
                        // Gathered anew meanwhile: summed when that is shown.
                        (desk.revision == revision)
                            .then(|| crate::core::draft::facts(&content, &desk.gathering))
                    };
                    if let Some(facts) = facts {
                        *cache.borrow_mut() = (revision, Rc::new(facts));
                        dispatcher.dispatch(Msg::Summed);
                    }
                });
            }
        });
    }
    let facts = facts_cache.borrow().1.clone();
    {
        let (painted, dispatcher) = (!loading, state.dispatcher());
        let (desk, content, summary) = (state.desk.clone(), content.clone(), summary.clone());
        let guide = props.guide.clone();
        use_effect_with((revision, painted), move |&(revision, painted)| {
            if painted {
                if revision > 0 {
                    mark_view_painted();
                }
                after_this_task(move || {
                    let desk = desk.borrow();
                    // Gathered anew meanwhile: the summary is of another set.
                    if desk.revision != revision {
                        return;
                    }
                    let findings = Rc::new(desk.findings(&content, &guide, &summary));
                    after_this_task(move || {
                        dispatcher.dispatch(Msg::Findings(revision, findings));
                    });
                });
            }
        });
    }
    let dispatcher = state.dispatcher();
    let gather = {
        let (dispatcher, io, desk) = (dispatcher.clone(), props.io.clone(), state.desk.clone());
        Callback::from(move |source: JsValue| {
            // One input at a time: files picked or dropped while others are still being read
            // are not taken, and the page says so (the picker stays focusable meanwhile, only
            // marked busy: disabling it threw a keyboard user's focus to the top of the page).
            if desk.borrow().progress.is_some() {
                return dispatcher.dispatch(Msg::Missed);
            }
            let dispatcher = dispatcher.clone();
            let mut begun = false;
            read_files(&io, source, move |total, files, finished| {
                if !begun {
                    begun = true;
                    dispatcher.dispatch(Msg::Desk(DeskAction::Reading(total)));
                }
                if !files.is_empty() {
                    dispatcher.dispatch(Msg::Desk(DeskAction::Take(files)));
                }
                if finished {
                    dispatcher.dispatch(Msg::Desk(DeskAction::Read));
                }
            });
        })
    };
    let earlier = {
        let (dispatcher, io) = (dispatcher.clone(), props.io.clone());
        Callback::from(move |source: JsValue| {
            let dispatcher = dispatcher.clone();
            read_files(&io, source, move |_, files, _| {
                if let Some((name, text)) = files.into_iter().next() {
                    dispatcher.dispatch(Msg::Desk(DeskAction::Earlier(name, text)));
                }
            });
        })
    };
    let download = {
        let (dispatcher, state_desk, content, lang) = (
            dispatcher.clone(),
            state.desk.clone(),
            content.clone(),
            state.lang.clone(),
        );
        Callback::from(move |what: &'static str| {
            let t = words(&lang);
            let desk = state_desk.borrow();
            let (day, stamp) = io::now();
            let groups = crate::core::office::groups(&content, &desk.gathering, desk.workshop);
            let labels = (lang.as_str(), t.others);
            let (name, mime, text) = match what {
                "office" => (
                    format!("kintone-diagnosis-office-{day}.json"),
                    "application/json",
                    crate::core::json::to_string(&desk.office_file(&content, &stamp), true)
                        .unwrap_or_default(),
                ),
                "answers" => (
                    format!("kintone-diagnosis-office-answers-{day}.csv"),
                    "text/csv;charset=utf-8",
                    answers_csv(
                        &content,
                        &desk.gathering,
                        &groups,
                        labels,
                        t.answers_headers,
                    ),
                ),
                _ => (
                    format!("kintone-diagnosis-office-summary-{day}.csv"),
                    "text/csv;charset=utf-8",
                    summary_csv(
                        &content,
                        &desk.gathering,
                        &groups,
                        labels,
                        t.summary_headers,
                    ),
                ),
            };
            let done = io::download(&name, mime, &text);
            if done.is_some() && what == "office" {
                dispatcher.dispatch(Msg::Saved(desk.revision));
            }
            let notice = match done {
                Some(()) => Notice {
                    text: (t.saved)(&name),
                    alert: false,
                },
                None => Notice {
                    text: t.not_saved.into(),
                    alert: true,
                },
            };
            dispatcher.dispatch(Msg::Notice(Some(notice)));
        })
    };
    // Pasted codes: the box is emptied only when every code in it was taken, so that one refused
    // can be found and mended.
    let on_paste = {
        let (dispatcher, desk, lang) = (dispatcher.clone(), state.desk.clone(), state.lang.clone());
        Callback::from(move |area: web_sys::HtmlTextAreaElement| {
            let text = area.value();
            if text.trim().is_empty() {
                let notice = Notice {
                    text: words(&lang).nothing_pasted.into(),
                    alert: false,
                };
                return dispatcher.dispatch(Msg::Notice(Some(notice)));
            }
            dispatcher.dispatch(Msg::Desk(DeskAction::Paste(text)));
            if desk.borrow().refused.is_empty() {
                area.set_value("");
            }
        })
    };
    let send: Callback<Msg> = dispatcher.to_callback();
    let on_desk = send.reform(Msg::Desk);
    let desk = state.desk.borrow();
    let view = views::ViewProps {
        t,
        content: &content,
        guide: &props.guide,
        drafts: &props.drafts,
        lang: &state.lang,
        instance: &props.instance,
        desk: &desk,
        summary: &summary,
        findings: findings.as_deref(),
        page: state.page,
        list_open: state.list_open,
    };
    let io_print = props.io.clone();
    html! {
        <div class={contract::ROOT_CLASS} lang={state.lang.clone()} data-office=""
            data-printing={state.printing.then_some("draft")}
            data-unsaved={(!desk.gathering.respondents.is_empty() && desk.revision != state.saved_at).then_some("")}>
            <div class="top no-print">
                <button type="button" lang={t.other_lang} data-lang={t.other_lang}
                    onclick={send.reform(|_| Msg::Lang)}>{ t.other_language }</button>
            </div>
            <h2 class={contract::REPORT_TITLE_CLASS}>{ t.title }</h2>
            <p class="print-only">{ (t.printed_on)(&io::now().0) }</p>
            <p class="no-print">{ t.lead }</p>
            <p class="promise no-print">{ t.privacy }</p>
            // The live region is on the page before any news, and stays what it is: a screen
            // reader reads out what is put into a region it knows, where one inserted with its
            // text, or one whose role changes as the text comes, is often passed over. News of
            // something that went wrong is read out politely too, and marked as such on screen.
            <div role="status">
            if let Some(n) = &state.notice {
                <div class={classes!("notice", "no-print", n.alert.then_some("error"))} data-notice="">
                    <p>{ &n.text }</p>
                    <button type="button" class="dismiss" onclick={send.reform(|_| Msg::Notice(None))}>
                        { if t.lang == "ja" { "閉じる" } else { "Close" } }
                    </button>
                </div>
            }
            </div>
            { views::gather(&view, gather, on_desk.clone(), on_paste, send.reform(Msg::Page), send.reform(Msg::ListOpen)) }
            { views::overview(&view, on_desk.clone()) }
            { views::year_on_year(&view, earlier, on_desk) }
            if !desk.gathering.respondents.is_empty() && facts.respondents > 0 {
                <documents::Documents content={content.clone()} guide={props.guide.clone()} drafts={props.drafts.clone()}
                    lang={state.lang.clone()} instance={props.instance.clone()} facts={facts}
                    io={props.io.clone()}
                    on_notice={send.reform(|(text, alert)| Msg::Notice(Some(Notice { text, alert })))}
                    on_printing={send.reform(Msg::Printing)} />
            }
            { views::outputs(&view, download, Callback::from(move |_| io::print(&io_print))) }
        </div>
    }
}

/// Runs `f` in a task of its own, after the browser has had the chance to paint.
pub(super) fn after_this_task(f: impl FnOnce() + 'static) {
    if let Some(window) = web_sys::window() {
        let f = Closure::once_into_js(f);
        let _ = window.set_timeout_with_callback(f.unchecked_ref());
    }
}

/// Sets `window.__officeViewPainted` (the benchmark contract: results read and the first view,
/// the summary per role, on the page) each time it is rendered anew.
fn mark_view_painted() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Some(p) = window.performance() {
        let _ = js_sys::Reflect::set(
            &window,
            &JsValue::from_str(contract::OFFICE_VIEW_MARK),
            &JsValue::from_f64(p.now()),
        );
    }
}
