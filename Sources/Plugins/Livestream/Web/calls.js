// My calls (a livestream campaign): the leads given to this staff member, a tap to call each, and a
// button per outcome. Full numbers come only for one's own calls.
const outcomes = [["reached", "livestream-page.reached"], ["not-reached", "livestream-page.not-reached"],
                  ["wrong-number", "livestream-page.wrong-number"], ["not-interested", "livestream-page.not-interested"],
                  ["booked", "livestream-page.book"]];
async function loadCalls() {
  let calls = [];
  try { calls = await page.api("livestream/calls"); } catch (e) { return; }
  $("myCalls").classList.toggle("hidden", !calls.length);
  const list = $("callList"); list.innerHTML = "";
  for (const c of calls) {
    const row = document.createElement("div"); row.className = "candidate call";
    const tel = document.createElement("a"); tel.href = "tel:" + c.phone; tel.textContent = c.name + " " + c.phone;
    row.appendChild(tel);
    row.append(" · " + c.platforms + " · " + c.posting + (c.attempt > 1 ? " · #" + c.attempt : ""));
    const actions = document.createElement("div"); actions.className = "actions";
    for (const [status, key] of outcomes) {
      const b = document.createElement("button"); b.className = "secondary"; b.textContent = page.t(key);
      b.onclick = async () => {
        try { const r = await page.api("livestream/calls/record", { call: c.call, status });
              page.show({ result: "accepted", name: r.lead, reason: page.t(key) + (r.outcome ? " — " + r.outcome : "") }); }
        catch (e) { page.show({ result: "rejected", reason: e.message }); }
        loadCalls();
      };
      actions.appendChild(b);
    }
    row.appendChild(actions);
    list.appendChild(row);
  }
}
page.onSignIn(loadCalls);
