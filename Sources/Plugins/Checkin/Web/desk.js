// The live count of people checked in (by gate), and a look-up by the last digits of an ID number or
// phone for someone without their badge.
async function refreshCounts() {
  try {
    const c = await page.api("counts");
    const gates = Object.entries(c.by_gate).map(([g, n]) => (page.gateLabel ? page.gateLabel(g) : g) + " " + n).join(" · ");
    $("counts").innerHTML = "";
    $("counts").append(page.t("checkin-page.attended") + " ");
    const b = document.createElement("b"); b.id = "attended"; b.textContent = c.attended; $("counts").appendChild(b);
    $("counts").append(" " + page.t("checkin-page.people") + (gates ? " — " + gates : ""));
  } catch (e) {}
}
page.onRefresh(refreshCounts);

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
      row.append(pick, reprint); list.appendChild(row);
    }
  } catch (e) { list.textContent = e.message; }
};
