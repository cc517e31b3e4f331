//! Matching the phrases of a [`Vocabulary`](super::vocabulary::Vocabulary)
//! against text (syntax in that module).

use super::vocabulary::GAP;

/// The words of `text`: lower-cased, split at every run of characters that
/// are not letters or digits.
pub(crate) fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Where a phrase matched: words `start..end`, and how many words it has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Match {
    pub start: usize,
    pub end: usize,
    pub weight: usize,
}

impl Match {
    fn overlaps(&self, other: &Match) -> bool {
        self.start < other.end && other.start < self.end
    }
}

fn word_matches(pattern: &str, word: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => word.starts_with(prefix),
        None => word == pattern,
    }
}

/// The end (exclusive) of the shortest match of `pattern` (already split) at
/// `at`, the previous pattern word having matched just before `at`.
fn match_rest(words: &[String], at: usize, pattern: &[&str]) -> Option<usize> {
    let Some((&first, rest)) = pattern.split_first() else {
        return Some(at);
    };
    if first == ".." {
        let (&next, rest) = rest.split_first()?;
        return (at..words.len().min(at + GAP + 1))
            .filter(|&i| word_matches(next, &words[i]))
            .find_map(|i| match_rest(words, i + 1, rest));
    }
    let word = words.get(at)?;
    if word_matches(first, word) {
        match_rest(words, at + 1, rest)
    } else {
        None
    }
}

/// Every match of `phrase` in `words`, at most one per starting word.
pub(crate) fn find(words: &[String], phrase: &str) -> Vec<Match> {
    let pattern: Vec<&str> = phrase.split_whitespace().collect();
    let weight = pattern.iter().filter(|w| **w != "..").count();
    let Some((&first, rest)) = pattern.split_first() else {
        return Vec::new();
    };
    (0..words.len())
        .filter(|&i| word_matches(first, &words[i]))
        .filter_map(|i| {
            match_rest(words, i + 1, rest).map(|end| Match {
                start: i,
                end,
                weight,
            })
        })
        .collect()
}

/// Every match of any of `phrases`.
pub(crate) fn find_all(words: &[String], phrases: &[&str]) -> Vec<Match> {
    phrases.iter().flat_map(|p| find(words, p)).collect()
}

/// The matches of `phrases` not masked by one of `masks` (a mask overlapping
/// a match with at least its number of words).
pub(crate) fn unmasked(words: &[String], phrases: &[&str], masks: &[Match]) -> Vec<Match> {
    find_all(words, phrases)
        .into_iter()
        .filter(|m| !masks.iter().any(|k| k.overlaps(m) && k.weight >= m.weight))
        .collect()
}

/// True when any of `phrases` occurs in `text`.
pub(crate) fn mentions(text: &str, phrases: &[&str]) -> bool {
    let words = words(text);
    phrases.iter().any(|p| !find(&words, p).is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, phrase: &str) -> Vec<(usize, usize)> {
        find(&words(text), phrase)
            .iter()
            .map(|m| (m.start, m.end))
            .collect()
    }

    #[test]
    fn words_prefixes_and_gaps() {
        assert_eq!(
            words("Co-design, CO_DESIGN!"),
            ["co", "design", "co", "design"]
        );
        assert_eq!(at("Volunteering at the library", "volunteer*"), [(0, 1)]);
        assert!(at("a volunteer", "volunteering").is_empty());
        assert_eq!(
            at("how the money should be spent", "money .. spent"),
            [(2, 6)]
        );
        // More than GAP words apart: no match.
        assert!(at("money a b c d spent", "money .. spent").is_empty());
        assert_eq!(at("rate it, rate it", "rate"), [(0, 1), (2, 3)]);
    }

    #[test]
    fn masks_need_overlap_and_weight() {
        let w = words("planning permission and community planning");
        let masks = find_all(&w, &["planning permission"]);
        let got: Vec<usize> = unmasked(&w, &["planning", "community planning"], &masks)
            .iter()
            .map(|m| m.start)
            .collect();
        assert_eq!(got, [4, 3]);
        let masks = find_all(&w, &["and"]);
        assert_eq!(unmasked(&w, &["and community"], &masks).len(), 1);
    }
}
