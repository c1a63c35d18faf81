import Billing
import Deposits
import Foundation
import Operations
import Store

/// A clock a test moves by hand.
final class ManualClock: @unchecked Sendable {
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
}

/// A temporary workspace with the repository's businesses (and their fees), a ledger, and a
/// clock set by the test.
final class DepositWorkspace: @unchecked Sendable {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let toronto = TimeZone(identifier: "America/Toronto")!

    let root: URL
    let paths: WorkspacePaths
    let clock: ManualClock
    private(set) var service: RequestService

    init(at date: Date) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("paypage-deposits-\(UUID().uuidString)")
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("Records/invoices"), withIntermediateDirectories: true)
        for item in ["business.json", "businesses", "replies.json", "demo-history.json", "invoices"] {
            let target = root.appendingPathComponent("Records/\(item)")
            try? fm.removeItem(at: target)
            try fm.copyItem(at: Self.repository.appendingPathComponent("Records/\(item)"), to: target)
        }
        paths = WorkspacePaths(root: root)
        let clock = ManualClock(date)
        self.clock = clock
        service = try RequestService.open(paths, clock: { clock.now })
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// Local time in Toronto.
    static func at(_ iso: String, _ hour: Int = 12, _ minute: Int = 0) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = toronto
        let d = CalendarDate(iso: iso)!
        return calendar.date(from: DateComponents(year: d.year, month: d.month, day: d.day, hour: hour, minute: minute))!
    }

    static func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    static func cad(_ text: String) -> Money { try! Money.parse(text, currency: .cad, sign: .any) }

    var book: DepositBook {
        let clock = self.clock
        return DepositBook(ledger: service.ledger, businesses: service.businesses, clock: { clock.now })
    }

    /// Rewrites a key of a business file's `deposits` object, then reopens the service.
    func setDeposits(_ file: String = "Records/business.json", _ change: (inout [String: Any]) -> Void) throws {
        let url = root.appendingPathComponent(file)
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        var deposits = json["deposits"] as? [String: Any] ?? [:]
        change(&deposits)
        json["deposits"] = deposits
        try JSONSerialization.data(withJSONObject: json).write(to: url)
        let clock = self.clock
        service = try RequestService.open(paths, clock: { clock.now })
    }

    @discardableResult
    func request(_ reference: String, _ amount: String, business: String? = nil, at date: Date) throws -> CreatedRequest {
        clock.set(date)
        return try service.create(NewRequest(reference: reference, customerName: "Marie Tremblay", phone: "514-555-0100",
                                             amount: amount, business: business, send: false))
    }

    @discardableResult
    func pay(_ reference: String, _ kind: PaymentMethod.Kind = .card, at date: Date) throws -> PaymentResult {
        clock.set(date)
        if kind.isOffline { return try service.markPaid(reference, method: kind) }
        return try service.pay(reference, method: PaymentMethod(kind: kind, cardBrand: "Visa", last4: "4242"), authorizationCode: "T-\(reference)")
    }

    @discardableResult
    func refund(_ reference: String, _ amount: String?, at date: Date) throws -> RefundResult {
        clock.set(date)
        return try service.refund(reference, amount: amount, reason: nil)
    }

    func settlements(_ reference: String) throws -> [Settlement] {
        try service.ledger.settlements(for: try Reference(reference))
    }
}
