import PluginKit

/// The page a phone opens once, over plain http, to trust this laptop's certificate authority before
/// it uses the check-in page over https: the steps for Android and for iOS, in Chinese and English
/// (`Web/trust-page.html.mustache`).
enum TrustPage {
    static let template = PageTemplate("trust-page", PackageResources.trust_page_html_mustache)

    static func html(secureAddress: String) -> String {
        template.render(["secureAddress": secureAddress])
    }
}
