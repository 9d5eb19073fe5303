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
      row.appendChild(pick); list.appendChild(row);
    }
  } catch (e) { list.textContent = e.message; }
};
