/// One piece of a parsed template. Text is kept as bytes so rendering it is a copy.
indirect enum TemplateNode: Sendable {
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{& name}}` (raw).
    case variable(TemplateName, escaped: Bool)
    case section(TemplateName, [TemplateNode], inverted: Bool)
    /// `{{> name}}`, or `{{< name}}…{{/name}}` with its block overrides. `indentation` is set
    /// for standalone tags: every line the partial renders is indented with it.
    case partial(String, indentation: String?, overrides: [String: [TemplateNode]]?)
    /// `{{$name}}default{{/name}}` outside a parent tag. `intrinsic`: for a standalone tag whose
    /// default's first line is indented, that indentation, which an override's lines take.
    case block(String, default: [TemplateNode], indentation: String, intrinsic: [UInt8]?)
    /// `{{$name}}…{{/name}}` inside a parent tag: only collected, never rendered.
    case blockDefinition(String, [TemplateNode])
    /// `{{% CONTENT_TYPE: HTML}}` (escape values, the default) or `TEXT` (do not), for the rest
    /// of the template or section it is in.
    case contentType(escapesHTML: Bool)
}

/// A tag's name split once when parsed.
struct TemplateName: Sendable, Equatable {
    /// `first()`, `last()`, `index()`, `even()`, `odd()`: the position in the list being rendered.
    enum Position: String, Sendable, CaseIterable {
        case first, last, index, even, odd
    }

    /// `.x` looks only in the current object; `x` climbs the context stack.
    var anchored: Bool
    /// Empty for `.` (the current object).
    var components: [String]
    var position: Position?

    /// nil for a function call other than a position (`uppercased(name)`).
    init?(_ name: String) {
        anchored = name.first == "."
        components = name.split(separator: ".").map(String.init)
        position = nil
        guard name.contains("(") || name.contains(")") else { return }
        guard name.hasSuffix("()"), let position = Position(rawValue: String(name.dropLast(2))) else { return nil }
        self.position = position
        anchored = false
        components = []
    }
}

/// Where an element is in the list being rendered, for ``TemplateName/Position``.
struct ListPosition {
    var first: Bool
    var last: Bool
    var index: Int

    func value(_ position: TemplateName.Position) -> TemplateValue {
        switch position {
        case .first: .flag(first)
        case .last: .flag(last)
        case .index: .text(String(index))
        case .even: .flag(index & 1 == 0)
        case .odd: .flag(index & 1 == 1)
        }
    }
}
