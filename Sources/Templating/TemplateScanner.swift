/// A cursor over a template's Characters. Its reads are those of swift-mustache's parser, one
/// for one (the same Character comparisons and end-of-text cases), which the themes were
/// written against: same text pieces, same standalone lines.
struct TemplateScanner {
    /// The end of the text came before what the read needed.
    struct Overflow: Error {}

    let characters: [Character]
    var position = 0

    init(_ text: String) { characters = Array(text) }

    var reachedEnd: Bool { position == characters.count }
    /// `"\0"` at the end.
    var current: Character { reachedEnd ? "\0" : characters[position] }

    mutating func advance() { position += 1 }

    func text(from start: Int) -> String { String(characters[start..<position]) }

    /// 1-based line and column of `position`, in Characters (`"\r\n"` is one newline).
    var location: (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<min(position, characters.count) where characters[index].isNewline {
            line += 1
            lineStart = index + 1
        }
        return (line, position - lineStart + 1)
    }

    /// Consumes `character` when it is next; throws at the end.
    mutating func read(_ character: Character) throws(Overflow) -> Bool {
        guard !reachedEnd else { throw Overflow() }
        guard characters[position] == character else { return false }
        advance()
        return true
    }

    /// Consumes `string` when it comes next; throws when fewer Characters remain.
    mutating func read(string: String) throws(Overflow) -> Bool {
        let count = string.count
        guard count > 0 else { return true }
        guard characters.count - position >= count else { throw Overflow() }
        guard String(characters[position..<position + count]) == string else { return false }
        position += count
        return true
    }

    @discardableResult
    mutating func read(while test: (Character) -> Bool) -> String {
        let start = position
        while !reachedEnd, test(characters[position]) { advance() }
        return text(from: start)
    }

    /// Reads up to (not including) the first Character passing `test`; at the end, throws
    /// (position unchanged) or returns the rest.
    mutating func read(until test: (Character) -> Bool, throwOnOverflow: Bool = true) throws(Overflow) -> String {
        let start = position
        while !reachedEnd {
            if test(characters[position]) { return text(from: start) }
            advance()
        }
        if throwOnOverflow {
            position = start
            throw Overflow()
        }
        return text(from: start)
    }

    /// Past the next `string` (a comment's closing delimiter), matching as swift-mustache does:
    /// restarting without backtracking after a partial match.
    mutating func skip(pastString string: String) throws(Overflow) {
        let target = Array(string)
        guard !target.isEmpty else { return }
        let start = position
        var matched = 0
        while !reachedEnd {
            if characters[position] == target[matched] {
                matched += 1
                if matched == target.count {
                    advance()
                    return
                }
            } else {
                matched = 0
            }
            advance()
        }
        position = start
        throw Overflow()
    }

    static func isSpaceOrTab(_ character: Character) -> Bool { character == " " || character == "\t" }

    /// At the end, or only spaces and tabs before a newline (then consumed with it).
    mutating func lineFinished() -> Bool {
        if reachedEnd { return true }
        var probe = self
        probe.read(while: Self.isSpaceOrTab)
        guard probe.current.isNewline else { return false }
        position = probe.position + 1
        return true
    }
}
