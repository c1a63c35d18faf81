import Templating

// What the new-request and customer templates can read, by name; checked against the view
// structs by ConsoleViewLookupTests (TemplateFieldAudit).

extension ConsoleCompose: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "replies": .init(replies)
        case "replyError": .init(replyError)
        case "text": .init(text)
        case "textLabel": .init(textLabel)
        case "textHint": .init(textHint)
        case "textError": .init(textError)
        case "previewAction": .init(previewAction)
        case "preview": .init(preview)
        default: nil
        }
    }
}

extension ConsoleMessagePreview: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "lang": .init(lang)
        case "message": .init(message)
        case "segments": .init(segments)
        case "encoding": .init(encoding)
        case "problems": .init(problems)
        case "hasProblems": .init(hasProblems)
        case "linkNote": .init(linkNote)
        default: nil
        }
    }
}

extension ConsoleInput: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "id": .init(id)
        case "label": .init(label)
        case "value": .init(value)
        case "hint": .init(hint)
        case "error": .init(error)
        case "inputMode": .init(inputMode)
        case "autocomplete": .init(autocomplete)
        default: nil
        }
    }
}

extension ConsoleFormError: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "field": .init(field)
        case "message": .init(message)
        default: nil
        }
    }
}

extension ConsoleNewRequest: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "action": .init(action)
        case "csrf": .init(csrf)
        case "find": .init(find)
        case "found": .init(found)
        case "searched": .init(searched)
        case "foundNone": .init(foundNone)
        case "name": .init(self.name)
        case "phone": .init(phone)
        case "languages": .init(languages)
        case "businesses": .init(businesses)
        case "hasBusinesses": .init(hasBusinesses)
        case "kinds": .init(kinds)
        case "isInvoice": .init(isInvoice)
        case "reference": .init(reference)
        case "amount": .init(amount)
        case "invoices": .init(invoices)
        case "hasInvoices": .init(hasInvoices)
        case "invoiceError": .init(invoiceError)
        case "compose": .init(compose)
        case "errors": .init(errors)
        case "hasErrors": .init(hasErrors)
        default: nil
        }
    }
}
