//! A column of cells as the reader found them (trimmed text), stored once per
//! distinct value: each row holds a code into the column's distinct values,
//! one byte wide while the column has at most 256 of them, then two, then
//! four. A rating column of a million respondents costs a megabyte instead of
//! a million strings, and inference can look at each distinct value once.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The codes of a column's rows, as narrow as its distinct values allow.
#[derive(Debug, Clone)]
enum Codes {
    U8(Vec<u8>),
    U16(Vec<u16>),
    U32(Vec<u32>),
}

/// One column's cells: row `r` is `value(code(r))`.
#[derive(Debug, Clone)]
pub(crate) struct Cells {
    codes: Codes,
    /// The distinct values, concatenated in first-seen order.
    text: String,
    /// Where each distinct value ends in `text`.
    ends: Vec<u32>,
    /// Open-addressing table of `(code + 1, high half of the hash)` (code 0
    /// = empty), a power of two long: the hash half spares a look at the
    /// text of most slots that do not match.
    slots: Vec<(u32, u32)>,
    /// `code + 1` of the empty cell and of each one-byte cell (0 = not seen
    /// yet): most rating answers, found without hashing.
    short: Vec<u32>,
    /// Every row keeps its own value, with no table: set when the first
    /// [`PLAIN_AFTER`] rows are all distinct (ids, timestamps, comments), where
    /// looking values up would cost a cache miss a row and save nothing.
    plain: bool,
}

/// Rows after which a column whose values were all distinct stops looking
/// them up.
const PLAIN_AFTER: usize = 65_536;

impl Default for Cells {
    fn default() -> Self {
        Cells::new()
    }
}

impl Cells {
    pub fn new() -> Self {
        Cells {
            codes: Codes::U8(Vec::new()),
            text: String::new(),
            ends: Vec::new(),
            slots: vec![(0, 0); 16],
            short: vec![0; 257],
            plain: false,
        }
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        match &self.codes {
            Codes::U8(c) => c.len(),
            Codes::U16(c) => c.len(),
            Codes::U32(c) => c.len(),
        }
    }

    /// Number of values stored: the distinct values, or every row's once
    /// the column keeps one per row (see `plain`).
    pub fn distinct(&self) -> usize {
        self.ends.len()
    }

    /// True when no two rows hold the same value (known without a look-up
    /// only while the column has its table; `false` when it may not be).
    pub fn all_distinct(&self) -> bool {
        !self.plain && self.ends.len() == self.len()
    }

    /// True while equal rows share one code (the column has its table, see
    /// `plain`): then distinct codes are distinct values.
    pub fn keeps_table(&self) -> bool {
        !self.plain
    }

    /// The code of row `r` (an index into the distinct values).
    pub fn code(&self, r: usize) -> Option<usize> {
        match &self.codes {
            Codes::U8(c) => c.get(r).map(|&x| usize::from(x)),
            Codes::U16(c) => c.get(r).map(|&x| usize::from(x)),
            Codes::U32(c) => c.get(r).map(|&x| x as usize),
        }
    }

    /// Distinct value number `code`.
    pub fn value(&self, code: usize) -> &str {
        let start = code
            .checked_sub(1)
            .and_then(|c| self.ends.get(c))
            .map_or(0, |&e| e as usize);
        let end = self.ends.get(code).map_or(start, |&e| e as usize);
        self.text.get(start..end).unwrap_or_default()
    }

    /// The cell of row `r`.
    pub fn get(&self, r: usize) -> Option<&str> {
        self.code(r).map(|c| self.value(c))
    }

    /// Every row's cell, in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len()).map(|r| self.value(self.code(r).unwrap_or(0)))
    }

    /// Appends a row holding `cell`.
    pub fn push(&mut self, cell: &str) {
        let code = self.intern(cell);
        match &mut self.codes {
            Codes::U8(c) => c.push(code as u8),
            Codes::U16(c) => c.push(code as u16),
            Codes::U32(c) => c.push(code),
        }
    }

    /// The code of `cell`, adding it as a new distinct value when unseen and
    /// widening the codes when it no longer fits them.
    fn intern(&mut self, cell: &str) -> u32 {
        if self.plain {
            let code = self.ends.len() as u32;
            self.text.push_str(cell);
            self.ends.push(self.text.len() as u32);
            self.widen(code);
            return code;
        }
        let short = match cell.as_bytes() {
            [] => Some(0),
            [b] => Some(1 + usize::from(*b)),
            _ => None,
        };
        if let Some(at) = short {
            if let Some(&known) = self.short.get(at).filter(|&&c| c != 0) {
                return known - 1;
            }
        }
        let h = hash(cell.as_bytes());
        let tag = (h >> 32) as u32;
        let mask = self.slots.len() - 1;
        let mut at = h as usize & mask;
        loop {
            match self.slots[at] {
                (0, _) => break,
                (slot, t) if t == tag && self.value(slot as usize - 1) == cell => return slot - 1,
                _ => at = (at + 1) & mask,
            }
        }
        let code = self.ends.len() as u32;
        self.text.push_str(cell);
        self.ends.push(self.text.len() as u32);
        self.slots[at] = (code + 1, tag);
        if let Some(entry) = short.and_then(|s| self.short.get_mut(s)) {
            *entry = code + 1;
        }
        if self.ends.len() == PLAIN_AFTER && self.len() + 1 == PLAIN_AFTER {
            self.plain = true;
            self.slots = Vec::new();
            self.short = Vec::new();
        } else if self.ends.len() * 2 > self.slots.len() {
            self.grow_slots();
        }
        self.widen(code);
        code
    }

    fn grow_slots(&mut self) {
        let size = self.slots.len() * 2;
        let mut slots = vec![(0u32, 0u32); size];
        for code in 0..self.ends.len() {
            let h = hash(self.value(code).as_bytes());
            let mut at = h as usize & (size - 1);
            while slots[at].0 != 0 {
                at = (at + 1) & (size - 1);
            }
            slots[at] = (code as u32 + 1, (h >> 32) as u32);
        }
        self.slots = slots;
    }

    /// Widens the codes so that `code` fits.
    fn widen(&mut self, code: u32) {
        self.codes = match std::mem::replace(&mut self.codes, Codes::U8(Vec::new())) {
            Codes::U8(c) if code > u32::from(u8::MAX) => {
                Codes::U16(c.into_iter().map(u16::from).collect())
            }
            Codes::U16(c) if code > u32::from(u16::MAX) => {
                Codes::U32(c.into_iter().map(u32::from).collect())
            }
            same => same,
        };
    }

    /// Keeps the rows whose cell `keep` accepts, in order (the distinct
    /// values stay).
    pub fn retain(&mut self, mut keep: impl FnMut(&str) -> bool) {
        fn by_flags<T>(codes: &mut Vec<T>, flags: &[bool]) {
            let mut next = flags.iter();
            codes.retain(|_| next.next().copied().unwrap_or(false));
        }
        let flags: Vec<bool> = self.iter().map(&mut keep).collect();
        match &mut self.codes {
            Codes::U8(c) => by_flags(c, &flags),
            Codes::U16(c) => by_flags(c, &flags),
            Codes::U32(c) => by_flags(c, &flags),
        }
    }
}

impl<S: AsRef<str>> FromIterator<S> for Cells {
    fn from_iter<I: IntoIterator<Item = S>>(cells: I) -> Self {
        let mut out = Cells::new();
        for cell in cells {
            out.push(cell.as_ref());
        }
        out
    }
}

/// A multiply-rotate hash over 8-byte words (the Fx hash's mixing): much
/// cheaper than the standard SipHash for the short keys cells are, and
/// these tables never hold keys chosen to collide with a secret.
fn hash(bytes: &[u8]) -> u64 {
    let mut h = FastHasher::default();
    h.write(bytes);
    h.finish()
}

/// The hasher behind [`FastMap`] and the cell tables.
#[derive(Default, Clone, Copy)]
pub(crate) struct FastHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        let mut word = [0u8; 8];
        word[..rest.len()].copy_from_slice(rest);
        self.add(u64::from_le_bytes(word) ^ ((rest.len() as u64) << 59));
    }

    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        // The multiply leaves the low bits depending only on the low bytes,
        // and the tables index by the low bits: mix the high bits down
        // (MurmurHash3's finaliser).
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

/// A `HashMap` with [`FastHasher`], for inference's per-cell look-ups.
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_come_back_as_pushed_and_codes_widen() {
        // The first value comes twice, so the column keeps its table.
        let values: Vec<String> = std::iter::once(0)
            .chain(0..70_000)
            .map(|i| format!("v{}", i % 66_000))
            .collect();
        let cells: Cells = values.iter().collect();
        assert_eq!(cells.len(), values.len());
        assert_eq!(cells.distinct(), 66_000);
        assert!(matches!(cells.codes, Codes::U32(_)));
        assert!(cells.iter().eq(values.iter().map(String::as_str)));
        assert_eq!(cells.get(66_000), Some("v65999"));
        assert_eq!(cells.get(66_001), Some("v0"));
        assert_eq!(cells.get(70_001), None);
        assert!(!cells.all_distinct());
    }

    #[test]
    fn all_distinct_columns_keep_a_value_per_row() {
        let mut values: Vec<String> = (0..PLAIN_AFTER + 10).map(|i| format!("id{i}")).collect();
        let unique: Cells = values.iter().collect();
        assert!(unique.plain && !unique.all_distinct());
        values.push("id3".into());
        let cells: Cells = values.iter().collect();
        assert!(cells.iter().eq(values.iter().map(String::as_str)));
        let few: Cells = values.iter().take(100).collect();
        assert!(few.all_distinct());
    }

    #[test]
    fn few_distinct_values_cost_a_byte_a_row() {
        let cells: Cells = (0..10_000)
            .map(|i| ["1", "2", "", "Don't know"][i % 4])
            .collect();
        assert!(matches!(cells.codes, Codes::U8(_)));
        assert_eq!(cells.distinct(), 4);
        let two: Cells = (0..300).map(|i| i.to_string()).collect();
        assert!(matches!(two.codes, Codes::U16(_)));
        assert_eq!(two.get(299), Some("299"));
    }

    #[test]
    fn empty_and_long_values_are_distinct() {
        let cells: Cells = ["", "a", "", "abcdefghijklmnopq", "abcdefghijklmnopr"]
            .into_iter()
            .collect();
        assert_eq!(cells.distinct(), 4);
        assert_eq!(cells.get(2), Some(""));
        assert_eq!(cells.get(4), Some("abcdefghijklmnopr"));
    }

    #[test]
    fn retain_keeps_rows_in_order() {
        let mut cells: Cells = ["a", "b", "c", "b"].into_iter().collect();
        let mut row = 0;
        cells.retain(|_| {
            row += 1;
            row != 2
        });
        assert!(cells.iter().eq(["a", "c", "b"]));
    }
}
