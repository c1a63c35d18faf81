import Foundation
import Store

/// `Records/inbox.json`: how the drop folder imports (all optional; paths from the workspace).
/// `{ "business": "velo-laurier", "prefix": "VL-", "mapping": "Records/samples/x.mapping.json" }`
struct InboxSettings: Decodable {
    var business: String?
    var prefix: String?
    var mapping: String?

    static func load(_ paths: WorkspacePaths) throws -> Importer.Options {
        let url = paths.url(DropFolder.settingsFile)
        guard FileManager.default.fileExists(atPath: url.path) else { return Importer.Options() }
        let settings = try RecordDecoder().decode(InboxSettings.self, at: url, file: DropFolder.settingsFile)
        var layout = ImportLayout.roCSV
        if let mapping = settings.mapping {
            let data = try RecordDecoder.readFile(paths.url(mapping), file: mapping)
            layout = try MappingFile.layout(data, file: mapping)
        }
        return Importer.Options(business: settings.business, prefix: settings.prefix, layout: layout)
    }
}

extension RecordDecoder {
    /// A file's bytes, or a record error saying it cannot be read.
    static func readFile(_ url: URL, file: String) throws(RecordError) -> Data {
        do { return try Data(contentsOf: url) } catch {
            throw RecordError(file: file, path: "", problem: FileManager.default.fileExists(atPath: url.path) ? "cannot be read" : "file not found")
        }
    }
}
