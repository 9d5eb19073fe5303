// The staff page's own script: the reader's language, sign-in, the API, the answer box. Each plugin's
// panel script runs after it with `page` in scope and adds its part through the hooks below.
const $ = id => document.getElementById(id);
const page = {
  // Chinese unless the reader chose English on this device (the switch remembers it): the people at
  // the gates read Chinese whatever language their phone's browser was set to.
  lang: localStorage.getItem("lang") === "en" ? "en" : "zh",
  token: localStorage.getItem("token") || "",
  me: null,
  signedIn: [], refreshers: [], languageChanged: [],
  link: new URLSearchParams(location.hash.slice(1)),

  /// A word of the catalogue in the reader's language (`page.t("checkin-page.scan")`).
  t(key) { const entry = WORDS[key]; return entry ? entry[page.lang] : key; },
  /// Runs `fn(me)` once signed in, `fn()` every few seconds and after each scan, `fn()` when the language changes.
  onSignIn(fn) { page.signedIn.push(fn); },
  onRefresh(fn) { page.refreshers.push(fn); },
  onLanguage(fn) { page.languageChanged.push(fn); },
  refresh() { for (const fn of page.refreshers) { try { fn(); } catch (e) {} } },

  applyLanguage() {
    document.documentElement.lang = page.lang;
    document.querySelectorAll("[data-t]").forEach(el => el.textContent = page.t(el.dataset.t));
    // A field named only by its placeholder is named to screen readers by it too.
    document.querySelectorAll("[data-ph]").forEach(el => { el.placeholder = page.t(el.dataset.ph); el.setAttribute("aria-label", el.placeholder); });
    $("lang").textContent = page.lang === "zh" ? "EN" : "中文";
    document.title = page.t("page.title");
    for (const fn of page.languageChanged) fn();
  },

  async api(path, body) {
    const response = await fetch("/api/" + path, {
      method: body ? "POST" : "GET",
      headers: Object.assign({ "Authorization": "Bearer " + page.token, "Accept-Language": page.lang },
                             body ? { "Content-Type": "application/json" } : {}),
      body: body ? JSON.stringify(body) : undefined });
    const data = await response.json().catch(() => ({}));
    const error = data.error || {};
    // A known code is worded from the catalogue, in the staff's language; others show the server's message.
    const known = error.code && "page.error." + error.code.replace(/_/g, "-");
    if (!response.ok) throw Object.assign(new Error((known && WORDS[known] && page.t(known)) || error.message || response.statusText),
                                          { status: response.status });
    return data;
  },

  // Every answer is numbered (its title is the result's word unless the panel gives one), so two greens in a row are told apart, and heard and felt: a tone and a
  // vibration per colour (green one short, amber two, red one long, grey a soft one).
  answered: 0,
  show(answer, late) {
    const box = $("answer");
    box.className = answer.result;
    page.answered += 1;
    const who = [answer.name, answer.id_number].filter(Boolean).join(" ");
    const groups = answer.groups && answer.groups.length ? " [" + answer.groups.join("、") + "]" : "";
    box.innerHTML = "";
    box.appendChild(document.createTextNode("#" + page.answered + " " + (late ? page.t("page.late") + " " : "")
                                            + (answer.title || page.t("page.result." + answer.result)) + (who ? " — " + who + groups : "")));
    const small = document.createElement("small"); small.textContent = answer["reason_" + page.lang] || answer.reason;
    box.appendChild(small);
    page.signal(answer.result);
  },
  audio: null,
  signal(result) {
    try {
      const pattern = { accepted: [80], repeat: [80, 60, 80], rejected: [400], queued: [30, 40, 30] }[result];
      if (navigator.vibrate && pattern) navigator.vibrate(pattern);
      const Context = window.AudioContext || window.webkitAudioContext;
      if (!Context) return;
      page.audio = page.audio || new Context();
      const tones = { accepted: [[880, .12]], repeat: [[660, .1], [660, .1]], rejected: [[220, .45]], queued: [[440, .08]] }[result] || [];
      let at = page.audio.currentTime;
      for (const [frequency, length] of tones) {
        const tone = page.audio.createOscillator(), volume = page.audio.createGain();
        tone.frequency.value = frequency; volume.gain.value = 0.2; tone.connect(volume); volume.connect(page.audio.destination);
        tone.start(at); tone.stop(at + length); at += length + .06;
      }
    } catch (e) {}
  },

  async signIn() {
    page.token = $("token").value.trim() || page.token;
    try {
      const me = await page.api("me");
      page.me = me;
      localStorage.setItem("token", page.token);
      $("who").textContent = [me.name, me.enterprise, me.campaign].filter(Boolean).join(" · ");
      // Only the panels for this kind of campaign: no gate widgets on a livestream's page.
      document.querySelectorAll(".panel").forEach(panel => {
        const kinds = panel.dataset.kinds.split(" ").filter(Boolean);
        panel.classList.toggle("hidden", kinds.length > 0 && me.kind !== "other" && !kinds.includes(me.kind));
      });
      $("signin").classList.add("hidden"); $("app").classList.remove("hidden");
      for (const fn of page.signedIn) await fn(me);
      page.refresh(); setInterval(page.refresh, 3000);
    } catch (e) {
      $("signinError").textContent = page.t("page.bad-token") + ": " + e.message; $("signinError").classList.remove("hidden");
    }
  },

  start() {
    $("signinButton").onclick = page.signIn;
    $("token").addEventListener("keydown", e => { if (e.key === "Enter") page.signIn(); });
    $("lang").onclick = () => {
      page.lang = page.lang === "zh" ? "en" : "zh"; localStorage.setItem("lang", page.lang); page.applyLanguage(); page.refresh();
    };
    // A sign-in link (the QR code `campaign staff add` prints) carries #token=…; the panels read the rest.
    if (page.link.get("token")) page.token = page.link.get("token");
    if (page.link.get("lang") === "en" || page.link.get("lang") === "zh") page.lang = page.link.get("lang");
    history.replaceState(null, "", location.pathname);
    page.applyLanguage();
    if (page.token) page.signIn();
  },
};
