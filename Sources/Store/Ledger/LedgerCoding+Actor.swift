import Billing

extension LedgerCoding {
    /// The `events.actor` column: `staff:<name>`, `customer`, `user:<name>`, `import`, `demo`.
    static func actor(_ actor: EventActor?) -> String? {
        switch actor {
        case .none: nil
        case .staff(let name): "staff:\(name)"
        case .customer: "customer"
        case .systemUser(let name): "user:\(name)"
        case .importer: "import"
        case .demo: "demo"
        }
    }

    /// Nil for NULL (older events); an unknown spelling also reads as nil rather than failing
    /// the whole history.
    static func actor(_ text: String?) -> EventActor? {
        guard let text else { return nil }
        switch text {
        case "customer": return .customer
        case "import": return .importer
        case "demo": return .demo
        default:
            if text.hasPrefix("staff:") { return .staff(name: String(text.dropFirst(6))) }
            if text.hasPrefix("user:") { return .systemUser(name: String(text.dropFirst(5))) }
            return nil
        }
    }
}
