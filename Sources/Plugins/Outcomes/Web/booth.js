// The booth form, where enterprise staff record interviews, hiring intents and placements; its
// postings narrowed as they type a code (岗位编号), a title or an enterprise.
let allPostings = [];
function showPostings() {
  const wanted = ($("oFind").value || "").trim().toLowerCase();
  $("oPosting").innerHTML = "";
  for (const p of allPostings) {
    const text = p.code + " " + p.title + "（" + p.enterprise + "）";
    if (wanted && !text.toLowerCase().includes(wanted)) continue;
    const option = document.createElement("option"); option.value = p.code;
    option.textContent = text; $("oPosting").appendChild(option);
  }
}
page.onSignIn(async () => { try { allPostings = await page.api("postings"); showPostings(); } catch (e) {} });
$("oFind").addEventListener("input", showPostings);

const stageWords = { interview: "outcome-page.interview", intent: "outcome-page.intent", placement: "outcome-page.placement",
                     retained: "outcome-page.retained" };
const changeWords = { advanced: "outcome-page.advanced", unchanged: "outcome-page.unchanged", corrected: "outcome-page.corrected" };
$("oRecord").onclick = async () => {
  const box = $("oAnswer");
  try {
    const r = await page.api("outcomes", { person: $("oPerson").value.trim(), posting: $("oPosting").value,
                                           stage: $("oStage").value, note: $("oNote").value || null,
                                           not_attended: $("oNotAttended").checked });
    box.className = r.change === "advanced" ? "accepted" : "repeat";
    box.textContent = page.t(changeWords[r.change] || r.change) + " — " + r.name + " " + r.id_number + ": "
      + page.t(stageWords[r.to] || r.to) + " · " + r.posting + "（" + r.enterprise + "）";
    $("oPerson").value = ""; $("oNote").value = ""; $("oNotAttended").checked = false;
  } catch (e) { box.className = "rejected"; box.textContent = e.message; }
};
