import Templating

// What the settings and terminal templates can read, by name. Kept in step with
// ConsoleSettingsViews.swift by ConsoleViewLookupTests.

extension ConsoleSettings: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "businesses": .init(businesses)
        case "hasBusinesses": .init(hasBusinesses)
        case "business": .init(business)
        case "company": .init(company)
        case "csrf": .init(csrf)
        case "errors": .init(errors)
        case "hasErrors": .init(hasErrors)
        case "affirm": .init(affirm)
        case "affirmMinimum": .init(affirmMinimum)
        case "confirmation": .init(confirmation)
        case "reply": .init(reply)
        case "maxTotal": .init(maxTotal)
        case "maxPerDay": .init(maxPerDay)
        case "optOut": .init(optOut)
        case "testPhone": .init(testPhone)
        case "testLanguage": .init(testLanguage)
        case "testExplanation": .init(testExplanation)
        default: nil
        }
    }
}

extension ConsoleSettings.Toggle: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "id": .init(id)
        case "name": .init(self.name)
        case "label": .init(label)
        case "hint": .init(hint)
        case "checked": .init(checked)
        default: nil
        }
    }
}

extension ConsoleTerminal: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "reference": .init(reference)
        case "backHref": .init(backHref)
        case "facts": .init(facts)
        case "csrf": .init(csrf)
        case "action": .init(action)
        case "attempt": .init(attempt)
        case "errors": .init(errors)
        case "hasErrors": .init(hasErrors)
        case "name": .init(self.name)
        case "number": .init(number)
        case "exp": .init(exp)
        case "cvc": .init(cvc)
        case "testCards": .init(testCards)
        case "payLabel": .init(payLabel)
        case "challenge": .init(challenge)
        case "refused": .init(refused)
        default: nil
        }
    }
}

extension ConsoleTerminal.Challenge: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "id": .init(id)
        case "text": .init(text)
        case "action": .init(action)
        default: nil
        }
    }
}
