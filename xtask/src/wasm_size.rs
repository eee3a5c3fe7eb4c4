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
    /// Functions defined in the module, by index (the index space starts after the imports).
    imported_functions: usize,
    defined: Vec<(String, usize)>,
}

impl Breakdown {
    /// The crates that own the functions at these indices of the function index space (imports
    /// first, as V8 numbers them), as (crate, body bytes, functions), largest first. Indices of
    /// imports or beyond the module are left out.
    pub fn crates_of(&self, indices: &[usize]) -> Vec<(String, usize, usize)> {
        tally(indices.iter().filter_map(|i| {
            let (name, len) = self.defined.get(i.checked_sub(self.imported_functions)?)?;
            Some((name.as_str(), *len))
        }))
    }
}

/// (crate, body bytes, functions), largest first.
fn tally<'a>(functions: impl Iterator<Item = (&'a str, usize)>) -> Vec<(String, usize, usize)> {
    let mut by_crate: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (n, len) in functions {
        let e = by_crate.entry(crate_of(n)).or_default();
        e.0 += len;
        e.1 += 1;
    }
    let mut crates: Vec<(String, usize, usize)> =
        by_crate.into_iter().map(|(k, (b, n))| (k, b, n)).collect();
    crates.sort_by_key(|c| std::cmp::Reverse(c.1));
    crates
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
    let defined: Vec<(String, usize)> = bodies
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
    let mut functions = defined.clone();
    functions.sort_by_key(|f| std::cmp::Reverse(f.1));
    let crates = tally(defined.iter().map(|(n, len)| (n.as_str(), *len)));
    Some(Breakdown {
        total: wasm.len(),
        code,
        data,
        functions,
        crates,
        imported_functions,
        defined,
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
    // Functions without a name get `func[N]`; wasm-bindgen's shims around exports are named after
    // the export (`mount externref shim`), with no path.
    if s.starts_with("func[") {
        return "(unnamed)".to_string();
    }
    if !s.contains("::") && s.ends_with(" shim") {
        return "wasm-bindgen glue".to_string();
    }
    let first = s.split("::").next().unwrap_or(s);
    let first = first.split(['[', '<', ' ', '>']).next().unwrap_or(first);
    match first {
        "" => "(unnamed)".to_string(),
        f if f.starts_with("__wbg") || f.starts_with("__wbindgen") => {
            "wasm-bindgen glue".to_string()
        }
        f if [
            "dlmalloc",
            "__rustc",
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
    use super::{analyse, crate_of};

    /// A module with one imported function and two defined ones, named in its name section.
    fn module() -> Vec<u8> {
        let section = |id: u8, body: &[u8]| [&[id, body.len() as u8][..], body].concat();
        let import = section(2, &[1, 1, b'm', 1, b'f', 0, 0]); // "m"."f", a function of type 0
        let bodies = section(10, &[2, 2, 0, 0x0b, 4, 0, 1, 1, 0x0b]); // 2 bodies: 2 and 4 bytes
        let names: Vec<u8> = [
            &[1u8, 20, 3][..],
            &[0, 3, b'm', b':', b'f'],
            &[1, 5, b'a', b':', b':', b'x', b'0'],
            &[2, 5, b'b', b':', b':', b'y', b'1'],
        ]
        .concat();
        let name = section(0, &[&[4u8, b'n', b'a', b'm', b'e'][..], &names].concat());
        [&b"\0asm\x01\0\0\0"[..], &import, &bodies, &name].concat()
    }

    #[test]
    fn indices_count_the_imports_first() {
        let b = analyse(&module()).expect("the test module parses");
        assert_eq!(b.crates_of(&[2]), vec![("b".to_string(), 4, 1)]);
        assert_eq!(
            b.crates_of(&[0, 1, 2, 9]),
            vec![("b".to_string(), 4, 1), ("a".to_string(), 2, 1)]
        );
    }

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
        assert_eq!(crate_of("func[1366]"), "(unnamed)");
        assert_eq!(crate_of("mount externref shim"), "wasm-bindgen glue");
        assert_eq!(
            crate_of("wasm_bindgen::convert::closures::_::invoke::h4 externref shim"),
            "wasm-bindgen"
        );
    }
}
