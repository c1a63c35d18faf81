import Templating

/// An error in a theme, located at the file (relative to the workspace, e.g.
/// `Themes/harbour/templates/payment.mustache`) and, when known, line and column.
///
/// `description` is the compiler-style `file:line:column: problem` that the CLI prints.
public struct ThemeError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case themeNotFound(name: String)
        case invalidThemeName(name: String)
        case invalidManifest(problem: String)
        case unknownParent(parent: String)
        case inheritanceCycle(chain: [String])
        case templateSyntax(TemplateSyntaxError.Problem)
        case templateNotUTF8
        /// Partials nested without end (a partial that includes itself whatever the data).
        case partialsTooDeep(partial: String)
        case duplicateTemplateName(name: String)
        case templateNotFound(name: String)
        case invalidStrings(problem: String)
        case missingStringKey(key: String, presentIn: String)
        case unreadableFile(problem: String)
    }

    public let kind: Kind
    public let file: String
    public let line: Int?
    public let column: Int?

    public init(_ kind: Kind, file: String, line: Int? = nil, column: Int? = nil) {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
    }

    public var problem: String {
        switch kind {
        case .themeNotFound(let name): "no theme named \"\(name)\" (no such folder)"
        case .invalidThemeName(let name): "\"\(name)\" is not a valid theme name (use letters, digits, - and _)"
        case .invalidManifest(let problem): problem
        case .unknownParent(let parent): "extends unknown theme \"\(parent)\""
        case .inheritanceCycle(let chain): "inheritance cycle: \(chain.joined(separator: " -> "))"
        case .templateSyntax(let problem): problem.description
        case .templateNotUTF8: "not valid UTF-8"
        case .partialsTooDeep(let partial): "partial \"\(partial)\" is nested too deeply (does it include itself?)"
        case .duplicateTemplateName(let name):
            "template name \"\(name)\" is used both by a template and by a partial"
        case .templateNotFound(let name): "no template named \"\(name)\""
        case .invalidStrings(let problem): problem
        case .missingStringKey(let key, let presentIn): "missing key \"\(key)\" (present in \(presentIn))"
        case .unreadableFile(let problem): problem
        }
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return "\(location): \(problem)"
    }
}
