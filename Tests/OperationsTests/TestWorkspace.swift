import Billing
import Foundation
import Messaging
@testable import Operations
import Store
import Testing

/// A clock the test moves by hand; the service reads it through a closure.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ date: Date) { current = date }

    var now: Date {
        lock.lock(); defer { lock.unlock() }
        return current
    }

    func set(_ date: Date) {
        lock.lock(); defer { lock.unlock() }
        current = date
    }

    func advance(days: Int) {
        lock.lock(); defer { lock.unlock() }
        current = current.addingTimeInterval(TimeInterval(days) * 86_400)
    }
}

enum When {
    static let toronto = TimeZone(identifier: "America/Toronto")!

    /// Local time in Toronto (the demo businesses' time zone).
    static func date(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 12, _ minute: Int = 0) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = toronto
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))!
    }

    /// Monday 3 November 2025, noon in Toronto.
    static let start = date(2025, 11, 3)
}

/// A workspace in a temporary folder with the repository's business settings and replies
/// (and optionally its invoices), plus a `RequestService` reading a `TestClock`.
final class TestWorkspace: @unchecked Sendable {
    /// The repository root, from this file's path: Tests/OperationsTests/TestWorkspace.swift.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let root: URL
    let paths: WorkspacePaths
    let clock: TestClock
    let service: RequestService

    init(invoices: Bool = false, at date: Date = When.start) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("paypage-ops-\(UUID().uuidString)")
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("Records"), withIntermediateDirectories: true)
        let records = Self.repository.appendingPathComponent("Records")
        for item in ["business.json", "businesses", "replies.json"] + (invoices ? ["invoices", "demo-history.json"] : []) {
            try fm.copyItem(at: records.appendingPathComponent(item), to: root.appendingPathComponent("Records/\(item)"))
        }
        if !invoices {
            try fm.createDirectory(at: root.appendingPathComponent("Records/invoices"), withIntermediateDirectories: true)
        }
        paths = WorkspacePaths(root: root)
        let clock = TestClock(date)
        self.clock = clock
        service = try RequestService.open(paths, clock: { clock.now })
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// Another service on the same workspace (its own ledger connection, like another process).
    func otherService() throws -> RequestService {
        let clock = self.clock
        return try RequestService.open(paths, clock: { clock.now })
    }

    var ledger: Ledger { service.ledger }

    func recordURL(_ reference: String) -> URL { paths.url(WorkspacePaths.invoiceFile(reference)) }

    func recordExists(_ reference: String) -> Bool { FileManager.default.fileExists(atPath: recordURL(reference).path) }

    /// Names of the files in Records/invoices/.
    func recordFiles() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: paths.invoices.path)) ?? []).sorted()
    }

    func row(_ reference: String) throws -> RequestRow? { try ledger.request(reference: try Reference(reference)) }

    func outbox() throws -> [OutboxMessage] { try ledger.outbox() }

    func entries(_ reference: String) throws -> [LedgerEntry] { try ledger.entries(for: try Reference(reference)) }

    func paidEvents(_ reference: String) throws -> [Payment] {
        try entries(reference).compactMap { if case .paid(let payment) = $0.event { payment } else { nil } }
    }

    func writeRecord(_ reference: String, _ json: String) throws {
        try Data(json.utf8).write(to: recordURL(reference))
    }

    func writeFile(_ name: String, _ json: String) throws -> URL {
        let url = root.appendingPathComponent(name)
        try Data(json.utf8).write(to: url)
        return url
    }

    /// Creates a quick payment (sent by text unless `send` is false).
    @discardableResult
    func quick(_ reference: String, amount: String = "125.00", phone: String = "514-555-0100", name: String = "Marie Tremblay",
               business: String? = nil, send: Bool = true) throws -> CreatedRequest {
        try service.create(NewRequest(reference: reference, customerName: name, phone: phone, amount: amount,
                                      business: business, send: send))
    }

    @discardableResult
    func payCash(_ reference: String) throws -> PaymentResult {
        try service.markPaid(reference, method: .cash)
    }

    func status(_ reference: String) throws -> RequestStatus { try service.overview(reference).status }
}

/// The error an operation threw, for `#expect` on its kind and message.
func operationError(_ body: () throws -> Void) -> OperationError? {
    do {
        try body()
        Issue.record("expected an OperationError, nothing was thrown")
        return nil
    } catch let error as OperationError {
        return error
    } catch {
        Issue.record("unexpected error type: \(error)")
        return nil
    }
}

extension OperationError {
    var isInvalidField: Bool { if case .invalidField = self { true } else { false } }
    var isReferenceConflict: Bool {
        switch self {
        case .conflict(.referenceInLedger), .conflict(.referenceInRecords): true
        default: false
        }
    }
    var isRule: Bool { if case .notAllowed = self { true } else { false } }
    var isRecords: Bool { if case .records = self { true } else { false } }
    var isOptedOut: Bool { if case .conflict(.optedOut) = self { true } else { false } }
}

func cad(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: .cad) }

var tokenPattern: Regex<Substring> { /^[A-Za-z0-9_-]{22}$/ }
