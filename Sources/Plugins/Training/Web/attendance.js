// Class attendance (a training campaign): the open session's class list; a tap marks a trainee
// present, or a badge, ID or phone number typed does. Trainees already present are shown as such.
async function markTrainee(body) {
  try {
    const r = await page.api("training/attend", body);
    page.show({ result: r.result, title: page.t(r.result === "repeat" ? "training-page.already" : "training-page.present"),
                name: r.name, reason: page.t("training-page.session") + " " + r.session + " · " + r.present });
    loadRoster();
  } catch (e) { page.show({ result: "rejected", reason: e.message }); }
}

async function loadRoster() {
  let roster = null;
  try { roster = await page.api("training/roster"); } catch (e) { $("classAttendance").classList.add("hidden"); return; }
  $("classAttendance").classList.remove("hidden");
  $("sessionTitle").textContent = roster.class + " " + roster.trade + " · " + page.t("training-page.session") + " "
    + roster.session + "/" + roster.sessions + " · " + page.t("training-page.present-count") + " " + roster.present + "/" + roster.trainees.length;
  const list = $("trainees"); list.innerHTML = "";
  for (const t of roster.trainees) {
    const row = document.createElement("div"); row.className = "candidate trainee" + (t.present ? " present" : "");
    row.dataset.person = t.person;
    const who = document.createElement("span"); who.textContent = t.name + " " + t.id_number; row.appendChild(who);
    const b = document.createElement("button"); b.type = "button"; b.className = t.present ? "secondary" : "";
    b.textContent = page.t(t.present ? "training-page.present" : "training-page.mark"); b.disabled = t.present;
    b.onclick = () => markTrainee({ person: t.person });
    row.appendChild(b); list.appendChild(row);
  }
}
$("traineeMark").onclick = () => { const v = $("traineeInput").value.trim(); if (v) { $("traineeInput").value = ""; markTrainee({ input: v }); } };
$("traineeInput").addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); $("traineeMark").click(); } });
page.onSignIn(loadRoster);
page.onRefresh(loadRoster);
