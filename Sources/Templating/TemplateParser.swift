/// Parses a template into ``TemplateNode``s, with the standalone-line and indentation rules of
/// the Mustache specification as swift-mustache implements them (the themes were written
/// against it): the same per-line text pieces, so the same bytes.
struct TemplateParser {
    /// A problem at the scanner's position (moved back to where it is best shown).
    struct Failure: Error { let problem: TemplateSyntaxError.Problem }

    struct State {
        var sectionName: String?
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var startDelimiter = "{{"
        var endDelimiter = "}}"
        /// Characters of indentation of a block definition's first line, removed from the others.
        var partialDefinitionIndent: Int?

        func withSectionName(_ name: String, newLine: Bool) -> State {
            var state = self
            state.sectionName = name
            state.isPartialDefinitionTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func withInheritancePartial(_ name: String) -> State {
            var state = self
            state.sectionName = name
            state.newLine = true
            state.isPartialDefinition = true
            state.isPartialDefinitionTopLevel = true
            return state
        }
    }

    static func parse(_ text: String) throws(TemplateSyntaxError) -> [TemplateNode] {
        var scanner = TemplateScanner(text)
        do {
            return try parse(&scanner, state: State())
        } catch {
            let problem = (error as? Failure)?.problem ?? .unfinishedTag
            let (line, column) = scanner.location
            throw TemplateSyntaxError(problem, line: line, column: column)
        }
    }

    static func parse(_ scanner: inout TemplateScanner, state: State) throws -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var state = state
        var whiteSpaceBefore = ""
        func flushWhiteSpace() {
            if !whiteSpaceBefore.isEmpty { nodes.append(.text(Array(whiteSpaceBefore.utf8))) }
        }
        while !scanner.reachedEnd {
            if state.newLine {
                let whiteSpace = scanner.read(while: TemplateScanner.isSpaceOrTab)
                if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
                    // The first line of a block definition sets the indentation the others lose;
                    // on that first line the previous whitespace stays (as in swift-mustache).
                    if let indent = state.partialDefinitionIndent {
                        whiteSpaceBefore = String(whiteSpace.dropFirst(indent))
                    } else {
                        state.partialDefinitionIndent = whiteSpace.count
                    }
                } else {
                    whiteSpaceBefore = whiteSpace
                }
            }
            let text = try readUntilDelimiterOrNewline(&scanner, state: state)
            if scanner.current.isNewline {
                nodes.append(.text(Array((whiteSpaceBefore + text + String(scanner.current)).utf8)))
                state.newLine = true
                scanner.advance()
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(Array((whiteSpaceBefore + text).utf8)))
                whiteSpaceBefore = ""
                state.newLine = false
            }
            if scanner.reachedEnd { break }
            var setNewLine = false
            switch scanner.current {
            case "#", "^":
                let inverted = scanner.current == "^"
                scanner.advance()
                let (name, tagName) = try parseVariableName(&scanner, state: state)
                if isStandalone(&scanner, state: state) {
                    setNewLine = true
                } else {
                    flushWhiteSpace()
                    whiteSpaceBefore = ""
                }
                let body = try parse(&scanner, state: state.withSectionName(name, newLine: setNewLine))
                nodes.append(.section(tagName, body, inverted: inverted))
            case "/":
                scanner.advance()
                let start = scanner.position
                let name = try parseName(&scanner, state: state)
                guard name == state.sectionName else {
                    scanner.position = start
                    throw Failure(problem: .closedWithAnotherName(open: state.sectionName, closed: name))
                }
                if !isStandalone(&scanner, state: state) { flushWhiteSpace() }
                return nodes
            case "!":
                scanner.advance()
                try scanner.skip(pastString: state.endDelimiter)
                setNewLine = isStandalone(&scanner, state: state)
            case "{", "&":
                let triple = scanner.current == "{"
                flushWhiteSpace()
                whiteSpaceBefore = ""
                scanner.advance()
                let (_, tagName) = try parseVariableName(&scanner, state: state)
                if triple { guard try scanner.read("}") else { throw Failure(problem: .unfinishedTag) } }
                nodes.append(.variable(tagName, escaped: false))
            case ">":
                scanner.advance()
                scanner.read(while: \.isWhitespace)
                let name = try parsePartialName(&scanner, state: state)
                flushWhiteSpace()
                if isStandalone(&scanner, state: state) {
                    setNewLine = true
                    nodes.append(.partial(name, indentation: whiteSpaceBefore, overrides: nil))
                } else {
                    nodes.append(.partial(name, indentation: nil, overrides: nil))
                }
                whiteSpaceBefore = ""
            case "<":
                scanner.advance()
                let start = scanner.position
                scanner.read(while: \.isWhitespace)
                let name = try parsePartialName(&scanner, state: state)
                flushWhiteSpace()
                if isStandalone(&scanner, state: state) { setNewLine = true }
                let body = try parse(&scanner, state: state.withInheritancePartial(name))
                var overrides: [String: [TemplateNode]] = [:]
                for node in body {
                    switch node {
                    case .blockDefinition(let block, let nodes): overrides[block] = nodes
                    case .text: break
                    default:
                        scanner.position = start
                        throw Failure(problem: .tagInsideParent)
                    }
                }
                nodes.append(.partial(name, indentation: whiteSpaceBefore, overrides: overrides))
                whiteSpaceBefore = ""
            case "$":
                scanner.advance()
                let start = scanner.position
                let name = try parseName(&scanner, state: state)
                if name.contains("(") || name.contains(")") {
                    scanner.position = start
                    throw Failure(problem: .unknownFunction(name: name))
                }
                if state.isPartialDefinitionTopLevel {
                    if isStandalone(&scanner, state: state) { setNewLine = true }
                    let body = try parse(&scanner, state: state.withSectionName(name, newLine: setNewLine))
                    nodes.append(.blockDefinition(name, body))
                } else {
                    flushWhiteSpace()
                    if isStandalone(&scanner, state: state) { setNewLine = true }
                    let body = try parse(&scanner, state: state.withSectionName(name, newLine: setNewLine))
                    var intrinsic: [UInt8]?
                    if setNewLine, case .text(let bytes)? = body.first, bytes.first == 0x20 || bytes.first == 0x09 {
                        intrinsic = Array(bytes.prefix { $0 == 0x20 || $0 == 0x09 })
                    }
                    nodes.append(.block(name, default: body, indentation: whiteSpaceBefore, intrinsic: intrinsic))
                    whiteSpaceBefore = ""
                }
            case "=":
                scanner.advance()
                state = try setDelimiters(&scanner, state: state)
                setNewLine = isStandalone(&scanner, state: state)
            case "%":
                scanner.advance()
                nodes.append(try readPragma(&scanner, state: state))
                setNewLine = isStandalone(&scanner, state: state)
            default:
                flushWhiteSpace()
                whiteSpaceBefore = ""
                let (_, tagName) = try parseVariableName(&scanner, state: state)
                nodes.append(.variable(tagName, escaped: true))
            }
            state.newLine = setNewLine
        }
        if let open = state.sectionName { throw Failure(problem: .unclosedSection(name: open)) }
        return nodes
    }

    static func isStandalone(_ scanner: inout TemplateScanner, state: State) -> Bool {
        state.newLine && scanner.lineFinished()
    }
}
