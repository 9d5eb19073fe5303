/// The run page (`/runs`) for organizers and managers: every campaign, one run's step graph as SVG
/// coloured by state, what each waiting step waits for with a button to signal it (organizers),
/// and the history — refreshed every two seconds. One self-contained page like the check-in page:
/// no files to install, no outside requests. A sign-in link may carry `#token=…&campaign=…`.
enum RunPage {
    static let html = #"""
<!doctype html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>活动运行</title>
<style>
  body { font: 15px/1.45 system-ui, "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif; margin: 0; color: #1d1d1f; background: #f5f5f7; }
  header { display: flex; gap: 12px; align-items: center; padding: 10px 16px; background: #1d3557; color: #fff; flex-wrap: wrap; }
  header h1 { font-size: 18px; margin: 0; flex: 1; }
  header button { background: none; color: #fff; border: 1px solid #fff8; border-radius: 6px; padding: 4px 10px; }
  main { padding: 12px 16px; max-width: 1200px; margin: auto; }
  #signin { display: none; gap: 8px; align-items: center; flex-wrap: wrap; }
  input, select, button { font: inherit; padding: 6px 10px; border-radius: 6px; border: 1px solid #aaa; }
  .primary { background: #1d6fdc; color: #fff; border-color: #1d6fdc; }
  #message { min-height: 1.4em; margin: 8px 0; }
  #message.error { color: #b00020; }
  #message.ok { color: #1b7f3a; }
  .panel { background: #fff; border-radius: 10px; padding: 12px; margin: 12px 0; box-shadow: 0 1px 3px #0001; overflow-x: auto; }
  .panel h2 { font-size: 16px; margin: 0 0 8px; }
  svg text { font-size: 12px; }
  .step rect { stroke: #555; stroke-width: 1; rx: 8; }
  .succeeded rect { fill: #d8f5df; } .waiting rect { fill: #fff3c4; } .running rect { fill: #dbe9ff; }
  .failed rect { fill: #ffd6d6; } .blocked rect { fill: #f3d1d1; } .retrying rect { fill: #ffe4c4; }
  .skipped rect, .cancelled rect { fill: #eee; } .pending rect { fill: #fff; }
  .edge { stroke: #888; stroke-width: 1.2; fill: none; }
  table { border-collapse: collapse; width: 100%; }
  td, th { text-align: left; padding: 4px 6px; border-bottom: 1px solid #eee; vertical-align: top; font-size: 13px; }
  .wait { display: flex; gap: 10px; align-items: center; padding: 6px 0; border-bottom: 1px solid #eee; flex-wrap: wrap; }
  .wait b { min-width: 120px; }
  .state { font-weight: 600; }
</style>
</head>
<body>
<header>
  <h1 data-t="title">活动运行</h1>
  <select id="campaign" aria-label="campaign"></select>
  <span>状态 / status: <b id="run-status" class="state">—</b></span>
  <button id="cancel" hidden data-t="cancel">取消活动</button>
  <button id="lang">EN</button>
</header>
<main>
  <div id="signin">
    <label for="token" data-t="token">令牌</label>
    <input id="token" autocomplete="off">
    <button class="primary" id="signin-button" data-t="signin">登录</button>
  </div>
  <div id="message" role="status" aria-live="polite"></div>
  <section class="panel"><h2 data-t="graph">步骤</h2><div id="graph"></div></section>
  <section class="panel"><h2 data-t="waits">等待中</h2><div id="waits"></div></section>
  <section class="panel"><h2 data-t="history">历史</h2><table><tbody id="history"></tbody></table></section>
</main>
<script>
"use strict";
const $ = id => document.getElementById(id);
const words = {
  zh: { title: "活动运行", token: "令牌", signin: "登录", graph: "步骤", waits: "等待中", history: "历史",
        signal: "完成，继续", none: "没有等待的步骤", signalled: "已发出信号：", needOrganizer: "只有组织者可以发出信号",
        signInFirst: "请用管理员或组织者的令牌登录", waitsForTime: "等到 ", cancel: "取消活动",
        confirmCancel: "确定取消这场活动？进行中的步骤将停止，只运行 always() / cancelled() 步骤。", cancelledBy: "已取消",
        states: { pending: "未开始", running: "进行中", waiting: "等待", retrying: "将重试", succeeded: "完成", failed: "失败",
                  skipped: "跳过", blocked: "受阻", cancelled: "已取消", completed: "已完成" } },
  en: { title: "Campaign runs", token: "Token", signin: "Sign in", graph: "Steps", waits: "Waiting", history: "History",
        signal: "Done — continue", none: "No step is waiting", signalled: "Signalled: ", needOrganizer: "Only organizers can signal",
        signInFirst: "Sign in with a manager's or organizer's token", waitsForTime: "until ", cancel: "Cancel campaign",
        confirmCancel: "Cancel this campaign? Steps in progress stop; only always() / cancelled() steps still run.",
        cancelledBy: "Cancelled",
        states: {} }
};
let lang = localStorage.getItem("lang") || ((navigator.language || "zh").startsWith("zh") ? "zh" : "en");
const t = key => (words[lang][key] !== undefined ? words[lang][key] : words.zh[key]);
const stateWord = s => (lang === "zh" ? (words.zh.states[s] || s) : s);
function applyLanguage() {
  document.documentElement.lang = lang;
  $("lang").textContent = lang === "zh" ? "EN" : "中文";
  document.querySelectorAll("[data-t]").forEach(e => { e.textContent = t(e.dataset.t); });
}
let token = localStorage.getItem("token") || "";
let current = null;
let view = null;
function say(text, kind) { $("message").textContent = text; $("message").className = kind || ""; }
async function api(path, body) {
  const response = await fetch("/api/" + path, {
    method: body ? "POST" : "GET",
    headers: Object.assign({ "Authorization": "Bearer " + token }, body ? { "Content-Type": "application/json" } : {}),
    body: body ? JSON.stringify(body) : undefined });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) { const e = new Error((data.error && data.error.message) || response.statusText); e.status = response.status; throw e; }
  return data;
}
const esc = s => String(s === undefined || s === null ? "" : s).replace(/[&<>"]/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
function drawGraph(v) {
  const w = 180, h = 56, gx = 60, gy = 18;
  const cols = Math.max(...v.steps.map(s => s.column)) + 1, rows = Math.max(...v.steps.map(s => s.row)) + 1;
  const pos = {};
  v.steps.forEach(s => { pos[s.id] = { x: 10 + s.column * (w + gx), y: 10 + s.row * (h + gy) }; });
  let svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${cols * (w + gx) + 20}" height="${rows * (h + gy) + 20}" role="img">`;
  svg += `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#888"/></marker></defs>`;
  v.steps.forEach(s => s.needs.forEach(n => {
    const a = pos[n], b = pos[s.id]; if (!a) return;
    svg += `<path class="edge" marker-end="url(#arrow)" d="M${a.x + w},${a.y + h / 2} C${a.x + w + gx / 2},${a.y + h / 2} ${b.x - gx / 2},${b.y + h / 2} ${b.x},${b.y + h / 2}"/>`;
  }));
  v.steps.forEach(s => {
    const p = pos[s.id];
    const counts = s.instances ? Object.entries(s.instances).map(([k, n]) => `${n} ${stateWord(k)}`).join(" · ") : stateWord(s.status);
    svg += `<g class="step ${esc(s.status)}" data-step="${esc(s.id)}"><title>${esc(s.uses)}</title>` +
      `<rect x="${p.x}" y="${p.y}" width="${w}" height="${h}"/>` +
      `<text x="${p.x + 10}" y="${p.y + 22}" font-weight="600">${esc(s.name || s.id)}</text>` +
      `<text x="${p.x + 10}" y="${p.y + 42}">${esc(counts)}</text></g>`;
  });
  $("graph").innerHTML = svg + "</svg>";
}
function drawWaits(v) {
  const rows = [];
  v.steps.forEach(s => {
    if (s.status === "waiting") rows.push({ step: s.id, label: s.name || s.id, prompt: s.prompt, due: s.due, signal: s.awaitsSignal });
    s.notable.filter(i => i.status === "waiting").forEach(i =>
      rows.push({ step: s.id, item: String(i.number), label: `${s.name || s.id} ${i.number} · ${i.item}`, prompt: i.prompt, signal: i.awaitsSignal }));
  });
  if (!rows.length) { $("waits").textContent = t("none"); return; }
  $("waits").innerHTML = rows.map((r, n) => `<div class="wait"><b>${esc(r.label)}</b><span>${esc(r.prompt || "")}` +
    `${r.due ? " — " + t("waitsForTime") + esc(r.due) : ""}</span>` +
    (r.signal && v.canSignal ? `<button class="primary" data-signal="${esc(r.step)}" data-item="${esc(r.item || "")}" data-n="${n}">${t("signal")}</button>` : "") +
    `</div>`).join("");
  document.querySelectorAll("[data-signal]").forEach(b => { b.onclick = () => signal(b.dataset.signal, b.dataset.item || null); });
}
function drawHistory(v) {
  $("history").innerHTML = v.history.map(e => `<tr><td>${esc(e.at)}</td><td>${esc(e.step || "")}</td><td>${esc(e.kind)}</td><td>${esc(e.message || "")}</td></tr>`).join("");
}
async function refresh() {
  if (!current) return;
  try {
    view = await api("runs/" + encodeURIComponent(current));
    $("run-status").textContent = stateWord(view.status);
    $("cancel").hidden = !(view.canSignal && ["waiting", "running", "failed"].includes(view.status));
    drawGraph(view); drawWaits(view); drawHistory(view);
  } catch (e) { say(e.message, "error"); }
}
async function cancelRun() {
  if (!current || !confirm(t("confirmCancel"))) return;
  try {
    view = await api("runs/" + encodeURIComponent(current) + "/cancel", {});
    say(t("cancelledBy"), "ok");
    await refresh();
  } catch (e) { say(e.status === 403 ? t("needOrganizer") : e.message, "error"); }
}
async function loadList() {
  const runs = await api("runs");
  const select = $("campaign");
  select.innerHTML = runs.map(r => `<option value="${esc(r.campaign)}">${esc(r.title ? r.campaign + " — " + r.title : r.campaign)} (${esc(stateWord(r.status))})</option>`).join("");
  if (current && runs.some(r => r.campaign === current)) select.value = current; else current = select.value || null;
}
async function signal(step, item) {
  try {
    view = await api("runs/" + encodeURIComponent(current) + "/signal", { step, item });
    say(t("signalled") + step + (item ? " " + item : ""), "ok");
    $("run-status").textContent = stateWord(view.status);
    drawGraph(view); drawWaits(view); drawHistory(view);
  } catch (e) { say(e.status === 403 ? t("needOrganizer") : e.message, "error"); }
}
async function signIn() {
  token = $("token").value.trim() || token;
  try {
    await loadList();
    localStorage.setItem("token", token);
    $("signin").style.display = "none";
    say("");
    await refresh();
    return true;
  } catch (e) {
    $("signin").style.display = "flex";
    say(e.status === 401 || e.status === 403 ? t("signInFirst") : e.message, "error");
    return false;
  }
}
$("signin-button").onclick = signIn;
$("cancel").onclick = cancelRun;
$("token").addEventListener("keydown", e => { if (e.key === "Enter") signIn(); });
$("campaign").onchange = () => { current = $("campaign").value; refresh(); };
$("lang").onclick = () => { lang = lang === "zh" ? "en" : "zh"; localStorage.setItem("lang", lang); applyLanguage(); refresh(); };
const link = new URLSearchParams(location.hash.slice(1));
if (link.get("lang")) lang = link.get("lang");
if (link.get("token")) token = link.get("token");
if (link.get("campaign")) current = link.get("campaign");
applyLanguage();
if (token) {
  signIn().then(ok => { if (ok && link.get("signal")) signal(link.get("signal"), link.get("item")); });
} else {
  $("signin").style.display = "flex";
}
setInterval(() => { if (token && current) refresh(); }, 2000);
</script>
</body>
</html>
"""#
}
