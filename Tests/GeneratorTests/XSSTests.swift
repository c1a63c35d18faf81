import Billing
import Foundation
@testable import Generator
import Testing

/// Hostile text in every field of a record (and in the company name) comes out escaped, and
/// Markdown notes with scripts, raw HTML and `javascript:` links come out inert.
struct XSSTests {
    static let payload = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'><svg onload=alert(3)>javascript:alert(4)"

    static let record = """
        {
          "reference": "XSS-1",
          "customer": {
            "name": \(json(payload)),
            "phone": "514 555-0199",
            "email": "x@example.com",
            "language": "en",
            "meta": { "vehicle": \(json(payload)), "plate": \(json(payload)) }
          },
          "appointment": { "meta": { "animal_name": \(json(payload)) } },
          "lines": [
            { "description": \(json(payload)), "unitPrice": "10.00" },
            { "description": "[click](javascript:alert(5)) <b onmouseover=alert(6)>x</b>", "quantity": "2", "unitPrice": "5.00" }
          ],
          "notes": \(json("""
            Hello <script>alert(7)</script>

            <div onclick="alert(8)">raw html</div>

            [pay here](javascript:alert(9)) [data](data:text/html;base64,PHNjcmlwdD4=) ![remote](https://evil.example/x.png)

            <a href="javascript:alert(10)">raw link</a> <iframe src="https://evil.example"></iframe>
            """)),
          "source": \(json(payload))
        }
        """

    static func json(_ text: String) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes]), as: UTF8.self)
            .dropFirst().dropLast().description
    }

    /// A tag as a browser would read it: its name and attributes (quoted values honoured, so an
    /// escaped `onerror=` inside an attribute value is not mistaken for an attribute).
    struct Tag {
        var name: String
        var attributes: [(name: String, value: String)]
    }

    static func tags(_ html: String) -> [Tag] {
        let chars = Array(html.unicodeScalars)
        var tags: [Tag] = []
        var i = 0
        func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\n" || c == "\t" || c == "\r" || c == "\u{0C}" }
        while i < chars.count {
            guard chars[i] == "<", i + 1 < chars.count, chars[i + 1].properties.isAlphabetic else {
                if chars[i] == "<", i + 3 < chars.count, chars[i + 1] == "!", chars[i + 2] == "-", chars[i + 3] == "-" {
                    // Skip comments.
                    var j = i + 4
                    while j + 2 < chars.count, !(chars[j] == "-" && chars[j + 1] == "-" && chars[j + 2] == ">") { j += 1 }
                    i = j + 3
                    continue
                }
                i += 1
                continue
            }
            i += 1
            var name = ""
            while i < chars.count, !isSpace(chars[i]), chars[i] != ">", chars[i] != "/" { name.unicodeScalars.append(chars[i]); i += 1 }
            var attributes: [(String, String)] = []
            while i < chars.count, chars[i] != ">" {
                if isSpace(chars[i]) || chars[i] == "/" { i += 1; continue }
                var attr = ""
                while i < chars.count, !isSpace(chars[i]), chars[i] != "=", chars[i] != ">" { attr.unicodeScalars.append(chars[i]); i += 1 }
                var value = ""
                if i < chars.count, chars[i] == "=" {
                    i += 1
                    if i < chars.count, chars[i] == "\"" || chars[i] == "'" {
                        let quote = chars[i]
                        i += 1
                        while i < chars.count, chars[i] != quote { value.unicodeScalars.append(chars[i]); i += 1 }
                        i += 1
                    } else {
                        while i < chars.count, !isSpace(chars[i]), chars[i] != ">" { value.unicodeScalars.append(chars[i]); i += 1 }
                    }
                }
                attributes.append((attr.lowercased(), value))
            }
            tags.append(Tag(name: name.lowercased(), attributes: attributes))
            i += 1
        }
        return tags
    }

    /// Every `<script>` must be one of the theme's external scripts; no event handler attribute,
    /// no `javascript:` URL, no element that only data could have brought, no remote image.
    static func problems(in html: String, file: String) -> [String] {
        var problems: [String] = []
        for tag in tags(html) {
            switch tag.name {
            case "script":
                let src = tag.attributes.first { $0.name == "src" }?.value ?? ""
                if !src.contains("assets/") || src.contains("//") { problems.append("\(file): inline or foreign script") }
            case "iframe", "svg", "object", "embed", "form", "style", "base", "meta" where tag.attributes.contains { $0.name == "http-equiv" }:
                problems.append("\(file): <\(tag.name)> from data")
            case "img":
                let src = tag.attributes.first { $0.name == "src" }?.value ?? ""
                if src.contains("//") || src == "x" { problems.append("\(file): image \(src)") }
            default: break
            }
            for (name, value) in tag.attributes {
                if name.hasPrefix("on") { problems.append("\(file): event handler \(name) on <\(tag.name)>") }
                let url = value.trimmingCharacters(in: .whitespaces).lowercased()
                if ["href", "src", "action", "formaction"].contains(name), url.hasPrefix("javascript:") || url.hasPrefix("data:text") {
                    problems.append("\(file): \(name)=\(value)")
                }
            }
        }
        if html.contains("<script>") { problems.append("\(file): inline script") }
        return problems
    }

    @Test func payloadsComeOutEscapedEverywhere() throws {
        let ws = try TestWorkspace(copyInvoices: false)
        // The company name too.
        let businessFile = ws.root.appendingPathComponent("Records/business.json")
        var business = try String(contentsOf: businessFile, encoding: .utf8)
        business = business.replacingOccurrences(of: "\"Garage Tremblay & Fils\"", with: Self.json("Garage " + Self.payload))
        try Data(business.utf8).write(to: businessFile)
        try ws.write("Records/invoices/XSS-1.json", Self.record)
        try ws.registerAll()
        try ws.pay("XSS-1")
        try ws.refund("XSS-1", "1.00", reason: Self.payload)
        _ = try ws.build()

        var pages: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: ws.output.path)!
        while let path = enumerator.nextObject() as? String {
            if path.hasSuffix(".html") { pages.append(path) }
        }
        let token = try ws.token("XSS-1")
        #expect(pages.contains("public/p/\(token)/en/index.html"))
        #expect(pages.contains("public/p/\(token)/receipt/en/index.html"))
        #expect(pages.contains { $0.hasPrefix("gallery/") })
        var problems: [String] = []
        for page in pages {
            let html = try ws.read(page)
            problems += Self.problems(in: html, file: page)
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")

        let page = try ws.read("public/p/\(token)/en/index.html")
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(page.contains("Garage &lt;script&gt;"))
        #expect(page.contains("<!-- raw HTML omitted -->"))
        #expect(!page.contains("evil.example/x.png\""))
        let receipt = try ws.read("public/p/\(token)/receipt/en/index.html")
        #expect(receipt.contains("&lt;img src=x onerror=alert(2)&gt;"))
    }

    @Test func theCheckerCatchesWhatItShould() {
        #expect(!Self.problems(in: "<script>alert(1)</script>", file: "x").isEmpty)
        #expect(!Self.problems(in: "<a href=\"javascript:alert(1)\">", file: "x").isEmpty)
        #expect(!Self.problems(in: "<img src=\"a.png\" onerror=\"x\">", file: "x").isEmpty)
        #expect(!Self.problems(in: "<div title=x onclick=alert(1)>", file: "x").isEmpty)
        #expect(Self.problems(in: "<a aria-label=\"&lt;img src=x onerror=alert(2)&gt;\" href=\"tel:+1\">", file: "x").isEmpty)
        #expect(Self.problems(in: "<script src=\"../../assets/default/js/lang.1.js\" defer></script><p>javascript: is text</p>", file: "x").isEmpty)
    }
}

