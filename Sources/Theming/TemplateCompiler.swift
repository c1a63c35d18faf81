import Foundation
import Templating

/// Parses every template of a theme chain once into one ``TemplateLibrary``.
///
/// Names: `templates/payment.mustache` → `payment`, `templates/staff/list.mustache` →
/// `staff/list`, `templates/partials/header.mustache` → `header` (so `{{> header}}` works).
/// Pages and partials share the library because layout inheritance (`{{< base}}`) is a partial
/// lookup too; a page and a partial with the same name would be ambiguous, so that is an error.
enum TemplateCompiler {
    struct Compiled: Sendable {
        var library: TemplateLibrary
        var pages: Set<String> = []
        var partials: Set<String> = []
    }

    /// - Parameter files: relative path → (bytes, display path), already resolved child-first.
    static func compile(_ files: [String: (data: Data, displayPath: String)]) throws(ThemeError) -> Compiled {
        var templates: [String: Template] = [:]
        var pages: Set<String> = []
        var partials: Set<String> = []
        var origin: [String: String] = [:]
        for path in files.keys.sorted() {
            guard path.hasPrefix("templates/"), path.hasSuffix(".mustache") else { continue }
            let (data, displayPath) = files[path]!
            var name = String(path.dropFirst("templates/".count).dropLast(".mustache".count))
            let isPartial = name.hasPrefix("partials/")
            if isPartial { name.removeFirst("partials/".count) }
            if let other = origin[name] {
                throw ThemeError(.duplicateTemplateName(name: name), file: displayPath + " and " + other)
            }
            origin[name] = displayPath
            guard let text = String(data: data, encoding: .utf8) else { throw ThemeError(.templateNotUTF8, file: displayPath) }
            do {
                templates[name] = try Template(text)
            } catch {
                throw ThemeError(.templateSyntax(error.problem), file: displayPath, line: error.line, column: error.column)
            }
            if isPartial { partials.insert(name) } else { pages.insert(name) }
        }
        return Compiled(library: TemplateLibrary(templates), pages: pages, partials: partials)
    }
}
