//! Workbooks made in the test (a stored zip written here): random tables
//! written as XLSX (cells as numbers or inline strings) and as CSV must
//! import the same, since the workbook path changes where cells come from,
//! never what they mean; and repeats or far-apart cells cannot ask for more
//! than the limits.
#![cfg(not(target_arch = "wasm32"))]

use citizen_segments::survey::{ImportOptions, parse_survey};
use proptest::prelude::*;

/// A zip archive of stored (uncompressed) parts. The CRCs are left at 0:
/// the import does not check them, and this keeps the writer short.
fn stored_zip(parts: &[(&str, String)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut directory = Vec::new();
    for (name, text) in parts {
        let offset = out.len() as u32;
        let (name, data) = (name.as_bytes(), text.as_bytes());
        let header = |sig: &[u8], central: bool| {
            let mut h = sig.to_vec();
            if central {
                h.extend(20u16.to_le_bytes()); // made by
            }
            h.extend(20u16.to_le_bytes()); // needed
            h.extend([0u8; 8]); // flags, method (stored), time, date
            h.extend(0u32.to_le_bytes()); // crc
            h.extend((data.len() as u32).to_le_bytes());
            h.extend((data.len() as u32).to_le_bytes());
            h.extend((name.len() as u16).to_le_bytes());
            h.extend(0u16.to_le_bytes()); // extra
            if central {
                h.extend([0u8; 6]); // comment, disk, internal attributes
                h.extend(0u32.to_le_bytes()); // external attributes
                h.extend(offset.to_le_bytes());
            }
            h.extend(name);
            h
        };
        out.extend(header(b"PK\x03\x04", false));
        out.extend(data);
        directory.extend(header(b"PK\x01\x02", true));
    }
    let at = out.len() as u32;
    let size = directory.len() as u32;
    out.extend(directory);
    out.extend(b"PK\x05\x06");
    out.extend([0u8; 4]);
    out.extend((parts.len() as u16).to_le_bytes());
    out.extend((parts.len() as u16).to_le_bytes());
    out.extend(size.to_le_bytes());
    out.extend(at.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// `rows` as a one-sheet XLSX: cells that read as numbers are number cells.
fn xlsx(rows: &[Vec<String>]) -> Vec<u8> {
    let mut sheet = String::new();
    for (r, row) in rows.iter().enumerate() {
        sheet.push_str(&format!("<row r=\"{}\">", r + 1));
        for (c, cell) in row.iter().enumerate() {
            let at = format!("{}{}", char::from(b'A' + c as u8), r + 1);
            if cell.is_empty() {
                continue;
            }
            if r > 0 && cell.parse::<i64>().is_ok() {
                sheet.push_str(&format!("<c r=\"{at}\"><v>{cell}</v></c>"));
            } else {
                sheet.push_str(&format!(
                    "<c r=\"{at}\" t=\"inlineStr\"><is><t>{}</t></is></c>",
                    escape(cell)
                ));
            }
        }
        sheet.push_str("</row>");
    }
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    stored_zip(&[
        ("[Content_Types].xml", "<Types/>".into()),
        (
            "xl/workbook.xml",
            format!(
                "<workbook xmlns:r=\"{rel}\"><sheets><sheet name=\"Data\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
            ),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            format!(
                "<Relationships><Relationship Id=\"rId1\" Type=\"{rel}/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"
            ),
        ),
        (
            "xl/worksheets/sheet1.xml",
            format!("<worksheet><sheetData>{sheet}</sheetData></worksheet>"),
        ),
    ])
}

fn csv(rows: &[Vec<String>]) -> String {
    rows.iter()
        .map(|r| {
            r.iter()
                .map(|c| format!("\"{}\"", c.replace('"', "\"\"")))
                .collect::<Vec<_>>()
                .join(",")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A header of distinct names and rows of small integers, labels, blanks
/// and the odd awkward text; the first column is always filled, so no row
/// is blank (blank rows are skipped in both forms, but the workbook's used
/// area also drops trailing blank columns and rows).
fn table() -> impl Strategy<Value = Vec<Vec<String>>> {
    let cell = prop_oneof![
        (1i64..6).prop_map(|v| v.to_string()),
        prop::sample::select(vec!["Agree", "Disagree", "Strongly agree", "n/a", ""])
            .prop_map(String::from),
        "[a-z &<>\"]{1,8}",
    ];
    (2usize..6, 1usize..25).prop_flat_map(move |(width, height)| {
        prop::collection::vec(prop::collection::vec(cell.clone(), width), height).prop_map(
            move |rows| {
                let mut out = vec![(0..width).map(|c| format!("q{c}")).collect::<Vec<_>>()];
                for (i, mut row) in rows.into_iter().enumerate() {
                    row[0] = format!("r{i}");
                    out.push(row);
                }
                // The last column needs a cell in the header row: it has one.
                out
            },
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_table_reads_the_same_from_a_workbook_and_from_csv(rows in table()) {
        let options = ImportOptions::default();
        let from_csv = parse_survey(csv(&rows).as_bytes(), &options);
        let from_xlsx = parse_survey(&xlsx(&rows), &options);
        match (from_csv, from_xlsx) {
            (Ok(a), Ok(b)) => {
                prop_assert_eq!(a.respondents, b.respondents);
                prop_assert_eq!(&a.ids, &b.ids);
                prop_assert_eq!(&a.columns, &b.columns);
            }
            (Err(a), Err(b)) => {
                // The same problem, placed in the sheet for the workbook.
                prop_assert_eq!(a.row(), b.row());
                prop_assert_eq!(a.column(), b.column());
                prop_assert_eq!(b.sheet(), Some("Data"));
            }
            (a, b) => prop_assert!(false, "csv {:?} but xlsx {:?}", a.map(|s| s.respondents), b.map(|s| s.respondents)),
        }
    }
}

/// `content` (the inside of `office:spreadsheet`) as an ODS.
fn ods(content: &str) -> Vec<u8> {
    stored_zip(&[
        (
            "mimetype",
            "application/vnd.oasis.opendocument.spreadsheet".into(),
        ),
        (
            "content.xml",
            format!(
                "<office:document-content xmlns:office=\"o\" xmlns:table=\"t\" xmlns:text=\"x\">\
                 <office:body><office:spreadsheet>{content}</office:spreadsheet></office:body>\
                 </office:document-content>"
            ),
        ),
    ])
}

#[test]
fn repeats_and_far_apart_cells_cannot_ask_for_more_than_the_limits() {
    let options = ImportOptions::default();
    let header = "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>q</text:p></table:table-cell></table:table-row>";
    // A million rows of 16,384 repeated answers: 16 billion cells, refused
    // before any is made.
    let rows = format!(
        "<table:table table:name=\"S\">{header}<table:table-row table:number-rows-repeated=\"1000000\">\
         <table:table-cell table:number-columns-repeated=\"16384\" office:value-type=\"float\" office:value=\"1\"/>\
         </table:table-row></table:table>"
    );
    let e = parse_survey(&ods(&rows), &options).unwrap_err();
    assert!(e.to_string().contains("answer cells"), "{e}");
    // One cell repeated past Excel's widest sheet.
    let wide = "<table:table table:name=\"S\"><table:table-row>\
         <table:table-cell table:number-columns-repeated=\"4000000000\" office:value-type=\"float\" office:value=\"1\"/>\
         </table:table-row></table:table>";
    let e = parse_survey(&ods(wide), &options).unwrap_err();
    assert!(e.to_string().contains("the limit is 16384"), "{e}");
    // Empty repeats, as LibreOffice writes to the sheet's end, cost nothing.
    let tail = format!(
        "<table:table table:name=\"S\">{header}<table:table-row><table:table-cell office:value-type=\"float\" office:value=\"2\"/>\
         <table:table-cell table:number-columns-repeated=\"16000\"/></table:table-row>\
         <table:table-row table:number-rows-repeated=\"1048000\"><table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row></table:table>"
    );
    assert_eq!(parse_survey(&ods(&tail), &options).unwrap().respondents, 1);
    // Two XLSX cells at A1 and XFD1048576: a used area of 17 billion cells.
    let bytes = stored_zip(&[
        (
            "xl/workbook.xml",
            "<workbook><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\" xmlns:r=\"r\"/></sheets></workbook>".into(),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            "<Relationships><Relationship Id=\"rId1\" Type=\"w/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>".into(),
        ),
        (
            "xl/worksheets/sheet1.xml",
            "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>q</t></is></c></row>\
             <row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row></sheetData></worksheet>".into(),
        ),
    ]);
    let e = parse_survey(&bytes, &options).unwrap_err();
    assert!(e.to_string().contains("answer cells"), "{e}");
}
