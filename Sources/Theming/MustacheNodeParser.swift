/// Compiles a template into ``MustacheNode``s, following swift-mustache's parser step by step
/// (`Template+Parser.swift`): the same per-line text pieces, the same standalone-line and
/// indentation rules, so both engines render the same bytes. It runs only on templates
/// swift-mustache already accepted (its errors are the ones reported); anything this engine
/// does not implement throws ``Unsupported`` and the theme keeps rendering with swift-mustache.
struct MustacheNodeParser {
    struct Unsupported: Error { let feature: String }

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

    /// The whole template, pragma line included (it must name ``HTMLEscaping``).
    static func parse(_ text: String) throws -> [MustacheNode] {
        var scanner = MustacheScanner(text)
        return try parse(&scanner, state: State())
    }

    static func parse(_ scanner: inout MustacheScanner, state: State) throws -> [MustacheNode] {
        var nodes: [MustacheNode] = []
        var state = state
        var whiteSpaceBefore = ""
        func flushWhiteSpace() {
            if !whiteSpaceBefore.isEmpty { nodes.append(.text(Array(whiteSpaceBefore.utf8))) }
        }
        while !scanner.reachedEnd {
            if state.newLine {
                let whiteSpace = scanner.read(while: MustacheScanner.isSpaceOrTab)
                if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
                    // swift-mustache keeps the previous value on the first line: so do we.
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
                let name = try parseName(&scanner, state: state)
                if isStandalone(&scanner, state: state) {
                    setNewLine = true
                } else {
                    flushWhiteSpace()
                    whiteSpaceBefore = ""
                }
                let body = try parse(&scanner, state: state.withSectionName(name, newLine: setNewLine))
                nodes.append(.section(try MustacheName(name), body, inverted: inverted))
            case "/":
                scanner.advance()
                let name = try parseName(&scanner, state: state)
                guard name == state.sectionName else { throw Unsupported(feature: "unbalanced section") }
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
                let name = try parseName(&scanner, state: state)
                if triple { guard try scanner.read("}") else { throw Unsupported(feature: "unfinished tag") } }
                nodes.append(.variable(try MustacheName(name), escaped: false))
            case ">":
                scanner.advance()
                scanner.read(while: \.isWhitespace)
                guard scanner.current != "*" else { throw Unsupported(feature: "dynamic partial") }
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
                scanner.read(while: \.isWhitespace)
                let name = try parsePartialName(&scanner, state: state)
                guard name.first != "*" else { throw Unsupported(feature: "dynamic parent") }
                flushWhiteSpace()
                if isStandalone(&scanner, state: state) { setNewLine = true }
                let body = try parse(&scanner, state: state.withInheritancePartial(name))
                var overrides: [String: [MustacheNode]] = [:]
                for node in body {
                    switch node {
                    case .blockDefinition(let block, let nodes): overrides[block] = nodes
                    case .text: break
                    default: throw Unsupported(feature: "tag inside a parent")
                    }
                }
                nodes.append(.partial(name, indentation: whiteSpaceBefore, overrides: overrides))
                whiteSpaceBefore = ""
            case "$":
                scanner.advance()
                let name = try parseName(&scanner, state: state)
                if state.isPartialDefinitionTopLevel {
                    if isStandalone(&scanner, state: state) { setNewLine = true }
                    let body = try parse(&scanner, state: state.withSectionName(name, newLine: setNewLine))
                    nodes.append(.blockDefinition(name, body))
                } else {
                    flushWhiteSpace()
                    if isStandalone(&scanner, state: state) { setNewLine = true }
                    let body = try parse(&scanner, state: state.withSectionName(name, newLine: setNewLine))
                    nodes.append(.block(name, default: body, indentation: whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
            case "=":
                scanner.advance()
                state = try setDelimiters(&scanner, state: state)
                setNewLine = isStandalone(&scanner, state: state)
            case "%":
                scanner.advance()
                try readContentType(&scanner, state: state)
                setNewLine = isStandalone(&scanner, state: state)
            default:
                flushWhiteSpace()
                whiteSpaceBefore = ""
                let name = try parseName(&scanner, state: state)
                nodes.append(.variable(try MustacheName(name), escaped: true))
            }
            state.newLine = setNewLine
        }
        guard state.sectionName == nil else { throw Unsupported(feature: "unclosed section") }
        return nodes
    }

    static func isStandalone(_ scanner: inout MustacheScanner, state: State) -> Bool {
        state.newLine && scanner.lineFinished()
    }
}
