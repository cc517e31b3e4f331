//! The rating scale a question states in its own words: "on a scale of 1 to
//! 5", "(1 = Not at all, 5 = Very)", "0-10", and the codes it says mean
//! "Don't know" or "Refused" ("6 = Don't know"). Numeric exports (SPSS,
//! Qualtrics, Jisc) write those codes right after the scale, where a `6` on
//! its own cannot be told from the top of a 6-point scale: the question's
//! words can.

/// A scale stated in a question's text.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Stated {
    pub min: i64,
    pub max: i64,
    /// Numbers the text says mean "Don't know", "Refused", "Not applicable"
    /// and the like.
    pub codes: Vec<i64>,
}

/// Phrases of an answer that is not on the scale.
const NOT_ON_SCALE: [&str; 11] = [
    "don't know",
    "dont know",
    "do not know",
    "refused",
    "prefer not",
    "not applicable",
    "n/a",
    "no opinion",
    "can't say",
    "cannot say",
    "not sure",
];

/// Words joining the two ends of a range ("1 to 5").
const RANGE_WORDS: [&str; 3] = ["to", "through", "thru"];
/// Words or signs between an anchor's number and its label ("1 = Poor").
const ANCHOR_SIGNS: [&str; 5] = ["=", ":", "is", "means", "being"];

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Number(i64),
    Word(String),
    Sign(char),
}

/// Tokens of `text` with the byte offset where each ends.
fn tokens(text: &str) -> Vec<(Token, usize)> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        if c.is_ascii_digit() {
            let mut end = start;
            while let Some(&(i, d)) = chars.peek().filter(|(_, d)| d.is_ascii_digit()) {
                end = i + d.len_utf8();
                chars.next();
            }
            // A number glued to letters or a decimal point ("Q1", "2.5") is
            // not an anchor.
            let glued = matches!(chars.peek(), Some((_, d)) if d.is_alphabetic() || *d == '.')
                || text[..start].ends_with(|p: char| p.is_alphanumeric() || p == '.');
            if let (false, Ok(v)) = (glued, text[start..end].parse()) {
                out.push((Token::Number(v), end));
            }
        } else if c.is_alphabetic() || c == '\'' || c == '\u{2019}' {
            let mut word = String::new();
            let mut end = start;
            while let Some(&(i, d)) = chars
                .peek()
                .filter(|(_, d)| d.is_alphabetic() || *d == '\'' || *d == '\u{2019}')
            {
                word.extend(d.to_lowercase());
                end = i + d.len_utf8();
                chars.next();
            }
            out.push((Token::Word(word), end));
        } else {
            chars.next();
            if !c.is_whitespace() {
                out.push((Token::Sign(c), start + c.len_utf8()));
            }
        }
    }
    out
}

fn is_anchor_sign(token: &Token) -> bool {
    match token {
        Token::Sign(c) => ANCHOR_SIGNS.contains(&c.to_string().as_str()),
        Token::Word(w) => ANCHOR_SIGNS.contains(&w.as_str()),
        Token::Number(_) => false,
    }
}

fn is_range_join(token: &Token) -> bool {
    match token {
        Token::Sign(c) => matches!(c, '-' | '\u{2013}' | '\u{2014}'),
        Token::Word(w) => RANGE_WORDS.contains(&w.as_str()),
        Token::Number(_) => false,
    }
}

/// The label after an anchor ending at byte `end`: up to the next `,`, `;`,
/// `)` or digit.
fn label_after(text: &str, end: usize) -> String {
    let rest = &text[end..];
    let stop = rest
        .find(|c: char| matches!(c, ',' | ';' | ')' | '(') || c.is_ascii_digit())
        .unwrap_or(rest.len());
    rest[..stop].to_lowercase().replace('\u{2019}', "'")
}

/// Whether `min..=max` is a plausible rating scale (not an age band such as
/// "18-24" or a year range).
fn plausible(min: i64, max: i64) -> bool {
    (0..=1).contains(&min) && max >= min + 2 && max <= 11
}

/// The scale `text` (a question or column heading) states, if any: a range
/// ("1 to 5", "0-10") or numbered anchors ("1 = Poor … 5 = Excellent"),
/// with the numbers it says are not on the scale.
pub(super) fn stated_scale(text: &str) -> Option<Stated> {
    let toks = tokens(text);
    let mut range = None;
    let mut anchors = Vec::new();
    let mut codes = Vec::new();
    for (i, (tok, end)) in toks.iter().enumerate() {
        let Token::Number(a) = *tok else { continue };
        let next = toks.get(i + 1).map(|(t, _)| t);
        if let (Some(join), Some((Token::Number(b), _))) = (next, toks.get(i + 2))
            && is_range_join(join)
            && range.is_none()
            && plausible(a, *b)
        {
            range = Some((a, *b));
        }
        if let Some((_, sign_end)) = toks.get(i + 1).filter(|(t, _)| is_anchor_sign(t)) {
            let label = label_after(text, *sign_end);
            if NOT_ON_SCALE.iter().any(|p| label.contains(p)) {
                codes.push(a);
            } else {
                anchors.push(a);
            }
        } else if NOT_ON_SCALE
            .iter()
            .any(|p| label_after(text, *end).trim_start().starts_with(p))
            && toks
                .get(i.wrapping_sub(1))
                .is_some_and(|(t, _)| *t == Token::Sign('('))
        {
            // "(6 Don't know)"
            codes.push(a);
        }
    }
    let (min, max) = range.or_else(|| {
        let min = *anchors.iter().min()?;
        let max = *anchors.iter().max()?;
        (anchors.len() >= 2 && plausible(min, max)).then_some((min, max))
    })?;
    codes.retain(|c| *c < min || *c > max);
    crate::order::sort_i64(&mut codes);
    codes.dedup();
    Some(Stated { min, max, codes })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scale(text: &str) -> Option<(i64, i64, Vec<i64>)> {
        stated_scale(text).map(|s| (s.min, s.max, s.codes))
    }

    #[test]
    fn ranges_and_anchors_in_the_ways_questions_write_them() {
        for (text, want) in [
            ("On a scale of 1 to 5, how interested are you?", (1, 5)),
            ("Rate the service (1-5)", (1, 5)),
            ("Rate the service (1 \u{2013} 7)", (1, 7)),
            ("How likely are you to recommend us? 0-10", (0, 10)),
            (
                "Satisfaction (1 = Very dissatisfied, 5 = Very satisfied)",
                (1, 5),
            ),
            ("Where 1 is not at all and 4 is a great deal", (1, 4)),
            (
                "Q3_2 Co-design: 1=Not interested; 3=Neutral; 5=Very interested",
                (1, 5),
            ),
        ] {
            assert_eq!(scale(text), Some((want.0, want.1, vec![])), "{text}");
        }
    }

    #[test]
    fn codes_the_question_says_are_not_on_the_scale() {
        assert_eq!(
            scale("Interest in co-design (1 = Not at all, 5 = Very; 6 = Don't know)"),
            Some((1, 5, vec![6]))
        );
        assert_eq!(
            scale("Trust the council? 1-5, 8 = Refused, 9 = Don\u{2019}t know"),
            Some((1, 5, vec![8, 9]))
        );
        assert_eq!(
            scale("Rating 0 to 10 (99 = not applicable)"),
            Some((0, 10, vec![99]))
        );
        assert_eq!(scale("Rating 1 to 5 (6 Don't know)"), Some((1, 5, vec![6])));
    }

    #[test]
    fn numbers_that_are_not_scales_are_ignored() {
        for text in [
            "Age 18-24",
            "Visits in 2019-2020",
            "Q1_5",
            "How many of 3 services do you use?",
            "Score 2.5 to 4",
            "co_design",
            "Hours per week (0-40)",
            "Which of 1 things",
        ] {
            assert_eq!(scale(text), None, "{text}");
        }
    }
}
