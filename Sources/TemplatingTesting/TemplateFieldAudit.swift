import Templating

/// Checks a context type's hand-written ``TemplateObject/field(_:)`` against what it stores:
/// walks every stored property of a sample value (through `Mirror`, into nested objects, list
/// elements and tables) and reports each one the lookup does not answer, or answers with
/// another value. Samples should hold distinct texts, so that a field answering with another
/// field's value is caught too.
public enum TemplateFieldAudit {
    public struct Finding: Sendable, Equatable, CustomStringConvertible {
        public enum Problem: Sendable, Equatable {
            /// `field(name)` is nil: templates cannot reach the property.
            case unanswered
            /// `field(name)` answers, but not with the property's value.
            case differs(answered: String, stored: String)
            /// The property's type does not conform to `TemplateRenderable`.
            case notRenderable(type: String)
        }

        /// `PaymentPage.company.taxNumbers[0].name`
        public var path: String
        public var problem: Problem

        public init(path: String, problem: Problem) {
            self.path = path
            self.problem = problem
        }

        public var description: String {
            switch problem {
            case .unanswered: "\(path): not answered by field(_:)"
            case let .differs(answered, stored): "\(path): field(_:) answers \(answered), the property holds \(stored)"
            case .notRenderable(let type): "\(path): \(type) is not TemplateRenderable"
            }
        }
    }

    /// Every problem found; empty when the lookup answers every stored property correctly.
    public static func findings(_ sample: some TemplateObject) -> [Finding] {
        var findings: [Finding] = []
        audit(sample, stored: sample, path: String(describing: type(of: sample)), into: &findings)
        return findings
    }

    /// Where a sample leaves a property nil or a list empty, so the audit could not look inside:
    /// samples meant to cover everything must come back empty.
    public static func unpopulated(_ sample: Any) -> [String] {
        var paths: [String] = []
        collectUnpopulated(sample, path: String(describing: type(of: sample)), into: &paths)
        return paths
    }

    private static func audit(_ object: any TemplateObject, stored: Any, path: String, into findings: inout [Finding]) {
        for (name, value) in properties(stored) {
            let here = "\(path).\(name)"
            guard let answered = object.field(name) else {
                findings.append(Finding(path: here, problem: .unanswered))
                continue
            }
            // A nil optional answers `.null`, a known name without a value (not nil, unknown).
            if isNil(value) {
                compare(answered, .null, path: here, into: &findings)
                continue
            }
            guard let renderable = value as? any TemplateRenderable else {
                findings.append(Finding(path: here, problem: .notRenderable(type: String(describing: type(of: value)))))
                continue
            }
            compare(answered, renderable.templateValue, path: here, into: &findings)
        }
    }

    private static func compare(_ answered: TemplateValue, _ expected: TemplateValue, path: String, into findings: inout [Finding]) {
        switch (answered, expected) {
        case (.null, .null): return
        case let (.text(a), .text(b)) where a == b: return
        case let (.flag(a), .flag(b)) where a == b: return
        case let (.object(a), .object(b)):
            audit(a, stored: b, path: path, into: &findings)
        case let (.list(a), .list(b)) where a.count == b.count:
            for index in 0..<a.count { compare(a.element(index), b.element(index), path: "\(path)[\(index)]", into: &findings) }
        default:
            findings.append(Finding(path: path, problem: .differs(answered: describe(answered), stored: describe(expected))))
        }
    }

    /// Stored properties by name; a table's entries by key.
    private static func properties(_ value: Any) -> [(String, Any)] {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .dictionary {
            return mirror.children.compactMap { entry in
                let pair = Array(Mirror(reflecting: entry.value).children)
                guard pair.count == 2, let key = pair[0].value as? String else { return nil }
                return (key, pair[1].value)
            }
        }
        return mirror.children.compactMap { child in child.label.map { ($0, child.value) } }
    }

    private static func isNil(_ value: Any) -> Bool {
        let mirror = Mirror(reflecting: value)
        return mirror.displayStyle == .optional && mirror.children.isEmpty
    }

    private static func collectUnpopulated(_ value: Any, path: String, into paths: inout [String]) {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first else { return paths.append(path) }
            collectUnpopulated(wrapped.value, path: path, into: &paths)
        case .collection:
            if mirror.children.isEmpty { return paths.append(path) }
            for (index, element) in mirror.children.enumerated() { collectUnpopulated(element.value, path: "\(path)[\(index)]", into: &paths) }
        case .dictionary:
            if mirror.children.isEmpty { paths.append(path) }
        case .struct, .class:
            for child in mirror.children { collectUnpopulated(child.value, path: "\(path).\(child.label ?? "?")", into: &paths) }
        default:
            return
        }
    }

    private static func describe(_ value: TemplateValue) -> String {
        switch value {
        case .null: "null"
        case .text(let text): "\"\(text)\""
        case .flag(let flag): "\(flag)"
        case .object(let object): "an object (\(type(of: object)))"
        case .list(let list): "a list of \(list.count)"
        }
    }
}
