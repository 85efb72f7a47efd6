//! `modreg`: the module registry from a shell.
//!
//! Chain access goes through subxt's dynamic API, IPFS through `ipfs-api-backend-hyper`, and the
//! file-registry commands through the `file-registry` crate. The node URL and the IPFS API URL
//! come from `--node`/`MODREG_NODE` and `--ipfs`/`IPFS_API_URL`.
//!
//! Exit codes are the project's one table, [`file_registry::exit`] (docs/EXIT_CODES.md): 0
//! success; 1 not found; 2 bad command line or input; 3 refused by the chain (the pallet error
//! is printed); 4 node, gateway or IPFS unreachable; 5 verification failed (content, or a file
//! registry or archive with problems); 6 timed out waiting for `Verified`; 7 `install --locked`
//! and `modreg.lock` would change; 8 another error (a local file, the cache, the index). The
//! file-registry commands flattened in from `file_registry::cli` use the same table.

mod deps;
mod http;
mod index;
mod install;
mod package;

use file_registry::exit;
use modreg::{attest, chain, content, light};

use chain::{Chain, ChainError, ModuleInfo, PinStatus};
use clap::{Parser, Subcommand};
use content::{Cache, ContentError};
use indicatif::{ProgressBar, ProgressStyle};
use module_registry_primitives::registry;
use std::{io::Write, path::PathBuf, process::ExitCode, time::Duration};

#[derive(Parser)]
#[command(name = "modreg", version, about = "Command line for the module registry chain")]
struct Cli {
	/// Node RPC URL.
	#[arg(long, global = true, env = "MODREG_NODE", default_value = "ws://127.0.0.1:9944")]
	node: String,
	/// IPFS HTTP API (Kubo RPC) URL.
	#[arg(long, global = true, env = "IPFS_API_URL", default_value = "http://127.0.0.1:5001")]
	ipfs: String,
	/// Secret URI of the signing key.
	#[arg(long, global = true, env = "MODREG_SURI", default_value = "//Alice")]
	suri: String,
	/// Machine-readable JSON output (no progress bars).
	#[arg(long, global = true)]
	json: bool,
	/// No progress bars. They are also off when standard error is not a terminal.
	#[arg(long, short, global = true)]
	quiet: bool,
	/// The local index that `sync` writes and `--offline` reads.
	#[arg(long, global = true, env = "MODREG_INDEX")]
	index: Option<PathBuf>,
	/// Talk to the chain through an embedded light client (smoldot) that follows GRANDPA
	/// finality and checks every answer with Merkle proofs; no RPC node (`--node`) is
	/// contacted. Needs a chain spec (`--chain-spec`, or one saved by `modreg chain-spec
	/// import`).
	#[arg(long, global = true, env = "MODREG_LIGHT", value_parser = clap::builder::FalseyValueParser::new())]
	light: bool,
	/// The chain specification the light client starts from (raw genesis, with bootnodes).
	/// Default: the one `modreg chain-spec import` saved.
	#[arg(long, global = true, env = "MODREG_CHAIN_SPEC")]
	chain_spec: Option<PathBuf>,
	/// How long the light client may take to reach the head of the chain, in seconds.
	#[arg(long, global = true, env = "MODREG_LIGHT_TIMEOUT", default_value_t = 120)]
	light_timeout: u64,
	/// The light client refuses a head whose finalized block is older than this many seconds
	/// by its on-chain timestamp (the peers are behind, or lie by omission); 0 accepts any.
	#[arg(long, global = true, env = "MODREG_LIGHT_MAX_AGE", default_value_t = 600)]
	light_max_age: u64,
	#[command(subcommand)]
	command: Command,
}

#[derive(Subcommand)]
enum Command {
	/// Write an attestation of a version (`ns/name@1.2.3`): the finalized header, its GRANDPA
	/// justification and the storage proof of the version's record, which `verify-attestation`
	/// checks offline. Any node will do: the bundle is checked, not believed.
	Attest {
		reference: String,
		/// Write the bundle here (default: standard output).
		#[arg(short, long)]
		output: Option<PathBuf>,
	},
	/// Check an attestation bundle offline: that it proves REFERENCE (`ns/name@1.2.3`, the
	/// version you meant to install) by the chain spec's genesis validators (or
	/// `--authorities`), and with `--tarball` the content's SHA-256 and size. Exit 5 when it
	/// does not verify.
	VerifyAttestation {
		file: PathBuf,
		reference: String,
		/// Accept a version that was yanked at the attested block.
		#[arg(long)]
		allow_yanked: bool,
		/// Accept an authority set holding the public development keys (`//Alice` …), which
		/// anyone can sign with: only for a development chain.
		#[arg(long)]
		allow_dev_keys: bool,
		/// The content to check against the attested checksum and size.
		#[arg(long)]
		tarball: Option<PathBuf>,
		/// A GRANDPA authority set you trust (`{"setId": N, "authorities": [["0x<key>",
		/// weight], …]}`) instead of the chain spec's genesis set.
		#[arg(long)]
		authorities: Option<PathBuf>,
	},
	/// The chain specification `--light` starts from: `import FILE` checks and saves one (a
	/// raw spec, as `module-registry-node export-chain-spec --raw` writes), `export` prints it.
	ChainSpec {
		#[command(subcommand)]
		action: SpecAction,
	},
	/// Insert or update a key. VALUE is JSON text, a CID, or @FILE.
	Register { key: String, value: String },
	/// Print the value of a key.
	Get { key: String },
	/// Remove a key you own.
	Remove { key: String },
	/// Offer a key you own to another account (SS58 address or 0x-hex account id); it is
	/// theirs once they run `accept`.
	Transfer { key: String, new_owner: String },
	/// Accept an ownership offer made to you (`--suri`); the deposit is then held from you.
	Accept { key: String },
	/// Show owner, deposit, counters, kind, CID and pin status of a key; with `--offline`, a
	/// package (`ns/name`) and its versions from the local index.
	Info {
		key: String,
		#[arg(long)]
		offline: bool,
	},
	/// List every entry.
	List,
	/// Find entries whose key, or JSON name/description/keywords, contain TEXT; with
	/// `--offline`, packages in the local index by name, description, keywords and author.
	Search {
		text: String,
		#[arg(long)]
		offline: bool,
	},
	/// Copy every package and version at the finalized block into the local index, for
	/// `search`, `info` and `resolve` with `--offline`; with `--gateway`, from a gateway's
	/// `/v1/index.json` instead of the node.
	Sync {
		/// A module-registry-gateway's base URL (`http://host:8080`).
		#[arg(long, env = "MODREG_GATEWAY")]
		gateway: Option<String>,
	},
	/// Add a file or folder to IPFS, register its CID, and wait until the chain verifies it.
	/// With `--name ns/name --version X`, publish a version of a package instead: a folder is
	/// packed into a reproducible `.tar.gz` first, its SHA-256 and size go on chain with the
	/// CID.
	Publish {
		path: PathBuf,
		/// The key to register (default: the file name).
		#[arg(long, conflicts_with = "name")]
		key: Option<String>,
		/// Publish a version of this package (`ns/name` or `@ns/name`).
		#[arg(long, requires = "version")]
		name: Option<String>,
		/// The SemVer version to publish (with `--name`).
		#[arg(long, requires = "name")]
		version: Option<String>,
		/// Register this JSON metadata (its `cid` field is set) instead of the bare CID. For a
		/// version (`--name`), its metadata; without this, the folder's `module.json` is, when
		/// there is one. Dependencies are its `dependencies.modules` (`ns/name@range`).
		#[arg(long)]
		metadata: Option<PathBuf>,
		/// Seconds to wait for `Verified`.
		#[arg(long, default_value_t = 120)]
		timeout: u64,
	},
	/// Resolve a key to its CID, get the content from IPFS (or the cache), verify it.
	Fetch {
		key: String,
		/// Write here instead of standard output (a directory's content needs it: DIR must not
		/// exist or be empty).
		#[arg(short, long)]
		output: Option<PathBuf>,
		/// Serve from the local cache only.
		#[arg(long)]
		offline: bool,
		/// Stop (exit 5) once the content passes this many bytes, fetched or written: a DAG of
		/// a few blocks can name far more.
		#[arg(long, default_value_t = 4 << 30)]
		max_bytes: u64,
		/// Stop (exit 5) once a directory passes this many files and folders.
		#[arg(long, default_value_t = 100_000)]
		max_files: u64,
		#[command(flatten)]
		cache: CacheArgs,
	},
	/// Namespaces: claim one, show it, manage its maintainers, hand it over.
	Namespace {
		#[command(subcommand)]
		action: NamespaceCommand,
	},
	/// Resolve `ns/name@range` (or `ns/name RANGE`; `latest` by default) to one version.
	Resolve {
		reference: String,
		range: Option<String>,
		/// From the local index (`modreg sync`), without the node.
		#[arg(long)]
		offline: bool,
	},
	/// List the versions of a package, lowest first.
	Versions { name: String },
	/// Show a package: owner, maintainers, type, status, deprecation, latest version.
	Package { name: String },
	/// Yank a version: ranges skip it, an exact request still gets it. `--undo` restores it.
	Yank {
		name: String,
		version: String,
		#[arg(long)]
		undo: bool,
	},
	/// Deprecate a package, or one version with `--version`. `--undo` lifts it.
	Deprecate {
		name: String,
		#[arg(long)]
		version: Option<String>,
		/// What to use instead: `ns/name@range`.
		#[arg(long)]
		successor: Option<String>,
		#[arg(long, default_value = "")]
		reason: String,
		#[arg(long)]
		undo: bool,
	},
	/// Set a package's status.
	Status { name: String, status: StatusArg },
	/// Show the dependency graph `modreg.lock` holds, from each request down (as `cargo
	/// tree`); `(*)` marks a package shown before on the path.
	Tree {
		/// Show what depends on this package instead, up to the requests.
		#[arg(long, short)]
		invert: Option<String>,
		/// Levels below each request to show.
		#[arg(long, default_value_t = usize::MAX)]
		depth: usize,
		/// The project folder, where `modreg.lock` lives.
		#[arg(long, default_value = ".")]
		project: PathBuf,
	},
	/// Resolve the project's graph (its requests in `modreg.lock`, plus the packages named)
	/// and write `modreg.lock`, fetching nothing: what `install` would lock. The Python
	/// client's `install` uses it, so both tools lock the same graph.
	Lock {
		packages: Vec<String>,
		/// The project folder, where `modreg.lock` lives.
		#[arg(long, default_value = ".")]
		project: PathBuf,
		/// Fail (exit 7) instead of changing `modreg.lock`.
		#[arg(long)]
		locked: bool,
		/// Write nothing: report the lockfile (with `--json`, its exact text as
		/// `lockfileText`), for a tool that installs first and writes it after.
		#[arg(long)]
		dry_run: bool,
		/// The runtime the modules will run on (see `install`).
		#[arg(long, env = "MODREG_RUNTIME_VERSION")]
		runtime_version: Option<String>,
		/// Resolve from the local index (`modreg sync`) instead of the node: no network; the
		/// lockfile names the block the index was synced at.
		#[arg(long)]
		offline: bool,
	},
	/// Show why a package is in the graph: every path from a request to it.
	Why {
		name: String,
		/// The project folder, where `modreg.lock` lives.
		#[arg(long, default_value = ".")]
		project: PathBuf,
	},
	/// Install packages (`ns/name@range`) with everything they depend on, or with no arguments
	/// the project's requests from `modreg.lock`: resolve the graph at the finalized block,
	/// fetch from IPFS or the cache, check CID, SHA-256 and size, unpack under `--to`, and
	/// record the graph in `modreg.lock` (exit 9 when no set of versions fits).
	Install {
		packages: Vec<String>,
		/// Where packages go: `DIR/ns/name`.
		#[arg(long, default_value = "modreg_modules")]
		to: PathBuf,
		/// The project folder, where `modreg.lock` lives.
		#[arg(long, default_value = ".")]
		project: PathBuf,
		/// Fail (exit 7) instead of changing `modreg.lock`.
		#[arg(long)]
		locked: bool,
		/// Use only `modreg.lock` and the cache: no node, no IPFS.
		#[arg(long)]
		offline: bool,
		#[command(flatten)]
		cache: CacheArgs,
		/// Most bytes one package may unpack to.
		#[arg(long, default_value_t = 1 << 30)]
		max_unpacked_bytes: u64,
		/// The runtime the modules will run on: versions whose `dependencies.runtime_min` is
		/// higher are not chosen.
		#[arg(long, env = "MODREG_RUNTIME_VERSION")]
		runtime_version: Option<String>,
	},
	/// Show the locked packages that have newer versions: `wanted`, the highest in the same
	/// compatible line that every range on it still admits (what `install ns/name` of its
	/// request would move to), and `latest`, the highest release.
	Outdated {
		/// The project folder, where `modreg.lock` lives.
		#[arg(long, default_value = ".")]
		project: PathBuf,
	},
	/// The file-registry commands (`verify`, `export`, `import`, `seal`, `promote`,
	/// `rollback`): the `file-registry` crate's own command line, with its exit codes
	/// (docs/FILE_REGISTRY.md).
	#[command(flatten)]
	Files(file_registry::cli::Command),
}

/// Where the content cache lives and how large it may grow.
#[derive(clap::Args)]
struct CacheArgs {
	/// The cache folder.
	#[arg(long, env = "MODREG_CACHE_DIR")]
	cache_dir: Option<PathBuf>,
	/// The cache's size bound in bytes.
	#[arg(long, env = "MODREG_CACHE_MAX_BYTES", default_value_t = 1 << 30)]
	cache_max_bytes: u64,
}

impl CacheArgs {
	fn open(self) -> Result<Cache, Failure> {
		Cache::new(self.cache_dir.unwrap_or_else(Cache::default_dir), self.cache_max_bytes)
			.map_err(|e| Failure(exit::OTHER, format!("cache: {e}")))
	}
}

#[derive(Subcommand)]
enum NamespaceCommand {
	/// Claim a free namespace (a deposit is held).
	Claim { namespace: String },
	/// Show a namespace.
	Show { namespace: String },
	/// Let an account publish in your namespace.
	AddMaintainer { namespace: String, who: String },
	/// Take that right away.
	RemoveMaintainer { namespace: String, who: String },
	/// Offer your namespace to another account; it moves when they run `namespace accept`.
	Transfer { namespace: String, to: String },
	/// Accept a namespace offered to you.
	Accept { namespace: String },
	/// Give up your namespace while it holds no packages; the claim deposit is returned.
	Release { namespace: String },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum StatusArg {
	Active,
	Maintenance,
	Inactive,
}

/// A failure with its exit code.
#[derive(Debug)]
struct Failure(u8, String);

impl From<ChainError> for Failure {
	fn from(e: ChainError) -> Self {
		match e {
			ChainError::Dispatch(_) => Failure(exit::REFUSED, e.to_string()),
			ChainError::Key(_) => Failure(exit::USAGE, e.to_string()),
			ChainError::Node(_) => Failure(exit::UNREACHABLE, e.to_string()),
			ChainError::BadArgument(_) => Failure(exit::USAGE, e.to_string()),
		}
	}
}

impl From<ContentError> for Failure {
	fn from(e: ContentError) -> Self {
		match e {
			ContentError::Verification { .. } | ContentError::TooLarge(_) =>
				Failure(exit::VERIFICATION, e.to_string()),
			ContentError::NotCached(_) | ContentError::NoCid(_) =>
				Failure(exit::NOT_FOUND, e.to_string()),
			ContentError::Ipfs(_) => Failure(exit::UNREACHABLE, e.to_string()),
			ContentError::Io(_) => Failure(exit::OTHER, e.to_string()),
		}
	}
}

/// An entry in the node RPC's JSON shape (`moduleRegistry_listModules`, docs/ARCHITECTURE.md):
/// the key as hex and text, the owner in SS58, the deposit as a decimal string, the CID as text.
fn info_json(key: &[u8], info: &ModuleInfo) -> serde_json::Value {
	serde_json::json!({
		"key": format!("0x{}", hex::encode(key)),
		"keyText": std::str::from_utf8(key).ok(),
		"info": {
			"owner": chain::ss58_text(&info.owner),
			"deposit": info.deposit.to_string(),
			"created": info.created,
			"updated": info.updated,
			"updateCount": info.update_count,
			"valueLen": info.value_len,
			"kind": info.kind,
			"cid": info.cid.as_deref().and_then(module_registry_primitives::validation::cid_to_string),
			"pinStatus": info.pin_status,
		},
	})
}

fn account(text: &str) -> Result<[u8; 32], Failure> {
	if let Some(h) = text.strip_prefix("0x") {
		let bytes =
			hex::decode(h).map_err(|e| Failure(exit::USAGE, format!("bad account: {e}")))?;
		return bytes
			.try_into()
			.map_err(|_| Failure(exit::USAGE, "an account id is 32 bytes".into()));
	}
	let id: subxt::utils::AccountId32 =
		text.parse().map_err(|e| Failure(exit::USAGE, format!("bad SS58 address: {e:?}")))?;
	Ok(id.0)
}

fn value_arg(value: &str) -> Result<Vec<u8>, Failure> {
	match value.strip_prefix('@') {
		Some(path) => std::fs::read(path).map_err(|e| Failure(exit::OTHER, format!("{path}: {e}"))),
		None => Ok(value.as_bytes().to_vec()),
	}
}

fn out(json: bool, value: serde_json::Value, text: impl std::fmt::Display) {
	if json {
		println!("{value}");
	} else {
		println!("{text}");
	}
}

fn matches(key: &[u8], value: &[u8], needle: &str) -> bool {
	let needle = needle.to_lowercase();
	if String::from_utf8_lossy(key).to_lowercase().contains(&needle) {
		return true;
	}
	let Ok(json) = serde_json::from_slice::<serde_json::Value>(value) else { return false };
	let field = |v: Option<&serde_json::Value>| match v {
		Some(serde_json::Value::String(s)) => s.to_lowercase().contains(&needle),
		Some(serde_json::Value::Array(items)) =>
			items.iter().any(|i| i.as_str().is_some_and(|s| s.to_lowercase().contains(&needle))),
		_ => false,
	};
	["name", "description", "keywords"].iter().any(|f| field(json.get(*f))) ||
		["description", "keywords", "tags"]
			.iter()
			.any(|f| field(json.get("custom").and_then(|c| c.get(*f))))
}

/// Whether progress bars are drawn: not with `--quiet` or `--json` (`silent`), and only on a
/// terminal.
fn bars_shown(silent: bool) -> bool {
	use std::io::IsTerminal;
	!silent && std::io::stderr().is_terminal()
}

/// A progress bar on standard error for a transfer of `total` bytes (a byte counter when the
/// total is not known), or a hidden one with `--quiet`, `--json`, or when standard error is not
/// a terminal.
fn transfer_bar(silent: bool, total: Option<u64>, what: &str) -> ProgressBar {
	if !bars_shown(silent) {
		return ProgressBar::hidden();
	}
	let (bar, template) = match total {
		Some(total) => (
			ProgressBar::new(total),
			format!("{what} {{bar:30}} {{bytes}}/{{total_bytes}} {{bytes_per_sec}}"),
		),
		None =>
			(ProgressBar::new_spinner(), format!("{what} {{spinner}} {{bytes}} {{bytes_per_sec}}")),
	};
	bar.set_style(ProgressStyle::with_template(&template).expect("template"));
	bar
}

/// A progress bar counting items (packages of a sync), hidden as [`transfer_bar`] is.
fn count_bar(silent: bool, what: &str) -> ProgressBar {
	if !bars_shown(silent) {
		return ProgressBar::hidden();
	}
	let bar = ProgressBar::new_spinner();
	bar.set_style(
		ProgressStyle::with_template(&format!("{what} {{spinner}} {{pos}}")).expect("template"),
	);
	bar
}

async fn wait_verified(
	chain: &Chain,
	key: &[u8],
	timeout: u64,
	silent: bool,
) -> Result<ModuleInfo, Failure> {
	let spinner = count_bar(silent, "");
	spinner.set_style(ProgressStyle::with_template("{spinner} {msg}").expect("template"));
	spinner.set_message("waiting for the chain to verify the pin");
	let deadline = tokio::time::Instant::now() + Duration::from_secs(timeout);
	loop {
		spinner.tick();
		if let Some(info) = chain.info(key).await? {
			match &info.pin_status {
				PinStatus::Verified { .. } => {
					spinner.finish_and_clear();
					return Ok(info);
				},
				PinStatus::Rejected { reason, at } =>
					return Err(Failure(
						exit::VERIFICATION,
						format!("the chain rejected the content at block {at}: {reason:?}"),
					)),
				_ => {},
			}
		}
		if tokio::time::Instant::now() > deadline {
			return Err(Failure(exit::TIMEOUT, format!("not verified within {timeout} s")));
		}
		tokio::time::sleep(Duration::from_secs(2)).await;
	}
}

#[derive(Subcommand)]
enum SpecAction {
	/// Check FILE and save it as the default chain spec of `--light`.
	Import { file: PathBuf },
	/// Print the saved chain spec.
	Export,
}

/// Where `modreg chain-spec import` saves the spec: `$XDG_CONFIG_HOME/modreg/chain-spec.json`
/// or `~/.config/modreg/chain-spec.json`.
fn saved_spec_path() -> Option<PathBuf> {
	std::env::var_os("XDG_CONFIG_HOME")
		.map(PathBuf::from)
		.or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))
		.map(|d| d.join("modreg").join("chain-spec.json"))
}

fn chain_spec_command(action: SpecAction, json: bool) -> Result<(), Failure> {
	let Some(saved) = saved_spec_path() else {
		return Err(Failure(exit::USAGE, "neither XDG_CONFIG_HOME nor HOME is set".into()));
	};
	match action {
		SpecAction::Import { file } => {
			let spec = light::read_spec(&file).map_err(|e| Failure(exit::USAGE, e.to_string()))?;
			let light::SpecInfo { name, bootnodes, .. } =
				light::check_spec(&spec).map_err(|e| Failure(exit::USAGE, e.to_string()))?;
			let dir = saved.parent().expect("a folder");
			let failed = |e: std::io::Error| {
				Failure(exit::OTHER, format!("cannot save {}: {e}", saved.display()))
			};
			std::fs::create_dir_all(dir).map_err(failed)?;
			let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(failed)?;
			tmp.write_all(spec.as_bytes()).map_err(failed)?;
			tmp.persist(&saved).map_err(|e| failed(e.error))?;
			if json {
				println!(
					"{}",
					serde_json::json!({"ok": true, "name": name, "bootnodes": bootnodes,
						"path": saved.display().to_string()})
				);
			} else {
				println!("saved {name} ({bootnodes} bootnodes) as {}", saved.display());
				if bootnodes == 0 {
					eprintln!(
						"warning: the spec names no bootnodes: the light client will find no peer"
					);
				}
			}
			Ok(())
		},
		SpecAction::Export => {
			let spec =
				light::read_spec(&saved).map_err(|e| Failure(exit::NOT_FOUND, e.to_string()))?;
			print!("{spec}");
			Ok(())
		},
	}
}

/// `--chain-spec`, or the spec `modreg chain-spec import` saved.
fn spec_path(chain_spec: Option<&PathBuf>) -> Result<PathBuf, Failure> {
	match chain_spec {
		Some(path) => Ok(path.clone()),
		None => saved_spec_path().filter(|p| p.exists()).ok_or_else(|| {
			Failure(
				exit::USAGE,
				"no chain spec: pass --chain-spec FILE, or run `modreg chain-spec import FILE` once"
					.into(),
			)
		}),
	}
}

/// A file of at most `max` bytes (a longer one is refused without reading it all).
fn read_bounded(path: &std::path::Path, max: usize) -> Result<Vec<u8>, Failure> {
	use std::io::Read;
	let cannot =
		|e: std::io::Error| Failure(exit::USAGE, format!("cannot read {}: {e}", path.display()));
	let mut bytes = Vec::new();
	std::fs::File::open(path)
		.map_err(cannot)?
		.take(max as u64 + 1)
		.read_to_end(&mut bytes)
		.map_err(cannot)?;
	if bytes.len() > max {
		return Err(Failure(
			exit::VERIFICATION,
			format!("{} is larger than a bundle can be ({max} bytes)", path.display()),
		));
	}
	Ok(bytes)
}

/// A small file the user names (an authority set), bounded in size.
fn read_small(path: &std::path::Path) -> Result<String, Failure> {
	let text = light::read_spec(path).map_err(|e| Failure(exit::USAGE, e.to_string()))?;
	Ok(text)
}

fn attest_failure(e: attest::AttestError) -> Failure {
	match e {
		attest::AttestError::Chain(e) => e.into(),
		attest::AttestError::Malformed(_) | attest::AttestError::Invalid(_) =>
			Failure(exit::VERIFICATION, format!("attestation {e}")),
	}
}

/// Set up `--light` for every connection of this process.
fn configure_light(cli: &Cli) -> Result<(), Failure> {
	let path = spec_path(cli.chain_spec.as_ref())?;
	let spec = light::read_spec(&path).map_err(|e| Failure(exit::USAGE, e.to_string()))?;
	let cache =
		std::env::var_os("MODREG_CACHE_DIR").map(PathBuf::from).unwrap_or_else(Cache::default_dir);
	chain::use_light(light::StartOptions {
		spec,
		cache: Some(cache),
		timeout: Duration::from_secs(cli.light_timeout),
		max_age: (cli.light_max_age > 0).then(|| Duration::from_secs(cli.light_max_age)),
		progress: !cli.json && !cli.quiet,
	});
	Ok(())
}

async fn run(cli: Cli) -> Result<(), Failure> {
	let json = cli.json;
	// Progress bars are for people at a terminal: off with --quiet and --json.
	let silent = cli.json || cli.quiet;
	let index_path = cli.index.clone().unwrap_or_else(index::default_path);
	if cli.light {
		configure_light(&cli)?;
	}
	let chain_spec = cli.chain_spec.clone();
	match cli.command {
		Command::ChainSpec { action } => chain_spec_command(action, json)?,
		Command::Attest { reference, output } => {
			let (name, version) = registry::split_reference(&reference);
			let version = version
				.map(|v| v.trim_start_matches('='))
				.ok_or_else(|| Failure(exit::USAGE, "attest needs ns/name@version".into()))?;
			if cli.light {
				// smoldot serves no GRANDPA justification; any full node will do, since the
				// bundle is checked by its proofs, not by trust in the node.
				return Err(Failure(
					exit::USAGE,
					"attest reads a GRANDPA justification and a storage proof from a full node, \
					 which a light client cannot give: run it without --light (any node will do; \
					 the bundle is verified, not believed)"
						.into(),
				));
			}
			let chain = Chain::connect(&cli.node).await?;
			let bundle = attest::make(&chain, name, version).await.map_err(attest_failure)?;
			let text = serde_json::to_string_pretty(&bundle).expect("a bundle serializes");
			match output {
				Some(path) => {
					std::fs::write(&path, format!("{text}\n")).map_err(|e| {
						Failure(exit::OTHER, format!("cannot write {}: {e}", path.display()))
					})?;
					if json {
						println!(
							"{}",
							serde_json::json!({"ok": true, "path": path.display().to_string(),
								"block": bundle.block, "bytes": text.len()})
						);
					} else {
						println!(
							"attested {}@{} at block #{} ({} bytes) in {}",
							bundle.package,
							bundle.version,
							bundle.block,
							text.len(),
							path.display()
						);
					}
				},
				None => println!("{text}"),
			}
		},
		Command::VerifyAttestation {
			file,
			reference,
			allow_yanked,
			allow_dev_keys,
			tarball,
			authorities,
		} => {
			let (package, version) = registry::split_reference(&reference);
			let expected = attest::Expected {
				package: package.to_string(),
				version: version
					.map(|v| v.trim_start_matches('=').to_string())
					.ok_or_else(|| Failure(exit::USAGE, "REFERENCE is ns/name@version".into()))?,
				allow_yanked,
			};
			let set = match authorities {
				Some(path) => attest::authorities_file(&read_small(&path)?),
				None => {
					let spec = spec_path(chain_spec.as_ref())?;
					let text =
						light::read_spec(&spec).map_err(|e| Failure(exit::USAGE, e.to_string()))?;
					attest::genesis_authorities(&text)
				},
			}
			.map_err(|e| Failure(exit::USAGE, e.to_string()))?;
			let dev = attest::development_keys(&set);
			if !dev.is_empty() && !allow_dev_keys {
				return Err(Failure(
					exit::VERIFICATION,
					format!(
						"the authority set holds the public development key(s) //{}: anyone can \
						 sign for them, so this proves nothing (--allow-dev-keys on a \
						 development chain)",
						dev.join(", //")
					),
				));
			}
			let bundle = read_bounded(&file, attest::MAX_BUNDLE_BYTES)?;
			let mut content = match &tarball {
				Some(path) => Some(std::fs::File::open(path).map_err(|e| {
					Failure(exit::USAGE, format!("cannot read {}: {e}", path.display()))
				})?),
				None => None,
			};
			let verified = attest::verify(
				&bundle,
				&set,
				&expected,
				content.as_mut().map(|f| f as &mut dyn std::io::Read),
			)
			.map_err(attest_failure)?;
			if json {
				println!("{}", serde_json::json!({"ok": true, "verified": verified}));
			} else {
				println!(
					"verified: {}@{} is {} ({}, {} bytes), published by {} at #{}, finalized at #{} \
					 by {} of {} needed{}{}",
					verified.package,
					verified.version,
					verified.claims.cid,
					verified.claims.checksum,
					verified.claims.size,
					verified.claims.publisher,
					verified.claims.published_at,
					verified.block,
					verified.signed_weight,
					verified.threshold,
					if verified.tarball_checked { "; the tarball matches" } else { "" },
					if verified.claims.yanked { "; YANKED at that block" } else { "" },
				);
			}
		},
		Command::Register { key, value } => {
			let chain = Chain::connect(&cli.node).await?;
			chain.register(&Chain::signer(&cli.suri)?, key.as_bytes(), &value_arg(&value)?).await?;
			out(json, serde_json::json!({"ok": true, "key": key}), format!("registered {key}"));
		},
		Command::Get { key } => {
			let chain = Chain::connect(&cli.node).await?;
			let value = chain
				.get(key.as_bytes())
				.await?
				.ok_or_else(|| Failure(exit::NOT_FOUND, format!("no module {key:?}")))?;
			if json {
				println!(
					"{}",
					serde_json::json!({"key": key, "value": String::from_utf8_lossy(&value)})
				);
			} else {
				std::io::stdout()
					.write_all(&value)
					.map_err(|e| Failure(exit::OTHER, e.to_string()))?;
				println!();
			}
		},
		Command::Remove { key } => {
			let chain = Chain::connect(&cli.node).await?;
			chain.remove(&Chain::signer(&cli.suri)?, key.as_bytes()).await?;
			out(json, serde_json::json!({"ok": true}), format!("removed {key}"));
		},
		Command::Transfer { key, new_owner } => {
			let chain = Chain::connect(&cli.node).await?;
			chain
				.transfer(&Chain::signer(&cli.suri)?, key.as_bytes(), account(&new_owner)?)
				.await?;
			out(
				json,
				serde_json::json!({"ok": true, "offeredTo": new_owner}),
				format!(
					"offered {key} to {new_owner}; it moves when they run `modreg accept {key}`"
				),
			);
		},
		Command::Accept { key } => {
			let chain = Chain::connect(&cli.node).await?;
			chain.accept(&Chain::signer(&cli.suri)?, key.as_bytes()).await?;
			out(json, serde_json::json!({"ok": true}), format!("you now own {key}"));
		},
		Command::Info { key, offline: true } => {
			let (package, age) = index::info(&index_path, &key)?;
			if !json {
				eprintln!("{}", index::age_line(&age));
			}
			let mut v = package;
			v["index"] = age;
			let text = serde_json::to_string_pretty(&v).unwrap_or_default();
			out(json, v, text);
		},
		Command::Search { text, offline: true } => {
			let (hits, age) = index::search(&index_path, &text)?;
			if hits.is_empty() {
				return Err(Failure(
					exit::NOT_FOUND,
					format!("nothing in the index matches {text:?}"),
				));
			}
			if json {
				println!("{}", serde_json::json!({"results": hits, "index": age}));
			} else {
				eprintln!("{}", index::age_line(&age));
				for h in &hits {
					println!(
						"{}\t{}\t{:.2}",
						h["name"].as_str().unwrap_or(""),
						h["latest"].as_str().unwrap_or("-"),
						h["score"].as_f64().unwrap_or(0.0)
					);
				}
			}
		},
		Command::Sync { gateway } => {
			let done = match gateway {
				Some(gateway) => {
					let bar = count_bar(silent, "downloading the gateway's index");
					bar.enable_steady_tick(Duration::from_millis(120));
					let done = index::sync_from_gateway(&gateway, &index_path).await;
					bar.finish_and_clear();
					done?
				},
				None => {
					let chain = Chain::connect(&cli.node).await?;
					let bar = count_bar(silent, "syncing packages");
					let done = index::sync(&chain, &cli.node, &index_path, &|| bar.inc(1)).await?;
					bar.finish_and_clear();
					done
				},
			};
			let text = format!(
				"indexed {} packages, {} versions at block #{} into {}",
				done["packages"],
				done["versions"],
				done["block"],
				index_path.display()
			);
			out(json, done, text);
		},
		Command::Info { key, .. } => {
			let chain = Chain::connect(&cli.node).await?;
			let info = chain
				.info(key.as_bytes())
				.await?
				.ok_or_else(|| Failure(exit::NOT_FOUND, format!("no module {key:?}")))?;
			let v = info_json(key.as_bytes(), &info);
			out(json, v.clone(), serde_json::to_string_pretty(&v).unwrap_or_default());
		},
		Command::List => {
			let chain = Chain::connect(&cli.node).await?;
			let all = chain.list_all().await?;
			let rows: Vec<_> = all.iter().map(|(k, i)| info_json(k, i)).collect();
			if json {
				println!("{}", serde_json::Value::Array(rows));
			} else {
				for (k, i) in &all {
					println!("{}\t{:?}\t{:?}", String::from_utf8_lossy(k), i.kind, i.pin_status);
				}
			}
		},
		Command::Search { text, .. } => {
			let chain = Chain::connect(&cli.node).await?;
			let mut hits = Vec::new();
			for (k, i) in chain.list_all().await? {
				let value = chain.get(&k).await?.unwrap_or_default();
				if matches(&k, &value, &text) {
					hits.push((k, i));
				}
			}
			if hits.is_empty() {
				return Err(Failure(exit::NOT_FOUND, format!("nothing matches {text:?}")));
			}
			if json {
				println!(
					"{}",
					serde_json::Value::Array(hits.iter().map(|(k, i)| info_json(k, i)).collect())
				);
			} else {
				for (k, _) in &hits {
					println!("{}", String::from_utf8_lossy(k));
				}
			}
		},
		Command::Publish { path, name: Some(name), version, metadata, timeout, .. } => {
			let version = version.unwrap_or_default();
			let at = (&cli.node[..], &cli.ipfs[..], &cli.suri[..]);
			publish_version(at, (json, silent), &path, &name, &version, metadata, timeout).await?;
		},
		Command::Tree { invert, depth, project } => {
			let lock = install::Lockfile::load(&project)?;
			let lines = deps::tree(&lock, invert.as_deref(), depth)?;
			if json {
				println!("{}", serde_json::json!({"ok": true, "lines": lines, "lockfile": lock}));
			} else {
				for line in lines {
					println!("{line}");
				}
			}
		},
		Command::Lock { packages, project, locked, dry_run, runtime_version, offline } => {
			let before = install::Lockfile::load(&project)?;
			let (_, parsed) = project_requests(&before, &packages)?;
			let runtime = runtime_arg(runtime_version.as_deref())?;
			let (lock, warnings) = if offline {
				let source = index::IndexSource::open(&index_path)?;
				lock_from(&source, &before, &parsed, locked, runtime)?
			} else {
				resolve_lock(&cli.node, &before, &parsed, locked, runtime).await?
			};
			let changed =
				!before.same_graph(&lock) || before.lockfile_version != lock.lockfile_version;
			let write = changed && !locked;
			if write && !dry_run {
				lock.save(&project)?;
			}
			if json {
				println!(
					"{}",
					serde_json::json!({
						"ok": true, "lockfile": lock, "warnings": warnings,
						"lockfileChanged": write, "lockfileText": lock.text()?,
					})
				);
			} else {
				for w in &warnings {
					eprintln!("warning: {w}");
				}
				for p in &lock.packages {
					println!("{}@{}\t{}", p.name, p.version, p.path);
				}
			}
		},
		Command::Why { name, project } => {
			let lock = install::Lockfile::load(&project)?;
			let paths = deps::why(&lock, &name)?;
			if json {
				println!("{}", serde_json::json!({"ok": true, "paths": paths}));
			} else {
				for path in paths {
					println!("{path}");
				}
			}
		},
		Command::Outdated { project } => {
			let lock = install::Lockfile::load(&project)?;
			let chain = Chain::connect(&cli.node).await?;
			let source = deps::ChainSource::finalized(&chain).await?;
			let rows = deps::off_runtime(|| deps::outdated(&source, &lock))?;
			if json {
				println!(
					"{}",
					serde_json::json!({"ok": true, "outdated": rows, "block": source.at})
				);
			} else if rows.is_empty() {
				println!("every locked package is the newest its ranges allow");
			} else {
				println!("{:<40} {:<16} {:<16} {:<16}", "package", "current", "wanted", "latest");
				for r in &rows {
					println!(
						"{:<40} {:<16} {:<16} {:<16}",
						r["name"].as_str().unwrap_or_default(),
						r["current"].as_str().unwrap_or_default(),
						r["wanted"].as_str().unwrap_or("-"),
						r["latest"].as_str().unwrap_or("-"),
					);
				}
			}
		},
		Command::Install {
			packages,
			to,
			project,
			locked,
			offline,
			cache,
			max_unpacked_bytes,
			runtime_version,
		} => {
			let cache = cache.open()?;
			let runtime = runtime_arg(runtime_version.as_deref())?;
			let options =
				InstallOptions { to, project, locked, offline, max_unpacked_bytes, runtime };
			install(&cli.node, &cli.ipfs, (json, silent), &cache, packages, options).await?;
		},
		Command::Namespace { action } => namespace(&cli.node, &cli.suri, json, action).await?,
		Command::Resolve { reference, range, offline } => {
			let (name, range) = match range {
				Some(range) => (reference, range),
				None => {
					let (name, range) =
						module_registry_primitives::registry::split_reference(&reference);
					(name.to_string(), range.unwrap_or("latest").to_string())
				},
			};
			let found = if offline {
				let (found, age) = index::resolve(&index_path, &name, &range)?;
				if !json {
					eprintln!("{}", index::age_line(&age));
				}
				found.unwrap_or_default()
			} else {
				Chain::connect(&cli.node).await?.resolve(&name, &range, None).await?
			};
			if found.is_null() {
				return Err(Failure(
					exit::NOT_FOUND,
					format!("no version of {name} matches {range:?}"),
				));
			}
			if !json {
				if found["yanked"] == true {
					eprintln!(
						"warning: {name} {} is yanked",
						found["version"].as_str().unwrap_or("")
					);
				}
				if let Some(d) = found["deprecated"].as_object() {
					eprintln!(
						"warning: deprecated ({}); use {}",
						d.get("reason").and_then(|r| r.as_str()).unwrap_or(""),
						d.get("successor").and_then(|r| r.as_str()).unwrap_or("nothing named")
					);
				}
			}
			let text = format!(
				"{}@{}\t{}\t{}",
				found["name"].as_str().unwrap_or(""),
				found["version"].as_str().unwrap_or(""),
				found["cid"].as_str().unwrap_or(""),
				found["checksum"].as_str().unwrap_or("")
			);
			out(json, found, text);
		},
		Command::Versions { name } => {
			let chain = Chain::connect(&cli.node).await?;
			let all = chain.all_pages("moduleRegistry_versions", &[&name], "version", None).await?;
			if all.is_empty() {
				return Err(Failure(exit::NOT_FOUND, format!("{name} has no versions")));
			}
			let text = all
				.iter()
				.map(|v| {
					format!(
						"{}{}\t{}\t{}",
						v["version"].as_str().unwrap_or(""),
						if v["yanked"] == true { " (yanked)" } else { "" },
						v["cid"].as_str().unwrap_or(""),
						pin_word(&v["pinStatus"])
					)
				})
				.collect::<Vec<_>>()
				.join("\n");
			out(json, serde_json::Value::Array(all), text);
		},
		Command::Package { name } => {
			let chain = Chain::connect(&cli.node).await?;
			let found = chain
				.rpc("moduleRegistry_getPackage", subxt::rpcs::client::rpc_params![&name])
				.await?;
			if found.is_null() {
				return Err(Failure(exit::NOT_FOUND, format!("no package {name}")));
			}
			let text = serde_json::to_string_pretty(&found).unwrap_or_default();
			out(json, found, text);
		},
		Command::Yank { name, version, undo } => {
			let chain = Chain::connect(&cli.node).await?;
			let call = if undo { "unyank_version" } else { "yank_version" };
			let args = (name.clone().into_bytes(), version.clone().into_bytes());
			chain.submit(&Chain::signer(&cli.suri)?, call, args).await?;
			let done = if undo { "restored" } else { "yanked" };
			out(json, serde_json::json!({"ok": true}), format!("{done} {name} {version}"));
		},
		Command::Deprecate { name, version, successor, reason, undo } => {
			let chain = Chain::connect(&cli.node).await?;
			let signer = Chain::signer(&cli.suri)?;
			let version = version.map(String::into_bytes);
			if undo {
				chain.submit(&signer, "undeprecate", (name.clone().into_bytes(), version)).await?;
				out(
					json,
					serde_json::json!({"ok": true}),
					format!("{name} is no longer deprecated"),
				);
			} else {
				let args = (
					name.clone().into_bytes(),
					version,
					successor.map(String::into_bytes),
					reason.into_bytes(),
				);
				chain.submit(&signer, "deprecate", args).await?;
				out(json, serde_json::json!({"ok": true}), format!("deprecated {name}"));
			}
		},
		Command::Status { name, status } => {
			let chain = Chain::connect(&cli.node).await?;
			let variant = match status {
				StatusArg::Active => "Active",
				StatusArg::Maintenance => "Maintenance",
				StatusArg::Inactive => "Inactive",
			};
			let status = subxt::dynamic::Value::unnamed_variant(variant, []);
			chain
				.submit(
					&Chain::signer(&cli.suri)?,
					"set_package_status",
					(name.clone().into_bytes(), status),
				)
				.await?;
			out(json, serde_json::json!({"ok": true}), format!("{name}: {variant}"));
		},
		Command::Publish { path, key, metadata, timeout, .. } => {
			let ipfs = content::client(&cli.ipfs)?;
			let size = std::fs::metadata(&path)
				.map_err(|e| Failure(exit::OTHER, format!("{}: {e}", path.display())))?;
			let cid = if size.is_dir() {
				content::add_dir(&ipfs, &path).await?
			} else {
				let bar = transfer_bar(silent, Some(size.len()), "adding");
				let b = bar.clone();
				let cid = content::add_file(&ipfs, &path, move |n| b.inc(n)).await?;
				bar.finish_and_clear();
				cid
			};
			let key = key.unwrap_or_else(|| {
				path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
			});
			let value = match metadata {
				Some(meta) => {
					let mut doc: serde_json::Value =
						serde_json::from_slice(&value_arg(&format!("@{}", meta.display()))?)
							.map_err(|e| {
								Failure(exit::USAGE, format!("metadata is not JSON: {e}"))
							})?;
					doc["cid"] = cid.clone().into();
					serde_json::to_vec(&doc).map_err(|e| Failure(exit::OTHER, e.to_string()))?
				},
				None => cid.clone().into_bytes(),
			};
			let chain = Chain::connect(&cli.node).await?;
			chain.register(&Chain::signer(&cli.suri)?, key.as_bytes(), &value).await?;
			wait_verified(&chain, key.as_bytes(), timeout, silent).await?;
			out(json, serde_json::json!({"key": key, "cid": cid}), format!("{key}\t{cid}"));
		},
		Command::Fetch { key, output, offline, max_bytes, max_files, cache } => {
			let cache = cache.open()?;
			let chain = if offline { None } else { Some(Chain::connect(&cli.node).await?) };
			let cid = match &chain {
				Some(chain) => {
					let info = chain
						.info(key.as_bytes())
						.await?
						.ok_or_else(|| Failure(exit::NOT_FOUND, format!("no module {key:?}")))?;
					// The CID the chain recorded when the value was accepted, not the value
					// classified again: a value stored under older rules (`/ipfs/<cid>`
					// was read as a CID before spec 105) keeps the CID it was given.
					let cid = match info.cid {
						Some(bytes) => cid::Cid::try_from(&bytes[..])
							.map_err(|e| Failure(exit::OTHER, format!("bad recorded CID: {e}")))?,
						None => {
							let value = chain.get(key.as_bytes()).await?.unwrap_or_default();
							// Names why (not JSON with a `cid`, …).
							content::cid_of_value(&value)?
						},
					};
					// Remember the key's CID for --offline use.
					let _ = std::fs::write(cache_key_path(cache.dir(), &key), cid.to_string());
					cid
				},
				None => {
					let text = std::fs::read_to_string(cache_key_path(cache.dir(), &key)).map_err(
						|_| {
							Failure(
								exit::NOT_FOUND,
								format!("{key:?} was never fetched online; no cached CID"),
							)
						},
					)?;
					content::parse_cid(text.trim())
						.map_err(|e| Failure(exit::OTHER, e.to_string()))?
				},
			};
			let ipfs = if offline { None } else { Some(content::client(&cli.ipfs)?) };
			let bar = transfer_bar(silent, None, "fetching");
			// Blocks carry a little framing beyond the bytes they hold.
			let block_cap = max_bytes.saturating_add(max_bytes / 64).saturating_add(1 << 20);
			content::fetch_dag_within(ipfs.as_ref(), &cache, &cid, block_cap, &|n| bar.inc(n))
				.await?;
			bar.finish_and_clear();
			let limits = content::Limits { max_bytes, max_files };
			let written = content::write_out_within(&cache, &cid, output.as_deref(), limits)?;
			cache.evict().map_err(|e| Failure(exit::OTHER, format!("cache: {e}")))?;
			if let Some(path) = output {
				if json {
					println!(
						"{}",
						serde_json::json!({"key": key, "cid": cid.to_string(), "bytes": written.bytes, "files": written.files, "directory": written.dir, "output": path})
					);
				} else {
					eprintln!("wrote {} bytes of {cid} to {}", written.bytes, path.display());
				}
			}
		},
		Command::Files(command) => match file_registry::cli::run(command, json) {
			0 => {},
			// The command printed its own report or error (one JSON document with --json).
			code => return Err(Failure(code, String::new())),
		},
	}
	Ok(())
}

struct InstallOptions {
	to: PathBuf,
	project: PathBuf,
	locked: bool,
	offline: bool,
	max_unpacked_bytes: u64,
	runtime: Option<registry::Version>,
}

/// `--runtime-version`, checked.
fn runtime_arg(text: Option<&str>) -> Result<Option<registry::Version>, Failure> {
	text.map(|t| {
		registry::parse_version(t).map_err(|_| {
			Failure(exit::USAGE, format!("--runtime-version {t:?} is not a SemVer version"))
		})
	})
	.transpose()
}

/// `modreg install`: see [`install`](crate::install) for the rules and the lockfile format, and
/// [`modreg::graph`] for the resolution rule.
async fn install(
	node: &str,
	ipfs_url: &str,
	(json, silent): (bool, bool),
	cache: &Cache,
	packages: Vec<String>,
	o: InstallOptions,
) -> Result<(), Failure> {
	let before = install::Lockfile::load(&o.project)?;
	let (requests, parsed) = project_requests(&before, &packages)?;
	let root = if o.to.is_absolute() { o.to.clone() } else { o.project.join(&o.to) };

	let mut warnings: Vec<String> = Vec::new();
	let (lock, ipfs) = if o.offline {
		// The lockfile is the graph (a version 1 file: its entries): it must hold what was
		// asked for.
		if requests != before.requests {
			return Err(Failure(
				exit::NOT_FOUND,
				format!("the request is not in {}; --offline cannot resolve it", install::LOCKFILE),
			));
		}
		(before.clone(), None)
	} else {
		let (lock, found) =
			resolve_lock(node, &before, &parsed, o.locked, o.runtime.clone()).await?;
		warnings = found;
		(lock, Some(content::client(ipfs_url)?))
	};
	if !json {
		for w in &warnings {
			eprintln!("warning: {w}");
		}
	}
	// Every destination is checked before anything is fetched or replaced.
	let mut plan = Vec::new();
	for entry in &lock.packages {
		let relative = if entry.path.is_empty() { entry.name.clone() } else { entry.path.clone() };
		// The path is the entry's own package (a second line of it at most): an edited lockfile
		// cannot install one package's content under another's name.
		if relative.split('@').next() != Some(entry.name.as_str()) {
			return Err(Failure(
				exit::VERIFICATION,
				format!("{}: {} is to be installed at {relative:?}", install::LOCKFILE, entry.name),
			));
		}
		let dest = install_path(&root, &relative)?;
		install::check_destination(&o.project, &root, &dest)?;
		plan.push((entry, dest));
	}
	let mut report = Vec::new();
	for (entry, dest) in plan {
		let name = &entry.name;
		let bar = transfer_bar(silent, Some(entry.size), &format!("fetching {name}"));
		let on_block = |n| bar.inc(n);
		let files = install::install_one(
			ipfs.as_ref(),
			cache,
			entry,
			&dest,
			o.max_unpacked_bytes,
			&on_block,
		)
		.await?;
		bar.finish_and_clear();
		report.push(serde_json::json!({
			"name": name, "version": entry.version, "cid": entry.cid, "checksum": entry.checksum,
			"path": dest, "files": files,
		}));
		if !json {
			println!("{name}@{}\t{}", entry.version, dest.display());
		}
	}
	cache.evict().map_err(|e| Failure(exit::OTHER, format!("cache: {e}")))?;
	let changed = !before.same_graph(&lock) || before.lockfile_version != lock.lockfile_version;
	if changed && !o.locked {
		lock.save(&o.project)?;
	}
	if json {
		println!(
			"{}",
			serde_json::json!({
				"ok": true, "installed": report, "warnings": warnings,
				"lockfileChanged": changed && !o.locked, "block": lock.block,
			})
		);
	}
	Ok(())
}

/// The project's requests: the lockfile's, with the named packages added or replaced; and
/// the same parsed.
fn project_requests(
	before: &install::Lockfile,
	packages: &[String],
) -> Result<(Vec<install::LockRequest>, Vec<registry::Dependency>), Failure> {
	let mut requests = before.requests.clone();
	for text in packages {
		let request = install::parse_request(text)?;
		let name = request.package.to_string();
		let entry = install::LockRequest { name: name.clone(), range: request.range_text };
		match requests.iter_mut().find(|r| r.name == name) {
			Some(r) => *r = entry,
			None => requests.push(entry),
		}
	}
	if requests.is_empty() {
		return Err(Failure(
			exit::USAGE,
			format!("nothing to install: name packages or add them to {}", install::LOCKFILE),
		));
	}
	let parsed = requests
		.iter()
		.map(|r| install::parse_request(&format!("{}@{}", r.name, r.range)))
		.collect::<Result<_, _>>()?;
	Ok((requests, parsed))
}

/// Resolve the project's graph at the finalized block into a lockfile: entries checked against
/// the chain, the block kept when the graph did not change, exit 7 with `locked` when it did.
/// Returns the lockfile and the warnings (yanked or deprecated versions in the graph).
async fn resolve_lock(
	node: &str,
	before: &install::Lockfile,
	parsed: &[registry::Dependency],
	locked: bool,
	runtime: Option<registry::Version>,
) -> Result<(install::Lockfile, Vec<String>), Failure> {
	let chain = Chain::connect(node).await?;
	let source = deps::ChainSource::finalized(&chain).await?;
	source.prefetch(parsed).await;
	deps::off_runtime(|| lock_from(&source, before, parsed, locked, runtime))
}

/// [`resolve_lock`] over any snapshot of the registry: the chain at a finalized block, or the
/// synced local index (`lock --offline`).
fn lock_from(
	source: &dyn deps::Snapshot,
	before: &install::Lockfile,
	parsed: &[registry::Dependency],
	locked: bool,
	runtime: Option<registry::Version>,
) -> Result<(install::Lockfile, Vec<String>), Failure> {
	let mut warnings = Vec::new();
	let mut preferences =
		modreg::graph::Preferences { allow_locked_yanked: locked, runtime, ..Default::default() };
	for p in &before.packages {
		if let Ok(v) = registry::parse_version(&p.version) {
			preferences.locked.entry(p.name.clone()).or_default().push(v);
		}
	}
	let resolution =
		modreg::graph::resolve(source.as_source(), parsed, &preferences).map_err(|e| match e {
			modreg::graph::GraphError::Conflict(_) => Failure(exit::CONFLICT, e.to_string()),
			modreg::graph::GraphError::Source(_) => Failure(exit::UNREACHABLE, e.to_string()),
			modreg::graph::GraphError::TooHard(_) => Failure(exit::OTHER, e.to_string()),
		})?;
	let mut lock = deps::lockfile(source, &resolution, parsed)?;
	// A lock entry is an input: where the graph keeps a locked version, the entry must say
	// what the chain says (a pull request can edit it).
	for entry in &lock.packages {
		if let Some(old) = before.get(&entry.name, &entry.version) {
			let view = source
				.view(
					&entry.name,
					&registry::parse_version(&entry.version).map_err(|_| {
						Failure(exit::OTHER, format!("bad version {}", entry.version))
					})?,
				)
				.unwrap_or_default();
			install::check_against_chain(old, &view)?;
		}
	}
	// Versions the lockfile holds that the chain no longer has are an error too.
	for old in &before.packages {
		if lock.get(&old.name, &old.version).is_some() {
			continue;
		}
		let package = registry::PackageName::parse(&old.name).map_err(|e| {
			Failure(
				exit::VERIFICATION,
				format!("{}: bad package {:?}: {e}", install::LOCKFILE, old.name),
			)
		})?;
		source.as_source().versions(&package).map_err(|e| Failure(exit::UNREACHABLE, e))?;
		let version = registry::parse_version(&old.version).ok();
		let found = version.as_ref().and_then(|v| source.view(&old.name, v)).unwrap_or_default();
		install::check_against_chain(old, &found)?;
	}
	if before.same_graph(&lock) && before.lockfile_version == install::LOCKFILE_VERSION {
		// Nothing changed: keep the block the graph was first resolved at.
		lock.block = before.block.clone();
		lock.block_number = before.block_number;
	}
	if locked && !before.same_graph(&lock) {
		let changed = describe_change(before, &lock);
		return Err(Failure(
			exit::LOCKED,
			format!(
				"{} would change ({changed}); run without --locked to update it",
				install::LOCKFILE
			),
		));
	}
	for entry in &lock.packages {
		let Some(view) =
			registry::parse_version(&entry.version).ok().and_then(|v| source.view(&entry.name, &v))
		else {
			continue;
		};
		if view["yanked"] == true {
			warnings.push(format!(
				"{}@{} is yanked; installed because the lockfile or an exact range names it",
				entry.name, entry.version
			));
		}
		if let Some(d) = view["deprecated"].as_object() {
			let successor =
				d.get("successor").and_then(|s| s.as_str()).unwrap_or("no successor named");
			let reason = d.get("reason").and_then(|s| s.as_str()).unwrap_or("");
			warnings.push(format!(
				"{}@{} is deprecated ({reason}); use {successor}",
				entry.name, entry.version
			));
		}
	}
	Ok((lock, warnings))
}

/// `DIR/ns/name` (or `ns/name@LINE`) for a lockfile `path`, which must be exactly that shape:
/// a path from an edited lockfile cannot point elsewhere.
fn install_path(root: &std::path::Path, relative: &str) -> Result<PathBuf, Failure> {
	let (package, line) = match relative.split_once('@') {
		Some((p, l)) => (p, Some(l)),
		None => (relative, None),
	};
	let name = registry::PackageName::parse(package).ok();
	let line_ok = line.is_none_or(|l| {
		l.split('.').count() <= 3 &&
			l.split('.')
				.all(|n| !n.is_empty() && n.len() <= 20 && n.bytes().all(|b| b.is_ascii_digit()))
	});
	match name {
		Some(name) if line_ok && !package.starts_with('@') => {
			let last = match line {
				Some(l) => format!("{}@{l}", name.name),
				None => name.name.clone(),
			};
			Ok(root.join(&name.namespace).join(last))
		},
		_ => Err(Failure(
			exit::VERIFICATION,
			format!("{}: bad install path {relative:?}", install::LOCKFILE),
		)),
	}
}

/// What differs between two lockfiles, in a few words.
fn describe_change(before: &install::Lockfile, after: &install::Lockfile) -> String {
	let names = |l: &install::Lockfile| -> Vec<String> {
		l.packages.iter().map(|p| format!("{}@{}", p.name, p.version)).collect()
	};
	let (old, new) = (names(before), names(after));
	let added: Vec<&String> = new.iter().filter(|n| !old.contains(n)).collect();
	let removed: Vec<&String> = old.iter().filter(|n| !new.contains(n)).collect();
	let mut parts = Vec::new();
	if !added.is_empty() {
		parts.push(format!(
			"adds {}",
			added.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")
		));
	}
	if !removed.is_empty() {
		parts.push(format!(
			"drops {}",
			removed.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")
		));
	}
	if parts.is_empty() {
		parts.push("the requests, records or edges".into());
	}
	parts.join("; ")
}

/// One word for a pin status in the RPC's JSON shape.
fn pin_word(status: &serde_json::Value) -> String {
	match status {
		serde_json::Value::String(s) => s.clone(),
		serde_json::Value::Object(o) => o.keys().next().cloned().unwrap_or_default(),
		_ => String::new(),
	}
}

/// `modreg publish PATH --name ns/name --version X`: pack, hash, add to IPFS, publish, wait.
#[allow(clippy::too_many_arguments)]
async fn publish_version(
	(node, ipfs_url, suri): (&str, &str, &str),
	(json, silent): (bool, bool),
	path: &std::path::Path,
	name: &str,
	version: &str,
	metadata: Option<PathBuf>,
	timeout: u64,
) -> Result<(), Failure> {
	// Check what the chain checks before spending anything.
	let package = registry::PackageName::parse(name)
		.map_err(|e| Failure(exit::USAGE, format!("bad package name {name:?}: {e}")))?;
	registry::parse_version(version).map_err(|_| {
		Failure(exit::USAGE, format!("{version:?} is not a SemVer version (e.g. 1.2.3)"))
	})?;
	// The metadata: `--metadata FILE`, else the folder's manifest `module.json`, else `{}`.
	let manifest = path.join("module.json");
	let metadata = match metadata {
		Some(path) => value_arg(&format!("@{}", path.display()))?,
		None if path.is_dir() && manifest.is_file() =>
			value_arg(&format!("@{}", manifest.display()))?,
		None => b"{}".to_vec(),
	};
	// The chain's own limit on dependencies (the primitives' hard cap is higher), and every
	// package named must exist: both refused here, before anything is added to IPFS.
	let chain = Chain::connect(node).await?;
	let limit = chain
		.max_dependencies()
		.await?
		.map_or(registry::MAX_DEPENDENCIES, |n| (n as usize).min(registry::MAX_DEPENDENCIES));
	let parsed = registry::parse_metadata(&metadata, limit).map_err(|e| {
		Failure(
			exit::USAGE,
			match e {
				registry::MetadataError::Dependencies(e) =>
					format!("metadata: {e} (this chain allows {limit} dependencies)"),
				e => format!(
					"metadata: {e:?} (a JSON object; type is docker|native|python|wasm|other)"
				),
			},
		)
	})?;
	for dependency in &parsed.dependencies.modules {
		let named = dependency.package.to_string();
		if named == package.to_string() {
			continue; // a package may name itself
		}
		let found = chain
			.rpc("moduleRegistry_getPackage", subxt::rpcs::client::rpc_params![&named])
			.await?;
		if found.is_null() {
			return Err(Failure(
				exit::USAGE,
				format!("metadata: dependency {named} is not a package on this chain (UnknownDependency)"),
			));
		}
	}
	let signer = Chain::signer(suri)?;

	let meta = std::fs::metadata(path)
		.map_err(|e| Failure(exit::OTHER, format!("{}: {e}", path.display())))?;
	let packed;
	let (content, sha256, size): (&std::path::Path, [u8; 32], u64) = if meta.is_dir() {
		packed =
			package::pack_dir(path).map_err(|e| Failure(exit::OTHER, format!("packing: {e}")))?;
		(packed.file.path(), packed.sha256, packed.size)
	} else {
		let (sha256, size) = package::hash_file(path)
			.map_err(|e| Failure(exit::OTHER, format!("{}: {e}", path.display())))?;
		(path, sha256, size)
	};
	let bar = transfer_bar(silent, Some(size), "adding");
	let b = bar.clone();
	let ipfs = content::client(ipfs_url)?;
	let cid = content::add_file(&ipfs, content, move |n| b.inc(n)).await?;
	bar.finish_and_clear();

	let args = (
		package.to_string().into_bytes(),
		version.as_bytes().to_vec(),
		cid.clone().into_bytes(),
		sha256.to_vec(),
		size,
		metadata,
	);
	chain.submit(&signer, "publish_version", args).await?;
	let exact = format!("={version}");
	let name = package.to_string();
	let find = || chain.resolve(&name, &exact, None);
	let found = find().await?;
	let entry =
		found["entryKey"].as_str().and_then(|k| hex::decode(k.trim_start_matches("0x")).ok());
	let entry = entry.ok_or_else(|| {
		Failure(exit::NOT_FOUND, format!("the node does not show {package}@{version}"))
	})?;
	wait_verified(&chain, &entry, timeout, silent).await?;
	let found = find().await?;
	let text =
		format!("published {package}@{version}\t{cid}\t{}", registry::checksum_text(&sha256));
	out(json, found, text);
	Ok(())
}

async fn namespace(
	node: &str,
	suri: &str,
	json: bool,
	action: NamespaceCommand,
) -> Result<(), Failure> {
	let chain = Chain::connect(node).await?;
	let ok = serde_json::json!({"ok": true});
	match action {
		NamespaceCommand::Claim { namespace } => {
			chain
				.submit(&Chain::signer(suri)?, "claim_namespace", (namespace.clone().into_bytes(),))
				.await?;
			out(json, ok, format!("claimed {namespace}"));
		},
		NamespaceCommand::Show { namespace } => {
			let found = chain
				.rpc("moduleRegistry_getNamespace", subxt::rpcs::client::rpc_params![&namespace])
				.await?;
			if found.is_null() {
				return Err(Failure(exit::NOT_FOUND, format!("nobody has claimed {namespace}")));
			}
			let text = serde_json::to_string_pretty(&found).unwrap_or_default();
			out(json, found, text);
		},
		NamespaceCommand::AddMaintainer { namespace, who } => {
			let args = (namespace.clone().into_bytes(), account(&who)?);
			chain.submit(&Chain::signer(suri)?, "add_maintainer", args).await?;
			out(json, ok, format!("{who} may now publish in {namespace}"));
		},
		NamespaceCommand::RemoveMaintainer { namespace, who } => {
			let args = (namespace.clone().into_bytes(), account(&who)?);
			chain.submit(&Chain::signer(suri)?, "remove_maintainer", args).await?;
			out(json, ok, format!("{who} may no longer publish in {namespace}"));
		},
		NamespaceCommand::Transfer { namespace, to } => {
			let args = (namespace.clone().into_bytes(), account(&to)?);
			chain.submit(&Chain::signer(suri)?, "transfer_namespace", args).await?;
			out(json, ok, format!("offered {namespace} to {to}; it moves when they run `modreg namespace accept {namespace}`"));
		},
		NamespaceCommand::Accept { namespace } => {
			chain
				.submit(
					&Chain::signer(suri)?,
					"accept_namespace",
					(namespace.clone().into_bytes(),),
				)
				.await?;
			out(json, ok, format!("you now own {namespace}"));
		},
		NamespaceCommand::Release { namespace } => {
			chain
				.submit(
					&Chain::signer(suri)?,
					"release_namespace",
					(namespace.clone().into_bytes(),),
				)
				.await?;
			out(json, ok, format!("released {namespace}; its deposit is returned"));
		},
	}
	Ok(())
}

fn cache_key_path(dir: &std::path::Path, key: &str) -> PathBuf {
	dir.join(format!("key-{}.cid", hex::encode(key.as_bytes())))
}

fn main() -> ExitCode {
	let cli: Cli = file_registry::cli::parse_args();
	let json = cli.json;
	// A command that reads only the local index awaits nothing: it runs on the calling thread
	// without an async runtime, whose start (worker threads, an epoll instance, timers) is a
	// visible part of what an offline `resolve` costs. Everything else gets the multi-threaded
	// runtime (hashing and unpacking run beside the transfers).
	let local = matches!(
		cli.command,
		Command::Info { offline: true, .. } |
			Command::Search { offline: true, .. } |
			Command::Resolve { offline: true, .. } |
			Command::Lock { offline: true, .. } |
			Command::Tree { .. } |
			Command::Why { .. } |
			Command::VerifyAttestation { .. } |
			Command::ChainSpec { .. }
	);
	let result = if local {
		futures::executor::block_on(run(cli))
	} else {
		match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
			Ok(runtime) => runtime.block_on(async {
				let result = run(cli).await;
				// Keep where the light client got to, so the next start is warm.
				if let Some(light) = chain::light() {
					if let Err(e) = light.save_checkpoint().await {
						eprintln!("warning: {e}");
					}
				}
				result
			}),
			Err(e) => {
				eprintln!("error: cannot start the async runtime: {e}");
				return ExitCode::from(exit::OTHER);
			},
		}
	};
	match result {
		Ok(()) => ExitCode::SUCCESS,
		// An empty message: the command already said why (the file-registry commands).
		Err(Failure(code, message)) if message.is_empty() => ExitCode::from(code),
		Err(Failure(code, message)) => {
			if json {
				println!("{}", serde_json::json!({"ok": false, "error": message, "code": code}));
			} else {
				eprintln!("error: {message}");
			}
			ExitCode::from(code)
		},
	}
}
