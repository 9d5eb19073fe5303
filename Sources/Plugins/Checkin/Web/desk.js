// The live count of people checked in (by gate), and a look-up by the last digits of an ID number or
// phone for someone without their badge.
async function refreshCounts() {
  try {
    const c = await page.api("counts" + (page.checkpoint && page.checkpoint() ? "?checkpoint=" + encodeURIComponent(page.checkpoint()) : ""));
    const gates = Object.entries(c.by_gate).map(([g, n]) => (page.gateLabel ? page.gateLabel(g) : g) + " " + n).join(" · ");
    $("counts").innerHTML = "";
    $("counts").append(page.t("checkin-page.attended") + " ");
    const b = document.createElement("b"); b.id = "attended"; b.textContent = c.attended; $("counts").appendChild(b);
    $("counts").append(" " + page.t("checkin-page.people") + (gates ? " — " + gates : ""));
  } catch (e) {}
}
page.onRefresh(refreshCounts);

function correctionForm(c, row) {
  const open = row.querySelector(".correction");
  if (open) { open.remove(); return; }
  const form = document.createElement("div"); form.className = "correction";
  const field = (key, name, mode) => {
    const label = document.createElement("label"); label.textContent = page.t(key);
    const input = document.createElement("input"); input.name = name; if (mode) input.inputMode = mode;
    label.appendChild(input); form.appendChild(label); return input;
  };
  const phone = field("checkin-page.new-phone", "phone", "tel"), township = field("checkin-page.new-township", "township"),
        village = field("checkin-page.new-village", "village");
  const save = document.createElement("button"); save.type = "button"; save.className = "saveCorrection";
  save.textContent = page.t("checkin-page.save");
  save.onclick = async () => {
    try {
      const r = await page.api("people/correct", { code: c.code, phone: phone.value || null, township: township.value || null,
                                                   village: village.value || null });
      page.show({ result: r.changed.length ? "accepted" : "repeat", title: page.t("checkin-page.corrected"), name: r.name,
                  reason: r.changed.join("; ") || page.t("checkin-page.nothing-changed") });
      form.remove();
    } catch (e) { page.show({ result: "rejected", reason: e.message }); }
  };
  form.appendChild(save);
  row.appendChild(form);
}

$("lookupButton").onclick = async () => {
  const list = $("candidates"); list.textContent = "";
  try {
    const found = await page.api("lookup?q=" + encodeURIComponent($("last4").value));
    if (!found.length) list.textContent = page.t("checkin-page.none");
    for (const c of found) {
      const row = document.createElement("div"); row.className = "candidate";
      row.textContent = c.name + " " + c.id_number + " " + c.phone;
      const pick = document.createElement("button"); pick.textContent = page.t("checkin-page.pick");
      pick.onclick = () => page.checkIn(c.code);
      // A lost badge printed again: the badge page opens in a window of its own, ready to print.
      const reprint = document.createElement("button"); reprint.className = "secondary reprint";
      reprint.textContent = page.t("checkin-page.reprint");
      reprint.onclick = async () => {
        try {
          const response = await fetch("/api/badge?code=" + encodeURIComponent(c.code),
                                       { headers: { "Authorization": "Bearer " + page.token, "Accept-Language": page.lang } });
          if (!response.ok) throw new Error(((await response.json().catch(() => ({}))).error || {}).message || response.statusText);
          const sheet = window.open("", "_blank");
          sheet.document.write(await response.text()); sheet.document.close(); sheet.focus(); sheet.print();
        } catch (e) { page.show({ result: "rejected", reason: e.message }); }
      };
      row.append(pick, reprint);
      // Managers correct a phone or a township typed wrong at sign-up (kept in the audit log).
      if (page.me && ["manager", "organizer"].includes(page.me.role)) {
        const fix = document.createElement("button"); fix.className = "secondary correct"; fix.textContent = page.t("checkin-page.correct");
        fix.onclick = () => correctionForm(c, row);
        row.appendChild(fix);
      }
      list.appendChild(row);
    }
  } catch (e) { list.textContent = e.message; }
};
