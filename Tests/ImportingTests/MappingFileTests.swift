import Foundation
import Store
import Testing
@testable import Importing

struct MappingFileTests {
    @Test func theSampleMappingDescribesItsExport() throws {
        let layout = try ImportWorkspace.atelierLayout
        #expect(layout.name == "atelier-velo")
        #expect(layout.delimiter == ";")
        #expect(layout.amounts.separator == .comma)
        #expect(layout.dateFormat.description == "DD/MM/YYYY")
        #expect(layout.encoding == nil)
        #expect(layout.columns[.unitPrice] == .header("Prix unitaire"))
        #expect(layout.metaColumns["bike"] == .header("Vélo"))
        #expect(layout.kindWords["pièce"] == .part)
        #expect(layout.kindWords["labour"] == .labour)
        #expect(layout.taxableWords["o"] == true)
    }

    @Test func positionsAndTabs() throws {
        let layout = try MappingFile.layout(Data("""
        {"delimiter": "tab", "decimalSeparator": ".", "headerRows": 0, "encoding": "utf-16le",
         "columns": {"ro_number": 1, "customer_name": 2, "phone": 3, "description": 4, "unit_price": 5}}
        """.utf8), file: "m.json")
        #expect(layout.delimiter == "\t")
        #expect(layout.headerRows == 0)
        #expect(layout.encoding == .utf16LE)
        #expect(layout.columns[.unitPrice] == .position(5))
        #expect(layout.name == "mapping")
    }

    static let base = #""delimiter": ";", "decimalSeparator": ",""#
    static let required = #""ro_number": "A", "customer_name": "B", "phone": "C", "description": "D", "unit_price": "E""#

    @Test(arguments: [
        ("{\(base), \"columns\": {\"ro_number\": \"A\"}}",
         ["m.json: columns.customer_name: is required", "m.json: columns.phone: is required",
          "m.json: columns.description: is required", "m.json: columns.unit_price: is required"]),
        (#"{"delimiter": ";;", "decimalSeparator": " ", "dateFormat": "YY-MM", "encoding": "ebcdic", "columns": {\#(required)}}"#,
         ["m.json: delimiter: \";;\" must be one character, such as \",\", \";\" or \"tab\"",
          "m.json: decimalSeparator: \" \" must be \".\" or \",\"",
          "m.json: dateFormat: \"YY-MM\" needs YYYY, MM (or M) and DD (or D) once each, e.g. \"DD/MM/YYYY\"",
          "m.json: encoding: \"ebcdic\" must be utf-8, utf-16le, utf-16be, windows-1252"]),
        ("{\(base), \"columns\": {\(required), \"tax\": \"F\", \"quantity\": 0}, \"kinds\": {\"MO\": \"labor-ish\"}}",
         ["m.json: columns.quantity: 0 is not a column position (1 is the first)",
          "m.json: columns.tax: is not a column (ro_number, date, customer_name, phone, email, language, kind, op_code, description, quantity, unit_price, taxable, technician, or meta_<name>)",
          "m.json: kinds.MO: \"labor-ish\" must be labour, part, fee, sublet, discount"]),
        ("{\(base), \"headerRows\": 0, \"columns\": {\(required)}}",
         ["m.json: columns.customer_name: \"B\" is a header name, but \"headerRows\" is 0: give its position",
          "m.json: columns.description: \"D\" is a header name, but \"headerRows\" is 0: give its position",
          "m.json: columns.phone: \"C\" is a header name, but \"headerRows\" is 0: give its position",
          "m.json: columns.ro_number: \"A\" is a header name, but \"headerRows\" is 0: give its position",
          "m.json: columns.unit_price: \"E\" is a header name, but \"headerRows\" is 0: give its position"]),
        ("{\(base), \"columns\": {\(required), \"email\": true}}",
         ["m.json: columns.email: must be a header name (text) or a column position (1 is the first)"]),
        ("{\"decimalSeparator\": \",\", \"columns\": {}}", ["m.json: delimiter: is required"]),
        ("{\(base), \"columns\": ", ["m.json: is not valid JSON (Unexpected end of file during JSON parse.)"]),
    ])
    func invalidMappingsListEveryProblem(json: String, expected: [String]) {
        do {
            _ = try MappingFile.layout(Data(json.utf8), file: "m.json")
            Issue.record("accepted")
        } catch {
            #expect(error.errors.map(\.description) == expected)
        }
    }
}
