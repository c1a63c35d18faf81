import Mustache

// Typed lookups for the templates: swift-mustache finds a name in a struct through `Mirror`,
// which builds every child (boxing each property) on every lookup and climbs the context
// stack doing it again; `RenderTree` mirrors each context once into dictionaries, still a
// Mirror walk and an allocation per object per page. `MustacheParent` answers by name directly.
// A nil optional answers nil, as the Mirror path does, so lookups fall through to enclosing
// contexts the same way. Keep in step with PageContexts.swift (GoldenPageTests render every
// page both ways and compare the bytes).

extension Chrome: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "lang": self.lang
        case "neutral": self.neutral
        case "title": self.title
        case "stylesheets": self.stylesheets
        case "scripts": self.scripts
        case "bodyClass": self.bodyClass
        case "phoneIcon": self.phoneIcon
        case "messageIcon": self.messageIcon
        case "lockIcon": self.lockIcon
        default: nil
        }
    }
}

extension CompanyView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "phoneDisplay": self.phoneDisplay
        case "telHref": self.telHref
        case "smsHref": self.smsHref
        case "callLabel": self.callLabel
        case "textLabel": self.textLabel
        case "email": self.email
        case "emailHref": self.emailHref
        case "website": self.website
        case "street": self.street
        case "cityLine": self.cityLine
        case "taxNumbers": self.taxNumbers
        case "hasTaxNumbers": self.hasTaxNumbers
        default: nil
        }
    }
}

extension TaxNumberView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "number": self.number
        default: nil
        }
    }
}

extension LanguageLink: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "code": self.code
        case "label": self.label
        case "href": self.href
        case "current": self.current
        default: nil
        }
    }
}

extension LineView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "description": self.description
        case "detail": self.detail
        case "discount": self.discount
        case "total": self.total
        default: nil
        }
    }
}

extension TaxLineView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": self.label
        case "amount": self.amount
        default: nil
        }
    }
}

extension TotalsView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "subtotal": self.subtotal
        case "taxes": self.taxes
        case "total": self.total
        default: nil
        }
    }
}

extension BannerView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "kind": self.kind
        case "title": self.title
        case "text": self.text
        case "receiptHref": self.receiptHref
        case "receiptLabel": self.receiptLabel
        default: nil
        }
    }
}

extension MethodView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "key": self.key
        case "label": self.label
        case "href": self.href
        case "detail": self.detail
        case "primary": self.primary
        default: nil
        }
    }
}

extension FactView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": self.label
        case "value": self.value
        default: nil
        }
    }
}

extension PaymentPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "chrome": self.chrome
        case "t": self.t
        case "company": self.company
        case "languages": self.languages
        case "reference": self.reference
        case "statusKey": self.statusKey
        case "statusLabel": self.statusLabel
        case "heroLabel": self.heroLabel
        case "heroAmount": self.heroAmount
        case "heroStruck": self.heroStruck
        case "facts": self.facts
        case "banner": self.banner
        case "showPayment": self.showPayment
        case "payTitle": self.payTitle
        case "methods": self.methods
        case "itemized": self.itemized
        case "lines": self.lines
        case "totals": self.totals
        case "notesHTML": self.notesHTML
        case "footerLegal": self.footerLegal
        default: nil
        }
    }
}

extension RefundView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "date": self.date
        case "label": self.label
        case "reason": self.reason
        case "amount": self.amount
        default: nil
        }
    }
}

extension AffirmView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "summary": self.summary
        case "monthly": self.monthly
        case "apr": self.apr
        case "months": self.months
        default: nil
        }
    }
}

extension ReceiptPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "chrome": self.chrome
        case "t": self.t
        case "company": self.company
        case "languages": self.languages
        case "bilingual": self.bilingual
        case "receiptNumber": self.receiptNumber
        case "reference": self.reference
        case "paymentDate": self.paymentDate
        case "customerName": self.customerName
        case "method": self.method
        case "authorizationCode": self.authorizationCode
        case "facts": self.facts
        case "itemized": self.itemized
        case "lines": self.lines
        case "totals": self.totals
        case "amountPaid": self.amountPaid
        case "quickLine": self.quickLine
        case "affirm": self.affirm
        case "refunds": self.refunds
        case "hasRefunds": self.hasRefunds
        case "refundDelay": self.refundDelay
        case "totalRefunded": self.totalRefunded
        case "balance": self.balance
        case "statusKey": self.statusKey
        case "statusLabel": self.statusLabel
        case "paymentHref": self.paymentHref
        case "paperClass": self.paperClass
        default: nil
        }
    }
}

extension StaffRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "reference": self.reference
        case "business": self.business
        case "customerName": self.customerName
        case "customerPhone": self.customerPhone
        case "customerHref": self.customerHref
        case "statusKey": self.statusKey
        case "statusLabel": self.statusLabel
        case "amount": self.amount
        case "amountDue": self.amountDue
        case "created": self.created
        case "pageHref": self.pageHref
        case "receiptHref": self.receiptHref
        case "link": self.link
        default: nil
        }
    }
}

extension NavLink: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": self.label
        case "href": self.href
        case "current": self.current
        case "count": self.count
        default: nil
        }
    }
}

extension Pager: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "text": self.text
        case "previous": self.previous
        case "next": self.next
        case "previousLabel": self.previousLabel
        case "nextLabel": self.nextLabel
        default: nil
        }
    }
}

extension StaffListPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "chrome": self.chrome
        case "t": self.t
        case "heading": self.heading
        case "total": self.total
        case "nav": self.nav
        case "statusNav": self.statusNav
        case "rows": self.rows
        case "empty": self.empty
        case "pager": self.pager
        default: nil
        }
    }
}

extension CustomerSummary: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "phone": self.phone
        case "href": self.href
        case "count": self.count
        default: nil
        }
    }
}

extension CustomersPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "chrome": self.chrome
        case "t": self.t
        case "heading": self.heading
        case "nav": self.nav
        case "customers": self.customers
        case "empty": self.empty
        case "pager": self.pager
        default: nil
        }
    }
}

extension CustomerPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "chrome": self.chrome
        case "t": self.t
        case "heading": self.heading
        case "phone": self.phone
        case "telHref": self.telHref
        case "nav": self.nav
        case "rows": self.rows
        case "totalDue": self.totalDue
        default: nil
        }
    }
}

extension OutboxRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": self.id
        case "created": self.created
        case "to": self.to
        case "kind": self.kind
        case "reference": self.reference
        case "body": self.body
        case "segments": self.segments
        case "encoding": self.encoding
        case "status": self.status
        case "sent": self.sent
        default: nil
        }
    }
}

extension OutboxPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "chrome": self.chrome
        case "t": self.t
        case "heading": self.heading
        case "nav": self.nav
        case "messages": self.messages
        case "empty": self.empty
        case "pager": self.pager
        default: nil
        }
    }
}

extension NotificationRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "at": self.at
        case "reference": self.reference
        case "text": self.text
        case "href": self.href
        default: nil
        }
    }
}

extension NotificationsPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "chrome": self.chrome
        case "t": self.t
        case "heading": self.heading
        case "nav": self.nav
        case "notifications": self.notifications
        case "empty": self.empty
        default: nil
        }
    }
}

extension GalleryLink: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": self.label
        case "href": self.href
        default: nil
        }
    }
}

extension GalleryRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "reference": self.reference
        case "business": self.business
        case "theme": self.theme
        case "statusKey": self.statusKey
        case "statusLabel": self.statusLabel
        case "kind": self.kind
        case "links": self.links
        default: nil
        }
    }
}

extension GalleryPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "chrome": self.chrome
        case "t": self.t
        case "heading": self.heading
        case "nav": self.nav
        case "rows": self.rows
        case "empty": self.empty
        case "pager": self.pager
        default: nil
        }
    }
}
