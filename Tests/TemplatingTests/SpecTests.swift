import Foundation
import Templating
import Testing

/// The Mustache specification's cases (Fixtures/mustache-spec, with their licence), one test
/// per case, named by file and case: every feature the themes use, and set delimiters.
struct SpecTests {
    struct Case: Sendable, Decodable, CustomTestStringConvertible {
        var name: String
        var data: JSONValue
        var template: String
        var partials: [String: String]?
        var expected: String
        var file = ""

        var testDescription: String { "\(file) · \(name)" }

        private enum CodingKeys: String, CodingKey { case name, data, template, partials, expected }
    }

    struct File: Decodable { var tests: [Case] }

    static let expectedCounts = ["comments": 12, "delimiters": 14, "interpolation": 42, "inverted": 22,
                                 "partials": 12, "sections": 34, "~inheritance": 27]

    /// Empty when the file cannot be read: `everyFileLoads` then fails.
    static func cases(_ file: String) -> [Case] {
        guard let url = Bundle.module.resourceURL?.appendingPathComponent("Fixtures/mustache-spec/\(file).json"),
              let data = try? Data(contentsOf: url), let decoded = try? JSONDecoder().decode(File.self, from: data) else { return [] }
        return decoded.tests.map { var test = $0; test.file = file; return test }
    }

    static func run(_ test: Case) throws {
        var templates = ["__test__": try Template(test.template)]
        for (name, text) in test.partials ?? [:] { templates[name] = try Template(text) }
        let output = try TemplateLibrary(templates).render("__test__", test.data)
        #expect(output == test.expected)
    }

    @Test func everyFileLoads() {
        for (file, count) in Self.expectedCounts { #expect(Self.cases(file).count == count, "\(file)") }
    }

    @Test(arguments: SpecTests.cases("interpolation")) func interpolation(_ test: Case) throws { try Self.run(test) }
    @Test(arguments: SpecTests.cases("sections")) func sections(_ test: Case) throws { try Self.run(test) }
    @Test(arguments: SpecTests.cases("inverted")) func inverted(_ test: Case) throws { try Self.run(test) }
    @Test(arguments: SpecTests.cases("comments")) func comments(_ test: Case) throws { try Self.run(test) }
    @Test(arguments: SpecTests.cases("partials")) func partials(_ test: Case) throws { try Self.run(test) }
    @Test(arguments: SpecTests.cases("~inheritance")) func inheritance(_ test: Case) throws { try Self.run(test) }
    @Test(arguments: SpecTests.cases("delimiters")) func delimiters(_ test: Case) throws { try Self.run(test) }
}
