import Templating

// What the notifications, staff, account and code templates can read, by name. Kept in step
// with ConsoleView+Staff.swift by ConsoleViewLookupTests.

extension ConsoleNotifications: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "items": .init(items)
        case "empty": .init(empty)
        case "summary": .init(summary)
        case "hasUnread": .init(hasUnread)
        case "csrf": .init(csrf)
        case "readThrough": .init(readThrough)
        default: nil
        }
    }
}

extension ConsoleNotifications.Item: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "text": .init(text)
        case "when": .init(when)
        case "href": .init(href)
        case "unread": .init(unread)
        case "statusKey": .init(statusKey)
        case "statusLabel": .init(statusLabel)
        default: nil
        }
    }
}

extension ConsoleStaffPage: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "members": .init(members)
        case "csrf": .init(csrf)
        case "name": .init(self.name)
        case "roles": .init(roles)
        case "languages": .init(languages)
        case "error": .init(error)
        default: nil
        }
    }
}

extension ConsoleStaffPage.Member: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "name": .init(self.name)
        case "href": .init(href)
        case "roleLabel": .init(roleLabel)
        case "languageLabel": .init(languageLabel)
        case "twoFactorLabel": .init(twoFactorLabel)
        case "stateLabel": .init(stateLabel)
        default: nil
        }
    }
}

extension ConsoleStaffMember: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "name": .init(self.name)
        case "facts": .init(facts)
        case "csrf": .init(csrf)
        case "passwordAction": .init(passwordAction)
        case "totpAction": .init(totpAction)
        case "removeAction": .init(removeAction)
        case "confirmRemove": .init(confirmRemove)
        case "error": .init(error)
        default: nil
        }
    }
}

extension ConsoleAccount: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "name": .init(self.name)
        case "roleLabel": .init(roleLabel)
        case "twoFactorLabel": .init(twoFactorLabel)
        case "csrf": .init(csrf)
        case "languages": .init(languages)
        case "error": .init(error)
        default: nil
        }
    }
}

extension ConsoleCode: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "csrf": .init(csrf)
        case "name": .init(self.name)
        default: nil
        }
    }
}
