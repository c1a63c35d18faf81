import Foundation

/// Watches the drop folder while the server runs: a file whose size and modification time
/// have not changed for `settle` is completely written, and is imported.
package struct InboxWatcher: Sendable {
    package let folder: DropFolder
    package var interval: Duration
    package var settle: Duration

    package init(folder: DropFolder, interval: Duration = .milliseconds(500), settle: Duration = .seconds(2)) {
        self.folder = folder
        self.interval = interval
        self.settle = settle
    }

    /// Runs until cancelled; `filed` hears of each file imported (to print it, say).
    package func run(filed: @Sendable (DropFolder.Filed) -> Void) async {
        folder.recoverClaims()
        let clock = ContinuousClock()
        var pending: [String: (sighting: DropFolder.Sighting, since: ContinuousClock.Instant)] = [:]
        while !Task.isCancelled {
            let now = clock.now
            let sightings = folder.look()
            for sighting in sightings {
                if let seen = pending[sighting.name], seen.sighting == sighting {
                    guard now - seen.since >= settle else { continue }
                    pending[sighting.name] = nil
                    if let result = folder.importFile(named: sighting.name) { filed(result) }
                } else {
                    pending[sighting.name] = (sighting, now)
                }
            }
            let present = Set(sightings.map(\.name))
            pending = pending.filter { present.contains($0.key) }
            try? await Task.sleep(for: interval)
        }
    }
}
