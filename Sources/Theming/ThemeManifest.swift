import Foundation

/// Paper size for printed receipts (`@page`).
package enum PaperSize: String, Sendable, Equatable, CaseIterable {
    case letter
    case a4
}

/// The parsed `theme.json` of one theme folder (not merged with its parents).
struct ThemeManifest: Sendable, Equatable {
    var displayName: String
    var extends: String?
    var paper: PaperSize?
    var description: String?

    private static let knownKeys: Set<String> = ["name", "extends", "paper", "description"]

    /// Parses by hand rather than with `Codable` so that a misspelt key (`"extend"`) is an error
    /// instead of a silently ignored inheritance.
    static func parse(_ data: Data, file: String) throws(ThemeError) -> ThemeManifest {
        func fail(_ problem: String) -> ThemeError { ThemeError(.invalidManifest(problem: problem), file: file) }
        let object: [String: Any]
        do {
            guard let parsed = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw fail("expected a JSON object")
            }
            object = parsed
        } catch let error as ThemeError {
            throw error
        } catch {
            throw fail("invalid JSON")
        }
        if let unknown = object.keys.filter({ !knownKeys.contains($0) }).sorted().first {
            throw fail("unknown key \"\(unknown)\" (expected name, extends, paper, description)")
        }
        func string(_ key: String) throws(ThemeError) -> String? {
            guard let value = object[key] else { return nil }
            guard let text = value as? String else { throw fail("\"\(key)\" must be a string") }
            return text
        }
        guard let name = try string("name"), !name.isEmpty else { throw fail("\"name\" is required") }
        var paper: PaperSize?
        if let raw = try string("paper") {
            guard let size = PaperSize(rawValue: raw) else {
                throw fail("\"paper\" must be \"letter\" or \"a4\", not \"\(raw)\"")
            }
            paper = size
        }
        return ThemeManifest(displayName: name, extends: try string("extends"), paper: paper,
                             description: try string("description"))
    }
}
