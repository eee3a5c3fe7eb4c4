//! Where the wasm's bytes go: code size per function and per crate, from the module's own name
//! section (read from a copy optimised with names kept), plus the data segments.

use std::collections::BTreeMap;

/// Sizes read from a module.
pub struct Breakdown {
    pub total: usize,
    pub code: usize,
    pub data: usize,
    /// (function name, body bytes), largest first.
    pub functions: Vec<(String, usize)>,
    /// (crate, body bytes, functions), largest first.
    pub crates: Vec<(String, usize, usize)>,
}

fn leb(b: &[u8], pos: &mut usize) -> Option<u64> {
    let (mut v, mut shift) = (0u64, 0);
    loop {
        let byte = *b.get(*pos)?;
        *pos += 1;
        v |= ((byte & 0x7f) as u64) << shift;
        if byte & 0x80 == 0 {
            return Some(v);
        }
        shift += 7;
    }
}

fn name(b: &[u8], pos: &mut usize) -> Option<String> {
    let len = leb(b, pos)? as usize;
    let s = String::from_utf8_lossy(b.get(*pos..*pos + len)?).into_owned();
    *pos += len;
    Some(s)
}

pub fn analyse(wasm: &[u8]) -> Option<Breakdown> {
    let mut pos = 8; // magic and version
    let mut imported_functions = 0usize;
    let mut bodies: Vec<usize> = Vec::new();
    let mut names: BTreeMap<usize, String> = BTreeMap::new();
    let (mut code, mut data) = (0, 0);
    while pos < wasm.len() {
        let id = wasm[pos];
        pos += 1;
        let size = leb(wasm, &mut pos)? as usize;
        let end = pos + size;
        let mut p = pos;
        match id {
            2 => {
                // Imports: count the functions (kind 0) to offset the function index space.
                for _ in 0..leb(wasm, &mut p)? {
                    name(wasm, &mut p)?;
                    name(wasm, &mut p)?;
                    let kind = wasm[p];
                    p += 1;
                    match kind {
                        0 => {
                            leb(wasm, &mut p)?;
                            imported_functions += 1;
                        }
                        1 => {
                            p += 1;
                            let flags = leb(wasm, &mut p)?;
                            leb(wasm, &mut p)?;
                            if flags & 1 == 1 {
                                leb(wasm, &mut p)?;
                            }
                        }
                        2 => {
                            let flags = leb(wasm, &mut p)?;
                            leb(wasm, &mut p)?;
                            if flags & 1 == 1 {
                                leb(wasm, &mut p)?;
                            }
                        }
                        3 => p += 2,
                        _ => leb(wasm, &mut p).map(|_| ())?,
                    }
                }
            }
            10 => {
                code = size;
                for _ in 0..leb(wasm, &mut p)? {
                    let len = leb(wasm, &mut p)? as usize;
                    bodies.push(len);
                    p += len;
                }
            }
            11 => data = size,
            0 if name(wasm, &mut p)? == "name" => {
                while p < end {
                    let sub = wasm[p];
                    p += 1;
                    let len = leb(wasm, &mut p)? as usize;
                    let sub_end = p + len;
                    if sub == 1 {
                        for _ in 0..leb(wasm, &mut p)? {
                            let idx = leb(wasm, &mut p)? as usize;
                            names.insert(idx, name(wasm, &mut p)?);
                        }
                    }
                    p = sub_end;
                }
            }
            _ => {}
        }
        pos = end;
    }
    let mut functions: Vec<(String, usize)> = bodies
        .iter()
        .enumerate()
        .map(|(i, &len)| {
            (
                names
                    .get(&(i + imported_functions))
                    .cloned()
                    .unwrap_or_else(|| format!("func[{i}]")),
                len,
            )
        })
        .collect();
    functions.sort_by_key(|f| std::cmp::Reverse(f.1));
    let mut by_crate: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (n, len) in &functions {
        let e = by_crate.entry(crate_of(n)).or_default();
        e.0 += len;
        e.1 += 1;
    }
    let mut crates: Vec<(String, usize, usize)> =
        by_crate.into_iter().map(|(k, (b, n))| (k, b, n)).collect();
    crates.sort_by_key(|c| std::cmp::Reverse(c.1));
    Some(Breakdown {
        total: wasm.len(),
        code,
        data,
        functions,
        crates,
    })
}

/// The crate a (demangled) function name belongs to: the first path segment, looking through
/// `<T as Trait>` and `drop_in_place<T>` to the type that owns the code.
pub fn crate_of(name: &str) -> String {
    let mut s = name;
    for prefix in ["core::ptr::drop_in_place<", "<", "&", "dyn ", "mut "] {
        while let Some(rest) = s.strip_prefix(prefix) {
            s = rest;
        }
    }
    let first = s.split("::").next().unwrap_or(s);
    let first = first.split(['[', '<', ' ', '>']).next().unwrap_or(first);
    match first {
        "" => "(unnamed)".to_string(),
        f if f.starts_with("__wbg") || f.starts_with("__wbindgen") => {
            "wasm-bindgen glue".to_string()
        }
        f if f.starts_with("func[") => "(unnamed)".to_string(),
        f if [
            "dlmalloc",
            "alloc",
            "core",
            "std",
            "compiler_builtins",
            "memcpy",
            "memset",
            "memmove",
            "memcmp",
        ]
        .contains(&f) =>
        {
            "Rust standard library".to_string()
        }
        f => f.replace('_', "-"),
    }
}

#[cfg(test)]
mod tests {
    use super::crate_of;

    #[test]
    fn crates_from_names() {
        assert_eq!(crate_of("core::fmt::write::h1"), "Rust standard library");
        assert_eq!(
            crate_of(
                "<yew::html::listener::events::onclick::Wrapper as yew::Listener>::passive::h"
            ),
            "yew"
        );
        assert_eq!(
            crate_of("core::ptr::drop_in_place<kintone_diagnosis::ui::app::App>::h"),
            "kintone-diagnosis"
        );
        assert_eq!(
            crate_of("serde_wasm_bindgen::de::Deserializer::h"),
            "serde-wasm-bindgen"
        );
    }
}
