import Foundation
import Testing

@Suite("paypage import", .enabled(if: CLI.isAvailable, "paypage binary not built: run `swift build` (expected .build/debug/paypage)"))
struct ImportCLITests {
    static let samples = CLI.repository.appendingPathComponent("Records/samples")
    static var garage: String { samples.appendingPathComponent("garage-ro-export.csv").path }
    static var atelier: String { samples.appendingPathComponent("atelier-bons-de-travail.csv").path }
    static var atelierMapping: String { samples.appendingPathComponent("atelier-bons-de-travail.mapping.json").path }

    /// A workspace that can build pages: the demo's records and themes.
    func workspace(invoices: Bool = false) throws -> CLIWorkspace {
        let ws = try CLIWorkspace(invoices: invoices)
        try FileManager.default.copyItem(at: CLI.repository.appendingPathComponent("Themes"), to: ws.root.appendingPathComponent("Themes"))
        return ws
    }

    func write(_ ws: CLIWorkspace, _ name: String, _ text: String) throws -> String {
        let url = ws.root.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func theGarageSampleImportsBuildsItsPagesAndImportsOnce() throws {
        let ws = try workspace()
        let first = try ws.run(["import", Self.garage])
        #expect(first.status == 0, "\(first)")
        #expect(!first.stderr.contains("error:"), "\(first)")
        #expect(first.stdout.contains("created   RO-2042  606.48 CAD  4 lines  http://127.0.0.1:8080/p/"), "\(first)")
        #expect(first.stdout.contains("Created 3, updated 0, unchanged 0, frozen 0, refused 0."), "\(first)")
        #expect(ws.invoiceFiles() == ["RO-2041.json", "RO-2042.json", "RO-2043.json"])
        // Registered and built: its link answers with a page.
        let link = try #require(first.stdout.split(separator: "\n").first { $0.contains("RO-2042") }?.split(separator: " ").last)
        let token = link.split(separator: "/").last!
        #expect(FileManager.default.fileExists(atPath: ws.root.appendingPathComponent("Output/public/p/\(token)/index.html").path))
        #expect(try ws.run(["check"]).status == 0)

        let again = try ws.run(["import", Self.garage])
        #expect(again.status == 0, "\(again)")
        #expect(again.stdout.contains("Nothing changed: all 3 ROs are as already imported."), "\(again)")
    }

    @Test func theAtelierSampleNeedsItsMappingBusinessAndPrefix() throws {
        let ws = try workspace(invoices: true)
        let output = try ws.run(["import", Self.atelier, "--mapping", Self.atelierMapping, "--business", "velo-laurier", "--prefix", "VL-"])
        #expect(output.status == 0, "\(output)")
        #expect(output.stdout.contains("(atelier-velo; Windows-1252, not valid UTF-8; delimiter \";\" from its sep= line; business velo-laurier)"), "\(output)")
        #expect(ws.invoiceFiles().contains("VL-BT-5522.json"))
    }

    @Test func problemsAreListedWithFileAndLineAndExit65() throws {
        let ws = try workspace()
        let file = try write(ws, "ro-export.csv", """
        ro_number,date,customer_name,phone,email,language,kind,op_code,description,quantity,unit_price,taxable,technician
        A1,2026-12-01,Marie Roy,514-555-0100,,fr,labour,,Brakes,1,119.00,yes,
        A2,2026-12-01,Paul Roy,514-555-0101,,en,part,,Filter,1,"12,3x",yes,
        A3,2026-12-01,Lise Roy,514-555-01,,fr,part,,Oil,1,9.00,yes,
        """)
        let output = try ws.run(["import", file])
        #expect(output.status == 65, "\(output)")
        #expect(output.stderr.split(separator: "\n").map(String.init) == [
            "error: \(file):3: unit_price: \"12,3x\" is not an amount (the decimal separator of this file is \".\")",
            "error: \(file):4: phone: \"514-555-01\" is not a valid phone number",
        ])
        #expect(output.stdout.contains("Created 1, updated 0, unchanged 0, frozen 0, refused 2."), "\(output)")
        #expect(ws.invoiceFiles() == ["A1.json"])
    }

    @Test func aDryRunWritesNothing() throws {
        let ws = try workspace()
        let output = try ws.run(["import", Self.garage, "--dry-run"])
        #expect(output.status == 0, "\(output)")
        #expect(output.stdout.contains("would create    RO-2041"), "\(output)")
        #expect(output.stdout.contains("Dry run, nothing written: would create 3"), "\(output)")
        #expect(ws.invoiceFiles().isEmpty)
        #expect(!ws.hasLedger)
        #expect(!FileManager.default.fileExists(atPath: ws.root.appendingPathComponent("Output").path))
    }

    @Test func aChangedROIsUpdatedAndItsHistorySaysSo() throws {
        let ws = try workspace()
        #expect(try ws.run(["import", Self.garage]).status == 0)
        let changed = try String(contentsOfFile: Self.garage, encoding: .utf8)
            .replacingOccurrences(of: "Front brake rotors,2,139.50", with: "Front brake rotors,2,149.50")
        let file = try write(ws, "ro-export-2.csv", changed)
        let output = try ws.run(["import", file])
        #expect(output.status == 0, "\(output)")
        #expect(output.stdout.contains("updated   RO-2042"), "\(output)")
        let shown = try ws.run(["request", "show", "RO-2042"])
        #expect(shown.stdout.contains("updated from import (ro-export-2.csv): now 629.47 CAD"), "\(shown)")
    }

    @Test func aPaidROIsFrozen() throws {
        let ws = try workspace()
        #expect(try ws.run(["import", Self.garage]).status == 0)
        #expect(try ws.run(["mark-paid", "RO-2042", "--method", "cash"]).status == 0)
        let changed = try String(contentsOfFile: Self.garage, encoding: .utf8)
            .replacingOccurrences(of: "Front brake rotors,2,139.50", with: "Front brake rotors,2,149.50")
        let output = try ws.run(["import", try write(ws, "ro-export-2.csv", changed)])
        #expect(output.status == 0, "\(output)")
        #expect(output.stdout.contains("frozen    RO-2042  paid: changed in the export, left as it is"), "\(output)")
        #expect(try String(contentsOf: ws.root.appendingPathComponent("Records/invoices/RO-2042.json"), encoding: .utf8).contains("139.50"))
    }

    @Test func anROOfAnotherBusinessSuggestsAPrefix() throws {
        let ws = try workspace(invoices: true)
        let file = try write(ws, "bons.csv", """
        ro_number,customer_name,phone,description,unit_price
        RO-1001,Léa Roy,514-555-0100,Mise au point,65.00
        """)
        let output = try ws.run(["import", file, "--business", "velo-laurier"])
        #expect(output.status == 65, "\(output)")
        #expect(output.stderr.contains("RO-1001 is already a request of main (Records/invoices/RO-1001.json)"), "\(output)")
        #expect(output.stderr.contains("--prefix VL-"), "\(output)")
    }

    @Test("usage and unreadable inputs", arguments: [
        (["--format", "ro-csv", "--mapping", "m.json"], Int32(64), "--format and --mapping are exclusive"),
        (["--business", "nope"], 64, "error: --business: \"nope\" is not a business (main, "),
        (["--prefix", "V L"], 64, "error: --prefix: \"V L\" cannot start a reference"),
        (["--mapping", "missing.json"], 65, "error: missing.json: no such file"),
    ])
    func usage(extra: [String], status: Int32, message: String) throws {
        let ws = try workspace()
        let output = try ws.run(["import", Self.garage] + extra)
        #expect(output.status == status, "\(output)")
        #expect(output.stderr.contains(message), "\(output)")
        #expect(ws.invoiceFiles().isEmpty)
    }

    @Test func aMissingExportAndABadMapping() throws {
        let ws = try workspace()
        let missing = try ws.run(["import", "nowhere.csv"])
        #expect(missing.status == 65 && missing.stderr.contains("error: nowhere.csv: no such file"), "\(missing)")
        let mapping = try write(ws, "m.json", #"{"delimiter": ";", "decimalSeparator": ",", "columns": {"ro_number": "No"}}"#)
        let bad = try ws.run(["import", Self.garage, "--mapping", mapping])
        #expect(bad.status == 65, "\(bad)")
        #expect(bad.stderr.contains("error: \(mapping): columns.phone: is required"), "\(bad)")
    }

    @Test func theDemoDoesNotImportTheSamples() throws {
        let ws = try workspace(invoices: true)
        try FileManager.default.copyItem(at: Self.samples, to: ws.root.appendingPathComponent("Records/samples"))
        let before = ws.invoiceFiles()
        let demo = try ws.run(["demo"])
        #expect(demo.status == 0, "\(demo)")
        #expect(ws.invoiceFiles() == before)
        let list = try ws.run(["request", "list", "--csv"])
        #expect(!list.stdout.contains("RO-2041") && !list.stdout.contains("BT-5521"))
    }
}
