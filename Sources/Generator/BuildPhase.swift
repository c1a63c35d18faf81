import Foundation

/// The steps of a full build, in order, as `paypage build --verbose` reports them.
package enum BuildPhase: String, Sendable, CaseIterable {
    /// Compares the inputs' stamp with the last complete build's: equal means nothing to do.
    case stampCheck = "stamp check"
    /// Hashes each request's inputs and compares them with the manifest: what to render.
    case manifestDiff = "manifest diff"
    /// Renders the changed requests' pages, then the staff pages; the records and the ledger
    /// are read in batches while the previous batch renders, so that reading is counted here.
    case render
    /// Removes the pages of requests no longer built, and files a killed build left behind.
    case prune
    /// Waits for the last pages to be written, then saves the manifest and the stamp.
    case write
}

/// How long one phase took and how much it handled (requests compared, pages rendered…).
package struct PhaseReport: Sendable, Equatable {
    package var phase: BuildPhase
    package var duration: Duration
    package var count: Int
    /// What `count` counts, for the verbose report.
    package var unit: String
}

/// Adds up the time of each phase; a phase may run several times (once per batch).
struct PhaseClock {
    private let clock = ContinuousClock()
    private(set) var reports: [PhaseReport] = []

    /// Runs `body` as (part of) `phase`.
    mutating func measure<T, E: Error>(_ phase: BuildPhase, unit: String, _ body: () throws(E) -> T) throws(E) -> T {
        let start = clock.now
        let result = try body()
        add(phase, clock.now - start, count: 0, unit: unit)
        return result
    }

    mutating func add(_ phase: BuildPhase, _ duration: Duration, count: Int, unit: String) {
        if let i = reports.firstIndex(where: { $0.phase == phase }) {
            reports[i].duration += duration
            reports[i].count += count
        } else {
            reports.append(PhaseReport(phase: phase, duration: duration, count: count, unit: unit))
        }
    }

    mutating func count(_ phase: BuildPhase, _ n: Int) {
        if let i = reports.firstIndex(where: { $0.phase == phase }) { reports[i].count += n }
    }

    var now: ContinuousClock.Instant { clock.now }
}

extension PhaseReport: CustomStringConvertible {
    /// `render          1.234 s  45156 requests rendered`
    package var description: String {
        let ms = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        let name = phase.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0)
        let time = String(format: "%8.3f s", ms / 1000)
        return "\(name)\(time)  \(count) \(unit)"
    }
}
