import Billing
import Foundation
import Store

/// A staff member as the console and the CLI see them (never their password hash).
package struct StaffMember: Sendable, Hashable, Codable {
    package var id: Int64
    package var name: String
    package var role: StaffRole
    /// The console's language for them.
    package var language: Language
    package var createdAt: Date

    package var isOwner: Bool { role == .owner }

    /// Who did it, for the ledger's events.
    package var actor: EventActor { .staff(name: name) }

    init(_ row: StaffAccountRow) {
        id = row.id
        name = row.name
        role = row.role
        language = row.language
        createdAt = row.createdAt
    }
}

/// An account with its sign-in state, for lists (`paypage staff list`, the staff page).
package struct StaffAccount: Sendable, Hashable, Codable {
    package var member: StaffMember
    /// Set while too many wrong passwords keep the name locked.
    package var lockedUntil: Date?
    package var openSessions: Int
    /// Whether they sign in with a second factor (TOTP).
    package var twoFactor: TwoFactorState = .off
}
