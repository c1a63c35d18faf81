import Billing
import Foundation
import Testing
@testable import Store

/// The optional line fields of repair orders: kind, op code, technician, and discount lines.
struct LineFieldsRecordTests {
    func validate(_ json: String) throws -> Invoice {
        let record = try RecordDecoder().decode(InvoiceRecord.self, from: Data(json.utf8), file: "x.json")
        let business = try RecordsReader(workspace: TemporaryWorkspace.repository).loadBusinesses().main
        return try InvoiceValidator(business: business).validate(record, file: "x.json", expectedReference: nil)
    }

    @Test func lineFieldsReachTheBillingLines() throws {
        let invoice = try validate("""
        {"reference": "RO-9", "customer": {"name": "Marie Roy", "phone": "514-555-0100"}, "lines": [
          {"description": "Brakes", "quantity": "1.5", "unitPrice": "119.00", "kind": "labour", "opCode": "14B", "technician": "Sophie D."},
          {"description": "Loyalty", "unitPrice": "-25.00", "kind": "discount"},
          {"description": "Pads", "unitPrice": "94.99"}
        ]}
        """)
        #expect(invoice.lines.map(\.kind) == [.labour, .discount, nil])
        #expect(invoice.lines[0].opCode == "14B")
        #expect(invoice.lines[0].technician == "Sophie D.")
        #expect(invoice.lines[1].unitPrice.minorUnits == -2_500)
        #expect(invoice.lines[1].isDiscount)
    }

    @Test func recordsWithoutTheFieldsEncodeAsBefore() throws {
        let record = InvoiceRecord(reference: "A", customer: .init(name: "B", phone: "5145550100"),
                                   lines: [.init(description: "x", quantity: nil, unitPrice: "1.00")])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(record), as: UTF8.self)
        #expect(text == #"{"customer":{"name":"B","phone":"5145550100"},"lines":[{"description":"x","unitPrice":"1.00"}],"reference":"A"}"#)
    }

    @Test func aPaymentSnapshotWithoutTheFieldsStillDecodes() throws {
        // A line as the ledger stored it before lines had kinds.
        let stored = #"{"description":"x","quantity":{"units":1,"scale":0},"unitPrice":{"minorUnits":100,"currency":{"code":"CAD","minorDigits":2}},"taxable":true}"#
        let line = try JSONDecoder().decode(LineItem.self, from: Data(stored.utf8))
        #expect(line.kind == nil && line.opCode == nil && line.technician == nil)
    }
}
