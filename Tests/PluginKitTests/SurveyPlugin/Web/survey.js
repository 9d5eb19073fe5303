// The survey's results so far, for the staff at the exit.
async function showResults() {
  try {
    const r = await page.api("survey");
    $("surveyResults").textContent = page.t("survey-page.answers").replace("{answers}", r.answers).replace("{average}", r.average);
  } catch (e) { $("surveyResults").textContent = e.message; }
}
page.onSignIn(showResults);
page.onRefresh(showResults);
