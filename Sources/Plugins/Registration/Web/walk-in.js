// The desk registers someone who did not sign up and, while the gate is open and takes walk-ins,
// checks them in in the same act.
$("register").onclick = async () => {
  try {
    const r = await page.api("register", { name: $("wName").value, id_number: $("wId").value, phone: $("wPhone").value || null,
                                           township: $("wTownship").value || null, village: $("wVillage").value || null,
                                           groups: $("wGroups").value || null,
                                           gate: (page.gate ? page.gate() : "") || null });
    ["wName", "wId", "wPhone", "wTownship", "wVillage", "wGroups"].forEach(id => $(id).value = "");
    page.show({ result: r.checked_in ? "accepted" : "repeat", name: r.name, id_number: r.id_number, groups: r.groups,
                reason: r.code + " — " + r.attendance });
    page.refresh();
  } catch (e) { page.show({ result: "rejected", reason: e.message }); }
};
