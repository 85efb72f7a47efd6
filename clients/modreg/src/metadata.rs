//! Reading the metadata of published versions, the one way `modreg sync` and the gateway's
//! indexer both do it: the `metadata` object of a version document, and its fields as search
//! text.

use serde_json::Value as Json;

/// The `metadata` object of a version document, given as `moduleRegistry_getModule` answers it
/// (hex of the document's bytes); `null` when it is absent or the document is not JSON.
pub fn document_metadata(doc: &Json) -> Json {
	doc.as_str()
		.and_then(|h| hex::decode(h.trim_start_matches("0x")).ok())
		.and_then(|bytes| serde_json::from_slice::<Json>(&bytes).ok())
		.map(|d| d["metadata"].clone())
		.unwrap_or(Json::Null)
}

/// A metadata field as one line of text: a string as it is, `{"name": …}` (an `author`) by its
/// name, a list of strings joined by spaces.
pub fn text(value: &Json) -> String {
	match value {
		Json::String(s) => s.clone(),
		Json::Object(o) => o.get("name").and_then(Json::as_str).unwrap_or_default().to_owned(),
		Json::Array(_) => list(value).join(" "),
		_ => String::new(),
	}
}

/// A metadata list of strings (`keywords`): a JSON list, or one comma-separated string.
pub fn list(value: &Json) -> Vec<String> {
	match value {
		Json::Array(items) => items.iter().filter_map(Json::as_str).map(str::to_owned).collect(),
		Json::String(s) =>
			s.split(',').map(|k| k.trim().to_owned()).filter(|k| !k.is_empty()).collect(),
		_ => Vec::new(),
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn fields_become_text() {
		assert_eq!(text(&serde_json::json!({"name": "Ann"})), "Ann");
		assert_eq!(text(&serde_json::json!(["a", 1, "b"])), "a b");
		assert_eq!(list(&serde_json::json!(["a", 1, "b"])), vec!["a", "b"]);
		assert_eq!(list(&serde_json::json!("a, b,")), vec!["a", "b"]);
		let doc = serde_json::json!(format!("0x{}", hex::encode(br#"{"metadata":{"x":1}}"#)));
		assert_eq!(document_metadata(&doc), serde_json::json!({"x": 1}));
		assert_eq!(document_metadata(&serde_json::json!("0xzz")), Json::Null);
	}
}
