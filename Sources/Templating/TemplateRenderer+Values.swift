/// Name lookups and value output.
extension TemplateRenderer {
    /// The first object of the stack (innermost first) that has the first component with a
    /// value answers; the other components are looked up in it only. nil: nothing to show.
    func lookup(_ name: TemplateName) -> TemplateValue? {
        if let position = name.position { return list.map { $0.value(position) } }
        guard let first = name.components.first else { return stack.last }
        var found: TemplateValue?
        if name.anchored {
            found = Self.field(first, of: stack[stack.count - 1])
        } else {
            for frame in stack.reversed() {
                if let value = Self.field(first, of: frame) {
                    found = value
                    break
                }
            }
        }
        guard var value = found else { return nil }
        for component in name.components.dropFirst() {
            guard let child = Self.field(component, of: value) else { return nil }
            value = child
        }
        return value
    }

    /// A field with a value; nil for an unknown name, a null one, or a value without fields.
    static func field(_ name: String, of value: TemplateValue) -> TemplateValue? {
        guard case .object(let object) = value, let field = object.field(name) else { return nil }
        if case .null = field { return nil }
        return field
    }

    mutating func append(_ value: TemplateValue, escaped: Bool) {
        switch value {
        case .text(let text): append(text, escaped: escaped)
        case .flag(let flag): append(flag ? "true" : "false", escaped: escaped)
        case .null: break
        case .object(let object): append(String(describing: object), escaped: escaped)
        case .list(let list): append(String(describing: list), escaped: escaped)
        }
    }

    mutating func append(_ text: String, escaped: Bool) {
        var text = text
        text.withUTF8 { bytes in
            if escaped {
                HTMLEscaping.escape(bytes, into: &output)
            } else {
                output.append(contentsOf: bytes)
            }
        }
    }
}
