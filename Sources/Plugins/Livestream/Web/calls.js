// My calls (a livestream campaign): the leads given to this staff member, a tap to call each, and a
// button per outcome. Full numbers come only for one's own calls.
const outcomes = [["reached", "livestream-page.reached"], ["not-reached", "livestream-page.not-reached"],
                  ["wrong-number", "livestream-page.wrong-number"], ["not-interested", "livestream-page.not-interested"],
                  ["booked", "livestream-page.book"]];
// Booking an interview asks for what the ledger needs when the sign-up lacks it: the ID number of a
// lead known by phone only, and the posting when the sign-up names none the stream offers.
let postings = null;
async function bookingForm(c, row) {
  const open = row.querySelector(".booking");
  if (open) { open.remove(); return; }
  if (postings === null) { try { postings = await page.api("postings"); } catch (e) { postings = []; } }
  const form = document.createElement("div"); form.className = "booking";
  const idLabel = document.createElement("label"); idLabel.textContent = page.t("livestream-page.id-number");
  const id = document.createElement("input"); id.autocomplete = "off"; id.className = "bookId"; idLabel.appendChild(id);
  const postingLabel = document.createElement("label"); postingLabel.textContent = page.t("livestream-page.posting");
  const posting = document.createElement("select"); posting.className = "bookPosting";
  const asSigned = document.createElement("option"); asSigned.value = ""; asSigned.textContent = page.t("livestream-page.as-signed-up");
  posting.appendChild(asSigned);
  for (const p of postings) {
    const o = document.createElement("option"); o.value = p.code; o.textContent = p.code + " " + p.title + "（" + p.enterprise + "）";
    posting.appendChild(o);
  }
  postingLabel.appendChild(posting);
  const confirm = document.createElement("button"); confirm.type = "button"; confirm.className = "bookConfirm";
  confirm.textContent = page.t("livestream-page.confirm-booking");
  confirm.onclick = () => record(c, "booked", "livestream-page.book", { id_number: id.value.trim() || null, posting: posting.value || null });
  form.append(idLabel, postingLabel, confirm);
  row.appendChild(form);
}

async function record(c, status, key, more) {
  try { const r = await page.api("livestream/calls/record", Object.assign({ call: c.call, status }, more || {}));
        page.show({ result: "accepted", title: page.t("livestream-page.recorded"), name: r.lead, reason: page.t(key) + (r.outcome ? " — " + r.outcome : "") });
        loadCalls(); }
  catch (e) { page.show({ result: "rejected", reason: e.message }); }
}

async function loadCalls() {
  let calls = [];
  try { calls = await page.api("livestream/calls"); } catch (e) { return; }
  $("myCalls").classList.toggle("hidden", !calls.length);
  const list = $("callList"); list.innerHTML = "";
  for (const c of calls) {
    const row = document.createElement("div"); row.className = "candidate call"; row.dataset.call = c.call;
    const tel = document.createElement("a"); tel.href = "tel:" + c.phone; tel.textContent = c.name + " " + c.phone;
    row.appendChild(tel);
    row.append(" · " + c.platforms + " · " + c.posting + (c.attempt > 1 ? " · #" + c.attempt : ""));
    const actions = document.createElement("div"); actions.className = "actions";
    for (const [status, key] of outcomes) {
      const b = document.createElement("button"); b.className = "secondary"; b.textContent = page.t(key);
      b.dataset.status = status;
      b.onclick = () => status === "booked" ? bookingForm(c, row) : record(c, status, key);
      actions.appendChild(b);
    }
    row.appendChild(actions);
    list.appendChild(row);
  }
}
page.onSignIn(loadCalls);
