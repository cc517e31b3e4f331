#!/usr/bin/env python3
"""Writes tests/fixtures/import/tools/: one small export per survey tool, in
the shapes /work/shared/EXPORT-FORMATS.md describes, and expected.json with
what the import must make of each (respondents, each column's kind, code,
metadata reason, scale labels in order, multi-select options, warnings) and
the planted segments (three groups of respondents answering differently).

Deterministic (seeded); run from the repository root:
    python3 scripts/make-tool-fixtures.py
"""
import csv
import io
import json
import random
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "tests/fixtures/import/tools"
N = 30  # respondents per fixture, 10 per planted group
GROUPS = [i // 10 for i in range(N)]
# Position (0-based, of 5) that each planted group favours in the four
# rated statements: group 0 high on the first two, group 1 on the last two,
# group 2 in the middle.
FAVOURS = [[4, 4, 0, 0], [0, 0, 4, 4], [2, 2, 2, 2]]
SERVICES = ["Parks", "Libraries", "Leisure centres"]
USES = [["Parks", "Leisure centres"], ["Libraries"], ["Parks", "Libraries"]]
STATEMENTS = ["Planning", "Design", "Running", "Reviewing"]
AGES = ["18-34", "35-54", "55+"]

INTEREST_SM = ["Not at all interested", "Not so interested", "Somewhat interested",
               "Very interested", "Extremely interested"]
AGREE = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"]
AGREE_CS = ["Strongly disagree", "Tend to disagree", "Neither agree or disagree",
            "Tend to agree", "Strongly agree"]
LIKELY = ["Very unlikely", "Unlikely", "Neither likely nor unlikely", "Likely", "Very likely"]
SATISFIED = ["Very dissatisfied", "Dissatisfied", "Neither satisfied nor dissatisfied",
             "Satisfied", "Very satisfied"]
QUALITY = ["Poor", "Fair", "Good", "Very good", "Excellent"]
QUALITY_MS = ["e. Poor", "d. Fair", "c. Good", "b. Very good", "a. Excellent"]
INTEREST = ["Not at all interested", "Not very interested", "Neither interested nor uninterested",
            "Fairly interested", "Very interested"]

rng = random.Random(20261202)
OTHERS = ["Allotments", "Swimming pool", "Community hall", "Museum"]
COMMENTS = ["More evening events please, the daytime ones clash with work",
            "I would help plan the new library opening hours if asked",
            "Please publish the results of the last consultation first",
            "Too busy at the moment but happy to answer more surveys",
            "The leisure centre needs longer weekend opening hours",
            "Online meetings would make it easier for carers to join in",
            "Ask younger residents through schools and colleges",
            "Keep the paper forms for people who are not online",
            "Good to see the council asking, keep it up",
            "Parks should be part of every plan from the start"]


def rating(r, s):
    """0-based position respondent r gives statement s: the group's favourite,
    now and then one step off."""
    p = FAVOURS[GROUPS[r]][s]
    if rng.random() < 0.25:
        p += rng.choice([-1, 1])
    return min(4, max(0, p))


def uses(r):
    return USES[GROUPS[r]]


def age(r):
    """Mostly the group's own age band, so it does not split the groups."""
    return AGES[(GROUPS[r] + (1 if r % 10 == 9 else 0)) % 3]


def write(name, rows, *, bom=False, crlf=False, quote_all=False, delimiter=",", trailing=""):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n" if crlf else "\n",
                   quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
    for row in rows:
        w.writerow(row)
    text = ("\ufeff" if bom else "") + buf.getvalue() + trailing
    (OUT / name).write_bytes(text.encode("utf-8"))


def col(name, kind, **extra):
    c = {"name": name, "kind": kind}
    c.update(extra)
    return c


def meta(name, code=None):
    c = col(name, "metadata", reason=True)
    if code:
        c["code"] = code
    return c


def likert(name, labels=None, code=None, lo=1, hi=5):
    c = col(name, "likert", scale={"min": lo, "max": hi})
    if labels:
        c["scale"]["labels"] = labels
    if code:
        c["code"] = code
    return c


def date(r, fmt):
    day, minute = 1 + r % 28, r % 60
    return fmt.format(d=day, m=10, y=2025, yy=25, H=9 + r % 10, M=minute, S=(r * 7) % 60,
                      h=1 + r % 12, ap="AM" if r % 2 else "PM")


EXPECTED = {}


def surveymonkey():
    q_int = "How interested are you in taking part in each stage?"
    q_use = "Which services do you use?"
    top = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address",
           "First Name", "Last Name", "Custom Data 1", q_int, "", "", "", q_use, "", "", "",
           "What is your age group?", "Any other comments?"]
    sub = [""] * 9 + STATEMENTS + SERVICES + ["Other (please specify)", "Response", "Open-Ended Response"]
    rows = [top, sub]
    for r in range(N):
        d = date(r, "{m:02d}/{d:02d}/{y} {h:02d}:{M:02d}:{S:02d} {ap}")
        row = [str(118052219061 + r * 37), "446111201", d, d, f"81.2.{r}.{10 + r}", "", "", "", ""]
        row += [INTEREST_SM[rating(r, s)] for s in range(4)]
        row += [o if o in uses(r) else "" for o in SERVICES]
        row += [OTHERS[r // 9] if r % 9 == 4 else ""]
        row += [age(r), COMMENTS[r % len(COMMENTS)] if r % 3 == 0 else ""]
        rows.append(row)
    write("surveymonkey.csv", rows, crlf=True)
    cols = [col("Respondent ID", "id")] + [meta(n) for n in top[1:9]]
    cols += [likert(f"{q_int} [{s}]", INTEREST_SM) for s in STATEMENTS]
    cols += [col(q_use, "multi", options=SERVICES),
             col(f"{q_use} [Other (please specify)]", "text", otherOf=q_use),
             col("What is your age group?", "categorical"), col("Any other comments?", "text")]
    EXPECTED["surveymonkey.csv"] = {"tool": "SurveyMonkey", "headerRows": 2, "respondents": N,
                                    "columns": cols, "warnings": ["mostlyMissing"],
                                    "segments": GROUPS,
                                    "multiShape": "one column per option holding its label"}


def google_sheets():
    q = "How far do you agree?"
    q_use = "Which services do you use?"
    services = ["Parks, gardens and open spaces", "Libraries", "Leisure centres"]
    uses_g = [[services[0], services[2]], [services[1]], [services[0], services[1]]]
    head = ["Timestamp", "Email address"] + [f"{q} [{s}]" for s in STATEMENTS] + [q_use, "Age group"]
    rows = [head]
    for r in range(N):
        row = [date(r, "{d:02d}/{m:02d}/{y} {H:02d}:{M:02d}:{S:02d}"), f"person{r}@example.org"]
        row += [AGREE[rating(r, s)] for s in range(4)]
        row += [", ".join(uses_g[GROUPS[r]]), age(r)]
        rows.append(row)
    write("google_sheets.csv", rows, quote_all=True)
    cols = [meta("Timestamp"), meta("Email address")]
    cols += [likert(f"{q} [{s}]", AGREE) for s in STATEMENTS]
    cols += [col(q_use, "multi", options=[services[0], services[2], services[1]]),
             col("Age group", "categorical")]
    EXPECTED["google_sheets.csv"] = {"tool": "Google Forms (Sheets)", "headerRows": 1,
                                     "respondents": N, "columns": cols, "warnings": [],
                                     "segments": GROUPS,
                                     "multiShape": "one cell joined with ', ' (an option holds a comma)"}


def google_forms():
    q = "How satisfied are you with"
    q_use = "Which services do you use?"
    head = ["Timestamp"] + [f"{q} [{s}]" for s in STATEMENTS] + [q_use, "Age group"]
    rows = [head]
    for r in range(N):
        row = [date(r, "{y}/{m:02d}/{d:02d} {h}:{M:02d}:{S:02d} {ap} GMT")]
        row += [SATISFIED[rating(r, s)] for s in range(4)]
        row += [";".join(uses(r)), age(r)]
        rows.append(row)
    write("google_forms.csv", rows, quote_all=True)
    cols = [meta("Timestamp")] + [likert(f"{q} [{s}]", SATISFIED) for s in STATEMENTS]
    cols += [col(q_use, "multi", options=["Parks", "Leisure centres", "Libraries"]),
             col("Age group", "categorical")]
    EXPECTED["google_forms.csv"] = {"tool": "Google Forms (download)", "headerRows": 1,
                                    "respondents": N, "columns": cols, "warnings": [],
                                    "segments": GROUPS, "multiShape": "one cell joined with ';'"}


def msforms():
    q_use = "Which services do you use?"
    head = ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time"]
    head += [f"Quality of {s.lower()}" for s in STATEMENTS] + [q_use, "Age group"]
    rows = [head]
    for r in range(N):
        d = date(r, "{m}/{d}/{yy} {H}:{M:02d}:{S:02d}")
        row = [str(r + 1), d, d, "anonymous", "", ""]
        row += [QUALITY_MS[rating(r, s)] for s in range(4)]
        row += ["".join(o + ";" for o in uses(r)), age(r)]
        rows.append(row)
    write("msforms.csv", rows, bom=True, crlf=True)
    cols = [col("ID", "id")] + [meta(n) for n in head[1:6]]
    cols += [likert(f"Quality of {s.lower()}", QUALITY_MS) for s in STATEMENTS]
    cols += [col(q_use, "multi", options=["Parks", "Leisure centres", "Libraries"]),
             col("Age group", "categorical")]
    EXPECTED["msforms.csv"] = {"tool": "Microsoft Forms (CSV)", "headerRows": 1,
                               "respondents": N, "columns": cols, "warnings": [],
                               "segments": GROUPS,
                               "multiShape": "one cell joined with ';' and a trailing ';'"}


QUALTRICS_META = ["StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)",
                  "Finished", "RecordedDate", "ResponseId", "RecipientLastName", "RecipientFirstName",
                  "RecipientEmail", "ExternalReference", "LocationLatitude", "LocationLongitude",
                  "DistributionChannel", "UserLanguage", "Q_RecaptchaScore"]
QUALTRICS_LABEL = ["Start Date", "End Date", "Response Type", "IP Address", "Progress",
                   "Duration (in seconds)", "Finished", "Recorded Date", "Response ID",
                   "Recipient Last Name", "Recipient First Name", "Recipient Email",
                   "External Data Reference", "Location Latitude", "Location Longitude",
                   "Distribution Channel", "User Language", "Q_RecaptchaScore"]
QUALTRICS_IMPORT = ["startDate", "endDate", "status", "ipAddress", "progress", "duration", "finished",
                    "recordedDate", "_recordId", "recipientLastName", "recipientFirstName",
                    "recipientEmail", "externalDataReference", "locationLatitude",
                    "locationLongitude", "distributionChannel", "userLanguage", "Q_RecaptchaScore"]


def qualtrics(numeric):
    q = "How likely are you to take part in each stage?"
    q_use = "Which services do you use?"
    codes = QUALTRICS_META + [f"Q1_{i + 1}" for i in range(4)] + ["Q2_1", "Q2_2", "Q2_3", "Q2_4_TEXT", "Q3"]
    labels = QUALTRICS_LABEL + [f"{q} - {s}" for s in STATEMENTS]
    labels += [f"{q_use} - Selected Choice - {o}" for o in SERVICES]
    labels += [f"{q_use} - Other - Text", "What is your\nage group?"]
    ids = [json.dumps({"ImportId": i}, separators=(",", ":")) for i in QUALTRICS_IMPORT]
    ids[0] = '{"ImportId":"startDate","timeZone":"Europe/London"}'
    ids += [json.dumps({"ImportId": f"QID1_{i + 1}"}) for i in range(4)]
    ids += [json.dumps({"ImportId": "QID2", "choiceId": str(i + 1)}) for i in range(3)]
    ids += ['{"ImportId":"QID2_4_TEXT"}', '{"ImportId":"QID3"}']
    rows = [codes, labels, ids]
    for r in range(N):
        finished = r % 11 != 5
        d = date(r, "{y}-{m:02d}-{d:02d} {H:02d}:{M:02d}:{S:02d}")
        status = "0" if numeric else "IP Address"
        row = [d, d, status, f"81.2.{r}.{r + 3}", "100" if finished else "60", str(100 + r * 3),
               ("1" if finished else "0") if numeric else ("True" if finished else "False"), d,
               f"R_{rng.getrandbits(64):016x}A", "", "", "", "", "51.5", "-0.12",
               "anonymous", "EN", f"{0.5 + (r % 5) / 10:.1f}"]
        if numeric:
            row += [str(rating(r, s) + 1) for s in range(4)]
            row += ["1" if o in uses(r) else "" for o in SERVICES]
            row += [OTHERS[r // 9] if r % 9 == 4 else "", str(AGES.index(age(r)) + 1)]
        else:
            row += [LIKELY[rating(r, s)] for s in range(4)]
            row += [o if o in uses(r) else "" for o in SERVICES]
            row += [OTHERS[r // 9] if r % 9 == 4 else "", age(r)]
        rows.append(row)
    # Two survey previews, left out by the import.
    for at in (3 + 3, 18 + 3):
        preview = list(rows[at])
        preview[2] = "1" if numeric else "Survey Preview"
        preview[8] = f"R_preview{at:08d}X"
        rows.insert(at, preview)
    segments = GROUPS
    name = "qualtrics_numeric.csv" if numeric else "qualtrics_text.csv"
    write(name, rows, bom=True)
    cols = []
    for c, l in zip(QUALTRICS_META, QUALTRICS_LABEL):
        cols.append(col("Response ID", "id", code="ResponseId") if c == "ResponseId" else meta(l, c))
    cols += [likert(f"{q} - {s}", None if numeric else LIKELY, code=f"Q1_{i + 1}")
             for i, s in enumerate(STATEMENTS)]
    cols += [col(q_use, "multi", options=SERVICES, code="Q2"),
             col(f"{q_use} - Other - Text", "text", code="Q2_4_TEXT", otherOf=q_use)]
    cols += [likert("What is your age group?", None, code="Q3", lo=1, hi=5) if numeric
             else col("What is your age group?", "categorical", code="Q3")]
    EXPECTED[name] = {"tool": "Qualtrics (numeric)" if numeric else "Qualtrics (choice text)",
                      "headerRows": 3, "respondents": N, "columns": cols,
                      "warnings": ["previewsLeftOut", "incompleteResponses", "mostlyMissing"],
                      "segments": segments,
                      "multiShape": "one column per option holding " + ("1" if numeric else "its label")}


def smartsurvey():
    q_use = "Which services do you use?"
    head = ["UserID", "UserNo", "Name", "Email", "IP Address", "Unique ID", "Started", "Ended"]
    head += [f"Satisfaction with {s.lower()}" for s in STATEMENTS]
    head += [f"{q_use}: {o}" for o in SERVICES] + ["Age group"]
    rows = [head]
    for r in range(N):
        d = date(r, "{d:02d}/{m:02d}/{y} {H:02d}:{M:02d}")
        row = [str(90312000 + r * 13), str(r + 1), "", "", f"10.0.{r}.7", f"u{r:03d}x7k2mq9", d, d]
        row += [SATISFIED[rating(r, s)] for s in range(4)]
        row += [o if o in uses(r) else "" for o in SERVICES] + [age(r)]
        rows.append(row)
    write("smartsurvey.csv", rows, crlf=True, quote_all=True)
    cols = [col("UserID", "id")] + [meta(n) for n in head[1:8]]
    cols += [likert(f"Satisfaction with {s.lower()}", SATISFIED) for s in STATEMENTS]
    cols += [col(q_use, "multi", options=SERVICES), col("Age group", "categorical")]
    EXPECTED["smartsurvey.csv"] = {"tool": "SmartSurvey", "headerRows": 1, "respondents": N,
                                   "columns": cols, "warnings": [], "segments": GROUPS,
                                   "multiShape": "one column per option ('question: option') holding its label"}


def jisc():
    head = ["URN", "StartDate", "CompletionDate", "Q1"] + [f"Q2_{i + 1}" for i in range(4)] + ["Q3"]
    rows = [head]
    for r in range(N):
        d = date(r, "{d:02d}/{m:02d}/{y} {H:02d}:{M:02d}")
        row = [str(5501000 + r * 7), d, d, age(r)]
        row += [str(rating(r, s) + 1) for s in range(4)]
        row += [";".join(uses(r))]
        rows.append(row)
    write("jisc.csv", rows)
    cols = [col("URN", "id"), meta("StartDate"), meta("CompletionDate"), col("Q1", "categorical")]
    cols += [likert(f"Q2_{i + 1}") for i in range(4)]
    cols += [col("Q3", "multi", options=["Parks", "Leisure centres", "Libraries"])]
    EXPECTED["jisc.csv"] = {"tool": "Jisc Online Surveys", "headerRows": 1, "respondents": N,
                            "columns": cols, "warnings": [], "segments": GROUPS,
                            "multiShape": "one cell joined with ';'"}


def citizen_space():
    q = "To what extent do you agree that the council should involve residents in"
    head = ["Response ID", "Submitted", "What is your name?", "What is your email address?"]
    head += [f"{q} {s.lower()}?" for s in STATEMENTS] + ["Which services do you use?", "Postcode area"]
    rows = [head]
    for r in range(N):
        row = [f"ANON-{rng.getrandbits(40):010X}", date(r, "{y}-{m:02d}-{d:02d} {H:02d}:{M:02d}:{S:02d}"),
               "", f"resident{r}@example.org"]
        row += [AGREE_CS[rating(r, s)] for s in range(4)]
        row += ["|".join(uses(r)), ["LS1", "LS6", "LS9"][GROUPS[r]]]
        rows.append(row)
    write("citizen_space.csv", rows, crlf=True)
    cols = [col("Response ID", "id"), meta("Submitted"), col("What is your name?", "text"),
            meta("What is your email address?")]
    cols += [likert(f"{q} {s.lower()}?", AGREE_CS) for s in STATEMENTS]
    cols += [col("Which services do you use?", "multi", options=["Parks", "Leisure centres", "Libraries"]),
             col("Postcode area", "categorical")]
    EXPECTED["citizen_space.csv"] = {"tool": "Citizen Space", "headerRows": 1, "respondents": N,
                                     "columns": cols, "warnings": ["mostlyMissing"],
                                     "segments": GROUPS,
                                     "multiShape": "one cell joined with '|'"}


def limesurvey():
    head = ["id", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp"]
    head += [f"A1[SQ00{i + 1}]" for i in range(4)] + [f"M1[SQ00{i + 1}]" for i in range(3)]
    head += ["M1[other]", "G1", "interviewtime", "groupTime8106", "A1Time"]
    rows = [head]
    for r in range(N):
        d = date(r, "{y}-{m:02d}-{d:02d} {H:02d}:{M:02d}:{S:02d}")
        row = [str(r + 1), "" if r % 10 == 7 else d, "3", "en", str(rng.getrandbits(30)), d, d]
        row += [INTEREST[rating(r, s)] for s in range(4)]
        row += ["Yes" if o in uses(r) else "No" for o in SERVICES]
        row += [OTHERS[r // 9] if r % 9 == 4 else "", age(r), f"{120 + r * 2.5:.2f}", f"{60 + r:.2f}", f"{20 + r:.2f}"]
        rows.append(row)
    write("limesurvey.csv", rows, bom=True, crlf=True, quote_all=True, trailing="\r\n")
    cols = [col("id", "id")] + [meta(n) for n in head[1:7]]
    cols += [likert(f"A1[SQ00{i + 1}]", INTEREST) for i in range(4)]
    cols += [col("M1", "multi", options=["SQ001", "SQ002", "SQ003"]),
             col("M1[other]", "text", otherOf="M1"), col("G1", "categorical")]
    cols += [meta("interviewtime"), meta("groupTime8106"), meta("A1Time")]
    EXPECTED["limesurvey.csv"] = {"tool": "LimeSurvey", "headerRows": 1, "respondents": N,
                                  "columns": cols,
                                  "warnings": ["incompleteResponses", "trailingBlankLines", "mostlyMissing"],
                                  "segments": GROUPS, "multiShape": "Yes/No column per option"}


def typeform():
    head = ["#", "How likely are you to recommend taking part to a friend?"]
    head += [f"How interested are you in {s.lower()}?" for s in STATEMENTS[1:]]
    head += SERVICES + ["Other", "Response Type", "Start Date (UTC)", "Stage Date (UTC)",
                        "Submit Date (UTC)", "Network ID", "Tags"]
    rows = [head]
    for r in range(N):
        partial = r % 13 == 6
        row = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(31)) + str(r % 10)]
        row += [str(min(10, max(0, rating(r, 0) * 2 + rng.choice([0, 1]))))]
        row += [INTEREST[rating(r, s)] for s in range(1, 4)]
        row += [o if o in uses(r) else "" for o in SERVICES] + [OTHERS[r // 9] if r % 9 == 4 else ""]
        d = date(r, "{y}-{m:02d}-{d:02d} {H:02d}:{M:02d}:{S:02d}")
        row += ["partial" if partial else "completed", d, d if partial else "", "" if partial else d,
                f"{rng.getrandbits(40):010x}", ""]
        rows.append(row)
    write("typeform.csv", rows)
    cols = [col("#", "id"), likert(head[1], lo=0, hi=10)]
    cols += [likert(h, INTEREST) for h in head[2:5]]
    cols += [col("Parks / Libraries / Leisure centres", "multi", options=SERVICES),
             col("Other", "text", otherOf="Parks / Libraries / Leisure centres")]
    cols += [meta(n) for n in head[9:]]
    EXPECTED["typeform.csv"] = {"tool": "Typeform", "headerRows": 1, "respondents": N,
                                "columns": cols, "warnings": ["incompleteResponses", "mostlyMissing"],
                                "segments": GROUPS,
                                "multiShape": "one column per choice, headed by the label only"}


def spss():
    head = ["RESPID", "COMPLETE", "Q1A", "Q1B", "Q1C", "Q1D", "AGE"]
    rows = [head]
    for r in range(N):
        row = [str(20001 + r), "1"]
        for s in range(4):
            v = str(rating(r, s) + 1)
            if (r + s) % 17 == 3:
                v = "9"  # refused
            if (r + s) % 19 == 5:
                v = "."  # system missing
            row.append(v)
        row.append(str([24, 47, 70][GROUPS[r]] + (r * 13) % 9))
        rows.append(row)
    write("spss.csv", rows)
    cols = [col("RESPID", "id"), meta("COMPLETE")] + [likert(h) for h in head[2:6]]
    cols += [col("AGE", "numeric")]
    EXPECTED["spss.csv"] = {"tool": "SPSS CSV", "headerRows": 1, "respondents": N, "columns": cols,
                            "warnings": ["outOfScale"], "segments": GROUPS,
                            "multiShape": "none"}


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    surveymonkey()
    google_sheets()
    google_forms()
    msforms()
    qualtrics(False)
    qualtrics(True)
    smartsurvey()
    jisc()
    citizen_space()
    limesurvey()
    typeform()
    spss()
    (OUT / "expected.json").write_text(json.dumps(EXPECTED, indent=1) + "\n")


if __name__ == "__main__":
    main()
