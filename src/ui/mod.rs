//! The yew widget's entry point: `mount`, called by the boot script (www/element.js) with the
//! options of `contract::option`, reads the questionnaire and renders the page (the
//! respondent's) as the root, or the questionnaire's problems in its place.

// The respondent's page and the office page are two builds of one crate (the `office` feature):
// each module holds only the code of the page it builds.
#[cfg(not(feature = "office"))]
mod components;
// The office page uses the downloads, printing and the clock, not the rest.
#[cfg_attr(feature = "office", allow(dead_code))]
mod io;
#[cfg(feature = "office")]
mod office;
#[cfg(not(feature = "office"))]
mod respondent;
#[cfg(not(feature = "office"))]
mod state;
#[cfg(not(feature = "office"))]
mod storage;
#[cfg(not(feature = "office"))]
mod take_away;
#[cfg(not(feature = "office"))]
mod text;

use crate::contract::{self, option};
#[cfg(not(feature = "shipped-only"))]
use crate::core::validate;
use crate::core::{Content, Questionnaire};
#[cfg(not(feature = "office"))]
use components::result::Contact;
#[cfg(not(feature = "office"))]
use state::ContentRef;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
#[cfg(not(feature = "office"))]
use yew::prelude::*;

/// Mounts a widget into `root`. `options` is a plain object of `contract::option`'s names (all
/// optional): `lang` (a primary language subtag, normalised by the boot script), `content`
/// (questionnaire JSON text), `contentMissing` (id of a content element that was not found),
/// `storage` ("local" | "off"), `storageKey` (namespace), `start` ("intro" | "questions"),
/// `contactHref`, `contactLabel`, `contactText`, `contactPosition` ("after-main" | "end"),
/// `results` ("host": the host forwards results), `resultsTo` (who receives them), `onComplete`
/// (function called with the result export),
/// `instance` (unique id on the page), `io` (the boot script's helpers).
///
/// Never throws for bad content: the problems are shown inside the widget instead.
#[cfg(not(feature = "office"))]
#[wasm_bindgen]
pub fn mount(root: web_sys::Element, options: JsValue) {
    let get = |key: &str| option_text(&options, key);
    let instance: AttrValue = get(option::INSTANCE)
        .unwrap_or_else(|| contract::ROOT_CLASS.into())
        .into();
    let loaded = match get(option::CONTENT_MISSING) {
        Some(id) => Err(vec![format!(
            "content: no <script type=\"application/json\"> element with id '{id}' on this page"
        )]),
        // The shipped questionnaire is validated by a native test; only others are checked here.
        None => match get(option::CONTENT) {
            #[cfg(not(feature = "shipped-only"))]
            Some(json) => load_content(&json, true),
            // The single-file page carries no checker: another questionnaire is refused, not run
            // unchecked.
            #[cfg(feature = "shipped-only")]
            Some(_) => Err(vec![contract::SHIPPED_ONLY.to_string()]),
            None => load_content(crate::SHIPPED_CONTENT, false),
        },
    };
    let lang = get(option::LANG);
    match loaded {
        Ok(content) => {
            let lang = lang
                .filter(|l| content.languages.contains(l))
                .or_else(|| content.languages.first().cloned())
                .unwrap_or_default();
            let questionnaire = Questionnaire::new(content);
            let storage_on = get(option::STORAGE).as_deref() != Some(contract::STORAGE_OFF);
            let namespace =
                get(option::STORAGE_KEY).unwrap_or_else(|| contract::DEFAULT_NAMESPACE.into());
            let store = storage::Store::open(storage_on, &namespace, &questionnaire);
            // The host's words, trimmed and within a line's length; a blank one is none.
            let words = |key: &str, most: usize| {
                get(key)
                    .map(|s| crate::core::validate::excerpt(s.trim(), most))
                    .filter(|s| !s.is_empty())
            };
            let contact = get(option::CONTACT_HREF)
                .filter(|h| {
                    let h = h.to_ascii_lowercase();
                    ["https://", "http://", "mailto:", "/", "#"]
                        .iter()
                        .any(|p| h.starts_with(p))
                        // "//host" and "/\host" leave the site, as "/path" does not.
                        && !h.starts_with("//")
                        && !h.starts_with("/\\")
                })
                .map(|h| Contact {
                    href: h.into(),
                    label: words(option::CONTACT_LABEL, 60).map(AttrValue::from),
                    text: words(option::CONTACT_TEXT, 200).map(AttrValue::from),
                    at_end: get(option::CONTACT_POSITION).as_deref()
                        == Some(contract::CONTACT_AT_END),
                });
            let forward = (get(option::RESULTS).as_deref() == Some(contract::RESULTS_HOST))
                .then(|| words(option::RESULTS_TO, 80).unwrap_or_default().into());
            let on_complete = js_sys::Reflect::get(&options, &option::ON_COMPLETE.into())
                .ok()
                .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
            let page = respondent::RespondentProps {
                content: ContentRef(Rc::new(questionnaire)),
                lang: lang.into(),
                instance,
                store,
                skip_intro: get(option::START).as_deref() == Some(contract::START_AT_QUESTIONS),
                contact,
                forward,
                on_complete,
                io: js_sys::Reflect::get(&options, &option::IO.into())
                    .unwrap_or(JsValue::UNDEFINED),
            };
            yew::Renderer::<respondent::Respondent>::with_root_and_props(root, page).render();
        }
        Err(problems) => {
            let lang = lang.filter(|l| l == "en").unwrap_or_else(|| "ja".into());
            content_errors(&root, &problems, &lang);
        }
    }
}

/// Mounts the office page into `root` (the `office` build): the shipped questionnaire and the
/// office guide, both checked by native tests. Options: `lang`, `instance`, `io`.
#[cfg(feature = "office")]
#[wasm_bindgen]
pub fn mount(root: web_sys::Element, options: JsValue) {
    let get = |key: &str| option_text(&options, key);
    let content = load_content(crate::OFFICE_CONTENT, false).and_then(|c| {
        let problems = |p: Vec<crate::core::Problem>| -> Vec<String> {
            p.iter().map(ToString::to_string).collect()
        };
        let guide = crate::core::read::guide(crate::OFFICE_GUIDE).map_err(problems)?;
        let drafts = crate::core::read::drafts(crate::OFFICE_DRAFTS).map_err(problems)?;
        Ok((c, guide, drafts))
    });
    let lang = get(option::LANG)
        .filter(|l| l == "en")
        .unwrap_or_else(|| "ja".into());
    match content {
        Ok((content, guide, drafts)) => {
            let page = office::OfficeProps {
                content: Rc::new(Questionnaire::with_fingerprint(
                    content,
                    crate::SHIPPED_FINGERPRINT,
                )),
                guide: Rc::new(guide),
                drafts: Rc::new(drafts),
                lang: lang.into(),
                instance: get(option::INSTANCE)
                    .unwrap_or_else(|| contract::ROOT_CLASS.into())
                    .into(),
                io: js_sys::Reflect::get(&options, &option::IO.into())
                    .unwrap_or(JsValue::UNDEFINED),
            };
            yew::Renderer::<office::Office>::with_root_and_props(root, page).render();
        }
        Err(problems) => content_errors(&root, &problems, &lang),
    }
}

/// The text of option `key`, if it is one.
fn option_text(options: &JsValue, key: &str) -> Option<String> {
    js_sys::Reflect::get(options, &key.into())
        .ok()
        .and_then(|v| v.as_string())
}

/// Reads questionnaire JSON and, unless it is the shipped content (checked by a native test),
/// validates it. Errors are lines of "path: message" (a JSON syntax error is
/// "JSON: line L, column C: message").
fn load_content(json: &str, check: bool) -> Result<Content, Vec<String>> {
    let content = crate::core::read::content(json)
        .map_err(|problems| problems.iter().map(ToString::to_string).collect::<Vec<_>>())?;
    #[cfg(not(feature = "shipped-only"))]
    let problems = if check {
        validate(&content)
    } else {
        Vec::new()
    };
    #[cfg(feature = "shipped-only")]
    let problems: Vec<crate::core::Problem> = {
        let _ = check;
        Vec::new()
    };
    if problems.is_empty() {
        Ok(content)
    } else {
        Err(problems.iter().map(ToString::to_string).collect())
    }
}

#[cfg(not(feature = "office"))]
/// Sets `window.__firstRender` once, when the first screen is on the page (the benchmark contract).
pub(crate) fn mark_first_render() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let key = JsValue::from_str(contract::FIRST_RENDER_MARK);
    if js_sys::Reflect::get(&window, &key)
        .map(|v| v.is_undefined())
        .unwrap_or(false)
    {
        if let Some(p) = window.performance() {
            let _ = js_sys::Reflect::set(&window, &key, &JsValue::from_f64(p.now()));
        }
    }
}

/// Shown instead of the questionnaire when the content does not load: every problem, with its
/// path. Built with the DOM alone (text nodes, never markup): a yew component only for this
/// screen cost the widget 0.5 KB gzip.
fn content_errors(root: &web_sys::Element, problems: &[String], lang: &str) {
    #[cfg(not(feature = "office"))]
    let (title, lead) = {
        let t = text::ui(lang);
        (t.content_error_title, t.content_error_lead)
    };
    // The office page reads only what it ships with, checked by native tests: this is for a build
    // broken on the way.
    #[cfg(feature = "office")]
    let (title, lead) = match lang {
        "en" => (
            "The office page cannot open",
            "Its built-in content has problems:",
        ),
        _ => (
            "集計ページを開けません",
            "組み込みの内容に次の問題があります。",
        ),
    };
    let Some(doc) = root.owner_document() else {
        return;
    };
    root.set_text_content(None); // the "preparing" note

    let add = |parent: &web_sys::Element, tag: &str, text: &str| {
        let el = doc.create_element(tag).ok()?;
        if !text.is_empty() {
            el.set_text_content(Some(text));
        }
        parent.append_child(&el).ok()?;
        Some(el)
    };
    let Some(kd) = add(root, "div", "") else {
        return;
    };
    let _ = kd.set_attribute("class", contract::ROOT_CLASS);
    let _ = kd.set_attribute("lang", lang);
    let Some(section) = add(&kd, "section", "") else {
        return;
    };
    for (name, value) in [
        ("class", "content-errors"),
        ("role", "alert"),
        ("data-content-errors", ""),
    ] {
        let _ = section.set_attribute(name, value);
    }
    add(&section, "h2", title);
    add(&section, "p", lead);
    if let Some(list) = add(&section, "ul", "") {
        for p in problems {
            if let Some(item) = add(&list, "li", "") {
                add(&item, "code", p);
            }
        }
    }
}
