/// The two languages PayPage speaks, with their Canadian locales.
public enum Language: String, Sendable, Hashable, Codable, CaseIterable {
    case fr
    case en

    /// Accepts "fr", "FR", "fr-CA", "en_CA".
    public init(code: String) throws(BillingError) {
        let base = code.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
        guard let language = Language(rawValue: base) else { throw .invalidLanguage(code) }
        self = language
    }

    public var localeIdentifier: String { self == .fr ? "fr_CA" : "en_CA" }

    public var other: Language { self == .fr ? .en : .fr }
}
