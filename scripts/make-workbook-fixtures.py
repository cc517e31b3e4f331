#!/usr/bin/env python3
"""Writes tests/fixtures/import/workbooks/: spreadsheet workbooks built by hand
(Python's zipfile, the XML written here; no spreadsheet library), and
expected.json in the shape of tools/expected.json.

- msforms.xlsx: the Microsoft Forms export of tools/msforms.csv as the "Open in
  Excel" workbook: a sheet "Form1" with ID as a number, the times as real Excel
  date-times (serial numbers with a date format), text in shared strings.
- google_sheets.ods: tools/google_sheets.csv as Google Sheets downloads it in
  OpenDocument form: sheet "Form responses 1" with typed date cells, then an
  empty sheet and a "Notes" sheet (the first sheet with data is read).
- google_sheets.xlsx: the same sheet preceded by an empty "Summary" sheet,
  with inline strings and numbers, starting at B2 (column letters shift).
- errors/: workbooks that must be refused with a clear message: a typo in a
  number column (sheet "Responses", row 5, column C), a header with no
  answers, a Word document, a legacy .xls and a password-protected workbook
  (OLE compound files: only the header and directory names the import looks
  at, not complete files).

Run from the repository root after make-tool-fixtures.py:
    python3 scripts/make-workbook-fixtures.py
"""
import csv
import datetime as dt
import json
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "tests/fixtures/import/tools"
OUT = ROOT / "tests/fixtures/import/workbooks"
# A fixed time for every zip entry, so the files are the same on every run.
STAMP = (2026, 1, 1, 0, 0, 0)


def zip_parts(path, parts):
    """parts: list of (name, text); 'mimetype' stays first and stored."""
    with zipfile.ZipFile(path, "w") as z:
        for name, text in parts:
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            z.writestr(info, text)


def column_letter(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def excel_serial(t):
    return (t - dt.datetime(1899, 12, 30)).total_seconds() / 86400


# Cells are (type, value): ("n", number), ("s", text), ("d", datetime), ("b", bool).
def xlsx(path, sheets, shared=True):
    """sheets: list of (name, rows, (first row, first column) 0-based)."""
    strings, index = [], {}
    sheet_xml = []
    for _, rows, (r0, c0) in sheets:
        out = []
        for r, row in enumerate(rows):
            cells = []
            for c, (t, v) in enumerate(row):
                ref = f"{column_letter(c0 + c)}{r0 + r + 1}"
                if t == "s" and v == "":
                    continue
                if t == "n":
                    cells.append(f'<c r="{ref}"><v>{v}</v></c>')
                elif t == "d":
                    cells.append(f'<c r="{ref}" s="1"><v>{excel_serial(v):.10f}</v></c>')
                elif t == "b":
                    cells.append(f'<c r="{ref}" t="b"><v>{int(v)}</v></c>')
                elif shared:
                    if v not in index:
                        index[v] = len(strings)
                        strings.append(v)
                    cells.append(f'<c r="{ref}" t="s"><v>{index[v]}</v></c>')
                else:
                    cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(v)}</t></is></c>')
            out.append(f'<row r="{r0 + r + 1}">{"".join(cells)}</row>')
        sheet_xml.append(
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f'<sheetData>{"".join(out)}</sheetData></worksheet>')
    ns_r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    rel_ws = ns_r + "/worksheet"
    parts = [
        ("[Content_Types].xml",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
         + "".join(f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                   for i in range(len(sheets)))
         + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
         '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
         '</Types>'),
        ("_rels/.rels",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         f'<Relationship Id="rId1" Type="{ns_r}/officeDocument" Target="xl/workbook.xml"/>'
         '</Relationships>'),
        ("xl/workbook.xml",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         f'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="{ns_r}"><sheets>'
         + "".join(f'<sheet name="{escape(name)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>'
                   for i, (name, _, _) in enumerate(sheets))
         + '</sheets></workbook>'),
        ("xl/_rels/workbook.xml.rels",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         + "".join(f'<Relationship Id="rId{i + 1}" Type="{rel_ws}" Target="worksheets/sheet{i + 1}.xml"/>'
                   for i in range(len(sheets)))
         + f'<Relationship Id="rId{len(sheets) + 1}" Type="{ns_r}/styles" Target="styles.xml"/>'
         f'<Relationship Id="rId{len(sheets) + 2}" Type="{ns_r}/sharedStrings" Target="sharedStrings.xml"/>'
         '</Relationships>'),
        # Style 1 is Excel's built-in date-time format 22 (m/d/yy h:mm).
        ("xl/styles.xml",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
         '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
         '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
         '<borders count="1"><border/></borders>'
         '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
         '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
         '<xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
         '</styleSheet>'),
        ("xl/sharedStrings.xml",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">'
         + "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in strings)
         + '</sst>'),
    ]
    parts += [(f"xl/worksheets/sheet{i + 1}.xml", x) for i, x in enumerate(sheet_xml)]
    zip_parts(path, parts)


def ods(path, sheets):
    """sheets: list of (name, rows)."""
    tables = []
    for name, rows in sheets:
        out = []
        for row in rows:
            cells = []
            for t, v in row:
                if t == "n":
                    cells.append(f'<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>')
                elif t == "d":
                    iso = v.strftime("%Y-%m-%dT%H:%M:%S")
                    cells.append(f'<table:table-cell office:value-type="date" office:date-value="{iso}"><text:p>{v:%d/%m/%Y %H:%M:%S}</text:p></table:table-cell>')
                elif t == "b":
                    cells.append(f'<table:table-cell office:value-type="boolean" office:boolean-value="{str(v).lower()}"><text:p>{str(v).upper()}</text:p></table:table-cell>')
                elif v == "":
                    cells.append('<table:table-cell/>')
                else:
                    cells.append(f'<table:table-cell office:value-type="string"><text:p>{escape(v)}</text:p></table:table-cell>')
            # As LibreOffice and Google write them: the empty rest of the row repeated.
            cells.append('<table:table-cell table:number-columns-repeated="1000"/>')
            out.append(f'<table:table-row>{"".join(cells)}</table:table-row>')
        out.append('<table:table-row table:number-rows-repeated="1000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>')
        tables.append(f'<table:table table:name="{escape(name)}">{"".join(out)}</table:table>')
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet>{"".join(tables)}</office:spreadsheet></office:body>'
        '</office:document-content>')
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        '</manifest:manifest>')
    zip_parts(path, [("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
                     ("META-INF/manifest.xml", manifest), ("content.xml", content)])


def read_csv(name):
    with open(TOOLS / name, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def typed(rows, date_format, date_columns, number_columns):
    """The header as text, then each row's cells typed."""
    head = [("s", h) for h in rows[0]]
    out = [head]
    for row in rows[1:]:
        cells = []
        for i, v in enumerate(row):
            if i in date_columns and v:
                cells.append(("d", dt.datetime.strptime(v, date_format)))
            elif i in number_columns and v:
                cells.append(("n", int(v)))
            else:
                cells.append(("s", v))
        out.append(cells)
    return out


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "errors").mkdir(exist_ok=True)
    tools = json.loads((TOOLS / "expected.json").read_text())
    expected = {}

    ms = typed(read_csv("msforms.csv"), "%m/%d/%y %H:%M:%S", {1, 2}, {0})
    xlsx(OUT / "msforms.xlsx", [("Form1", ms, (0, 0))])
    expected["msforms.xlsx"] = dict(tools["msforms.csv"], tool="Microsoft Forms (Excel workbook)")

    gs = typed(read_csv("google_sheets.csv"), "%d/%m/%Y %H:%M:%S", {0}, set())
    ods(OUT / "google_sheets.ods", [("Form responses 1", gs), ("Empty", []),
                                    ("Notes", [[("s", "Exported for the consultation team")]])])
    xlsx(OUT / "google_sheets.xlsx", [("Summary", [], (0, 0)), ("Form responses 1", gs, (1, 1))],
         shared=False)
    for name, tool in [("google_sheets.ods", "Google Forms (Sheets, .ods download)"),
                       ("google_sheets.xlsx", "Google Forms (Sheets, .xlsx download)")]:
        expected[name] = dict(tools["google_sheets.csv"], tool=tool,
                              warnings=["other"])  # which of the sheets was read
    (OUT / "expected.json").write_text(json.dumps(expected, indent=1) + "\n")

    # Errors. Row 5 of "Responses" has "4o" in column C (Age).
    ages = [34, 41, 56, 61, 22, 40, 38, 29, 70, 45, 33, 52]
    rows = [[("s", "ResponseId"), ("s", "Interest"), ("s", "Age")]]
    for i, a in enumerate(ages):
        rows.append([("s", f"R_{i + 1}"), ("n", 1 + i % 5), ("s", "4o") if i == 3 else ("n", a)])
    xlsx(OUT / "errors/typo.xlsx", [("Responses", rows, (0, 0))])
    xlsx(OUT / "errors/header_only.xlsx", [("Responses", rows[:1], (0, 0))])
    zip_parts(OUT / "errors/letter.docx", [
        ("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>")])
    ole = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504)
    (OUT / "errors/legacy.xls").write_bytes(ole + "Workbook".encode("utf-16-le") + bytes(56))
    (OUT / "errors/protected.xlsx").write_bytes(
        ole + "EncryptionInfo".encode("utf-16-le") + bytes(36)
        + "EncryptedPackage".encode("utf-16-le") + bytes(32))


if __name__ == "__main__":
    main()
