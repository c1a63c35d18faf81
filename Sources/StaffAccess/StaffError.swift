import Store

/// Why a staff operation was refused. Values, not sentences: the console words them in the
/// staff member's language; `description` is the English line the CLI prints.
package enum StaffError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The `name` field is not a usable staff name.
    case invalidName(name: String, problem: NameProblem)
    /// The `password` field breaks the length rules.
    case invalidPassword(PasswordProblem)
    /// Another account has this name (ignoring case).
    case nameTaken(name: String)
    case unknownAccount(name: String)
    /// Removing or demoting this account would leave the workspace without an owner.
    case lastOwner(name: String)
    /// A sign-in was refused. Deliberately the same for an unknown name, a wrong password, a
    /// locked name, and a used or expired sign-in link.
    case signInFailed
    /// `paypage staff totp NAME` for someone whose second factor is already on.
    case twoFactorAlreadyOn(name: String)
    /// Confirming or resetting a second factor that was never set up.
    case twoFactorNotEnrolled(name: String)
    /// The code given to confirm a second factor is not the app's current one.
    case wrongCode(name: String)
    /// Changing one's own password: the current one given is wrong (it counts as a failed sign-in).
    case wrongCurrentPassword
    case store(StoreError)

    package enum NameProblem: Sendable, Equatable {
        case empty
        case tooLong(characters: Int, limit: Int)
        case character(Character)
    }

    package enum PasswordProblem: Sendable, Equatable {
        case tooShort(bytes: Int, minimum: Int)
        case tooLong(bytes: Int, maximum: Int)
        case containsNUL
    }

    package var description: String {
        switch self {
        case let .invalidName(name, problem):
            switch problem {
            case .empty: "name: must not be empty"
            case let .tooLong(characters, limit): "name: \"\(name)\" has \(characters) characters, at most \(limit) are allowed"
            case .character(let character): "name: \"\(name)\" contains \"\(character)\"; use letters, digits, spaces and . _ - '"
            }
        case .invalidPassword(let problem):
            switch problem {
            case let .tooShort(bytes, minimum): "password: \(bytes) bytes, at least \(minimum) are needed"
            case let .tooLong(bytes, maximum): "password: \(bytes) bytes, at most \(maximum) are allowed (bcrypt ignores the rest)"
            case .containsNUL: "password: must not contain a NUL character"
            }
        case .nameTaken(let name): "name: a staff account named \"\(name)\" already exists (names ignore case)"
        case .unknownAccount(let name): "no staff account named \"\(name)\" (see `paypage staff list`)"
        case .lastOwner(let name): "\(name) is the last owner: add another owner first"
        case .signInFailed: "sign-in failed: wrong name or password, or the name is locked for a while"
        case .twoFactorAlreadyOn(let name): "\(name) already signs in with a second factor: reset it first (`paypage staff totp \"\(name)\" --reset`)"
        case .twoFactorNotEnrolled(let name): "\(name) has no second factor to confirm (start with `paypage staff totp \"\(name)\"`)"
        case .wrongCode(let name): "code: not the current code of \(name)'s authenticator app; check the phone's clock and try the next code"
        case .wrongCurrentPassword: "current password: wrong (it counts as a failed sign-in)"
        case .store(let error): error.description
        }
    }
}
