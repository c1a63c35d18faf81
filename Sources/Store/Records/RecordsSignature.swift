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
public enum RecordsSignature {
    public static func of(workspace: URL, now: Date = Date()) -> UInt64? {
        let reader = RecordsReader(workspace: workspace)
        let root = workspace.path + "/"
        var hash = ContentHash.fnv1a("records-signature-2")
        var files = [RecordsReader.businessFile, RecordsReader.repliesFile]
        for folder in [RecordsReader.businessesFolder, RecordsReader.invoicesFolder] {
            files += reader.jsonFiles(in: folder).map { "\(folder)/\($0)" }
        }
        for file in files {
            hash = ContentHash.fnv1a(file, seed: hash)
            switch fileSignature(root + file, now: now) {
            case .missing: hash = ContentHash.fnv1a("\u{1F}missing\u{1E}", seed: hash)
            case .unsettled: return nil
            case .settled(let value): hash = ContentHash.fnv1a(Int64(bitPattern: value), seed: ContentHash.fnv1a("\u{1F}", seed: hash))
            }
        }
        return hash
    }

    /// Each invoice record's own signature by file name, mixed with the businesses' files (their
    /// taxes make the totals); nil for one changed in the last second, or all when a business
    /// file did.
    public static func invoiceFiles(workspace: URL, now: Date = Date()) -> [(name: String, signature: UInt64?)] {
        let reader = RecordsReader(workspace: workspace)
        let root = workspace.path + "/"
        var businesses: UInt64? = ContentHash.fnv1a("businesses")
        for file in [RecordsReader.businessFile] + reader.jsonFiles(in: RecordsReader.businessesFolder).map({ "\(RecordsReader.businessesFolder)/\($0)" }) {
            switch fileSignature(root + file, now: now) {
            case .missing: businesses = businesses.map { ContentHash.fnv1a("\(file) missing", seed: $0) }
            case .unsettled: businesses = nil
            case .settled(let value): businesses = businesses.map { ContentHash.fnv1a("\(file) \(value)", seed: $0) }
            }
        }
        return reader.invoiceFileNames().map { name in
            if let businesses, case .settled(let value) = fileSignature(root + RecordsReader.invoicesFolder + "/" + name, now: now) {
                return (name, ContentHash.fnv1a(Int64(bitPattern: value), seed: businesses))
            }
            return (name, nil)
        }
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
