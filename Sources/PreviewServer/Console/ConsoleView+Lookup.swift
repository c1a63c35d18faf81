import Templating

// What the console templates can read, by name. Kept in step with ConsoleView.swift by
// ConsoleViewLookupTests (every stored property of a fully populated sample must answer).

extension ConsoleView: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "chrome": .init(chrome)
        case "t": .init(t)
        case "bar": .init(bar)
        case "notice": .init(notice)
        case "alert": .init(alert)
        case "signIn": .init(signIn)
        case "list": .init(list)
        case "request": .init(request)
        case "action": .init(action)
        case "deposits": .init(deposits)
        case "deposit": .init(deposit)
        case "importing": .init(importing)
        case "settings": .init(settings)
        case "terminal": .init(terminal)
        case "newRequest": .init(newRequest)
        case "customers": .init(customers)
        case "customer": .init(customer)
        case "preview": .init(preview)
        case "notifications": .init(notifications)
        case "staffPage": .init(staffPage)
        case "staffMember": .init(staffMember)
        case "account": .init(account)
        case "code": .init(code)
        default: nil
        }
    }
}

extension ConsoleView.Bar: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "name": .init(self.name)
        case "roleLabel": .init(roleLabel)
        case "csrf": .init(csrf)
        case "otherLanguage": .init(otherLanguage)
        case "otherLanguageLabel": .init(otherLanguageLabel)
        case "returnTo": .init(returnTo)
        case "isOwner": .init(isOwner)
        case "unreadCount": .init(unreadCount)
        default: nil
        }
    }
}

extension ConsoleView.Link: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "label": .init(label)
        case "href": .init(href)
        case "current": .init(current)
        default: nil
        }
    }
}

extension ConsoleView.Option: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "value": .init(value)
        case "label": .init(label)
        case "selected": .init(selected)
        default: nil
        }
    }
}

extension ConsoleSignIn: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "action": .init(action)
        case "csrf": .init(csrf)
        case "name": .init(self.name)
        case "linkToken": .init(linkToken)
        default: nil
        }
    }
}

extension ConsoleList: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "search": .init(search)
        case "statuses": .init(statuses)
        case "businesses": .init(businesses)
        case "hasBusinesses": .init(hasBusinesses)
        case "totals": .init(totals)
        case "rows": .init(rows)
        case "empty": .init(empty)
        case "summary": .init(summary)
        case "previous": .init(previous)
        case "next": .init(next)
        default: nil
        }
    }
}

extension ConsoleList.Row: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "reference": .init(reference)
        case "href": .init(href)
        case "business": .init(business)
        case "customerName": .init(customerName)
        case "customerPhone": .init(customerPhone)
        case "statusKey": .init(statusKey)
        case "statusLabel": .init(statusLabel)
        case "amount": .init(amount)
        case "amountDue": .init(amountDue)
        case "created": .init(created)
        case "link": .init(link)
        case "actions": .init(actions)
        default: nil
        }
    }
}

extension ConsoleList.Total: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "label": .init(label)
        case "value": .init(value)
        default: nil
        }
    }
}

extension ConsoleRequest: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "reference": .init(reference)
        case "statusKey": .init(statusKey)
        case "statusLabel": .init(statusLabel)
        case "facts": .init(facts)
        case "link": .init(link)
        case "history": .init(history)
        case "actions": .init(actions)
        case "hasActions": .init(hasActions)
        case "csrf": .init(csrf)
        case "sendAction": .init(sendAction)
        case "receiptHref": .init(receiptHref)
        case "deposits": .init(deposits)
        default: nil
        }
    }
}

extension ConsoleRequest.Fact: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "label": .init(label)
        case "value": .init(value)
        default: nil
        }
    }
}

extension ConsoleRequest.Event: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "when": .init(when)
        case "text": .init(text)
        default: nil
        }
    }
}

extension ConsoleAction: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "heading": .init(heading)
        case "reference": .init(reference)
        case "explanation": .init(explanation)
        case "fixedBefore": .init(fixedBefore)
        case "fixedAfter": .init(fixedAfter)
        case "fields": .init(fields)
        case "hidden": .init(hidden)
        case "csrf": .init(csrf)
        case "action": .init(action)
        case "submitLabel": .init(submitLabel)
        case "danger": .init(danger)
        case "cancelHref": .init(cancelHref)
        case "refused": .init(refused)
        case "textLanguage": .init(textLanguage)
        default: nil
        }
    }
}

extension ConsoleAction.Field: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "id": .init(id)
        case "name": .init(self.name)
        case "label": .init(label)
        case "value": .init(value)
        case "hint": .init(hint)
        case "error": .init(error)
        case "multiline": .init(multiline)
        case "options": .init(options)
        case "hasOptions": .init(hasOptions)
        case "inputMode": .init(inputMode)
        case "lang": .init(lang)
        default: nil
        }
    }
}

extension ConsoleAction.Hidden: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "name": .init(self.name)
        case "value": .init(value)
        default: nil
        }
    }
}
