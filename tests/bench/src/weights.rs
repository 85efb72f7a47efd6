//! Figure 4: the benchmarked weight of `register_module` next to `pallet-preimage`'s
//! `note_preimage`, both from the same `benchmark pallet` command on this machine.

use anyhow::{anyhow, bail, Context, Result};
use serde_json::{json, Value as Json};
use std::{fs, path::Path, process::Command};

/// The template that turns the CLI's analysis into JSON lines.
const TEMPLATE: &str = include_str!("../weights.hbs");

/// The linear model the CLI fitted for one benchmark.
#[derive(Debug)]
pub struct Model {
	json: Json,
}

impl Model {
	fn get(&self, field: &str) -> f64 {
		self.json[field].as_f64().unwrap_or(0.0)
	}

	fn slope(&self, table: &str, component: &str) -> f64 {
		self.json[table][component].as_f64().unwrap_or(0.0)
	}

	/// `(execution ref_time, reads, writes, proof size)` at the given component values.
	pub fn at(&self, components: &[(&str, f64)]) -> (f64, f64, f64, f64) {
		let mut out =
			(self.get("base"), self.get("reads"), self.get("writes"), self.get("base_proof"));
		for (name, value) in components {
			out.0 += self.slope("slopes", name) * value;
			out.1 += self.slope("read_slopes", name) * value;
			out.2 += self.slope("write_slopes", name) * value;
			out.3 += self.slope("proof_slopes", name) * value;
		}
		out
	}
}

/// Runs `benchmark pallet` for one extrinsic and returns the fitted model.
pub fn benchmark(
	node: &Path,
	wasm: &Path,
	work: &Path,
	pallet: &str,
	extrinsic: &str,
	steps: u32,
	repeat: u32,
) -> Result<Model> {
	let template = work.join("weights.hbs");
	fs::write(&template, TEMPLATE)?;
	let output = work.join(format!("{pallet}-{extrinsic}.jsonl"));
	let log = fs::File::create(work.join(format!("{pallet}-{extrinsic}.log")))?;
	let status = Command::new(node)
		.args(["benchmark", "pallet", "--genesis-builder=runtime", "--heap-pages", "4096"])
		.arg("--runtime")
		.arg(wasm)
		.args(["--pallet", pallet, "--extrinsic", extrinsic])
		.args(["--steps", &steps.to_string(), "--repeat", &repeat.to_string()])
		.arg("--template")
		.arg(&template)
		.arg("--output")
		.arg(&output)
		.stdout(log.try_clone()?)
		.stderr(log)
		.status()
		.with_context(|| format!("running {} benchmark pallet", node.display()))?;
	if !status.success() {
		bail!("benchmark of {pallet}::{extrinsic} failed ({status}); see {}", work.display());
	}
	let text = fs::read_to_string(&output)?;
	for line in text.lines().filter(|l| l.trim_start().starts_with('{')) {
		let json: Json = serde_json::from_str(line).with_context(|| format!("bad line {line}"))?;
		if json["name"] == extrinsic {
			return Ok(Model { json });
		}
	}
	Err(anyhow!("{extrinsic} not in {}", output.display()))
}

/// Figure 4 at the given value sizes: `register_module(k = key_len, v = size)` against
/// `note_preimage(s = size)`, execution and database weight (`db_read`/`db_write` per access,
/// the runtime's constants) and proof size.
pub fn compare(
	registry: &Model,
	preimage: &Model,
	key_len: f64,
	sizes: &[usize],
	db_read: u64,
	db_write: u64,
) -> Json {
	let total = |(exec, reads, writes, _): (f64, f64, f64, f64)| {
		exec + reads * db_read as f64 + writes * db_write as f64
	};
	let rows: Vec<Json> = sizes
		.iter()
		.map(|&size| {
			let r = registry.at(&[("k", key_len), ("v", size as f64)]);
			let p = preimage.at(&[("s", size as f64)]);
			println!(
				"  {:>6} B  register_module {:>12.0} ps ({:>12.0} with {}r/{}w) proof {:>6.0} B | \
				 note_preimage {:>12.0} ps ({:>12.0} with {}r/{}w) proof {:>6.0} B | ratio {:.2} ref_time, {:.2} proof",
				size,
				r.0,
				total(r),
				r.1,
				r.2,
				r.3,
				p.0,
				total(p),
				p.1,
				p.2,
				p.3,
				total(r) / total(p),
				r.3 / p.3
			);
			json!({
				"size": size,
				"register_module": {"exec_ps": r.0, "total_ps": total(r), "reads": r.1, "writes": r.2, "proof": r.3},
				"note_preimage": {"exec_ps": p.0, "total_ps": total(p), "reads": p.1, "writes": p.2, "proof": p.3},
				"ratio_ref_time": total(r) / total(p),
				"ratio_exec": r.0 / p.0,
				"ratio_proof": r.3 / p.3,
			})
		})
		.collect();
	json!({ "key_len": key_len, "rows": rows, "registry_model": registry.json, "preimage_model": preimage.json })
}
