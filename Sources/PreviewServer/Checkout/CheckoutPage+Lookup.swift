import Templating

// What the checkout template can read, by name. Kept in step with CheckoutPage.swift by
// CheckoutPageLookupTests (every stored property of fully populated samples must answer).

extension CheckoutPage: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "chrome": .init(chrome)
        case "company": .init(company)
        case "t": .init(t)
        case "title": .init(title)
        case "reference": .init(reference)
        case "amount": .init(amount)
        case "action": .init(action)
        case "attempt": .init(attempt)
        case "lang": .init(lang)
        case "backHref": .init(backHref)
        case "languages": .init(languages)
        case "methods": .init(methods)
        case "alert": .init(alert)
        case "alerts": .init(alerts)
        case "hasAlerts": .init(hasAlerts)
        case "hasMethods": .init(hasMethods)
        case "notice": .init(notice)
        case "card": .init(card)
        case "wallet": .init(wallet)
        case "affirm": .init(affirm)
        case "challenge": .init(challenge)
        case "done": .init(done)
        case "closed": .init(closed)
        case "payLabel": .init(payLabel)
        default: nil
        }
    }
}

extension CheckoutPage.MethodLink: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "code": .init(code)
        case "label": .init(label)
        case "href": .init(href)
        case "current": .init(current)
        default: nil
        }
    }
}

extension CheckoutPage.Field: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "id": .init(id)
        case "label": .init(label)
        case "value": .init(value)
        case "error": .init(error)
        case "invalid": .init(invalid)
        case "hint": .init(hint)
        case "describedBy": .init(describedBy)
        default: nil
        }
    }
}

extension CheckoutPage.CardForm: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "name": .init(self.name)
        case "number": .init(number)
        case "exp": .init(exp)
        case "cvc": .init(cvc)
        case "testCards": .init(testCards)
        default: nil
        }
    }
}

extension CheckoutPage.TestCard: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "number": .init(number)
        case "outcome": .init(outcome)
        default: nil
        }
    }
}

extension CheckoutPage.Wallet: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "method": .init(method)
        case "title": .init(title)
        case "cardLabel": .init(cardLabel)
        case "approveLabel": .init(approveLabel)
        default: nil
        }
    }
}

extension CheckoutPage.Plan: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "months": .init(months)
        case "label": .init(label)
        case "detail": .init(detail)
        case "checked": .init(checked)
        default: nil
        }
    }
}

extension CheckoutPage.Affirm: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        name == "plans" ? .init(plans) : nil
    }
}

extension CheckoutPage.Done: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "text": .init(text)
        case "plan": .init(plan)
        case "receiptHref": .init(receiptHref)
        case "receiptNumber": .init(receiptNumber)
        default: nil
        }
    }
}

extension CheckoutPage.Challenge: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "id": .init(id)
        case "text": .init(text)
        default: nil
        }
    }
}
