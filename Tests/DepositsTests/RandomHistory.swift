import Billing
import Foundation
import PropertyBased

/// One step of a random history, as drawn: what happens and after how long. The numbers are
/// interpreted by `HistoryModel`, so that shrinking a failing history keeps it meaningful.
struct HistoryStep: Sendable, CustomStringConvertible {
    var gapMinutes: Int
    var action: Int
    var pick: Int
    var cents: Int
    var extra: Int

    var description: String { "(+\(gapMinutes)m a\(action) p\(pick) \(cents)¢ x\(extra))" }

    static let generator = zip(Gen.int(in: 0...4_320), Gen.int(in: 0...11), Gen.int(in: 0...999), Gen.int(in: 1...150_000),
                               Gen.int(in: 0...999))
        .map { HistoryStep(gapMinutes: $0.0, action: $0.1, pick: $0.2, cents: $0.3, extra: $0.4) }
}

/// A random history: the settings it starts with, its steps, and a moment to look back from.
struct RandomHistory: Sendable, CustomStringConvertible {
    var delay: Int
    var refundsReturnPercentFee: Bool
    var feeSeed: Int
    var steps: [HistoryStep]
    /// Which step's moment the "earlier look" is taken at.
    var cut: Int

    var description: String {
        "delay \(delay), returns \(refundsReturnPercentFee), fees \(feeSeed), cut \(cut), steps \(steps)"
    }

    static func generator(steps: ClosedRange<Int>) -> Generator<RandomHistory, some SendableSequenceType> {
        zip(Gen.int(in: 0...4), Gen.bool, Gen.int(in: 0...999), HistoryStep.generator.array(of: steps), Gen.int(in: 0...999))
            .map { RandomHistory(delay: $0.0, refundsReturnPercentFee: $0.1, feeSeed: $0.2, steps: $0.3, cut: $0.4) }
    }
}
