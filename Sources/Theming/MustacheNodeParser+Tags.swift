/// The pieces of a tag, read as swift-mustache reads them.
extension MustacheNodeParser {
    private static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let configCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    private static let partialNameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")

    /// Text up to a newline (left as the current Character) or past the opening delimiter.
    static func readUntilDelimiterOrNewline(_ scanner: inout MustacheScanner, state: State) throws -> String {
        guard let first = state.startDelimiter.first else { return "" }
        var text = ""
        while !scanner.reachedEnd {
            text += try scanner.read(until: { $0 == "\n" || $0 == "\r\n" || $0 == first }, throwOnOverflow: false)
            if scanner.current.isNewline {
                break
            } else if scanner.current == first {
                if try scanner.read(string: state.startDelimiter) { break }
                text += String(first)
                scanner.advance()
            }
        }
        return text
    }

    /// A variable or section name, as written (transforms included: see ``MustacheName``).
    static func parseName(_ scanner: inout MustacheScanner, state: State) throws -> String {
        try parseTagName(&scanner, state: state, characters: nameCharacters)
    }

    /// Partial names may hold `/` (folders of templates).
    static func parsePartialName(_ scanner: inout MustacheScanner, state: State) throws -> String {
        try parseTagName(&scanner, state: state, characters: partialNameCharacters)
    }

    private static func parseTagName(_ scanner: inout MustacheScanner, state: State, characters: Set<Character>) throws -> String {
        scanner.read(while: \.isWhitespace)
        let name = scanner.read(while: characters.contains)
        scanner.read(while: \.isWhitespace)
        guard try scanner.read(string: state.endDelimiter) else { throw Unsupported(feature: "unfinished tag") }
        return name
    }

    /// `{{=<% %>=}}`
    static func setDelimiters(_ scanner: inout MustacheScanner, state: State) throws -> State {
        scanner.read(while: \.isWhitespace)
        let start = try scanner.read(until: \.isWhitespace)
        scanner.read(while: \.isWhitespace)
        let end = try scanner.read(until: { $0 == "=" || $0.isWhitespace })
        scanner.read(while: \.isWhitespace)
        guard try scanner.read("="), try scanner.read(string: state.endDelimiter), !start.isEmpty, !end.isEmpty else {
            throw Unsupported(feature: "invalid set-delimiter tag")
        }
        var state = state
        state.startDelimiter = start
        state.endDelimiter = end
        state.isPartialDefinitionTopLevel = false
        return state
    }

    /// Only our own pragma: every value is escaped by ``HTMLEscaping``, as swift-mustache does
    /// once the pragma has run. Another content type is left to swift-mustache.
    static func readContentType(_ scanner: inout MustacheScanner, state: State) throws {
        scanner.read(while: \.isWhitespace)
        let variable = scanner.read(while: configCharacters.contains)
        scanner.read(while: \.isWhitespace)
        guard try scanner.read(":") else { throw Unsupported(feature: "configuration tag") }
        scanner.read(while: \.isWhitespace)
        let value = scanner.read(while: configCharacters.contains)
        scanner.read(while: \.isWhitespace)
        guard try scanner.read(string: state.endDelimiter), variable == "CONTENT_TYPE", value == HTMLEscaping.name else {
            throw Unsupported(feature: "content type")
        }
    }
}
