import Foundation
import Importing

/// How `serve` reports a file of the drop folder: one line, then its problems.
enum InboxLine {
    static func describe(_ filed: DropFolder.Filed) -> String {
        let place = filed.destination.deletingLastPathComponent().lastPathComponent + "/" + filed.destination.lastPathComponent
        guard let report = filed.report, filed.failure == nil else {
            return "inbox: \(filed.name) not imported: \(filed.failure ?? "unknown problem") (moved to Records/inbox/\(place))"
        }
        return "inbox: \(filed.name): \(report.totalsLine) (moved to Records/inbox/\(place), report beside it)"
    }
}
