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

use encoding_rs::{UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

use super::model::{Warning, WarningCode};

/// Decodes `input` into text, adding a warning when the bytes were not clean
/// UTF-8.
pub(crate) fn decode<'a>(input: &'a [u8], warnings: &mut Vec<Warning>) -> Cow<'a, str> {
    let (encoding, body) = if let Some(rest) = input.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        (UTF_8, rest)
    } else if let Some(rest) = input.strip_prefix(&[0xFF, 0xFE]) {
        (UTF_16LE, rest)
    } else if let Some(rest) = input.strip_prefix(&[0xFE, 0xFF]) {
        (UTF_16BE, rest)
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
                WINDOWS_1252.decode_without_bom_handling(input).0
            }
        };
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
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
}
