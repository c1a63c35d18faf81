import Templating

// What templates can read of each page context, by name. Kept in step with PageContexts.swift
// by PageContextLookupTests, which walks every stored property of fully populated samples and
// fails when a name is not answered, or answered with another value.

extension LineView: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "description": .init(self.description)
        case "detail": .init(detail)
        case "discount": .init(discount)
        case "total": .init(total)
        case "opCode": .init(opCode)
        case "kindKey": .init(kindKey)
        case "kindLabel": .init(kindLabel)
        case "technician": .init(technician)
        default: nil
        }
    }
}

extension TaxLineView: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "label": .init(label)
        case "amount": .init(amount)
        default: nil
        }
    }
}

extension TotalsView: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "subtotal": .init(subtotal)
        case "taxes": .init(taxes)
        case "total": .init(total)
        default: nil
        }
    }
}

extension BannerView: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "kind": .init(kind)
        case "title": .init(title)
        case "text": .init(text)
        case "receiptHref": .init(receiptHref)
        case "receiptLabel": .init(receiptLabel)
        default: nil
        }
    }
}

extension MethodView: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "key": .init(key)
        case "label": .init(label)
        case "href": .init(href)
        case "detail": .init(detail)
        case "primary": .init(primary)
        default: nil
        }
    }
}

extension FactView: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "label": .init(label)
        case "value": .init(value)
        default: nil
        }
    }
}

extension PaymentPage: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "chrome": .init(chrome)
        case "t": .init(t)
        case "company": .init(company)
        case "languages": .init(languages)
        case "reference": .init(reference)
        case "statusKey": .init(statusKey)
        case "statusLabel": .init(statusLabel)
        case "heroLabel": .init(heroLabel)
        case "heroAmount": .init(heroAmount)
        case "heroStruck": .init(heroStruck)
        case "facts": .init(facts)
        case "banner": .init(banner)
        case "showPayment": .init(showPayment)
        case "payTitle": .init(payTitle)
        case "methods": .init(methods)
        case "itemized": .init(itemized)
        case "lines": .init(lines)
        case "totals": .init(totals)
        case "notesHTML": .init(notesHTML)
        case "footerLegal": .init(footerLegal)
        default: nil
        }
    }
}

extension RefundView: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "date": .init(date)
        case "label": .init(label)
        case "reason": .init(reason)
        case "amount": .init(amount)
        default: nil
        }
    }
}

extension AffirmView: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "summary": .init(summary)
        case "monthly": .init(monthly)
        case "apr": .init(apr)
        case "months": .init(months)
        default: nil
        }
    }
}

extension ReceiptPage: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "chrome": .init(chrome)
        case "t": .init(t)
        case "company": .init(company)
        case "languages": .init(languages)
        case "bilingual": .init(bilingual)
        case "receiptNumber": .init(receiptNumber)
        case "reference": .init(reference)
        case "paymentDate": .init(paymentDate)
        case "customerName": .init(customerName)
        case "method": .init(method)
        case "authorizationCode": .init(authorizationCode)
        case "facts": .init(facts)
        case "itemized": .init(itemized)
        case "lines": .init(lines)
        case "totals": .init(totals)
        case "amountPaid": .init(amountPaid)
        case "quickLine": .init(quickLine)
        case "affirm": .init(affirm)
        case "refunds": .init(refunds)
        case "hasRefunds": .init(hasRefunds)
        case "refundDelay": .init(refundDelay)
        case "totalRefunded": .init(totalRefunded)
        case "balance": .init(balance)
        case "statusKey": .init(statusKey)
        case "statusLabel": .init(statusLabel)
        case "paymentHref": .init(paymentHref)
        case "paperClass": .init(paperClass)
        default: nil
        }
    }
}

extension NavLink: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "label": .init(label)
        case "href": .init(href)
        case "current": .init(current)
        case "count": .init(count)
        default: nil
        }
    }
}

extension Pager: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "text": .init(text)
        case "previous": .init(previous)
        case "next": .init(next)
        case "previousLabel": .init(previousLabel)
        case "nextLabel": .init(nextLabel)
        default: nil
        }
    }
}

extension GalleryLink: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "label": .init(label)
        case "href": .init(href)
        default: nil
        }
    }
}

extension GalleryRow: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "reference": .init(reference)
        case "business": .init(business)
        case "theme": .init(theme)
        case "statusKey": .init(statusKey)
        case "statusLabel": .init(statusLabel)
        case "kind": .init(kind)
        case "links": .init(links)
        default: nil
        }
    }
}

extension GalleryPage: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "chrome": .init(chrome)
        case "t": .init(t)
        case "heading": .init(heading)
        case "nav": .init(nav)
        case "rows": .init(rows)
        case "empty": .init(empty)
        case "pager": .init(pager)
        default: nil
        }
    }
}
