// The page is a client of the JSON report (`thanklint check --format json`): it sends the draft
// and the interview form to /api/check and draws what comes back. Positions in the report count
// Unicode code points; JavaScript strings count UTF-16 units, so offsets are converted first.
"use strict";

const QUALITIES = {
  timing: "Sent on time",
  personalization: "Addressed to the interviewer by name",
  gratitude: "Thanks them early",
  qualifications: "Reminds them of a concrete qualification",
  reflection: "Refers to a moment of the interview",
  interest: "Restates interest in the role",
  questions: "Asks a thoughtful question",
  tone: "Professional and proofread",
};
// What would let an unchecked quality be checked.
const UNCHECKED_HINTS = {
  timing: "Add the interview date below (and the time, for the 24-hour window).",
};
const UNCHECKED_DEFAULT = "Not checked: the configuration leaves out the rules that decide it.";
const MARKS = { present: "✓", missing: "✗", unchecked: "·" };
const STATUS_WORDS = { present: "present", missing: "missing", unchecked: "not checked" };
const CHECK_DELAY_MS = 300;

const $ = (id) => document.getElementById(id);
const draft = $("draft");
const backdrop = $("backdrop");
const state = { text: null, findings: [], units: [0], sequence: 0, controller: null, timer: null, focusAfter: null };

// ---- positions ------------------------------------------------------------------------------

/** units[i] is the UTF-16 index of code point i (one entry past the end too). */
function codePointUnits(text) {
  const units = [0];
  let index = 0;
  for (const character of text) {
    index += character.length;
    units.push(index);
  }
  return units;
}

function span(finding) {
  const last = state.units.length - 1;
  return [state.units[Math.min(finding.start, last)], state.units[Math.min(finding.end, last)]];
}

// ---- checking -------------------------------------------------------------------------------

function listValue(input) {
  return input.value.split(/[,\n]/).map((item) => item.trim()).filter(Boolean);
}

/** The interview form as metadata keys; empty fields are left out (the draft's own front matter
 * or the configuration's defaults then apply). */
function metadata() {
  const meta = {};
  for (const input of $("interview").querySelectorAll("[name]")) {
    const value = "list" in input.dataset ? listValue(input) : input.value.trim();
    if (value.length) meta[input.name] = value;
  }
  const date = $("interview-date").value;
  const time = $("interview-time").value;
  if (date) meta.interviewed_at = time ? `${date}T${time}` : date;
  return meta;
}

function scheduleCheck() {
  clearTimeout(state.timer);
  state.timer = setTimeout(check, CHECK_DELAY_MS);
}

async function check() {
  clearTimeout(state.timer);
  const text = draft.value;
  if (!text.trim()) {
    showEmpty();
    return;
  }
  if (state.controller) state.controller.abort();
  const controller = new AbortController();
  const sequence = ++state.sequence;
  state.controller = controller;
  $("status").textContent = "Checking…";
  let response;
  try {
    response = await fetch("/api/check", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text, format: $("format").value, metadata: metadata() }),
      signal: controller.signal,
    });
  } catch (error) {
    if (error.name !== "AbortError") showError("The local thanklint server does not answer. Is `thanklint serve` still running?");
    return;
  }
  const body = response.status === 413 ? null : await response.json().catch(() => null);
  if (sequence !== state.sequence) return; // a newer check is under way
  if (response.status === 413) {
    showError("This draft is too long to check here (more than 256 KB).");
    return;
  }
  if (!response.ok || !body) {
    showError((body && body.error) || `The server refused the draft (HTTP ${response.status}).`);
    return;
  }
  render(text, body);
}

// ---- drawing --------------------------------------------------------------------------------

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === "className") node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

function showEmpty() {
  state.text = null;
  state.findings = [];
  $("error").hidden = true;
  $("findings").replaceChildren();
  $("checklist").replaceChildren(element("li", { className: "placeholder" }, "Paste a draft to see which of the eight qualities it has."));
  $("kind").textContent = "";
  $("status").textContent = "";
  $("fix-all").disabled = true;
  drawHighlights();
}

function showError(message) {
  state.text = null;
  state.findings = [];
  $("error").textContent = message;
  $("error").hidden = false;
  $("findings").replaceChildren();
  $("status").textContent = "The draft could not be checked.";
  $("fix-all").disabled = true;
  drawHighlights();
}

function render(text, report) {
  const file = report.files[0];
  if (file.error) {
    showError(file.error.message);
    return;
  }
  state.text = text;
  state.units = codePointUnits(text);
  state.findings = file.findings;
  $("error").hidden = true;
  $("kind").textContent = `(${file.kind}, ${file.kind_source === "metadata" ? "as you said" : "recognised from the text"})`;
  drawChecklist(file);
  drawFindings();
  drawHighlights();
  const counts = report.summary.by_severity;
  const total = file.findings.length;
  $("status").textContent = total
    ? `Checked: ${total} finding${total === 1 ? "" : "s"} (${counts.error} error${counts.error === 1 ? "" : "s"}, ` +
      `${counts.warning} warning${counts.warning === 1 ? "" : "s"}, ${counts.suggestion} suggestion${counts.suggestion === 1 ? "" : "s"}).`
    : "Checked: no findings.";
  $("fix-all").disabled = !safeFixes().length;
  if (state.focusAfter !== null) {
    const items = $("findings").children;
    (items[Math.min(state.focusAfter, items.length - 1)] || $("findings-heading")).focus();
    state.focusAfter = null;
  }
}

function drawChecklist(file) {
  const items = Object.entries(QUALITIES).map(([quality, label]) => {
    const item = file.checklist[quality] || { status: "unchecked", rule: null };
    let detail = "";
    if (item.status === "missing") {
      const deciding = file.findings.find((f) => f.rule_id === item.rule);
      detail = deciding ? deciding.message : item.rule;
    } else if (item.status === "unchecked") {
      detail = UNCHECKED_HINTS[quality] || UNCHECKED_DEFAULT;
    }
    return element("li", { className: item.status, "data-quality": quality },
      element("span", { className: "mark", "aria-hidden": "true" }, MARKS[item.status]),
      element("strong", {}, label), `: ${STATUS_WORDS[item.status]}`,
      ...(detail ? [element("span", { className: "detail" }, detail)] : []));
  });
  $("checklist").replaceChildren(...items);
}

function fixLabel(finding) {
  const [start, end] = span(finding);
  const before = state.text.slice(start, end);
  const replacement = finding.fix.replacement;
  if (!replacement) return `Remove “${before}”`;
  return `Replace “${before}” with “${replacement}”`;
}

function drawFindings() {
  const open = new Set([...$("findings").querySelectorAll("details[open]")].map((d) => d.closest("li").dataset.rule));
  const items = state.findings.map((finding, index) => {
    const described = { "aria-describedby": `finding-${index}` }; // tells same-named buttons apart
    const buttons = element("div", { className: "buttons" });
    const show = element("button", { type: "button", className: "secondary", ...described }, "Show in the draft");
    show.addEventListener("click", () => select(finding));
    buttons.append(show);
    if (finding.fix) {
      const label = fixLabel(finding) + (finding.fix.safe ? "" : " (check the result)");
      const fix = element("button", { type: "button", ...described }, label);
      fix.addEventListener("click", () => applyFixes([finding], index));
      buttons.append(fix);
    }
    const details = element("details", {},
      element("summary", {}, `Why, and what to write instead (${finding.rule_id})`),
      element("div", { className: "explanation" }, "Loading…"));
    details.addEventListener("toggle", () => details.open && explain(finding.rule_id, details.lastChild));
    details.open = open.has(finding.rule_id);  // a re-check keeps what the writer opened
    return element("li", { className: `finding ${finding.severity}`, tabindex: "-1", "data-rule": finding.rule_id },
      element("span", { className: "severity" }, finding.severity), " ",
      element("span", { className: "where" }, `line ${finding.line}, column ${finding.column}`),
      element("p", { className: "message", id: `finding-${index}` }, finding.message),
      buttons, details);
  });
  if (!items.length) items.push(element("li", { className: "clean" }, "No findings: this draft reads well."));
  $("findings").replaceChildren(...items);
}

/** The checked findings' spans in `text`: while the writer types, spans before the edit stay,
 * spans after it move with it, and spans it touched wait for the next check. */
function currentSpans(text) {
  const old = state.text;
  if (old === null) return [];
  const spans = state.findings.map((f) => [...span(f), f.severity]).filter(([start, end]) => end > start);
  if (old === text) return spans;
  let prefix = 0;
  while (prefix < old.length && prefix < text.length && old[prefix] === text[prefix]) prefix++;
  let suffix = 0;
  const room = Math.min(old.length, text.length) - prefix;
  while (suffix < room && old[old.length - 1 - suffix] === text[text.length - 1 - suffix]) suffix++;
  const oldEnd = old.length - suffix;
  const shift = text.length - old.length;
  return spans.filter(([start, end]) => end <= prefix || start >= oldEnd)
    .map(([start, end, severity]) => (start >= oldEnd ? [start + shift, end + shift, severity] : [start, end, severity]));
}

/** Highlight each span with the colour of its most severe finding (spans may overlap). */
function drawHighlights() {
  const text = draft.value;
  const rank = { suggestion: 0, warning: 1, error: 2 };
  const spans = currentSpans(text);
  const cuts = [...new Set([0, text.length, ...spans.flatMap(([start, end]) => [start, end])])].sort((a, b) => a - b);
  const parts = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    const covering = spans.filter(([start, end]) => start <= from && to <= end);
    const piece = text.slice(from, to);
    if (!covering.length) {
      parts.push(piece);
      continue;
    }
    const worst = covering.reduce((a, b) => (rank[b[2]] > rank[a[2]] ? b : a))[2];
    parts.push(element("mark", { className: worst }, piece));
  }
  parts.push(" "); // keeps a final newline's line in the backdrop, as in the textarea
  backdrop.replaceChildren(...parts);
  fitHeight();
}

/** The textarea grows with its text, so it never scrolls apart from its backdrop. */
function fitHeight() {
  draft.style.height = "auto";
  draft.style.height = `${draft.scrollHeight + 2}px`;
}

const explanations = new Map();

async function explain(ruleId, target) {
  if (!explanations.has(ruleId)) {
    const response = await fetch(`/api/explain/${encodeURIComponent(ruleId)}`).catch(() => null);
    if (!response || !response.ok) {
      const body = response ? await response.json().catch(() => null) : null;
      target.textContent = (body && body.error) || "The explanation could not be loaded.";
      return;
    }
    explanations.set(ruleId, await response.text());
  }
  target.textContent = explanations.get(ruleId);
  target.dataset.loaded = "yes";
}

// ---- editing --------------------------------------------------------------------------------

function select(finding) {
  if (state.text !== draft.value) return;
  const [start, end] = span(finding);
  draft.focus();
  draft.setSelectionRange(start, end);
}

/** The safe fixes that can be applied together: no two overlap, the earlier one wins (as `--fix`). */
function safeFixes() {
  const chosen = [];
  const sorted = state.findings.filter((f) => f.fix && f.fix.safe).sort((a, b) => a.start - b.start || a.end - b.end);
  let taken = -1;
  for (const finding of sorted) {
    const edits = finding.fix.edits || [finding];
    if (Math.min(...edits.map((e) => e.start)) < taken) continue;
    chosen.push(finding);
    taken = Math.max(...edits.map((e) => e.end));
  }
  return chosen;
}

function applyFixes(findings, focusIndex) {
  if (state.text !== draft.value) {
    $("status").textContent = "The draft changed since the last check; checking again first.";
    check();
    return;
  }
  // Every edit of every fix (a fix may delete, insert or change several places), applied from
  // the end so that earlier offsets stay true.
  const edits = findings.flatMap((f) => f.fix.edits || [{ start: f.start, end: f.end, replacement: f.fix.replacement }]);
  let text = draft.value;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    const [start, end] = span(edit);
    text = text.slice(0, start) + edit.replacement + text.slice(end);
  }
  draft.value = text;
  state.focusAfter = focusIndex;
  $("status").textContent = `Applied ${findings.length} fix${findings.length === 1 ? "" : "es"}; checking again…`;
  drawHighlights();
  check();
}

async function copyDraft() {
  try {
    await navigator.clipboard.writeText(draft.value);
  } catch {
    draft.select();
    document.execCommand("copy");
  }
  $("status").textContent = "The draft is copied to the clipboard.";
}

function formatOf(name) {
  const suffix = name.toLowerCase().split(".").pop();
  return suffix === "eml" ? "eml" : suffix === "txt" ? "txt" : "md";
}

async function load(file) {
  if (!file) return;
  draft.value = await file.text();
  $("format").value = formatOf(file.name);
  $("status").textContent = `Opened ${file.name}.`;
  drawHighlights();
  check();
}

// ---- wiring ---------------------------------------------------------------------------------

draft.addEventListener("input", () => {
  drawHighlights();
  scheduleCheck();
});
$("format").addEventListener("change", check);
$("interview").addEventListener("input", scheduleCheck);
$("interview").addEventListener("submit", (event) => event.preventDefault());
$("fix-all").addEventListener("click", () => applyFixes(safeFixes(), 0));
$("copy").addEventListener("click", copyDraft);
$("file").addEventListener("change", (event) => load(event.target.files[0]));
const editor = $("editor");
editor.addEventListener("dragover", (event) => {
  event.preventDefault();
  editor.classList.add("dragging");
});
editor.addEventListener("dragleave", () => editor.classList.remove("dragging"));
editor.addEventListener("drop", (event) => {
  event.preventDefault();
  editor.classList.remove("dragging");
  load(event.dataTransfer.files[0]);
});
window.addEventListener("resize", fitHeight);
if (draft.value.trim()) check();
