import Templating
import Testing

/// How names resolve against contexts: the rules page view models rely on.
struct LookupTests {
    @Test(arguments: [
        ("{{title}}|{{{title}}}|{{missing}}|{{nothing}}", "Tom &amp; Jerry&#39;s &lt;b&gt;|Tom & Jerry's <b>||"),
        ("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}notN{{/no}}{{^yes}}notY{{/yes}}|{{yes}}{{no}}", "YnotN|truefalse"),
        ("{{#rows}}<{{label}}:{{note}}:{{title}}>{{/rows}}",
         "<a:n&lt;1&gt;:Tom &amp; Jerry&#39;s &lt;b&gt;><b::Tom &amp; Jerry&#39;s &lt;b&gt;><c::Tom &amp; Jerry&#39;s &lt;b&gt;>"),
        // nil lets the lookup go on outward; empty text is a value (and true for a section).
        ("{{#rows}}{{#note}}({{.}}){{/note}}{{^note}}-{{/note}}{{/rows}}", "(n&lt;1&gt;)-()"),
        ("{{#none}}x{{/none}}{{^none}}empty{{/none}}{{^missing}}!{{/missing}}{{^nothing}}null{{/nothing}}", "empty!null"),
        ("{{obj.inner.deep}} {{#obj}}{{inner.deep}}{{label}}{{/obj}} {{#obj.inner}}{{deep}}{{obj.label}}{{.deep}}{{.title}}{{/obj.inner}}",
         "D DobjLabel DobjLabelD"),
        // After the first name, a dotted name never climbs.
        ("{{#obj}}{{inner.title}}|{{title}}{{/obj}}", "|Tom &amp; Jerry&#39;s &lt;b&gt;"),
        ("{{#names}}{{.}},{{/names}}{{#title}}[{{.}}]{{/title}}", "x,y,[Tom &amp; Jerry&#39;s &lt;b&gt;]"),
        ("{{title.length}}{{yes.x}}{{names.x}}", ""),
    ])
    func resolves(template: String, expected: String) throws {
        #expect(try render(template, sample) == expected)
    }

    @Test func numbersPrintInDecimal() throws {
        #expect(try render("{{n}} {{#n}}<{{.}}>{{/n}}{{^n}}none{{/n}}", ["n": 0]) == "0 <0>")
    }

    @Test func unknownTemplateIsNil() throws {
        #expect(try TemplateLibrary([:]).render("page", sample) == nil)
    }
}
