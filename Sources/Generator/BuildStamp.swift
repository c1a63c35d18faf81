#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Store

/// `Output/.stamp`: every input of the last complete build at once — the records' file
/// metadata, the ledger's change counter, the themes' and businesses' fingerprints, the build
/// options and the generator version. When it is unchanged and the pages are all there, a build
/// has nothing to do and reads nothing further.
///
/// It is deleted before a build writes anything and written after the manifest, so a build
/// that stopped half-way never leaves a stamp behind that vouches for it.
struct BuildStamp: Equatable {
    let value: String

    static let fileName = ".stamp"

    /// Nil when the inputs cannot vouch for themselves (a record changed within the last second).
    init?(workspace: URL, ledgerVersion: Int64, themes: [String: String], businesses: [String: String], options: BuildOptions) {
        guard let records = options.recordsSignature ?? RecordsSignature.of(workspace: workspace, now: options.now()) else { return nil }
        var hasher = InputHasher()
        hasher.add(GeneratorVersion.current)
        hasher.add(records)
        hasher.add(UInt64(bitPattern: ledgerVersion))
        for name in themes.keys.sorted() { hasher.add("theme \(name) \(themes[name]!)") }
        for key in businesses.keys.sorted() { hasher.add("business \(key) \(businesses[key]!)") }
        hasher.add("override \(options.themeOverride ?? "")")
        hasher.add("preview \(options.previewThemes.joined(separator: ","))")
        hasher.add("page size \(options.staffPageSize)")
        value = String(hasher.value, radix: 16)
    }

    static func stored(in output: URL) -> String? {
        (try? String(contentsOf: output.appendingPathComponent(fileName), encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func remove(in output: URL) {
        _ = unlink(output.appendingPathComponent(fileName).path)
    }

    func save(in output: URL) throws(GeneratorError) {
        let url = output.appendingPathComponent(Self.fileName)
        do { try AtomicFile.writeIfChanged(Data((value + "\n").utf8), to: url) } catch {
            throw .fileSystem(path: url.path, reason: error.description)
        }
    }

    /// Every page the manifest lists is still there (the first file of each request, every
    /// staff page): someone may have deleted some by hand.
    static func pagesExist(_ manifest: Manifest, in output: URL) -> Bool {
        let root = output.path + "/"
        for (key, entry) in manifest.requests {
            guard let first = Manifest.files(key: key, entry).first, access(root + first, F_OK) == 0 else { return false }
        }
        for path in manifest.pages.keys where access(root + path, F_OK) != 0 { return false }
        return !manifest.pages.isEmpty
    }
}
