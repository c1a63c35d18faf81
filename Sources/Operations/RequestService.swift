import Billing
import Foundation
import Messaging
import Store

/// The staff's and the checkout's operations on requests: create, pay, refund, void, remind,
/// confirm. Every change checks Billing's rules and appends to the ledger in one transaction.
public struct RequestService: Sendable {
    public let paths: WorkspacePaths
    public let ledger: Ledger
    public let businesses: Businesses
    public let replies: SavedReplies
    public let clock: @Sendable () -> Date
    /// Who the events this service records are by: the person running `paypage` unless said
    /// otherwise (the checkout records the customer, the console the staff member).
    public let actor: EventActor

    public init(paths: WorkspacePaths, ledger: Ledger, businesses: Businesses, replies: SavedReplies,
                clock: @escaping @Sendable () -> Date = { Date() }, actor: EventActor = .systemUser(name: SystemUser.name)) {
        self.paths = paths
        self.ledger = ledger
        self.businesses = businesses
        self.replies = replies
        self.clock = clock
        self.actor = actor
    }

    /// Loads the business settings and replies and opens the ledger of a workspace.
    public static func open(_ paths: WorkspacePaths, clock: @escaping @Sendable () -> Date = { Date() },
                            actor: EventActor = .systemUser(name: SystemUser.name)) throws(OperationError) -> RequestService {
        let reader = RecordsReader(workspace: paths.root)
        let businesses: Businesses
        let replies: SavedReplies
        do {
            businesses = try reader.loadBusinesses()
        } catch { throw .records(error.errors) }
        do {
            replies = try RepliesLoader(paths: paths).load()
        } catch { throw .records([error]) }
        do throws(StoreError) {
            return RequestService(paths: paths, ledger: try Ledger(fileURL: paths.ledger), businesses: businesses,
                                  replies: replies, clock: clock, actor: actor)
        } catch { throw .store(error) }
    }

    var reader: RecordsReader { RecordsReader(workspace: paths.root) }

    /// The same service, recording its events as by `actor`.
    public func acting(as actor: EventActor) -> RequestService {
        RequestService(paths: paths, ledger: ledger, businesses: businesses, replies: replies, clock: clock, actor: actor)
    }

    public func parseReference(_ text: String) throws(OperationError) -> Reference {
        do { return try Reference(text) } catch { throw .invalidField("reference", .invalid(error)) }
    }

    /// The request's row, or a not-found error naming the reference.
    func row(_ reference: Reference, in tx: LedgerTransaction) throws(OperationError) -> RequestRow {
        let found: RequestRow? = try storeCall { () throws(StoreError) in try tx.request(reference: reference) }
        guard let found else { throw .notFound(.request(reference: reference.value)) }
        return found
    }

    /// Runs `body` in one ledger transaction, keeping errors typed.
    public func transaction<T>(_ body: (LedgerTransaction) throws(OperationError) -> T) throws(OperationError) -> T {
        do {
            return try ledger.transaction { tx in try body(tx) }
        } catch let error as OperationError {
            throw error
        } catch let error as StoreError {
            throw .store(error)
        } catch {
            throw .store(.database(path: paths.ledger.path, operation: "write", message: "\(error)"))
        }
    }
}

extension RequestService {
    /// Runs a store call, turning its error into an operation error.
    public func storeCall<T>(_ body: () throws(StoreError) -> T) throws(OperationError) -> T {
        do { return try body() } catch { throw .store(error) }
    }
}
