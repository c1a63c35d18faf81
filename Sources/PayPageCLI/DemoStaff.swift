import Foundation
import Operations
import StaffAccess
import Store

/// `paypage demo` starts the ledger afresh but never drops staff accounts: they are read from
/// the old ledger first and put back into the new one.
struct DemoStaff {
    let snapshot: StaffSnapshot

    /// The accounts of the workspace's ledger (none when there is no ledger yet). A ledger that
    /// cannot be read stops the demo rather than losing its accounts.
    static func keep(_ paths: WorkspacePaths) throws(OperationError) -> DemoStaff {
        guard FileManager.default.fileExists(atPath: paths.ledger.path) else { return DemoStaff(snapshot: .empty) }
        do throws(StoreError) {
            let ledger = try Ledger(fileURL: paths.ledger)
            defer { try? ledger.close() }
            return DemoStaff(snapshot: try StaffSnapshot.take(from: ledger))
        } catch { throw .store(error) }
    }

    func restore(into service: RequestService) throws(OperationError) {
        do throws(StoreError) { try snapshot.restore(into: service.ledger) } catch { throw .store(error) }
    }

    /// The owner `demo`, when the workspace has no owner.
    func ensureOwner(in service: RequestService) throws(OperationError) -> StaffMember? {
        let language = service.businesses.main.defaultLanguage
        do throws(StaffError) {
            return try StaffService(ledger: service.ledger).ensureOwner(named: "demo", language: language)
        } catch {
            if case .store(let store) = error { throw .store(store) }
            throw .store(.database(path: service.ledger.path, operation: "add the owner demo", message: error.description))
        }
    }
}
