import Foundation
import Testing
@testable import Theming

/// Broken templates and string tables must point at the file (and line:column) to fix.
struct ThemeErrorTests {
    @Test(arguments: [
        ("templates/payment.mustache", "<main>\n  <p>{{#paid}}Paid{{/pad}}</p>\n</main>\n",
         "Themes/harbour/templates/payment.mustache:2:22: section closed with a different name than it was opened with"),
        ("templates/partials/forms/field.mustache", "<label>\n{{label</label>\n",
         "Themes/harbour/templates/partials/forms/field.mustache:2:8: unfinished tag (missing closing delimiter or bad name)"),
        ("templates/staff/list.mustache", "{{#items}}\n<li>{{name}}</li>\n",
         "Themes/harbour/templates/staff/list.mustache:3:1: a section is never closed (reached the end of the file)"),
        ("templates/receipt.mustache", "<p>\r\n  é{{/x}}\r\n",
         "Themes/harbour/templates/receipt.mustache:2:7: section closed with a different name than it was opened with"),
        // What the engine does not do is refused when the theme loads, not rendered as nothing.
        ("templates/payment.mustache", "<h1>\n  {{uppercased(title)}}</h1>\n",
         "Themes/harbour/templates/payment.mustache:2:5: unknown function \"uppercased(title)\" (only first(), last(), index(), even() and odd() exist)"),
        ("templates/partials/header.mustache", "{{> *name}}",
         "Themes/harbour/templates/partials/header.mustache:1:5: dynamic names (\"*name\") are not supported"),
    ])
    func brokenTemplateReportsFileLineColumn(path: String, template: String, message: String) throws {
        try withTemporaryThemes { themes in
            try themes.write("harbour/\(path)", template)
            #expect(loadError("harbour", in: themes.directory) == message)
        }
    }

    @Test func brokenParentTemplateNamesTheParentFile() throws {
        try withTemporaryThemes { themes in
            try themes.write("plain/templates/receipt.mustache", "{{#a}}")
            #expect(loadError("harbour", in: themes.directory)?.hasPrefix("Themes/plain/templates/receipt.mustache:1:") == true)
        }
    }

    @Test func keyMissingInFrenchNamesTheFileWhereItMustBeAdded() throws {
        try withTemporaryThemes { themes in
            try themes.write("harbour/strings/en.json", #"{"pay.button": "Pay now", "pay.tip": "Add a tip"}"#)
            #expect(loadError("harbour", in: themes.directory) ==
                #"Themes/harbour/strings/fr.json: missing key "pay.tip" (present in en.json)"#)
        }
    }

    @Test func keyMissingInEnglish() throws {
        try withTemporaryThemes { themes in
            try themes.write("plain/strings/fr.json", #"{"pay.button": "Payer", "title": "Paiement", "pay.tip": "Pourboire"}"#)
            #expect(loadError("plain", in: themes.directory) ==
                #"Themes/plain/strings/en.json: missing key "pay.tip" (present in fr.json)"#)
        }
    }

    @Test func missingLanguageFile() throws {
        try withTemporaryThemes { themes in
            try themes.remove("plain/strings/fr.json")
            #expect(loadError("harbour", in: themes.directory) ==
                "Themes/harbour/strings/fr.json: missing strings file (required for every theme chain)")
        }
    }

    @Test(arguments: [
        (#"{"pay.button": "Pay now""#, "invalid JSON"),
        (#"{"pay.button": 3}"#, #"value of "pay.button" is not a string"#),
        (#"{"pay.button": true}"#, #"value of "pay.button" is not a string"#),
        (#"{"pay": {"button": "x"}}"#, #"value of "pay" is not a string"#),
        (#"["Pay"]"#, "expected a JSON object of strings"),
    ])
    func invalidStringTable(json: String, problem: String) throws {
        try withTemporaryThemes { themes in
            try themes.write("harbour/strings/en.json", json)
            #expect(loadError("harbour", in: themes.directory) == "Themes/harbour/strings/en.json: \(problem)")
        }
    }
}
