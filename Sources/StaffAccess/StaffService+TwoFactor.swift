import Foundation
import Store

/// Setting up, confirming and resetting a second factor (TOTP), with the same rules for
/// `paypage staff totp` and the owners' staff page.
extension StaffService {
    /// A fresh secret for `name`, replacing one not yet confirmed; refused while one is on.
    package func enrolTOTP(named name: String, issuer: String) throws(StaffError) -> TOTPEnrolment {
        let key = StaffName.key(name)
        let secret = TOTPSecret.fresh()
        let now = clock()
        enum Outcome { case enrolled(String), unknown, alreadyOn(String) }
        let outcome = try write { tables throws(StoreError) -> Outcome in
            guard let account = try tables.account(nameKey: key) else { return .unknown }
            if try tables.totp(staffID: account.id)?.confirmedAt != nil { return .alreadyOn(account.name) }
            try tables.setTOTP(StaffTOTPRow(staffID: account.id, secret: secret.bytes, createdAt: now, confirmedAt: nil, lastStep: nil))
            return .enrolled(account.name)
        }
        switch outcome {
        case .enrolled(let member):
            return TOTPEnrolment(name: member, uri: secret.authenticatorURI(name: member, issuer: issuer),
                                 base32: secret.base32)
        case .unknown: throw .unknownAccount(name: name)
        case .alreadyOn(let member): throw .twoFactorAlreadyOn(name: member)
        }
    }

    /// The first code from the app turns the second factor on (that step is then used).
    package func confirmTOTP(named name: String, code: String) throws(StaffError) {
        let key = StaffName.key(name)
        let now = clock()
        enum Outcome { case confirmed, unknown, notEnrolled(String), alreadyOn(String), wrong(String) }
        let outcome = try write { tables throws(StoreError) -> Outcome in
            guard let account = try tables.account(nameKey: key) else { return .unknown }
            guard var totp = try tables.totp(staffID: account.id), let secret = TOTPSecret(bytes: totp.secret) else {
                return .notEnrolled(account.name)
            }
            guard totp.confirmedAt == nil else { return .alreadyOn(account.name) }
            guard let step = secret.matchingStep(code, around: TOTPSecret.step(at: now)) else { return .wrong(account.name) }
            totp.confirmedAt = now
            totp.lastStep = step
            try tables.setTOTP(totp)
            return .confirmed
        }
        switch outcome {
        case .confirmed: return
        case .unknown: throw .unknownAccount(name: name)
        case .notEnrolled(let member): throw .twoFactorNotEnrolled(name: member)
        case .alreadyOn(let member): throw .twoFactorAlreadyOn(name: member)
        case .wrong(let member): throw .wrongCode(name: member)
        }
    }

    /// Turns the second factor off (a lost phone) and ends the person's sessions, but the one
    /// whose cookie id is `keeping` (an owner resetting their own); returns how many ended.
    @discardableResult
    package func resetTOTP(named name: String, keeping sessionID: String? = nil) throws(StaffError) -> Int {
        let key = StaffName.key(name)
        let kept = sessionID.map(SecretToken.digest) ?? ""
        enum Outcome { case reset(Int), unknown, notEnrolled(String) }
        let outcome = try write { tables throws(StoreError) -> Outcome in
            guard let account = try tables.account(nameKey: key) else { return .unknown }
            guard try tables.deleteTOTP(staffID: account.id) else { return .notEnrolled(account.name) }
            try tables.deletePendingSignIns(staffID: account.id)
            return .reset(try tables.deleteSessions(staffID: account.id, except: kept))
        }
        switch outcome {
        case .reset(let ended): return ended
        case .unknown: throw .unknownAccount(name: name)
        case .notEnrolled(let member): throw .twoFactorNotEnrolled(name: member)
        }
    }

    /// Off, set up and waiting for its first code, or on.
    package func twoFactorState(named name: String) throws(StaffError) -> TwoFactorState {
        let key = StaffName.key(name)
        let totp = try read { tables throws(StoreError) -> StaffTOTPRow?? in
            guard let account = try tables.account(nameKey: key) else { return .none }
            return .some(try tables.totp(staffID: account.id))
        }
        guard let totp else { throw .unknownAccount(name: name) }
        return Self.state(totp)
    }

    static func state(_ totp: StaffTOTPRow?) -> TwoFactorState {
        guard let totp else { return .off }
        return totp.confirmedAt == nil ? .pending : .on
    }
}
