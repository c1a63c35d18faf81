import Foundation
import Mustache
import Testing
@testable import Theming

/// Each Mustache feature, rendered by our engine and by swift-mustache: the bytes must match,
/// and the engine must not have fallen back (or must have, for what it leaves to swift-mustache).
struct EngineFeatureTests {
    struct Row: MustacheParent {
        var label: String
        var note: String?
        func child(named name: String) -> Any? {
            switch name {
            case "label": label
            case "note": note
            default: nil
            }
        }
    }

    struct Mirrored { var title: String; var inner: Inner?; struct Inner { var name: String } }

    static var context: [String: Any] { [
        "title": "Tom & Jerry's <b>",
        "html": "<em>ok</em>",
        "yes": true, "no": false, "zero": 0,
        "rows": [Row(label: "a", note: "n<1>"), Row(label: "b", note: nil)],
        "none": [Row](),
        "names": ["x", "y"],
        "t": ["hello": "Bonjour", "bye": "Salut"],
        "obj": ["inner": ["deep": "D"], "label": "objLabel"],
        "mirrored": Mirrored(title: "M", inner: .init(name: "I")),
        "lines": "one\ntwo\n",
    ] }

    /// Template name → text, rendered with the first entry as the page.
    func compare(_ templates: [(String, String)], fallsBack: Bool = false,
                 context: Any = EngineFeatureTests.context, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try withTemporaryThemes { themes in
            for (name, text) in templates { try themes.write("plain/templates/\(name).mustache", text) }
            let theme = try ThemeLoader(themesDirectory: themes.directory).load("plain")
            let page = templates[0].0
            let expected = try theme.renderWithSwiftMustache(page, context)
            #expect(try theme.render(page, context) == expected, sourceLocation: sourceLocation)
            let fast = theme.engine?.render(page, context)
            if fallsBack {
                #expect(fast == nil, sourceLocation: sourceLocation)
            } else {
                #expect(fast == expected, sourceLocation: sourceLocation)
            }
        }
    }

    @Test(arguments: [
        "{{title}}|{{{title}}}|{{& title}}|{{{html}}}|{{missing}}",
        "{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}notN{{/no}}{{^yes}}notY{{/yes}}{{#zero}}Z{{/zero}}",
        "{{#rows}}<{{label}}:{{note}}:{{title}}>{{/rows}}{{^rows}}empty{{/rows}}",
        "{{#none}}x{{/none}}{{^none}}[{{.}}]empty{{/none}}{{^missing}}nothing{{/missing}}",
        "{{#names}}{{.}},{{/names}}{{#title}}[{{.}}]{{/title}}",
        "{{t.hello}} {{t.missing}} {{obj.inner.deep}} {{#obj}}{{inner.deep}}{{label}}{{title}}{{/obj}}",
        "{{#obj.inner}}{{deep}}{{obj.label}}{{.deep}}{{.title}}{{/obj.inner}}",
        "{{mirrored.title}} {{mirrored.inner.name}} {{#mirrored}}{{#inner}}{{name}}{{title}}{{/inner}}{{/mirrored}}",
        "{{#rows}}{{#note}}({{.}}){{/note}}{{^note}}(none){{/note}}{{/rows}}",
        "{{! a comment }}a{{! another\nline }}b\n  {{! standalone }}\nc",
        "{{=<% %>=}}<% title %>{{title}}<%={{ }}=%>{{title}}",
        "  {{#yes}}\n  inside\n  {{/yes}}\n\t{{^no}}\t\nx\n{{/no}}  \n",
        "a {{#yes}}\n b\n{{/yes}} c\n  {{#rows}} {{label}}\n{{/rows}}\n",
        "line\r\n  {{#yes}}\r\n  crlf\r\n  {{/yes}}\r\nend",
        "{{#rows}}\n  {{#yes}}\n    {{label}}\n  {{/yes}}\n{{/rows}}",
        "{{lines}}|{{{lines}}}",
        "{{#rows}}{{index()}}{{#first()}}F{{/first()}}{{^last()}},{{/last()}}{{#even()}}e{{/even()}}{{#odd()}}o{{/odd()}}{{/rows}}",
        "{{#rows}}{{#yes}}{{index()}}{{/yes}}{{#obj}}[{{index()}}]{{/obj}}{{#names}}{{index()}}{{/names}}{{index()}}{{/rows}}{{index()}}",
    ])
    func features(template: String) throws {
        try compare([("probe", template)])
    }

    @Test func indentedPartials() throws {
        try compare([
            ("probe", "<ul>\n{{#rows}}{{> item}}{{/rows}}\n  {{> item}}\n\t{{>item}}  \n{{> item}}\nx {{> item}} y\n    {{> nested}}\n</ul>\n"),
            ("partials/item", "<li>{{title}}{{index()}}</li>\n{{#rows}}\n<li>{{label}}</li>\n{{/rows}}\n{{{lines}}}"),
            ("partials/nested", "{{#yes}}\n  {{> item}}\n{{/yes}}\nend"),
        ])
    }

    @Test func parentsAndBlocks() throws {
        try compare([
            ("probe", "{{<base}}\n  {{$body}}\n    overridden {{title}}\n      more\n  {{/body}}\n{{/base}}\nafter\n"),
            ("base", "<html>\n  {{$head}}default head{{/head}}\n  {{$body}}\n  default body\n  {{/body}}\n  {{> inner}}\n</html>\n"),
            ("partials/inner", "  {{$foot}}foot{{/foot}}\n"),
        ])
        try compare([
            ("probe", "{{<base}}{{$foot}}new foot{{/foot}}{{/base}}"),
            ("base", "{{$body}}b{{/body}}|{{> inner}}|{{<inner}}{{$foot}}inner override{{/foot}}{{/inner}}"),
            ("partials/inner", "{{$foot}}foot{{/foot}}"),
        ])
    }

    @Test func leftToSwiftMustache() throws {
        try compare([("probe", "{{uppercased(title)}}")], fallsBack: true)
        try compare([("probe", "{{#rows}}{{plusone(index())}}{{/rows}}")], fallsBack: true)
        try compare([("probe", "{{>*title}}")], fallsBack: true)
        try compare([("probe", "{{% CONTENT_TYPE: TEXT}}{{title}}")], fallsBack: true)
        let lambda: [String: Any] = ["l": MustacheLambda { "<b>lambda</b>" }]
        try compare([("probe", "{{l}}|{{#l}}x{{/l}}")], fallsBack: true, context: lambda)
    }
}
