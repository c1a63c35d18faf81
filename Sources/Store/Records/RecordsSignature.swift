#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A fingerprint of `Records/` from the file system's metadata alone (name, size, inode,
/// modification and change times in nanoseconds, for every record file): reading it costs a
/// `stat` per file, so an unchanged workspace is recognised without reading a record.
/// Any edit, even one that keeps the size and sets the old modification time back, moves the
/// change time, which no user command can set.
///
/// File times are kept to the kernel's clock tick (a few milliseconds), so a file changed twice
/// within one tick could keep its times: like git's "racily clean" entries, a signature is not
/// given (nil) while any record changed less than a second ago, and callers then read everything.
package enum RecordsSignature {
    /// Both signatures from one `stat` per file: the whole `Records/` (nil while a file is
    /// unsettled) and each invoice record's own.
    package struct Scan: Sendable {
        package var whole: UInt64?
        package var invoices: [(name: String, signature: UInt64?)]
    }

    package static func of(workspace: URL, now: Date = Date()) -> UInt64? { scan(workspace: workspace, now: now).whole }

    /// Each invoice record's own signature by file name, mixed with the businesses' files (their
    /// taxes make the totals); nil for one changed in the last second, or all when a business
    /// file did.
    package static func invoiceFiles(workspace: URL, now: Date = Date()) -> [(name: String, signature: UInt64?)] {
        scan(workspace: workspace, now: now).invoices
    }

    package static func scan(workspace: URL, now: Date = Date()) -> Scan {
        let reader = RecordsReader(workspace: workspace)
        let root = workspace.path + "/"
        let businessFiles = [RecordsReader.businessFile]
            + reader.jsonFiles(in: RecordsReader.businessesFolder).map { "\(RecordsReader.businessesFolder)/\($0)" }
        let invoiceNames = reader.invoiceFileNames()
        var businesses: UInt64? = ContentHash.fnv1a("businesses")
        var whole: UInt64? = ContentHash.fnv1a("records-signature-2")
        func addToWhole(_ file: String, _ signature: FileSignature) {
            guard let hash = whole else { return }
            let named = ContentHash.fnv1a(file, seed: hash)
            switch signature {
            case .missing: whole = ContentHash.fnv1a("\u{1F}missing\u{1E}", seed: named)
            case .unsettled: whole = nil
            case .settled(let value): whole = ContentHash.fnv1a(Int64(bitPattern: value), seed: ContentHash.fnv1a("\u{1F}", seed: named))
            }
        }
        // The whole signature's order: business.json, replies.json, businesses/, invoices/.
        let businessSignatures = businessFiles.map { fileSignature(root + $0, now: now) }
        for (file, signature) in zip(businessFiles, businessSignatures) {
            switch signature {
            case .missing: businesses = businesses.map { ContentHash.fnv1a("\(file) missing", seed: $0) }
            case .unsettled: businesses = nil
            case .settled(let value): businesses = businesses.map { ContentHash.fnv1a("\(file) \(value)", seed: $0) }
            }
        }
        addToWhole(RecordsReader.businessFile, businessSignatures[0])
        addToWhole(RecordsReader.repliesFile, fileSignature(root + RecordsReader.repliesFile, now: now))
        for (file, signature) in zip(businessFiles, businessSignatures).dropFirst() { addToWhole(file, signature) }
        let invoices = invoiceNames.map { name -> (name: String, signature: UInt64?) in
            let file = RecordsReader.invoicesFolder + "/" + name
            let signature = fileSignature(root + file, now: now)
            addToWhole(file, signature)
            guard let businesses, case .settled(let value) = signature else { return (name, nil) }
            return (name, ContentHash.fnv1a(Int64(bitPattern: value), seed: businesses))
        }
        return Scan(whole: whole, invoices: invoices)
    }

    private enum FileSignature {
        case missing, unsettled
        case settled(UInt64)
    }

    /// `path` is a plain string: building a URL per record cost as much as its `stat`.
    private static func fileSignature(_ path: String, now: Date) -> FileSignature {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        let settled = Int64(now.timeIntervalSince1970) - 1
        if Int64(info.st_ctim.tv_sec) >= settled || Int64(info.st_mtim.tv_sec) >= settled { return .unsettled }
        var hash = ContentHash.fnv1a("file")
        for field in [Int64(info.st_size), Int64(bitPattern: UInt64(info.st_ino)),
                      Int64(info.st_mtim.tv_sec), Int64(info.st_mtim.tv_nsec),
                      Int64(info.st_ctim.tv_sec), Int64(info.st_ctim.tv_nsec)] {
            hash = ContentHash.fnv1a(field, seed: hash)
        }
        return .settled(hash)
    }
}
