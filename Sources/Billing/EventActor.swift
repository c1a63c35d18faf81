/// Who caused a ledger event: a staff member in the console, the customer at the checkout, the
/// person running `paypage` (by their system user name), an import of record files, or the demo.
public enum EventActor: Sendable, Hashable, Codable {
    case staff(name: String)
    case customer
    case systemUser(name: String)
    case importer
    case demo

    /// How a staff history names it, in English ("refunded $40.00 — Marie").
    public var displayName: String {
        switch self {
        case .staff(let name): name
        case .customer: "the customer"
        case .systemUser(let name): "\(name) (command line)"
        case .importer: "records import"
        case .demo: "demo"
        }
    }
}
