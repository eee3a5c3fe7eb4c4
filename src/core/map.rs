//! Small maps and sets keyed by text (languages, dimension ids, question ids), kept sorted in a
//! `Vec`.
//!
//! Why not `BTreeMap`/`BTreeSet`: every key/value type instantiates the B-tree's node code again
//! (measured: 35 KB of the wasm for five instantiations), while these collections hold two
//! languages, a handful of weights, or at most a few hundred answers. Sorted order is kept so
//! that iteration, exports and the fingerprint are the same as with a B-tree.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A map from text keys to `V`, iterated in key order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Map<V> {
    entries: Vec<(String, V)>,
}

impl<V> Default for Map<V> {
    fn default() -> Self {
        Map {
            entries: Vec::new(),
        }
    }
}

impl<V> Map<V> {
    pub fn new() -> Self {
        Self::default()
    }

    fn find(&self, key: &str) -> Result<usize, usize> {
        self.entries.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    pub fn get(&self, key: &str) -> Option<&V> {
        self.find(key).ok().map(|i| &self.entries[i].1)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }

    /// The place of `key` among the entries (in key order), if it is there.
    pub fn index_of(&self, key: &str) -> Option<usize> {
        self.find(key).ok()
    }

    /// The value at `index` in key order (see [`Map::index_of`]).
    pub fn value_at(&self, index: usize) -> Option<&V> {
        self.entries.get(index).map(|(_, v)| v)
    }

    /// Keeps only the entries for which `keep(key, value)` holds, asked of each entry once, in
    /// key order.
    pub fn retain(&mut self, mut keep: impl FnMut(&str, &V) -> bool) {
        self.entries.retain(|(k, v)| keep(k, v));
    }

    /// Sets `key` to `value`, returning the value it replaces.
    pub fn insert(&mut self, key: String, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(i) => Some(std::mem::replace(&mut self.entries[i].1, value)),
            Err(i) => {
                self.entries.insert(i, (key, value));
                None
            }
        }
    }

    pub fn remove(&mut self, key: &str) -> Option<V> {
        self.find(key).ok().map(|i| self.entries.remove(i).1)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Entries in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &V)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.entries.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.entries.iter().map(|(_, v)| v)
    }

    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {
        self.entries.iter_mut().map(|(_, v)| v)
    }
}

impl<V> FromIterator<(String, V)> for Map<V> {
    fn from_iter<I: IntoIterator<Item = (String, V)>>(iter: I) -> Self {
        let mut map = Map::new();
        for (k, v) in iter {
            map.insert(k, v);
        }
        map
    }
}

impl<'a, V> IntoIterator for &'a Map<V> {
    type Item = (&'a String, &'a V);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (String, V)>,
        fn(&'a (String, V)) -> (&'a String, &'a V),
    >;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(|(k, v)| (k, v))
    }
}

impl<V> IntoIterator for Map<V> {
    type Item = (String, V);
    type IntoIter = std::vec::IntoIter<(String, V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

/// Written as a JSON object, as a `BTreeMap` would be.
impl<V: Serialize> Serialize for Map<V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

/// For the native tests' reference reader (serde_json); the widget reads with `core::read`.
impl<'de, V: Deserialize<'de>> Deserialize<'de> for Map<V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let entries = std::collections::BTreeMap::<String, V>::deserialize(d)?;
        Ok(entries.into_iter().collect())
    }
}

/// A set of texts (ticked checklist items), iterated in order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Set(Map<()>);

impl Set {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `item`; false if it was there already.
    pub fn insert(&mut self, item: String) -> bool {
        self.0.insert(item, ()).is_none()
    }

    /// Removes `item`; false if it was not there.
    pub fn remove(&mut self, item: &str) -> bool {
        self.0.remove(item).is_some()
    }

    pub fn contains(&self, item: &str) -> bool {
        self.0.contains_key(item)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &String> {
        self.0.keys()
    }
}

impl FromIterator<String> for Set {
    fn from_iter<I: IntoIterator<Item = String>>(iter: I) -> Self {
        Set(iter.into_iter().map(|k| (k, ())).collect())
    }
}
