import Foundation
import Mustache

/// Parses every template of a theme chain once and registers them in one `MustacheLibrary`.
///
/// Names: `templates/payment.mustache` → `payment`, `templates/staff/list.mustache` →
/// `staff/list`, `templates/partials/header.mustache` → `header` (so `{{> header}}` works).
/// Pages and partials share the library because layout inheritance (`{{< base}}`) is a partial
/// lookup too; a page and a partial with the same name would be ambiguous, so that is an error.
enum TemplateCompiler {
    struct Compiled: Sendable {
        var library = MustacheLibrary()
        var pages: Set<String> = []
        var partials: Set<String> = []
        /// Our faster engine, when it supports every template (see ``CompiledTemplates``).
        var engine: CompiledTemplates?
    }

    /// - Parameter files: relative path → (bytes, display path), already resolved child-first.
    static func compile(_ files: [String: (data: Data, displayPath: String)]) throws(ThemeError) -> Compiled {
        HTMLEscaping.register()
        var compiled = Compiled()
        var origin: [String: String] = [:]
        var sources: [String: String] = [:]
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
            guard let text = String(data: data, encoding: .utf8) else {
                throw ThemeError(.templateSyntax(problem: "not valid UTF-8"), file: displayPath)
            }
            let template: MustacheTemplate
            do {
                template = try MustacheTemplate(string: HTMLEscaping.pragma + text)
            } catch let error as MustacheTemplate.ParserError {
                // Lines counted in the file, without the pragma line.
                throw ThemeError(.templateSyntax(problem: describe(error.error)), file: displayPath,
                                 line: max(1, error.context.lineNumber - 1), column: column(of: error.context))
            } catch {
                throw ThemeError(.templateSyntax(problem: "\(error)"), file: displayPath)
            }
            compiled.library.register(template, named: name)
            sources[name] = HTMLEscaping.pragma + text
            if isPartial { compiled.partials.insert(name) } else { compiled.pages.insert(name) }
        }
        compiled.engine = CompiledTemplates(sources)
        return compiled
    }

    /// swift-mustache finds the start of the line by looking for a `"\n"` Character, which a
    /// CRLF grapheme is not, so in CRLF files its column counts from the start of the file;
    /// recount from the last newline before the error.
    static func column(of context: MustacheParserContext) -> Int {
        let before = context.line.prefix(max(context.columnNumber - 1, 0))
        guard let newline = before.lastIndex(where: \.isNewline) else { return context.columnNumber }
        return before.distance(from: newline, to: before.endIndex)
    }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "section closed with a different name than it was opened with"
        case .unfinishedName: return "unfinished tag (missing closing delimiter or bad name)"
        case .expectedSectionEnd: return "a section is never closed (reached the end of the file)"
        case .invalidSetDelimiter: return "invalid set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "transform applied to an inheritance section"
        case .illegalTokenInsideInheritSection: return "illegal tag inside an inheritance section"
        case .textInsideInheritSection: return "text inside an inheritance section"
        case .invalidConfigVariableSyntax: return "invalid configuration tag syntax"
        case .unrecognisedConfigVariable: return "unrecognised configuration tag"
        }
    }
}
