import Foundation

/// The name of the system user running this process, which the ledger records for changes
/// made from the command line.
public enum SystemUser {
    public static var name: String {
        let name = ProcessInfo.processInfo.userName
        if !name.isEmpty { return name }
        return ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "unknown"
    }
}
