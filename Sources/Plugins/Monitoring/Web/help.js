// My help (a monitoring campaign): the people wanting work given to this helper, a tap to call each,
// and a button per result. Full numbers come only for one's own people.
const helpResults = [["contacted", "monitoring-page.contacted"], ["placed", "monitoring-page.placed"],
                     ["public-job", "monitoring-page.public-job"], ["trained", "monitoring-page.trained"],
                     ["declined", "monitoring-page.declined"], ["unreachable", "monitoring-page.unreachable"]];

async function recordHelp(p, result, key) {
  try { const r = await page.api("monitoring/help/record", { person: p.person, result });
        page.show({ result: "accepted", title: page.t("monitoring-page.recorded"), name: r.name, reason: page.t(key) });
        loadHelp(); }
  catch (e) { page.show({ result: "rejected", reason: e.message }); }
}

async function loadHelp() {
  let people = [];
  try { people = await page.api("monitoring/help"); } catch (e) { return; }
  $("myHelp").classList.toggle("hidden", !people.length);
  const list = $("helpList"); list.innerHTML = "";
  for (const p of people) {
    const row = document.createElement("div"); row.className = "candidate helpee"; row.dataset.person = p.person;
    const tel = document.createElement("a"); tel.href = "tel:" + p.phone; tel.textContent = p.name + " " + p.phone;
    row.appendChild(tel);
    row.append(" · " + p.township + p.village + (p.reason ? " · " + page.t("monitoring-page.reason") + "：" + p.reason : ""));
    const actions = document.createElement("div"); actions.className = "actions";
    for (const [result, key] of helpResults) {
      const b = document.createElement("button"); b.type = "button"; b.className = "secondary"; b.textContent = page.t(key);
      b.dataset.result = result; b.onclick = () => recordHelp(p, result, key);
      actions.appendChild(b);
    }
    row.appendChild(actions); list.appendChild(row);
  }
}
page.onSignIn(loadHelp);
