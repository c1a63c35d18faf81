import Foundation
import Templating
import Testing
@testable import Theming

struct ThemeInheritanceTests {
    let loader = ThemeLoader(themesDirectory: TemporaryThemes.fixtures)

    @Test func childResolvesItsChain() throws {
        let theme = try loader.load("harbour")
        #expect(theme.name == "harbour")
        #expect(theme.displayName == "Harbour")
        #expect(theme.chain == ["harbour", "plain"])
        #expect(theme.paper == .a4)
        #expect(theme.description == "Fixture parent theme")
        #expect(theme.templateNames == ["base", "payment", "receipt", "staff/list"])
        #expect(theme.partialNames == ["header", "forms/button"])
    }

    @Test func parentDefaultsToLetter() throws {
        let theme = try loader.load("plain")
        #expect(theme.chain == ["plain"])
        #expect(theme.paper == .letter)
    }

    @Test func childOverridesATemplateAndInheritsTheRest() throws {
        let theme = try loader.load("harbour")
        let context = Page(reference: "INV-7", company: .init(name: "Garage Tremblay"), label: "Pay now")
        let payment = try theme.render("payment", context)
        #expect(payment.contains("<p>harbour payment INV-7</p>"))
        // base layout and both partials come from the parent.
        #expect(payment.contains("<header>Garage Tremblay</header>"))
        #expect(payment.contains("<button>Pay now</button>"))
        #expect(payment.hasPrefix("<!doctype html>"))
        let receipt = try theme.render("receipt", context)
        #expect(receipt.contains("<p>plain receipt INV-7</p>"))
    }

    @Test func templatesInSubfolders() throws {
        let theme = try loader.load("plain")
        #expect(try theme.render("staff/list", ["items": [["name": "A"], ["name": "B"]]]) == "<ul><li>A</li><li>B</li></ul>\n")
        #expect(try theme.render("staff/list", ["items": [[String: String]]()]) == "<ul><li>none</li></ul>\n")
    }

    @Test func stringsMergeChildOverParent() throws {
        let theme = try loader.load("harbour")
        #expect(theme.strings["en"] == ["pay.button": "Pay now", "title": "Payment"])
        #expect(theme.strings(for: "fr") == ["pay.button": "Payer", "title": "Paiement"])
    }

    @Test func unknownTemplateIsAnError() throws {
        let theme = try loader.load("plain")
        #expect(throws: ThemeError(.templateNotFound(name: "nope"), file: "Themes/plain/templates/nope.mustache")) {
            try theme.render("nope", [String: String]())
        }
    }

    @Test func missingParent() throws {
        try withTemporaryThemes { themes in
            try themes.write("orphan/theme.json", #"{"name": "Orphan", "extends": "nowhere"}"#)
            #expect(loadError("orphan", in: themes.directory) == #"Themes/orphan/theme.json: extends unknown theme "nowhere""#)
        }
    }

    @Test func inheritanceCycle() throws {
        try withTemporaryThemes { themes in
            try themes.write("a/theme.json", #"{"name": "A", "extends": "b"}"#)
            try themes.write("b/theme.json", #"{"name": "B", "extends": "a"}"#)
            try themes.write("self/theme.json", #"{"name": "S", "extends": "self"}"#)
            #expect(loadError("a", in: themes.directory) == "Themes/b/theme.json: inheritance cycle: a -> b -> a")
            #expect(loadError("self", in: themes.directory) == "Themes/self/theme.json: inheritance cycle: self -> self")
        }
    }

    @Test(arguments: [
        ("missing", "Themes/missing: no theme named \"missing\" (no such folder)"),
        ("../plain", "Themes/../plain: \"../plain\" is not a valid theme name (use letters, digits, - and _)"),
    ])
    func unknownOrInvalidTheme(name: String, message: String) {
        #expect(loadError(name, in: TemporaryThemes.fixtures) == message)
    }

    @Test(arguments: [
        (#"{"name": "X", "extend": "plain"}"#, #"unknown key "extend" (expected name, extends, paper, description)"#),
        (#"{"name": "X", "paper": "legal"}"#, #""paper" must be "letter" or "a4", not "legal""#),
        (#"{"paper": "a4"}"#, #""name" is required"#),
        (#"{"name": "X""#, "invalid JSON"),
        (#"["X"]"#, "expected a JSON object"),
    ])
    func invalidManifest(json: String, problem: String) throws {
        try withTemporaryThemes { themes in
            try themes.write("x/theme.json", json)
            #expect(loadError("x", in: themes.directory) == "Themes/x/theme.json: \(problem)")
        }
    }

    @Test func pageAndPartialWithTheSameNameIsAnError() throws {
        try withTemporaryThemes { themes in
            try themes.write("harbour/templates/header.mustache", "x")
            #expect(loadError("harbour", in: themes.directory) ==
                "Themes/plain/templates/partials/header.mustache and Themes/harbour/templates/header.mustache: "
                + "template name \"header\" is used both by a template and by a partial")
        }
    }
}

struct Page: Sendable, TemplateObject {
    struct Company: Sendable, TemplateObject {
        var name: String
        func field(_ key: String) -> TemplateValue? { key == "name" ? .init(name) : nil }
    }

    var reference: String
    var company: Company
    var label: String

    func field(_ key: String) -> TemplateValue? {
        switch key {
        case "reference": .init(reference)
        case "company": .init(company)
        case "label": .init(label)
        default: nil
        }
    }
}
