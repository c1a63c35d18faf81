import Billing
import Foundation
import Testing
@testable import Store

@Suite struct LedgerRequestTests {
    @Test func createThenDuplicateIgnoringCase() throws {
        try withLedger { (ledger, _) throws in
            let token = try Sample.create(ledger, "INV-100")
            #expect(throws: StoreError.duplicateReference(path: ledger.path, reference: "inv-100")) {
                try Sample.create(ledger, "inv-100")
            }
            let row = try #require(try ledger.request(reference: Sample.ref("Inv-100")))
            #expect(row.reference.value == "INV-100")
            #expect(row.token == token)
            #expect(row.amount == Sample.cad(12_500))
            #expect(row.customerPhone.e164 == "+15145550123")
            #expect(try ledger.request(token: token)?.reference.value == "INV-100")
            let entries = try ledger.entries(for: Sample.ref("inv-100"))
            #expect(entries.map(\.event) == [.requested(amount: Sample.cad(12_500))])
            #expect(entries.first?.reference.value == "INV-100")
        }
    }

    @Test func tokensAreBase64urlOf128BitsAndUnique() throws {
        var seen = Set<String>()
        for _ in 0..<1000 {
            let token = RequestToken.random().value
            #expect(token.count == 22)
            #expect(token.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
            seen.insert(token)
        }
        #expect(seen.count == 1000)
        #expect(RequestToken("short") == nil)
        #expect(RequestToken(String(repeating: "a", count: 21) + "=") == nil)
    }

    @Test func tokenEncodingMatchesFoundationBase64() {
        struct Fixed: RandomNumberGenerator {
            var values: [UInt64] = [0x0123_4567_89AB_CDEF, 0xFEDC_BA98_7654_3210]
            mutating func next() -> UInt64 { values.removeFirst() }
        }
        var generator = Fixed()
        let token = RequestToken.random(using: &generator)
        var bytes: [UInt8] = []
        for value in [UInt64(0x0123_4567_89AB_CDEF), 0xFEDC_BA98_7654_3210] {
            withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
        }
        let expected = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        #expect(token.value == expected)
    }

    @Test func tokensAreUniqueInTheLedgerAndStableAcrossReopen() throws {
        try withTemporaryFolder { (workspace) throws in
            var tokens: [String: RequestToken] = [:]
            do {
                let ledger = try Ledger(workspace: workspace)
                try ledger.transaction { tx in
                    for index in 0..<200 {
                        let reference = Sample.ref("R-\(index)")
                        tokens[reference.value] = try tx.createRequest(reference: reference, amount: Sample.cad(100),
                                                                       customerName: "C", customerPhone: Sample.phone,
                                                                       at: Sample.now)
                    }
                }
                try ledger.close()
            }
            #expect(Set(tokens.values).count == 200)
            let reopened = try Ledger(workspace: workspace)
            let rows = try reopened.requests()
            #expect(rows.count == 200)
            for row in rows { #expect(tokens[row.reference.value] == row.token) }
        }
    }

    @Test func rotatingMakesTheOldTokenUnknown() throws {
        try withLedger { (ledger, _) throws in
            let old = try Sample.create(ledger, "INV-7")
            let new = try ledger.rotateToken(reference: Sample.ref("inv-7"), at: Sample.now)
            #expect(new != old)
            #expect(try ledger.request(token: old) == nil)
            #expect(try ledger.request(token: new)?.reference.value == "INV-7")
            #expect(try ledger.entries(for: Sample.ref("INV-7")).last?.event == .linkRotated)
            #expect(throws: StoreError.unknownReference(path: ledger.path, reference: "nope")) {
                _ = try ledger.rotateToken(reference: Sample.ref("nope"), at: Sample.now)
            }
        }
    }

    @Test func summaryFollowsTheRecord() throws {
        try withLedger { (ledger, _) throws in
            try Sample.create(ledger, "INV-8")
            let later = Sample.now.addingTimeInterval(60)
            #expect(try ledger.updateRequestSummary(reference: Sample.ref("INV-8"), amount: Sample.cad(9_900),
                                                    customerName: "Marie T.", customerPhone: Sample.phone, at: later))
            #expect(try !ledger.updateRequestSummary(reference: Sample.ref("INV-8"), amount: Sample.cad(9_900),
                                                     customerName: "Marie T.", customerPhone: Sample.phone, at: later))
            let row = try #require(try ledger.request(reference: Sample.ref("INV-8")))
            #expect(row.amount == Sample.cad(9_900) && row.customerName == "Marie T.")
            #expect(row.updatedAt == LedgerCoding.truncated(later))
            #expect(row.createdAt == LedgerCoding.truncated(Sample.now))
        }
    }

    @Test func searchByNameIgnoringCaseAndAccentsOrByPhoneDigits() throws {
        try withLedger { (ledger, _) throws in
            try Sample.create(ledger, "A-1", name: "Hélène Gagnon", phone: try PhoneNumber("(438) 555-0199"))
            try Sample.create(ledger, "A-2", name: "Bob Unit 4", phone: try PhoneNumber("514-555-0123"))
            #expect(try ledger.search(nameOrPhone: "helene").map(\.reference.value) == ["A-1"])
            #expect(try ledger.search(nameOrPhone: "GAGNON").map(\.reference.value) == ["A-1"])
            #expect(try ledger.search(nameOrPhone: "438-555").map(\.reference.value) == ["A-1"])
            #expect(try ledger.search(nameOrPhone: "5550123").map(\.reference.value) == ["A-2"])
            #expect(try ledger.search(nameOrPhone: "unit 4").map(\.reference.value) == ["A-2"])
            #expect(try ledger.search(nameOrPhone: "  ").isEmpty)
        }
    }
}
