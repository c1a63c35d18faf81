import Billing
import Templating

/// One entry of the FR/EN switch.
public struct LanguageLink: Sendable, Encodable {
    public var code: String
    public var label: String
    public var href: String
    public var current: Bool

    public init(code: String, label: String, href: String, current: Bool) {
        self.code = code
        self.label = label
        self.href = href
        self.current = current
    }

    /// French then English, each named in its own language.
    public static func switcher(current: Language, href: (Language) -> String) -> [LanguageLink] {
        Language.allCases.map { language in
            LanguageLink(code: language.rawValue, label: language == .fr ? "Français" : "English",
                         href: href(language), current: language == current)
        }
    }
}

extension LanguageLink: TemplateObject {
    public func field(_ name: String) -> TemplateValue? {
        switch name {
        case "code": .init(code)
        case "label": .init(label)
        case "href": .init(href)
        case "current": .init(current)
        default: nil
        }
    }
}
