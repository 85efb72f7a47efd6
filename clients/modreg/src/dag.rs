//! UnixFS DAGs, checked block by block.
//!
//! A CID names its root block; a file larger than one chunk is a dag-pb node whose links name
//! the chunks (raw blocks, or further dag-pb nodes), and a directory is a dag-pb node whose
//! named links name its entries. Every block is checked against the CID that names it
//! ([`verify_block`]: the sha2-256 of the block is the CID's digest), so content assembled from
//! checked blocks is the content the root CID names, however many blocks it has.
//!
//! Supported: raw blocks (codec 0x55) and dag-pb (0x70) nodes of UnixFS type raw, file and
//! directory. Refused with a clear error: other hashes and codecs, symlinks, HAMT-sharded
//! directories, and directory entry names that are not one plain path component.

use cid::Cid;
use prost::Message;
use sha2::{Digest, Sha256};

/// The multihash code of sha2-256.
pub const SHA2_256: u64 = 0x12;
/// The multicodec of raw blocks.
pub const RAW: u64 = 0x55;
/// The multicodec of dag-pb nodes.
pub const DAG_PB: u64 = 0x70;

/// A link of a dag-pb node (the `PBLink` message of the dag-pb spec).
#[derive(Clone, PartialEq, Message)]
pub struct PbLink {
	/// The binary CID of the target.
	#[prost(bytes = "vec", optional, tag = "1")]
	pub hash: Option<Vec<u8>>,
	/// The entry name (directories).
	#[prost(string, optional, tag = "2")]
	pub name: Option<String>,
	/// The cumulative size of the target.
	#[prost(uint64, optional, tag = "3")]
	pub tsize: Option<u64>,
}

/// A dag-pb node (the `PBNode` message).
#[derive(Clone, PartialEq, Message)]
pub struct PbNode {
	/// The UnixFS `Data` message.
	#[prost(bytes = "vec", optional, tag = "1")]
	pub data: Option<Vec<u8>>,
	/// The links, in order.
	#[prost(message, repeated, tag = "2")]
	pub links: Vec<PbLink>,
}

/// The UnixFS `Data` message (the fields read here).
#[derive(Clone, PartialEq, Message)]
pub struct UnixFsData {
	/// 0 raw, 1 directory, 2 file, 3 metadata, 4 symlink, 5 HAMT shard.
	#[prost(int32, optional, tag = "1")]
	pub kind: Option<i32>,
	/// File bytes held by this node itself (before its children's).
	#[prost(bytes = "vec", optional, tag = "2")]
	pub data: Option<Vec<u8>>,
	/// The file's total size.
	#[prost(uint64, optional, tag = "3")]
	pub filesize: Option<u64>,
}

/// What a checked block holds.
#[derive(Debug, PartialEq, Eq)]
pub enum Node {
	/// File bytes of this block, then the children's content, in order.
	File {
		/// The bytes held by the block itself.
		data: Vec<u8>,
		/// The chunks that follow.
		children: Vec<Cid>,
		/// The whole file's size as the node declares it (`None` for a raw block).
		size: Option<u64>,
	},
	/// A directory's entries, by name.
	Dir(Vec<(String, Cid)>),
}

/// Why a DAG could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DagError {
	/// The block does not hash to its CID.
	#[error("block {0} does not hash to its CID")]
	Mismatch(String),
	/// A hash, codec or UnixFS type this client does not read.
	#[error("{0}")]
	Unsupported(String),
	/// The block does not decode as what its CID says.
	#[error("block {cid} is malformed: {why}")]
	Malformed {
		/// The block's CID.
		cid: String,
		/// What is wrong.
		why: String,
	},
}

/// Check that `block` is the block `cid` names.
pub fn verify_block(cid: &Cid, block: &[u8]) -> Result<(), DagError> {
	if cid.hash().code() != SHA2_256 {
		return Err(DagError::Unsupported(format!(
			"{cid}: hash 0x{:x} is not sha2-256; cannot check it",
			cid.hash().code()
		)));
	}
	if Sha256::digest(block).as_slice() != cid.hash().digest() {
		return Err(DagError::Mismatch(cid.to_string()));
	}
	Ok(())
}

/// Decode a checked block.
pub fn decode(cid: &Cid, block: &[u8]) -> Result<Node, DagError> {
	let malformed = |why: String| DagError::Malformed { cid: cid.to_string(), why };
	match cid.codec() {
		RAW => Ok(Node::File { data: block.to_vec(), children: Vec::new(), size: None }),
		DAG_PB => {
			let node = PbNode::decode(block).map_err(|e| malformed(e.to_string()))?;
			let fs = UnixFsData::decode(node.data.as_deref().unwrap_or_default())
				.map_err(|e| malformed(format!("UnixFS data: {e}")))?;
			let links = node
				.links
				.iter()
				.map(|l| {
					let hash = l
						.hash
						.as_deref()
						.ok_or_else(|| malformed("a link without a hash".into()))?;
					let target =
						Cid::try_from(hash).map_err(|e| malformed(format!("a link's CID: {e}")))?;
					Ok((l.name.clone().unwrap_or_default(), target))
				})
				.collect::<Result<Vec<_>, DagError>>()?;
			match fs.kind.unwrap_or(-1) {
				0 | 2 => Ok(Node::File {
					data: fs.data.unwrap_or_default(),
					children: links.into_iter().map(|(_, c)| c).collect(),
					size: fs.filesize,
				}),
				1 => {
					for (name, _) in &links {
						if !is_plain_name(name) {
							return Err(malformed(format!("directory entry name {name:?}")));
						}
					}
					Ok(Node::Dir(links))
				},
				4 => Err(DagError::Unsupported(format!("{cid} is a symlink; not fetched"))),
				5 => Err(DagError::Unsupported(format!(
					"{cid} is a sharded (HAMT) directory, which this client does not read"
				))),
				other => Err(malformed(format!("UnixFS type {other}"))),
			}
		},
		other =>
			Err(DagError::Unsupported(format!("{cid}: codec 0x{other:x} is not raw or dag-pb"))),
	}
}

/// Whether `name` is one path component that stays inside its folder.
pub fn is_plain_name(name: &str) -> bool {
	!name.is_empty() && name != "." && name != ".." && !name.contains(['/', '\\', '\0'])
}

#[cfg(test)]
mod tests {
	use super::*;

	fn cid_of(codec: u64, block: &[u8]) -> Cid {
		let mh = cid::multihash::Multihash::<64>::wrap(SHA2_256, &Sha256::digest(block)).unwrap();
		Cid::new_v1(codec, mh)
	}

	fn pb(kind: i32, data: &[u8], links: &[(&str, Cid)]) -> Vec<u8> {
		let fs = UnixFsData { kind: Some(kind), data: Some(data.to_vec()), filesize: None };
		PbNode {
			data: Some(fs.encode_to_vec()),
			links: links
				.iter()
				.map(|(n, c)| PbLink {
					hash: Some(c.to_bytes()),
					name: Some(n.to_string()),
					tsize: None,
				})
				.collect(),
		}
		.encode_to_vec()
	}

	#[test]
	fn blocks_are_checked_and_decoded() {
		let leaf = b"chunk".to_vec();
		let leaf_cid = cid_of(RAW, &leaf);
		assert!(verify_block(&leaf_cid, &leaf).is_ok());
		assert_eq!(
			verify_block(&leaf_cid, b"chunK"),
			Err(DagError::Mismatch(leaf_cid.to_string()))
		);
		let file = pb(2, b"head", &[("", leaf_cid)]);
		let file_cid = cid_of(DAG_PB, &file);
		assert_eq!(
			decode(&file_cid, &file).unwrap(),
			Node::File { data: b"head".to_vec(), children: vec![leaf_cid], size: None }
		);
		let dir = pb(1, b"", &[("a.txt", leaf_cid)]);
		assert_eq!(
			decode(&cid_of(DAG_PB, &dir), &dir).unwrap(),
			Node::Dir(vec![("a.txt".into(), leaf_cid)])
		);
		for bad in ["..", "a/b", "", "."] {
			let dir = pb(1, b"", &[(bad, leaf_cid)]);
			assert!(matches!(decode(&cid_of(DAG_PB, &dir), &dir), Err(DagError::Malformed { .. })));
		}
		let link = pb(4, b"/etc/passwd", &[]);
		assert!(matches!(decode(&cid_of(DAG_PB, &link), &link), Err(DagError::Unsupported(_))));
	}
}
