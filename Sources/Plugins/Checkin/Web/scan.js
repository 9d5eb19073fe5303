// The gate: a large input that keeps focus for USB/Bluetooth barcode scanners (they type the code
// and Enter), camera scanning where the browser can, a photo of the badge where it cannot, and scans
// a failed network did not deliver kept on the device and sent again.
if (page.link.get("gate") !== null) localStorage.setItem("gate", page.link.get("gate") || "");
page.gateNames = {};
page.gateLabel = g => page.gateNames[g] || g || page.t("checkin-page.any-gate");
page.gate = () => $("gate").value;
// The checkpoint scanned at: serve's own, unless a panel picks another of the campaign's (a bus's doors).
page.checkpointChoice = null;
page.checkpoint = () => page.checkpointChoice || (page.me && page.me.checkpoint) || "";

page.onSignIn(async me => {
  $("gate").innerHTML = "";
  page.gateNames = me.gate_names || {};
  for (const g of (me.gates.length ? me.gates : [""])) {
    const option = document.createElement("option"); option.value = g; option.textContent = page.gateLabel(g);
    $("gate").appendChild(option);
  }
  const saved = localStorage.getItem("gate"); if (saved !== null && me.gates.includes(saved)) $("gate").value = saved;
  saveQueue(queue());
  $("scan").focus();
  if (page.link.get("scan")) setTimeout(() => page.checkIn(page.link.get("scan")), 0);
});
$("gate").onchange = () => { localStorage.setItem("gate", $("gate").value); $("scan").focus(); };

// Scans a failed network did not deliver wait in this device's storage with their nonces and are
// sent again when it comes back (the nonce makes a resend safe: answered, never counted twice).
function queue() { try { return JSON.parse(localStorage.getItem("queue") || "[]"); } catch (e) { return []; } }
function saveQueue(list) {
  localStorage.setItem("queue", JSON.stringify(list));
  $("queued").textContent = list.length ? page.t("checkin-page.queued-count").replace("{count}", list.length) : "";
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
      try { answer = await page.api("checkin", { ...body, kept_ms: Math.max(0, Date.now() - (at || Date.now())) }); }
      catch (e) { if (!e.status) break; answer = { result: "rejected", reason: e.message }; }
      saveQueue(queue().slice(1));
      page.show(answer, true);
    }
  } finally { flushing = false; }
}
window.addEventListener("online", flush);
page.onRefresh(flush);

function nonce() { return (crypto.randomUUID ? crypto.randomUUID() : Date.now() + "-" + Math.random()); }
page.checkIn = async input => {
  input = (input || "").trim(); if (!input) return;
  const scannedAt = Date.now();
  const body = { input, gate: $("gate").value, checkpoint: page.checkpoint(), nonce: nonce(), device: navigator.userAgent.slice(0, 60),
                 client_time: new Date(scannedAt).toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {   // the same nonce: a retry is answered, never counted twice
    try { page.show(await page.api("checkin", body)); page.refresh(); break; }
    catch (e) {
      if (e.status) { page.show({ result: "rejected", reason: e.message }); break; }
      if (attempt === 2) {   // not refused: not sent. Kept, and sent again when the network returns.
        const list = queue(); list.push({ ...body, at: scannedAt }); saveQueue(list);
        page.show({ result: "queued", reason: page.t("checkin-page.not-sent") + " · " + masked(input) });
      }
    }
  }
  $("scan").value = ""; $("scan").focus();
};
$("scan").addEventListener("keydown", e => { if (e.key === "Enter") { e.preventDefault(); page.checkIn($("scan").value); } });
$("submit").onclick = () => page.checkIn($("scan").value);
document.addEventListener("click", e => {
  if (!["INPUT", "SELECT", "BUTTON", "A", "TEXTAREA"].includes(e.target.tagName) && !$("scan").closest(".hidden")) $("scan").focus();
});

// A photo of the badge, for phones whose browser gives this page no camera (plain http on the fair's
// Wi-Fi, iPhones without BarcodeDetector): the phone's own camera app takes it, the server reads it.
$("photo").onclick = () => $("photoFile").click();
$("photoFile").onchange = async () => {
  const file = $("photoFile").files[0]; if (!file) return;
  $("answer").className = ""; $("answer").textContent = page.t("checkin-page.reading");
  const query = "?gate=" + encodeURIComponent($("gate").value) + "&nonce=" + encodeURIComponent(nonce());
  try {
    const response = await fetch("/api/checkin/photo" + query, { method: "POST", body: file,
      headers: { "Authorization": "Bearer " + page.token, "Accept-Language": page.lang, "Content-Type": file.type || "image/jpeg" } });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) page.show({ result: "rejected", reason: (data.error && data.error.message) || response.statusText });
    else { page.show(data); page.refresh(); }
  } catch (e) { page.show({ result: "queued", reason: page.t("checkin-page.photo-not-sent") }); }
  $("photoFile").value = ""; $("scan").focus();
};

// The live camera (a secure context: `serve --tls`, or localhost): codes read in the browser where it
// can (BarcodeDetector), else a frame every 0.7 s is sent to the server, which reads it with zbar.
if (navigator.mediaDevices && window.isSecureContext) {
  $("camera").classList.remove("hidden");
  $("camera").onclick = async () => {
    const video = $("video");
    const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
    video.srcObject = stream; video.style.display = "block"; await video.play();
    const found = code => { stream.getTracks().forEach(track => track.stop()); video.style.display = "none"; page.checkIn(code); };
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
          headers: { "Authorization": "Bearer " + page.token, "Content-Type": "image/jpeg" } });
        const data = await response.json();
        if (data.code) { found(data.code); return; }
      } catch (e) {}
      setTimeout(frame, 700);
    };
    frame();
  };
}
