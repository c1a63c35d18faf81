import Foundation
import Store

/// `Output/.manifest`: what the last build wrote and from which inputs, so the next one skips
/// what did not change and deletes what is gone. Outside `public/`: never deployed.
///
/// One line per entry, tab-separated, so that a site of 20 000 requests loads in a few
/// milliseconds and a few megabytes (its JSON form cost more memory than the requests did).
/// A request's files follow from its key, token and whether it has a receipt.
struct Manifest: Sendable, Equatable {
    struct RequestEntry: Sendable, Equatable {
        var hash: UInt64
        /// Packed: the manifest holds one entry per request for the whole build.
        private var compactToken: CompactToken
        var receipt: Bool

        init(hash: UInt64, token: String, receipt: Bool) {
            self.hash = hash
            compactToken = CompactToken(token)
            self.receipt = receipt
        }

        var token: String { compactToken.string }

        /// How many pages the request has under its prefix.
        var pageCount: Int { RequestPages.count(receipt: receipt) }
    }

    var generator: String = GeneratorVersion.current
    /// The invalid records' problems and the requests without a record, as the last build
    /// found them: a build that finds nothing changed reports them again.
    var skipped: [String] = []
    var withoutRecord: [String] = []
    /// A request's own pages, and its gallery previews → their inputs' hash and token.
    var requests: [PageSetKey: RequestEntry] = [:]
    /// Staff pages and the gallery: path → input hash.
    var pages: [String: UInt64] = [:]
    /// Assets and host files written by the last build.
    var shared: [String] = []

    static let fileName = ".manifest"
    private static let header = "paypage-manifest"

    /// The pages of a request key: `public/p/<token>/…`, or under `gallery/themes/<theme>/`.
    static func files(key: PageSetKey, _ entry: RequestEntry) -> [String] {
        let prefix = key.prefix
        return RequestPages.files(token: entry.token, receipt: entry.receipt).map { prefix + $0 }
    }

    /// Requests with pages of their own (gallery previews not counted).
    var requestCount: Int { requests.keys.count { !$0.isPreview } }

    static func load(from output: URL) -> Manifest {
        guard let data = try? Data(contentsOf: output.appendingPathComponent(fileName)) else { return Manifest() }
        var manifest = Manifest()
        var valid = false
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            switch (fields.first, fields.count) {
            case ("paypage-manifest", 2): valid = fields[1] == GeneratorVersion.current
            case ("skipped", 2): manifest.skipped.append(Self.unescape(fields[1]))
            case ("without", 2): manifest.withoutRecord.append(String(fields[1]))
            case ("shared", 2): manifest.shared.append(String(fields[1]))
            case ("page", 3):
                guard let hash = UInt64(fields[1], radix: 16) else { return Manifest() }
                manifest.pages[String(fields[2])] = hash
            case ("request", 5):
                guard let hash = UInt64(fields[2], radix: 16) else { return Manifest() }
                manifest.requests[PageSetKey(manifestText: fields[1])] = RequestEntry(hash: hash, token: String(fields[3]), receipt: fields[4] == "1")
            default: return Manifest()
            }
        }
        return valid ? manifest : Manifest()
    }

    /// Messages may hold tabs and newlines (they quote records).
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t").replacingOccurrences(of: "\n", with: "\\n")
    }

    static func unescape(_ text: Substring) -> String {
        var result = ""
        var escaped = false
        for c in text {
            if escaped {
                result.append(c == "t" ? "\t" : c == "n" ? "\n" : c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else {
                result.append(c)
            }
        }
        return result
    }

    func save(to output: URL) throws(GeneratorError) {
        // Bytes appended in place: a site's manifest is megabytes, and a String then a Data
        // copy of it doubled the build's peak memory at its very end.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64 * (requests.count + pages.count + shared.count) + 256)
        func line(_ fields: String...) {
            bytes += fields.joined(separator: "\t").utf8
            bytes.append(UInt8(ascii: "\n"))
        }
        line(Self.header, generator)
        for message in skipped { line("skipped", Self.escape(message)) }
        for reference in withoutRecord { line("without", reference) }
        for path in shared.sorted() { line("shared", path) }
        for path in pages.keys.sorted() { line("page", String(pages[path]!, radix: 16), path) }
        for key in requests.keys.sorted() {
            let entry = requests[key]!
            line("request", key.manifestText, String(entry.hash, radix: 16), entry.token, entry.receipt ? "1" : "0")
        }
        let url = output.appendingPathComponent(Self.fileName)
        // Written from the buffer itself (no copy into a Data).
        let failure = bytes.withUnsafeMutableBytes { buffer -> StoreError? in
            let data = Data(bytesNoCopy: buffer.baseAddress!, count: buffer.count, deallocator: .none)
            do throws(StoreError) { _ = try AtomicFile.writeIfChanged(data, to: url) } catch { return error }
            return nil
        }
        if let failure { throw .fileSystem(path: url.path, reason: failure.description) }
        // The JSON manifest of earlier versions: stale once this one exists.
        try? FileManager.default.removeItem(at: output.appendingPathComponent(".manifest.json"))
    }
}
