/// Where in a message template a problem was found, so staff can fix the right reply.
public struct TemplateLocation: Sendable, Hashable, CustomStringConvertible {
    /// The saved reply's name (or `builtin:<kind>` for the fixed texts).
    public let template: String
    public let language: MessageLanguage
    /// 0-based offset in Characters (what an editor shows), not bytes or UTF-16 units.
    public let offset: Int

    public init(template: String, language: MessageLanguage, offset: Int) {
        self.template = template
        self.language = language
        self.offset = offset
    }

    public var description: String {
        "template \"\(template)\" (\(language.rawValue)), character \(offset)"
    }
}
