//! kubectl's JSONPath templates (`-o jsonpath=…`, `-o custom-columns=…`, `--sort-by=…`) over a
//! JSON value: literal text with `{…}` actions holding fields (`.a.b`, `['a.b']`, `.*`),
//! indexes and slices (`[0]`, `[-1:]`, `[*]`, `[0:4:2]`), unions (`[0,2]`), recursive descent
//! (`..name`), filters (`[?(@.x=="y")]`, `[?(@.x)]`, `<`, `>`, `<=`, `>=`, `!=`), quoted text
//! (`{"\n"}`) and `{range …}…{end}`.
//!
//! Written here, not taken from a crate: the JSONPath crates implement RFC 9535 (`$.a[?@.b]`),
//! whose syntax and results differ from kubectl's templates (no `{range}`, no literal text, no
//! space-joined results). This is a port of kubectl's own `k8s.io/client-go/util/jsonpath`
//! (parser.go, jsonpath.go), whose test cases the unit tests below repeat, with these
//! differences: an unclosed `{`, `[` or filter says which and what closes it; the template is
//! parsed whole before it runs, so an unknown identifier or a
//! stray `{end}` is a parse error; missing keys are never an error (kubectl's default,
//! `--allow-missing-template-keys`); `{.}` is the current value; objects keep the order of
//! their keys; a filter that compares `null` with a value is false instead of an error, and
//! numbers compare as numbers whatever their JSON form.

use std::fmt;

use serde_json::Value;

/// Why a template could not be parsed or run: kubectl's text for the same mistake.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(pub String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

fn err<T>(text: impl Into<String>) -> Result<T, Error> {
    Err(Error(text.into()))
}

/// A parsed template.
#[derive(Debug, Clone, PartialEq)]
pub struct Template {
    parts: Vec<Part>,
}

#[derive(Debug, Clone, PartialEq)]
enum Part {
    Text(String),
    Action(Expr),
    Range(Expr, Vec<Part>),
}

/// Steps applied one after the other to a list of values.
#[derive(Debug, Clone, PartialEq, Default)]
struct Expr(Vec<Step>);

#[derive(Debug, Clone, PartialEq)]
enum Step {
    Field(String),
    Wildcard,
    Recursive,
    Slice(Slice),
    Union(Vec<Expr>),
    Filter(Box<Filter>),
    Text(String),
    Int(i64),
    Float(f64),
    Bool(bool),
}

/// `[start:end:step]`; `[i]` is `[i:i+1]` (`single`).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Slice {
    start: Option<i64>,
    end: Option<i64>,
    step: Option<i64>,
    single: bool,
}

#[derive(Debug, Clone, PartialEq)]
struct Filter {
    left: Expr,
    /// `None`: keep the elements where `left` finds something.
    compare: Option<(Op, Expr)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl Template {
    /// Parses a template: text with `{…}` actions.
    pub fn parse(text: &str) -> Result<Template, Error> {
        let mut stack: Vec<(Expr, Vec<Part>)> = vec![];
        let mut parts = vec![];
        let mut rest = text;
        while !rest.is_empty() {
            let Some(open) = rest.find('{') else {
                parts.push(Part::Text(rest.to_owned()));
                break;
            };
            if open > 0 {
                parts.push(Part::Text(rest[..open].to_owned()));
            }
            let mut lexer = Lexer {
                s: &rest[open + 1..],
                pos: 0,
            };
            match lexer.action()? {
                Action::Expr(e) => parts.push(Part::Action(e)),
                Action::Range(e) => stack.push((e, std::mem::take(&mut parts))),
                Action::End => {
                    let Some((e, outer)) = stack.pop() else {
                        return err("not in range, nothing to end");
                    };
                    let body = std::mem::replace(&mut parts, outer);
                    parts.push(Part::Range(e, body));
                }
            }
            rest = &lexer.s[lexer.pos..];
        }
        // kubectl runs a range without `{end}` to the end of the template.
        while let Some((e, outer)) = stack.pop() {
            let body = std::mem::replace(&mut parts, outer);
            parts.push(Part::Range(e, body));
        }
        Ok(Template { parts })
    }

    /// Runs the template on `data`: the text of each part, the results of one action joined by
    /// spaces. `text` turns each result into text (the caller escapes what must not reach a
    /// terminal); literal text of the template is written as it is.
    pub fn execute(&self, data: &Value, text: &dyn Fn(&Value) -> String) -> Result<String, Error> {
        let mut out = String::new();
        run(&self.parts, data, text, &mut out)?;
        Ok(out)
    }

    /// The values each action finds in `data` (ranges run), in order: what `--sort-by` and
    /// custom columns read.
    pub fn find(&self, data: &Value) -> Result<Vec<Vec<Value>>, Error> {
        let mut found = vec![];
        find(&self.parts, data, &mut found)?;
        Ok(found)
    }
}

fn run(
    parts: &[Part],
    data: &Value,
    text: &dyn Fn(&Value) -> String,
    out: &mut String,
) -> Result<(), Error> {
    for part in parts {
        match part {
            Part::Text(t) => out.push_str(t),
            Part::Action(e) => {
                let values = e.eval(vec![data.clone()])?;
                let literal = matches!(e.0.last(), Some(Step::Text(_)));
                for (i, v) in values.iter().enumerate() {
                    if i > 0 {
                        out.push(' ');
                    }
                    match v {
                        // A quoted text of the template (`{"\n"}`) is written as it is.
                        Value::String(s) if literal => out.push_str(s),
                        v => out.push_str(&text(v)),
                    }
                }
            }
            Part::Range(e, body) => {
                for v in e.eval(vec![data.clone()])? {
                    run(body, &v, text, out)?;
                }
            }
        }
    }
    Ok(())
}

fn find(parts: &[Part], data: &Value, found: &mut Vec<Vec<Value>>) -> Result<(), Error> {
    for part in parts {
        match part {
            Part::Text(t) => found.push(vec![Value::String(t.clone())]),
            Part::Action(e) => found.push(e.eval(vec![data.clone()])?),
            Part::Range(e, body) => {
                for v in e.eval(vec![data.clone()])? {
                    find(body, &v, found)?;
                }
            }
        }
    }
    Ok(())
}

/// A value as kubectl prints a result: strings as they are, `null`, numbers and booleans as
/// JSON writes them, objects and arrays as compact JSON.
pub fn plain_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        v => v.to_string(),
    }
}

impl Expr {
    fn eval(&self, mut values: Vec<Value>) -> Result<Vec<Value>, Error> {
        for step in &self.0 {
            values = step.eval(values)?;
        }
        Ok(values)
    }
}

impl Step {
    fn eval(&self, input: Vec<Value>) -> Result<Vec<Value>, Error> {
        let mut out = vec![];
        match self {
            Step::Text(t) => return Ok(vec![Value::String(t.clone())]),
            Step::Int(i) => return Ok(input.iter().map(|_| Value::from(*i)).collect()),
            Step::Float(f) => return Ok(input.iter().map(|_| Value::from(*f)).collect()),
            Step::Bool(b) => return Ok(input.iter().map(|_| Value::Bool(*b)).collect()),
            Step::Field(name) if name.is_empty() => return Ok(input),
            Step::Field(name) => {
                for v in input {
                    if let Value::Object(mut map) = v
                        && let Some(found) = map.remove(name)
                    {
                        out.push(found);
                    }
                }
            }
            Step::Wildcard => {
                for v in input {
                    match v {
                        Value::Object(map) => out.extend(map.into_iter().map(|(_, v)| v)),
                        Value::Array(items) => out.extend(items),
                        _ => {}
                    }
                }
            }
            Step::Recursive => {
                for v in input {
                    descend(v, &mut out);
                }
            }
            Step::Slice(s) => {
                for v in input {
                    match v {
                        Value::Null => {}
                        Value::Array(items) => s.take(items, &mut out)?,
                        other => return err(format!("{} is not array or slice", kind(&other))),
                    }
                }
            }
            Step::Union(exprs) => {
                for e in exprs {
                    out.extend(e.eval(input.clone())?);
                }
            }
            Step::Filter(f) => {
                for v in input {
                    match v {
                        Value::Null => {}
                        Value::Array(items) => {
                            for item in items {
                                if f.keeps(&item)? {
                                    out.push(item);
                                }
                            }
                        }
                        other => {
                            return err(format!(
                                "{} is not array or slice and cannot be filtered",
                                kind(&other)
                            ));
                        }
                    }
                }
            }
        }
        Ok(out)
    }
}

/// `..`: every object or array under `v`, `v` first (kubectl leaves out the scalars).
fn descend(v: Value, out: &mut Vec<Value>) {
    let children: Vec<Value> = match &v {
        Value::Object(map) if !map.is_empty() => map.values().cloned().collect(),
        Value::Array(items) if !items.is_empty() => items.clone(),
        _ => return,
    };
    out.push(v);
    for c in children {
        descend(c, out);
    }
}

/// What a JSON value is, as messages name it ("a string", "an array", "null").
pub fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

impl Slice {
    /// kubectl's bounds: a negative index counts from the end; an index outside the array is
    /// an error, an empty range is not.
    fn take(&self, items: Vec<Value>, out: &mut Vec<Value>) -> Result<(), Error> {
        let len = items.len() as i64;
        let mut start = self.start.unwrap_or(0);
        if start < 0 {
            start += len;
        }
        let mut end = match (self.single, self.end) {
            (true, _) => start + 1,
            (false, Some(e)) => e,
            (false, None) => len,
        };
        if !self.single && end < 0 {
            end += len;
        }
        if start == end {
            return Ok(());
        }
        if start >= len || start < 0 {
            return err(format!(
                "array index out of bounds: index {start}, length {len}"
            ));
        }
        if end > len || end < 0 {
            return err(format!(
                "array index out of bounds: index {}, length {len}",
                end - 1
            ));
        }
        if start > end {
            return err(format!(
                "starting index {start} is greater than ending index {end}"
            ));
        }
        let step = match self.step {
            Some(s) if s <= 0 => return err("step must be > 0"),
            Some(s) => s as usize,
            None => 1,
        };
        out.extend(
            items
                .into_iter()
                .skip(start as usize)
                .take((end - start) as usize)
                .step_by(step),
        );
        Ok(())
    }
}

impl Filter {
    fn keeps(&self, item: &Value) -> Result<bool, Error> {
        let lefts = self.left.eval(vec![item.clone()])?;
        let Some((op, right)) = &self.compare else {
            return Ok(!lefts.is_empty());
        };
        let left = match lefts.as_slice() {
            [] => return Ok(false),
            [one] => one,
            _ => return err("can only compare one element at a time"),
        };
        let rights = right.eval(vec![item.clone()])?;
        let right = match rights.as_slice() {
            [] => return Ok(false),
            [one] => one,
            _ => return err("can only compare one element at a time"),
        };
        compare(*op, left, right)
    }
}

fn compare(op: Op, left: &Value, right: &Value) -> Result<bool, Error> {
    use std::cmp::Ordering;
    let order: Option<Ordering> = match (left, right) {
        (Value::Null, Value::Null) => Some(Ordering::Equal),
        (Value::Null, _) | (_, Value::Null) => {
            return Ok(op == Op::Ne);
        }
        (Value::String(a), Value::String(b)) => Some(a.cmp(b)),
        (Value::Number(a), Value::Number(b)) => number_order(a, b),
        (Value::Bool(a), Value::Bool(b)) => match op {
            Op::Eq => return Ok(a == b),
            Op::Ne => return Ok(a != b),
            _ => return err("invalid type for comparison"),
        },
        (Value::Array(_) | Value::Object(_), _) | (_, Value::Array(_) | Value::Object(_)) => {
            return err("invalid type for comparison");
        }
        _ => return err("incompatible types for comparison"),
    };
    let Some(order) = order else {
        return Ok(op == Op::Ne);
    };
    Ok(match op {
        Op::Eq => order == Ordering::Equal,
        Op::Ne => order != Ordering::Equal,
        Op::Lt => order == Ordering::Less,
        Op::Le => order != Ordering::Greater,
        Op::Gt => order == Ordering::Greater,
        Op::Ge => order != Ordering::Less,
    })
}

/// Two JSON numbers compared as numbers: exactly when both are integers.
pub fn number_order(a: &serde_json::Number, b: &serde_json::Number) -> Option<std::cmp::Ordering> {
    if let (Some(x), Some(y)) = (a.as_i64(), b.as_i64()) {
        return Some(x.cmp(&y));
    }
    if let (Some(x), Some(y)) = (a.as_u64(), b.as_u64()) {
        return Some(x.cmp(&y));
    }
    a.as_f64()?.partial_cmp(&b.as_f64()?)
}

enum Action {
    Expr(Expr),
    Range(Expr),
    End,
}

/// Reads one action, from just after its `{` to just after its `}`.
struct Lexer<'a> {
    s: &'a str,
    pos: usize,
}

impl Lexer<'_> {
    fn peek(&self) -> Option<char> {
        self.s[self.pos..].chars().next()
    }

    fn rest(&self) -> &str {
        &self.s[self.pos..]
    }

    fn action(&mut self) -> Result<Action, Error> {
        self.skip_spaces();
        let word: String = self
            .rest()
            .chars()
            .take_while(|&c| !is_terminator(c))
            .collect();
        let keyword = match word.as_str() {
            "range" => Some(true),
            "end" => Some(false),
            _ => None,
        };
        if let Some(is_range) = keyword {
            self.pos += word.len();
            let e = self.expr_to_close()?;
            if is_range {
                return Ok(Action::Range(e));
            }
            if !e.0.is_empty() {
                return err("unexpected text after end");
            }
            return Ok(Action::End);
        }
        Ok(Action::Expr(self.expr_to_close()?))
    }

    /// The steps up to the action's closing `}`, which it consumes.
    fn expr_to_close(&mut self) -> Result<Expr, Error> {
        let mut steps = vec![];
        loop {
            if self.rest().starts_with('}') {
                self.pos += 1;
                return Ok(Expr(steps));
            }
            if self.rest().starts_with("[?(") {
                self.pos += 3;
                steps.push(self.filter()?);
                continue;
            }
            if self.rest().starts_with("..") {
                if matches!(steps.last(), Some(Step::Recursive)) {
                    return err("invalid multiple recursive descent");
                }
                self.pos += 2;
                steps.push(Step::Recursive);
                if self.peek().is_some_and(is_alphanumeric) {
                    steps.push(self.field());
                }
                continue;
            }
            let Some(c) = self.peek() else {
                return err("unclosed action: a `{` without its `}`");
            };
            match c {
                '\r' | '\n' => return err("unclosed action: a `{` without its `}`"),
                ' ' | '\t' | '@' | '$' => self.pos += 1,
                '[' => {
                    self.pos += 1;
                    steps.extend(self.array()?);
                }
                '"' | '\'' => {
                    self.pos += 1;
                    steps.push(Step::Text(self.quoted(c)?));
                }
                '.' => {
                    self.pos += 1;
                    steps.push(self.field());
                }
                '+' | '-' => steps.push(self.number()?),
                c if c.is_ascii_digit() => steps.push(self.number()?),
                c if is_alphanumeric(c) => {
                    let word: String = self
                        .rest()
                        .chars()
                        .take_while(|&c| !is_terminator(c))
                        .collect();
                    self.pos += word.len();
                    match word.as_str() {
                        "true" => steps.push(Step::Bool(true)),
                        "false" => steps.push(Step::Bool(false)),
                        _ => return err(format!("unrecognized identifier {word}")),
                    }
                }
                c => {
                    return err(format!(
                        "unrecognized character in action: U+{:04X} '{c}'",
                        c as u32
                    ));
                }
            }
        }
    }

    fn skip_spaces(&mut self) {
        while matches!(self.peek(), Some(' ' | '\t')) {
            self.pos += 1;
        }
    }

    /// A field name up to the next terminator that is not escaped by `\`; `*` is every value.
    fn field(&mut self) -> Step {
        let mut name = String::new();
        let mut chars = self.rest().char_indices();
        let mut used = self.rest().len();
        while let Some((i, c)) = chars.next() {
            if c == '\\' {
                if let Some((_, next)) = chars.next() {
                    name.push(next);
                }
                continue;
            }
            if is_terminator(c) {
                used = i;
                break;
            }
            name.push(c);
        }
        self.pos += used;
        if name == "*" {
            Step::Wildcard
        } else {
            Step::Field(name)
        }
    }

    fn number(&mut self) -> Result<Step, Error> {
        let text: String = self
            .rest()
            .chars()
            .enumerate()
            .take_while(|&(i, c)| {
                (i == 0 && (c == '+' || c == '-')) || c == '.' || c.is_ascii_digit()
            })
            .map(|(_, c)| c)
            .collect();
        self.pos += text.len();
        if let Ok(i) = text.parse::<i64>() {
            return Ok(Step::Int(i));
        }
        match text.parse::<f64>() {
            Ok(f) => Ok(Step::Float(f)),
            Err(_) => err(format!("cannot parse number {text}")),
        }
    }

    /// A quoted text, its opening quote read; Go's escapes (`\n`, `\t`, `\"`, `\u00e9`…).
    fn quoted(&mut self, quote: char) -> Result<String, Error> {
        let mut out = String::new();
        let mut chars = self.rest().char_indices();
        loop {
            let Some((i, c)) = chars.next() else {
                return err("unterminated quoted string");
            };
            match c {
                '\n' => return err("unterminated quoted string"),
                c if c == quote => {
                    self.pos += i + 1;
                    return Ok(out);
                }
                '\\' => {
                    let Some((_, e)) = chars.next() else {
                        return err("unterminated quoted string");
                    };
                    match e {
                        'n' => out.push('\n'),
                        't' => out.push('\t'),
                        'r' => out.push('\r'),
                        'a' => out.push('\u{7}'),
                        'b' => out.push('\u{8}'),
                        'f' => out.push('\u{c}'),
                        'v' => out.push('\u{b}'),
                        '\\' | '"' | '\'' => out.push(e),
                        'x' | 'u' | 'U' => {
                            let n = match e {
                                'x' => 2,
                                'u' => 4,
                                _ => 8,
                            };
                            let hex: String = chars.by_ref().take(n).map(|(_, c)| c).collect();
                            match u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                                Some(c) if hex.len() == n => out.push(c),
                                _ => {
                                    return err(format!(
                                        "invalid escape \\{e}{hex} in quoted string"
                                    ));
                                }
                            }
                        }
                        e => return err(format!("invalid escape \\{e} in quoted string")),
                    }
                }
                c => out.push(c),
            }
        }
    }

    /// After `[`: an index, a slice, `*`, `'key'` or a union `a, b`, up to `]`.
    fn array(&mut self) -> Result<Vec<Step>, Error> {
        let Some(close) = self.rest().find(']') else {
            return err("unclosed [: a `[` without its `]`");
        };
        let text = &self.rest()[..close];
        if text.contains('\n') {
            return err("unclosed [: a `[` without its `]`");
        }
        let text = text.to_owned();
        self.pos += close + 1;
        let text = if text == "*" { ":".to_owned() } else { text };
        if text.contains(',') {
            let mut exprs = vec![];
            for part in text.split(',') {
                exprs.push(sub_expr(&format!("[{}]", part.trim_matches(' ')))?);
            }
            return Ok(vec![Step::Union(exprs)]);
        }
        if text.len() >= 2 && text.starts_with('\'') && text.ends_with('\'') {
            let key = &text[1..text.len() - 1];
            if !key.contains('\'') {
                return Ok(sub_expr(&format!(".{key}"))?.0);
            }
        }
        Ok(vec![Step::Slice(slice(&text)?)])
    }

    /// After `[?(`: `LEFT OP RIGHT` or `LEFT`, up to `)]`.
    fn filter(&mut self) -> Result<Step, Error> {
        let mut quote: Option<char> = None;
        let mut prev = '\0';
        let mut end = None;
        for (i, c) in self.rest().char_indices() {
            match c {
                '\n' => break,
                '"' | '\'' if quote.is_none() => quote = Some(c),
                c if Some(c) == quote && prev != '\\' => quote = None,
                ')' if quote.is_none() => {
                    end = Some(i);
                    break;
                }
                _ => {}
            }
            prev = c;
        }
        let Some(end) = end else {
            return err("unclosed filter: `[?(` without its `)]`");
        };
        let text = self.rest()[..end].to_owned();
        self.pos += end + 1;
        if self.peek() != Some(']') {
            return err("unclosed filter: `[?(…)` without its `]`");
        }
        self.pos += 1;
        // kubectl's split: `^([^!<>=]+)([!<>=]+)(.+?)$`.
        let op_at = text.find(['!', '<', '>', '=']);
        let Some(op_at) = op_at.filter(|&i| i > 0) else {
            return Ok(Step::Filter(Box::new(Filter {
                left: sub_expr(&text)?,
                compare: None,
            })));
        };
        let op_len = text[op_at..]
            .chars()
            .take_while(|c| matches!(c, '!' | '<' | '>' | '='))
            .count();
        let (left, op, right) = (
            &text[..op_at],
            &text[op_at..op_at + op_len],
            &text[op_at + op_len..],
        );
        if right.is_empty() {
            return err(format!(
                "unrecognized filter operator {op} with nothing after it"
            ));
        }
        let op = match op {
            "==" => Op::Eq,
            "!=" => Op::Ne,
            "<" => Op::Lt,
            "<=" => Op::Le,
            ">" => Op::Gt,
            ">=" => Op::Ge,
            other => return err(format!("unrecognized filter operator {other}")),
        };
        Ok(Step::Filter(Box::new(Filter {
            left: sub_expr(left)?,
            compare: Some((op, sub_expr(right)?)),
        })))
    }
}

/// The steps of `text` read as the inside of an action.
fn sub_expr(text: &str) -> Result<Expr, Error> {
    let body = format!("{text}}}");
    let mut lexer = Lexer { s: &body, pos: 0 };
    let e = lexer.expr_to_close()?;
    if lexer.pos != body.len() {
        return err(format!("unexpected }} in {text}"));
    }
    Ok(e)
}

/// kubectl's `^(-?[\d]*)(:-?[\d]*)?(:-?[\d]*)?$`.
fn slice(text: &str) -> Result<Slice, Error> {
    let invalid = || Error(format!("invalid array index {text}"));
    let fields: Vec<&str> = text.split(':').collect();
    if fields.len() > 3 {
        return Err(invalid());
    }
    let mut numbers = [None; 3];
    for (i, f) in fields.iter().enumerate() {
        let digits = f.strip_prefix('-').unwrap_or(f);
        if !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(invalid());
        }
        if digits.is_empty() {
            if f.starts_with('-') {
                return Err(invalid());
            }
            continue;
        }
        numbers[i] = Some(
            f.parse::<i64>()
                .map_err(|_| Error(format!("array index {f} is not a number")))?,
        );
    }
    if fields.len() == 1 && numbers[0].is_none() {
        return Err(invalid());
    }
    Ok(Slice {
        start: numbers[0],
        end: numbers[1],
        step: numbers[2],
        single: fields.len() == 1,
    })
}

/// Where a field name ends (kubectl's `isTerminator`).
fn is_terminator(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\r' | '\n' | '.' | ',' | '[' | ']' | '$' | '@' | '{' | '}'
    )
}

fn is_alphanumeric(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// kubectl's relaxed path of custom columns and `--sort-by`: `a.b`, `.a.b`, `{a.b}` and
/// `{.a.b}` all mean `{.a.b}`.
pub fn relaxed(path: &str) -> Result<Template, Error> {
    let inner = path
        .strip_prefix('{')
        .and_then(|p| p.strip_suffix('}'))
        .unwrap_or(path);
    let inner = inner.strip_prefix('.').unwrap_or(inner);
    if inner.is_empty() || inner.contains(['{', '}']) {
        return err(
            "expected a path like 'name1.name2', '.name1.name2', '{name1.name2}' or '{.name1.name2}'",
        );
    }
    Template::parse(&format!("{{.{inner}}}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn run(template: &str, data: &Value) -> Result<String, Error> {
        Template::parse(template)?.execute(data, &plain_text)
    }

    fn ok(template: &str, data: &Value) -> String {
        run(template, data).unwrap_or_else(|e| panic!("{template}: {e}"))
    }

    fn types() -> Value {
        json!({
            "bools": [true, false, true, false],
            "integers": [1, 2, 3, 4],
            "floats": [1.5, 2.2, 3.3, 4.5],
            "strings": ["one", "two", "three", "four"],
            "interfaces": [true, "one", 1, 1.1],
            "maps": [
                {"name": "one", "value": 1},
                {"name": "two", "value": 2.02},
                {"name": "three", "value": 3.03},
                {"name": "four", "value": 4.04},
            ],
        })
    }

    /// client-go's TestTypesInput.
    #[test]
    fn slices_of_each_type() {
        let d = types();
        for (t, want) in [
            ("{ .bools }", "[true,false,true,false]"),
            ("{ .bools[0] }", "true"),
            ("{ .bools[-1] }", "false"),
            ("{ .bools[0:2] }", "true false"),
            ("{ .bools[:2] }", "true false"),
            ("{ .bools[:4:2] }", "true true"),
            ("{ .integers }", "[1,2,3,4]"),
            ("{ .integers[-2] }", "3"),
            ("{ .integers[:4:2] }", "1 3"),
            ("{ .floats[-2] }", "3.3"),
            ("{ .floats[0:2] }", "1.5 2.2"),
            ("{ .strings }", r#"["one","two","three","four"]"#),
            ("{ .strings[-2] }", "three"),
            ("{ .strings[:4:2] }", "one three"),
            ("{ .interfaces[0:2] }", "true one"),
            ("{ .interfaces[:4:2] }", "true 1"),
            ("{ .maps[0] }", r#"{"name":"one","value":1}"#),
            (
                "{ .maps[::2] }",
                r#"{"name":"one","value":1} {"name":"three","value":3.03}"#,
            ),
            (
                "{ .maps[1::2] }",
                r#"{"name":"two","value":2.02} {"name":"four","value":4.04}"#,
            ),
        ] {
            assert_eq!(ok(t, &d), want, "{t}");
        }
    }

    fn store() -> Value {
        json!({
            "Name": "jsonpath",
            "Book": [
                {"Category": "reference", "Author": "Nigel Rees", "Title": "Sayings of the Centurey", "Price": 8.95},
                {"Category": "fiction", "Author": "Evelyn Waugh", "Title": "Sword of Honour", "Price": 12.99},
                {"Category": "fiction", "Author": "Herman Melville", "Title": "Moby Dick", "Price": 8.99},
            ],
            "Bicycle": [
                {"Color": "red", "Price": 19.95, "IsNew": true},
                {"Color": "green", "Price": 20.01, "IsNew": false},
            ],
            "Labels": {"engieer": 10, "web/html": 15, "k8s-app": 20},
            "Employees": {"jason": "manager", "dan": "clerk"},
        })
    }

    /// client-go's TestStructInput.
    #[test]
    fn store_examples() {
        let d = store();
        for (t, data, want) in [
            ("hello jsonpath", Value::Null, "hello jsonpath"),
            ("{..}", json!([1, 2, 3]), "[1,2,3]"),
            ("{[?(@<5)]}", json!([2, 6, 3, 7]), "2 3"),
            (r#"{"{"}"#, Value::Null, "{"),
            ("{[1,3,4]}", json!([0, 1, 2, 3, 4]), "1 3 4"),
            ("{[0:2]}", json!(["Monday", "Tudesday"]), "Monday Tudesday"),
            ("hello {.Name}", d.clone(), "hello jsonpath"),
            ("{$.Labels.web/html}", d.clone(), "15"),
            ("{$.Employees.jason}", d.clone(), "manager"),
            ("{.Labels.k8s-app}", d.clone(), "20"),
            ("{.Bicycle[*].Color}", d.clone(), "red green"),
            (
                "{.Book[*].Author}",
                d.clone(),
                "Nigel Rees Evelyn Waugh Herman Melville",
            ),
            (
                r#"{range .Bicycle[*]}{ "{" }{ @.* }{ "} " }{end}"#,
                d.clone(),
                "{red 19.95 true} {green 20.01 false} ",
            ),
            ("{..Price}", d.clone(), "8.95 12.99 8.99 19.95 20.01"),
            (
                "{.Bicycle}",
                d.clone(),
                r#"[{"Color":"red","Price":19.95,"IsNew":true},{"Color":"green","Price":20.01,"IsNew":false}]"#,
            ),
            (
                r#"{range .Bicycle[*]}{ @ }{ " " }{end}"#,
                d.clone(),
                r#"{"Color":"red","Price":19.95,"IsNew":true} {"Color":"green","Price":20.01,"IsNew":false} "#,
            ),
            (
                "{.Book[-1:]}",
                d.clone(),
                r#"{"Category":"fiction","Author":"Herman Melville","Title":"Moby Dick","Price":8.99}"#,
            ),
            (
                "{..Book[2]}",
                d.clone(),
                r#"{"Category":"fiction","Author":"Herman Melville","Title":"Moby Dick","Price":8.99}"#,
            ),
            (
                "{.Bicycle[?(@.IsNew==true)]}",
                d.clone(),
                r#"{"Color":"red","Price":19.95,"IsNew":true}"#,
            ),
            // Missing keys are not an error (kubectl's default).
            ("{.hello}", d.clone(), ""),
            ("before-{.hello}after", d.clone(), "before-after"),
        ] {
            assert_eq!(ok(t, &data), want, "{t}");
        }
        assert_eq!(
            run("{hello}", &d),
            Err(Error("unrecognized identifier hello".into()))
        );
        assert_eq!(
            run("{.Labels[0]}", &d),
            Err(Error("an object is not array or slice".into()))
        );
        assert_eq!(
            run("{.Book[?(@.Price<>10)]}", &d),
            Err(Error("unrecognized filter operator <>".into()))
        );
        assert_eq!(
            run("{range .Labels.*}{@}{end}{end}", &d),
            Err(Error("not in range, nothing to end".into()))
        );
        assert!(run(&format!("{{{}Price}}", ".".repeat(60)), &d).is_err());
    }

    /// client-go's TestJSONInput, TestKubernetes, TestEmptyRange, TestNestedRanges.
    #[test]
    fn kubernetes_examples() {
        let points = json!([
            {"id": "i1", "x": 4, "y": -5},
            {"id": "i2", "x": -2, "y": -5, "z": 1},
            {"id": "i3", "x": 8, "y": 3},
            {"id": "i4", "x": -6, "y": -1},
            {"id": "i5", "x": 0, "y": 2, "z": 1},
            {"id": "i6", "x": 1, "y": 4},
            {"id": "i7", "x": null, "y": 4},
        ]);
        assert_eq!(ok("{[?(@.z)].id}", &points), "i2 i5");
        assert_eq!(ok("{[0]['id']}", &points), "i1");
        assert_eq!(ok("{[-1]['x']}", &points), "null");
        assert_eq!(ok("{[?(@.x>0)].id}", &points), "i1 i3 i6");
        assert_eq!(ok("{[?(@.x<=0)].id}", &points), "i2 i4 i5");

        let nodes = json!({
            "kind": "List",
            "items": [
                {"kind": "None", "metadata": {"name": "127.0.0.1", "labels": {"kubernetes.io/hostname": "127.0.0.1"}},
                 "status": {"capacity": {"cpu": "4"}, "ready": true, "addresses": [{"type": "LegacyHostIP", "address": "127.0.0.1"}]}},
                {"kind": "None", "metadata": {"name": "127.0.0.2", "labels": {"kubernetes.io/hostname": "127.0.0.2"}},
                 "status": {"capacity": {"cpu": "8"}, "ready": false, "addresses": [
                     {"type": "LegacyHostIP", "address": "127.0.0.2"}, {"type": "another", "address": "127.0.0.3"}]}},
            ],
            "users": [{"name": "myself", "user": {}}, {"name": "e2e", "user": {"username": "admin", "password": "secret"}}],
        });
        for (t, want) in [
            (
                "{range .items[*]}{.metadata.name}, {end}{.kind}",
                "127.0.0.1, 127.0.0.2, List",
            ),
            (
                r#"{range .items[*]}{.metadata.name}{"\t"}{end}"#,
                "127.0.0.1\t127.0.0.2\t",
            ),
            (
                "{.items[*].status.addresses[*].address}",
                "127.0.0.1 127.0.0.2 127.0.0.3",
            ),
            (
                "{range .items[*]}{range .status.addresses[*]}{.address}, {end}{end}",
                "127.0.0.1, 127.0.0.2, 127.0.0.3, ",
            ),
            ("{.items[*].metadata.name}", "127.0.0.1 127.0.0.2"),
            (
                "{.items[*]['metadata.name', 'status.capacity']}",
                r#"127.0.0.1 127.0.0.2 {"cpu":"4"} {"cpu":"8"}"#,
            ),
            (
                "{range .items[*]}[{.metadata.name}, {.status.capacity}] {end}",
                r#"[127.0.0.1, {"cpu":"4"}] [127.0.0.2, {"cpu":"8"}] "#,
            ),
            (r#"{.users[?(@.name=="e2e")].user.password}"#, "secret"),
            (
                r"{.items[0].metadata.labels.kubernetes\.io/hostname}",
                "127.0.0.1",
            ),
            (
                r#"{.items[?(@.metadata.labels.kubernetes\.io/hostname=="127.0.0.1")].kind}"#,
                "None",
            ),
            ("{.items[?(@..ready==true)].metadata.name}", "127.0.0.1"),
            ("{..name}", "127.0.0.1 127.0.0.2 myself e2e"),
        ] {
            assert_eq!(ok(t, &nodes), want, "{t}");
        }

        let empty = json!({"items": []});
        assert_eq!(ok("{range .items[*]}{.metadata.name}{end}", &empty), "");
        assert_eq!(
            ok(
                r#"{range .items[*]}{.metadata.name}{":"}{range @.spec.containers[*]}{.name}{","}{end}{"+"}{end}"#,
                &empty
            ),
            ""
        );

        let pods = json!({"items": [
            {"metadata": {"name": "pod1"}, "spec": {"containers": [
                {"name": "foo", "another": [{"name": "value1"}, {"name": "value2"}]},
                {"name": "bar", "another": [{"name": "value1"}, {"name": "value2"}]}]}},
            {"metadata": {"name": "pod2"}, "spec": {"containers": [
                {"name": "baz", "another": [{"name": "value1"}, {"name": "value2"}]}]}},
        ]});
        assert_eq!(
            ok(
                r#"{range .items[*]}{.metadata.name}{":"}{range @.spec.containers[*]}{.name}{","}{end}{"+"}{end}"#,
                &pods
            ),
            "pod1:foo,bar,+pod2:baz,+"
        );
        assert_eq!(
            ok(
                r##"{range .items[*]}{.metadata.name}{"~"}{range @.spec.containers[*]}{.name}{":"}{range @.another[*]}{.name}{","}{end}{"+"}{end}{"#"}{end}"##,
                &pods
            ),
            "pod1~foo:value1,value2,+bar:value1,value2,+#pod2~baz:value1,value2,+#"
        );
        assert_eq!(
            ok(
                r#"{range .items[*]}{.metadata.name}{"\t"}{range @.spec.containers[*]}{.name}{" "}{end}{"\t"}{range @.spec.containers[*]}{.name}{" "}{end}{"\n"}{end}"#,
                &pods
            ),
            "pod1\tfoo bar \tfoo bar \npod2\tbaz \tbaz \n"
        );

        // A filter over items some of which lack the field.
        let annotated = json!({"items": [
            {"metadata": {"name": "pod1", "annotations": {"color": "blue"}}},
            {"metadata": {"name": "pod2"}},
            {"metadata": {"name": "pod3", "annotations": {"color": "green"}}},
            {"metadata": {"name": "pod4", "annotations": {"color": "blue"}}},
        ]});
        assert_eq!(
            ok(
                r#"{.items[?(@.metadata.annotations.color=="blue")].metadata.name}"#,
                &annotated
            ),
            "pod1 pod4"
        );
    }

    /// client-go's TestNegativeIndex and the bounds of slices.
    #[test]
    fn indexes_and_bounds() {
        let d = json!({"c": [{"n": "fake0"}, {"n": "fake1"}, {"n": "fake2"}, {"n": "fake3"}]});
        for (t, want) in [
            ("{.c[0].n}", "fake0"),
            ("{.c[-1].n}", "fake3"),
            ("{.c[-4].n}", "fake0"),
            ("{.c[-2:].n}", "fake2 fake3"),
            ("{.c[1:-1].n}", "fake1 fake2"),
            ("{.c[4:4].n}", ""),
            ("{.c[*].n}", "fake0 fake1 fake2 fake3"),
        ] {
            assert_eq!(ok(t, &d), want, "{t}");
        }
        for (t, e) in [
            ("{.c[4].n}", "array index out of bounds: index 4, length 4"),
            (
                "{.c[-5].n}",
                "array index out of bounds: index -1, length 4",
            ),
            (
                "{.c[0:5].n}",
                "array index out of bounds: index 4, length 4",
            ),
            (
                "{.c[2:1].n}",
                "starting index 2 is greater than ending index 1",
            ),
            ("{.c[::0].n}", "step must be > 0"),
        ] {
            assert_eq!(run(t, &d), Err(Error(e.into())), "{t}");
        }
    }

    /// client-go's TestParser cases that parse, and TestFailParser.
    #[test]
    fn parser_edge_cases() {
        let d = json!({"status": {"nodeInfo": {"osImage": "()"}}, "test": "())(", "book": {"price": 3}});
        for t in [
            r#"{[?(@.status.nodeInfo.osImage == "()")]}"#,
            r#"{[?(@.status.nodeInfo.osImage == "(\"\")")]}"#,
            r#"{[?(@.test == "())(")]}"#,
            r#"{[?(@.status.nodeInfo.osImage == 'Linux')]}"#,
            r#"{[?(@.status.nodeInfo.osImage == "{[()]}")]}"#,
            r#"{[?(@.status.nodeInfo.osImage == "''")]}"#,
            r#"{[?(@.status.nodeInfo.osImage == '""')]}"#,
            r"{[?(@.status.nodeInfo.osImage == '\\\'')]}",
            "{[-5:]}",
            "{[1:-1]}",
            "{['book.price']}",
            "{['bicycle.price', 3, 'book.price']}",
            "{range .items}{.name},{end}",
            "{.bicycle.*}",
            "{..price}",
        ] {
            Template::parse(t).unwrap_or_else(|e| panic!("{t}: {e}"));
        }
        assert_eq!(ok("{['book.price']}", &d), "3");
        assert_eq!(ok(r#"{.test}{"\n"}{'\u00e9'}"#, &d), "())(\né");
        assert_eq!(ok("{.}", &json!({"a": 1})), r#"{"a":1}"#);
        assert_eq!(ok("{@}", &json!([1])), "[1]");
        for (t, e) in [
            ("{.hello", "unclosed action: a `{` without its `}`"),
            ("{*}", "unrecognized character in action: U+002A '*'"),
            ("{+12.3.0}", "cannot parse number +12.3.0"),
            ("{[1}", "unclosed [: a `[` without its `]`"),
            ("{.items[", "unclosed [: a `[` without its `]`"),
            ("{[?(.price]}", "unclosed filter: `[?(` without its `)]`"),
            ("{[?(@.x==1)}", "unclosed filter: `[?(…)` without its `]`"),
            ("{........}", "invalid multiple recursive descent"),
            (r"{\\\}", "unrecognized character in action: U+005C '\\'"),
            ("{[a]}", "invalid array index a"),
            ("{[1:2:3:4]}", "invalid array index 1:2:3:4"),
            ("{end}", "not in range, nothing to end"),
            ("{end .x}", "unexpected text after end"),
            (r#"{"abc}"#, "unterminated quoted string"),
            (r#"{"\q"}"#, "invalid escape \\q in quoted string"),
            ("{.a\n}", "unclosed action: a `{` without its `}`"),
        ] {
            assert_eq!(Template::parse(t), Err(Error(e.into())), "{t:?}");
        }
        // A range without `{end}` runs to the end of the template, as kubectl's does.
        assert_eq!(ok("{range [*]}<{@}>", &json!([1, 2])), "<1><2>");
    }

    #[test]
    fn comparisons() {
        let d = json!([{"n": "a", "v": 1}, {"n": "b", "v": 2.5}, {"n": "c", "v": null}, {"n": "d", "v": "x"}]);
        assert_eq!(
            ok(
                "{[?(@.v>=1)].n}",
                &json!([{"n": "a", "v": 1}, {"n": "b", "v": 2.5}])
            ),
            "a b"
        );
        assert_eq!(
            ok(
                "{[?(@.v==2.5)].n}",
                &json!([{"n": "a", "v": 1}, {"n": "b", "v": 2.5}])
            ),
            "b"
        );
        assert_eq!(
            ok(
                r#"{[?(@.v!="x")].n}"#,
                &json!([{"n": "c", "v": null}, {"n": "d", "v": "x"}])
            ),
            "c"
        );
        assert_eq!(
            run("{[?(@.v>1)].n}", &d),
            Err(Error("incompatible types for comparison".into()))
        );
        assert_eq!(
            run("{[?(@.n>true)].n}", &json!([{"n": false}])),
            Err(Error("invalid type for comparison".into()))
        );
        assert_eq!(
            run("{[?(@.v==1)]}", &json!([{"v": [1]}])),
            Err(Error("invalid type for comparison".into()))
        );
        assert_eq!(
            run("{[?(@.*==1)]}", &json!([{"a": 1, "b": 1}])),
            Err(Error("can only compare one element at a time".into()))
        );
        assert_eq!(
            run("{.a[?(@.x)]}", &json!({"a": 1})),
            Err(Error(
                "a number is not array or slice and cannot be filtered".into()
            ))
        );
    }

    #[test]
    fn relaxed_paths() {
        let d = json!({"metadata": {"name": "n"}});
        for p in [
            "metadata.name",
            ".metadata.name",
            "{metadata.name}",
            "{.metadata.name}",
        ] {
            assert_eq!(
                relaxed(p).unwrap().execute(&d, &plain_text).unwrap(),
                "n",
                "{p}"
            );
        }
        for p in ["", "{.a}{.b}", "{", "."] {
            assert!(relaxed(p).is_err(), "{p}");
        }
    }
}
