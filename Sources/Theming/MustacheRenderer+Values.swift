import Mustache

/// Name lookups and value output, as swift-mustache's `getChild` and variable rendering do.
extension MustacheRenderer {
    /// The first object of the stack (innermost first) that has the first component answers;
    /// the other components are looked up in it only.
    mutating func lookup(_ name: MustacheName) -> Any? {
        if let position = name.position { return list.map { $0.value(position) } }
        guard let first = name.components.first else { return stack.last?.value }
        var found: Any?
        if name.anchored {
            found = stack.last?.child(named: first)
        } else {
            for frame in stack.reversed() {
                if let child = frame.child(named: first) {
                    found = child
                    break
                }
            }
        }
        guard var value = found else { return nil }
        for component in name.components.dropFirst() {
            // String tables (`{{t.key}}`, most dotted names): a concrete cast, no frame.
            if let table = value as? [String: String] {
                guard let text = table[component] else { return nil }
                value = text
                continue
            }
            guard let frame = MustacheFrame(value) else {
                unsupported = true
                return nil
            }
            guard let child = frame.child(named: component) else { return nil }
            value = child
        }
        if value is String || value is Bool { return value }
        if value is MustacheCustomRepresentation {
            unsupported = true
            return nil
        }
        return value
    }

    mutating func append(_ value: Any, escaped: Bool) {
        if let text = value as? String {
            append(text, escaped: escaped)
        } else if escaped, value is MustacheTemplate {
            unsupported = true
        } else if let renderable = value as? MustacheCustomRenderable {
            append(renderable.renderText, escaped: escaped)
        } else if value is MustacheLambda {
            unsupported = true
        } else {
            let unwrapped = (value as? any OptionalValue)?.wrappedValue ?? value
            append(String(describing: unwrapped), escaped: escaped)
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
