//! The zip archive inside an XLSX or ODS file: the central directory's
//! entries, and a part's bytes (stored, or deflated and inflated with
//! `miniz_oxide` within a size limit, so a small archive cannot unpack to
//! gigabytes). Zip64, encryption and other compression methods are refused.

/// One part of the archive, as its central directory describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    /// The part's path (`xl/workbook.xml`).
    pub name: String,
    /// 0 stored, 8 deflated.
    method: u16,
    /// General-purpose flags (bit 0: encrypted).
    flags: u16,
    compressed: usize,
    /// The unpacked size the directory declares.
    pub size: usize,
    /// Where the part's local header starts.
    offset: usize,
}

/// A zip archive over borrowed bytes.
#[derive(Debug, Clone)]
pub(crate) struct Archive<'a> {
    bytes: &'a [u8],
    /// The parts, in directory order.
    pub entries: Vec<Entry>,
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<usize> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?) as usize)
}

/// Why a part cannot be had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PartError {
    /// No part by that name.
    Missing(String),
    /// The part is damaged, encrypted or compressed in a way not read here.
    Unreadable(String),
    /// The part unpacks to more than the limit.
    TooLarge(String),
}

impl std::fmt::Display for PartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PartError::Missing(n) => write!(f, "the part {n:?} is missing"),
            PartError::Unreadable(n) => write!(f, "the part {n:?} is damaged"),
            PartError::TooLarge(n) => write!(f, "the part {n:?} unpacks to more than the limit"),
        }
    }
}

impl<'a> Archive<'a> {
    /// Reads the central directory; `None` when there is none to be found.
    pub fn open(bytes: &'a [u8]) -> Option<Self> {
        // The end record is 22 bytes plus a comment of at most 65,535.
        let from = bytes.len().saturating_sub(22 + 65_535);
        let end = (from..=bytes.len().checked_sub(22)?)
            .rev()
            .find(|&i| bytes.get(i..i + 4) == Some(b"PK\x05\x06"))?;
        let count = usize::from(u16_at(bytes, end + 10)?);
        let mut at = u32_at(bytes, end + 16)?;
        let mut entries = Vec::with_capacity(count.min(4096));
        for _ in 0..count {
            if bytes.get(at..at + 4)? != b"PK\x01\x02" {
                return None;
            }
            let name_len = usize::from(u16_at(bytes, at + 28)?);
            let extra = usize::from(u16_at(bytes, at + 30)?);
            let comment = usize::from(u16_at(bytes, at + 32)?);
            let name = bytes.get(at + 46..at + 46 + name_len)?;
            entries.push(Entry {
                name: String::from_utf8_lossy(name).into_owned(),
                flags: u16_at(bytes, at + 8)?,
                method: u16_at(bytes, at + 10)?,
                compressed: u32_at(bytes, at + 20)?,
                size: u32_at(bytes, at + 24)?,
                offset: u32_at(bytes, at + 42)?,
            });
            at += 46 + name_len + extra + comment;
        }
        Some(Archive { bytes, entries })
    }

    /// The part named `name`, if the archive has one.
    pub fn entry(&self, name: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.name == name)
    }

    /// The declared unpacked sizes of every part, added up.
    pub fn unpacked(&self) -> u64 {
        self.entries
            .iter()
            .fold(0u64, |n, e| n.saturating_add(e.size as u64))
    }

    /// The bytes of the part named `name`, unpacked to at most `limit` bytes.
    pub fn read(&self, name: &str, limit: usize) -> Result<Vec<u8>, PartError> {
        let entry = self
            .entry(name)
            .ok_or_else(|| PartError::Missing(name.into()))?;
        let unreadable = || PartError::Unreadable(name.into());
        if entry.flags & 1 != 0 || entry.compressed == u32::MAX as usize {
            return Err(unreadable());
        }
        let at = entry.offset;
        if self.bytes.get(at..at + 4) != Some(b"PK\x03\x04") {
            return Err(unreadable());
        }
        let name_len = usize::from(u16_at(self.bytes, at + 26).ok_or_else(unreadable)?);
        let extra = usize::from(u16_at(self.bytes, at + 28).ok_or_else(unreadable)?);
        let start = at + 30 + name_len + extra;
        let data = self
            .bytes
            .get(start..start.saturating_add(entry.compressed))
            .ok_or_else(unreadable)?;
        match entry.method {
            0 if data.len() > limit => Err(PartError::TooLarge(name.into())),
            0 => Ok(data.to_vec()),
            8 => miniz_oxide::inflate::decompress_to_vec_with_limit(data, limit).map_err(|e| {
                if e.status == miniz_oxide::inflate::TINFLStatus::HasMoreOutput {
                    PartError::TooLarge(name.into())
                } else {
                    unreadable()
                }
            }),
            _ => Err(unreadable()),
        }
    }
}
