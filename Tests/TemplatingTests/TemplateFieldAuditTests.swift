import Templating
import TemplatingTesting
import Testing

/// The audit that keeps view models' lookups in step with their stored properties must catch
/// every way they can drift.
struct TemplateFieldAuditTests {
    struct Inner: TemplateObject {
        var name: String
        func field(_ name: String) -> TemplateValue? { name == "name" ? .init(self.name) : nil }
    }

    struct Complete: TemplateObject {
        var title: String
        var note: String?
        var flag: Bool
        var count: Int
        var inner: Inner
        var items: [Inner]
        var t: [String: String]

        func field(_ name: String) -> TemplateValue? {
            switch name {
            case "title": .init(title)
            case "note": .init(note)
            case "flag": .init(flag)
            case "count": .init(count)
            case "inner": .init(inner)
            case "items": .init(items)
            case "t": .init(t)
            default: nil
            }
        }
    }

    /// Forgets `note`, answers `flag` with the wrong value and `items` with the wrong list.
    struct Drifted: TemplateObject {
        var title: String
        var note: String?
        var flag: Bool
        var items: [Inner]

        func field(_ name: String) -> TemplateValue? {
            switch name {
            case "title": .init(title)
            case "flag": .init(!flag)
            case "items": .init(Array(items.dropFirst()))
            default: nil
            }
        }
    }

    /// Answers nil (unknown) for a nil optional instead of null (known, no value).
    struct NilAsUnknown: TemplateObject {
        var note: String?
        func field(_ name: String) -> TemplateValue? { note.map(TemplateValue.text) }
    }

    struct Unrenderable: TemplateObject {
        enum Kind { case quick }
        var kind: Kind
        func field(_ name: String) -> TemplateValue? { name == "kind" ? .text("quick") : nil }
    }

    static let complete = Complete(title: "T", note: "N", flag: true, count: 3, inner: Inner(name: "I"),
                                   items: [Inner(name: "a"), Inner(name: "b")], t: ["key": "K"])

    @Test func completeLookupHasNoFindings() {
        #expect(TemplateFieldAudit.findings(Self.complete).isEmpty)
        #expect(TemplateFieldAudit.unpopulated(Self.complete).isEmpty)
        var empty = Self.complete
        empty.note = nil
        empty.items = []
        #expect(TemplateFieldAudit.findings(empty).isEmpty)
        #expect(TemplateFieldAudit.unpopulated(empty) == ["Complete.note", "Complete.items"])
    }

    @Test func driftIsFound() {
        let findings = TemplateFieldAudit.findings(Drifted(title: "T", note: "N", flag: true, items: [Inner(name: "a"), Inner(name: "b")]))
        #expect(findings.map(\.path) == ["Drifted.note", "Drifted.flag", "Drifted.items"])
        #expect(findings.first?.problem == .unanswered)
        #expect(findings.dropFirst().first?.problem == .differs(answered: "false", stored: "true"))
    }

    @Test func nestedObjectsListsAndTablesAreWalked() {
        struct Wrong: TemplateObject {
            var inner: Inner
            var items: [Inner]
            var t: [String: String]
            func field(_ name: String) -> TemplateValue? {
                switch name {
                case "inner": .object(["nom": TemplateValue.text(inner.name)])
                case "items": .list([TemplateValue.object(["name": TemplateValue.text("x")])])
                case "t": .object(["other": TemplateValue.text("K")])
                default: nil
                }
            }
        }
        let findings = TemplateFieldAudit.findings(Wrong(inner: Inner(name: "I"), items: [Inner(name: "a")], t: ["key": "K"]))
        #expect(findings.map(\.path) == ["Wrong.inner.name", "Wrong.items[0].name", "Wrong.t.key"])
    }

    @Test func nilMustBeKnownNotUnknown() {
        #expect(TemplateFieldAudit.findings(NilAsUnknown(note: nil)).map(\.problem) == [.unanswered])
    }

    @Test func propertiesTemplatesCannotShowAreFound() {
        #expect(TemplateFieldAudit.findings(Unrenderable(kind: .quick)) == [
            .init(path: "Unrenderable.kind", problem: .notRenderable(type: "Kind")),
        ])
    }
}
