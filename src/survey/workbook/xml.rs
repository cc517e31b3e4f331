//! The little of `quick-xml` the workbook readers share: a reader over a
//! part's bytes and attribute look-up by local name (ignoring the prefix).

use quick_xml::Reader;
use quick_xml::events::BytesStart;

/// A reader over a part's bytes, text kept as written.
pub(super) fn reader(bytes: &[u8]) -> Reader<&[u8]> {
    let mut reader = Reader::from_reader(bytes);
    reader.config_mut().check_end_names = false;
    reader
}

/// The value of the attribute whose local name is `local` (`name` finds
/// `table:name`), unescaped.
pub(super) fn attr(e: &BytesStart, local: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}
