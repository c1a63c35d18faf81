import Billing

/// Brings the staff lists and the manifest up to date after payments, in the background and
/// one pass at a time: a customer who paid waits only for their own pages, and a burst of
/// payments costs one pass over the site per burst rather than one per payment.
actor StaffRefresh {
    private var pending = Set<Reference>()
    private var running = false
    private let pass: @Sendable ([Reference]) async -> Void

    init(pass: @escaping @Sendable ([Reference]) async -> Void) { self.pass = pass }

    func schedule(_ reference: Reference) {
        pending.insert(reference)
        guard !running else { return }
        running = true
        Task { await drain() }
    }

    private func drain() async {
        while !pending.isEmpty {
            let batch = pending.sorted { $0.key < $1.key }
            pending = []
            await pass(batch)
        }
        running = false
    }
}
