import Billing
import Foundation

/// Every request of the build as the staff pages sort and group it, small in memory (tens of
/// bytes each); the rows themselves wait in a scratch file until a page needs them.
struct StaffIndex {
    struct Entry: Sendable {
        var createdAt: Int64
        var reference: String
        var status: RequestStatus
        var customerSlug: String
        var business: String
        var stored: Range<Int>
    }

    private(set) var entries: [Entry] = []
    private let scratch: ScratchFile

    init(capacity: Int = 0) throws(GeneratorError) {
        scratch = try ScratchFile()
        entries.reserveCapacity(capacity)
    }

    mutating func add(_ record: StaffRecord, createdAt: Date) throws(GeneratorError) {
        let stored = try scratch.append(record.encoded())
        entries.append(Entry(createdAt: Int64((createdAt.timeIntervalSince1970 * 1000).rounded(.down)), reference: record.reference,
                             status: record.status, customerSlug: StaffPages.customerSlug(e164: record.customerE164),
                             business: record.business, stored: stored))
    }

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
            return (x.business, x.reference) < (y.business, y.reference)
        }
    }
}
