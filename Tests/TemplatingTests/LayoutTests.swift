import Templating
import Testing

/// Where text around tags goes: standalone lines, CRLF, indented partials, parents and blocks.
/// The expected bytes are what the themes were written against (swift-mustache's output for
/// the same templates, recorded when the engine replaced it), beyond the specification's cases.
struct LayoutTests {
    static let context: [String: TemplateValue] = [
        "title": .text("Tom & Jerry's <b>"), "yes": .flag(true), "no": .flag(false),
        "rows": .list([TemplateValue.object(["label": TemplateValue.text("a"), "note": .text("n<1>")]),
                       .object(["label": TemplateValue.text("b")])]),
        "lines": .text("one\ntwo\n"),
    ]

    @Test(arguments: [
        ("{{! a comment }}a{{! another\nline }}b\n  {{! standalone }}\nc", "ab\nc"),
        ("  {{#yes}}\n  inside\n  {{/yes}}\n\t{{^no}}\t\nx\n{{/no}}  \n", "  inside\nx\n"),
        ("a {{#yes}}\n b\n{{/yes}} c\n  {{#rows}} {{label}}\n{{/rows}}\n", "a \n b\n c\n   a\n b\n"),
        ("line\r\n  {{#yes}}\r\n  crlf\r\n  {{/yes}}\r\nend", "line\r\n  crlf\r\nend"),
        ("{{#rows}}\n  {{#yes}}\n    {{label}}\n  {{/yes}}\n{{/rows}}", "    a\n    b\n"),
        ("{{lines}}|{{{lines}}}", "one\ntwo\n|one\ntwo\n"),
        ("{{=<% %>=}}<% title %>{{title}}<%={{ }}=%>{{title}}", "Tom &amp; Jerry&#39;s &lt;b&gt;{{title}}Tom &amp; Jerry&#39;s &lt;b&gt;"),
    ])
    func lines(template: String, expected: String) throws {
        #expect(try render(template, Self.context) == expected)
    }

    /// A standalone partial's lines are indented; text a value or a section brings is not.
    @Test func indentedPartials() throws {
        let item = "<li>{{title}}{{index()}}</li>\n{{#rows}}\n<li>{{label}}</li>\n{{/rows}}\n{{{lines}}}"
        let output = try render("<ul>\n{{#rows}}{{> item}}{{/rows}}\n  {{> item}}\n\t{{>item}}  \n{{> item}}\nx {{> item}} y\n    {{> nested}}\n</ul>\n",
                                Self.context, partials: ["item": item, "nested": "{{#yes}}\n  {{> item}}\n{{/yes}}\nend"])
        let title = "Tom &amp; Jerry&#39;s &lt;b&gt;"
        #expect(output == "<ul>\n<li>\(title)</li>\n<li>a</li>\n<li>b</li>\none\ntwo\n<li>\(title)</li>\n<li>a</li>\n<li>b</li>\none\ntwo\n\n"
            + "  <li>\(title)</li>\n  <li>a</li>\n<li>b</li>\n  one\ntwo\n\t<li>\(title)</li>\n\t<li>a</li>\n<li>b</li>\n\tone\ntwo\n"
            + "<li>\(title)</li>\n<li>a</li>\n<li>b</li>\none\ntwo\nx <li>\(title)</li>\n<li>a</li>\n<li>b</li>\none\ntwo\n y\n"
            + "      <li>\(title)</li>\n      <li>a</li>\n<li>b</li>\n      one\ntwo\n    end</ul>\n")
    }

    @Test func parentsAndBlocks() throws {
        let base = "<html>\n  {{$head}}default head{{/head}}\n  {{$body}}\n  default body\n  {{/body}}\n  {{> inner}}\n</html>\n"
        #expect(try render("{{<base}}\n  {{$body}}\n    overridden {{title}}\n      more\n  {{/body}}\n{{/base}}\nafter\n", Self.context,
                           partials: ["base": base, "inner": "  {{$foot}}foot{{/foot}}\n"])
            == "<html>\n  default head\n  overridden Tom &amp; Jerry&#39;s &lt;b&gt;\n    more\n    foot\n</html>\nafter\n")
        // The outer template's overrides reach blocks of partials the parent includes.
        #expect(try render("{{<base}}{{$foot}}new foot{{/foot}}{{/base}}", Self.context,
                           partials: ["base": "{{$body}}b{{/body}}|{{> inner}}|{{<inner}}{{$foot}}inner override{{/foot}}{{/inner}}",
                                      "inner": "{{$foot}}foot{{/foot}}"])
            == "b|new foot|new foot")
    }
}
