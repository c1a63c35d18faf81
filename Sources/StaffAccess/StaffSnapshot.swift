import Foundation
import Store

/// The accounts of a ledger, hashes included, to carry them into a new ledger (`paypage demo`
/// starts the requests afresh but never drops staff accounts). Second factors go with them
/// (a reset must not quietly turn one off); sessions are not carried.
package struct StaffSnapshot: Sendable {
    let accounts: [StaffAccountRow]
    /// Second factors by the account's name key.
    var secondFactors: [String: StaffTOTPRow] = [:]

    package static let empty = StaffSnapshot(accounts: [])

    package var isEmpty: Bool { accounts.isEmpty }

    package static func take(from ledger: Ledger) throws(StoreError) -> StaffSnapshot {
        try ledger.staffRead { tables throws(StoreError) in
            let accounts = try tables.accounts()
            var factors: [String: StaffTOTPRow] = [:]
            for account in accounts { factors[account.nameKey] = try tables.totp(staffID: account.id) }
            return StaffSnapshot(accounts: accounts, secondFactors: factors)
        }
    }

    /// Adds the accounts whose names `ledger` does not have yet, keeping their passwords.
    package func restore(into ledger: Ledger) throws(StoreError) {
        try ledger.staffWrite { tables throws(StoreError) in
            for account in accounts {
                guard try tables.account(nameKey: account.nameKey) == nil else { continue }
                let added = try tables.insertAccount(name: account.name, nameKey: account.nameKey, role: account.role,
                                                     language: account.language, passwordHash: account.passwordHash, at: account.createdAt)
                if var factor = secondFactors[account.nameKey] {
                    factor.staffID = added.id
                    try tables.setTOTP(factor)
                }
            }
        }
    }
}
