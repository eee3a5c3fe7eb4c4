//! Classification: which blockers are primary, and how all of them group for the result.

use super::content::Content;
use super::scoring::DimensionScore;

/// The overall reading of a diagnosis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// At least one dimension is above the lowest band.
    Blocked,
    /// Every scored dimension is in the lowest band, and enough of them were scored to say so.
    Healthy,
    /// Too few dimensions could be scored to say anything.
    Insufficient,
}

/// The classification of a set of scores.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Classification {
    pub verdict: Verdict,
    /// Primary blockers (dimension ids), most severe first.
    pub primary: Vec<String>,
    /// How many more blockers were as strong as the primary ones (within the margin, or in the
    /// top band) but left out by `max_primary`: the result says so rather than implying the
    /// questionnaire's order is a ranking.
    pub also: u32,
    /// Every scored dimension, highest score first; ties keep content order.
    pub ranked: Vec<String>,
    /// For each group of the content, in order: its id and its dimensions in content order.
    pub groups: Vec<(String, Vec<String>)>,
}

/// Classifies `scores` (as returned by [`super::scoring::score`] for the same content).
///
/// Primary blockers are the scored dimensions above the lowest band whose score is within
/// `primary_margin` points of the highest or in the highest band (a serious blocker is a main one
/// even behind a worse one), at most `max_primary` of them. Ties on score are broken
/// by content order, so the same answers always give the same primary blockers.
pub fn classify(content: &Content, scores: &[DimensionScore]) -> Classification {
    let mut scored: Vec<(usize, u32, usize)> = scores
        .iter()
        .enumerate()
        .filter_map(|(i, s)| Some((i, s.score?, s.band?)))
        .collect();
    // Highest score first; equal scores keep content order (the list is built in that order).
    super::order::sort_stable_by(&mut scored, |a, b| a.1 > b.1);
    let ranked: Vec<String> = scored
        .iter()
        .map(|&(i, ..)| scores[i].dimension.clone())
        .collect();
    let top = scored.iter().find(|s| s.2 > 0).map(|s| s.1);
    let candidates: Vec<String> = match top {
        Some(top) => scored
            .iter()
            .filter(|&&(_, score, band)| {
                band > 0
                    && (score + content.primary_margin >= top || band + 1 == content.bands.len())
            })
            .map(|&(i, ..)| scores[i].dimension.clone())
            .collect(),
        None => Vec::new(),
    };
    let max = content.max_primary.max(1) as usize;
    let also = candidates.len().saturating_sub(max) as u32;
    let mut primary = candidates;
    primary.truncate(max);
    // Half the dimensions scored is the least that lets "nothing holds you back" be said honestly.
    let verdict = if !primary.is_empty() {
        Verdict::Blocked
    } else if scored.len() * 2 >= scores.len().max(1) {
        Verdict::Healthy
    } else {
        Verdict::Insufficient
    };
    let groups = content
        .groups
        .iter()
        .map(|g| {
            let dims = content
                .dimensions
                .iter()
                .filter(|d| d.group == g.id)
                .map(|d| d.id.clone())
                .collect();
            (g.id.clone(), dims)
        })
        .collect();
    Classification {
        verdict,
        primary,
        also,
        ranked,
        groups,
    }
}
