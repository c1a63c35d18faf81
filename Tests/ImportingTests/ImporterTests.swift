import Billing
import Foundation
import Operations
import Store
import Testing
@testable import Importing

struct ImporterTests {
    static let header = "ro_number,date,customer_name,phone,email,language,kind,op_code,description,quantity,unit_price,taxable,technician"

    @Test func theGarageSampleBecomesValidRecordsWithLinks() throws {
        let ws = try ImportWorkspace()
        let report = try ws.run(try ImportWorkspace.sample("garage-ro-export.csv"), name: "garage-ro-export.csv")
        #expect(report.outcomes == ["RO-2041": .created, "RO-2042": .created, "RO-2043": .created])
        #expect(!report.hasFailures)
        #expect(report.encoding == .utf8 && report.encodingReason == .validUTF8)
        #expect(report.rows == 12)
        #expect(report.orders.allSatisfy { $0.link?.hasPrefix("http://127.0.0.1:8080/p/") == true })
        // Read back exactly as `paypage check` and the build do.
        let brakes = try ws.loaded("RO-2042").invoice
        #expect(brakes.customer.name == "Robert Fraser")
        #expect(brakes.customer.phone.e164 == "+14385550177")
        #expect(brakes.customer.language == .en)
        #expect(brakes.customer.meta == ["vehicle": "Ford F-150 2017"])
        #expect(brakes.issued?.iso == "2026-12-01")
        #expect(brakes.source == "ro-csv")
        #expect(brakes.lines.map(\.kind) == [.labour, .part, .part, .discount])
        #expect(brakes.lines.map(\.opCode) == ["14B", "14B", "14B", nil])
        #expect(brakes.lines[0].technician == "Sophie D.")
        #expect(report.orders[1].total?.minorUnits == 60_648)
        let oil = try ws.record("RO-2041")
        #expect(oil.lines?[1].description == "Huile synthétique 5W-30, 4,4 L")
        #expect(oil.lines?[0].quantity == "0.8")
        #expect(oil.lines?[1].quantity == "1")
        let other = try ws.record("RO-2043")
        #expect(other.lines?[1].description == "Diagnostic du bruit à l'avant: rotule inférieure gauche")
        #expect(other.lines?[3].taxable == false)
        #expect(other.customer.email == nil)
        // Registered: the ledger has each request, with the record's total.
        let row = try #require(try ws.ledger.request(reference: Reference("RO-2042")))
        #expect(row.amount.minorUnits == 60_648)
    }

    @Test func theAtelierSampleWithItsMapping() throws {
        let ws = try ImportWorkspace(demoInvoices: true)
        let options = Importer.Options(business: "velo-laurier", prefix: "VL-", layout: try ImportWorkspace.atelierLayout)
        let report = try ws.run(try ImportWorkspace.sample("atelier-bons-de-travail.csv"), name: "atelier-bons-de-travail.csv", options)
        #expect(report.allIssues.isEmpty, "\(report.allIssues)")
        #expect(report.outcomes == ["VL-BT-5521": .created, "VL-BT-5522": .created, "VL-BT-5523": .created])
        #expect(report.encoding == .windows1252 && report.encodingReason == .notUTF8)
        #expect(report.separatorLine && report.delimiter == ";")
        #expect(report.ignoredColumns.isEmpty)
        let tuneUp = try ws.loaded("VL-BT-5521")
        #expect(tuneUp.businessKey == "velo-laurier")
        #expect(tuneUp.invoice.customer.name == "Éloïse Bérubé")
        #expect(tuneUp.invoice.issued?.iso == "2026-12-03")
        #expect(tuneUp.invoice.lines.map(\.description) == [
            "Mise au point complète", "Chaîne 11 vitesses", "Câbles et gaines \"Jagwire\"; ensemble", "Rabais d’hiver – 10 % sur les pièces",
        ])
        #expect(tuneUp.invoice.lines.map(\.kind) == [.labour, .part, .part, .discount])
        #expect(tuneUp.invoice.lines[0].quantity.description == "1.5")
        #expect(tuneUp.invoice.lines[3].unitPrice.minorUnits == -935)
        #expect(tuneUp.invoice.customer.meta == ["bike": "Vélo de route Cervélo"])
        let battery = try ws.loaded("VL-BT-5522").invoice
        #expect(battery.lines[0].description == "Batterie 625 Wh remplacement sous garantie prolongée")
        #expect(battery.lines[0].unitPrice.minorUnits == 123_450)
        #expect(battery.lines[0].opCode == "ÉLEC-01")
        #expect(battery.lines[2].taxable == false)
        #expect(try ws.loaded("VL-BT-5523").invoice.customer.language == .en)
    }

    /// The same export in every encoding gives the same records.
    @Test(arguments: [
        ("UTF-8", [UInt8]()), ("UTF-8 with its mark", [0xEF, 0xBB, 0xBF]), ("UTF-16 LE", [0xFF, 0xFE]), ("UTF-16 BE", [0xFE, 0xFF]), ("Windows-1252", []),
    ] as [(String, [UInt8])])
    func everyEncodingGivesTheSameRecords(name: String, mark: [UInt8]) throws {
        let text = String(decoding: try ImportWorkspace.sample("garage-ro-export.csv"), as: UTF8.self)
        let bytes: [UInt8] = switch name {
        case "UTF-16 LE": mark + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case "UTF-16 BE": mark + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        case "Windows-1252": text.unicodeScalars.map { UInt8($0.value) }  // the sample's accents are all Latin-1
        default: mark + Array(text.utf8)
        }
        let reference = try ImportWorkspace()
        _ = try reference.run(try ImportWorkspace.sample("garage-ro-export.csv"))
        let ws = try ImportWorkspace()
        let report = try ws.run(bytes)
        #expect(report.count(.created) == 3, "\(report.text)")
        #expect(report.encoding.displayName.hasPrefix(name.components(separatedBy: " with").first!))
        for ro in ["RO-2041", "RO-2042", "RO-2043"] { #expect(try ws.recordData(ro) == reference.recordData(ro)) }
    }

    @Test func importingTheSameFileAgainChangesNothing() throws {
        let ws = try ImportWorkspace()
        let bytes = try ImportWorkspace.sample("garage-ro-export.csv")
        _ = try ws.run(bytes)
        let before = ws.snapshot()
        let version = try ws.ledger.changeVersion()
        let again = try ws.run(bytes)
        #expect(again.orders.allSatisfy { $0.outcome == .unchanged })
        #expect(again.totalsLine == "Nothing changed: all 3 ROs are as already imported.")
        #expect(again.changedReferences.isEmpty)
        #expect(ws.snapshot().filter { !$0.key.contains("/.paypage/") } == before.filter { !$0.key.contains("/.paypage/") })
        #expect(try ws.ledger.changeVersion() == version)
    }

    @Test func twoImportsOfTheSameFileAtOnceCreateEachROOnce() async throws {
        let ws = try ImportWorkspace()
        let bytes = try ImportWorkspace.sample("garage-ro-export.csv")
        _ = try ws.importer()  // the ledger exists before the race
        async let first = Task.detached { try ws.run(bytes) }.value
        async let second = Task.detached { try ws.run(bytes) }.value
        let reports = try await [first, second]
        for ro in ["RO-2041", "RO-2042", "RO-2043"] {
            #expect(reports.compactMap { $0.outcome(ro) }.sorted { $0.rawValue < $1.rawValue } == [.created, .unchanged])
            #expect(try ws.ledger.entries(for: Reference(ro)).count == 1)
        }
    }

    @Test func aChangedUnpaidROIsUpdatedAndItsHistorySaysSo() throws {
        let ws = try ImportWorkspace()
        let original = String(decoding: try ImportWorkspace.sample("garage-ro-export.csv"), as: UTF8.self)
        _ = try ws.run(csv: original)
        // Staff add a note by hand; the next import keeps it.
        var record = try ws.record("RO-2041")
        record.notes = "Client attend sur place."
        try ws.writeRecord(record)
        let changed = original.replacingOccurrences(of: "Filtre à huile,1,14.50", with: "Filtre à huile,1,16.50")
        let report = try ws.run(csv: changed, name: "exports/ro-export-2.csv")
        #expect(report.outcomes == ["RO-2041": .updated, "RO-2042": .unchanged, "RO-2043": .unchanged])
        #expect(report.changedReferences.map(\.value) == ["RO-2041"])
        let updated = try ws.record("RO-2041")
        #expect(updated.lines?[2].unitPrice == "16.50")
        #expect(updated.notes == "Client attend sur place.")
        let entries = try ws.ledger.entries(for: Reference("RO-2041"))
        guard case let .updatedFromImport(amount, file) = entries.last?.event else {
            Issue.record("no update event: \(entries.map(\.event))")
            return
        }
        #expect(file == "ro-export-2.csv")
        #expect(entries.last?.actor == .importer)
        #expect(entries.first?.actor == .importer)
        #expect(amount == report.orders[0].total)
        #expect(try ws.ledger.request(reference: Reference("RO-2041"))?.amount == amount)
        let history = try ws.service().overview("RO-2041").history
        #expect(history.last?.text.hasPrefix("updated from import (ro-export-2.csv): now ") == true)
        #expect(history.last?.by == "records import")
    }

    @Test(arguments: ["paid", "voided"])
    func aChangedClosedROIsFrozen(action: String) throws {
        let ws = try ImportWorkspace()
        let original = String(decoding: try ImportWorkspace.sample("garage-ro-export.csv"), as: UTF8.self)
        _ = try ws.run(csv: original)
        if action == "paid" { _ = try ws.service().markPaid("RO-2042", method: .cash) } else { _ = try ws.service().void("RO-2042", reason: nil) }
        let before = try ws.recordData("RO-2042")
        let events = try ws.ledger.entries(for: Reference("RO-2042")).count
        let changed = original.replacingOccurrences(of: "Front brake rotors,2,139.50", with: "Front brake rotors,2,149.50")
        let report = try ws.run(csv: changed)
        #expect(report.outcome("RO-2042") == .frozen)
        #expect(report.orders[1].status == (action == "paid" ? .paid : .voided))
        #expect(!report.hasFailures)
        #expect(try ws.recordData("RO-2042") == before)
        #expect(try ws.ledger.entries(for: Reference("RO-2042")).count == events)
        #expect(report.text.contains("frozen    RO-2042  \(action): changed in the export, left as it is"))
        // The file as it was paid is simply unchanged.
        #expect(try ws.run(csv: original).outcome("RO-2042") == .unchanged)
    }

    @Test func anROOfAnotherBusinessIsRefusedWithAPrefixSuggestion() throws {
        let ws = try ImportWorkspace(demoInvoices: true)
        let csv = """
        \(Self.header)
        RO-1001,2026-12-05,Léa Roy,514-555-0100,,fr,labour,,Mise au point,1,65.00,yes,
        BT-77,2026-12-05,Léa Roy,514-555-0100,,fr,labour,,Freins,1,45.00,yes,
        """
        let report = try ws.run(csv: csv, .init(business: "velo-laurier"))
        #expect(report.outcomes == ["RO-1001": .refused, "BT-77": .created])
        #expect(report.allIssues.map(\.description) == [
            "ro-export.csv:2: ro_number: RO-1001 is already a request of main (Records/invoices/RO-1001.json); "
                + "references are unique in the workspace: import with a prefix, e.g. --prefix VL-",
        ])
        #expect(try ws.record("RO-1001").business == nil)
        let prefixed = try ws.run(csv: csv, .init(business: "velo-laurier", prefix: "VL-"))
        #expect(prefixed.outcomes == ["VL-RO-1001": .created, "VL-BT-77": .created])
        #expect(try ws.record("VL-RO-1001").business == "velo-laurier")
    }

    @Test(arguments: [("main", "Garage Tremblay & Fils", "GTF-"), ("velo-laurier", "", "VL-"), ("clinique-veterinaire-des-erables", "", "CVE-"),
                      ("gestion-harbourview", "", "GH-")])
    func suggestedPrefixes(key: String, company: String, expected: String) throws {
        let businesses = try RecordsReader(workspace: ImportWorkspace.repository).loadBusinesses()
        #expect(Importer.suggestedPrefix(key, businesses.settings(for: key)!) == expected)
    }

    @Test func aDryRunWritesNothingNotEvenALedger() throws {
        let ws = try ImportWorkspace()
        let before = ws.snapshot()
        let report = try ws.run(try ImportWorkspace.sample("garage-ro-export.csv"), .init(dryRun: true))
        #expect(report.outcomes.values.allSatisfy { $0 == .created })
        #expect(report.orders.allSatisfy { $0.link == nil })
        #expect(report.totalsLine == "Dry run, nothing written: would create 3, would update 0, unchanged 0, frozen 0, would refuse 0.")
        #expect(ws.snapshot() == before)
        #expect(!FileManager.default.fileExists(atPath: ws.paths.privateFolder.path))
    }

    @Test func aDryRunOnAnImportedWorkspaceShowsTheUpdateWithoutMakingIt() throws {
        let ws = try ImportWorkspace()
        let original = String(decoding: try ImportWorkspace.sample("garage-ro-export.csv"), as: UTF8.self)
        _ = try ws.run(csv: original)
        let before = ws.snapshot()
        let changed = original.replacingOccurrences(of: "Filtre à huile,1,14.50", with: "Filtre à huile,1,16.50")
        let version = try ws.ledger.changeVersion()
        let report = try ws.run(csv: changed, .init(dryRun: true))
        #expect(report.outcomes == ["RO-2041": .updated, "RO-2042": .unchanged, "RO-2043": .unchanged])
        // The ledger is opened (SQLite may checkpoint its log into the file), never written.
        #expect(ws.snapshot().filter { !$0.key.contains("/.paypage/") } == before.filter { !$0.key.contains("/.paypage/") })
        #expect(try ws.ledger.changeVersion() == version)
        #expect(try ws.ledger.entries(for: Reference("RO-2041")).count == 1)
    }

    @Test func anROWithAProblemIsRefusedAndTheOthersImported() throws {
        let ws = try ImportWorkspace()
        let report = try ws.run(csv: """
        \(Self.header)
        A1,2026-12-01,Marie Roy,514-555-0100,,fr,labour,,Brakes,1,119.00,yes,
        A2,2026-12-01,Paul Roy,514-555-0101,,en,part,,Filter,1,"12,3x",yes,
        A2,2026-12-01,Paul Roy,514-555-0101,,en,part,,Clamp,1,2.00,yes,
        """)
        #expect(report.outcomes == ["A1": .created, "A2": .refused])
        #expect(report.hasFailures)
        #expect(report.orders[1].lines == [3, 4])
        #expect(FileManager.default.fileExists(atPath: ws.paths.url("Records/invoices/A1.json").path))
        #expect(!FileManager.default.fileExists(atPath: ws.paths.url("Records/invoices/A2.json").path))
        #expect(report.text.contains("refused   A2  lines 3–4: not imported"))
    }

    @Test func linesOfOneRONeedNotBeTogetherAndMayGiveTheCustomerOnce() throws {
        let ws = try ImportWorkspace()
        let report = try ws.run(csv: """
        \(Self.header),meta_plate
        A1,2026-12-01,Marie Roy,514-555-0100,,fr,labour,,Brakes,1,119.00,yes,,K47 HRT
        B1,2026-12-01,Paul Roy,514-555-0101,,en,part,,Filter,1,12.30,yes,,
        a1,,,,,,part,,Pads,2,45.00,no,,
        """)
        #expect(report.outcomes == ["A1": .created, "B1": .created])
        let record = try ws.record("A1")
        #expect(record.lines?.map(\.description) == ["Brakes", "Pads"])
        #expect(record.customer.meta == ["plate": "K47 HRT"])
    }

    @Test func anExistingRecordThatCannotBeReadIsLeftAlone() throws {
        let ws = try ImportWorkspace()
        try Data("{ not json".utf8).write(to: ws.paths.url("Records/invoices/A1.json"))
        let report = try ws.run(csv: "\(Self.header)\nA1,2026-12-01,Marie Roy,514-555-0100,,fr,labour,,Brakes,1,119.00,yes,\n")
        #expect(report.outcome("A1") == .refused)
        #expect(report.allIssues.map(\.description) == [
            "ro-export.csv:2: ro_number: Records/invoices/A1.json exists but cannot be read: fix it (paypage check) or remove it first",
        ])
    }

    @Test func unknownBusinessAndBadPrefixAreThrown() throws {
        let ws = try ImportWorkspace()
        #expect(throws: ImportError.self) { try ws.run(csv: "x", .init(business: "nope")) }
        #expect(throws: ImportError.self) { try ws.run(csv: "x", .init(prefix: "V L")) }
    }
}
