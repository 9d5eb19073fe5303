// Bus-door mode (a bus campaign): pick the bus, its plate becomes the gate, and the seats show who
// has passed this checkpoint and who is still missing.
if (page.link.get("bus")) localStorage.setItem("bus", page.link.get("bus"));
let buses = [];
// One serve answers the four doors: the page picks the one this phone scans at.
const doors = ["leave-home", "board", "alight", "enter-factory"];
const doorQuery = () => "checkpoint=" + encodeURIComponent(page.checkpoint ? page.checkpoint() : "");
function pickDoors(me) {
  const open = doors.filter(c => (me.checkpoints || []).includes(c));
  $("doorPick").classList.toggle("hidden", open.length < 2);
  $("door").innerHTML = "";
  for (const c of open) {
    const o = document.createElement("option"); o.value = c; o.textContent = page.t("transport-page.door." + c); $("door").appendChild(o);
  }
  const saved = page.link.get("checkpoint") || localStorage.getItem("door");
  $("door").value = open.includes(saved) ? saved : (open.includes(me.checkpoint) ? me.checkpoint : open[0] || "");
  page.checkpointChoice = $("door").value || null;
}
$("door").onchange = () => { page.checkpointChoice = $("door").value; localStorage.setItem("door", $("door").value); loadBuses(); };
page.onSignIn(async me => { pickDoors(me); await loadBuses(); });
async function loadBuses() {
  try { buses = await page.api("transport/buses?" + doorQuery()); } catch (e) { buses = []; }
  if (!buses.length) return;
  $("busDoor").classList.remove("hidden");
  $("bus").innerHTML = "";
  const none = document.createElement("option"); none.value = ""; none.textContent = page.t("transport-page.pick-bus");
  $("bus").appendChild(none);
  buses.forEach((b, i) => {
    const o = document.createElement("option"); o.value = String(i);
    o.textContent = b.title + " · " + b.day + " → " + b.destination + " (" + b.passed + "/" + b.seated + ")"; $("bus").appendChild(o);
  });
  // An escort's account rides with one bus: it is chosen, and stays chosen.
  const plain = plate => plate.toUpperCase().replace(/[^0-9A-Z\u4e00-\u9fff]/g, "");
  const own = page.me && page.me.vehicle ? buses.findIndex(b => plain(b.plate) === plain(page.me.vehicle)) : -1;
  const wanted = localStorage.getItem("bus") || "";
  const index = own >= 0 ? own : buses.findIndex(b => b.plate + "@" + b.day === wanted || b.plate === wanted);
  if (index >= 0) { $("bus").value = String(index); pickBus(); }
  $("bus").disabled = own >= 0;
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
    const bus = await page.api("transport/bus?plate=" + encodeURIComponent(b.plate) + "&day=" + encodeURIComponent(b.day) + "&" + doorQuery());
    const missing = bus.seats.filter(s => !s.passed);
    $("seats").innerHTML = "";
    const head = document.createElement("p"); head.id = "busCount";
    head.textContent = (bus.seats.length - missing.length) + " / " + bus.seats.length + " " + page.t("transport-page.passed-here")
      + (missing.length ? " — " + page.t("transport-page.missing-seats") + " " + missing.map(s => s.seat).join(", ") : "");
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
page.onRefresh(refreshSeats);
