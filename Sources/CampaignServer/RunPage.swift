/// The run page (`/runs`) for organizers and managers: every campaign, one run's step graph as SVG
/// coloured by state, what each waiting step waits for with a button to signal it (organizers),
/// and the history — refreshed every two seconds. One self-contained page (`Web/run-page.html`): no
/// files to install, no outside requests. A sign-in link may carry `#token=…&campaign=…`.
enum RunPage {
    static let html = String(decoding: PackageResources.run_page_html, as: UTF8.self)
}
