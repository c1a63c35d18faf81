import Templating

// What the customer templates can read, by name (checked by ConsoleViewLookupTests).

extension ConsoleCustomers: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "search": .init(search)
        case "rows": .init(rows)
        case "empty": .init(empty)
        case "summary": .init(summary)
        case "previous": .init(previous)
        case "next": .init(next)
        default: nil
        }
    }
}

extension ConsoleCustomers.Row: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "name": .init(self.name)
        case "phone": .init(phone)
        case "href": .init(href)
        case "requests": .init(requests)
        case "last": .init(last)
        default: nil
        }
    }
}

extension ConsoleCustomer: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "name": .init(self.name)
        case "phone": .init(phone)
        case "language": .init(language)
        case "lang": .init(lang)
        case "optedOut": .init(optedOut)
        case "optOutNote": .init(optOutNote)
        case "tabs": .init(tabs)
        case "showInvoices": .init(showInvoices)
        case "requests": .init(requests)
        case "messages": .init(messages)
        case "noMessages": .init(noMessages)
        case "newRequestHref": .init(newRequestHref)
        case "sendAction": .init(sendAction)
        case "csrf": .init(csrf)
        case "about": .init(about)
        case "compose": .init(compose)
        default: nil
        }
    }
}

extension ConsoleCustomer.Request: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "reference": .init(reference)
        case "href": .init(href)
        case "statusKey": .init(statusKey)
        case "statusLabel": .init(statusLabel)
        case "amount": .init(amount)
        case "amountDue": .init(amountDue)
        case "created": .init(created)
        default: nil
        }
    }
}

extension ConsoleCustomer.Message: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "when": .init(when)
        case "direction": .init(direction)
        case "who": .init(who)
        case "body": .init(body)
        case "status": .init(status)
        case "about": .init(about)
        case "aboutHref": .init(aboutHref)
        default: nil
        }
    }
}
