import Billing
import Foundation
import Store

/// Adding, listing, changing and removing accounts (`paypage staff …`, the owners' staff page).
extension StaffService {
    /// Every account, oldest first, with its lock and open sessions.
    package func accounts() throws(StaffError) -> [StaffAccount] {
        let now = clock()
        return try read { tables throws(StoreError) in
            var result: [StaffAccount] = []
            for row in try tables.accounts() {
                let locked = try tables.signInFailure(nameKey: row.nameKey)?.lockedUntil.flatMap { $0 > now ? $0 : nil }
                result.append(StaffAccount(member: StaffMember(row), lockedUntil: locked, openSessions: try tables.sessionCount(staffID: row.id),
                                           twoFactor: Self.state(try tables.totp(staffID: row.id))))
            }
            return result
        }
    }

    package func account(named name: String) throws(StaffError) -> StaffMember? {
        let key = StaffName.key(name)
        return try read { tables throws(StoreError) in try tables.account(nameKey: key) }.map(StaffMember.init)
    }

    /// Whether any account exists (`serve --host` refuses to listen beyond loopback without one).
    package func hasAccounts() throws(StaffError) -> Bool {
        try !read { tables throws(StoreError) in try tables.accounts() }.isEmpty
    }

    /// The earliest owner: the one a one-time sign-in link signs in.
    package func firstOwner() throws(StaffError) -> StaffMember? {
        try read { tables throws(StoreError) in try tables.accounts() }.first { $0.role == .owner }.map(StaffMember.init)
    }

    /// Adds an account. Blocks for bcrypt.
    @discardableResult
    package func addAccount(name: String, role: StaffRole, language: Language, password: String) throws(StaffError) -> StaffMember {
        let name = try StaffName.validated(name)
        try StaffPassword.check(password)
        let hash = hasher.hash(password)
        let now = clock()
        let row: StaffAccountRow? = try write { tables throws(StoreError) in
            let key = StaffName.key(name)
            guard try tables.account(nameKey: key) == nil else { return nil }
            // A name that was attacked before it existed starts clean.
            try tables.clearSignInFailures(nameKey: key)
            return try tables.insertAccount(name: name, nameKey: key, role: role, language: language, passwordHash: hash, at: now)
        }
        guard let row else { throw .nameTaken(name: name) }
        return StaffMember(row)
    }

    /// Sets a new password, clears the name's lock and ends the person's sessions; returns how
    /// many sessions ended. Blocks for bcrypt.
    @discardableResult
    package func setPassword(named name: String, to password: String) throws(StaffError) -> Int {
        try StaffPassword.check(password)
        let hash = hasher.hash(password)
        let key = StaffName.key(name)
        let ended: Int? = try write { tables throws(StoreError) in
            guard let account = try tables.account(nameKey: key) else { return nil }
            try tables.setPasswordHash(hash, id: account.id)
            try tables.clearSignInFailures(nameKey: key)
            return try tables.deleteSessions(staffID: account.id)
        }
        guard let ended else { throw .unknownAccount(name: name) }
        return ended
    }

    /// The console's language for this person (their open sessions show it from the next page).
    package func setLanguage(named name: String, to language: Language) throws(StaffError) {
        let key = StaffName.key(name)
        let found = try write { tables throws(StoreError) -> Bool in
            guard let account = try tables.account(nameKey: key) else { return false }
            try tables.setLanguage(language, id: account.id)
            return true
        }
        guard found else { throw .unknownAccount(name: name) }
    }

    /// Removes an account, ending its sessions and clearing its lock; never the last owner.
    /// Returns how many sessions ended.
    @discardableResult
    package func removeAccount(named name: String) throws(StaffError) -> Int {
        let key = StaffName.key(name)
        enum Outcome { case removed(Int), unknown, lastOwner(String) }
        let outcome = try write { tables throws(StoreError) -> Outcome in
            let all = try tables.accounts()
            guard let account = all.first(where: { $0.nameKey == key }) else { return .unknown }
            if account.role == .owner && !all.contains(where: { $0.role == .owner && $0.id != account.id }) {
                return .lastOwner(account.name)
            }
            let sessions = try tables.deleteSessions(staffID: account.id)
            try tables.deleteAccount(id: account.id)
            try tables.clearSignInFailures(nameKey: key)
            return .removed(sessions)
        }
        switch outcome {
        case .removed(let sessions): return sessions
        case .unknown: throw .unknownAccount(name: name)
        case .lastOwner(let owner): throw .lastOwner(name: owner)
        }
    }

    /// Creates the owner `name` with a random password nobody knows (the one-time sign-in link
    /// is how they get in) when the workspace has no owner; nil when one exists already.
    package func ensureOwner(named name: String, language: Language) throws(StaffError) -> StaffMember? {
        guard try firstOwner() == nil else { return nil }
        do throws(StaffError) {
            return try addAccount(name: name, role: .owner, language: language, password: SecretToken.fresh())
        } catch .nameTaken {
            return nil
        } catch {
            throw error
        }
    }
}
