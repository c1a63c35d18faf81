import Foundation
import Messaging
import Store

/// Reads `Records/replies.json` (a missing file means no saved replies).
package struct RepliesLoader: Sendable {
    package let paths: WorkspacePaths

    package init(paths: WorkspacePaths) { self.paths = paths }

    package func load() throws(RecordError) -> SavedReplies {
        let url = paths.url(RecordsReader.repliesFile)
        guard FileManager.default.fileExists(atPath: url.path) else { return SavedReplies(replies: []) }
        let replies = try RecordDecoder().decode(SavedReplies.self, at: url, file: RecordsReader.repliesFile)
        if let duplicate = replies.duplicateNames.first {
            throw RecordError(file: RecordsReader.repliesFile, path: "replies", problem: "the name \"\(duplicate)\" is used twice")
        }
        return replies
    }
}
