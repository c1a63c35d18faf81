import Foundation

/// Placeholder until the Generator exposes its page contexts (see docs/bench.md).
public struct HugoExport {
    public let workspace: URL
    public init(workspace: URL) { self.workspace = workspace }
    public func write(to site: URL) throws -> Int { throw BenchError("--export-hugo is not available in this build yet") }
}
