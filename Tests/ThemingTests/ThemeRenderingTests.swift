import Foundation
import Testing
@testable import Theming

/// Pins down which context shapes swift-mustache can read, since the Generator passes typed
/// Sendable structs and relies on this.
struct ThemeRenderingTests {
    enum Status: String, Sendable { case open, paid }

    struct Line: Sendable { var label: String; var total: String }
    struct Customer: Sendable { var name: String; var phone: String? }
    struct Context: Sendable {
        var title: String
        var note: String
        var customer: Customer
        var refundedBy: Customer?
        var lines: [Line]
        var noLines: [Line]
        var isPaid: Bool
        var count: Int
        var status: Status
        var labels: [String: String]
        var computedIsInvisible: String { "computed" }
    }

    static let context = Context(
        title: "Tom & Jerry's <script>alert(1)</script>",
        note: "<p><em>Thanks</em></p>",
        customer: .init(name: "Zoé", phone: nil),
        refundedBy: nil,
        lines: [.init(label: "Oil", total: "$40.00"), .init(label: "Filter", total: "$12.00")],
        noLines: [],
        isPaid: true,
        count: 0,
        status: .paid,
        labels: ["pay.button": "Pay"]
    )

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
        ("{{#refundedBy}}refunded{{/refundedBy}}{{^refundedBy}}not refunded{{/refundedBy}}", "not refunded"),
        ("{{#lines}}{{label}}={{total}}{{^last()}}, {{/last()}}{{/lines}}", "Oil=$40.00, Filter=$12.00"),
        ("{{#lines}}{{index()}}{{/lines}}", "01"),
        ("{{#noLines}}x{{/noLines}}{{^noLines}}empty{{/noLines}}", "empty"),
        ("{{#isPaid}}paid{{/isPaid}}", "paid"),
        ("{{#count}}zero is truthy{{/count}}", "zero is truthy"),
        ("{{status}}", "paid"),
        ("{{labels.pay.button}}", ""),
        ("[{{computedIsInvisible}}][{{doesNotExist}}]", "[][]"),
        ("{{#lines}}{{#first()}}{{label}}{{/first()}}{{/lines}}", "Oil"),
    ])
    func contextShapes(template: String, expected: String) throws {
        #expect(try render(template) == expected)
    }

    @Test func dictionariesWork() throws {
        try withTemporaryThemes { themes in
            try themes.write("plain/templates/probe.mustache", "{{a.b}} {{#list}}{{.}}{{/list}} {{missing}}")
            let theme = try ThemeLoader(themesDirectory: themes.directory).load("plain")
            let context: [String: Any] = ["a": ["b": "<b>"], "list": ["x", "y"]]
            #expect(try theme.render("probe", context) == "&lt;b&gt; xy ")
        }
    }
}
