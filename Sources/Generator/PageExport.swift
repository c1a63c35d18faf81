import Billing
import Foundation
import Store
import Theming

/// One payment page or receipt of `public/p/`, with the typed context it is rendered from, so
/// the same site can be produced by another generator on equal work (`paypage bench --export-hugo`).
package struct ExportedPage: Sendable {
    /// Relative to `public/`: `p/<token>/index.html`, `p/<token>/fr/index.html`, `p/<token>/receipt/en/index.html`.
    package var path: String
    /// `payment` or `receipt`.
    package var template: String
    /// The page's context as JSON (sorted keys), exactly what the theme's template receives.
    package var context: Data
    /// The request's notes in Markdown (payment pages with notes), which the context holds rendered.
    package var notesMarkdown: String?
}

extension SiteBuilder {
    /// Every request page under `public/p/`, with its business's theme, in the order of the records.
    package func exportPages(_ each: (ExportedPage) throws -> Void) throws {
        let paths = WorkspacePaths(root: workspace)
        var models: [RequestModel] = []
        var stream = RequestStream(paths: paths, businesses: try RecordsReader(workspace: workspace).loadBusinesses(),
                                   ledger: try Ledger(fileURL: paths.ledger))
        try stream.forEachBatch { batch throws(GeneratorError) in models += batch }
        let loader = ThemeLoader(themesDirectory: WorkspacePaths(root: workspace).themes)
        var factories: [String: PageFactory] = [:]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for model in models {
            let name = model.business.theme
            if factories[name] == nil { factories[name] = PageFactory(theme: try loader.load(name)) }
            let factory = factories[name]!
            let folder = "p/\(model.token)"
            let notes = model.invoice.notes.flatMap { $0.isEmpty ? nil : $0 }
            let preferred = model.preferredLanguage
            try each(ExportedPage(path: "\(folder)/index.html", template: "payment",
                                  context: try encoder.encode(factory.paymentPage(model, language: preferred, place: .paymentNeutral)),
                                  notesMarkdown: notes))
            for lang in Language.allCases {
                try each(ExportedPage(path: "\(folder)/\(lang.rawValue)/index.html", template: "payment",
                                      context: try encoder.encode(factory.paymentPage(model, language: lang, place: .paymentLanguage)),
                                      notesMarkdown: notes))
            }
            guard model.hasReceipt else { continue }
            if let page = factory.receiptPage(model, language: preferred, place: .receiptNeutral) {
                try each(ExportedPage(path: "\(folder)/receipt/index.html", template: "receipt", context: try encoder.encode(page), notesMarkdown: nil))
            }
            for lang in Language.allCases {
                if let page = factory.receiptPage(model, language: lang, place: .receiptLanguage) {
                    try each(ExportedPage(path: "\(folder)/receipt/\(lang.rawValue)/index.html", template: "receipt",
                                          context: try encoder.encode(page), notesMarkdown: nil))
                }
            }
        }
    }
}
