/// The two languages PayPage speaks, with their Canadian locales.
package enum Language: String, Sendable, Hashable, Codable, CaseIterable {
    case fr
    case en

    /// Accepts "fr", "FR", "fr-CA", "en_CA".
    package init(code: String) throws(BillingError) {
        let base = code.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
        guard let language = Language(rawValue: base) else { throw .invalidLanguage(code) }
        self = language
    }

    package var localeIdentifier: String { self == .fr ? "fr_CA" : "en_CA" }

    package var other: Language { self == .fr ? .en : .fr }
}
