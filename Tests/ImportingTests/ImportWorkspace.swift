import Billing
import Foundation
@testable import Importing
import Operations
import Store

/// A temporary workspace with the demo businesses and replies (and optionally the demo's
/// invoices), removed when the test ends.
final class ImportWorkspace: @unchecked Sendable {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let root: URL
    var paths: WorkspacePaths { WorkspacePaths(root: root) }

    init(demoInvoices: Bool = false) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("paypage-import-\(UUID().uuidString)")
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("Records/invoices"), withIntermediateDirectories: true)
        for item in ["business.json", "businesses", "replies.json"] {
            try fm.copyItem(at: Self.repository.appendingPathComponent("Records/\(item)"), to: root.appendingPathComponent("Records/\(item)"))
        }
        if demoInvoices {
            for name in try fm.contentsOfDirectory(atPath: Self.repository.appendingPathComponent("Records/invoices").path) {
                try fm.copyItem(at: Self.repository.appendingPathComponent("Records/invoices/\(name)"),
                                to: root.appendingPathComponent("Records/invoices/\(name)"))
            }
        }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    static func sample(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: repository.appendingPathComponent("Records/samples/\(name)")))
    }

    static func fixture(_ relative: String) -> URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(relative)
    }

    static var atelierLayout: ImportLayout {
        get throws {
            let data = try Data(contentsOf: repository.appendingPathComponent("Records/samples/atelier-bons-de-travail.mapping.json"))
            return try MappingFile.layout(data, file: "atelier-bons-de-travail.mapping.json")
        }
    }

    func importer(readOnly: Bool = false) throws -> Importer { try Importer.open(paths, readOnly: readOnly) }

    func run(_ bytes: [UInt8], name: String = "ro-export.csv", _ options: Importer.Options = .init()) throws -> ImportReport {
        try importer(readOnly: options.dryRun).run(bytes, fileName: name, options: options)
    }

    func run(csv: String, name: String = "ro-export.csv", _ options: Importer.Options = .init()) throws -> ImportReport {
        try run(Array(csv.utf8), name: name, options)
    }

    func record(_ reference: String) throws -> InvoiceRecord {
        let file = WorkspacePaths.invoiceFile(reference)
        return try RecordDecoder().decode(InvoiceRecord.self, at: paths.url(file), file: file)
    }

    func recordData(_ reference: String) throws -> Data { try Data(contentsOf: paths.url(WorkspacePaths.invoiceFile(reference))) }

    func writeRecord(_ record: InvoiceRecord) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(record).write(to: paths.url(WorkspacePaths.invoiceFile(record.reference)))
    }

    /// The record as `paypage check` and the build read it: valid, with its file name.
    func loaded(_ reference: String) throws -> LoadedInvoice {
        let reader = RecordsReader(workspace: root)
        return try reader.loadInvoice(file: WorkspacePaths.invoiceFile(reference), businesses: try reader.loadBusinesses()).get()
    }

    func service() throws -> RequestService { try RequestService.open(paths) }

    var ledger: Ledger { get throws { try Ledger(fileURL: paths.ledger) } }

    /// Every file under the workspace with its bytes: what a dry run must leave alone.
    func snapshot() -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                files[url.path] = try? Data(contentsOf: url)
            }
        }
        return files
    }
}

extension ImportReport {
    func outcome(_ reference: String) -> Outcome? { orders.first { $0.reference == reference }?.outcome }
    var outcomes: [String: Outcome] { Dictionary(uniqueKeysWithValues: orders.map { ($0.reference, $0.outcome) }) }
}
