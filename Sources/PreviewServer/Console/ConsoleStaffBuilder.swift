import Billing
import Foundation
import StaffAccess
import Store

/// Turns staff accounts into the staff page, one account's page and one's own account page.
struct ConsoleStaffBuilder {
    let text: ConsoleText
    /// The main business's time zone (a lock's end).
    var zone: TimeZone = .current

    func page(_ accounts: [StaffAccount], csrf: String, form: FormBody, error: String?, defaultLanguage: Language) -> ConsoleStaffPage {
        let role = StaffRole(rawValue: form["role"] ?? "") ?? .clerk
        let language = Language(rawValue: form["language"] ?? "") ?? defaultLanguage
        return ConsoleStaffPage(
            members: accounts.map { account in
                ConsoleStaffPage.Member(name: account.member.name, href: "/staff/staff/\(account.member.id)",
                                        roleLabel: text.t("console_role_\(account.member.role.rawValue)"),
                                        languageLabel: languageName(account.member.language),
                                        twoFactorLabel: text.t("console_totp_state_\(account.twoFactor.rawValue)"), stateLabel: state(account))
            },
            csrf: csrf, name: form["name"] ?? "",
            roles: StaffRole.allCases.map { .init(value: $0.rawValue, label: text.t("console_role_\($0.rawValue)"), selected: $0 == role) },
            languages: languages(selected: language), error: error)
    }

    func member(_ account: StaffAccount, csrf: String, confirmRemove: Bool, error: String?) -> ConsoleStaffMember {
        let base = "/staff/staff/\(account.member.id)"
        let facts: [(String, String)] = [
            ("console_staff_role", text.t("console_role_\(account.member.role.rawValue)")),
            ("console_staff_language", languageName(account.member.language)),
            ("console_staff_two_factor", text.t("console_totp_state_\(account.twoFactor.rawValue)")),
            ("console_staff_state", state(account)),
        ]
        return ConsoleStaffMember(name: account.member.name, facts: facts.map { .init(label: text.t($0.0), value: $0.1) }, csrf: csrf,
                                  passwordAction: base + "/password", totpAction: account.twoFactor == .off ? nil : base + "/totp-reset",
                                  removeAction: base + "/remove", confirmRemove: confirmRemove, error: error)
    }

    func account(_ account: StaffAccount, csrf: String, error: String?) -> ConsoleAccount {
        ConsoleAccount(name: account.member.name, roleLabel: text.t("console_role_\(account.member.role.rawValue)"),
                       twoFactorLabel: text.t("console_totp_state_\(account.twoFactor.rawValue)"), csrf: csrf,
                       languages: languages(selected: account.member.language), error: error)
    }

    func languages(selected: Language) -> [ConsoleView.Option] {
        Language.allCases.map { .init(value: $0.rawValue, label: languageName($0), selected: $0 == selected) }
    }

    func languageName(_ language: Language) -> String { text.t("console_staff_language_\(language.rawValue)") }

    /// "locked until 14:05", "2 sessions open", or "no session open".
    func state(_ account: StaffAccount) -> String {
        if let until = account.lockedUntil {
            return text.t("console_staff_locked", ["until": text.date(until, timeZone: zone)])
        }
        switch account.openSessions {
        case 0: return text.t("console_staff_sessions_none")
        case 1: return text.t("console_staff_sessions_one")
        default: return text.t("console_staff_sessions", ["count": "\(account.openSessions)"])
        }
    }
}

extension ConsoleText {
    /// A refused staff change, said plainly in the staff member's language.
    func staffRefusal(_ error: StaffError) -> String {
        switch error {
        case .invalidName(_, .empty): t("console_staff_error_name_empty")
        case .invalidName(_, .tooLong(_, let limit)): t("console_staff_error_name_long", ["limit": "\(limit)"])
        case .invalidName(_, .character(let character)): t("console_staff_error_name_character", ["character": String(character)])
        case .invalidPassword(.tooShort(_, let minimum)): t("console_staff_error_password_short", ["minimum": "\(minimum)"])
        case .invalidPassword(.tooLong(_, let maximum)): t("console_staff_error_password_long", ["maximum": "\(maximum)"])
        case .invalidPassword(.containsNUL): t("console_staff_error_password_nul")
        case .nameTaken(let name): t("console_staff_error_taken", ["name": name])
        case .unknownAccount: t("console_staff_error_unknown")
        case .lastOwner(let name): t("console_staff_error_last_owner", ["name": name])
        case .twoFactorNotEnrolled: t("console_totp_state_off")
        case .wrongCurrentPassword, .signInFailed: t("console_staff_error_current_password")
        case .twoFactorAlreadyOn, .wrongCode, .store: t("console_reason_other", ["detail": error.description])
        }
    }
}
