import Billing

/// A theme's string table for one language, with `{name}` placeholders filled in Swift (the
/// result is still escaped by the template). A missing key shows as `⟦key⟧`, which the
/// tests look for, rather than as an empty hole or as the bare key.
public struct Strings: Sendable {
    public let table: [String: String]
    public let language: Language

    public init(table: [String: String], language: Language) {
        self.table = table
        self.language = language
    }

    public subscript(_ key: String) -> String { table[key] ?? "⟦\(key)⟧" }

    public func callAsFunction(_ key: String, _ values: [String: String] = [:]) -> String {
        fill(self[key], values)
    }

    /// The text of a key the theme may leave out (the caller then has its own words).
    public func optional(_ key: String, _ values: [String: String] = [:]) -> String? {
        table[key].map { fill($0, values) }
    }

    private func fill(_ text: String, _ values: [String: String]) -> String {
        var text = text
        for (name, value) in values { text = text.replacingAll("{\(name)}", with: value) }
        return text
    }
}

/// Strings for a bilingual receipt: every label reads "French / English".
extension Strings {
    public static func bilingual(_ fr: Strings, _ en: Strings) -> Strings {
        var merged: [String: String] = [:]
        for (key, value) in fr.table {
            guard let english = en.table[key], english != value else {
                merged[key] = value
                continue
            }
            // "Numéros :" + "Numbers:" → "Numéros / Numbers:" (one colon, at the end).
            if value.hasSuffix("\u{00A0}:"), english.hasSuffix(":") {
                merged[key] = "\(value.dropLast(2)) / \(english)"
            } else {
                merged[key] = "\(value) / \(english)"
            }
        }
        return Strings(table: merged, language: .fr)
    }
}
