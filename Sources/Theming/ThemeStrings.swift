import Foundation

/// String tables (`strings/<language>.json`, flat key → string), merged child over parent and
/// checked so that every language has every key.
enum ThemeStrings {
    /// - Parameter chain: most-derived theme first.
    static func merge(_ chain: [ThemeFolder], requiredLanguages: [String]) throws(ThemeError) -> [String: [String: String]] {
        var merged: [String: [String: String]] = [:]
        // Where each key was last defined, so a missing translation is reported in the theme
        // that introduced or overrode the key: that is where it must be added.
        var owner: [String: ThemeFolder] = [:]
        for folder in chain.reversed() {
            for path in folder.files.keys.sorted() {
                guard let language = languageCode(path) else { continue }
                let table = try parse(folder.files[path]!, file: folder.displayPath(path))
                merged[language, default: [:]].merge(table) { _, child in child }
                for key in table.keys { owner[key] = folder }
            }
        }
        let mostDerived = chain[0]
        for language in requiredLanguages where merged[language] == nil {
            throw ThemeError(.invalidStrings(problem: "missing strings file (required for every theme chain)"),
                             file: mostDerived.displayPath("strings/\(language).json"))
        }
        let languages = merged.keys.sorted()
        for key in owner.keys.sorted() {
            let present = languages.filter { merged[$0]?[key] != nil }
            guard let missing = languages.first(where: { merged[$0]?[key] == nil }), let found = present.first else { continue }
            let folder = owner[key] ?? mostDerived
            throw ThemeError(.missingStringKey(key: key, presentIn: "\(found).json"),
                             file: folder.displayPath("strings/\(missing).json"))
        }
        return merged
    }

    /// `strings/fr.json` → `fr`; nested folders are not string tables.
    private static func languageCode(_ path: String) -> String? {
        let parts = path.split(separator: "/")
        guard parts.count == 2, parts[0] == "strings", parts[1].hasSuffix(".json") else { return nil }
        let code = parts[1].dropLast(".json".count)
        return code.isEmpty ? nil : String(code)
    }

    static func parse(_ data: Data, file: String) throws(ThemeError) -> [String: String] {
        func fail(_ problem: String) -> ThemeError { ThemeError(.invalidStrings(problem: problem), file: file) }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw fail("invalid JSON")
        }
        guard let dictionary = object as? [String: Any] else { throw fail("expected a JSON object of strings") }
        var table: [String: String] = [:]
        for key in dictionary.keys.sorted() {
            // JSONSerialization bridges numbers and booleans to NSNumber, never to String.
            guard let value = dictionary[key] as? String else {
                throw fail("value of \"\(key)\" is not a string")
            }
            table[key] = value
        }
        return table
    }
}
