//! The output formats of `-o` and what `--sort-by` and `--no-headers` do: the one place that
//! turns the JSON document a command shows (`-o json`'s) into yaml, a kubectl JSONPath
//! template's text or custom columns, and that orders a list's items. Commands build the
//! document; they never write a format themselves (`commands/show.rs` reads the flags).

use std::io::Write;

use clap::builder::{PossibleValue, TypedValueParser};
use serde::Serialize;
use serde_json::Value;

use crate::error::UserError;
use crate::jsonpath::{self, Template};
use crate::output::{self, hidden_kind, sanitize};

/// What `-o` prints for commands that show records.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum OutputFormat {
    /// Human table (dates in local time)
    #[default]
    Table,
    /// Table with more columns
    Wide,
    /// Stable JSON documented in the README (RFC 3339 dates)
    Json,
    /// The JSON document as YAML
    Yaml,
    /// Just the references, one per line
    Name,
    /// kubectl's JSONPath template over the JSON document
    JsonPath(JsonPathTemplate),
    /// kubectl's custom columns: HEADER:PATH,… over each item
    CustomColumns(Columns),
}

impl OutputFormat {
    /// Json, yaml, jsonpath and custom columns: the formats made from the JSON document.
    pub fn is_document(&self) -> bool {
        !matches!(
            self,
            OutputFormat::Table | OutputFormat::Wide | OutputFormat::Name
        )
    }

    /// Reads `-o`'s value: a name, `jsonpath=TEMPLATE` or `custom-columns=SPEC`.
    pub fn parse(value: &str) -> Result<OutputFormat, String> {
        if let Some(template) = value.strip_prefix("jsonpath=").filter(|t| !t.is_empty()) {
            return JsonPathTemplate::parse(template).map(OutputFormat::JsonPath);
        }
        if let Some(spec) = value.strip_prefix("custom-columns=") {
            return Columns::parse(spec).map(OutputFormat::CustomColumns);
        }
        Ok(match value {
            "table" => OutputFormat::Table,
            "wide" => OutputFormat::Wide,
            "json" => OutputFormat::Json,
            "yaml" => OutputFormat::Yaml,
            "name" => OutputFormat::Name,
            // An empty template (`-o jsonpath=`) would print nothing: refused, as kubectl does.
            "jsonpath" | "jsonpath=" => {
                return Err("-o jsonpath needs a template: -o jsonpath='{.items[*].name}'".into());
            }
            "custom-columns" => {
                return Err(
                    "-o custom-columns needs columns: -o custom-columns=NAME:.name,STATUS:.status"
                        .into(),
                );
            }
            other => {
                return Err(format!(
                    "unknown output format \"{}\": use table, wide, json, yaml, name, \
                     jsonpath=TEMPLATE or custom-columns=HEADER:PATH,…",
                    sanitize(other)
                ));
            }
        })
    }
}

/// A `-o jsonpath=` template, with its text for messages.
#[derive(Clone, Debug, PartialEq)]
pub struct JsonPathTemplate {
    pub text: String,
    template: Template,
}

impl JsonPathTemplate {
    fn parse(text: &str) -> Result<JsonPathTemplate, String> {
        match Template::parse(text) {
            Ok(template) => Ok(JsonPathTemplate {
                text: text.to_owned(),
                template,
            }),
            Err(e) => Err(format!(
                "invalid jsonpath template \"{}\": {e}",
                sanitize(text)
            )),
        }
    }
}

/// The columns of `-o custom-columns=`.
#[derive(Clone, Debug, PartialEq)]
pub struct Columns(Vec<Column>);

#[derive(Clone, Debug, PartialEq)]
struct Column {
    header: String,
    path: String,
    template: Template,
}

impl Columns {
    /// kubectl's spec: `HEADER:PATH` pairs separated by commas; PATH as `--sort-by` takes it.
    fn parse(spec: &str) -> Result<Columns, String> {
        if spec.is_empty() {
            return Err(
                "-o custom-columns needs columns: -o custom-columns=NAME:.name,STATUS:.status"
                    .into(),
            );
        }
        let mut columns = vec![];
        for part in spec.split(',') {
            let Some((header, path)) = part.split_once(':') else {
                return Err(format!(
                    "invalid custom-columns spec \"{}\": expected HEADER:PATH, e.g. NAME:.name",
                    sanitize(part)
                ));
            };
            let template = jsonpath::relaxed(path).map_err(|e| {
                format!(
                    "invalid custom-columns path \"{}\" of column {}: {e}",
                    sanitize(path),
                    sanitize(header)
                )
            })?;
            columns.push(Column {
                header: header.to_owned(),
                path: path.to_owned(),
                template,
            });
        }
        Ok(Columns(columns))
    }
}

/// `--sort-by=PATH`: kubectl's relaxed JSONPath into each item of a list.
#[derive(Clone, Debug, PartialEq)]
pub struct SortBy {
    pub path: String,
    template: Template,
}

impl SortBy {
    pub fn parse(path: &str) -> Result<SortBy, String> {
        match jsonpath::relaxed(path) {
            Ok(template) => Ok(SortBy {
                path: path.to_owned(),
                template,
            }),
            Err(e) => Err(format!(
                "invalid --sort-by path \"{}\": {e}",
                sanitize(path)
            )),
        }
    }
}

/// clap's parser of `-o`: [`OutputFormat::parse`], with the formats listed for help and
/// completion.
#[derive(Clone, Copy, Debug)]
pub struct OutputFormatParser {
    /// Only the formats made from the document (commands that print nothing else).
    pub documents_only: bool,
}

impl TypedValueParser for OutputFormatParser {
    type Value = OutputFormat;

    fn parse_ref(
        &self,
        _cmd: &clap::Command,
        _arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<OutputFormat, clap::Error> {
        let usage = |text: String| {
            clap::Error::raw(clap::error::ErrorKind::InvalidValue, format!("{text}\n"))
        };
        let value = value
            .to_str()
            .ok_or_else(|| usage("the output format is not UTF-8".into()))?;
        let format = OutputFormat::parse(value).map_err(usage)?;
        if self.documents_only && !format.is_document() {
            return Err(usage(format!(
                "this command prints a document: -o json, yaml, jsonpath=TEMPLATE or \
                 custom-columns=HEADER:PATH,…, not {value}"
            )));
        }
        Ok(format)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        let people = [
            PossibleValue::new("table").help("Human table (dates in local time)"),
            PossibleValue::new("wide").help("Table with more columns"),
        ];
        let documents = [
            PossibleValue::new("json")
                .help("Stable JSON documented in the README (RFC 3339 dates)"),
            PossibleValue::new("yaml").help("The same document as YAML"),
        ];
        let name = PossibleValue::new("name").help("Just the references, one per line");
        let templates = [
            PossibleValue::new("jsonpath=").help(
                "kubectl's JSONPath template over the JSON document, e.g. \
                 '{.items[*].name}' or '{range .items[*]}{.name}{\"\\n\"}{end}'",
            ),
            PossibleValue::new("custom-columns=")
                .help("A column per HEADER:PATH over each item, e.g. NAME:.name,STATUS:.status"),
        ];
        Some(if self.documents_only {
            Box::new(documents.into_iter().chain(templates))
        } else {
            Box::new(
                people
                    .into_iter()
                    .chain(documents)
                    .chain([name])
                    .chain(templates),
            )
        })
    }
}

/// clap's parser of `--sort-by`: its errors read as `-o`'s do.
pub fn sort_by_parser() -> SortByParser {
    SortByParser
}

#[derive(Clone, Copy, Debug)]
pub struct SortByParser;

impl TypedValueParser for SortByParser {
    type Value = SortBy;

    fn parse_ref(
        &self,
        _cmd: &clap::Command,
        _arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<SortBy, clap::Error> {
        let usage = |text: String| {
            clap::Error::raw(clap::error::ErrorKind::InvalidValue, format!("{text}\n"))
        };
        let value = value
            .to_str()
            .ok_or_else(|| usage("the --sort-by path is not UTF-8".into()))?;
        SortBy::parse(value).map_err(usage)
    }
}

/// Why the flags could not be applied to these records: a usage error (exit 2).
fn usage(text: String) -> UserError {
    UserError::Usage(text)
}

/// Writes `doc` (what `-o json` prints) in a document format: json, yaml, a JSONPath
/// template's text or custom columns. `Table`, `Wide` and `Name` are the command's own and
/// print json here.
pub fn document(
    out: &mut dyn Write,
    format: &OutputFormat,
    no_headers: bool,
    doc: &Value,
) -> anyhow::Result<()> {
    match format {
        OutputFormat::Yaml => yaml(out, doc)?,
        OutputFormat::JsonPath(t) => {
            let text = t.template.execute(doc, &shown).map_err(|e| {
                usage(format!(
                    "error executing jsonpath \"{}\": {e}",
                    sanitize(&t.text)
                ))
            })?;
            out.write_all(text.as_bytes())?;
        }
        OutputFormat::CustomColumns(columns) => {
            out.write_all(custom_columns(columns, no_headers, doc)?.as_bytes())?;
        }
        _ => output::json(out, doc)?,
    }
    Ok(())
}

/// A result of a template as it reaches a terminal: a string as it is but with the characters
/// of [`hidden_kind`] escaped, as tables show them; anything else as compact JSON, with JSON's
/// escapes for those characters.
fn shown(v: &Value) -> String {
    match v {
        Value::String(s) => sanitize(s),
        v => escape_hidden(&v.to_string(), |c, out| {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        }),
    }
}

/// `text` with each character of [`hidden_kind`] but a line break or a tab replaced by what
/// `escape` writes.
fn escape_hidden(text: &str, escape: impl Fn(char, &mut String)) -> String {
    if !has_hidden(text) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if hidden(c) {
            escape(c, &mut out);
        } else {
            out.push(c);
        }
    }
    out
}

/// kubectl's custom columns: one row per item of a list (a single record: one row), each cell
/// the column's results joined by `,` (`<none>` when there are none), laid out as kubectl's
/// tab writer does (columns padded to their widest cell plus 3, at least 6).
fn custom_columns(columns: &Columns, no_headers: bool, doc: &Value) -> anyhow::Result<String> {
    let items: Vec<&Value> = match list_items(doc) {
        Some(items) => items.iter().collect(),
        None => vec![doc],
    };
    let mut rows: Vec<Vec<String>> = vec![];
    if !no_headers {
        rows.push(columns.0.iter().map(|c| sanitize(&c.header)).collect());
    }
    for item in items {
        let mut row = vec![];
        for c in &columns.0 {
            let found = c.template.find(item).map_err(|e| {
                usage(format!(
                    "error executing custom-columns path \"{}\": {e}",
                    sanitize(&c.path)
                ))
            })?;
            let cells: Vec<String> = found.iter().flatten().map(shown).collect();
            row.push(if cells.is_empty() {
                "<none>".to_owned()
            } else {
                cells.join(",")
            });
        }
        rows.push(row);
    }
    Ok(tab_writer(&rows))
}

/// Go's `tabwriter` as kubectl sets it (min width 6, padding 3, spaces): every column but the
/// last padded to its widest cell.
fn tab_writer(rows: &[Vec<String>]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|i| {
            let widest = rows
                .iter()
                .filter_map(|r| r.get(i))
                .map(|c| c.chars().count())
                .max()
                .unwrap_or(0);
            (widest + 3).max(6)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            out.push_str(cell);
            if i + 1 < row.len() {
                let pad = widths[i] - cell.chars().count();
                out.extend(std::iter::repeat_n(' ', pad));
            }
        }
        out.push('\n');
    }
    out
}

/// The items of a `{"kind": "…List", "items": […]}` document.
fn list_items(doc: &Value) -> Option<&Vec<Value>> {
    let kind = doc.get("kind")?.as_str()?;
    if !kind.ends_with("List") {
        return None;
    }
    doc.get("items")?.as_array()
}

/// The document as YAML (serde-saphyr, see Cargo.toml): strings YAML 1.1 would read as
/// something else (`yes`, `1e3`, dates) are quoted, so PyYAML and Go's yaml read back what
/// `-o json` says. A string holding a character of [`hidden_kind`] is double-quoted with that
/// character as a `\u` escape, as `-o json` writes it. serde-saphyr does not quote a key on
/// request: a document with such a key (a token's own claim) is written as its JSON, which is
/// YAML too.
pub fn yaml(out: &mut dyn Write, doc: &Value) -> anyhow::Result<()> {
    if hidden_key(doc) {
        return output::json(out, doc);
    }
    let text = serde_saphyr::to_string(&Visible(doc))
        .map_err(|e| anyhow::anyhow!("cannot write YAML: {e}"))?;
    // What is left of those characters is inside double quotes, where YAML reads escapes.
    let text = escape_hidden(&text, |c, out| {
        let u = c as u32;
        if u <= 0xFFFF {
            out.push_str(&format!("\\u{u:04X}"));
        } else {
            out.push_str(&format!("\\U{u:08X}"));
        }
    });
    out.write_all(text.as_bytes())?;
    Ok(())
}

/// A JSON value for serde-saphyr, with the strings that hold a hidden character double-quoted.
struct Visible<'a>(&'a Value);

impl Serialize for Visible<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        match self.0 {
            Value::String(text) if has_hidden(text) => {
                serde_saphyr::DoubleQuoted(text.as_str()).serialize(s)
            }
            Value::Array(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(&Visible(item))?;
                }
                seq.end()
            }
            Value::Object(map) => {
                let mut m = s.serialize_map(Some(map.len()))?;
                for (k, v) in map {
                    m.serialize_entry(k, &Visible(v))?;
                }
                m.end()
            }
            other => other.serialize(s),
        }
    }
}

/// A character of [`hidden_kind`] other than a line break or a tab, which YAML's block
/// scalars hold as they are.
fn hidden(c: char) -> bool {
    hidden_kind(c).is_some() && c != '\n' && c != '\t'
}

fn has_hidden(s: &str) -> bool {
    s.chars().any(hidden)
}

fn hidden_key(v: &Value) -> bool {
    match v {
        Value::Object(map) => map.iter().any(|(k, v)| has_hidden(k) || hidden_key(v)),
        Value::Array(items) => items.iter().any(hidden_key),
        _ => false,
    }
}

/// `--sort-by`: orders `items` by what the path finds in each one's JSON (`view`), as kubectl
/// does: an item where it finds nothing (or `null`) first, numbers by value, RFC 3339 dates as
/// times, strings that are both Kubernetes quantities (`10`, `1.5Gi`, `100m`) by amount and
/// other strings by their bytes, arrays element by element; a stable sort. A path that finds nothing in any item is
/// an error, as are values of different kinds, booleans and objects.
pub fn sort<T>(items: &mut Vec<T>, by: &SortBy, view: impl Fn(&T) -> Value) -> anyhow::Result<()> {
    // One item is checked too: a path that finds nothing is an error whatever the list's
    // length, as kubectl has it.
    if items.is_empty() {
        return Ok(());
    }
    let mut keyed: Vec<(Option<Value>, T)> = Vec::with_capacity(items.len());
    for item in items.drain(..) {
        let found = by.template.find(&view(&item)).map_err(|e| {
            usage(format!(
                "error executing --sort-by path \"{}\": {e}",
                sanitize(&by.path)
            ))
        })?;
        let first = found.into_iter().next().and_then(|v| v.into_iter().next());
        keyed.push((first.filter(|v| !v.is_null()), item));
    }
    if keyed.iter().all(|(k, _)| k.is_none()) {
        let path = sanitize(&by.path);
        items.extend(keyed.into_iter().map(|(_, t)| t));
        return Err(usage(format!(
            "--sort-by: couldn't find any field with path \"{path}\" in the list of objects"
        ))
        .into());
    }
    let mut failure = None;
    keyed.sort_by(|(a, _), (b, _)| match (a, b) {
        (None, None) => std::cmp::Ordering::Equal,
        (None, Some(_)) => std::cmp::Ordering::Less,
        (Some(_), None) => std::cmp::Ordering::Greater,
        (Some(a), Some(b)) => order(a, b).unwrap_or_else(|e| {
            failure.get_or_insert(e);
            std::cmp::Ordering::Equal
        }),
    });
    items.extend(keyed.into_iter().map(|(_, t)| t));
    match failure {
        Some(why) => Err(usage(format!("--sort-by \"{}\": {why}", sanitize(&by.path))).into()),
        None => Ok(()),
    }
}

fn order(a: &Value, b: &Value) -> Result<std::cmp::Ordering, String> {
    use std::cmp::Ordering;
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            Ok(jsonpath::number_order(x, y).unwrap_or(Ordering::Equal))
        }
        (Value::String(x), Value::String(y)) => {
            // Dates as dates (kubectl sorts its timestamps as times): `…:09.7Z` is before
            // `…:09.77Z`, which their text says the other way round.
            let (t, u) = (x.parse::<jiff::Timestamp>(), y.parse::<jiff::Timestamp>());
            if let (Ok(t), Ok(u)) = (t, u) {
                return Ok(t.cmp(&u));
            }
            Ok(match (quantity(x), quantity(y)) {
                (Some(p), Some(q)) => p.partial_cmp(&q).unwrap_or(Ordering::Equal),
                _ => x.cmp(y),
            })
        }
        (Value::Array(x), Value::Array(y)) => {
            for (p, q) in x.iter().zip(y) {
                if p.is_null() || q.is_null() {
                    continue;
                }
                match order(p, q)? {
                    Ordering::Equal => {}
                    o => return Ok(o),
                }
            }
            Ok(x.len().cmp(&y.len()))
        }
        (Value::Bool(_), Value::Bool(_)) => Err("unsortable type: bool".into()),
        (Value::Object(_), Value::Object(_)) => Err("unsortable type: object".into()),
        _ => {
            let mut kinds = [jsonpath::kind(a), jsonpath::kind(b)];
            kinds.sort_unstable();
            Err(format!("cannot compare {} with {}", kinds[0], kinds[1]))
        }
    }
}

/// A Kubernetes quantity's amount (`resource.ParseQuantity`): a decimal number with a binary
/// (`Ki`…`Ei`) or decimal (`n`, `u`, `m`, `k`, `M`…`E`) suffix or an exponent (`1e3`).
fn quantity(s: &str) -> Option<f64> {
    let digits_end = s
        .char_indices()
        .find(|&(i, c)| !(c.is_ascii_digit() || c == '.' || (i == 0 && (c == '+' || c == '-'))))
        .map_or(s.len(), |(i, _)| i);
    let (number, suffix) = s.split_at(digits_end);
    let unsigned = number.trim_start_matches(['+', '-']);
    if unsigned.is_empty() || unsigned == "." || unsigned.matches('.').count() > 1 {
        return None;
    }
    let value: f64 = number.parse().ok()?;
    let factor = match suffix {
        "" => 1.0,
        "Ki" => 1024f64,
        "Mi" => 1024f64.powi(2),
        "Gi" => 1024f64.powi(3),
        "Ti" => 1024f64.powi(4),
        "Pi" => 1024f64.powi(5),
        "Ei" => 1024f64.powi(6),
        "n" => 1e-9,
        "u" => 1e-6,
        "m" => 1e-3,
        "k" => 1e3,
        "M" => 1e6,
        "G" => 1e9,
        "T" => 1e12,
        "P" => 1e15,
        "E" => 1e18,
        exp => {
            let e = exp.strip_prefix(['e', 'E'])?;
            let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
            if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
                return None;
            }
            10f64.powi(e.parse().ok()?)
        }
    };
    Some(value * factor)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn text(format: &str, no_headers: bool, doc: &Value) -> String {
        let f = OutputFormat::parse(format).unwrap();
        let mut out = vec![];
        document(&mut out, &f, no_headers, doc).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn formats_are_named_or_carry_their_template() {
        assert_eq!(OutputFormat::parse("yaml"), Ok(OutputFormat::Yaml));
        assert!(OutputFormat::parse("jsonpath={.a}").unwrap().is_document());
        assert!(OutputFormat::parse("jsonpath=").is_err());
        assert!(!OutputFormat::parse("wide").unwrap().is_document());
        assert_eq!(
            OutputFormat::parse("jsonpath={.items["),
            Err("invalid jsonpath template \"{.items[\": unclosed [: a `[` without its `]`".into())
        );
        assert_eq!(
            OutputFormat::parse("custom-columns=NAME"),
            Err(
                "invalid custom-columns spec \"NAME\": expected HEADER:PATH, e.g. NAME:.name"
                    .into()
            )
        );
        assert_eq!(
            OutputFormat::parse("custom-columns=NAME:{.a}{.b}"),
            Err(
                "invalid custom-columns path \"{.a}{.b}\" of column NAME: expected a path like \
                 'name1.name2', '.name1.name2', '{name1.name2}' or '{.name1.name2}'"
                    .into()
            )
        );
        assert!(
            OutputFormat::parse("xml")
                .unwrap_err()
                .starts_with("unknown output format \"xml\"")
        );
        assert!(SortBy::parse(".a[").is_err());
    }

    #[test]
    fn yaml_quotes_what_yaml_1_1_would_misread_and_escapes_hidden_characters() {
        let doc = json!({"kind": "L", "items": [{"a": "yes", "b": "2026-12-05T03:28:42Z", "c": 1,
            "d": "txt\u{202e}exe", "k": "\u{e0100}", "e": "multi\nline\ttab", "f": [], "g": null,
            "h": "esc\u{1b}"}]});
        assert_eq!(
            text("yaml", false, &doc),
            "kind: L\nitems:\n- a: \"yes\"\n  b: \"2026-12-05T03:28:42Z\"\n  c: 1\n  \
             d: \"txt\\u202Eexe\"\n  k: \"\\U000E0100\"\n  e: |-\n    multi\n    line\ttab\n  \
             f: []\n  g: null\n  h: \"esc\\e\"\n"
        );
        // A key with such a character: the document's JSON, which YAML reads alike.
        let keyed = json!({"claims": {"k\u{200b}": "v"}});
        assert_eq!(text("yaml", false, &keyed), text("json", false, &keyed));
    }

    #[test]
    fn custom_columns_as_kubectl_lays_them_out() {
        let doc = json!({"kind": "ServiceAccountList", "items": [
            {"name": "a", "groups": ["x", "y"]},
            {"name": "builder-long-name", "groups": []},
            {"name": "c\u{1b}", "groups": ["z"]},
        ]});
        assert_eq!(
            text(
                "custom-columns=NAME:.name,GROUPS:.groups[*],NONE:.none",
                false,
                &doc
            ),
            "NAME                GROUPS   NONE\n\
             a                   x,y      <none>\n\
             builder-long-name   <none>   <none>\n\
             c\\u{1b}             z        <none>\n"
        );
        assert_eq!(
            text("custom-columns=N:name", true, &json!({"name": "one"})),
            "one\n"
        );
    }

    #[test]
    fn jsonpath_results_are_escaped_but_its_literals_are_not() {
        let doc = json!({"items": [{"n": "a\u{202e}b", "o": {"k": "\u{200b}"}}]});
        assert_eq!(
            text(
                r#"jsonpath={range .items[*]}{.n}{"\t"}{.o}{"\n"}{end}"#,
                false,
                &doc
            ),
            "a\\u{202e}b\t{\"k\":\"\\u200b\"}\n"
        );
    }

    #[test]
    fn sorting_as_kubectl_does() {
        let by = |p: &str| SortBy::parse(p).unwrap();
        let mut items = vec![
            json!({"n": "b", "v": 10}),
            json!({"n": "a"}),
            json!({"n": "c", "v": 9}),
        ];
        sort(&mut items, &by(".v"), Clone::clone).unwrap();
        let names: Vec<&str> = items.iter().map(|i| i["n"].as_str().unwrap()).collect();
        assert_eq!(names, ["a", "c", "b"]);
        let mut q = vec![json!("10Gi"), json!("900Mi"), json!("2"), json!("100m")];
        sort(&mut q, &by("{@}"), Clone::clone).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            q,
            [json!("100m"), json!("2"), json!("900Mi"), json!("10Gi")]
        );
        let mut s = vec![json!({"n": "b10"}), json!({"n": "b9"}), json!({"n": "a"})];
        sort(&mut s, &by("n"), Clone::clone).unwrap();
        assert_eq!(
            s,
            [json!({"n": "a"}), json!({"n": "b10"}), json!({"n": "b9"})]
        );
        let e = sort(&mut s, &by(".nothing"), Clone::clone).unwrap_err();
        assert_eq!(
            e.to_string(),
            "--sort-by: couldn't find any field with path \".nothing\" in the list of objects"
        );
        assert_eq!(s.len(), 3);
        // One item too, as kubectl has it.
        let mut one = vec![json!({"n": "a"})];
        assert!(sort(&mut one, &by(".nothing"), Clone::clone).is_err());
        assert_eq!(one.len(), 1);
        let mut mixed = vec![json!({"v": 1}), json!({"v": "x"})];
        assert_eq!(
            sort(&mut mixed, &by(".v"), Clone::clone)
                .unwrap_err()
                .to_string(),
            "--sort-by \".v\": cannot compare a number with a string"
        );
        let mut dates = vec![
            json!("2026-12-05T03:43:09.77Z"),
            json!("2026-12-05T03:43:09.7Z"),
        ];
        sort(&mut dates, &by("{@}"), Clone::clone).unwrap();
        assert_eq!(
            dates,
            [
                json!("2026-12-05T03:43:09.7Z"),
                json!("2026-12-05T03:43:09.77Z")
            ]
        );
        assert_eq!(quantity("1.5Gi"), Some(1.5 * 1024f64.powi(3)));
        assert_eq!(quantity("1e3"), Some(1000.0));
        assert_eq!(quantity("2026-12-05T03:28:42Z"), None);
        assert_eq!(quantity("ci"), None);
    }
}
