import Billing
import Foundation
import StaffAccess
import Theming

/// The parts every console page shares: its frame (stylesheets, script) and the signed-in bar.
struct ConsoleViews {
    let text: ConsoleText
    let theme: Theme

    func asset(_ path: String) -> String { "/assets/\(theme.name)/\(theme.assetURLs[path] ?? path)" }

    func frame(title: String, bar: ConsoleView.Bar?) -> ConsoleView {
        ConsoleView(
            chrome: .init(lang: text.language.rawValue, title: "\(title) — PayPage",
                          stylesheets: [asset("css/app.css"), asset("css/theme.css"), asset("css/checkout.css"), asset("css/console.css")],
                          scripts: [asset("js/console.js")]),
            t: text.table, bar: bar)
    }

    static func bar(_ session: StaffSession, _ text: ConsoleText, returnTo: String) -> ConsoleView.Bar {
        let other: Language = text.language == .fr ? .en : .fr
        return ConsoleView.Bar(name: session.member.name, roleLabel: text.t("console_role_\(session.member.role.rawValue)"),
                               csrf: session.csrfToken, otherLanguage: other.rawValue,
                               otherLanguageLabel: other == .fr ? "Français" : "English", returnTo: returnTo)
    }
}
