import Templating

// What the deposit templates can read, by name. Kept in step with ConsoleDepositViews.swift by
// ConsoleViewLookupTests.

extension ConsoleDeposits: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "businesses": .init(businesses)
        case "hasBusinesses": .init(hasBusinesses)
        case "company": .init(company)
        case "rules": .init(rules)
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

extension ConsoleDeposits.Row: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "id": .init(id)
        case "day": .init(day)
        case "dayISO": .init(dayISO)
        case "statusKey": .init(statusKey)
        case "statusLabel": .init(statusLabel)
        case "number": .init(number)
        case "href": .init(href)
        case "statusDetail": .init(statusDetail)
        case "gross": .init(gross)
        case "refunds": .init(refunds)
        case "fees": .init(fees)
        case "feesDetail": .init(feesDetail)
        case "shortfallTaken": .init(shortfallTaken)
        case "net": .init(net)
        case "shortfallCarried": .init(shortfallCarried)
        default: nil
        }
    }
}

extension ConsoleDeposits.Total: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "label": .init(label)
        case "value": .init(value)
        case "detail": .init(detail)
        default: nil
        }
    }
}

extension ConsoleDeposit: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "title": .init(title)
        case "company": .init(company)
        case "address": .init(address)
        case "day": .init(day)
        case "statusKey": .init(statusKey)
        case "statusLabel": .init(statusLabel)
        case "figures": .init(figures)
        case "lines": .init(lines)
        case "total": .init(total)
        case "outcome": .init(outcome)
        case "backHref": .init(backHref)
        case "note": .init(note)
        default: nil
        }
    }
}

extension ConsoleDeposit.Line: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "kind": .init(kind)
        case "label": .init(label)
        case "reference": .init(reference)
        case "href": .init(href)
        case "document": .init(document)
        case "method": .init(method)
        case "amount": .init(amount)
        default: nil
        }
    }
}

extension ConsoleDeposit.Figure: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "key": .init(key)
        case "label": .init(label)
        case "value": .init(value)
        default: nil
        }
    }
}

extension ConsoleRequestDeposit: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "label": .init(label)
        case "text": .init(text)
        case "href": .init(href)
        default: nil
        }
    }
}
