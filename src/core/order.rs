//! A small stable sort for the short lists the engine orders (reasons, blockers, plan steps).
//!
//! The standard library's stable sort is excellent for long slices but adds several kilobytes of
//! wasm per element type; these lists hold tens of items, where insertion sort is as fast and its
//! code is a few dozen bytes.

/// Sorts `items` so that `a` comes before `b` whenever `before(a, b)`; items neither before the
/// other keep their order.
pub fn sort_stable_by<T>(items: &mut [T], mut before: impl FnMut(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && before(&items[j], &items[j - 1]) {
            items.swap(j, j - 1);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::sort_stable_by;

    #[test]
    fn sorts_and_keeps_ties_in_order() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_stable_by(&mut v, |a, b| a.0 > b.0);
        assert_eq!(v, [(3, 'a'), (3, 'c'), (2, 'd'), (1, 'b'), (1, 'e')]);
        let mut empty: Vec<u8> = Vec::new();
        sort_stable_by(&mut empty, |a, b| a < b);
        assert!(empty.is_empty());
    }
}
