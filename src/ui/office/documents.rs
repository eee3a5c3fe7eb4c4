//! The office page's documents: the cost-effect calculator, the product named, the
//! small-amount contract limit, and the drafts chosen from the office's diagnoses, each
//! previewed, downloaded as Word or Markdown, or printed alone. A thin shell: the sheet's changes
//! are `core::calc::SheetAction`s, the documents come from `core::draft`.

use crate::core::calc::{clip, field_label, Sheet, SheetAction, MAX_OPERATIONS, MAX_TEXT};
use crate::core::docx::docx;
use crate::core::draft::{self, Document, Drafts, Entered, Facts, Reason};
use crate::core::guide::Guide;
use crate::core::Questionnaire;
use crate::ui::io;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use yew::prelude::*;

#[derive(Properties)]
pub struct DocumentsProps {
    pub content: Rc<Questionnaire>,
    pub guide: Rc<Guide>,
    pub drafts: Rc<Drafts>,
    pub lang: AttrValue,
    pub instance: AttrValue,
    pub facts: Rc<Facts>,
    pub io: JsValue,
    /// A message for the page's notice (text, whether it is an alert).
    pub on_notice: Callback<(String, bool)>,
    /// Whether a draft is being printed: the page then prints that draft alone.
    pub on_printing: Callback<bool>,
}

impl PartialEq for DocumentsProps {
    /// By identity: the content, the guide and the facts are replaced, never changed in place
    /// (comparing the questionnaire by value would cost more than rendering).
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.content, &other.content)
            && Rc::ptr_eq(&self.facts, &other.facts)
            && self.lang == other.lang
    }
}

#[derive(Clone, PartialEq, Default)]
struct State {
    sheet: Sheet,
    product: String,
    /// The small-amount contract limit, as typed (prefilled from the guide's first limit).
    limit: Option<String>,
    /// The draft being printed (its place in the list).
    printing: Option<usize>,
}

enum Msg {
    Sheet(SheetAction),
    /// A field by its name: the product, the limit, or one of the sheet's.
    Field(String, String),
    Printing(Option<usize>),
}

impl Reducible for State {
    type Action = Msg;
    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut next = (*self).clone();
        match msg {
            Msg::Sheet(a) => next.sheet.apply(a),
            Msg::Field(name, mut value) => match name.as_str() {
                "product" => {
                    clip(&mut value);
                    next.product = value
                }
                "limit" => next.limit = Some(value),
                _ => next.sheet.apply(SheetAction::Set(name, value)),
            },
            Msg::Printing(p) => next.printing = p,
        }
        Rc::new(next)
    }
}

/// What a click on one of the section's buttons asks for, read from the button's `data-act`
/// (one listener for every button: a closure per button would cost the page kilobytes).
enum Act {
    AddRow,
    RemoveRow(usize),
    Word(usize),
    Markdown(usize),
    Print(usize),
}

fn act(e: &MouseEvent) -> Option<Act> {
    let button = e
        .target_dyn_into::<web_sys::Element>()?
        .closest("button")
        .ok()??;
    let act = button.get_attribute("data-act")?;
    let (what, at) = act.split_once(':').unwrap_or((&act, ""));
    let at = at.parse().unwrap_or(0);
    Some(match what {
        "add" => Act::AddRow,
        "remove" => Act::RemoveRow(at),
        "docx" => Act::Word(at),
        "md" => Act::Markdown(at),
        "print" => Act::Print(at),
        _ => return None,
    })
}

#[component]
pub fn Documents(props: &DocumentsProps) -> Html {
    let state = use_reducer(State::default);
    let ja = props.lang == "ja";
    let t = if ja { &JA } else { &EN };
    let lang = props.lang.as_str();
    let (content, guide, book) = (&props.content, &props.guide, &props.drafts);
    let id = |name: &str| format!("{}-{name}", props.instance);
    let limits = &book.procurement.limits;
    let limit_text = (state.limit.clone())
        .unwrap_or_else(|| limits.first().map_or(String::new(), |l| l.yen.to_string()));
    let limit = crate::core::calc::yen(&limit_text);
    let documents: Rc<Vec<(Document, Vec<Reason>)>> = {
        let (content, guide, book, facts) = (
            content.clone(),
            guide.clone(),
            book.clone(),
            props.facts.clone(),
        );
        let key = (
            props.lang.clone(),
            state.sheet.clone(),
            state.product.clone(),
            limit,
            Rc::as_ptr(&props.facts) as usize,
        );
        use_memo(key, move |(lang, sheet, product, limit, _)| {
            let entered = Entered {
                product,
                cost: sheet.figures(),
                limit: *limit,
            };
            let mut all: Vec<(Document, Vec<Reason>)> = (book.drafts.iter())
                .map(|d| {
                    (
                        draft::document(&content, &guide, &book, d, &facts, entered, lang),
                        draft::reasons(d, &facts),
                    )
                })
                .collect();
            // Those the answers call for first; otherwise the guide's order.
            crate::core::order::sort_stable_by(&mut all, |a, b| !a.1.is_empty() && b.1.is_empty());
            all
        })
    };
    {
        let (io, dispatcher, on_printing) = (
            props.io.clone(),
            state.dispatcher(),
            props.on_printing.clone(),
        );
        use_effect_with(state.printing, move |printing| {
            if printing.is_some() {
                super::after_this_task(move || {
                    io::print(&io);
                    dispatcher.dispatch(Msg::Printing(None));
                    on_printing.emit(false);
                });
            }
        });
    }
    let onclick = {
        let (documents, lang, on_notice, on_printing, send) = (
            documents.clone(),
            props.lang.clone(),
            props.on_notice.clone(),
            props.on_printing.clone(),
            state.dispatcher(),
        );
        Callback::from(move |e: MouseEvent| {
            // Saving says what the page's other downloads say.
            let page = super::words::words(&lang);
            let (doc, word) = match act(&e) {
                None => return,
                Some(Act::AddRow) => return send.dispatch(Msg::Sheet(SheetAction::AddRow)),
                Some(Act::RemoveRow(i)) => {
                    return send.dispatch(Msg::Sheet(SheetAction::RemoveRow(i)))
                }
                Some(Act::Print(at)) => {
                    on_printing.emit(true);
                    return send.dispatch(Msg::Printing(Some(at)));
                }
                Some(Act::Word(at)) => (documents.get(at), true),
                Some(Act::Markdown(at)) => (documents.get(at), false),
            };
            let Some((doc, _)) = doc else {
                return;
            };
            let day = io::now().0;
            let name = format!("{}-{day}.{}", doc.id, if word { "docx" } else { "md" });
            let done = match word {
                true => io::download_bytes(&name, DOCX, &docx(doc, &lang)),
                false => io::download(&name, "text/markdown;charset=utf-8", &draft::markdown(doc)),
            };
            on_notice.emit(match done {
                Some(()) => ((page.saved)(&name), false),
                None => (page.not_saved.into(), true),
            });
        })
    };
    // Every field reports to one listener, by its name.
    let oninput = state.dispatcher().to_callback().reform(|e: InputEvent| {
        let target = e.target();
        let get = |key: &str| {
            (target.as_ref())
                .and_then(|t| js_sys::Reflect::get(t, &key.into()).ok())
                .and_then(|v| v.as_string())
                .unwrap_or_default()
        };
        Msg::Field(get("name"), get("value"))
    });
    let onsubmit = state.dispatcher().to_callback().reform(|e: SubmitEvent| {
        e.prevent_default();
        Msg::Sheet(SheetAction::Calculate)
    });
    let sheet = &state.sheet;
    let problems: Vec<(String, String)> = match &sheet.result {
        Some(Err(p)) => p.iter().map(|p| (p.field.clone(), p.say(lang))).collect(),
        _ => Vec::new(),
    };
    let errors_id = id("calc-errors");
    // A text field: its label, its name (the path its problems are reported at), its value.
    let input = |label: String, name: String, value: &str, numeric: bool| {
        let fid = id(&name);
        let bad = problems.iter().any(|(f, _)| *f == name).then_some("true");
        html! {
            <span class="field">
                <label for={fid.clone()}>{ label }</label>
                <input id={fid} type="text" name={name} autocomplete="off" value={value.to_string()} maxlength={MAX_TEXT.to_string()}
                    inputmode={numeric.then_some("decimal")}
                    aria-invalid={bad} aria-describedby={bad.map(|_| errors_id.clone())} />
            </span>
        }
    };
    let singles = [
        ("hourly_cost", &sheet.input.hourly_cost),
        ("years", &sheet.input.years),
        (
            "licence_per_user_month",
            &sheet.input.licence_per_user_month,
        ),
        ("users", &sheet.input.users),
        ("training", &sheet.input.training),
        ("partner", &sheet.input.partner),
    ];
    let result = sheet.figures().map(|c| {
        let mut b = Vec::new();
        draft::cost_effect(book, Some(c), lang, &mut b);
        draft::html(&b)
    });
    let list = drafts_html(t, content, lang, &documents);
    let printed = (state.printing)
        .and_then(|at| documents.get(at))
        .map(|(doc, _)| {
            format!(
                "<h2>{}</h2>{}",
                draft::escape(&doc.title),
                draft::html(&doc.blocks)
            )
        });
    html! {
        <section class="documents" aria-labelledby={id("documents")} data-documents="" {onclick} {oninput}>
            <h3 id={id("documents")}>{ t.title }</h3>
            <p class="no-print">{ t.lead }</p>
            <form class="calc no-print" data-calc-form="" aria-labelledby={id("calc")} {onsubmit}>
                { input(t.product.into(), "product".into(), &state.product, false) }
                <p class="hint">{ t.product_hint }</p>
                <h4 id={id("calc")}>{ t.calc_title }</h4>
                <p class="hint">{ t.calc_lead }</p>
                <ol class="operations" data-operations="">
                for (i, op) in sheet.input.operations.iter().enumerate() {
                    <li data-operation={i.to_string()}>
                        for (name, value) in [("name", &op.name), ("staff", &op.staff), ("minutes", &op.minutes), ("per_year", &op.per_year)] {
                            { input(field_label(name, ja).into(), format!("operations[{i}].{name}"), value, name != "name") }
                        }
                        <button type="button" data-act={format!("remove:{i}")} aria-label={(t.remove_row)(i + 1)}>{ t.remove }</button>
                    </li>
                }
                </ol>
                <button type="button" data-act="add" disabled={sheet.input.operations.len() >= MAX_OPERATIONS}>{ t.add_row }</button>
                <div class="fields">
                for (name, value) in singles {
                    { input(field_label(name, ja).into(), name.into(), value, true) }
                }
                </div>
                <p class="hint">{ t.no_prices }</p>
                <button type="submit" class="primary" data-calculate="">{ t.calculate }</button>
                if !problems.is_empty() {
                    <div class="calc-errors" id={errors_id.clone()} role="alert" data-calc-errors="">
                        <p>{ t.fix }</p>
                        <ul>
                        for (_, say) in problems.iter() {
                            <li>{ say }</li>
                        }
                        </ul>
                    </div>
                }
                if let Some(r) = result {
                    <div class="calc-result" role="status" data-calc-result="">{ Html::from_html_unchecked(r.into()) }</div>
                }
                <label for={id("limit-kind")}>{ t.limit_kind }</label>
                <select id={id("limit-kind")} name="limit">
                for l in limits.iter() {
                    <option value={l.yen.to_string()} selected={limit == Some(l.yen.into())}>
                        { format!("{}: {}", content.text(&l.label, lang), draft::grouped(l.yen.into())) }
                    </option>
                }
                </select>
                { input(t.limit.into(), "limit".into(), &limit_text, true) }
                if limit.is_none() {
                    <p class="calc-errors" role="alert" data-limit-error="">{ t.bad_limit }</p>
                }
                <p class="hint">{ (t.limit_hint)(&draft::month(&book.procurement.checked, lang), content.text(&book.procurement.source, lang)) }</p>
            </form>
            <h4>{ t.drafts }</h4>
            { Html::from_html_unchecked(list.into()) }
            if let Some(p) = printed {
                <article class="draft-print" data-draft-print="">{ Html::from_html_unchecked(p.into()) }</article>
            }
        </section>
    }
}

/// The drafts as HTML: each with why it is offered, what it is for, who writes and reads it,
/// its buttons (answered by the section's one click listener) and its text folded.
fn drafts_html(
    t: &DocWords,
    content: &Questionnaire,
    lang: &str,
    docs: &[(Document, Vec<Reason>)],
) -> String {
    let mut out = String::from("<ul class=\"drafts\">");
    for (at, (doc, reasons)) in docs.iter().enumerate() {
        let title = draft::escape(&doc.title);
        out.push_str(&format!(
            "<li class=\"draft\" data-draft=\"{}\"><h5>{title}</h5>",
            doc.id
        ));
        if !reasons.is_empty() {
            out.push_str(&format!(
                "<p class=\"why\" data-recommended=\"\">{}</p>",
                draft::escape(&recommended(t, content, lang, reasons))
            ));
        }
        out.push_str(&draft::html(doc.blocks.iter().take(2)));
        out.push_str("<div class=\"nav no-print\">");
        for (act, label, aria) in [
            ("docx", t.word, t.word_of),
            ("md", "Markdown", t.markdown_of),
            ("print", t.print, t.print_of),
        ] {
            out.push_str(&format!(
                "<button type=\"button\" data-act=\"{act}:{at}\" aria-label=\"{}\">{label}</button>",
                draft::escape(&aria(&doc.title))
            ));
        }
        out.push_str(&format!(
            "</div><details class=\"no-print\"><summary>{}</summary><article class=\"draft-doc\">{}</article></details></li>",
            t.preview,
            draft::html(doc.blocks.iter().skip(2))
        ));
    }
    out.push_str("</ul>");
    out
}

/// Why a draft is offered first, in one line.
fn recommended(t: &DocWords, content: &Questionnaire, lang: &str, reasons: &[Reason]) -> String {
    let parts: Vec<String> = (reasons.iter())
        .map(|r| match r {
            Reason::Blocker(id) => (t.for_blocker)(
                (content.dimensions.iter())
                    .find(|d| &d.id == id)
                    .map_or("", |d| content.text(&d.label, lang)),
            ),
            Reason::Stage => t.for_stage.into(),
            Reason::Materials => t.for_materials.into(),
            Reason::Reader => t.for_reader.into(),
        })
        .collect();
    format!("{}{}", t.recommended, parts.join(t.sep))
}

const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

struct DocWords {
    title: &'static str,
    lead: &'static str,
    product: &'static str,
    product_hint: &'static str,
    calc_title: &'static str,
    calc_lead: &'static str,
    remove: &'static str,
    remove_row: fn(usize) -> String,
    add_row: &'static str,
    no_prices: &'static str,
    calculate: &'static str,
    fix: &'static str,
    limit_kind: &'static str,
    limit: &'static str,
    limit_hint: fn(&str, &str) -> String,
    bad_limit: &'static str,
    drafts: &'static str,
    recommended: &'static str,
    for_blocker: fn(&str) -> String,
    for_stage: &'static str,
    for_materials: &'static str,
    for_reader: &'static str,
    sep: &'static str,
    word: &'static str,
    word_of: fn(&str) -> String,
    markdown_of: fn(&str) -> String,
    print: &'static str,
    print_of: fn(&str) -> String,
    preview: &'static str,
}

static JA: DocWords = DocWords {
    title: "提出書類の下書きと費用対効果",
    lead: "集めた結果から、予算要求の説明資料などの下書きを作ります。費用対効果の計算機に入力した数字は、下書きの表に入ります。内容はこの端末の中だけで作られ、送信されません。",
    product: "検討中の製品名(任意)",
    product_hint: "下書きでは「ノーコードツール」と書き、製品名はここに入力したものだけを使います。",
    calc_title: "費用対効果の計算機",
    calc_lead: "対象業務ごとに、担当人数、1回あたりに減る時間、1人あたりの年間回数を入力してください。",
    remove: "削除",
    remove_row: |n| format!("{n}行目を削除"),
    add_row: "業務を追加",
    no_prices: "金額はすべて見積りや実績から入力してください。このページは価格を持っていません。",
    calculate: "計算する",
    fix: "次の項目を確かめてください。",
    limit_kind: "少額随意契約の上限の区分",
    limit: "上限額(円、編集できます)",
    limit_hint: |date, source| format!("{date}時点で確認した金額です。出典:{source}"),
    bad_limit: "上限額は1円以上の数字で入力してください。それまで、下書きの調達方法には見積額との比較が入りません。",
    drafts: "書類の下書き",
    recommended: "おすすめ:",
    for_blocker: |b| format!("主な課題「{b}」"),
    for_stage: "現在の導入段階",
    for_materials: "準備が必要な資料があります",
    for_reader: "あなたの立場に宛てた書類です",
    sep: "、",
    word: "Word(.docx)",
    word_of: |t| format!("{t}をWord形式で保存"),
    markdown_of: |t| format!("{t}をMarkdown形式で保存"),
    print: "印刷",
    print_of: |t| format!("{t}を印刷"),
    preview: "内容を見る",
};

static EN: DocWords = DocWords {
    title: "Drafts to submit, and cost and effect",
    lead: "Drafts of a budget request and other documents, made from the results gathered. The figures entered in the cost-effect calculator fill the drafts' tables. Everything is made on this device and sent nowhere.",
    product: "Product under consideration (optional)",
    product_hint: "The drafts say \"no-code tool\" and name only the product entered here.",
    calc_title: "Cost-effect calculator",
    calc_lead: "For each target operation, enter the staff doing it, the minutes saved each time and how often each of them does it a year.",
    remove: "Remove",
    remove_row: |n| format!("Remove row {n}"),
    add_row: "Add an operation",
    no_prices: "Enter every amount from quotes or records: this page holds no prices.",
    calculate: "Calculate",
    fix: "Please check:",
    limit_kind: "Small-amount discretionary contract limit",
    limit: "Limit (yen, editable)",
    limit_hint: |date, source| format!("As checked in {date}. Source: {source}"),
    bad_limit: "Enter the limit as a number of yen above zero. Until then the drafts' procurement route does not compare the estimate with it.",
    drafts: "Drafts",
    recommended: "Suggested: ",
    for_blocker: |b| format!("main problem \"{b}\""),
    for_stage: "the current stage of adoption",
    for_materials: "materials still to prepare",
    for_reader: "addressed to your role",
    sep: "; ",
    word: "Word (.docx)",
    word_of: |t| format!("Save {t} as Word"),
    markdown_of: |t| format!("Save {t} as Markdown"),
    print: "Print",
    print_of: |t| format!("Print {t}"),
    preview: "Show the draft",
};
