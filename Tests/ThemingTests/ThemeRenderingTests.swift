import Foundation
import Templating
import Testing
@testable import Theming

/// A theme renders its templates with HTML escaping on, against contexts that answer names
/// through `TemplateObject` (view models, tables).
struct ThemeRenderingTests {
    struct Customer: TemplateObject {
        var name: String
        var phone: String?
        func field(_ key: String) -> TemplateValue? {
            switch key {
            case "name": .init(name)
            case "phone": .init(phone)
            default: nil
            }
        }
    }

    struct Context: TemplateObject {
        var title: String
        var note: String
        var customer: Customer
        var lines: [[String: String]]
        var labels: [String: String]
        func field(_ key: String) -> TemplateValue? {
            switch key {
            case "title": .init(title)
            case "note": .init(note)
            case "customer": .init(customer)
            case "lines": .init(lines)
            case "labels": .init(labels)
            default: nil
            }
        }
    }

    static let context = Context(
        title: "Tom & Jerry's <script>alert(1)</script>", note: "<p><em>Thanks</em></p>",
        customer: .init(name: "Zoé", phone: nil),
        lines: [["label": "Oil", "total": "$40.00"], ["label": "Filter", "total": "$12.00"]],
        labels: ["pay.button": "Pay", "pay": "Payer"])

    /// Renders one template text with `Context` in a temporary copy of the fixtures.
    func render(_ template: String) throws -> String {
        var output = ""
        try withTemporaryThemes { themes in
            try themes.write("plain/templates/probe.mustache", template)
            output = try ThemeLoader(themesDirectory: themes.directory).load("plain").render("probe", Self.context)
        }
        return output
    }

    @Test func escapingIsOnByDefault() throws {
        #expect(try render("{{title}}") == "Tom &amp; Jerry&#39;s &lt;script&gt;alert(1)&lt;/script&gt;")
        #expect(try render("{{{note}}}|{{& note}}") == "<p><em>Thanks</em></p>|<p><em>Thanks</em></p>")
    }

    @Test(arguments: [
        ("{{customer.name}}", "Zoé"),
        ("{{#customer}}{{name}}/{{title}}{{/customer}}", "Zoé/Tom &amp; Jerry&#39;s &lt;script&gt;alert(1)&lt;/script&gt;"),
        ("[{{customer.phone}}]{{^customer.phone}}no phone{{/customer.phone}}", "[]no phone"),
        ("{{#lines}}{{label}}={{total}}{{^last()}}, {{/last()}}{{/lines}}", "Oil=$40.00, Filter=$12.00"),
        // A dot always means nesting: a table key holding one cannot be reached.
        ("[{{labels.pay.button}}][{{labels.pay}}]", "[][Payer]"),
        ("[{{doesNotExist}}]", "[]"),
    ])
    func contextShapes(template: String, expected: String) throws {
        #expect(try render(template) == expected)
    }

    /// A partial that includes itself whatever the data is an error naming the template.
    @Test func endlessPartialIsAThemeError() throws {
        try withTemporaryThemes { themes in
            try themes.write("plain/templates/probe.mustache", "{{> loop}}")
            try themes.write("plain/templates/partials/loop.mustache", "{{> loop}}")
            let theme = try ThemeLoader(themesDirectory: themes.directory).load("plain")
            #expect(throws: ThemeError(.partialsTooDeep(partial: "loop"), file: "Themes/plain/templates/probe.mustache")) {
                try theme.render("probe", Self.context)
            }
        }
    }
}
