// The browse page: search as you type, module cards, a module page. Everything shown comes from
// the chain, so every value goes through textContent, never through HTML.
"use strict";

const $ = (sel) => document.querySelector(sel);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") node.className = v;
    else node.setAttribute(k, v);
  }
  for (const child of children) {
    if (child == null) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

async function getJson(url) {
  const response = await fetch(url, { headers: { accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.message || response.statusText);
  return body;
}

/** "verified" | "pending" | "failed" | "rejected" | "noPinnableCid" | "" of an RPC pinStatus. */
function pinState(pin) {
  if (typeof pin === "string") return pin;
  if (pin && typeof pin === "object") return Object.keys(pin)[0] || "";
  return "";
}

function pinBadge(pin) {
  const state = pinState(pin);
  return state ? el("span", { class: `badge pin ${state}`, title: "IPFS pin status" }, `pin: ${state}`) : null;
}

function deprecation(dep) {
  if (!dep) return null;
  const text = ["Deprecated"];
  if (dep.reason) text.push(`: ${dep.reason}`);
  if (dep.successor) text.push(` — use ${dep.successor}`);
  return el("div", { class: "warning deprecated" }, text.join(""));
}

function card(m) {
  const node = el(
    "article",
    { class: "card", "data-name": m.name, tabindex: "0" },
    el("h3", {}, m.name),
    el("p", {}, m.description || "(no description)"),
    deprecation(m.deprecated),
    el(
      "div",
      { class: "meta" },
      el("span", { class: "badge version" }, m.latest ? `v${m.latest}` : "no release"),
      pinBadge(m.pinStatus),
      m.verified ? el("span", { class: "badge verified" }, "verified namespace") : null,
    ),
  );
  const open = () => { location.hash = `#/m/${m.name}`; };
  node.addEventListener("click", open);
  node.addEventListener("keydown", (e) => { if (e.key === "Enter") open(); });
  return node;
}

function showList(items, emptyText) {
  const results = $("#results");
  results.hidden = false;
  $("#module").hidden = true;
  results.replaceChildren(...(items.length ? items.map(card) : [el("p", { class: "empty" }, emptyText)]));
}

let searchSeq = 0;
async function runSearch() {
  const q = $("#q").value.trim();
  const seq = ++searchSeq;
  try {
    const body = q
      ? await getJson(`/v1/search?q=${encodeURIComponent(q)}&per_page=50`)
      : await getJson("/v1/modules?per_page=100");
    if (seq !== searchSeq) return; // a later keystroke already answered
    showList(q ? body.results : body.modules, q ? `No module matches "${q}".` : "No modules yet.");
  } catch (e) {
    if (seq === searchSeq) showList([], `Search failed: ${e.message}`);
  }
}

// What the current version declares it needs; metadata published before the chain checked it
// may hold anything, so only a list of strings counts.
function declared(entry) {
  const modules = entry && entry.dependencies && entry.dependencies.modules;
  return Array.isArray(modules) ? modules.filter((m) => typeof m === "string") : [];
}

// `ns/name@range` references as links to their modules (text, never HTML).
function dependencyList(refs) {
  if (refs.length === 0) return el("p", { class: "none" }, "None.");
  return el(
    "ul",
    { class: "dependencies" },
    ...refs.map((ref) => {
      const name = ref.replace(/^@/, "").split("@")[0];
      const link = /^[a-z][a-z0-9-]*\/[a-z][a-z0-9-]*$/.test(name) ? `#/m/${name}` : null;
      return el("li", {}, link ? el("a", { href: link }, ref) : ref);
    }),
  );
}

function dependentList(ds) {
  if (ds.dependents.length === 0) return el("p", { class: "none" }, "No published version depends on this module.");
  return el(
    "ul",
    { class: "dependents" },
    ...ds.dependents.map((d) => el("li", {}, el("a", { href: `#/m/${d.name}` }, `${d.name}@${d.version}`), ` needs ${d.range}`)),
    ds.next ? el("li", { class: "more" }, "… and more") : null,
  );
}

async function showModule(name) {
  const view = $("#module");
  $("#results").hidden = true;
  view.hidden = false;
  view.replaceChildren(el("p", {}, `Loading ${name}…`));
  try {
    const [m, vs, ds] = await Promise.all([
      getJson(`/v1/modules/${name}`),
      getJson(`/v1/modules/${name}/versions`),
      getJson(`/v1/modules/${name}/dependents`),
    ]);
    const s = m.summary;
    const rows = vs.versions.map((v) =>
      el(
        "tr",
        { class: v.yanked ? "version yanked" : "version", "data-version": v.version },
        el("td", {}, v.version, v.yanked ? " (yanked)" : ""),
        el("td", {}, pinState(v.pinStatus)),
        el("td", {}, v.publishedTime || `block ${v.publishedAt}`),
        el("td", {}, el("a", { href: `/v1/content/${v.cid}` }, v.cid)),
      ),
    );
    const range = m.latest ? `@^${m.latest.split(/[+]/)[0]}` : "";
    const parts = [
      el("p", {}, el("a", { href: "#/" }, "← all modules")),
      el("h2", {}, s.name),
      el("p", {}, s.description || "(no description)"),
      deprecation(s.deprecated),
      el(
        "div",
        { class: "meta" },
        el("span", { class: "badge" }, s.moduleType),
        el("span", { class: "badge" }, s.status),
        pinBadge(s.pinStatus),
        ...(s.keywords || []).map((k) => el("span", { class: "badge keyword" }, k)),
      ),
      el("h3", {}, "Install"),
      el("pre", { class: "install" }, `modreg install ${s.name}${range}`),
      el("h3", {}, "Dependencies"),
      dependencyList(declared(m.entry)),
      el("h3", {}, "Dependents"),
      dependentList(ds),
      el("h3", {}, "Versions"),
      el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "Version"), el("th", {}, "Pin"), el("th", {}, "Published"), el("th", {}, "Content"))), el("tbody", {}, ...rows)),
    ];
    view.replaceChildren(...parts.filter((p) => p != null));
  } catch (e) {
    view.replaceChildren(el("p", {}, el("a", { href: "#/" }, "← all modules")), el("p", { class: "error" }, e.message));
  }
}

function route() {
  const match = location.hash.match(/^#\/m\/([a-z0-9-]+\/[a-z0-9-]+)$/);
  if (match) showModule(match[1]);
  else runSearch();
}

async function health() {
  try {
    const h = await getJson("/healthz");
    $("#health").textContent = `block #${h.indexedHeight} · lag ${h.lag}`;
  } catch (e) {
    $("#health").textContent = "index unavailable";
  }
}

let timer = null;
$("#q").addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(() => {
    if (location.hash.startsWith("#/m/")) history.replaceState(null, "", "#/");
    runSearch();
  }, 150);
});
window.addEventListener("hashchange", route);
route();
health();
setInterval(health, 10000);
