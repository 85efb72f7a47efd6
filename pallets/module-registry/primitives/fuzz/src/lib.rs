//! What the fuzz targets share: a per-input time limit, because on chain a slow input is an
//! outage (a 64 KiB base58 CID once took 0.3 s to decode under a weight of well under a
//! millisecond), so a slow input is a finding just as a panic is.
//!
//! The time is the thread's CPU time, not the wall clock: a fuzzer shares the machine with
//! builds, and a preempted thread is not a slow input.

use std::time::Duration;

/// The most CPU time any one check may take on one input. The chain's inputs are at most
/// 64 KiB and every rule is linear in them (or bounded before a quadratic step), so the real
/// figures are microseconds; the limit leaves room for an instrumented build.
pub const LIMIT: Duration = Duration::from_millis(20);

/// CPU time this thread has used.
fn thread_cpu_time() -> Duration {
	let mut now = libc::timespec { tv_sec: 0, tv_nsec: 0 };
	// SAFETY: `now` is a valid, writable timespec; the clock id is a constant the kernel knows.
	let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) };
	assert_eq!(rc, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID)");
	Duration::new(now.tv_sec as u64, now.tv_nsec as u32)
}

/// Run `f` on an input of `len` bytes; panic (a finding) when it takes more CPU than [`LIMIT`].
pub fn timed<R>(what: &str, len: usize, f: impl FnOnce() -> R) -> R {
	let start = thread_cpu_time();
	let out = f();
	let took = thread_cpu_time().saturating_sub(start);
	assert!(took <= LIMIT, "slow input: {what} took {took:?} of CPU on {len} bytes");
	out
}
