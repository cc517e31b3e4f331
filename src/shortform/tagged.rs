//! Reading the tree's nodes and tests back (`assignShortForm`,
//! `shortFormHtml`).
//!
//! They are internally tagged (`{"node": "split", "test": {"test": "atMost",
//! ...}, ...}`). serde's derive reads such an enum by buffering the object in
//! its own generic content type and reading each variant again from it: for
//! these two enums that was a third of a short form's reading code in the
//! .wasm. Here the object is read once as a `serde_json::Value` (whose
//! reader the binding has anyway) and the variant's fields are taken from
//! it, with the derive's rules and messages: the tag may come anywhere,
//! other fields are ignored, a missing one is `missing field `...``, an
//! unknown tag `unknown variant `...`, expected ...``. Unlike the derive's,
//! every error comes once the whole object has been read (so its column is
//! the object's end), and a node written as an array (`["leaf", 1, 2]`,
//! which the derive took and no TypeScript type allows) is refused.

use serde::de::{Deserialize, Deserializer, Error as _, Unexpected};
use serde_json::{Error, Map, Value};

use super::tree::{Test, TreeNode};

impl<'de> Deserialize<'de> for TreeNode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        node(&Value::deserialize(d)?).map_err(D::Error::custom)
    }
}

impl<'de> Deserialize<'de> for Test {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        test(&Value::deserialize(d)?).map_err(D::Error::custom)
    }
}

const NODES: &[&str] = &["leaf", "split"];
const TESTS: &[&str] = &["atMost", "oneOf", "ticked"];

fn node(value: &Value) -> Result<TreeNode, Error> {
    let (variant, fields) = tagged(value, "node", NODES, "internally tagged enum TreeNode")?;
    Ok(if variant == 0 {
        let segment = field(fields, "segment")?;
        let respondents = field(fields, "respondents")?;
        TreeNode::Leaf {
            segment: required(segment, "segment")?,
            respondents: required(respondents, "respondents")?,
        }
    } else {
        let test = fields.get("test").map(self::test).transpose()?;
        let yes = field(fields, "yes")?;
        let no = field(fields, "no")?;
        let missing = field(fields, "missing")?;
        TreeNode::Split {
            test: required(test, "test")?,
            yes: required(yes, "yes")?,
            no: required(no, "no")?,
            missing: required(missing, "missing")?,
        }
    })
}

fn test(value: &Value) -> Result<Test, Error> {
    let (variant, fields) = tagged(value, "test", TESTS, "internally tagged enum Test")?;
    let question = field(fields, "question")?;
    Ok(match variant {
        0 => {
            let value = field(fields, "value")?;
            Test::AtMost {
                question: required(question, "question")?,
                value: required(value, "value")?,
            }
        }
        1 => {
            let options = field(fields, "options")?;
            Test::OneOf {
                question: required(question, "question")?,
                options: required(options, "options")?,
            }
        }
        _ => {
            let option = field(fields, "option")?;
            Test::Ticked {
                question: required(question, "question")?,
                option: required(option, "option")?,
            }
        }
    })
}

/// The object's fields and the index in `variants` of the one its `tag`
/// names.
fn tagged<'a>(
    value: &'a Value,
    tag: &'static str,
    variants: &'static [&'static str],
    expecting: &'static str,
) -> Result<(usize, &'a Map<String, Value>), Error> {
    let Value::Object(fields) = value else {
        return Err(Error::invalid_type(unexpected(value), &expecting));
    };
    let variant = match fields.get(tag) {
        None => return Err(Error::missing_field(tag)),
        Some(Value::String(name)) => variants
            .iter()
            .position(|v| v == name)
            .ok_or_else(|| Error::unknown_variant(name, variants))?,
        Some(other) => {
            return Err(Error::invalid_type(
                unexpected(other),
                &"variant identifier",
            ));
        }
    };
    Ok((variant, fields))
}

/// Field `name` read as a `T`, if present.
fn field<'a, T: Deserialize<'a>>(
    fields: &'a Map<String, Value>,
    name: &str,
) -> Result<Option<T>, Error> {
    fields.get(name).map(T::deserialize).transpose()
}

fn required<T>(value: Option<T>, name: &'static str) -> Result<T, Error> {
    value.ok_or_else(|| Error::missing_field(name))
}

/// What serde's messages call `value`.
fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Unexpected::Unsigned(u),
            (None, Some(i)) => Unexpected::Signed(i),
            _ => Unexpected::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(json: &str) -> Result<TreeNode, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    #[test]
    fn nodes_read_back_as_written_with_the_tag_anywhere() {
        let split = TreeNode::Split {
            test: Test::OneOf {
                question: 2,
                options: vec![0, 3],
            },
            yes: 1,
            no: 2,
            missing: 3,
        };
        let json = serde_json::to_string(&split).unwrap_or_default();
        assert_eq!(read(&json), Ok(split));
        let leaf = r#"{"respondents": 7, "extra": [1], "segment": 4, "node": "leaf"}"#;
        assert_eq!(
            read(leaf),
            Ok(TreeNode::Leaf {
                segment: 4,
                respondents: 7
            })
        );
        let at_most = r#"{"node": "split", "yes": 1, "no": 2, "missing": 3,
            "test": {"value": -0.0, "test": "atMost", "question": 0}}"#;
        let Ok(TreeNode::Split {
            test: Test::AtMost { value, .. },
            ..
        }) = read(at_most)
        else {
            panic!("{:?}", read(at_most));
        };
        assert_eq!(value.to_bits(), (-0.0f64).to_bits());
    }

    #[test]
    fn bad_nodes_get_the_derives_messages() {
        let message = |json: &str| read(json).err().unwrap_or_default();
        assert!(message(r#"{"segment": 1, "respondents": 2}"#).starts_with("missing field `node`"));
        assert!(
            message(r#"{"node": "leaf", "segment": 1}"#).starts_with("missing field `respondents`")
        );
        assert!(
            message(r#"{"node": "twig"}"#)
                .starts_with("unknown variant `twig`, expected `leaf` or `split`")
        );
        assert!(
            message(r#"{"node": "leaf", "segment": "a", "respondents": 2}"#)
                .starts_with("invalid type: string \"a\", expected u32")
        );
        assert!(
            message(r#"{"node": "split", "yes": 1, "no": 2, "missing": 3, "test": {"test": "x"}}"#)
                .starts_with("unknown variant `x`, expected one of `atMost`, `oneOf`, `ticked`")
        );
        assert!(
            message("3")
                .starts_with("invalid type: integer `3`, expected internally tagged enum TreeNode")
        );
    }
}
