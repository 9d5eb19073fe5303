/// The check-in page, one self-contained file: no build step, no external assets, works offline
/// on the fair's local network. Large input that keeps focus for USB/Bluetooth barcode scanners
/// (they type the code and Enter); camera scanning where the browser has BarcodeDetector; lookup
/// by the last four digits; a big green/amber/red answer; live counts; the walk-in form; and the
/// booth form where enterprise staff record interviews, hiring intents and placements.
enum CheckinPage {
    static let html = #"""
<!doctype html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>签到 Check-in</title>
<style>
  :root { font-family: system-ui, "PingFang SC", "Noto Sans CJK SC", sans-serif; color: #1b1b1b; }
  body { margin: 0; background: #f4f5f7; }
  header { background: #b71c1c; color: white; padding: .6rem 1rem; display: flex; justify-content: space-between;
           align-items: center; gap: .5rem; flex-wrap: wrap; }
  header h1 { font-size: 1.1rem; margin: 0; }
  main { max-width: 40rem; margin: 0 auto; padding: 1rem; }
  section { background: white; border-radius: .6rem; padding: 1rem; margin-bottom: 1rem; box-shadow: 0 1px 3px #0002; }
  label { display: block; font-size: .9rem; margin: .4rem 0 .2rem; color: #444; }
  input, select, button { font-size: 1.1rem; padding: .6rem; border-radius: .4rem; border: 1px solid #bbb; box-sizing: border-box; }
  input, select { width: 100%; }
  #scan { font-size: 1.8rem; text-align: center; letter-spacing: .1em; }
  button { background: #b71c1c; color: white; border: none; cursor: pointer; margin-top: .5rem; }
  button.secondary { background: #555; }
  .row { display: flex; gap: .5rem; } .row > * { flex: 1; }
  #oAnswer { font-size: 1.1rem; padding: .8rem; border-radius: .6rem; margin-top: .6rem; }
  #oAnswer.accepted { background: #2e7d32; color: white; } #oAnswer.repeat { background: #f9a825; }
  #oAnswer.rejected { background: #c62828; color: white; }
  #answer { font-size: 1.5rem; font-weight: bold; padding: 1.2rem; border-radius: .6rem; text-align: center; min-height: 3rem; }
  #answer.accepted { background: #2e7d32; color: white; }
  #answer.repeat { background: #f9a825; color: #1b1b1b; }
  #answer.rejected { background: #c62828; color: white; }
  #answer.queued { background: #757575; color: white; }
  #queued { text-align: center; color: #555; font-weight: bold; min-height: 1.2rem; }
  #answer small { display: block; font-size: 1rem; font-weight: normal; margin-top: .3rem; }
  #counts { font-size: 1.1rem; } #counts b { font-size: 1.6rem; }
  .candidate { display: flex; justify-content: space-between; align-items: center; padding: .4rem 0; border-bottom: 1px solid #eee; }
  .candidate button { margin: 0; font-size: .95rem; }
  video { width: 100%; border-radius: .4rem; display: none; }
  .hidden { display: none; }
  .seats { display: grid; grid-template-columns: repeat(auto-fill, minmax(6rem, 1fr)); gap: .3rem; }
  .seat { border: 1px solid #bbb; border-radius: .3rem; padding: .25rem; font-size: .85rem; background: #fff; }
  .seat.here { background: #e8f5e9; border-color: #2e7d32; }
  .seat.flag { border: 2px solid #c62828; }
  #lang { background: transparent; border: 1px solid white; margin: 0; font-size: .9rem; padding: .3rem .6rem; }
</style>
</head>
<body>
<header>
  <h1 id="title" data-t="title">签到</h1>
  <span id="who"></span>
  <button id="lang" type="button">EN</button>
</header>
<main>
  <section id="signin">
    <label for="token" data-t="token">工作人员令牌</label>
    <input id="token" autocomplete="off" placeholder="">
    <button id="signinButton" type="button" data-t="signin">登录</button>
    <p id="signinError" class="hidden" style="color:#c62828"></p>
  </section>

  <div id="app" class="hidden">
    <section>
      <div class="row">
        <div><label for="gate" data-t="gate">闸口</label><select id="gate"></select></div>
      </div>
      <label for="scan" data-t="scanLabel">扫码或输入 身份证号 / 手机号 / 胸牌码，回车确认</label>
      <input id="scan" autocomplete="off" autofocus inputmode="text">
      <div class="row">
        <button id="submit" type="button" data-t="checkin">签到</button>
        <button id="camera" type="button" class="secondary hidden" data-t="camera">摄像头扫码</button>
        <button id="photo" type="button" class="secondary" data-t="photo">拍照扫码</button>
      </div>
      <input id="photoFile" type="file" accept="image/*" capture="environment" class="hidden">
      <video id="video" playsinline muted></video>
    </section>
    <section><div id="answer" role="status" aria-live="assertive"></div><div id="queued"></div></section>
    <section id="myCalls" class="hidden">
      <h2 style="font-size:1.1rem;margin:0" data-t="myCalls">我的回访</h2>
      <div id="callList"></div>
    </section>
    <section id="busDoor" class="hidden">
      <label for="bus" data-t="bus">车辆（车门扫码）</label><select id="bus"></select>
      <div id="seats"></div>
    </section>
    <section>
      <div id="counts"></div>
    </section>
    <section>
      <label for="last4" data-t="lookup">按身份证或手机号后四位查找</label>
      <div class="row"><input id="last4" inputmode="numeric" maxlength="8"><button id="lookupButton" type="button" class="secondary" data-t="find">查找</button></div>
      <div id="candidates"></div>
    </section>
    <section>
      <h2 style="font-size:1.1rem;margin:0" data-t="walkin">现场登记（未报名人员）</h2>
      <label for="wName" data-t="name">姓名</label><input id="wName">
      <label for="wId" data-t="idNumber">身份证号</label><input id="wId" autocomplete="off">
      <label for="wPhone" data-t="phone">手机号</label><input id="wPhone" inputmode="tel">
      <label for="wVillage" data-t="village">村</label><input id="wVillage">
      <label for="wGroups" data-t="groups">人员类别（如 脱贫人口、监测对象）</label><input id="wGroups">
      <button id="register" type="button" data-t="register">登记并签到</button>
    </section>
    <section id="booth">
      <h2 style="font-size:1.1rem;margin:0" data-t="booth">招聘展位：记录面试、意向、录用</h2>
      <label for="oPerson" data-t="oPerson">求职者（胸牌码 / 身份证号 / 手机号）</label><input id="oPerson" autocomplete="off">
      <label for="oPosting" data-t="oPosting">岗位</label>
      <input id="oFind" type="search" autocomplete="off" data-ph="oFind" placeholder="搜索岗位编号、岗位或企业">
      <select id="oPosting"></select>
      <label for="oStage" data-t="oStage">结果</label>
      <select id="oStage">
        <option value="interview" data-t="sInterview">面试</option><option value="intent" data-t="sIntent">达成意向</option>
        <option value="placement" data-t="sPlacement">成功就业</option><option value="retained" data-t="sRetained">稳定就业</option>
      </select>
      <label for="oNote" data-t="oNote">备注</label><input id="oNote">
      <button id="oRecord" type="button" data-t="oRecord">记录</button>
      <div id="oAnswer" role="status" aria-live="polite"></div>
    </section>
  </div>
</main>
<script>
const T = {
  zh: { myCalls: "我的回访", sReached: "已接通", sNotReached: "未接通", sWrong: "空号", sNo: "无意向", sBooked: "约面试",
        bus: "车辆（车门扫码）", pickBus: "选择车辆", passedHere: "人已过此关", missingSeats: "未到座位",
        title: "签到", token: "工作人员令牌", signin: "登录", gate: "闸口", scanLabel: "扫码或输入 身份证号 / 手机号 / 胸牌码，回车确认",
        checkin: "签到", camera: "摄像头扫码", photo: "拍照扫码", photoNotSent: "网络中断，照片未发送——请重拍",
        reading: "正在识别照片……", lookup: "按身份证或手机号后四位查找", find: "查找", walkin: "现场登记（未报名人员）",
        name: "姓名", idNumber: "身份证号", phone: "手机号", village: "村", groups: "人员类别（如 脱贫人口、监测对象）",
        register: "登记并签到", attended: "已签到", people: "人", anyGate: "（不分闸口）", accepted: "签到成功", repeat: "已签到过",
        rejected: "不能签到", offline: "网络中断，请重试", queued: "未发送", notSent: "网络中断，尚未发送——恢复后自动重发",
        queuedCount: "待发送 %d 条", late: "（补发）", pick: "签到", none: "没有找到", badToken: "令牌无效",
        booth: "招聘展位：记录面试、意向、录用", oFind: "搜索岗位编号、岗位或企业", oPerson: "求职者（胸牌码 / 身份证号 / 手机号）", oPosting: "岗位", oStage: "结果",
        sInterview: "面试", sIntent: "达成意向", sPlacement: "成功就业", sRetained: "稳定就业", oNote: "备注", oRecord: "记录",
        advanced: "已记录", unchanged: "无变化（已在该阶段或更后）", corrected: "已更正",
        interview: "面试", intent: "达成意向", placement: "成功就业", retained: "稳定就业",
        storage_full: "服务器磁盘已满，本次操作未保存。请通知管理员清理磁盘空间后重试",
        storage_read_only: "服务器上的工作区为只读，本次操作未保存。请通知管理员",
        storage_busy: "服务器正忙（另一个命令正在写入），请稍后重试",
        storage_damaged: "服务器上的工作区文件已损坏。请通知管理员从备份恢复",
        storage_io: "服务器读写磁盘出错，本次操作未保存。请通知管理员",
        sign_in_throttled: "这台设备输错令牌次数过多，请等一分钟再试" },
  en: { myCalls: "My calls", sReached: "Reached", sNotReached: "Not reached", sWrong: "Wrong number", sNo: "Not interested",
        sBooked: "Book interview", bus: "Bus (scan at its door)", pickBus: "Pick the bus", passedHere: "passed this checkpoint", missingSeats: "missing, seats",
        title: "Check-in", token: "Staff token", signin: "Sign in", gate: "Gate", scanLabel: "Scan or type the badge code / ID number / phone, then Enter",
        checkin: "Check in", camera: "Scan with camera", photo: "Take a photo of the badge",
        photoNotSent: "no connection: the photo was not sent — take it again", reading: "Reading the photo…", lookup: "Find by the last four digits of ID or phone", find: "Find",
        walkin: "Walk-in registration", name: "Name", idNumber: "ID number", phone: "Mobile", village: "Village",
        groups: "Target groups (e.g. 脱贫人口、监测对象)", register: "Register and check in", attended: "Checked in", people: "",
        anyGate: "(any gate)", accepted: "Checked in", repeat: "Already checked in", rejected: "Refused", offline: "No connection, try again",
        queued: "Not sent", notSent: "no connection: not sent yet — sent again when it returns", queuedCount: "%d waiting to be sent",
        late: "(sent late)",
        pick: "Check in", none: "Nobody found", badToken: "Token not accepted",
        booth: "Booth: record interviews, intents, placements", oPerson: "Job seeker (badge code / ID number / phone)",
        oPosting: "Posting", oFind: "Search code, title or enterprise", oStage: "Outcome", sInterview: "Interview", sIntent: "Hiring intent", sPlacement: "Placed",
        sRetained: "Retained", oNote: "Note", oRecord: "Record", advanced: "Recorded",
        unchanged: "No change (already at this stage or further)", corrected: "Corrected",
        interview: "interview", intent: "hiring intent", placement: "placed", retained: "retained",
        storage_full: "The server's disk is full: this was not saved. Ask the organizer to free space, then try again",
        storage_read_only: "The workspace on the server is read-only: this was not saved. Tell the organizer",
        storage_busy: "The server is busy (another command is writing); try again in a moment",
        storage_damaged: "The workspace file on the server is damaged. Ask the organizer to restore it from a backup",
        storage_io: "The server could not read or write its disk: this was not saved. Tell the organizer",
        sign_in_throttled: "Too many wrong tokens from this device; wait a minute and try again" }
};
let lang = localStorage.getItem("lang") || ((navigator.language || "zh").startsWith("zh") ? "zh" : "en");
const $ = id => document.getElementById(id);
function t(key) { return T[lang][key] || key; }
function applyLanguage() {
  document.documentElement.lang = lang;
  document.querySelectorAll("[data-t]").forEach(el => el.textContent = t(el.dataset.t));
  document.querySelectorAll("[data-ph]").forEach(el => el.placeholder = t(el.dataset.ph));
  $("lang").textContent = lang === "zh" ? "EN" : "中文";
  document.title = t("title");
}
$("lang").onclick = () => { lang = lang === "zh" ? "en" : "zh"; localStorage.setItem("lang", lang); applyLanguage(); refreshCounts(); };

let token = localStorage.getItem("token") || "";
async function api(path, body) {
  const response = await fetch("/api/" + path, {
    method: body ? "POST" : "GET",
    headers: Object.assign({ "Authorization": "Bearer " + token, "Accept-Language": lang }, body ? { "Content-Type": "application/json" } : {}),
    body: body ? JSON.stringify(body) : undefined });
  const data = await response.json().catch(() => ({}));
  const error = data.error || {};
  // A known code is worded from the catalogue above, in the staff's language; others show the server's message.
  if (!response.ok) throw Object.assign(new Error((error.code && T[lang][error.code]) || error.message || response.statusText), { status: response.status });
  return data;
}

async function signIn() {
  token = $("token").value.trim() || token;
  try {
    const me = await api("me");
    localStorage.setItem("token", token);
    $("who").textContent = me.name + " · " + me.campaign;
    $("gate").innerHTML = "";
    gateNames = me.gate_names || {};
    for (const g of (me.gates.length ? me.gates : [""])) {
      const option = document.createElement("option"); option.value = g; option.textContent = gateNames[g] || g || t("anyGate"); $("gate").appendChild(option);
    }
    const saved = localStorage.getItem("gate"); if (saved !== null && me.gates.includes(saved)) $("gate").value = saved;
    $("signin").classList.add("hidden"); $("app").classList.remove("hidden");
    saveQueue(queue()); refreshCounts(); setInterval(refreshCounts, 3000); loadPostings(); await loadBuses(); await loadCalls(); $("scan").focus();
  } catch (e) {
    $("signinError").textContent = t("badToken") + ": " + e.message; $("signinError").classList.remove("hidden");
  }
}
$("signinButton").onclick = signIn;
$("token").addEventListener("keydown", e => { if (e.key === "Enter") signIn(); });
$("gate").onchange = () => { localStorage.setItem("gate", $("gate").value); $("scan").focus(); };

// Every answer is numbered, so two greens in a row are told apart, and heard and felt: a tone and a
// vibration per colour (green one short, amber two, red one long, grey a soft one).
let answered = 0;
function show(answer, late) {
  const box = $("answer");
  box.className = answer.result;
  answered += 1;
  const who = [answer.name, answer.id_number].filter(Boolean).join(" ");
  const groups = answer.groups && answer.groups.length ? " [" + answer.groups.join("、") + "]" : "";
  box.innerHTML = "";
  box.appendChild(document.createTextNode("#" + answered + " " + (late ? t("late") + " " : "") + t(answer.result)
                                          + (who ? " — " + who + groups : "")));
  const small = document.createElement("small"); small.textContent = answer["reason_" + lang] || answer.reason; box.appendChild(small);
  signal(answer.result);
}
let audio = null;
function signal(result) {
  try {
    const pattern = { accepted: [80], repeat: [80, 60, 80], rejected: [400], queued: [30, 40, 30] }[result];
    if (navigator.vibrate && pattern) navigator.vibrate(pattern);
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return;
    audio = audio || new Context();
    const tones = { accepted: [[880, .12]], repeat: [[660, .1], [660, .1]], rejected: [[220, .45]], queued: [[440, .08]] }[result] || [];
    let at = audio.currentTime;
    for (const [frequency, length] of tones) {
      const tone = audio.createOscillator(), volume = audio.createGain();
      tone.frequency.value = frequency; volume.gain.value = 0.2; tone.connect(volume); volume.connect(audio.destination);
      tone.start(at); tone.stop(at + length); at += length + .06;
    }
  } catch (e) {}
}

// Scans a failed network did not deliver wait in this device's storage with their nonces and are
// sent again when it comes back (the nonce makes a resend safe: answered, never counted twice).
function queue() { try { return JSON.parse(localStorage.getItem("queue") || "[]"); } catch (e) { return []; } }
function saveQueue(list) {
  localStorage.setItem("queue", JSON.stringify(list));
  $("queued").textContent = list.length ? t("queuedCount").replace("%d", list.length) : "";
}
function masked(input) { return input.length > 8 ? input.slice(0, 3) + "*".repeat(input.length - 7) + input.slice(-4) : input; }
let flushing = false;
async function flush() {
  if (flushing || !queue().length) return;
  flushing = true;
  try {
    while (queue().length) {
      // Sent with how long this phone kept it, by its own clock: the server judges the scan at the
      // moment it happened, so a gate closed meanwhile still counts it.
      const { at, ...body } = queue()[0];
      let answer;
      try { answer = await api("checkin", { ...body, kept_ms: Math.max(0, Date.now() - (at || Date.now())) }); }
      catch (e) { if (!e.status) break; answer = { result: "rejected", reason: e.message }; }
      saveQueue(queue().slice(1));
      show(answer, true);
    }
  } finally { flushing = false; }
}
window.addEventListener("online", flush);

function nonce() { return (crypto.randomUUID ? crypto.randomUUID() : Date.now() + "-" + Math.random()); }
async function checkIn(input) {
  input = (input || "").trim(); if (!input) return;
  const scannedAt = Date.now();
  const body = { input, gate: $("gate").value, nonce: nonce(), device: navigator.userAgent.slice(0, 60), client_time: new Date(scannedAt).toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {   // the same nonce: a retry is answered, never counted twice
    try { show(await api("checkin", body)); refreshCounts(); refreshSeats(); break; }
    catch (e) {
      if (e.status) { show({ result: "rejected", reason: e.message }); break; }
      if (attempt === 2) {   // not refused: not sent. Kept, and sent again when the network returns.
        const list = queue(); list.push({ ...body, at: scannedAt }); saveQueue(list);
        show({ result: "queued", reason: t("notSent") + " · " + masked(input) });
      }
    }
  }
  $("scan").value = ""; $("scan").focus();
}
$("scan").addEventListener("keydown", e => { if (e.key === "Enter") { e.preventDefault(); checkIn($("scan").value); } });

// A photo of the badge, for phones whose browser gives this page no camera (plain http on the fair's
// Wi-Fi, iPhones without BarcodeDetector): the phone's own camera app takes it, the server reads it.
$("photo").onclick = () => $("photoFile").click();
$("photoFile").onchange = async () => {
  const file = $("photoFile").files[0]; if (!file) return;
  $("answer").className = ""; $("answer").textContent = t("reading");
  const query = "?gate=" + encodeURIComponent($("gate").value) + "&nonce=" + encodeURIComponent(nonce());
  try {
    const response = await fetch("/api/checkin/photo" + query, { method: "POST", body: file,
      headers: { "Authorization": "Bearer " + token, "Accept-Language": lang, "Content-Type": file.type || "image/jpeg" } });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) show({ result: "rejected", reason: (data.error && data.error.message) || response.statusText });
    else { show(data); refreshCounts(); refreshSeats(); }
  } catch (e) { show({ result: "queued", reason: t("photoNotSent") }); }
  $("photoFile").value = ""; $("scan").focus();
};
$("submit").onclick = () => checkIn($("scan").value);
document.addEventListener("click", e => { if (!["INPUT", "SELECT", "BUTTON"].includes(e.target.tagName)) $("scan").focus(); });

let gateNames = {};
async function refreshCounts() {
  flush();
  try {
    const c = await api("counts");
    const gates = Object.entries(c.by_gate).map(([g, n]) => (gateNames[g] || g || t("anyGate")) + " " + n).join(" · ");
    $("counts").innerHTML = "";
    $("counts").append(t("attended") + " ");
    const b = document.createElement("b"); b.id = "attended"; b.textContent = c.attended; $("counts").appendChild(b);
    $("counts").append(" " + t("people") + (gates ? " — " + gates : ""));
  } catch (e) {}
}

// My calls (a livestream campaign): the leads given to this staff member, a tap to call each, and a
// button per outcome. Full numbers come only for one's own calls.
async function loadCalls() {
  let calls = [];
  try { calls = await api("livestream/calls"); } catch (e) { return; }
  $("myCalls").classList.toggle("hidden", !calls.length);
  const list = $("callList"); list.innerHTML = "";
  for (const c of calls) {
    const row = document.createElement("div"); row.className = "candidate call";
    const tel = document.createElement("a"); tel.href = "tel:" + c.phone; tel.textContent = c.name + " " + c.phone;
    row.appendChild(tel);
    row.append(" · " + c.platforms + " · " + c.posting + (c.attempt > 1 ? " · #" + c.attempt : ""));
    for (const [status, key] of [["reached", "sReached"], ["not-reached", "sNotReached"], ["wrong-number", "sWrong"],
                                 ["not-interested", "sNo"], ["booked", "sBooked"]]) {
      const b = document.createElement("button"); b.className = "secondary"; b.textContent = t(key);
      b.onclick = async () => {
        try { const r = await api("livestream/calls/record", { call: c.call, status });
              show({ result: "accepted", name: r.lead, reason: t(key) + (r.outcome ? " — " + r.outcome : "") }); }
        catch (e) { show({ result: "rejected", reason: e.message }); }
        loadCalls();
      };
      row.appendChild(b);
    }
    list.appendChild(row);
  }
}

// Bus-door mode (a bus campaign): pick the bus, its plate becomes the gate, and the seats show who
// has passed this checkpoint and who is still missing.
let buses = [];
async function loadBuses() {
  try { buses = await api("transport/buses"); } catch (e) { buses = []; }
  if (!buses.length) return;
  $("busDoor").classList.remove("hidden");
  $("bus").innerHTML = "";
  const none = document.createElement("option"); none.value = ""; none.textContent = t("pickBus"); $("bus").appendChild(none);
  buses.forEach((b, i) => {
    const o = document.createElement("option"); o.value = String(i);
    o.textContent = b.title + " · " + b.day + " → " + b.destination + " (" + b.passed + "/" + b.seated + ")"; $("bus").appendChild(o);
  });
  const wanted = localStorage.getItem("bus") || "";
  const index = buses.findIndex(b => b.plate + "@" + b.day === wanted || b.plate === wanted);
  if (index >= 0) { $("bus").value = String(index); pickBus(); }
}
function pickBus() {
  const b = buses[$("bus").value];
  if (!b) { localStorage.removeItem("bus"); $("seats").textContent = ""; return; }
  localStorage.setItem("bus", b.plate + "@" + b.day);
  if (![...$("gate").options].some(o => o.value === b.plate)) {
    const o = document.createElement("option"); o.value = b.plate; o.textContent = b.plate; $("gate").appendChild(o);
  }
  $("gate").value = b.plate; refreshSeats(); $("scan").focus();
}
$("bus").onchange = pickBus;
async function refreshSeats() {
  const b = buses[$("bus").value]; if (!b) return;
  try {
    const bus = await api("transport/bus?plate=" + encodeURIComponent(b.plate) + "&day=" + encodeURIComponent(b.day));
    const missing = bus.seats.filter(s => !s.passed);
    $("seats").innerHTML = "";
    const head = document.createElement("p"); head.id = "busCount";
    head.textContent = (bus.seats.length - missing.length) + " / " + bus.seats.length + " " + t("passedHere")
      + (missing.length ? " — " + t("missingSeats") + " " + missing.map(s => s.seat).join(", ") : "");
    $("seats").appendChild(head);
    const grid = document.createElement("div"); grid.className = "seats";
    for (const s of bus.seats) {
      const cell = document.createElement("span");
      cell.className = "seat" + (s.passed ? " here" : "") + (s.notes.length ? " flag" : "");
      cell.textContent = s.seat + " " + s.name;
      cell.title = s.id_number + " · " + s.pickup + (s.notes.length ? " · " + s.notes.join("; ") : "");
      grid.appendChild(cell);
    }
    $("seats").appendChild(grid);
  } catch (e) { $("seats").textContent = e.message; }
}

$("lookupButton").onclick = async () => {
  const list = $("candidates"); list.textContent = "";
  try {
    const found = await api("lookup?q=" + encodeURIComponent($("last4").value));
    if (!found.length) list.textContent = t("none");
    for (const c of found) {
      const row = document.createElement("div"); row.className = "candidate";
      row.textContent = c.name + " " + c.id_number + " " + c.phone;
      const pick = document.createElement("button"); pick.textContent = t("pick"); pick.onclick = () => checkIn(c.code);
      row.appendChild(pick); list.appendChild(row);
    }
  } catch (e) { list.textContent = e.message; }
};

$("register").onclick = async () => {
  try {
    // The desk registers and, while the gate is open and takes walk-ins, checks in in the same act.
    const r = await api("register", { name: $("wName").value, id_number: $("wId").value, phone: $("wPhone").value || null,
                                      village: $("wVillage").value || null, groups: $("wGroups").value || null,
                                      gate: $("gate").value || null });
    ["wName", "wId", "wPhone", "wVillage", "wGroups"].forEach(id => $(id).value = "");
    show({ result: r.checked_in ? "accepted" : "repeat", name: r.name, id_number: r.id_number, groups: r.groups,
           reason: r.code + " — " + r.attendance });
    refreshCounts();
  } catch (e) { show({ result: "rejected", reason: e.message }); }
};

// The booth form's postings, narrowed as staff type a code (岗位编号), a title or an enterprise.
let allPostings = [];
function showPostings() {
  const wanted = ($("oFind").value || "").trim().toLowerCase();
  $("oPosting").innerHTML = "";
  for (const p of allPostings) {
    const text = p.code + " " + p.title + "（" + p.enterprise + "）";
    if (wanted && !text.toLowerCase().includes(wanted)) continue;
    const option = document.createElement("option"); option.value = p.code;
    option.textContent = text; $("oPosting").appendChild(option);
  }
}
async function loadPostings() {
  try { allPostings = await api("postings"); showPostings(); } catch (e) {}
}
$("oFind").addEventListener("input", showPostings);

$("oRecord").onclick = async () => {
  const box = $("oAnswer");
  try {
    const r = await api("outcomes", { person: $("oPerson").value.trim(), posting: $("oPosting").value,
                                      stage: $("oStage").value, note: $("oNote").value || null });
    box.className = r.change === "advanced" ? "accepted" : "repeat";
    box.textContent = t(r.change) + " — " + r.name + " " + r.id_number + ": " + t(r.to) + " · " + r.posting + "（" + r.enterprise + "）";
    $("oPerson").value = ""; $("oNote").value = "";
  } catch (e) { box.className = "rejected"; box.textContent = e.message; }
};

// The live camera (a secure context: `serve --tls`, or localhost): codes read in the browser where it
// can (BarcodeDetector), else a frame every 0.7 s is sent to the server, which reads it with zbar.
if (navigator.mediaDevices && window.isSecureContext) {
  $("camera").classList.remove("hidden");
  $("camera").onclick = async () => {
    const video = $("video");
    const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
    video.srcObject = stream; video.style.display = "block"; await video.play();
    const found = code => { stream.getTracks().forEach(track => track.stop()); video.style.display = "none"; checkIn(code); };
    if ("BarcodeDetector" in window) {
      const detector = new BarcodeDetector({ formats: ["qr_code", "code_128"] });
      const tick = async () => {
        const codes = await detector.detect(video).catch(() => []);
        if (codes.length) { found(codes[0].rawValue); return; }
        requestAnimationFrame(tick);
      };
      tick();
      return;
    }
    const canvas = document.createElement("canvas");
    const frame = async () => {
      if (!stream.active) return;
      const scale = Math.min(1, 1280 / (video.videoWidth || 1280));
      canvas.width = Math.round((video.videoWidth || 640) * scale); canvas.height = Math.round((video.videoHeight || 480) * scale);
      canvas.getContext("2d").drawImage(video, 0, 0, canvas.width, canvas.height);
      const blob = await new Promise(resolve => canvas.toBlob(resolve, "image/jpeg", 0.8));
      try {
        const response = await fetch("/api/scan/frame", { method: "POST", body: blob,
          headers: { "Authorization": "Bearer " + token, "Content-Type": "image/jpeg" } });
        const data = await response.json();
        if (data.code) { found(data.code); return; }
      } catch (e) {}
      setTimeout(frame, 700);
    };
    frame();
  };
}

// A sign-in link (the QR code `campaign staff add` prints) carries #token=…; it may also name the
// gate and a code to check in at once (#gate=north&scan=CODE), for scanner apps that open links.
const link = new URLSearchParams(location.hash.slice(1));
if (link.get("token")) { token = link.get("token"); }
if (link.get("gate") !== null) localStorage.setItem("gate", link.get("gate") || "");
if (link.get("bus")) localStorage.setItem("bus", link.get("bus"));
if (link.get("lang")) { lang = link.get("lang"); }
history.replaceState(null, "", location.pathname);
applyLanguage();
if (token) signIn().then(() => { if (link.get("scan")) checkIn(link.get("scan")); });
</script>
</body>
</html>
"""#
}
