/// Turns a typed page context into the nested dictionaries and arrays swift-mustache reads
/// fastest, walking each struct with `Mirror` once instead of once per `{{lookup}}`
/// (swift-mustache mirrors the whole object for every name it resolves, which made rendering
/// ~10× slower than building the context). The lookup rules are unchanged: stored properties
/// by name, `nil` is absent (so the name is looked up in the enclosing objects, as before),
/// `Bool` for conditions, arrays for sections. Pages keep typed `Sendable` structs; this is
/// only the shape handed to the template engine.
enum RenderTree {
    static func make(_ value: Any) -> Any {
        convert(value) ?? [String: Any]()
    }

    private static func convert(_ value: Any) -> Any? {
        switch value {
        case is String, is Bool, is Int, is Int64, is [String: String]:
            return value
        default:
            break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { convert($0.value) }
        case .collection, .set:
            return mirror.children.compactMap { convert($0.value) }
        case .struct, .class:
            var object: [String: Any] = [:]
            for child in mirror.children {
                if let label = child.label, let converted = convert(child.value) { object[label] = converted }
            }
            return object
        default:
            return value
        }
    }
}
