import Billing
import Foundation
import Store

/// A staff member as the console and the CLI see them (never their password hash).
public struct StaffMember: Sendable, Hashable, Codable {
    public var id: Int64
    public var name: String
    public var role: StaffRole
    /// The console's language for them.
    public var language: Language
    public var createdAt: Date

    public var isOwner: Bool { role == .owner }

    /// Who did it, for the ledger's events.
    public var actor: EventActor { .staff(name: name) }

    init(_ row: StaffAccountRow) {
        id = row.id
        name = row.name
        role = row.role
        language = row.language
        createdAt = row.createdAt
    }
}

/// An account with its sign-in state, for lists (`paypage staff list`, the staff page).
public struct StaffAccount: Sendable, Hashable, Codable {
    public var member: StaffMember
    /// Set while too many wrong passwords keep the name locked.
    public var lockedUntil: Date?
    public var openSessions: Int
}
