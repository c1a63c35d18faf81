/// The pieces of a tag.
extension TemplateParser {
    private static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let configCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    /// Partial names may hold `/` (folders of templates).
    private static let partialNameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()/")

    /// Text up to a newline (left as the current Character) or past the opening delimiter.
    static func readUntilDelimiterOrNewline(_ scanner: inout TemplateScanner, state: State) throws -> String {
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

    /// A name as written, then the tag's closing delimiter.
    static func parseName(_ scanner: inout TemplateScanner, state: State) throws -> String {
        try parseTagName(&scanner, state: state, characters: nameCharacters)
    }

    /// A variable or section name, checked: a function other than a list position is an error
    /// (pointed at the name).
    static func parseVariableName(_ scanner: inout TemplateScanner, state: State) throws -> (String, TemplateName) {
        let start = scanner.position
        let name = try parseName(&scanner, state: state)
        guard let parsed = TemplateName(name) else {
            scanner.position = start
            scanner.read(while: \.isWhitespace)
            throw Failure(problem: .unknownFunction(name: name))
        }
        return (name, parsed)
    }

    static func parsePartialName(_ scanner: inout TemplateScanner, state: State) throws -> String {
        if scanner.current == "*" {
            let start = scanner.position
            scanner.advance()
            let name = scanner.read(while: partialNameCharacters.contains)
            scanner.position = start
            throw Failure(problem: .dynamicName(name: name))
        }
        return try parseTagName(&scanner, state: state, characters: partialNameCharacters)
    }

    private static func parseTagName(_ scanner: inout TemplateScanner, state: State, characters: Set<Character>) throws -> String {
        scanner.read(while: \.isWhitespace)
        let name = scanner.read(while: characters.contains)
        scanner.read(while: \.isWhitespace)
        guard try scanner.read(string: state.endDelimiter) else { throw Failure(problem: .unfinishedTag) }
        return name
    }

    /// `{{=<% %>=}}`
    static func setDelimiters(_ scanner: inout TemplateScanner, state: State) throws -> State {
        let start: String, end: String
        do {
            scanner.read(while: \.isWhitespace)
            start = try scanner.read(until: \.isWhitespace)
            scanner.read(while: \.isWhitespace)
            end = try scanner.read(until: { $0 == "=" || $0.isWhitespace })
            scanner.read(while: \.isWhitespace)
            guard try scanner.read("="), try scanner.read(string: state.endDelimiter), !start.isEmpty, !end.isEmpty else {
                throw Failure(problem: .invalidSetDelimiter)
            }
        } catch is TemplateScanner.Overflow {
            throw Failure(problem: .invalidSetDelimiter)
        }
        var state = state
        state.startDelimiter = start
        state.endDelimiter = end
        state.isPartialDefinitionTopLevel = false
        return state
    }

    /// `{{% CONTENT_TYPE: HTML}}` or `{{% CONTENT_TYPE: TEXT}}`, the only pragma.
    static func readPragma(_ scanner: inout TemplateScanner, state: State) throws -> TemplateNode {
        scanner.read(while: \.isWhitespace)
        let variable = scanner.read(while: configCharacters.contains)
        scanner.read(while: \.isWhitespace)
        guard try scanner.read(":") else { throw Failure(problem: .invalidPragma) }
        scanner.read(while: \.isWhitespace)
        let valueStart = scanner.position
        let value = scanner.read(while: configCharacters.contains)
        scanner.read(while: \.isWhitespace)
        guard try scanner.read(string: state.endDelimiter), !variable.isEmpty, !value.isEmpty else {
            throw Failure(problem: .invalidPragma)
        }
        guard variable == "CONTENT_TYPE" else { throw Failure(problem: .unknownPragma(name: variable)) }
        switch value {
        case "HTML": return .contentType(escapesHTML: true)
        case "TEXT": return .contentType(escapesHTML: false)
        default:
            scanner.position = valueStart
            throw Failure(problem: .unknownContentType(name: value))
        }
    }
}
