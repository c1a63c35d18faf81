import Billing
import Foundation
import Testing
@testable import Store

struct RecordsTests {
    static func expectations(_ folder: String) throws -> [(String, String)] {
        let data = try Data(contentsOf: TemporaryWorkspace.fixture("\(folder)/expected.json"))
        return try JSONDecoder().decode([String: String].self, from: data).sorted { $0.key < $1.key }
    }

    @Test func demoWorkspaceLoadsWithoutProblems() throws {
        let reader = RecordsReader(workspace: TemporaryWorkspace.repository)
        let businesses = try reader.loadBusinesses()
        let (invoices, errors) = reader.loadInvoices(businesses: businesses)
        #expect(errors.isEmpty, "\(errors)")
        #expect(invoices.count >= 12)
        #expect(businesses.keys.count == 4)
        #expect(Set(invoices.map(\.invoice.isItemized)) == [true, false])
    }

    @Test(arguments: try expectations("invalid"))
    func invalidInvoiceFixtureFails(file: String, message: String) throws {
        let workspace = try TemporaryWorkspace()
        try workspace.copy(TemporaryWorkspace.repository.appendingPathComponent("Records/business.json"), to: "Records/business.json")
        try workspace.copy(TemporaryWorkspace.fixture("invalid/\(file)"), to: "Records/invoices/\(file)")
        let reader = RecordsReader(workspace: workspace.root)
        let result = reader.loadInvoice(file: "Records/invoices/\(file)", businesses: try reader.loadBusinesses(), checkFileName: false)
        guard case .failure(let failure) = result else {
            Issue.record("\(file) was accepted")
            return
        }
        #expect(failure.errors.map(\.description).contains(message), "got: \(failure.errors.map(\.description))")
    }

    @Test(arguments: try expectations("invalid-business"))
    func invalidBusinessFixtureFails(file: String, message: String) throws {
        let workspace = try TemporaryWorkspace()
        try workspace.copy(TemporaryWorkspace.fixture("invalid-business/\(file)"), to: "Records/business.json")
        let reader = RecordsReader(workspace: workspace.root)
        #expect(throws: RecordErrors.self) { try reader.loadBusinesses() }
        do {
            _ = try reader.loadBusinesses()
        } catch {
            #expect(error.errors.map(\.description).contains(message), "got: \(error.errors.map(\.description))")
        }
    }

    @Test func everyProblemOfAFileIsReportedAtOnce() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.copy(TemporaryWorkspace.repository.appendingPathComponent("Records/business.json"), to: "Records/business.json")
        try workspace.write("Records/invoices/RO-1.json", """
        {"reference": "RO-1", "customer": {"name": "", "phone": "12"}, "lines": [{"description": "x", "quantity": "-1", "unitPrice": "1.001"}]}
        """)
        let reader = RecordsReader(workspace: workspace.root)
        let (_, errors) = reader.loadInvoices(businesses: try reader.loadBusinesses())
        #expect(errors.map(\.path) == ["customer.name", "customer.phone", "lines[0].quantity", "lines[0].unitPrice"])
        #expect(errors[2].description == "Records/invoices/RO-1.json: lines[0].quantity: must be a positive number")
    }

    @Test func referenceMustMatchFileNameAndBeUniqueIgnoringCase() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.copy(TemporaryWorkspace.repository.appendingPathComponent("Records/business.json"), to: "Records/business.json")
        let body = #""customer": {"name": "A", "phone": "5145550100"}, "amount": "10.00""#
        try workspace.write("Records/invoices/A-1.json", "{\"reference\": \"A-1\", \(body)}")
        try workspace.write("Records/invoices/a-1.json", "{\"reference\": \"a-1\", \(body)}")
        try workspace.write("Records/invoices/B-2.json", "{\"reference\": \"B-3\", \(body)}")
        let reader = RecordsReader(workspace: workspace.root)
        let (invoices, errors) = reader.loadInvoices(businesses: try reader.loadBusinesses())
        #expect(invoices.map(\.invoice.reference.value) == ["A-1"])
        #expect(errors.map(\.description).sorted() == [
            "Records/invoices/B-2.json: reference: \"B-3\" does not match the file name B-2.json",
            "Records/invoices/a-1.json: reference: \"a-1\" is already used by Records/invoices/A-1.json (references are unique ignoring case)",
        ])
    }
}
