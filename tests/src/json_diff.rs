//! Structural comparison of two JSON documents, listing every differing path, so a fidelity
//! failure says exactly which table, column and key disagree.

use serde_json::Value;

/// Every difference between `expected` and `actual`, as `path: expected X, got Y` lines.
/// Object keys listed in `ignored` (by bare key name) are not compared at any depth.
pub fn json_diff(expected: &Value, actual: &Value, ignored: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    walk("$", expected, actual, ignored, &mut out);
    out
}

fn walk(path: &str, expected: &Value, actual: &Value, ignored: &[&str], out: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (key, ev) in e {
                if ignored.contains(&key.as_str()) {
                    continue;
                }
                let child = format!("{path}.{key}");
                match a.get(key) {
                    Some(av) => walk(&child, ev, av, ignored, out),
                    None => out.push(format!("{child}: missing (expected {})", short(ev))),
                }
            }
            for key in a.keys().filter(|k| !e.contains_key(*k) && !ignored.contains(&k.as_str())) {
                out.push(format!("{path}.{key}: unexpected key"));
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                walk(&format!("{path}[{}]", label(i, ev)), ev, av, ignored, out);
            }
            if e.len() != a.len() {
                out.push(format!(
                    "{path}: expected {} items, got {} (expected {}, got {})",
                    e.len(),
                    a.len(),
                    short(expected),
                    short(actual)
                ));
            }
        }
        _ if expected != actual => {
            out.push(format!("{path}: expected {}, got {}", short(expected), short(actual)))
        }
        _ => {}
    }
}

/// An array element's index, with its `name` when it has one, for readable paths.
fn label(index: usize, value: &Value) -> String {
    match value.get("name").and_then(Value::as_str) {
        Some(name) => format!("{index}={name}"),
        None => index.to_string(),
    }
}

fn short(value: &Value) -> String {
    let text = value.to_string();
    match text.char_indices().nth(300) {
        Some((cut, _)) => format!("{} ...", &text[..cut]),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reports_paths_of_differences() {
        let e = json!({"tables": [{"name": "a", "x": 1, "skip": 1}]});
        let a = json!({"tables": [{"name": "a", "x": 2, "skip": 2}]});
        assert_eq!(json_diff(&e, &a, &["skip"]), vec!["$.tables[0=a].x: expected 1, got 2"]);
        assert!(json_diff(&e, &e, &[]).is_empty());
    }
}
