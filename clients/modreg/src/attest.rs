//! Attestations: a small bundle that proves, offline, that a version was on chain with a given
//! CID, SHA-256, size and publisher, by the chain's finality rather than by any server.
//!
//! A bundle ([`Bundle`], JSON, format `modreg-attestation/1`) holds a finalized block's header,
//! the GRANDPA justification that finalized it (precommits signed by the validators), and a
//! Merkle proof of two storage values under the header's state root: the version's record
//! (`ModuleRegistry::Versions`: checksum, size, publisher, block, yanked) and its document
//! (`ModuleRegistry::ModuleRegistry` under the version's entry key, which names the CID).
//!
//! [`verify`] checks, with no network: the header hashes to the block; the justification
//! targets it and carries valid signatures of more than two thirds of a known GRANDPA
//! authority set (from the chain spec's genesis, or a file the user trusts); the proof's values
//! hash up to the header's state root; the record and document decode and name the package
//! and version asked for; and, given the tarball, its SHA-256 and size match the record. Any
//! claim the bundle states in plain text must equal what it proves.
//!
//! What an attestation does not prove: that the version is still the newest, not yanked since,
//! or that the authority set it is checked against is the chain's current one (a set that
//! changed since genesis needs `--authorities`), see docs/ARCHITECTURE.md.

use std::collections::HashMap;

use codec::{Decode, DecodeAll, Encode};
use module_registry_primitives::{
	registry::{self, checksum_text, version_entry_key, PackageName},
	validation::{cid_to_string, classify},
	VersionRecord,
};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sp_consensus_grandpa::{AuthorityId, AuthorityList, GrandpaJustification};
use sp_runtime::traits::{BlakeTwo256, Header as _};
use subxt::rpcs::client::rpc_params;

use crate::chain::{Chain, ChainError};

/// The runtime's header type.
pub type Header = sp_runtime::generic::Header<u32, BlakeTwo256>;

/// The bundle format this module writes and reads.
pub const FORMAT: &str = "modreg-attestation/1";

/// The largest bundle [`verify`] reads.
pub const MAX_BUNDLE_BYTES: usize = 1 << 20;

/// The most ancestry headers a justification may carry (precommits for blocks above the
/// target; a few in practice).
pub const MAX_ANCESTRY: usize = 1024;

/// The storage key of the GRANDPA authority set (`Grandpa::Authorities`).
fn grandpa_authorities_key() -> Vec<u8> {
	let mut key = sp_crypto_hashing::twox_128(b"Grandpa").to_vec();
	key.extend(sp_crypto_hashing::twox_128(b"Authorities"));
	key
}

/// GRANDPA's consensus engine id in a block's justifications.
const GRANDPA_ENGINE: [u8; 4] = *b"FRNK";

/// What a bundle says in plain text; [`verify`] checks each field against the proof.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Claims {
	/// The content's CID.
	pub cid: String,
	/// `sha256:<hex>` of the content.
	pub checksum: String,
	/// Content length in bytes.
	pub size: u64,
	/// Who published it (SS58).
	pub publisher: String,
	/// The block it was published in.
	pub published_at: u32,
	/// Whether it was yanked at the attested block.
	pub yanked: bool,
}

/// An attestation bundle (see the module docs).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Bundle {
	/// [`FORMAT`].
	pub format: String,
	/// `ns/name`.
	pub package: String,
	/// The version as published.
	pub version: String,
	/// The version's record in plain text.
	pub claims: Claims,
	/// The attested block's number.
	pub block: u32,
	/// Its hash.
	pub block_hash: String,
	/// Its SCALE-encoded header, hex.
	pub header: String,
	/// The GRANDPA authority set id that signed the justification.
	pub set_id: u64,
	/// The SCALE-encoded GRANDPA justification, hex.
	pub justification: String,
	/// The trie nodes proving both storage values, hex.
	pub proof: Vec<String>,
}

/// A GRANDPA authority set the verifier trusts.
#[derive(Clone, Debug)]
pub struct AuthoritySet {
	/// Its id (0 for the genesis set).
	pub set_id: u64,
	/// The authorities and their weights.
	pub authorities: AuthorityList,
}

/// Why an attestation was refused.
#[derive(Debug, thiserror::Error)]
pub enum AttestError {
	/// The bundle (or the authority source) is malformed.
	#[error("malformed: {0}")]
	Malformed(String),
	/// The bundle does not prove what it says.
	#[error("does not verify: {0}")]
	Invalid(String),
	/// The chain could not be asked (making a bundle).
	#[error(transparent)]
	Chain(#[from] ChainError),
}

fn malformed(what: impl Into<String>) -> AttestError {
	AttestError::Malformed(what.into())
}

fn invalid(what: impl Into<String>) -> AttestError {
	AttestError::Invalid(what.into())
}

fn hex_bytes(text: &str, what: &str) -> Result<Vec<u8>, AttestError> {
	hex::decode(text.strip_prefix("0x").unwrap_or(text))
		.map_err(|e| malformed(format!("{what}: not hex: {e}")))
}

fn hex_text(bytes: &[u8]) -> String {
	format!("0x{}", hex::encode(bytes))
}

/// `twox_128(pallet) ‖ twox_128(item)`.
fn storage_prefix(item: &str) -> Vec<u8> {
	let mut key = sp_crypto_hashing::twox_128(b"ModuleRegistry").to_vec();
	key.extend(sp_crypto_hashing::twox_128(item.as_bytes()));
	key
}

/// `blake2_128(encoded) ‖ encoded` (the `Blake2_128Concat` hasher).
fn blake2_128_concat(encoded: &[u8]) -> Vec<u8> {
	let mut out = sp_crypto_hashing::blake2_128(encoded).to_vec();
	out.extend_from_slice(encoded);
	out
}

/// The storage keys of a version's record and of its document.
pub fn storage_keys(package: &PackageName, identity: &str) -> (Vec<u8>, Vec<u8>) {
	let package_key =
		(package.namespace.as_bytes().to_vec(), package.name.as_bytes().to_vec()).encode();
	let mut record = storage_prefix("Versions");
	record.extend(blake2_128_concat(&package_key));
	record.extend(blake2_128_concat(&identity.as_bytes().to_vec().encode()));
	let entry = version_entry_key(&package.to_string(), identity).to_vec();
	let mut document = storage_prefix("ModuleRegistry");
	document.extend(blake2_128_concat(&entry.encode()));
	(record, document)
}

fn parse_request(package: &str, version: &str) -> Result<(PackageName, String), AttestError> {
	let name = PackageName::parse(package).map_err(|e| malformed(format!("{package:?}: {e:?}")))?;
	let parsed =
		registry::parse_version(version).map_err(|e| malformed(format!("{version:?}: {e:?}")))?;
	Ok((name, registry::version_identity(&parsed)))
}

/// Make a bundle for `package@version` at the chain's latest finalized block, from any node:
/// the bundle is checked by its proofs, not by trust in the node that served it.
pub async fn make(chain: &Chain, package: &str, version: &str) -> Result<Bundle, AttestError> {
	let (name, identity) = parse_request(package, version)?;
	let node = |what: &str, e: &dyn std::fmt::Display| {
		AttestError::Chain(ChainError::Node(format!("{what}: {e}")))
	};
	let head: String =
		serde_json::from_value(chain.rpc("chain_getFinalizedHead", rpc_params![]).await?)
			.map_err(|e| node("chain_getFinalizedHead", &e))?;
	// The finalized head is the target of the last GRANDPA commit, whose justification the
	// node keeps (it stores one for every finalized commit target, see node/src/service.rs).
	let block = chain.rpc("chain_getBlock", rpc_params![&head]).await?;
	let header: Header = serde_json::from_value(block["block"]["header"].clone())
		.map_err(|e| node("chain_getBlock header", &e))?;
	let justification = grandpa_justification(&block["justifications"]).ok_or_else(|| {
		node(
			"chain_getBlock",
			&"the node keeps no GRANDPA justification of its finalized head (an older node?)",
		)
	})?;
	let set_id: String = serde_json::from_value(
		chain.rpc("state_call", rpc_params!["GrandpaApi_current_set_id", "0x", &head]).await?,
	)
	.map_err(|e| node("GrandpaApi_current_set_id", &e))?;
	let set_id = u64::decode(&mut &hex_bytes(&set_id, "set id")?[..])
		.map_err(|e| node("GrandpaApi_current_set_id", &e))?;
	let (record_key, document_key) = storage_keys(&name, &identity);
	let proof = chain
		.rpc(
			"state_getReadProof",
			rpc_params![vec![hex_text(&record_key), hex_text(&document_key)], &head],
		)
		.await?;
	let proof: Vec<String> = serde_json::from_value(proof["proof"].clone())
		.map_err(|e| node("state_getReadProof", &e))?;
	let mut bundle = Bundle {
		format: FORMAT.into(),
		package: name.to_string(),
		version: version.into(),
		claims: Claims {
			cid: String::new(),
			checksum: String::new(),
			size: 0,
			publisher: String::new(),
			published_at: 0,
			yanked: false,
		},
		block: header.number,
		block_hash: head,
		header: hex_text(&header.encode()),
		set_id,
		justification: hex_text(&justification),
		proof,
	};
	// The claims are what the proof says, read the way `verify` reads them.
	let proven =
		prove_values(&bundle, &header).map_err(|e| node("the node's proof", &e))?.ok_or_else(
			|| AttestError::Chain(ChainError::BadArgument(format!("no version {name}@{version}"))),
		)?;
	bundle.version = proven.0;
	bundle.claims = proven.1;
	Ok(bundle)
}

/// The GRANDPA entry of a block's `justifications` as the node's JSON gives them (pairs of an
/// engine id and the encoded justification, each bytes as numbers or hex).
fn grandpa_justification(justifications: &Value) -> Option<Vec<u8>> {
	let bytes = |v: &Value| -> Option<Vec<u8>> {
		match v {
			Value::String(s) => hex::decode(s.trim_start_matches("0x")).ok(),
			Value::Array(items) =>
				items.iter().map(|b| b.as_u64().and_then(|b| u8::try_from(b).ok())).collect(),
			_ => None,
		}
	};
	justifications.as_array()?.iter().find_map(|pair| {
		let pair = pair.as_array()?;
		(bytes(pair.first()?)? == GRANDPA_ENGINE).then(|| bytes(pair.get(1)?)).flatten()
	})
}

/// The GRANDPA authority set of a chain spec's genesis (set id 0).
pub fn genesis_authorities(spec: &str) -> Result<AuthoritySet, AttestError> {
	let spec: Value =
		serde_json::from_str(spec).map_err(|e| malformed(format!("chain spec: {e}")))?;
	let top = &spec["genesis"]["raw"]["top"];
	if top.is_null() {
		return Err(malformed("chain spec: no raw genesis storage (export it with --raw)"));
	}
	let encoded = top[hex_text(&grandpa_authorities_key())]
		.as_str()
		.ok_or_else(|| malformed("chain spec: no GRANDPA authorities in the genesis"))?;
	let authorities = AuthorityList::decode(&mut &hex_bytes(encoded, "genesis authorities")?[..])
		.map_err(|e| malformed(format!("chain spec: GRANDPA authorities: {e}")))?;
	Ok(AuthoritySet { set_id: 0, authorities })
}

/// An authority set from a file the user trusts: `{"setId": N, "authorities": [["0x<ed25519
/// public key>", weight], …]}`.
pub fn authorities_file(text: &str) -> Result<AuthoritySet, AttestError> {
	#[derive(Deserialize)]
	#[serde(rename_all = "camelCase", deny_unknown_fields)]
	struct File {
		set_id: u64,
		authorities: Vec<(String, u64)>,
	}
	let file: File =
		serde_json::from_str(text).map_err(|e| malformed(format!("authorities: {e}")))?;
	let mut authorities = AuthorityList::new();
	for (key, weight) in file.authorities {
		let raw: [u8; 32] = hex_bytes(&key, "authority key")?
			.try_into()
			.map_err(|_| malformed(format!("authority key {key}: not 32 bytes")))?;
		authorities.push((AuthorityId::from(sp_core::ed25519::Public::from_raw(raw)), weight));
	}
	Ok(AuthoritySet { set_id: file.set_id, authorities })
}

/// What [`verify`] proved.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Verified {
	/// `ns/name`.
	pub package: String,
	/// The version as published.
	pub version: String,
	/// The version's record at the block.
	#[serde(flatten)]
	pub claims: Claims,
	/// The finalized block it was proven at.
	pub block: u32,
	/// Its hash.
	pub block_hash: String,
	/// The authority set that finalized it.
	pub set_id: u64,
	/// How many of its authorities signed, and how many were needed.
	pub signed_weight: u64,
	/// The weight more than two thirds of the set needs.
	pub threshold: u64,
	/// Whether a tarball was checked against the checksum and size.
	pub tarball_checked: bool,
}

/// What the user asked [`verify`] to prove: a bundle of another package or version, however
/// valid, is refused.
#[derive(Clone, Debug)]
pub struct Expected {
	/// `ns/name` (or `@ns/name`).
	pub package: String,
	/// The version (build metadata may be left out).
	pub version: String,
	/// Accept a version that was yanked at the attested block.
	pub allow_yanked: bool,
}

/// The well-known development keys (`//Alice` … `//Ferdie`) among `set`'s authorities: anyone
/// can sign for them, so a set holding one proves nothing outside a development chain.
pub fn development_keys(set: &AuthoritySet) -> Vec<&'static str> {
	use sp_core::Pair as _;
	["Alice", "Bob", "Charlie", "Dave", "Eve", "Ferdie"]
		.into_iter()
		.filter(|name| {
			let pair = sp_core::ed25519::Pair::from_string(&format!("//{name}"), None)
				.expect("a development key derives");
			let id = AuthorityId::from(pair.public());
			set.authorities.iter().any(|(a, _)| *a == id)
		})
		.collect()
}

/// Read and check a bundle's text (bounded in size) against `set` and what the user expects;
/// the tarball, when given, is its content's bytes read by `tarball`.
pub fn verify(
	text: &[u8],
	set: &AuthoritySet,
	expected: &Expected,
	tarball: Option<&mut dyn std::io::Read>,
) -> Result<Verified, AttestError> {
	if text.len() > MAX_BUNDLE_BYTES {
		return Err(malformed(format!("a bundle is at most {MAX_BUNDLE_BYTES} bytes")));
	}
	let bundle: Bundle =
		serde_json::from_slice(text).map_err(|e| malformed(format!("bundle: {e}")))?;
	if bundle.format != FORMAT {
		return Err(malformed(format!("format {:?}, expected {FORMAT:?}", bundle.format)));
	}
	let (want_name, want_identity) = parse_request(&expected.package, &expected.version)?;
	let (name, identity) = parse_request(&bundle.package, &bundle.version)?;
	if (&name, &identity) != (&want_name, &want_identity) {
		return Err(invalid(format!(
			"the bundle attests {name}@{identity}, not {want_name}@{want_identity}"
		)));
	}
	let header = Header::decode_all(&mut &hex_bytes(&bundle.header, "header")?[..])
		.map_err(|e| malformed(format!("header: {e}")))?;
	let hash = header.hash();
	if hex_text(hash.as_bytes()) != bundle.block_hash.to_lowercase() ||
		header.number != bundle.block
	{
		return Err(invalid("the header is not the block the bundle names"));
	}
	let (signed_weight, threshold) = check_justification(&bundle, &header, set)?;
	let (version, claims) = prove_values(&bundle, &header)?
		.ok_or_else(|| invalid("the proof shows no such version"))?;
	if version != bundle.version || claims != bundle.claims {
		return Err(invalid(format!(
			"the bundle claims {} {:?}, its proof shows {version} {claims:?}",
			bundle.version, bundle.claims
		)));
	}
	if claims.yanked && !expected.allow_yanked {
		return Err(invalid(format!(
			"{name}@{version} was yanked at block #{} (--allow-yanked accepts it)",
			bundle.block
		)));
	}
	let tarball_checked = match tarball {
		Some(reader) => {
			check_tarball(reader, &claims)?;
			true
		},
		None => false,
	};
	Ok(Verified {
		package: bundle.package,
		version,
		claims,
		block: bundle.block,
		block_hash: bundle.block_hash,
		set_id: bundle.set_id,
		signed_weight,
		threshold,
		tarball_checked,
	})
}

fn check_tarball(reader: &mut dyn std::io::Read, claims: &Claims) -> Result<(), AttestError> {
	use sha2::Digest;
	let mut hasher = sha2::Sha256::new();
	let mut buf = vec![0u8; 1 << 16];
	let mut size: u64 = 0;
	loop {
		let n = reader.read(&mut buf).map_err(|e| malformed(format!("tarball: {e}")))?;
		if n == 0 {
			break;
		}
		size += n as u64;
		if size > claims.size {
			return Err(invalid(format!(
				"the tarball is larger than the {} bytes on chain",
				claims.size
			)));
		}
		hasher.update(&buf[..n]);
	}
	let digest: [u8; 32] = hasher.finalize().into();
	if size != claims.size || checksum_text(&digest) != claims.checksum {
		return Err(invalid(format!(
			"the tarball ({size} bytes, {}) is not the content on chain ({} bytes, {})",
			checksum_text(&digest),
			claims.size,
			claims.checksum
		)));
	}
	Ok(())
}

/// Check the justification finalizes `header` with signatures of more than two thirds of
/// `set` (by weight); the signed weight and the threshold.
fn check_justification(
	bundle: &Bundle,
	header: &Header,
	set: &AuthoritySet,
) -> Result<(u64, u64), AttestError> {
	if bundle.set_id != set.set_id {
		return Err(invalid(format!(
			"signed by GRANDPA authority set {}, but the known set is {} (the chain's validators \
			 changed since: pass --authorities with set {})",
			bundle.set_id, set.set_id, bundle.set_id
		)));
	}
	let encoded = hex_bytes(&bundle.justification, "justification")?;
	let justification = GrandpaJustification::<Header>::decode_all(&mut &encoded[..])
		.map_err(|e| malformed(format!("justification: {e}")))?;
	let commit = &justification.commit;
	let hash = header.hash();
	if commit.target_hash != hash || commit.target_number != header.number {
		return Err(invalid("the justification finalizes another block"));
	}
	// Precommits may vote for descendants of the target; the ancestry headers show the path.
	let ancestry: HashMap<_, _> =
		justification.votes_ancestries.iter().map(|h| (h.hash(), *h.parent_hash())).collect();
	let descends = |mut block| {
		for _ in 0..=ancestry.len() {
			if block == hash {
				return true;
			}
			match ancestry.get(&block) {
				Some(parent) => block = *parent,
				None => return false,
			}
		}
		false
	};
	// An authority listed twice counts with both weights, as GRANDPA's voter set does.
	let mut weights: HashMap<&AuthorityId, u64> = HashMap::new();
	let mut total: u64 = 0;
	for (id, w) in &set.authorities {
		let overflow = || malformed("the authority set's weights overflow");
		total = total.checked_add(*w).ok_or_else(overflow)?;
		let entry = weights.entry(id).or_insert(0);
		*entry = entry.checked_add(*w).ok_or_else(overflow)?;
	}
	// At most one equivocation per voter, as GRANDPA allows; more is a bundle built to burn
	// signature checks.
	if commit.precommits.len() > 2 * weights.len() {
		return Err(invalid("more precommits than the authority set can sign"));
	}
	if justification.votes_ancestries.len() > MAX_ANCESTRY {
		return Err(invalid(format!("more than {MAX_ANCESTRY} ancestry headers")));
	}
	let mut signers = std::collections::HashSet::new();
	let mut signed_weight: u64 = 0;
	for signed in &commit.precommits {
		let Some(weight) = weights.get(&signed.id) else {
			return Err(invalid("a precommit by someone outside the authority set"));
		};
		let message = finality_grandpa::Message::Precommit(signed.precommit.clone());
		if !sp_consensus_grandpa::check_message_signature(
			&message,
			&signed.id,
			&signed.signature,
			justification.round,
			set.set_id,
		)
		.is_valid()
		{
			return Err(invalid("a precommit's signature does not verify"));
		}
		if !descends(signed.precommit.target_hash) {
			return Err(invalid("a precommit for a block that does not descend from the target"));
		}
		if signers.insert(signed.id.clone()) {
			// Cannot overflow: the weights of distinct authorities sum to at most `total`.
			signed_weight += *weight;
		}
	}
	let faulty = total.saturating_sub(1) / 3;
	let threshold = total - faulty;
	if total == 0 || signed_weight < threshold {
		return Err(invalid(format!(
			"signed by weight {signed_weight} of {total}; finality needs {threshold}"
		)));
	}
	Ok((signed_weight, threshold))
}

/// The version text and record the bundle's proof shows under the header's state root, or
/// `None` when it proves the version absent.
fn prove_values(bundle: &Bundle, header: &Header) -> Result<Option<(String, Claims)>, AttestError> {
	let (name, identity) = parse_request(&bundle.package, &bundle.version)?;
	let (record_key, document_key) = storage_keys(&name, &identity);
	let nodes =
		bundle.proof.iter().map(|n| hex_bytes(n, "proof node")).collect::<Result<Vec<_>, _>>()?;
	let proof = sp_state_machine::StorageProof::new(nodes);
	let values = sp_state_machine::read_proof_check::<BlakeTwo256, _>(
		header.state_root,
		proof,
		[&record_key, &document_key],
	)
	.map_err(|e| invalid(format!("the storage proof does not match the state root: {e}")))?;
	let (Some(Some(record)), Some(document)) = (values.get(&record_key), values.get(&document_key))
	else {
		return Ok(None);
	};
	let record = VersionRecord::<subxt::utils::AccountId32, u32>::decode(&mut &record[..])
		.map_err(|e| invalid(format!("the version record does not decode: {e}")))?;
	let document =
		document.as_ref().ok_or_else(|| invalid("the proof shows no version document"))?;
	let document = Vec::<u8>::decode(&mut &document[..])
		.map_err(|e| invalid(format!("the version document does not decode: {e}")))?;
	let cid = classify(&document)
		.ok()
		.and_then(|c| c.cid)
		.and_then(|c| cid_to_string(&c))
		.ok_or_else(|| invalid("the version document names no CID"))?;
	let version = String::from_utf8(record.version.to_vec())
		.map_err(|_| invalid("the version text is not UTF-8"))?;
	Ok(Some((
		version,
		Claims {
			cid,
			checksum: checksum_text(&record.checksum),
			size: record.size,
			publisher: record.publisher.to_string(),
			published_at: record.published_at,
			yanked: record.yanked,
		},
	)))
}

#[cfg(test)]
mod tests {
	use super::*;
	use sp_core::Pair as _;

	fn key(seed: &str) -> AuthorityId {
		AuthorityId::from(sp_core::ed25519::Pair::from_string(seed, None).unwrap().public())
	}

	#[test]
	fn development_keys_are_named() {
		let set = AuthoritySet { set_id: 0, authorities: vec![(key("//Bob"), 1), (key("//x"), 1)] };
		assert_eq!(development_keys(&set), vec!["Bob"]);
		let set = AuthoritySet { set_id: 0, authorities: vec![(key("//not-a-dev-key"), 1)] };
		assert!(development_keys(&set).is_empty());
	}

	#[test]
	fn an_authorities_file_is_read_and_checked() {
		let alice = hex_text(key("//Alice").as_ref());
		let set = authorities_file(&format!(r#"{{"setId": 3, "authorities": [["{alice}", 2]]}}"#))
			.unwrap();
		assert_eq!((set.set_id, set.authorities.len(), set.authorities[0].1), (3, 1, 2));
		assert!(authorities_file(r#"{"setId": 0, "authorities": [["0x00", 1]]}"#).is_err());
		assert!(authorities_file(r#"{"setId": 0, "authorities": [], "extra": 1}"#).is_err());
	}

	#[test]
	fn storage_keys_follow_the_pallet_layout() {
		let name = PackageName::parse("@acme/tool").unwrap();
		let (record, document) = storage_keys(&name, "1.0.0");
		assert_eq!(&record[..32], &storage_prefix("Versions")[..]);
		assert_eq!(&document[..32], &storage_prefix("ModuleRegistry")[..]);
		// Blake2_128Concat keeps the encoded key after its hash: the entry key is 33 bytes.
		let entry = version_entry_key("acme/tool", "1.0.0");
		assert!(document.ends_with(&entry));
		assert!(record.ends_with(&b"1.0.0".to_vec().encode()));
	}

	#[test]
	fn justifications_are_found_in_either_json_form() {
		let numbers = serde_json::json!([[[70, 82, 78, 75], [1, 2, 3]]]);
		assert_eq!(grandpa_justification(&numbers), Some(vec![1, 2, 3]));
		let hex = serde_json::json!([["0x46524e4b", "0x0405"], ["0x42454546", "0x09"]]);
		assert_eq!(grandpa_justification(&hex), Some(vec![4, 5]));
		assert_eq!(grandpa_justification(&serde_json::json!([["0x42454546", "0x09"]])), None);
		assert_eq!(grandpa_justification(&Value::Null), None);
	}
}
