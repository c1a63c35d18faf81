import Testing
@testable import MarkdownRendering

struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()

    @Test func rendersHeadingsListsAndEmphasis() {
        let html = renderer.html("# Title\n\n- one\n- two\n\n*soft* and **strong**\n")
        #expect(html.contains("<h1>Title</h1>"))
        #expect(html.contains("<ul>\n<li>one</li>\n<li>two</li>\n</ul>"))
        #expect(html.contains("<em>soft</em>"))
        #expect(html.contains("<strong>strong</strong>"))
    }

    @Test func emptyInputRendersNothing() {
        #expect(renderer.html("") == "")
    }

    @Test func rawHTMLBecomesAComment() {
        let html = renderer.html("Hello <script>alert(1)</script>\n\n<div onclick=\"x()\">hi</div>\n")
        #expect(!html.contains("<script"))
        #expect(!html.contains("<div"))
        #expect(html.contains("<!-- raw HTML omitted -->"))
    }

    @Test func javascriptLinkIsInert() {
        let html = renderer.html("[x](javascript:alert(1))")
        #expect(!html.lowercased().contains("javascript:"))
        #expect(html == "<p><a>x</a></p>\n")
    }

    @Test(arguments: [
        "http://evil.example/a.png",
        "https://evil.example/a.png",
        "//evil.example/a.png",
        "HTTPS://evil.example/a.png",
        "data:image/png;base64,iVBORw0KGgo=",
        "ftp://evil.example/a.png",
        "https&#58;//evil.example/a.png",
        "<HtTp://evil.example/a.png>",
    ])
    func remoteImageIsReplacedByItsAltText(source: String) {
        let html = renderer.html("See ![a <b> & c](\(source)) here")
        #expect(!html.contains("<img"), "\(html)")
        #expect(!html.contains("evil.example"))
        #expect(html == "<p>See a &lt;b&gt; &amp; c here</p>\n")
    }

    @Test(arguments: ["images/logo.png", "/assets/logo.png", "logo.png?v=2", "./a b.png"])
    func localImageIsKept(source: String) {
        let html = renderer.html("![Logo](<\(source)> \"The logo\")")
        #expect(html.contains("<img src=\""), "\(html)")
        #expect(html.contains("alt=\"Logo\""))
        #expect(html.contains("title=\"The logo\""))
    }

    @Test(arguments: [
        ("[a](https://example.com/x)", "<a href=\"https://example.com/x\" rel=\"noopener noreferrer\">a</a>"),
        ("[a](mailto:shop@example.com)", "<a href=\"mailto:shop@example.com\">a</a>"),
        ("[a](tel:+15145550123)", "<a href=\"tel:+15145550123\">a</a>"),
        ("[a](receipt/fr/)", "<a href=\"receipt/fr/\">a</a>"),
        ("[a](#lines)", "<a href=\"#lines\">a</a>"),
        ("[a](sms:+15145550123)", "<a>a</a>"),
        ("[a](ftp://example.com \"t\")", "<a title=\"t\">a</a>"),
        ("<foo:bar>", "<a>foo:bar</a>"),
        ("[a](vbscript:msgbox)", "<a>a</a>"),
    ])
    func linkSchemes(markdown: String, expected: String) {
        #expect(renderer.html(markdown) == "<p>\(expected)</p>\n")
    }

    @Test func invalidUTF8DoesNotCrash() {
        let bytes: [UInt8] = Array("ok ".utf8) + [0xFF, 0xC3, 0x28, 0x00, 0xED, 0xA0, 0x80] + Array(" end".utf8)
        let html = renderer.html(utf8: bytes)
        #expect(html.hasPrefix("<p>ok "))
        #expect(html.contains("\u{FFFD}"))
        #expect(html.hasSuffix(" end</p>\n"))
    }

    @Test func embeddedNULDoesNotTruncate() {
        #expect(renderer.html("a\u{0}b").contains("b"))
    }
}
