import Templating

// What console/import.mustache can read, by name; checked by ConsoleViewLookupTests.

extension ConsoleImport: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "csrf": .init(csrf)
        case "action": .init(action)
        case "limit": .init(limit)
        case "businesses": .init(businesses)
        case "hasBusinesses": .init(hasBusinesses)
        case "prefix": .init(prefix)
        case "formats": .init(formats)
        case "dryRun": .init(dryRun)
        case "error": .init(error)
        case "report": .init(report)
        default: nil
        }
    }
}

extension ConsoleImport.Order: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "reference": .init(reference)
        case "outcomeKey": .init(outcomeKey)
        case "outcomeLabel": .init(outcomeLabel)
        case "lines": .init(lines)
        case "total": .init(total)
        case "detail": .init(detail)
        case "href": .init(href)
        case "sendHref": .init(sendHref)
        case "sendLabel": .init(sendLabel)
        case "issues": .init(issues)
        case "hasIssues": .init(hasIssues)
        default: nil
        }
    }
}

extension ConsoleImport.Issue: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "place": .init(place)
        case "text": .init(text)
        default: nil
        }
    }
}

extension ConsoleImport.Report: TemplateObject {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "heading": .init(heading)
        case "dryRun": .init(dryRun)
        case "facts": .init(facts)
        case "counts": .init(counts)
        case "summary": .init(summary)
        case "failed": .init(failed)
        case "orders": .init(orders)
        case "hasOrders": .init(hasOrders)
        case "problems": .init(problems)
        case "hasProblems": .init(hasProblems)
        default: nil
        }
    }
}
