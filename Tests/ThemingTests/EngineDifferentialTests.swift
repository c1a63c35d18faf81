import Foundation
import Mustache
import PropertyBased
import Testing
@testable import Theming

/// Renders every template of the real themes through our engine and through swift-mustache
/// with many generated contexts, and compares the bytes. Contexts are built from the names the
/// templates use, with every shape a value can take (text with markup, empty text, true,
/// false, nil, numbers, empty and non-empty lists, nested objects that do or do not hold the
/// name, so lookups climb the stack), as dictionaries and as typed `MustacheParent` objects.
struct EngineDifferentialTests {
    static let themes = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Themes")

    static let rounds = 24

    @Test(arguments: ["default", "harbour"])
    func everyTemplateRendersTheSameBytes(themeName: String) async throws {
        let theme = try ThemeLoader(themesDirectory: Self.themes).load(themeName)
        let engine = try #require(theme.engine, "the real themes must not fall back to swift-mustache")
        let names = engine.templates.keys.sorted()
        let vocabulary = ContextGenerator.names(in: engine.templates)
        // Half as dictionaries, half as typed objects; a failure is reported with the seed that replays it.
        let contexts = Generator<Any, Shrink.None<Any>> { random in
            let asDictionary = Bool.random(using: &random)
            var generator = ContextGenerator(names: vocabulary, random: random)
            return asDictionary ? generator.dictionary() : generator.object()
        }
        var compared = 0
        await propertyCheck(count: Self.rounds, input: contexts) { context in
            for name in names {
                let expected = try theme.renderWithSwiftMustache(name, context)
                let actual = try #require(engine.render(name, context), "fell back for \(name)")
                #expect(actual == expected, "\(themeName)/\(name)")
                compared += 1
            }
        }
        #expect(compared == Self.rounds * names.count)
    }
}

/// Random contexts over a fixed vocabulary of names, from a seeded generator (reproducible).
struct ContextGenerator {
    let names: [String]
    var random: any RandomNumberGenerator

    init(names: [String], random: any RandomNumberGenerator) {
        self.names = names
        self.random = random
    }

    /// Every name component the templates look up.
    static func names(in templates: [String: [MustacheNode]]) -> [String] {
        var names: Set<String> = []
        func walk(_ nodes: [MustacheNode]) {
            for node in nodes {
                switch node {
                case .text: break
                case .variable(let name, _): names.formUnion(name.components)
                case .section(let name, let body, _): names.formUnion(name.components); walk(body)
                case .partial(_, _, let overrides): overrides?.values.forEach(walk)
                case .block(_, let body, _), .blockDefinition(_, let body): walk(body)
                }
            }
        }
        templates.values.forEach(walk)
        return names.sorted()
    }

    mutating func next() -> UInt64 { random.next() }

    mutating func chance(_ percent: UInt64) -> Bool { next() % 100 < percent }

    static let texts = ["", "plain", "Tom & Jerry's <b>\"x\"</b>", "Zoé\nline", "  spaced  ", "<", "a\r\nb", "1 234,56\u{A0}$"]

    /// The root holds most names; nested objects hold few, so most lookups climb the stack.
    mutating func dictionary(depth: Int = 0) -> [String: Any] {
        var dictionary: [String: Any] = [:]
        for name in names where chance(depth == 0 ? 85 : 6) {
            if let value = value(depth: depth) { dictionary[name] = value }
        }
        return dictionary
    }

    mutating func object(depth: Int = 0) -> ProbeObject {
        ProbeObject(fields: dictionary(depth: depth).mapValues { value in
            (value as? [String: Any]).map { ProbeObject(fields: $0) } ?? value
        })
    }

    mutating func value(depth: Int) -> Any? {
        switch next() % 12 {
        case 0, 1, 2: return Self.texts[Int(next() % UInt64(Self.texts.count))]
        case 3: return true
        case 4: return false
        case 5: return nil as String?
        case 6: return Int(next() % 3)
        case 7: return [String]()
        case 8: return Self.texts.filter { _ in chance(40) }
        case 9, 10:
            guard depth < 2 else { return "deep" }
            return (0..<Int(next() % 4)).map { _ in dictionary(depth: depth + 1) }
        default:
            guard depth < 2 else { return false }
            return chance(50) ? dictionary(depth: depth + 1) : object(depth: depth + 1)
        }
    }
}

/// A typed context answering by name, as the Generator's page contexts do.
struct ProbeObject: MustacheParent {
    var fields: [String: Any]
    func child(named name: String) -> Any? { fields[name] }
}
