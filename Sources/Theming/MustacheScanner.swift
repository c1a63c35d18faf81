/// A cursor over a template's Characters, reproducing swift-mustache's `Parser` reads one for
/// one (same Character comparisons, same overflow cases), so ``MustacheNodeParser`` sees the
/// same text pieces as swift-mustache does.
struct MustacheScanner {
    struct Overflow: Error {}

    let characters: [Character]
    var position = 0

    init(_ text: String) { characters = Array(text) }

    var reachedEnd: Bool { position == characters.count }
    /// `"\0"` at the end, like swift-mustache.
    var current: Character { reachedEnd ? "\0" : characters[position] }

    mutating func advance() { position += 1 }
    mutating func retreat() { position -= 1 }

    func text(from start: Int) -> String { String(characters[start..<position]) }

    /// Consumes `character` when it is next; throws at the end.
    mutating func read(_ character: Character) throws -> Bool {
        guard !reachedEnd else { throw Overflow() }
        guard characters[position] == character else { return false }
        advance()
        return true
    }

    /// Consumes `string` when it comes next; throws when fewer Characters remain.
    mutating func read(string: String) throws -> Bool {
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
    mutating func read(until test: (Character) -> Bool, throwOnOverflow: Bool = true) throws -> String {
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

    /// swift-mustache's `read(untilString:throwOnOverflow:skipToEnd:)`, including its
    /// restart-without-backtracking matching, for comments.
    mutating func skip(pastString string: String) throws {
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
