// The standard types a context is made of.

extension String: TemplateRenderable {
    public var templateValue: TemplateValue { .text(self) }
}

extension Bool: TemplateRenderable {
    public var templateValue: TemplateValue { .flag(self) }
}

/// Printed in decimal; a section over a number renders once, like over text.
extension Int: TemplateRenderable {
    public var templateValue: TemplateValue { .text(String(self)) }
}

extension Optional: TemplateRenderable where Wrapped: TemplateRenderable {
    public var templateValue: TemplateValue {
        switch self {
        case .some(let value): value.templateValue
        case .none: .null
        }
    }
}

extension Array: TemplateRenderable where Element: TemplateRenderable {
    public var templateValue: TemplateValue { .list(self) }
}

extension Array: TemplateList where Element: TemplateRenderable {
    public func element(_ index: Int) -> TemplateValue { self[index].templateValue }
}

/// A table by key, such as a theme's strings: `{{t.pay_title}}`.
extension Dictionary: TemplateRenderable, TemplateObject where Key == String, Value: TemplateRenderable {
    public func field(_ name: String) -> TemplateValue? { self[name]?.templateValue }
}
