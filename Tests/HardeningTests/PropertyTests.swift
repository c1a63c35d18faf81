import Billing
import Foundation
import Messaging
import PreviewServer
import PropertyBased
import Store
import Testing

/// Property tests of the parsers, at least 10,000 cases each (200,000 with
/// PAYPAGE_HARDENING_LONG=1): no crash, no hang, and their invariants. A failing case is shrunk
/// to a small one and reported with the seed that replays it (`@Test(.fixedSeed("…"))`).
@Suite("Property tests")
struct PropertyTests {
    static let cases = Hardening.isLong ? 200_000 : 10_000

    /// One of `items`; shrinks towards the first.
    static func pick<T: Sendable>(_ items: [T]) -> Generator<T, Shrink.Integer<Int>> {
        Gen<Int>.value(in: 0...(items.count - 1)).map { items[$0] }
    }

    /// Up to `maxLength` pieces of `alphabet`, joined; shrinks towards fewer and earlier pieces.
    static func text(_ alphabet: [String], maxLength: Int) -> Generator<String, some SendableSequenceType> {
        pick(alphabet).array(of: 0...maxLength).map { $0.joined() }
    }

    // MARK: Money.parse

    static let currencies: [Currency] = [.cad, .usd, .jpy, .eur]

    @Test("Money.parse: an amount written the canonical way parses back to itself")
    func moneyRoundTrip() async {
        let units = zip(Gen<Int64>.value(in: 0...Int64.max / 1000), Gen<Int>.value(in: 0...60)).map { $0 >> $1 }
        await propertyCheck(count: Self.cases, input: units, Self.pick(Self.currencies)) { units, currency in
            let money = Money(minorUnits: units, currency: currency)
            let parsed = try? Money.parse(money.decimalString, currency: currency, sign: .positiveOrZero)
            #expect(parsed == money, "\(money.decimalString) parsed as \(String(describing: parsed))")
        }
    }

    @Test("Money.parse: never traps; what it accepts has the sign asked for and round-trips through decimalString")
    func moneyParse() async {
        let alphabet = ["0", "1", "2", "5", "9", "0", "7", ".", ",", " ", "\u{00A0}", "\u{202F}", "\t", "-", "+", "e", "E", "$",
                        "٣", "１", "½", "x", "'", "_", "99999999999", "9223372036854775807", "00", ".5", ",00"]
        await propertyCheck(count: Self.cases, input: Self.text(alphabet, maxLength: 24), Self.pick(Self.currencies)) { text, currency in
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
    func recordDecoder() async throws {
        let businesses = try RecordsReader(workspace: Hardening.repository).loadBusinesses()
        let folder = Hardening.repository.appendingPathComponent("Records/invoices")
        let seeds = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            .map { [UInt8](try Data(contentsOf: folder.appendingPathComponent($0))) }
        let edits = zip(Gen<Int>.value(in: 0...5), Gen<Int>.value(in: 0...RecordEdit.scale), Gen<UInt8>.value(),
                        Gen<Int>.value(in: 1...200), Self.pick(RecordEdit.snippets), Self.pick(RecordEdit.keys))
            .map { RecordEdit(kind: $0.0, at: $0.1, byte: $0.2, length: $0.3, snippet: $0.4, key: $0.5) }
        await propertyCheck(count: Self.cases, input: Self.pick(Array(seeds.indices)), edits.array(of: 1...4)) { seed, edits in
            var bytes = seeds[seed]
            for edit in edits { edit.apply(to: &bytes) }
            let file = "Records/invoices/fuzz.json"
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

    static let names = ["customer.name", "company.name", "request.reference", "request.amount", "request.link",
                        "customer.meta_rent_due", "appointment.meta_animal_name", "customer.meta_", "unknown.thing", "", " ", "customer.name "]
    static let textAlphabet = ["a", "é", " ", "\n", "[", "]", "{", "}", "{{", "$", "😀", "\u{202E}", "\\", "STOP", "\r\n", "x"]
    static let valueAlphabet = textAlphabet + ["{ customer.name }", "{ request.link }", "{{x}}", "[ insert ]"]

    @Test("MessageTemplate + PlaceholderFiller: values are inserted verbatim and never parsed again")
    func placeholderFiller() async {
        let literals = Self.textAlphabet.filter { $0 != "{" && $0 != "}" && $0 != "{{" }
        // A well-formed template built from parts, or (one time in four) any text, mostly refused.
        let parts = zip(Gen.bool, Self.text(literals, maxLength: 6), Self.pick(Self.names), Gen.bool)
            .map { isText, literal, name, spaced in isText ? literal : "{" + (spaced ? " \(name) " : name) + "}" }
            .array(of: 0...8).map { $0.joined() }
        let source = zip(Gen<Int>.value(in: 0...3), parts, Self.text(Self.textAlphabet, maxLength: 20))
            .map { choice, built, raw in choice == 0 ? raw : built }
        let value = Self.text(Self.valueAlphabet, maxLength: 5)
        await propertyCheck(count: Self.cases, input: source, value, value, zip(value, value)) { source, name, company, meta in
            let context = PlaceholderContext(
                customerName: name, customerMeta: ["rent_due": meta.0], companyName: company,
                appointmentMeta: ["animal_name": meta.1],
                reference: "R-1", formattedAmount: "1 234,56 $", link: "http://127.0.0.1:8080/p/abc/")
            _ = PlaceholderFiller.unfilledBrackets(in: source)
            guard let template = try? MessageTemplate(name: "fuzz", language: .fr, text: source),
                  let filled = try? PlaceholderFiller.fill(template, with: context) else { return }
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
    func acceptLanguage() async {
        let tags = ["fr", "en", "fr-CA", "en-US", "EN", "Fr-ca", "de", "*", "", "x", "fr-", "-", "zh-Hant-TW", "i-klingon", "ﬀ", "é"]
        let qs = ["", ";q=0", ";q=1", ";q=0.5", ";q=0.999", ";q=1.000", ";q=1.5", ";q=-1", ";q=abc", ";q=", ";Q=0.3", ";q=0.1234",
                  ";level=1", ";q=0.8;q=0.2", ";;", ";q=00000000000000000001"]
        // One header in ten is any bytes; the others are lists of tags with weights.
        let lists = zip(zip(Self.pick(tags), Self.pick(qs)).map { $0 + $1 }.array(of: 0...12), Gen.bool)
            .map { entries, tight in entries.joined(separator: tight ? "," : " , ") }
        let bytes = Gen<UInt8>.value().array(of: 0...300).map { String(decoding: $0, as: UTF8.self) }
        let header = zip(Gen<Int>.value(in: 0...9), lists, bytes).map { choice, list, raw in choice == 0 ? raw : list }
        await propertyCheck(count: Self.cases, input: header) { header in
            for fallback in SiteLanguage.allCases {
                #expect(SiteLanguage.allCases.contains(AcceptLanguage.preferred(from: header, default: fallback)))
            }
        }
        let huge = String(repeating: "fr;q=0.1,", count: 20_000) + "en"
        for fallback in SiteLanguage.allCases {
            #expect(SiteLanguage.allCases.contains(AcceptLanguage.preferred(from: huge, default: fallback)))
        }
        #expect(AcceptLanguage.preferred(from: "en-US,en;q=0.9", default: .fr) == .en)
        #expect(AcceptLanguage.preferred(from: "fr;q=0, *", default: .fr) == .en)
        #expect(AcceptLanguage.preferred(from: "de, fr-CA;q=0.4, en;q=0.3", default: .en) == .fr)
    }

    // MARK: Range

    @Test("RangeHeader: every partial range lies inside the file; no overflow")
    func rangeHeader() async {
        let numbers = ["0", "1", "5", "99", "100", "101", "-1", "", " ", "9223372036854775807", "9223372036854775808",
                       "99999999999999999999999999", "0x10", "1e3", "+5", "٣", "00000000000000000000000000000001"]
        let units = ["bytes", "BYTES", "Bytes", " bytes ", "items", "", "bytes;", "byte"]
        let length = zip(Gen<Int>.value(in: 0...6), Gen<Int64>.value(in: 0...10_000_000))
            .map { choice, random in [0, 1, 2, 100, 4096, random, Int64.max][choice] }
        let printable = Gen<UInt8>.value(in: 0x20...0x7E).array(of: 0...64).map { String(decoding: $0, as: UTF8.self) }
        let listed = zip(Self.pick(units), Self.pick(numbers), Self.pick(numbers), Self.pick(numbers), Gen.bool)
            .map { unit, first, last, second, two in unit + "=" + first + "-" + last + (two ? "," + second + "-" : "") }
        // A range placed relative to the length: `at` thousandths of it, `span` bytes long.
        let placed = zip(Gen<Int64>.value(in: 0...1_100), Gen<Int64>.value(in: -5...1000), Gen<Int>.value(in: 0...2))
        await propertyCheck(count: Self.cases, input: length, Gen<Int>.value(in: 0...4), printable, zip(listed, placed)) { length, kind, printable, other in
            let header: String
            switch kind {
            case 0: header = printable
            case 1: header = other.0
            default:
                let (at, span, form) = other.1
                let first = min(length, 1_000_000) * at / 1000
                let last = first + span
                header = form == 0 ? "bytes=\(first)-\(last)" : form == 1 ? "bytes=\(first)-" : "bytes=-\(last)"
            }
            switch RangeHeader.evaluate(header, length: length) {
            case .whole, .unsatisfiable: break
            case let .partial(start, end):
                #expect(start >= 0 && start <= end && end < length, "\(header) on \(length) bytes → \(start)-\(end)")
            }
        }
        #expect(RangeHeader.evaluate("bytes=0-0", length: 0) == .unsatisfiable)
        #expect(RangeHeader.evaluate("bytes=-5", length: 3) == .partial(start: 0, end: 2))
        #expect(RangeHeader.evaluate("bytes=5-99999999999999999999999", length: 10) == .partial(start: 5, end: 9))
    }

    // MARK: StaticPath

    static let pathAlphabet = ["/", "/", "a", "p", ".", "..", "%2e", "%2E", "%2f", "%2F", "%5c", "%00", "%", "%2", "%25", "%252e", "%c0%ae",
                               "%e0%80%ae", "%c0%af", "%ef%bc%8e", "\\", ":", "C:", "~", "?", "#", ";", "é", "%C3%A9", "．", "‥", "\u{202E}",
                               "%e2%80%ae", "%7f", "%0a", "%0d", " ", "+", "index.html", "-", "_", "%ff", "%fe%ff"]

    @Test("StaticPath: never a dot segment, separator or control byte; encodedPath parses back to the same path")
    func staticPath() async {
        let raw = zip(Gen.bool, Self.text(Self.pathAlphabet, maxLength: 16)).map { rooted, text in rooted ? "/" + text : text }
        await propertyCheck(count: Self.cases, input: raw) { raw in Self.checkStaticPath(raw) }
        Self.checkStaticPath("/" + String(repeating: "a/", count: 1500))
    }

    static func checkStaticPath(_ raw: String) {
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

/// One edit of a record file's bytes, at a position given in ten-thousandths of its length.
struct RecordEdit: Sendable, CustomStringConvertible {
    static let scale = 10_000
    static let snippets = ["\"", "{", "}", "[", "]", ",", ":", "null", "true", "-1", "1e400", "\"1e400\"", "\"-0.00\"", "\"99999999999999999999\"",
                           "\"\\u0000\"", "\"\\ud800\"", "\"0.001\"", "\"abc\"", "[]", "{}", "\"10%\"", "\"150%\"", "\"-5.00\"", "\"1.5\"",
                           "\"9223372036854775807\"", "\"\\\\\"", "\u{FEFF}", "\"2026-02-30\"", "\"+15145550100\"", "\"\"", "0", "1.0"]
    static let keys = ["reference", "customer", "name", "phone", "lines", "quantity", "unitPrice", "discount", "taxable", "amount",
                       "notes", "issued", "due", "business", "meta", "appointment", "language", "email"]

    var kind: Int
    var at: Int
    var byte: UInt8
    var length: Int
    var snippet: String
    var key: String

    var description: String {
        ["set byte \(byte)", "delete \(length % 20 + 1) bytes", "insert \(snippet)", "set \(key) to \(snippet)",
         "insert \(length) [", "append byte \(byte)"][kind] + " at \(at)/\(Self.scale)"
    }

    func apply(to bytes: inout [UInt8]) {
        let position = bytes.count * at / Self.scale
        switch kind {
        case 0 where !bytes.isEmpty: bytes[min(position, bytes.count - 1)] = byte
        case 1 where !bytes.isEmpty:
            let end = min(bytes.count, position + length % 20 + 1)
            bytes.removeSubrange(min(position, end)..<end)
        case 2: bytes.insert(contentsOf: Array(snippet.utf8), at: position)
        case 3:
            // Replace the value after a known key with a hostile one.
            let name = Array("\"\(key)\":".utf8)
            if let found = bytes.firstRange(of: name) {
                let valueEnd = bytes[found.upperBound...].firstIndex(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "}") }) ?? bytes.endIndex
                bytes.replaceSubrange(found.upperBound..<valueEnd, with: Array(snippet.utf8))
            }
        case 4: bytes.insert(contentsOf: Array(repeating: UInt8(ascii: "["), count: length), at: position)
        default: bytes.append(byte)
        }
    }
}
