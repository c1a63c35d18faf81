import Foundation
import Store
#if canImport(Glibc)
import Glibc
#endif

/// `Records/inbox/`: an export saved here is imported by the running server. A file is claimed
/// by an atomic rename into `.processing/` (so two processes never import it twice), imported,
/// then moved to `done/`, or to `failed/` when anything was refused, with its report beside it.
package struct DropFolder: Sendable {
    package let paths: WorkspacePaths

    package init(paths: WorkspacePaths) { self.paths = paths }

    /// Optional settings for the files of the inbox: business, prefix, mapping.
    package static let settingsFile = "Records/inbox.json"

    package var inbox: URL { paths.records.appendingPathComponent("inbox") }
    var processing: URL { inbox.appendingPathComponent(".processing") }
    package var done: URL { inbox.appendingPathComponent("done") }
    package var failed: URL { inbox.appendingPathComponent("failed") }

    /// A file waiting in the inbox, as last seen: unchanged for a while means completely written.
    package struct Sighting: Sendable, Hashable {
        package var name: String
        package var size: Int
        package var modified: Date
    }

    /// What became of a dropped file.
    package struct Filed: Sendable {
        package var name: String
        /// Where it went: `done/…` or `failed/…`.
        package var destination: URL
        package var report: ImportReport?
        /// Why nothing could be imported at all (unreadable settings or mapping, unknown business…).
        package var failure: String?

        package var succeeded: Bool { failure == nil && report?.hasFailures == false }
    }

    /// The regular files of the inbox, but hidden ones and those still being written under a
    /// temporary name (`.tmp`, `.part`, `.crdownload`, `~`).
    package func look() -> [Sighting] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: inbox.path)) ?? []
        return names.sorted().compactMap { name in
            guard !name.hasPrefix("."), !Self.temporarySuffixes.contains(where: { name.lowercased().hasSuffix($0) }) else { return nil }
            let url = inbox.appendingPathComponent(name)
            guard let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .fileSizeKey, .contentModificationDateKey]),
                  values.isRegularFile == true else { return nil }
            return Sighting(name: name, size: values.fileSize ?? 0, modified: values.contentModificationDate ?? .distantPast)
        }
    }

    static let temporarySuffixes = [".tmp", ".part", ".crdownload", "~"]

    /// Files a stopped process had claimed go back to the inbox (importing again is harmless).
    package func recoverClaims() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: processing.path)) ?? []
        for name in names where !name.hasPrefix(".") {
            move(processing.appendingPathComponent(name), to: inbox.appendingPathComponent(name))
        }
    }

    /// Claims, imports and files away one file of the inbox; nil when it is no longer there
    /// (another process claimed it first).
    package func importFile(named name: String) -> Filed? {
        try? FileManager.default.createDirectory(at: processing, withIntermediateDirectories: true)
        let claimed = processing.appendingPathComponent(name)
        guard move(inbox.appendingPathComponent(name), to: claimed) else { return nil }
        var report: ImportReport?
        var failure: String?
        do {
            let bytes = [UInt8](try Data(contentsOf: claimed))
            let options = try InboxSettings.load(paths)
            report = try Importer.open(paths).run(bytes, fileName: name, options: options)
        } catch {
            failure = String(describing: error)
        }
        let ok = failure == nil && report?.hasFailures == false
        let folder = ok ? done : failed
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var destination = folder.appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: destination.path) {
            destination = folder.appendingPathComponent("\(Self.stamp(Date())) \(name)")
        }
        if !move(claimed, to: destination) { destination = claimed }
        let text = (report?.text ?? "\(name): not imported") + (failure.map { "\n\($0)" } ?? "") + "\n"
        try? AtomicFile.write(Data(text.utf8), to: URL(fileURLWithPath: destination.path + ".report.txt"))
        return Filed(name: name, destination: destination, report: report, failure: failure)
    }

    /// rename(2): atomic, and fails if the source is gone.
    @discardableResult
    private func move(_ from: URL, to: URL) -> Bool {
        rename(from.path, to.path) == 0
    }

    static func stamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }
}
