/// Why a template cannot be parsed, and where: line and column (in characters) of its text.
public struct TemplateSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Problem: Sendable, Equatable, CustomStringConvertible {
        /// `{{/name}}` that does not close the open section (`open` is nil outside any).
        case closedWithAnotherName(open: String?, closed: String)
        /// A tag without its closing delimiter, or with characters a name cannot hold.
        case unfinishedTag
        /// The end of the text inside a section or a parent tag.
        case unclosedSection(name: String)
        case invalidSetDelimiter
        /// Inside `{{< parent}}…{{/parent}}`, only `{{$block}}` overrides (and text, ignored).
        case tagInsideParent
        /// `{{uppercased(name)}}`: the only functions are the list positions.
        case unknownFunction(name: String)
        /// `{{>*name}}`, `{{<*name}}`.
        case dynamicName(name: String)
        case invalidPragma
        case unknownPragma(name: String)
        case unknownContentType(name: String)

        public var description: String {
            switch self {
            case .closedWithAnotherName: "section closed with a different name than it was opened with"
            case .unfinishedTag: "unfinished tag (missing closing delimiter or bad name)"
            case .unclosedSection: "a section is never closed (reached the end of the file)"
            case .invalidSetDelimiter: "invalid set-delimiter tag"
            case .tagInsideParent: "illegal tag inside an inheritance section (only {{$block}} overrides)"
            case .unknownFunction(let name):
                "unknown function \"\(name)\" (only first(), last(), index(), even() and odd() exist)"
            case .dynamicName(let name): "dynamic names (\"*\(name)\") are not supported"
            case .invalidPragma: "invalid configuration tag syntax"
            case .unknownPragma(let name): "unrecognised configuration tag \"\(name)\""
            case .unknownContentType(let name): "unknown content type \"\(name)\" (HTML or TEXT)"
            }
        }
    }

    public let problem: Problem
    /// 1-based, counted in lines of the template's own text.
    public let line: Int
    /// 1-based, in characters (a CRLF and a letter with its accents are one each).
    public let column: Int

    public init(_ problem: Problem, line: Int, column: Int) {
        self.problem = problem
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column): \(problem)" }
}
