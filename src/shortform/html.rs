//! The short form as one self-contained HTML page: the questions as
//! accessible form controls, the tree and segments as inline JSON, and a
//! fixed inline script that walks the tree exactly as
//! [`assign_short_form`](super::assign_short_form) does. Its
//! Content-Security-Policy allows nothing but that script and style (by
//! their SHA-256, computed here), so it works from `file://` with the
//! network off and sends nothing anywhere. All user text is escaped.

use serde_json::json;

use super::answers::Question;
use super::form::ShortForm;
use super::hash::csp_hash;
use crate::survey::ColumnKind;

const STYLE: &str = "body{font-family:system-ui,sans-serif;line-height:1.45;color:#1d1d1d;\
background:#fafafa;margin:0}main{max-width:40rem;margin:0 auto;padding:1.5rem 1rem 3rem}\
h1{font-size:1.6rem;margin:.5rem 0}fieldset{border:1px solid #c8c8c8;border-radius:.4rem;\
background:#fff;margin:0 0 1rem;padding:.75rem 1rem}legend,.question{font-weight:600;padding:0 .25rem}\
.options label{display:block;padding:.2rem 0;cursor:pointer}.options input{margin-right:.5rem}\
.number input{font:inherit;padding:.3rem .4rem;width:8rem;display:block;margin-top:.4rem}\
.skip{color:#555}button{font:inherit;padding:.5rem 1rem;margin-right:.5rem;border-radius:.3rem;\
border:1px solid #1d4ed8;background:#1d4ed8;color:#fff;cursor:pointer}\
button[type=reset]{background:#fff;color:#1d4ed8}:focus-visible{outline:3px solid #f59e0b;\
outline-offset:2px}#problem{color:#b91c1c;font-weight:600}#result{border-left:.4rem solid #1d4ed8;\
background:#fff;padding:.75rem 1rem;margin-top:1.5rem}#result h2{margin:.2rem 0}\
.note{color:#555;font-size:.9rem}";

const SCRIPT: &str = r#"(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("form-data").textContent);
  var form = document.getElementById("short-form");
  var result = document.getElementById("result");
  var problem = document.getElementById("problem");
  function read(i) {
    var q = data.questions[i];
    var inputs = form.querySelectorAll('[name="q' + i + '"]');
    if (q.kind === "numeric") {
      var text = inputs[0].value.trim();
      if (text.indexOf(",") >= 0 && text.indexOf(".") < 0) text = text.replace(",", ".");
      if (text === "") return { missing: true };
      if (!/^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)$/.test(text)) {
        throw new Error("Please write a number for: " + q.text);
      }
      return { number: Number(text) };
    }
    var picked = [];
    var none = false;
    for (var j = 0; j < inputs.length; j++) {
      if (!inputs[j].checked) continue;
      if (inputs[j].value === "none") none = true;
      else if (inputs[j].value !== "") picked.push(Number(inputs[j].value));
    }
    if (q.kind === "multi") return picked.length || none ? { ticked: picked } : { missing: true };
    if (!picked.length) return { missing: true };
    return q.kind === "likert" ? { number: q.values[picked[0]] } : { level: picked[0] };
  }
  function holds(test, a) {
    if (test.test === "atMost") return a.number !== undefined && a.number <= test.value;
    if (test.test === "oneOf") return a.level !== undefined && test.options.indexOf(a.level) >= 0;
    if (test.test === "ticked") return a.ticked !== undefined && a.ticked.indexOf(test.option) >= 0;
    return false;
  }
  function segmentOf(answers) {
    var at = 0;
    for (var step = 0; step <= data.tree.length; step++) {
      var node = data.tree[at];
      if (!node) return null;
      if (node.node === "leaf") return node.segment;
      var a = answers[node.test.question];
      at = a.missing ? node.missing : holds(node.test, a) ? node.yes : node.no;
    }
    return null;
  }
  function show(segment) {
    var s = null;
    for (var i = 0; i < data.segments.length; i++) if (data.segments[i].id === segment) s = data.segments[i];
    if (!s) throw new Error("This form is damaged: it has no segment " + segment + ".");
    document.getElementById("result-name").textContent = s.name;
    document.getElementById("result-headline").textContent = s.headline;
    var list = document.getElementById("result-activities");
    list.textContent = "";
    s.activities.forEach(function (a) {
      var item = document.createElement("li");
      item.textContent = a.approaches.length ? a.activity + ": " + a.approaches.join(", ") : a.activity;
      list.appendChild(item);
    });
    document.getElementById("no-activities").hidden = s.activities.length > 0;
    result.setAttribute("data-segment", String(s.id));
    result.hidden = false;
    result.focus();
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    problem.textContent = "";
    try {
      var answers = data.questions.map(function (q, i) { return read(i); });
      show(segmentOf(answers));
    } catch (e) {
      result.hidden = true;
      problem.textContent = e.message;
    }
  });
  form.addEventListener("reset", function () {
    result.hidden = true;
    problem.textContent = "";
  });
})();
"#;

/// `text` with `& < > " '` escaped, for element content and quoted attributes.
pub(crate) fn escape(text: &str) -> String {
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

/// The controls of question `i`.
fn control(i: usize, q: &Question) -> String {
    let text = escape(&q.text);
    if q.kind == ColumnKind::Numeric {
        return format!(
            "<div class=\"number\"><label class=\"question\" for=\"q{i}\">{text}</label>\
             <input id=\"q{i}\" name=\"q{i}\" type=\"text\" inputmode=\"decimal\" autocomplete=\"off\" \
             aria-describedby=\"q{i}-hint\"><span id=\"q{i}-hint\" class=\"skip\">A number; leave blank to skip.</span></div>\n"
        );
    }
    let (kind, skip) = match q.kind {
        ColumnKind::Multi => (
            "checkbox",
            format!(
                "<label class=\"skip\"><input type=\"checkbox\" name=\"q{i}\" value=\"none\">None of these</label>"
            ),
        ),
        _ => (
            "radio",
            format!(
                "<label class=\"skip\"><input type=\"radio\" name=\"q{i}\" value=\"\">Prefer not to say</label>"
            ),
        ),
    };
    let mut out = format!("<fieldset><legend>{text}</legend><div class=\"options\">\n");
    if q.kind == ColumnKind::Multi {
        out.push_str("<p class=\"note\">Tick all that apply.</p>\n");
    }
    for (j, option) in q.options.iter().enumerate() {
        out.push_str(&format!(
            "<label><input type=\"{kind}\" name=\"q{i}\" value=\"{j}\">{}</label>\n",
            escape(option)
        ));
    }
    out.push_str(&skip);
    out.push_str("\n</div></fieldset>\n");
    out
}

/// What the script needs, as JSON safe inside a `<script>` element.
fn form_data(form: &ShortForm) -> String {
    let questions: Vec<_> = form
        .questions
        .iter()
        .map(|q| json!({ "kind": q.kind, "text": q.text, "values": q.values }))
        .collect();
    let data = json!({ "questions": questions, "tree": form.tree, "segments": form.segments });
    // `<`, `>` and `&` only occur inside JSON strings, where these escapes
    // mean the same: no `</script>` or `<!--` can end the element early.
    data.to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// "puts 9 in 10 people in the same segment as the full survey" (whole
/// tenths, rounded).
fn in_words(overall: f64) -> String {
    let tenths = (overall * 10.0).round().clamp(0.0, 10.0) as u32;
    format!("puts {tenths} in 10 people in the same segment as the full survey")
}

/// The page for `form` (its `html` field is not read).
pub(crate) fn form_html(form: &ShortForm) -> String {
    let csp = format!(
        "default-src 'none'; script-src {}; style-src {}; form-action 'none'; base-uri 'none'",
        csp_hash(SCRIPT),
        csp_hash(STYLE)
    );
    let mut controls = String::new();
    for (i, q) in form.questions.iter().enumerate() {
        controls.push_str(&control(i, q));
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Sign-up questions</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n\
         <h1>A few questions</h1>\n\
         <p>Answer what you like and skip the rest. Nothing you enter leaves this page.</p>\n\
         <form id=\"short-form\" novalidate>\n{controls}\
         <p id=\"problem\" role=\"alert\"></p>\n\
         <button type=\"submit\">Show the segment</button><button type=\"reset\">Start again</button>\n\
         </form>\n\
         <section id=\"result\" tabindex=\"-1\" aria-live=\"polite\" aria-labelledby=\"result-name\" hidden>\n\
         <p class=\"note\">This person is most like the segment</p>\n<h2 id=\"result-name\"></h2>\n\
         <p id=\"result-headline\"></p>\n<h3>Activities to offer</h3>\n<ul id=\"result-activities\"></ul>\n\
         <p id=\"no-activities\" hidden>No activity stands out for this segment: offer the general list.</p>\n\
         </section>\n\
         <p class=\"note\">This form of {n} {questions} {words} ({pct:.0}\u{a0}% in {folds}-fold cross-validation). \
         A segment describes a group, not a verdict on a person.</p>\n\
         </main>\n<script type=\"application/json\" id=\"form-data\">{data}</script>\n\
         <script>{SCRIPT}</script>\n</body>\n</html>\n",
        n = form.questions.len(),
        questions = if form.questions.len() == 1 {
            "question"
        } else {
            "questions"
        },
        words = in_words(form.accuracy.overall),
        pct = form.accuracy.overall * 100.0,
        folds = form.accuracy.folds,
        data = form_data(form),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape("<img src=x onerror=alert(1)> & \"'"),
            "&lt;img src=x onerror=alert(1)&gt; &amp; &quot;&#39;"
        );
    }

    #[test]
    fn accuracy_reads_in_tenths() {
        assert_eq!(
            in_words(0.874),
            "puts 9 in 10 people in the same segment as the full survey"
        );
        assert_eq!(
            in_words(1.0),
            "puts 10 in 10 people in the same segment as the full survey"
        );
    }
}
