import Billing
import Foundation
@testable import Generator
import Testing

/// Every visible string comes from the theme's tables: a French page holds no English text
/// from the English table, and the reverse (bilingual Quebec receipts excepted).
struct LanguageTests {
    /// A language's own name is the language switch's label on every page, so never a leak.
    static let ownNames: Set<String> = ["Français", "English"]

    /// Text fragments of a table that only that language uses (placeholders cut out).
    static func fragments(_ own: [String: String], other: [String: String]) -> [String] {
        var result: [String] = []
        for (key, value) in own where other[key] != value {
            let pieces = value.split(separator: "{").flatMap { $0.split(separator: "}") }
            for piece in pieces {
                let text = piece.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
                // Short fragments ("Text", "Page") may be words of both languages.
                if text.count >= 8, !ownNames.contains(text), !other.values.contains(where: { $0.contains(text) }) { result.append(text) }
            }
        }
        return result
    }

    static func visibleText(_ html: String) -> String {
        html.replacingOccurrences(of: #"<[^>]+>"#, with: " ", options: .regularExpression)
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test(arguments: ["default", "harbour"])
    func noWordOfTheOtherLanguage(themeName: String) throws {
        let factory = PageFactory(theme: try Fixtures.theme(themeName))
        let fr = factory.theme.strings(for: "fr")!, en = factory.theme.strings(for: "en")!
        let english = Self.fragments(en, other: fr), french = Self.fragments(fr, other: en)
        #expect(english.count > 20 && french.count > 20)
        let ontario = Fixtures.business(province: "ON")
        for state in Fixtures.State.allCases {
            for var invoice in [Fixtures.quickInvoice(), Fixtures.itemizedInvoice()] {
                invoice.notes = nil // record text is the business's, in whatever language it wrote
                let model = Fixtures.model(invoice, state: state, business: ontario)
                for (language, foreign) in [(Language.fr, english), (.en, french)] {
                    var pages = [try factory.theme.render("payment", factory.paymentPage(model, language: language, place: .paymentLanguage))]
                    if let receipt = factory.receiptPage(model, language: language, place: .receiptLanguage) {
                        pages.append(try factory.theme.render("receipt", receipt))
                    }
                    for page in pages {
                        let text = Self.visibleText(page)
                        let leaks = foreign.filter { text.contains($0) }
                        #expect(leaks.isEmpty, "\(language) page, \(state): \(leaks)")
                        #expect(!page.contains("⟦"), "missing string key on a \(language) page")
                    }
                }
            }
        }
    }
}
