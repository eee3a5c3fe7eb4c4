//! Taking the result away, all on the device: file downloads, the clipboard, printing, reading
//! a file the user picks, and the browser's own record of network requests.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Offers `text` as a file download (a local `blob:` URL; nothing is sent anywhere).
pub fn download(filename: &str, mime: &str, text: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    a.set_href(&url);
    a.set_download(filename);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Some(())
}

/// Copies `text` to the clipboard. Uses the Clipboard API where the page is a secure context
/// (file:// and https), and the older selection-and-copy command on plain-http intranet servers.
pub async fn copy(text: String) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    if window.is_secure_context() {
        let clipboard = window.navigator().clipboard();
        if JsFuture::from(clipboard.write_text(&text)).await.is_ok() {
            return true;
        }
    }
    copy_with_selection(&window, &text).unwrap_or(false)
}

fn copy_with_selection(window: &web_sys::Window, text: &str) -> Option<bool> {
    let document = window.document()?;
    let area: web_sys::HtmlTextAreaElement =
        document.create_element("textarea").ok()?.dyn_into().ok()?;
    area.set_value(text);
    area.set_attribute("readonly", "").ok()?;
    area.set_attribute("aria-hidden", "true").ok()?;
    document.body()?.append_child(&area).ok()?;
    area.select();
    let ok = document
        .dyn_ref::<web_sys::HtmlDocument>()?
        .exec_command("copy")
        .unwrap_or(false);
    area.remove();
    Some(ok)
}

pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Today's date, `YYYY-MM-DD`, and the current instant in ISO 8601, from the browser's clock.
pub fn now() -> (String, String) {
    let d = js_sys::Date::new_0();
    let iso: String = d.to_iso_string().into();
    let local = format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    );
    (local, iso)
}

/// The text of the file the user picked in an `<input type="file">`.
pub async fn read_file(input: &web_sys::HtmlInputElement) -> Option<String> {
    let file = input.files()?.get(0)?;
    JsFuture::from(file.text()).await.ok()?.as_string()
}

/// Every resource the page has loaded since it opened, from the browser's own Resource Timing
/// record (the page's own navigation is not a resource entry).
pub fn requests_made() -> Vec<String> {
    let Some(perf) = web_sys::window().and_then(|w| w.performance()) else {
        return Vec::new();
    };
    perf.get_entries_by_type("resource")
        .iter()
        .filter_map(|e| e.dyn_into::<web_sys::PerformanceEntry>().ok())
        .map(|e| e.name())
        .collect()
}
