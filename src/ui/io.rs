//! Taking the result away, all on the device: file downloads, the clipboard, printing, reading
//! a file the user picks, and the browser's own record of network requests.

use crate::contract::io::{COPY_TEXT, PRINT, READ_TEXT, WATCH_STORAGE};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Offers `text` as a file download (a local `blob:` URL; nothing is sent anywhere).
pub fn download(filename: &str, mime: &str, text: &str) -> Option<()> {
    offer(filename, mime, &JsValue::from_str(text))
}

/// Offers `bytes` (a Word file) as a file download, as [`download`].
#[cfg(feature = "office")]
pub fn download_bytes(filename: &str, mime: &str, bytes: &[u8]) -> Option<()> {
    offer(filename, mime, &js_sys::Uint8Array::from(bytes))
}

fn offer(filename: &str, mime: &str, part: &JsValue) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let parts = js_sys::Array::of1(part);
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    a.set_href(&url);
    a.set_download(filename);
    a.click();
    // Let go of the bytes once the browser has surely begun saving them: revoked at once, the URL
    // can be gone before the download starts (seen with several Word files saved in a row).
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = web_sys::window()?
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 30_000);
    Some(())
}

/// The boot script's helper `io[name]`, if there is one (a bare `mount` call has none).
pub fn helper(io: &JsValue, name: &str) -> Option<js_sys::Function> {
    js_sys::Reflect::get(io, &JsValue::from_str(name))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
}

/// Calls the boot script's helper `io[name](arg, done)`; `done` receives what it calls back with.
/// Without the helper nothing happens.
fn call_io(io: &JsValue, name: &str, arg: &JsValue, done: impl FnOnce(JsValue) + 'static) {
    if let Some(f) = helper(io, name) {
        let _ = f.call2(io, arg, &Closure::once_into_js(done));
    }
}

/// Copies `text` to the clipboard (the boot script uses the Clipboard API where the page is a
/// secure context, and select-and-copy on plain-http intranet servers). `done` says whether it
/// worked.
pub fn copy(io: &JsValue, text: &str, done: impl FnOnce(bool) + 'static) {
    call_io(io, COPY_TEXT, &JsValue::from_str(text), move |ok| {
        done(ok.as_bool().unwrap_or(false))
    });
}

/// Calls `changed` once with the new text (`None`: removed), the next time another tab writes
/// or removes the storage `key`. (Once, and watched again by the caller: the one-shot callback
/// is the shape every other helper already uses, which keeps the wasm smaller.)
pub fn watch_storage(io: &JsValue, key: &str, changed: impl FnOnce(Option<String>) + 'static) {
    call_io(io, WATCH_STORAGE, &JsValue::from_str(key), move |v| {
        changed(v.as_string())
    });
}

/// Prints the report. The boot script prints the widget alone, from a hidden frame of its own, so
/// a host page's header and other sections stay off the paper; without it, the browser prints
/// the page.
pub fn print(io: &JsValue) {
    match helper(io, PRINT) {
        Some(f) => {
            let _ = f.call0(io);
        }
        None => {
            if let Some(w) = web_sys::window() {
                let _ = w.print();
            }
        }
    }
}

/// Today's date, `YYYY-MM-DD`, and the current instant in ISO 8601, from the browser's clock.
pub fn now() -> (String, String) {
    let d = js_sys::Date::new_0();
    let local = format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    );
    // The local time with its offset (ISO 8601), not UTC: a result made at 08:30 in Japan is
    // dated that day wherever its file is opened again, the day its date is read from.
    let offset = -(d.get_timezone_offset() as i32);
    let stamp = format!(
        "{local}T{:02}:{:02}:{:02}{}{:02}:{:02}",
        d.get_hours(),
        d.get_minutes(),
        d.get_seconds(),
        if offset < 0 { '-' } else { '+' },
        offset.abs() / 60,
        offset.abs() % 60
    );
    (local, stamp)
}

/// Reads the text of the file picked in an `<input type="file">`; `done` gets `None` when there
/// is no file or it cannot be read.
pub fn read_file(
    io: &JsValue,
    input: &web_sys::HtmlInputElement,
    done: impl FnOnce(Option<String>) + 'static,
) {
    match input.files().and_then(|files| files.get(0)) {
        Some(file) => call_io(io, READ_TEXT, &file, move |text| done(text.as_string())),
        None => done(None),
    }
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
