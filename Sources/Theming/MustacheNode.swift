/// One piece of a template compiled by ``MustacheNodeParser``: what swift-mustache's private
/// token tree holds, minus the features our engine leaves to swift-mustache (transforms,
/// dynamic partials, lambdas). Text is kept as bytes so rendering is a memcpy.
indirect enum MustacheNode: Sendable {
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{& name}}` (raw).
    case variable(MustacheName, escaped: Bool)
    case section(MustacheName, [MustacheNode], inverted: Bool)
    /// `{{> name}}`, or `{{< name}}…{{/name}}` with its block overrides. `indentation` is set
    /// for standalone tags: every line the partial renders is indented with it.
    case partial(String, indentation: String?, overrides: [String: [MustacheNode]]?)
    /// `{{$name}}default{{/name}}` outside a parent tag.
    case block(String, default: [MustacheNode], indentation: String)
    /// `{{$name}}…{{/name}}` inside a parent tag: only collected, never rendered.
    case blockDefinition(String, [MustacheNode])
}

/// A tag's name split once at compile time (swift-mustache splits it on every lookup).
struct MustacheName: Sendable, Equatable {
    /// `first()`, `last()`, `index()`, `even()`, `odd()`: the position in the enclosing list.
    enum Position: String, Sendable {
        case first, last, index, even, odd
    }

    /// `.x` looks only in the current object; `x` climbs the context stack.
    var anchored: Bool
    /// Empty for `.` (the current object).
    var components: [String]
    var position: Position?

    /// Other transforms (`uppercased(name)`, chained ones) are left to swift-mustache.
    init(_ name: String) throws {
        anchored = name.first == "."
        components = name.split(separator: ".").map(String.init)
        position = nil
        guard name.contains("(") || name.contains(")") else { return }
        guard name.hasSuffix("()"), let position = Position(rawValue: String(name.dropLast(2))) else {
            throw MustacheNodeParser.Unsupported(feature: "transform")
        }
        self.position = position
        anchored = false
        components = []
    }
}

/// Where an element is in the list being rendered, for ``MustacheName/Position``.
struct MustacheListPosition {
    var first: Bool
    var last: Bool
    var index: Int

    func value(_ position: MustacheName.Position) -> Any {
        switch position {
        case .first: first
        case .last: last
        case .index: index
        case .even: index & 1 == 0
        case .odd: index & 1 == 1
        }
    }
}
