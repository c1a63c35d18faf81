import Billing
import Foundation
import Messaging
import PreviewServer
import Store
import Testing

/// Item 4 (second half): property tests with a seeded generator, at least 10,000 cases each
/// (200,000 with PAYPAGE_HARDENING_LONG=1): no crash, no hang, and the parsers' invariants.
@Suite("Property tests (seeded)")
struct PropertyTests {
    static let cases = Hardening.isLong ? 200_000 : 10_000

    static func generator(_ salt: UInt64) -> SeededGenerator {
        let seed = Hardening.seed ^ salt
        return SeededGenerator(seed: seed)
    }

    static func string(_ alphabet: [String], maxLength: Int, using random: inout SeededGenerator) -> String {
        let count = Int.random(in: 0...maxLength, using: &random)
        var text = ""
        for _ in 0..<count { text += alphabet.randomElement(using: &random)! }
        return text
    }

    /// Runs `body` `cases` times and fails if the whole run takes absurdly long (a hang).
    static func run(_ name: String, _ body: (Int) throws -> Void) rethrows {
        let clock = ContinuousClock()
        let start = clock.now
        for index in 0..<cases { try body(index) }
        let elapsed = clock.now - start
        #expect(elapsed < .seconds(Hardening.isLong ? 600 : 45), "\(name): \(cases) cases took \(elapsed)")
    }

    // MARK: Money.parse

    @Test("Money.parse: never traps; what it accepts round-trips through decimalString")
    func moneyParse() throws {
        var random = Self.generator(0x4D4F4E4559)
        let alphabet = ["0", "1", "2", "5", "9", "0", "7", ".", ",", " ", "\u{00A0}", "\u{202F}", "\t", "-", "+", "e", "E", "$",
                        "٣", "１", "½", "x", "'", "_", "99999999999", "9223372036854775807", "00", ".5", ",00"]
        let currencies: [Currency] = [.cad, .usd, .jpy, .eur]
        try Self.run("Money.parse") { index in
            let currency = currencies[index % currencies.count]
            let text: String
            if index % 3 == 0 {
                // A valid amount written the canonical way must parse back to itself.
                let units = Int64.random(in: 0...Int64.max / 1000, using: &random) >> Int.random(in: 0...60, using: &random)
                let money = Money(minorUnits: units, currency: currency)
                let parsed = try Money.parse(money.decimalString, currency: currency, sign: .positiveOrZero)
                #expect(parsed == money, "\(money.decimalString) parsed as \(parsed)")
                text = money.decimalString
            } else {
                text = Self.string(alphabet, maxLength: 24, using: &random)
            }
            for sign in [Money.Sign.positive, .positiveOrZero, .any] {
                guard let parsed = try? Money.parse(text, currency: currency, sign: sign) else { continue }
                #expect(parsed.currency == currency)
                switch sign {
                case .positive: #expect(parsed.minorUnits > 0, "\(text)")
                case .positiveOrZero: #expect(parsed.minorUnits >= 0, "\(text)")
                case .any: break
                }
                let again = try? Money.parse(parsed.decimalString, currency: currency, sign: .any)
                #expect(again == parsed, "\"\(text)\" → \(parsed.decimalString) does not round-trip")
            }
        }
    }

    // MARK: RecordDecoder + InvoiceValidator

    @Test("RecordDecoder + InvoiceValidator on mutated JSON: errors, never traps")
    func recordDecoder() throws {
        var random = Self.generator(0x5245434F5244)
        let businesses = try RecordsReader(workspace: Hardening.repository).loadBusinesses()
        let seeds = try FileManager.default.contentsOfDirectory(atPath: Hardening.repository.appendingPathComponent("Records/invoices").path)
            .sorted().map { try Data(contentsOf: Hardening.repository.appendingPathComponent("Records/invoices/\($0)")) }
        let snippets = ["\"", "{", "}", "[", "]", ",", ":", "null", "true", "-1", "1e400", "\"1e400\"", "\"-0.00\"", "\"99999999999999999999\"",
                        "\"\\u0000\"", "\"\\ud800\"", "\"0.001\"", "\"abc\"", "[]", "{}", "\"10%\"", "\"150%\"", "\"-5.00\"", "\"1.5\"",
                        "\"9223372036854775807\"", "\"\\\\\"", "\u{FEFF}", "\"2026-02-30\"", "\"+15145550100\"", "\"\"", "0", "1.0"]
        let keys = ["reference", "customer", "name", "phone", "lines", "quantity", "unitPrice", "discount", "taxable", "amount",
                    "notes", "issued", "due", "business", "meta", "appointment", "language", "email"]
        try Self.run("RecordDecoder") { index in
            var bytes = [UInt8](seeds[index % seeds.count])
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let position = Int.random(in: 0...bytes.count, using: &random)
                switch Int.random(in: 0..<6, using: &random) {
                case 0 where !bytes.isEmpty: bytes[min(position, bytes.count - 1)] = UInt8.random(in: 0...255, using: &random)
                case 1 where !bytes.isEmpty:
                    let end = min(bytes.count, position + Int.random(in: 1...20, using: &random))
                    bytes.removeSubrange(min(position, end)..<end)
                case 2: bytes.insert(contentsOf: Array(snippets.randomElement(using: &random)!.utf8), at: position)
                case 3:
                    // Replace the value after a known key with a hostile one.
                    let key = Array("\"\(keys.randomElement(using: &random)!)\":".utf8)
                    if let found = bytes.firstRange(of: key) {
                        let valueEnd = bytes[found.upperBound...].firstIndex(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "}") }) ?? bytes.endIndex
                        bytes.replaceSubrange(found.upperBound..<valueEnd, with: Array(snippets.randomElement(using: &random)!.utf8))
                    }
                case 4: bytes.insert(contentsOf: Array(repeating: UInt8(ascii: "["), count: Int.random(in: 1...200, using: &random)), at: position)
                default: bytes.append(UInt8.random(in: 0...255, using: &random))
                }
            }
            let file = "Records/invoices/fuzz-\(index).json"
            do throws(RecordError) {
                let record = try RecordDecoder().decode(InvoiceRecord.self, from: Data(bytes), file: file)
                let business = businesses.settings(for: record.business) ?? businesses.main
                do throws(RecordErrors) {
                    let invoice = try InvoiceValidator(business: business).validate(record, file: file, expectedReference: nil)
                    _ = try? invoice.totals(taxes: business.taxes, currency: business.currency)
                } catch {
                    #expect(!error.errors.isEmpty)
                    #expect(error.errors.allSatisfy { $0.file == file })
                }
            } catch {
                #expect(error.file == file)
            }
        }
    }

    // MARK: MessageTemplate + PlaceholderFiller

    @Test("MessageTemplate + PlaceholderFiller: values are inserted verbatim and never parsed again")
    func placeholderFiller() throws {
        var random = Self.generator(0x504C414345)
        let names = ["customer.name", "company.name", "request.reference", "request.amount", "request.link",
                     "customer.meta_rent_due", "appointment.meta_animal_name", "customer.meta_", "unknown.thing", "", " ", "customer.name "]
        let textAlphabet = ["a", "é", " ", "\n", "[", "]", "{", "}", "{{", "$", "😀", "\u{202E}", "\\", "STOP", "\r\n", "x"]
        let valueAlphabet = textAlphabet + ["{ customer.name }", "{ request.link }", "{{x}}", "[ insert ]"]
        try Self.run("PlaceholderFiller") { _ in
            // Either random text (mostly refused), or a well-formed template built from parts.
            var source = ""
            var expectedParts: [(literal: String?, name: String?)] = []
            for _ in 0..<Int.random(in: 0...8, using: &random) {
                if Bool.random(using: &random) {
                    let literal = Self.string(textAlphabet.filter { $0 != "{" && $0 != "}" && $0 != "{{" }, maxLength: 6, using: &random)
                    source += literal
                    expectedParts.append((literal, nil))
                } else {
                    let name = names.randomElement(using: &random)!
                    source += "{" + (Bool.random(using: &random) ? " \(name) " : name) + "}"
                    expectedParts.append((nil, name))
                }
            }
            if Int.random(in: 0..<4, using: &random) == 0 { source = Self.string(textAlphabet, maxLength: 20, using: &random) }
            let context = PlaceholderContext(
                customerName: Self.string(valueAlphabet, maxLength: 5, using: &random),
                customerMeta: ["rent_due": Self.string(valueAlphabet, maxLength: 4, using: &random)],
                companyName: Self.string(valueAlphabet, maxLength: 4, using: &random),
                appointmentMeta: ["animal_name": Self.string(valueAlphabet, maxLength: 4, using: &random)],
                reference: "R-1", formattedAmount: "1 234,56 $", link: "http://127.0.0.1:8080/p/abc/")
            _ = PlaceholderFiller.unfilledBrackets(in: source)
            guard let template = try? MessageTemplate(name: "fuzz", language: .fr, text: source) else { return }
            guard let filled = try? PlaceholderFiller.fill(template, with: context) else { return }
            // Rebuild the expected text from the template's own parts: a value is never re-read as a placeholder.
            var expected = ""
            for part in template.parts {
                switch part {
                case .text(let text): expected += text
                case let .placeholder(name, _):
                    switch name {
                    case "customer.name": expected += context.customerName
                    case "company.name": expected += context.companyName
                    case "request.reference": expected += context.reference
                    case "request.amount": expected += context.formattedAmount
                    case "request.link": expected += context.link
                    case "customer.meta_rent_due": expected += context.customerMeta["rent_due"]!
                    case "appointment.meta_animal_name": expected += context.appointmentMeta["animal_name"]!
                    default: Issue.record("\(name) was filled although it is unknown")
                    }
                }
            }
            #expect(filled == expected, "template \(source.debugDescription)")
            for found in PlaceholderFiller.unfilledBrackets(in: filled) { #expect(found.hasPrefix("[")) }
        }
    }

    // MARK: Accept-Language

    @Test("AcceptLanguage: always one of the supported languages; explicit preferences win")
    func acceptLanguage() {
        var random = Self.generator(0x4C414E47)
        let tags = ["fr", "en", "fr-CA", "en-US", "EN", "Fr-ca", "de", "*", "", "x", "fr-", "-", "zh-Hant-TW", "i-klingon", "ﬀ", "é"]
        let qs = ["", ";q=0", ";q=1", ";q=0.5", ";q=0.999", ";q=1.000", ";q=1.5", ";q=-1", ";q=abc", ";q=", ";Q=0.3", ";q=0.1234",
                  ";level=1", ";q=0.8;q=0.2", ";;", ";q=00000000000000000001"]
        Self.run("AcceptLanguage") { index in
            var header: String
            if index % 10 == 0 {
                header = String(decoding: (0..<Int.random(in: 0...300, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }, as: UTF8.self)
            } else {
                let entries = (0..<Int.random(in: 0...12, using: &random)).map { _ in
                    tags.randomElement(using: &random)! + qs.randomElement(using: &random)!
                }
                header = entries.joined(separator: Bool.random(using: &random) ? "," : " , ")
            }
            if index % 1000 == 0 { header = String(repeating: "fr;q=0.1,", count: 20_000) + "en" }
            for fallback in SiteLanguage.allCases {
                let language = AcceptLanguage.preferred(from: header, default: fallback)
                #expect(SiteLanguage.allCases.contains(language))
            }
        }
        #expect(AcceptLanguage.preferred(from: "en-US,en;q=0.9", default: .fr) == .en)
        #expect(AcceptLanguage.preferred(from: "fr;q=0, *", default: .fr) == .en)
        #expect(AcceptLanguage.preferred(from: "de, fr-CA;q=0.4, en;q=0.3", default: .en) == .fr)
    }

    // MARK: Range

    @Test("RangeHeader: every partial range lies inside the file; no overflow")
    func rangeHeader() {
        var random = Self.generator(0x52414E4745)
        let numbers = ["0", "1", "5", "99", "100", "101", "-1", "", " ", "9223372036854775807", "9223372036854775808",
                       "99999999999999999999999999", "0x10", "1e3", "+5", "٣", "00000000000000000000000000000001"]
        let units = ["bytes", "BYTES", "Bytes", " bytes ", "items", "", "bytes;", "byte"]
        Self.run("RangeHeader") { index in
            let length: Int64 = [0, 1, 2, 100, 4096, Int64.random(in: 0...10_000_000, using: &random), Int64.max][index % 7]
            var header: String
            switch index % 5 {
            case 0: header = String(decoding: (0..<Int.random(in: 0...64, using: &random)).map { _ in UInt8.random(in: 0x20...0x7E, using: &random) }, as: UTF8.self)
            case 1: header = units.randomElement(using: &random)! + "=" + numbers.randomElement(using: &random)! + "-" + numbers.randomElement(using: &random)!
                + (Bool.random(using: &random) ? "," + numbers.randomElement(using: &random)! + "-" : "")
            default:
                let first = Int64.random(in: 0...max(0, length == Int64.max ? 1_000_000 : length + 10), using: &random)
                let last = first + Int64.random(in: -5...1000, using: &random)
                header = Bool.random(using: &random) ? "bytes=\(first)-\(last)" : (Bool.random(using: &random) ? "bytes=\(first)-" : "bytes=-\(last)")
            }
            switch RangeHeader.evaluate(header, length: length) {
            case .whole: break
            case let .partial(start, end):
                #expect(start >= 0 && start <= end && end < length, "\(header) on \(length) bytes → \(start)-\(end)")
            case .unsatisfiable: break
            }
        }
        #expect(RangeHeader.evaluate("bytes=0-0", length: 0) == .unsatisfiable)
        #expect(RangeHeader.evaluate("bytes=-5", length: 3) == .partial(start: 0, end: 2))
        #expect(RangeHeader.evaluate("bytes=5-99999999999999999999999", length: 10) == .partial(start: 5, end: 9))
    }

    // MARK: StaticPath

    @Test("StaticPath: never a dot segment, separator or control byte; encodedPath parses back to the same path")
    func staticPath() {
        var random = Self.generator(0x50415448)
        let alphabet = ["/", "/", "a", "p", ".", "..", "%2e", "%2E", "%2f", "%2F", "%5c", "%00", "%", "%2", "%25", "%252e", "%c0%ae",
                        "%e0%80%ae", "%c0%af", "%ef%bc%8e", "\\", ":", "C:", "~", "?", "#", ";", "é", "%C3%A9", "．", "‥", "\u{202E}",
                        "%e2%80%ae", "%7f", "%0a", "%0d", " ", "+", "index.html", "-", "_", "%ff", "%fe%ff"]
        Self.run("StaticPath") { index in
            var raw = Self.string(alphabet, maxLength: 16, using: &random)
            if index % 2 == 0 { raw = "/" + raw }
            if index % 500 == 0 { raw = "/" + String(repeating: "a/", count: 1500) }
            guard let path = StaticPath(rawPath: raw) else { return }
            for segment in path.segments {
                #expect(segment != "." && segment != ".." && !segment.hasPrefix("."), "\(raw.debugDescription) → \(path.segments)")
                #expect(!segment.contains("/") && !segment.contains("\\") && !segment.contains("\0"), "\(raw.debugDescription)")
                #expect(!segment.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, "\(raw.debugDescription)")
                #expect(!segment.isEmpty)
            }
            // The joined path stays under any root.
            let joined = URL(fileURLWithPath: "/srv/root/" + path.segments.joined(separator: "/")).standardizedFileURL.path
            #expect(joined == "/srv/root" || joined.hasPrefix("/srv/root/"), "\(raw.debugDescription) → \(joined)")
            let again = StaticPath(rawPath: path.encodedPath)
            #expect(again == path, "\(raw.debugDescription) → \(path.encodedPath) → \(String(describing: again))")
        }
    }
}
