//! Plain-language pieces of names and briefs: a question in its own words,
//! lists joined as people write them, ordinals in words.

use super::recognise::split_grid;

/// A question's own words for a name: a grid header's row (the stem is shared
/// by every row), underscores and camelCase read as spaces (except the
/// underscore of a code such as `Q2_4`), trimmed.
pub(crate) fn question_words(question: &str) -> String {
    let text = split_grid(question).map_or(question, |(_, row)| row);
    let mut out = String::new();
    let mut previous: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        // `Q2_4` is a tool's code for a grid row: kept whole, or a name
        // would end in a bare number ("Very high Q2 4") that reads as a
        // counter. `rate_marriage` reads as words.
        let code = previous.is_some_and(|p| p.is_ascii_alphanumeric())
            && chars.peek().is_some_and(|n| n.is_ascii_digit());
        let c = if c == '_' && !code { ' ' } else { c };
        if let Some(p) = previous
            && p.is_lowercase()
            && c.is_uppercase()
        {
            out.push(' ');
        }
        out.push(c);
        previous = Some(c);
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` with its first letter lower-cased, unless it looks like a name or
/// an acronym (a capital or digit after the first letter of the first word,
/// or another word capitalised).
pub(crate) fn lower_first(text: &str) -> String {
    let mut words = text.split_whitespace();
    let first_word = words.next().unwrap_or("");
    let keep = first_word
        .chars()
        .skip(1)
        .any(|c| c.is_uppercase() || c.is_numeric())
        || words.any(|w| w.chars().next().is_some_and(char::is_uppercase));
    let mut chars = text.chars();
    match chars.next() {
        Some(c) if !keep => c.to_lowercase().chain(chars).collect(),
        _ => text.to_string(),
    }
}

/// `text` with its first letter upper-cased.
pub(crate) fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "a", "a and b", "a, b and c".
pub(crate) fn and_list(items: &[String]) -> String {
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

/// "second", "third", ... in words (1 is "first"); past twentieth, "another".
pub(crate) fn ordinal(n: usize) -> &'static str {
    const WORDS: [&str; 20] = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
    ];
    n.checked_sub(1)
        .and_then(|i| WORDS.get(i))
        .copied()
        .unwrap_or("another")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_words() {
        assert_eq!(question_words("rate_marriage"), "rate marriage");
        assert_eq!(question_words("selfLR"), "self LR");
        assert_eq!(question_words("Q2_4"), "Q2_4");
        assert_eq!(question_words("age_2_groups"), "age_2 groups");
        assert_eq!(question_words("_1"), "1");
        assert_eq!(
            question_words("How much do you agree? [The council listens]"),
            "The council listens"
        );
        assert_eq!(
            lower_first("Less need for public funding"),
            "less need for public funding"
        );
        assert_eq!(lower_first("TV news"), "TV news");
        assert_eq!(lower_first("Old Town"), "Old Town");
        assert_eq!(
            and_list(&["a".into(), "b".into(), "c".into()]),
            "a, b and c"
        );
        assert_eq!(ordinal(2), "second");
        assert_eq!(ordinal(40), "another");
    }
}
