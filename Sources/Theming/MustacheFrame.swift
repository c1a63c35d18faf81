import Mustache

/// One object of the context stack, classified once when pushed: swift-mustache casts every
/// stack object to its protocols again on every lookup, copying the (large) context structs
/// into new existentials each time; here a lookup is one witness call on the stored existential.
enum MustacheFrame {
    case parent(any MustacheParent)
    /// Text has no children (String's Mirror is empty).
    case text(String)
    /// Anything else: found through `Mirror`, as swift-mustache does.
    case reflected(Any)

    /// nil for values this engine leaves to swift-mustache: lambdas (called during lookups) and
    /// custom representations (substituted during lookups).
    /// Parents are tried first: every page context is one, and each protocol cast is a
    /// conformance lookup (four per pushed frame were a few percent of a build). No parent is
    /// also a lambda or a custom representation: swift-mustache has none, and ours are contexts.
    init?(_ value: Any) {
        if let text = value as? String {
            self = .text(text)
        } else if let parent = value as? any MustacheParent {
            self = .parent(parent)
        } else if value is MustacheLambda || value is MustacheCustomRepresentation {
            return nil
        } else {
            self = .reflected(value)
        }
    }

    /// `{{.}}`
    var value: Any {
        switch self {
        case .parent(let parent): parent
        case .text(let text): text
        case .reflected(let value): value
        }
    }

    func child(named name: String) -> Any? {
        switch self {
        case .parent(let parent): return parent.child(named: name)
        case .text: return nil
        case .reflected(let value):
            // swift-mustache's Mirror.getValue(forKey:): the first child with that label, an
            // Optional unwrapped one level.
            guard let match = Mirror(reflecting: value).children.first(where: { $0.label == name }) else { return nil }
            let mirror = Mirror(reflecting: match.value)
            guard mirror.displayStyle == .optional else { return match.value }
            return mirror.children.first?.value
        }
    }
}

/// What swift-mustache prints for a value that is not text: an Optional inside `Any` unwrapped.
protocol OptionalValue {
    var wrappedValue: Any? { get }
}

extension Optional: OptionalValue {
    var wrappedValue: Any? { self }
}
