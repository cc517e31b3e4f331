//! The questions of a short form as asked, and raw answers (as a survey
//! writes them) read back into what the tree tests.

use serde::{Deserialize, Serialize};

use super::options::ShortFormError;
use super::tree::Answer;
use crate::survey::{Column, ColumnKind, DEFAULT_MISSING_CODES};

/// One question of a short form.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Question {
    /// The survey column.
    pub column: String,
    /// The question as the survey's header writes it.
    pub text: String,
    /// `likert`, `numeric`, `categorical` or `multi`.
    pub kind: ColumnKind,
    /// The answer options in order: scale labels (or the scale's numbers),
    /// categories, or multi-select options; empty for a free number.
    pub options: Vec<String>,
    /// Scales only: the scale position of each option, as the tree's
    /// `atMost` tests read it; empty otherwise.
    pub values: Vec<f64>,
    /// Multi-select questions spread over tick columns: their headers, one
    /// per option; empty otherwise.
    pub headers: Vec<String>,
}

impl Question {
    /// The question of survey column `c` (not an id or text column).
    pub(crate) fn of(c: &Column) -> Question {
        let (options, values) = match (c.kind, &c.scale) {
            (ColumnKind::Likert, Some(scale)) if !scale.labels.is_empty() => {
                let n = scale.labels.len();
                let step = if n > 1 {
                    (scale.max - scale.min) / (n - 1) as f64
                } else {
                    1.0
                };
                let values = (0..n).map(|i| scale.min + step * i as f64).collect();
                (scale.labels.clone(), values)
            }
            (ColumnKind::Likert, Some(scale)) => {
                let count = (scale.max - scale.min).max(0.0).floor() as usize + 1;
                let values: Vec<f64> = (0..count.min(101)).map(|i| scale.min + i as f64).collect();
                (values.iter().map(|v| v.to_string()).collect(), values)
            }
            (ColumnKind::Categorical, _) => (c.levels.clone().unwrap_or_default(), Vec::new()),
            (ColumnKind::Multi, _) => (c.options.clone().unwrap_or_default(), Vec::new()),
            _ => (Vec::new(), Vec::new()),
        };
        let options_len = options.len();
        Question {
            column: c.name.clone(),
            text: c.name.clone(),
            kind: c.kind,
            options,
            values,
            headers: if c.kind == ColumnKind::Multi
                && c.headers.len() == options_len
                && c.headers.len() > 1
            {
                c.headers.clone()
            } else {
                Vec::new()
            },
        }
    }

    fn unknown(&self, answer: &str) -> ShortFormError {
        let expected = match self.kind {
            ColumnKind::Numeric => "a number or blank".to_string(),
            ColumnKind::Multi => format!(
                "blank, or some of {} separated by ; or |",
                quoted(&self.options)
            ),
            _ => format!("blank or one of {}", quoted(&self.options)),
        };
        ShortFormError::UnknownAnswer {
            column: self.column.clone(),
            answer: answer.to_string(),
            expected,
        }
    }

    fn option(&self, answer: &str) -> Option<usize> {
        let n = normalise(answer);
        self.options.iter().position(|o| normalise(o) == n)
    }

    /// Reads one raw answer: a label, a number or blank (missing codes such
    /// as "Don't know" are blank too).
    pub fn read(&self, raw: &str) -> Result<Answer, ShortFormError> {
        if is_missing(raw) {
            return Ok(Answer::Missing);
        }
        let err = || self.unknown(raw.trim());
        match self.kind {
            ColumnKind::Likert => {
                let i = self.option(raw).or_else(|| {
                    let x = number(raw)?;
                    self.values.iter().position(|v| *v == x)
                });
                i.and_then(|i| self.values.get(i))
                    .map(|v| Answer::Number(*v))
                    .ok_or_else(err)
            }
            ColumnKind::Numeric => number(raw).map(Answer::Number).ok_or_else(err),
            ColumnKind::Categorical => self
                .option(raw)
                .map(|i| Answer::Level(i as u32))
                .ok_or_else(err),
            ColumnKind::Multi => {
                let mut set = Vec::new();
                for part in raw
                    .split([';', '|'])
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                {
                    set.push(self.option(part).ok_or_else(err)? as u32);
                }
                set.sort_unstable();
                set.dedup();
                Ok(Answer::Ticked(set))
            }
            ColumnKind::Id | ColumnKind::Text | ColumnKind::Metadata => Err(err()),
        }
    }

    /// Reads the tick columns of a multi-select question (`ticks[i]` the raw
    /// cell of `headers[i]`, `None` when not given): blank everywhere is
    /// missing.
    pub fn read_ticks(&self, ticks: &[Option<&str>]) -> Result<Answer, ShortFormError> {
        let mut set = Vec::new();
        let mut answered = false;
        for (i, cell) in ticks.iter().enumerate() {
            let Some(cell) = cell.filter(|c| !is_missing(c)) else {
                continue;
            };
            answered = true;
            let n = normalise(cell);
            let option = self.options.get(i).map(|o| normalise(o));
            match n.as_str() {
                "1" | "yes" | "y" | "true" | "checked" | "selected" | "x" | "\u{2713}"
                | "\u{2714}" => set.push(i as u32),
                "0" | "no" | "n" | "false" | "unchecked" | "not selected" | "not checked" => {}
                _ if Some(&n) == option.as_ref() => set.push(i as u32),
                _ => {
                    return Err(ShortFormError::UnknownAnswer {
                        column: self.headers.get(i).cloned().unwrap_or_default(),
                        answer: cell.trim().to_string(),
                        expected: "a tick (1, yes, x, the option) or no tick (0, no) or blank"
                            .into(),
                    });
                }
            }
        }
        Ok(if answered {
            Answer::Ticked(set)
        } else {
            Answer::Missing
        })
    }
}

fn quoted(options: &[String]) -> String {
    let shown: Vec<String> = options.iter().take(12).map(|o| format!("{o:?}")).collect();
    let more = if options.len() > 12 { ", ..." } else { "" };
    format!("{}{more}", shown.join(", "))
}

/// Trimmed, inner spaces collapsed, lower case, curly apostrophes straight.
fn normalise(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace(['\u{2019}', '\u{2018}', '`'], "'")
}

fn is_missing(raw: &str) -> bool {
    let n = normalise(raw);
    n.is_empty() || DEFAULT_MISSING_CODES.contains(&n.as_str())
}

/// A plain decimal (a decimal comma is read when there is no point).
fn number(raw: &str) -> Option<f64> {
    let s = raw.trim();
    let s = if s.contains(',') && !s.contains('.') {
        s.replacen(',', ".", 1)
    } else {
        s.to_string()
    };
    let body = s.strip_prefix(['+', '-']).unwrap_or(&s);
    if body.is_empty() || !body.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    s.parse::<f64>().ok().filter(|x| x.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::Scale;
    use crate::testing::{categorical, likert, multi, numeric};

    fn labelled() -> Question {
        let mut c = likert("q", &[Some(1.0)], 1.0, 3.0);
        c.scale = Some(Scale {
            min: 1.0,
            max: 3.0,
            labels: vec!["Low".into(), "Mid".into(), "High".into()],
        });
        Question::of(&c)
    }

    #[test]
    fn options_and_values_in_order() {
        let q = labelled();
        assert_eq!(q.options, ["Low", "Mid", "High"]);
        assert_eq!(q.values, [1.0, 2.0, 3.0]);
        let q = Question::of(&likert("n", &[Some(1.0)], 0.0, 10.0));
        assert_eq!(q.options.len(), 11);
        assert_eq!((q.options[10].as_str(), q.values[10]), ("10", 10.0));
        let m = Question::of(&multi("m", &["A", "B"], &[Some(vec![])]));
        assert_eq!(m.headers, ["m: A", "m: B"]);
    }

    #[test]
    fn raw_answers_as_written() {
        let q = labelled();
        assert_eq!(q.read("  high "), Ok(Answer::Number(3.0)));
        assert_eq!(q.read(""), Ok(Answer::Missing));
        assert_eq!(q.read("Don\u{2019}t know"), Ok(Answer::Missing));
        assert!(matches!(
            q.read("Huge"),
            Err(ShortFormError::UnknownAnswer { .. })
        ));
        let n = Question::of(&likert("n", &[Some(1.0)], 1.0, 5.0));
        assert_eq!(n.read("4"), Ok(Answer::Number(4.0)));
        assert!(n.read("6").is_err());
        let age = Question::of(&numeric("age", &[Some(30.0)]));
        assert_eq!(age.read("41,5"), Ok(Answer::Number(41.5)));
        assert!(age.read("forty").is_err());
        let area = Question::of(&categorical("area", &["North", "South"], &[Some(0)]));
        assert_eq!(area.read("south"), Ok(Answer::Level(1)));
        assert!(area.read("East").is_err());
        let m = Question::of(&multi("m", &["A", "B"], &[Some(vec![])]));
        assert_eq!(m.read("B; a"), Ok(Answer::Ticked(vec![0, 1])));
        assert_eq!(m.read("B|B"), Ok(Answer::Ticked(vec![1])));
        assert!(m.read("A;C").is_err());
        assert_eq!(
            m.read_ticks(&[Some("1"), Some("0")]),
            Ok(Answer::Ticked(vec![0]))
        );
        assert_eq!(m.read_ticks(&[None, Some("")]), Ok(Answer::Missing));
        assert_eq!(
            m.read_ticks(&[Some("no"), Some("B")]),
            Ok(Answer::Ticked(vec![1]))
        );
        assert!(m.read_ticks(&[Some("maybe"), None]).is_err());
    }
}
