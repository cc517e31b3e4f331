//! A self-contained report of a run, as Markdown or HTML, built once as a
//! list of blocks of plain text and rendered by two small writers that
//! escape every piece of text. The HTML has inline CSS only: no scripts,
//! no external resources.

use serde::Serialize;

use super::table::{Table as ProfileTable, profile_table, suppressed};
use crate::engage::{Brief, BriefActivity, Recognition, percent};
use crate::profile::{Distinction, Distinctive, Profiles, SegmentFigures};

/// One row of the table used to choose the number of segments.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KSelectionRow {
    /// Number of segments tried.
    pub k: usize,
    /// Within-segment sum of squared distances.
    pub inertia: f64,
    /// Mean silhouette, if computed.
    pub silhouette: Option<f64>,
    /// True for the k that was used.
    pub chosen: bool,
}

/// One stability figure (e.g. agreement between reruns), already computed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StabilityFigure {
    /// What it measures, e.g. "Mean adjusted Rand index over 10 reruns".
    pub name: String,
    /// Its value.
    pub value: f64,
}

/// Everything a report shows, already computed; independent of the engine.
#[derive(Debug, Clone, Copy)]
pub struct ReportInput<'a> {
    /// The survey file's name.
    pub file_name: &'a str,
    /// Respondents in the survey.
    pub respondents: usize,
    /// The survey's input hash.
    pub input_hash: &'a str,
    /// The seed of the run.
    pub seed: u64,
    /// Number of segments.
    pub k: usize,
    /// The options of the run, as given.
    pub options: &'a serde_json::Value,
    /// The k-selection table, if one was computed.
    pub k_selection: &'a [KSelectionRow],
    /// Stability figures, if computed.
    pub stability: &'a [StabilityFigure],
    /// The profiles.
    pub profiles: &'a Profiles,
    /// The segments' names, by id.
    pub names: &'a [String],
    /// The segments' briefs, by id.
    pub briefs: &'a [Brief],
    /// Which questions are about which activity.
    pub activities: &'a Recognition,
}

/// Plain text blocks; renderers escape everything.
enum Block {
    Heading(u8, String),
    Paragraph(String),
    List(Vec<String>),
    Code(String),
    Table(Vec<String>, Vec<Vec<String>>),
}

fn number(x: Option<f64>, decimals: usize) -> String {
    x.map_or_else(|| "–".into(), |x| format!("{x:.decimals$}"))
}

fn blocks(input: &ReportInput) -> Vec<Block> {
    let mut out = inputs(input);
    out.extend(k_selection(input.k_selection));
    out.extend(stability(input.stability));
    out.extend(segments_table(input));
    let p = input.profiles;
    let table = profile_table(p, input.names, p.min_group_size);
    for (s, brief) in p.segments.iter().zip(input.briefs) {
        let name = name(input, s);
        out.extend(segment_section(s, name, brief, &table, p.min_group_size));
    }
    out
}

/// The name of segment `s`.
fn name<'a>(input: &ReportInput<'a>, s: &SegmentFigures) -> &'a str {
    input.names.get(s.id as usize).map_or("", String::as_str)
}

/// The title, the inputs of the run and its options.
fn inputs(input: &ReportInput) -> Vec<Block> {
    use Block::*;
    let p = input.profiles;
    let min = p.min_group_size;
    let options = serde_json::to_string_pretty(input.options)
        .unwrap_or_else(|e| format!("(the options could not be written: {e})"));
    vec![
        Heading(1, "Segment report".into()),
        Paragraph(format!(
            "Produced by citizen-segments {}.",
            env!("CARGO_PKG_VERSION")
        )),
        Heading(2, "Inputs".into()),
        List(vec![
            format!("File: {}", input.file_name),
            format!(
                "Respondents: {} ({} in a segment, {} unassigned)",
                input.respondents, p.assigned, p.unassigned
            ),
            format!("Input hash: {}", input.input_hash),
            format!("Seed: {}", input.seed),
            format!("Segments (k): {}", input.k),
            format!(
                "Disclosure threshold: figures from fewer than {min} respondents are suppressed"
            ),
        ]),
        Heading(2, "Options".into()),
        Code(options),
    ]
}

/// The k-selection table, when there is one.
fn k_selection(rows: &[KSelectionRow]) -> Vec<Block> {
    if rows.is_empty() {
        return Vec::new();
    }
    let header = ["k", "inertia", "silhouette", "chosen"].map(String::from);
    let rows = rows
        .iter()
        .map(|r| {
            vec![
                r.k.to_string(),
                number(Some(r.inertia), 2),
                number(r.silhouette, 3),
                if r.chosen { "yes" } else { "" }.into(),
            ]
        })
        .collect();
    vec![
        Block::Heading(2, "Choosing the number of segments".into()),
        Block::Table(header.to_vec(), rows),
    ]
}

/// The stability figures, when there are any.
fn stability(figures: &[StabilityFigure]) -> Vec<Block> {
    if figures.is_empty() {
        return Vec::new();
    }
    let lines = figures
        .iter()
        .map(|s| format!("{}: {}", s.name, number(Some(s.value), 3)))
        .collect();
    vec![Block::Heading(2, "Stability".into()), Block::List(lines)]
}

/// One row per segment, and the questions no activity was recognised in.
fn segments_table(input: &ReportInput) -> Vec<Block> {
    let p = input.profiles;
    let header = ["id", "name", "respondents", "share", "below threshold"].map(String::from);
    let rows = p
        .segments
        .iter()
        .map(|s| {
            vec![
                s.id.to_string(),
                name(input, s).to_string(),
                s.figures.size.to_string(),
                percent(s.figures.share),
                if s.below_min_size { "yes" } else { "no" }.into(),
            ]
        })
        .collect();
    let mut out = vec![
        Block::Heading(2, "Segments".into()),
        Block::Table(header.to_vec(), rows),
    ];
    let unrecognised = &input.activities.unrecognised;
    if !unrecognised.is_empty() {
        out.push(Block::Paragraph(format!(
            "Questions not recognised as about a co-production activity: {}.",
            unrecognised.join("; ")
        )));
    }
    out
}

/// One segment: its brief, what sets it apart and its column of the profile
/// table; only a note when it is below the disclosure threshold.
fn segment_section(
    s: &SegmentFigures,
    name: &str,
    b: &Brief,
    table: &ProfileTable,
    min: u32,
) -> Vec<Block> {
    use Block::*;
    let mut out = vec![Heading(2, format!("Segment {}: {name}", s.id))];
    if s.below_min_size {
        out.push(Paragraph(format!(
            "{} respondents, fewer than {min}: the brief and figures are suppressed.",
            s.figures.size
        )));
        return out;
    }
    out.push(Paragraph(b.headline.clone()));
    out.push(Heading(3, "Activities of interest".into()));
    let activities = activities(&b.activities, min);
    out.push(if activities.is_empty() {
        Paragraph("No activity stands out above average.".into())
    } else {
        List(activities)
    });
    if !b.descriptors.is_empty() {
        out.push(Heading(3, "Characterised by".into()));
        out.push(List(
            b.descriptors
                .iter()
                .map(|d| d.description.clone())
                .collect(),
        ));
    }
    let apart = apart(&s.distinctive, min);
    if !apart.is_empty() {
        out.push(Heading(3, "What sets it apart".into()));
        out.push(List(apart));
    }
    out.push(Heading(3, "Profile".into()));
    out.push(segment_column(s, name, table));
    out
}

/// One line per activity of interest; a figure from fewer than `min`
/// respondents is replaced by the suppression marker.
fn activities(activities: &[BriefActivity], min: u32) -> Vec<String> {
    let marker = suppressed(min);
    activities
        .iter()
        .map(|a| {
            let line = if a.n < min as usize {
                marker.clone()
            } else {
                a.comparison.clone()
            };
            format!(
                "{} ({}): {}. Fitting approaches: {}.",
                a.activity_name,
                a.family.name(),
                line,
                a.approaches.join(", ")
            )
        })
        .collect()
}

/// What sets a segment apart, from at least `min` answers each.
fn apart(d: &Distinctive, min: u32) -> Vec<String> {
    let shown = |x: &&Distinction| x.n >= min as usize;
    let mut out: Vec<String> = Vec::new();
    for (list, word) in [
        (&d.questions_above, "higher"),
        (&d.questions_below, "lower"),
    ] {
        out.extend(list.iter().filter(shown).map(|x| {
            format!(
                "{}: {word} than all respondents (mean {:.2} against {:.2}, {:+.2} sd)",
                x.question, x.segment, x.overall, x.difference
            )
        }));
    }
    for (list, word) in [(&d.categories_above, "more"), (&d.categories_below, "less")] {
        out.extend(list.iter().filter(shown).map(|x| {
            format!(
                "{}: {} chosen {word} often ({} against {})",
                x.question,
                x.category.as_deref().unwrap_or_default(),
                percent(x.segment),
                percent(x.overall)
            )
        }));
    }
    out
}

/// The profile table cut to the segment's column beside all respondents'.
fn segment_column(s: &SegmentFigures, name: &str, table: &ProfileTable) -> Block {
    let column = 4 + s.id as usize;
    let header = vec![
        table.header[0].clone(),
        table.header[1].clone(),
        table.header[2].clone(),
        name.to_string(),
        table.header[3].clone(),
    ];
    let rows = table
        .rows
        .iter()
        .map(|r| {
            let mut row = r[..3].to_vec();
            row.push(r.get(column).cloned().unwrap_or_default());
            row.push(r[3].clone());
            row
        })
        .collect();
    Block::Table(header, rows)
}

/// Text made inert in Markdown: HTML-significant characters become entities,
/// Markdown punctuation is backslash-escaped and line breaks become spaces.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// The report as Markdown.
pub fn report_markdown(input: ReportInput) -> String {
    let mut out = String::new();
    for block in blocks(&input) {
        match block {
            Block::Heading(level, text) => {
                out.push_str(&format!("{} {}\n\n", "#".repeat(level.into()), md(&text)));
            }
            Block::Paragraph(text) => out.push_str(&format!("{}\n\n", md(&text))),
            Block::List(items) => {
                for item in items {
                    out.push_str(&format!("- {}\n", md(&item)));
                }
                out.push('\n');
            }
            Block::Code(text) => {
                // A fence longer than any run of backticks in the text.
                let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
                let fence = "`".repeat(longest.max(2) + 1);
                out.push_str(&format!("{fence}json\n{text}\n{fence}\n\n"));
            }
            Block::Table(header, rows) => {
                let line = |cells: &[String]| {
                    format!(
                        "| {} |\n",
                        cells.iter().map(|c| md(c)).collect::<Vec<_>>().join(" | ")
                    )
                };
                out.push_str(&line(&header));
                out.push_str(&format!("|{}\n", " --- |".repeat(header.len())));
                for row in rows {
                    out.push_str(&line(&row));
                }
                out.push('\n');
            }
        }
    }
    out
}

/// Text escaped for HTML content and attribute values.
fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;\
padding:0 1rem;line-height:1.4;color:#222}table{border-collapse:collapse;margin:1rem 0}\
th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}\
th{background:#f3f3f3}pre{background:#f6f6f6;padding:.75rem;overflow:auto}";

/// The report as one self-contained HTML page (inline CSS, no scripts, no
/// external resources); every piece of text is escaped.
pub fn report_html(input: ReportInput) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>Segment report: {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        html(input.file_name)
    );
    for block in blocks(&input) {
        match block {
            Block::Heading(level, text) => {
                out.push_str(&format!("<h{level}>{}</h{level}>\n", html(&text)));
            }
            Block::Paragraph(text) => out.push_str(&format!("<p>{}</p>\n", html(&text))),
            Block::List(items) => {
                out.push_str("<ul>\n");
                for item in items {
                    out.push_str(&format!("<li>{}</li>\n", html(&item)));
                }
                out.push_str("</ul>\n");
            }
            Block::Code(text) => out.push_str(&format!("<pre>{}</pre>\n", html(&text))),
            Block::Table(header, rows) => {
                out.push_str("<table>\n<thead><tr>");
                for h in header {
                    out.push_str(&format!("<th>{}</th>", html(&h)));
                }
                out.push_str("</tr></thead>\n<tbody>\n");
                for row in rows {
                    out.push_str("<tr>");
                    for c in row {
                        out.push_str(&format!("<td>{}</td>", html(&c)));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</tbody>\n</table>\n");
            }
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engage::{Engagement, fixture_engagement};
    use crate::profile::testing::fixture;

    const HOSTILE: &str = "<img src=x onerror=alert(1)>";

    fn hostile_profiles(min_group_size: u32) -> (Profiles, Engagement) {
        let mut survey = fixture();
        survey.columns[1].name = HOSTILE.into();
        let names = [(1, HOSTILE.to_string())].into();
        fixture_engagement(&survey, min_group_size, &[], names)
    }

    fn report((p, e): &(Profiles, Engagement), render: fn(ReportInput) -> String) -> String {
        let options = serde_json::json!({ "k": 2, "note": HOSTILE, "fence": "```" });
        render(ReportInput {
            file_name: HOSTILE,
            respondents: 7,
            input_hash: "0123456789abcdef",
            seed: 42,
            k: 2,
            options: &options,
            k_selection: &[KSelectionRow {
                k: 2,
                inertia: 12.5,
                silhouette: Some(0.41),
                chosen: true,
            }],
            stability: &[StabilityFigure {
                name: "Mean adjusted Rand index".into(),
                value: 0.9,
            }],
            profiles: p,
            names: &e.names,
            briefs: &e.briefs,
            activities: &e.activities,
        })
    }

    #[test]
    fn html_escapes_user_text_and_is_self_contained() {
        let out = report(&hostile_profiles(2), report_html);
        assert!(!out.contains("<img"), "{out}");
        assert!(out.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assert!(out.contains("<h2>Segment 1: &lt;img src=x onerror=alert(1)&gt;</h2>"));
        for forbidden in [
            "<script", "<link", "<iframe", "url(", "@import", "http:", "https:", " src=\"",
            " href=",
        ] {
            assert!(!out.contains(forbidden), "{forbidden}");
        }
        assert!(out.contains("Seed: 42"));
        assert!(out.contains("Input hash: 0123456789abcdef"));
        assert!(out.contains("<td>2</td><td>12.50</td><td>0.410</td><td>yes</td>"));
        assert!(out.contains(
            "100 % fairly or very interested in co-design, against 60 % of all respondents"
        ));
    }

    #[test]
    fn markdown_escapes_user_text() {
        let out = report(&hostile_profiles(2), report_markdown);
        // The only raw copy is inside the fenced options block, where Markdown
        // shows it literally.
        let fenced = out.split("````").nth(1).unwrap_or_default();
        assert_eq!(out.matches("<img").count(), 1);
        assert!(fenced.contains("<img"));
        assert!(out.contains("## Segment 1: &lt;img src=x onerror=alert(1)&gt;"));
        assert!(
            out.contains("````json\n"),
            "the fence outgrows the options' backticks"
        );
        assert!(out.contains("- Seed: 42\n"));
        assert!(out.contains("| 2 | 12.50 | 0.410 | yes |"));
        assert!(out.contains(
            "- Preferred channel: Community event chosen more often (67 % against 40 %)\n"
        ));
    }

    #[test]
    fn small_segments_are_suppressed_in_reports() {
        let out = report(&hostile_profiles(3), report_markdown);
        // Segment 1 has 3 respondents but only 2 answered co-design.
        assert!(
            out.contains("| mean | \\[suppressed: n&lt;3\\] | 3.00 |"),
            "{out}"
        );
        let out = report(&hostile_profiles(4), report_markdown);
        assert!(out.contains("3 respondents, fewer than 4: the brief and figures are suppressed."));
        assert!(!out.contains("fairly or very interested"));
    }
}
