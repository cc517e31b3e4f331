//! The answers of a Likert or numeric column, stored compactly and exactly:
//! one byte a respondent while the column has at most 255 distinct answers
//! (every rating scale), eight otherwise.

use std::fmt;

/// Distinct values a coded column holds at most: code 0 is missing.
const MAX_CODED: usize = 255;

/// Slots of the builder's open-addressing index of distinct values: a power
/// of two above twice [`MAX_CODED`], so a probe ends quickly.
const SLOTS: usize = 512;

/// The answers of a Likert or numeric question, one per respondent in input
/// order; `None` is a missing answer.
///
/// While the column has at most 255 distinct answers it is stored as one
/// byte a respondent (0 for missing, `c` for the `c`-th distinct value seen)
/// beside a table of those values; from the 256th distinct answer on, as one
/// `f64` a respondent with NaN for missing. A survey of 1,000,000
/// respondents × 60 rating questions holds 60 MB of answers this way instead
/// of 960 MB as `Option<f64>`.
///
/// Either way the values are kept bit for bit: [`Numbers::get`] and
/// [`Numbers::iter`] give back exactly what the column was built from, so
/// `-0.0` stays `-0.0` (a distinct value from `0.0`), and infinities are
/// kept. The one exception is NaN: `Some(NaN)` is stored as missing, whatever
/// the form, since NaN is the wide form's mark for missing. The import never
/// stores NaN or an infinity as an answer (`parse_number` accepts only finite
/// decimals, labelled scales store `1 + position`).
///
/// Equality compares the answers (with `f64`'s `==`, so `-0.0 == 0.0`), not
/// the form: a coded and a wide column with the same answers are equal.
#[derive(Clone)]
pub struct Numbers {
    repr: Repr,
}

#[derive(Clone)]
enum Repr {
    /// `table[code]`, with `table[0]` NaN for missing; every other entry is
    /// held by at least one respondent, and no two have the same bits.
    Coded { codes: Vec<u8>, table: Vec<f64> },
    /// One value a respondent, NaN for missing.
    Wide(Vec<f64>),
}

impl Numbers {
    /// A column of no respondents.
    pub fn new() -> Numbers {
        Numbers {
            repr: Repr::Coded {
                codes: Vec::new(),
                table: vec![f64::NAN],
            },
        }
    }

    /// Number of respondents.
    pub fn len(&self) -> usize {
        match &self.repr {
            Repr::Coded { codes, .. } => codes.len(),
            Repr::Wide(v) => v.len(),
        }
    }

    /// True when there are no respondents.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The answer of respondent `row` (0-based); `None` when it is missing
    /// or `row` is past the last respondent.
    pub fn get(&self, row: usize) -> Option<f64> {
        let x = match &self.repr {
            Repr::Coded { codes, table } => table[*codes.get(row)? as usize],
            Repr::Wide(v) => *v.get(row)?,
        };
        (!x.is_nan()).then_some(x)
    }

    /// The answers in respondent order.
    pub fn iter(&self) -> NumbersIter<'_> {
        NumbersIter {
            inner: match &self.repr {
                Repr::Coded { codes, table } => IterRepr::Coded(codes.iter(), table),
                Repr::Wide(v) => IterRepr::Wide(v.iter()),
            },
        }
    }

    /// How many respondents did not answer.
    pub fn missing(&self) -> usize {
        match &self.repr {
            Repr::Coded { codes, .. } => codes.iter().filter(|&&c| c == 0).count(),
            Repr::Wide(v) => v.iter().filter(|x| x.is_nan()).count(),
        }
    }

    /// How many distinct answers the column holds (bit for bit, so `-0.0`
    /// and `0.0` are two), missing not counted.
    pub fn distinct(&self) -> usize {
        match &self.repr {
            Repr::Coded { table, .. } => table.len() - 1,
            Repr::Wide(v) => {
                let mut bits: Vec<u64> = v
                    .iter()
                    .filter(|x| !x.is_nan())
                    .map(|x| x.to_bits())
                    .collect();
                bits.sort_unstable();
                bits.dedup();
                bits.len()
            }
        }
    }

    /// The answers through `f`, NaN where missing. On a coded column `f`
    /// runs once per distinct value and each respondent's result is looked
    /// up by code, so it costs a byte read a respondent; `f` must be a pure
    /// function of its argument.
    pub fn mapped<'a>(&'a self, f: impl Fn(f64) -> f64 + 'a) -> impl Iterator<Item = f64> + 'a {
        match &self.repr {
            Repr::Coded { codes, table } => {
                // Boxed: 2 KB would make every `Mapped` that large.
                let mut lookup = Box::new([f64::NAN; MAX_CODED + 1]);
                for (out, &x) in lookup.iter_mut().zip(table).skip(1) {
                    *out = f(x);
                }
                Mapped::Coded(codes.iter(), lookup)
            }
            Repr::Wide(v) => Mapped::Wide(v.iter(), f),
        }
    }

    /// Bytes held on the heap (the codes and table, or the values).
    pub fn heap_bytes(&self) -> usize {
        match &self.repr {
            Repr::Coded { codes, table } => codes.capacity() + table.capacity() * 8,
            Repr::Wide(v) => v.capacity() * 8,
        }
    }

    /// True when the column is stored as one byte a respondent.
    pub fn is_coded(&self) -> bool {
        matches!(self.repr, Repr::Coded { .. })
    }
}

impl Default for Numbers {
    fn default() -> Self {
        Numbers::new()
    }
}

/// Builds a [`Numbers`] in one pass: codes until a 256th distinct value
/// arrives, then every value so far decoded into `f64`s.
struct Builder {
    codes: Vec<u8>,
    table: Vec<f64>,
    /// Open addressing over `table`: 0 is an empty slot, `c` the code `c`.
    slots: [u8; SLOTS],
    wide: Option<Vec<f64>>,
}

impl Builder {
    fn with_capacity(n: usize) -> Builder {
        Builder {
            codes: Vec::with_capacity(n),
            table: vec![f64::NAN],
            slots: [0; SLOTS],
            wide: None,
        }
    }

    fn push(&mut self, value: Option<f64>) {
        let x = value.unwrap_or(f64::NAN);
        if let Some(wide) = &mut self.wide {
            wide.push(x);
            return;
        }
        if x.is_nan() {
            self.codes.push(0);
            return;
        }
        match self.code(x) {
            Some(code) => self.codes.push(code),
            None => {
                let mut wide = Vec::with_capacity(self.codes.capacity().max(self.codes.len() + 1));
                wide.extend(self.codes.iter().map(|&c| self.table[c as usize]));
                wide.push(x);
                self.codes = Vec::new();
                self.wide = Some(wide);
            }
        }
    }

    /// The code of `x` (not NaN), added to the table if new; `None` when the
    /// table is full.
    fn code(&mut self, x: f64) -> Option<u8> {
        let bits = x.to_bits();
        // Fibonacci hashing: the top 9 bits of the product.
        let mut slot = (bits.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - 9)) as usize;
        loop {
            let code = self.slots[slot];
            if code == 0 {
                break;
            }
            if self.table[code as usize].to_bits() == bits {
                return Some(code);
            }
            slot = (slot + 1) % SLOTS;
        }
        if self.table.len() > MAX_CODED {
            return None;
        }
        let code = self.table.len() as u8;
        self.table.push(x);
        self.slots[slot] = code;
        Some(code)
    }

    fn finish(self) -> Numbers {
        let repr = match self.wide {
            Some(wide) => Repr::Wide(wide),
            None => Repr::Coded {
                codes: self.codes,
                table: self.table,
            },
        };
        Numbers { repr }
    }
}

impl FromIterator<Option<f64>> for Numbers {
    fn from_iter<I: IntoIterator<Item = Option<f64>>>(iter: I) -> Self {
        let iter = iter.into_iter();
        let mut builder = Builder::with_capacity(iter.size_hint().0);
        for value in iter {
            builder.push(value);
        }
        builder.finish()
    }
}

impl From<Vec<Option<f64>>> for Numbers {
    fn from(values: Vec<Option<f64>>) -> Self {
        values.into_iter().collect()
    }
}

impl From<&[Option<f64>]> for Numbers {
    fn from(values: &[Option<f64>]) -> Self {
        values.iter().copied().collect()
    }
}

impl<const N: usize> From<[Option<f64>; N]> for Numbers {
    fn from(values: [Option<f64>; N]) -> Self {
        values.into_iter().collect()
    }
}

impl PartialEq for Numbers {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl fmt::Debug for Numbers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<'a> IntoIterator for &'a Numbers {
    type Item = Option<f64>;
    type IntoIter = NumbersIter<'a>;

    fn into_iter(self) -> NumbersIter<'a> {
        self.iter()
    }
}

/// The answers of a [`Numbers`] in respondent order (see [`Numbers::iter`]).
#[derive(Clone)]
pub struct NumbersIter<'a> {
    inner: IterRepr<'a>,
}

#[derive(Clone)]
enum IterRepr<'a> {
    Coded(std::slice::Iter<'a, u8>, &'a [f64]),
    Wide(std::slice::Iter<'a, f64>),
}

impl Iterator for NumbersIter<'_> {
    type Item = Option<f64>;

    #[inline]
    fn next(&mut self) -> Option<Option<f64>> {
        let x = match &mut self.inner {
            IterRepr::Coded(codes, table) => table[*codes.next()? as usize],
            IterRepr::Wide(v) => *v.next()?,
        };
        Some((!x.is_nan()).then_some(x))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match &self.inner {
            IterRepr::Coded(codes, _) => codes.size_hint(),
            IterRepr::Wide(v) => v.size_hint(),
        }
    }
}

impl ExactSizeIterator for NumbersIter<'_> {}

/// What [`Numbers::mapped`] returns.
enum Mapped<'a, F> {
    Coded(std::slice::Iter<'a, u8>, Box<[f64; MAX_CODED + 1]>),
    Wide(std::slice::Iter<'a, f64>, F),
}

impl<F: Fn(f64) -> f64> Iterator for Mapped<'_, F> {
    type Item = f64;

    #[inline]
    fn next(&mut self) -> Option<f64> {
        match self {
            Mapped::Coded(codes, lookup) => Some(lookup[*codes.next()? as usize]),
            Mapped::Wide(v, f) => {
                let x = *v.next()?;
                Some(if x.is_nan() { f64::NAN } else { f(x) })
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match self {
            Mapped::Coded(codes, _) => codes.size_hint(),
            Mapped::Wide(v, _) => v.size_hint(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `n` answers cycling through `distinct` values (and a missing one
    /// every seventh).
    fn cycling(n: usize, distinct: usize) -> Vec<Option<f64>> {
        (0..n)
            .map(|i| (i % 7 != 3).then(|| (i % distinct) as f64 * 0.5 - 3.0))
            .collect()
    }

    #[test]
    fn a_rating_column_is_one_byte_a_respondent_and_gives_its_answers_back() {
        let values = vec![Some(5.0), None, Some(2.0), Some(5.0), Some(1.0), None];
        let n = Numbers::from(values.clone());
        assert!(n.is_coded());
        assert_eq!(n.len(), 6);
        assert_eq!(n.iter().collect::<Vec<_>>(), values);
        assert_eq!(n.get(0), Some(5.0));
        assert_eq!(n.get(1), None);
        assert_eq!(n.get(6), None);
        assert_eq!(n.missing(), 2);
        assert_eq!(n.distinct(), 3);
        let big: Numbers = cycling(10_000, 11).into_iter().collect();
        assert!(big.heap_bytes() < 11_000, "{}", big.heap_bytes());
    }

    #[test]
    fn the_256th_distinct_value_turns_the_column_wide_with_every_answer_kept() {
        for distinct in [254, 255, 256, 300] {
            // Each value appears, so `distinct` is reached within one cycle.
            let values = cycling(2_000, distinct);
            let seen = {
                let mut bits: Vec<u64> = values.iter().flatten().map(|x| x.to_bits()).collect();
                bits.sort_unstable();
                bits.dedup();
                bits.len()
            };
            let n: Numbers = values.iter().copied().collect();
            assert_eq!(n.is_coded(), seen <= 255, "{distinct} distinct");
            assert_eq!(n.distinct(), seen);
            assert_eq!(n.iter().collect::<Vec<_>>(), values);
            assert_eq!(n.missing(), values.iter().filter(|v| v.is_none()).count());
            for (i, v) in values.iter().enumerate() {
                assert_eq!(n.get(i), *v);
            }
        }
    }

    #[test]
    fn values_are_kept_bit_for_bit_and_nan_is_missing() {
        let values = [
            Some(-0.0),
            Some(0.0),
            Some(f64::INFINITY),
            Some(f64::NAN),
            None,
        ];
        let wide: Vec<Option<f64>> = cycling(600, 300).into_iter().chain(values).collect();
        for n in [Numbers::from(values), Numbers::from(wide)] {
            let tail: Vec<Option<f64>> = n.iter().skip(n.len() - 5).collect();
            let bits: Vec<Option<u64>> = tail.iter().map(|v| v.map(f64::to_bits)).collect();
            assert_eq!(
                bits,
                [
                    Some((-0.0f64).to_bits()),
                    Some(0.0f64.to_bits()),
                    Some(f64::INFINITY.to_bits()),
                    None,
                    None
                ]
            );
        }
        assert_eq!(Numbers::from(values).distinct(), 3);
    }

    #[test]
    fn equal_answers_are_equal_whatever_the_form() {
        let values = cycling(700, 40);
        let coded = Numbers::from(values.clone());
        assert!(coded.is_coded());
        let wide = Numbers {
            repr: Repr::Wide(values.iter().map(|v| v.unwrap_or(f64::NAN)).collect()),
        };
        assert_eq!(coded, wide);
        assert_eq!(wide, coded);
        // 254 values, then -0.0 and 0.0: 256 distinct bit patterns, so wide;
        // with 0.0 for -0.0 the same answers by `==` fit in codes.
        let mut signed: Vec<Option<f64>> = (1..=254).map(|i| Some(i as f64)).collect();
        signed.extend([Some(-0.0), Some(0.0)]);
        let mut unsigned = signed.clone();
        unsigned[254] = Some(0.0);
        let (signed, unsigned) = (Numbers::from(signed), Numbers::from(unsigned));
        assert!(!signed.is_coded() && unsigned.is_coded());
        assert_eq!(signed, unsigned);
        assert_ne!(Numbers::from([Some(1.0)]), Numbers::from([None]));
        assert_ne!(Numbers::from([Some(1.0)]), Numbers::from([Some(1.0), None]));
        assert_eq!(Numbers::new(), Numbers::from(Vec::new()));
        assert_eq!(
            format!("{:?}", Numbers::from([Some(1.5), None])),
            "[Some(1.5), None]"
        );
    }

    #[test]
    fn mapped_gives_the_function_of_each_answer_and_nan_where_missing() {
        for values in [cycling(500, 5), cycling(500, 400)] {
            let n = Numbers::from(values.clone());
            let f = |x: f64| (x - 1.0) * 0.25;
            let got: Vec<u64> = n.mapped(f).map(f64::to_bits).collect();
            let want: Vec<u64> = values
                .iter()
                .map(|v| v.map_or(f64::NAN, f).to_bits())
                .collect();
            assert_eq!(got, want);
        }
    }
}
