/// Where in a message template a problem was found, so staff can fix the right reply.
package struct TemplateLocation: Sendable, Hashable, CustomStringConvertible {
    /// The saved reply's name (or `builtin:<kind>` for the fixed texts).
    package let template: String
    package let language: MessageLanguage
    /// 0-based offset in Characters (what an editor shows), not bytes or UTF-16 units.
    package let offset: Int

    package init(template: String, language: MessageLanguage, offset: Int) {
        self.template = template
        self.language = language
        self.offset = offset
    }

    package var description: String {
        "template \"\(template)\" (\(language.rawValue)), character \(offset)"
    }
}
