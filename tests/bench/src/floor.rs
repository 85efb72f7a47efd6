//! # `bench-http-floor`: what any HTTP read costs on this machine
//!
//! A control for figure 6: an HTTP server that answers every `GET` with one fixed body, the
//! gateway's own answer, read from a file. It does nothing per request but what the HTTP stack
//! does, so its CPU per read is the floor under the gateway's (which adds routing, the path
//! check and the answer-cache lookup), measured by the harness with the same clients in the
//! same run.
//!
//! ```text
//! bench-http-floor axum  <body-file>   # axum::serve and a Router, as the gateway serves
//! bench-http-floor hyper <body-file>   # hyper's HTTP/1.1 connection alone, no router
//! bench-http-floor raw   <body-file>   # no HTTP library: the sockets and tokio alone
//! ```
//!
//! `raw` is not an HTTP server: it answers each blank line that ends a request head with one
//! prebuilt response, which is all the harness's clients need. It measures what the sockets
//! cost, under any HTTP server on the same runtime.
//!
//! It listens on a free loopback port and prints `http://127.0.0.1:<port>` on its first line.

use axum::{
	body::Bytes,
	http::{header, HeaderValue, Response},
	Router,
};
use hyper_util::rt::{TokioIo, TokioTimer};
use std::{convert::Infallible, process::ExitCode};

fn answer(body: &Bytes) -> Response<axum::body::Body> {
	let mut response = Response::new(axum::body::Body::from(body.clone()));
	response
		.headers_mut()
		.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
	response
}

#[tokio::main]
async fn main() -> ExitCode {
	let args: Vec<String> = std::env::args().skip(1).collect();
	let (mode, file) = match args.as_slice() {
		[mode, file] if ["axum", "hyper", "raw"].contains(&mode.as_str()) =>
			(mode.clone(), file.clone()),
		_ => {
			eprintln!("usage: bench-http-floor axum|hyper|raw <body-file>");
			return ExitCode::from(2);
		},
	};
	let body = match std::fs::read(&file) {
		Ok(b) => Bytes::from(b),
		Err(e) => {
			eprintln!("{file}: {e}");
			return ExitCode::from(1);
		},
	};
	let listener = match tokio::net::TcpListener::bind("127.0.0.1:0").await {
		Ok(l) => l,
		Err(e) => {
			eprintln!("listening: {e}");
			return ExitCode::from(1);
		},
	};
	let Ok(address) = listener.local_addr() else { return ExitCode::from(1) };
	println!("http://{address}");
	if mode == "axum" {
		let router = Router::new().fallback(move || {
			let body = body.clone();
			async move { answer(&body) }
		});
		if let Err(e) = axum::serve(listener, router).await {
			eprintln!("serving: {e}");
			return ExitCode::from(1);
		}
		return ExitCode::SUCCESS;
	}
	if mode == "raw" {
		let mut head = format!(
			"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
			body.len()
		)
		.into_bytes();
		head.extend_from_slice(&body);
		let response = Bytes::from(head);
		loop {
			let Ok((stream, _)) = listener.accept().await else { continue };
			let _ = stream.set_nodelay(true);
			tokio::spawn(raw_connection(stream, response.clone()));
		}
	}
	loop {
		let Ok((stream, _)) = listener.accept().await else { continue };
		let _ = stream.set_nodelay(true);
		let body = body.clone();
		tokio::spawn(async move {
			let service = hyper::service::service_fn(move |_request| {
				let response = answer(&body);
				async move { Ok::<_, Infallible>(response) }
			});
			let _ = hyper::server::conn::http1::Builder::new()
				.timer(TokioTimer::new())
				.serve_connection(TokioIo::new(stream), service)
				.await;
		});
	}
}

/// Answer `response` to each request head (up to a blank line) that arrives on `stream`.
async fn raw_connection(mut stream: tokio::net::TcpStream, response: Bytes) {
	use tokio::io::{AsyncReadExt, AsyncWriteExt};
	let mut buffer = Vec::with_capacity(4096);
	let mut chunk = [0u8; 4096];
	loop {
		let n = match stream.read(&mut chunk).await {
			Ok(0) | Err(_) => return,
			Ok(n) => n,
		};
		buffer.extend_from_slice(&chunk[..n]);
		while let Some(end) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
			buffer.drain(..end + 4);
			if stream.write_all(&response).await.is_err() {
				return;
			}
		}
	}
}
