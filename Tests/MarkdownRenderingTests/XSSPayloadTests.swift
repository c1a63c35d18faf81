import Testing
import MarkdownRendering

/// Notes come from user records and end up in the page's only raw slot.
struct XSSPayloadTests {
    static let payloads = [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<svg/onload=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](java\nscript:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](vbscript:msgbox(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![x](javascript:alert(1))",
        "![x\" onerror=\"alert(1)](a.png)",
        "[x](a.png \"t\\\" onmouseover=\\\"alert(1)\")",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<style>body{display:none}</style>",
        "`<script>`\n\n    <script>alert(1)</script>",
        "<!-- x --><script>alert(1)</script>",
        "<<script>script>alert(1)<</script>/script>",
        "<div\nonmouseover=alert(1)>x</div>",
        "[x](<javascript:alert(1)>)",
        "<javascript:alert(1)>",
        "<math><mtext><script>alert(1)</script></mtext></math>",
        "\"><script>alert(1)</script>",
    ]

    @Test(arguments: payloads)
    func payloadIsInert(payload: String) {
        let html = MarkdownRenderer().html(payload).lowercased()
        #expect(!html.contains("<script"), "\(html)")
        #expect(!html.contains("<iframe") && !html.contains("<svg") && !html.contains("<style"))
        for tag in Self.tags(in: html) {
            for (name, value) in tag {
                #expect(!name.hasPrefix("on"), "event handler in \(html)")
                if name == "href" || name == "src" {
                    #expect(!["javascript:", "vbscript:", "data:"].contains { value.contains($0) }, "\(html)")
                }
            }
        }
    }

    /// The attributes of every tag, read as a browser would (quoted values are not attributes),
    /// so that escaped text like `alt="x&quot; onerror=…"` is not mistaken for a handler.
    static func tags(in html: String) -> [[(name: String, value: String)]] {
        var result: [[(String, String)]] = []
        var rest = html[...]
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            guard rest.first?.isLetter == true else { continue }
            var attributes: [(String, String)] = []
            rest = rest.drop { !$0.isWhitespace && $0 != ">" && $0 != "/" }
            while let c = rest.first, c != ">" {
                if c.isWhitespace || c == "/" { rest = rest.dropFirst(); continue }
                let name = rest.prefix { !$0.isWhitespace && !"=>/".contains($0) }
                rest = rest.dropFirst(name.count)
                var value = ""
                if rest.first == "=" {
                    rest = rest.dropFirst()
                    if let quote = rest.first, quote == "\"" || quote == "'" {
                        rest = rest.dropFirst()
                        value = String(rest.prefix { $0 != quote })
                        rest = rest.dropFirst(value.count + 1)
                    } else {
                        value = String(rest.prefix { !$0.isWhitespace && $0 != ">" })
                        rest = rest.dropFirst(value.count)
                    }
                }
                if name.isEmpty { rest = rest.dropFirst() } else { attributes.append((String(name), value)) }
            }
            result.append(attributes)
        }
        return result
    }

    @Test func attributeReaderFindsHandlers() {
        let tags = Self.tags(in: "<p><img src=\"a\" alt=\"x onerror=1\" onload=go /></p>")
        #expect(tags.flatMap { $0.map(\.name) } == ["src", "alt", "onload"])
    }
}
