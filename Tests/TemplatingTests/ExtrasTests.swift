import Templating
import Testing

/// The two features the themes use beyond the specification: list positions and the
/// content-type pragma.
struct ExtrasTests {
    @Test(arguments: [
        ("{{#rows}}{{label}}{{^last()}}, {{/last()}}{{/rows}}", "a, b, c"),
        ("{{#rows}}{{#first()}}[{{/first()}}{{label}}{{#last()}}]{{/last()}}{{/rows}}", "[abc]"),
        ("{{#rows}}{{^first()}}+{{/first()}}{{label}}{{/rows}}", "a+b+c"),
        ("{{#rows}}{{index()}}{{/rows}}", "012"),
        ("{{#rows}}{{#even()}}e{{/even()}}{{#odd()}}o{{/odd()}}{{^even()}}!{{/even()}}{{/rows}}", "eo!e"),
        ("{{#names}}{{.}}{{^last()}} · {{/last()}}{{/names}}", "x · y"),
        // Outside a list there is no position: the inverted sections render, the others do not.
        ("{{^last()}}no list{{/last()}}{{#first()}}?{{/first()}}[{{index()}}]", "no list[]"),
        // A true flag keeps the position; entering an object hides it.
        ("{{#rows}}{{#yes}}{{index()}}{{/yes}}{{#obj}}[{{index()}}]{{/obj}}{{/rows}}", "0[]1[]2[]"),
        // Nested lists: the innermost position; the outer one comes back after it.
        ("{{#rows}}{{#names}}{{index()}}{{/names}}/{{index()}} {{/rows}}", "01/0 01/1 01/2 "),
        ("{{#rows}}{{> item}}{{/rows}}", "[][][]"),
    ])
    func positions(template: String, expected: String) throws {
        #expect(try render(template, sample, partials: ["item": "[{{index()}}]"]) == expected)
    }

    @Test(arguments: [
        ("{{% CONTENT_TYPE: TEXT}}\n{{title}}\n", "Tom & Jerry's <b>\n"),
        ("{{%CONTENT_TYPE:HTML}}{{title}}", "Tom &amp; Jerry&#39;s &lt;b&gt;"),
        ("{{title}}|{{% CONTENT_TYPE: TEXT}}{{title}}|{{% CONTENT_TYPE: HTML}}{{title}}",
         "Tom &amp; Jerry&#39;s &lt;b&gt;|Tom & Jerry's <b>|Tom &amp; Jerry&#39;s &lt;b&gt;"),
        // For the rest of the section it is in.
        ("{{#yes}}{{% CONTENT_TYPE: TEXT}}{{title}}{{/yes}}|{{title}}", "Tom & Jerry's <b>|Tom &amp; Jerry&#39;s &lt;b&gt;"),
        // Partials rendered after it follow it; a partial's own does not leak out.
        ("{{% CONTENT_TYPE: TEXT}}{{> plain}}", "Tom & Jerry's <b>"),
        ("{{> text}}|{{title}}", "Tom & Jerry's <b>|Tom &amp; Jerry&#39;s &lt;b&gt;"),
        ("{{{title}}}{{& title}}", "Tom & Jerry's <b>Tom & Jerry's <b>"),
    ])
    func contentTypePragma(template: String, expected: String) throws {
        let partials = ["plain": "{{title}}", "text": "{{% CONTENT_TYPE: TEXT}}{{title}}"]
        #expect(try render(template, sample, partials: partials) == expected)
    }
}
