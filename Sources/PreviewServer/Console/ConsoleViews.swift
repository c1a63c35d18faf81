import Billing
import Foundation
import PageModels
import StaffAccess
import Theming

/// The parts every console page shares: its frame (stylesheets, script) and the signed-in bar.
struct ConsoleViews {
    let text: ConsoleText
    let theme: Theme

    func asset(_ path: String) -> String { theme.assetAddress(path) }

    func frame(title: String, bar: ConsoleView.Bar?) -> ConsoleView {
        ConsoleView(
            chrome: Chrome(lang: text.language.rawValue, title: "\(title) — PayPage",
                           stylesheets: ["css/app.css", "css/theme.css", "css/checkout.css", "css/console.css"],
                           scripts: ["js/console.js", "js/console-live.js"], bodyClass: "page-console", asset: asset),
            t: text.table, bar: bar)
    }

    static func bar(_ session: StaffSession, _ text: ConsoleText, returnTo: String) -> ConsoleView.Bar {
        let other: Language = text.language == .fr ? .en : .fr
        return ConsoleView.Bar(name: session.member.name, roleLabel: text.t("console_role_\(session.member.role.rawValue)"),
                               csrf: session.csrfToken, otherLanguage: other.rawValue,
                               otherLanguageLabel: other == .fr ? "Français" : "English", returnTo: returnTo,
                               isOwner: session.member.isOwner)
    }
}
