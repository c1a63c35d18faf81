import Foundation
@testable import StaffAccess
import Store

/// A clock the test moves by hand.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ date: Date = Date(timeIntervalSince1970: 1_767_268_800)) { current = date }

    var now: Date {
        lock.lock(); defer { lock.unlock() }
        return current
    }

    func advance(_ seconds: TimeInterval) {
        lock.lock(); defer { lock.unlock() }
        current = current.addingTimeInterval(seconds)
    }
}

/// A ledger in a temporary folder and a `StaffService` over it, with bcrypt at its lowest
/// cost (4) so tests stay fast; the rules are the same at every cost.
final class StaffFixture: @unchecked Sendable {
    let folder: URL
    let ledger: Ledger
    let clock = ManualClock()
    let staff: StaffService

    static let hasher = PasswordHasher(cost: 4)

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("paypage-staff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        ledger = try Ledger(workspace: folder)
        let clock = self.clock
        staff = StaffService(ledger: ledger, hasher: Self.hasher, clock: { clock.now })
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Another service on the same file, as another process would open it.
    func reopened() throws -> StaffService {
        let clock = self.clock
        return StaffService(ledger: try Ledger(workspace: folder), hasher: Self.hasher, clock: { clock.now })
    }

    @discardableResult
    func add(_ name: String, _ role: StaffRole = .clerk, password: String = "correct horse") throws -> StaffMember {
        try staff.addAccount(name: name, role: role, language: .fr, password: password)
    }
}
