import Billing
import Foundation

/// Every request of the build as the staff pages sort and group it, small in memory (tens of
/// bytes each); the rows themselves wait in a scratch file until a page needs them.
struct StaffIndex {
    /// 56 bytes: the business is a number in `businesses`, the stored row an offset and a length.
    struct Entry: Sendable {
        var createdAt: Int64
        var reference: String
        var customerSlug: String
        var offset: Int
        var length: UInt32
        var business: UInt16
        var status: RequestStatus

        var stored: Range<Int> { offset..<offset + Int(length) }
    }

    private(set) var entries: [Entry] = []
    /// Business names, each once; entries refer to them by position.
    private var businesses: [String] = []
    private var businessNumbers: [String: Int] = [:]
    private let scratch: ScratchFile

    init(capacity: Int = 0) throws(GeneratorError) {
        scratch = try ScratchFile()
        entries.reserveCapacity(capacity)
    }

    mutating func add(_ record: StaffRecord, createdAt: Date) throws(GeneratorError) {
        let stored = try scratch.append(record.encoded())
        let business = businessNumbers[record.business] ?? {
            businesses.append(record.business)
            businessNumbers[record.business] = businesses.count - 1
            return businesses.count - 1
        }()
        guard business <= Int(UInt16.max), stored.count <= Int(UInt32.max) else {
            throw .fileSystem(path: NSTemporaryDirectory(), reason: "\(record.reference) does not fit the staff index")
        }
        entries.append(Entry(createdAt: Int64((createdAt.timeIntervalSince1970 * 1000).rounded(.down)), reference: record.reference,
                             customerSlug: StaffPages.customerSlug(e164: record.customerE164),
                             offset: stored.lowerBound, length: UInt32(stored.count), business: UInt16(business), status: record.status))
    }

    func business(of entry: Entry) -> String { businesses[Int(entry.business)] }

    /// The stored form of a row: what a page's hash is made of.
    func bytes(_ index: Int) throws(GeneratorError) -> [UInt8] { try scratch.read(entries[index].stored) }

    func record(_ index: Int) throws(GeneratorError) -> StaffRecord {
        let bytes = try bytes(index)
        guard let record = StaffRecord(decoding: bytes) else {
            throw .fileSystem(path: NSTemporaryDirectory(), reason: "a scratch record of \(entries[index].reference) cannot be read back")
        }
        return record
    }

    /// Newest first (then by reference, descending), as the staff lists show requests.
    func newestFirst() -> [Int] {
        entries.indices.sorted { a, b in
            let x = entries[a], y = entries[b]
            return (x.createdAt, x.reference) > (y.createdAt, y.reference)
        }
    }

    /// By business, then reference: the gallery's order.
    func byBusiness() -> [Int] {
        entries.indices.sorted { a, b in
            let x = entries[a], y = entries[b]
            return (business(of: x), x.reference) < (business(of: y), y.reference)
        }
    }
}
