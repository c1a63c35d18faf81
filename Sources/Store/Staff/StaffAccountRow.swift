import Billing
import Foundation
import GRDB

/// A staff account as stored: `nameKey` is the name folded for comparison (unique), and the
/// password is a bcrypt hash.
public struct StaffAccountRow: Sendable, Hashable {
    public var id: Int64
    public var name: String
    public var nameKey: String
    public var role: StaffRole
    public var language: Language
    public var passwordHash: String
    public var createdAt: Date

    public init(id: Int64, name: String, nameKey: String, role: StaffRole, language: Language, passwordHash: String, createdAt: Date) {
        self.id = id
        self.name = name
        self.nameKey = nameKey
        self.role = role
        self.language = language
        self.passwordHash = passwordHash
        self.createdAt = createdAt
    }

    static let columns = "id, name, name_key, role, language, password_hash, created_at"

    init(row: Row, path: String) throws(StoreError) {
        let id: Int64? = row["id"]
        do {
            guard let role = StaffRole(rawValue: try row.decode(String.self, forColumn: "role")),
                  let language = Language(rawValue: try row.decode(String.self, forColumn: "language")) else {
                throw StoreError.corruptData(path: path, what: "staff account \(id ?? 0)", reason: "unknown role or language")
            }
            self.init(id: try row.decode(forColumn: "id"), name: try row.decode(forColumn: "name"),
                      nameKey: try row.decode(forColumn: "name_key"), role: role, language: language,
                      passwordHash: try row.decode(forColumn: "password_hash"),
                      createdAt: LedgerCoding.date(try row.decode(forColumn: "created_at")))
        } catch let error as StoreError {
            throw error
        } catch {
            throw .corruptData(path: path, what: "staff account \(id ?? 0)", reason: "\(error)")
        }
    }
}
