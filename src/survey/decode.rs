//! Bytes to text.
//!
//! - A UTF-8 byte order mark is removed; the rest is read as UTF-8.
//! - A UTF-16 byte order mark (`FF FE` little-endian, `FE FF` big-endian)
//!   selects UTF-16.
//! - Without a mark, valid UTF-8 is used as is.
//! - Anything else is decoded as **Windows-1252**, with a
//!   [`WarningCode::DecodedWindows1252`] warning. This is what Excel on Windows
//!   writes for "CSV (Comma delimited)", by far the commonest non-UTF-8 source
//!   of survey exports; every byte maps to a character, so decoding never
//!   fails, and the warning lets the analyst check accented names.
//!
//! Invalid sequences after a UTF-8 or UTF-16 mark become U+FFFD with an
//! [`WarningCode::Other`] warning.

use std::borrow::Cow;

use super::model::{Warning, WarningCode};

/// The encodings a survey export arrives in. Only these three are ever read,
/// so they are decoded here rather than through a general library whose
/// tables for every other encoding would ship in the `.wasm`.
#[derive(Clone, Copy)]
enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
}

impl Encoding {
    fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
        }
    }

    /// The text and whether any bytes were invalid (each invalid sequence, and
    /// an odd last byte in UTF-16, becomes U+FFFD).
    fn decode(self, body: &[u8]) -> (Cow<'_, str>, bool) {
        match self {
            Encoding::Utf8 => {
                let text = String::from_utf8_lossy(body);
                let had_errors = matches!(text, Cow::Owned(_));
                (text, had_errors)
            }
            Encoding::Utf16Le | Encoding::Utf16Be => {
                let big = matches!(self, Encoding::Utf16Be);
                let units = body.chunks_exact(2).map(|pair| {
                    let bytes = [pair[0], pair[1]];
                    if big {
                        u16::from_be_bytes(bytes)
                    } else {
                        u16::from_le_bytes(bytes)
                    }
                });
                let mut text = String::with_capacity(body.len() / 2);
                let mut had_errors = body.len() % 2 == 1;
                for unit in char::decode_utf16(units) {
                    text.push(unit.unwrap_or_else(|_| {
                        had_errors = true;
                        char::REPLACEMENT_CHARACTER
                    }));
                }
                if body.len() % 2 == 1 {
                    text.push(char::REPLACEMENT_CHARACTER);
                }
                (Cow::Owned(text), had_errors)
            }
        }
    }
}

/// Windows-1252's bytes 0x80 to 0x9F (the WHATWG Encoding Standard's index);
/// the five bytes it leaves undefined map to the C1 control of the same
/// number, as browsers do. Every other byte is the Unicode code point of the
/// same number.
const WINDOWS_1252_80_9F: [char; 32] = [
    '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008D}', '\u{017D}', '\u{008F}',
    '\u{0090}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}', '\u{009D}', '\u{017E}', '\u{0178}',
];

fn decode_windows_1252(input: &[u8]) -> String {
    input
        .iter()
        .map(|&byte| match byte {
            0x80..=0x9F => WINDOWS_1252_80_9F[usize::from(byte - 0x80)],
            _ => char::from(byte),
        })
        .collect()
}

/// Decodes `input` into text, adding a warning when the bytes were not clean
/// UTF-8.
pub(crate) fn decode<'a>(input: &'a [u8], warnings: &mut Vec<Warning>) -> Cow<'a, str> {
    let (encoding, body) = if let Some(rest) = input.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        (Encoding::Utf8, rest)
    } else if let Some(rest) = input.strip_prefix(&[0xFF, 0xFE]) {
        (Encoding::Utf16Le, rest)
    } else if let Some(rest) = input.strip_prefix(&[0xFE, 0xFF]) {
        (Encoding::Utf16Be, rest)
    } else {
        return match std::str::from_utf8(input) {
            Ok(text) => Cow::Borrowed(text),
            Err(_) => {
                warnings.push(Warning {
                    code: WarningCode::DecodedWindows1252,
                    column: None,
                    row: None,
                    message: "The file is not UTF-8; it was read as Windows-1252 \
                              (Excel's Western European encoding). Check accented letters."
                        .into(),
                });
                Cow::Owned(decode_windows_1252(input))
            }
        };
    };
    let (text, had_errors) = encoding.decode(body);
    if had_errors {
        warnings.push(Warning {
            code: WarningCode::Other,
            column: None,
            row: None,
            message: format!(
                "The file is marked as {} but has invalid bytes; they were replaced with \u{FFFD}.",
                encoding.name()
            ),
        });
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(bytes: &[u8]) -> (String, Vec<WarningCode>) {
        let mut w = Vec::new();
        let text = decode(bytes, &mut w).into_owned();
        (text, w.into_iter().map(|w| w.code).collect())
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(run("a,é".as_bytes()), ("a,é".into(), vec![]));
        assert_eq!(run(b"\xEF\xBB\xBFa,\xC3\xA9"), ("a,é".into(), vec![]));
    }

    #[test]
    fn utf16_both_orders() {
        assert_eq!(run(b"\xFF\xFEa\0,\0\xE9\0"), ("a,é".into(), vec![]));
        assert_eq!(run(b"\xFE\xFF\0a\0,\0\xE9"), ("a,é".into(), vec![]));
    }

    #[test]
    fn invalid_utf8_is_windows_1252_with_warning() {
        assert_eq!(
            run(b"caf\xE9 \x93q\x94"),
            (
                "café \u{201C}q\u{201D}".into(),
                vec![WarningCode::DecodedWindows1252]
            )
        );
    }

    #[test]
    fn broken_utf16_is_replaced_with_warning() {
        let (text, codes) = run(b"\xFF\xFEa\0\0\xD8");
        assert!(text.starts_with('a'));
        assert_eq!(codes, vec![WarningCode::Other]);
    }

    #[test]
    fn windows_1252_maps_every_byte() {
        let all: Vec<u8> = (0..=255).collect();
        let text = decode_windows_1252(&all);
        assert_eq!(text.chars().count(), 256);
        assert_eq!(text.chars().nth(0x80), Some('\u{20AC}'));
        assert_eq!(text.chars().nth(0x9F), Some('\u{0178}'));
        assert_eq!(text.chars().nth(0x81), Some('\u{0081}'));
        assert_eq!(text.chars().nth(0xA3), Some('£'));
        assert_eq!(text.chars().nth(0xFF), Some('ÿ'));
    }

    #[test]
    fn utf16_surrogate_pairs_and_odd_lengths() {
        // U+1F600 as a surrogate pair, little- and big-endian.
        assert_eq!(run(b"\xFF\xFE=\xD8\x00\xDE"), ("\u{1F600}".into(), vec![]));
        assert_eq!(run(b"\xFE\xFF\xD8=\xDE\x00"), ("\u{1F600}".into(), vec![]));
        let (text, codes) = run(b"\xFF\xFEa\0b");
        assert_eq!(text, "a\u{FFFD}");
        assert_eq!(codes, vec![WarningCode::Other]);
    }

    #[test]
    fn invalid_utf8_after_a_bom_is_replaced_with_warning() {
        let (text, codes) = run(b"\xEF\xBB\xBFa\xFFb");
        assert_eq!(text, "a\u{FFFD}b");
        assert_eq!(codes, vec![WarningCode::Other]);
    }
}
