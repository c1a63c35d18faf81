import Billing
import Foundation
import Messaging
import Store

extension RequestService {
    /// The customer replied STOP/ARRET: no further texts go to this number.
    package func optOut(phone text: String) throws(OperationError) -> PhoneNumber {
        let phone = try parsePhone(text)
        let now = clock()
        return try transaction { tx throws(OperationError) in
            try storeCall { () throws(StoreError) in try tx.optOut(phone: phone, at: now) }
            return phone
        }
    }

    /// A test text to any number (staff checking that texting works); opt-outs still apply.
    package func testMessage(to text: String, reply: String?, language: Language? = nil,
                             business key: String = Businesses.mainKey) throws(OperationError) -> (ComposedMessage, MessageOutcome) {
        let phone = try parsePhone(text)
        guard let business = businesses.all[key] else { throw .notFound(.record(file: RecordsReader.fileOfBusiness(key))) }
        let lang = MessageLanguage(language ?? business.defaultLanguage)
        let composer = MessageComposer(companyName: business.companyName, includesOptOut: business.optOutWording)
        let sample = PlaceholderContext(customerName: lang == .fr ? "Client test" : "Test customer", companyName: business.companyName,
                                        reference: "TEST-0001", formattedAmount: SMSText.normalize(MoneyFormat.format(Money(minorUnits: 12_500, currency: business.currency), language ?? business.defaultLanguage)),
                                        link: business.link(token: "TEST-LINK-NOT-REAL"))
        let message: ComposedMessage
        do throws(MessagingError) {
            if let reply {
                message = try composer.compose(reply: replies.reply(named: reply), language: lang, context: sample)
            } else {
                message = try composer.compose(.test, language: lang, context: sample)
            }
        } catch { throw .messaging(error) }
        // A test may go to any number, but not to one that opted out.
        if try storeCall({ () throws(StoreError) in try ledger.isOptedOut(phone: phone) }) { return (message, .optedOut) }
        do {
            let outgoing = try OutgoingMessage(to: phone.e164, message: message, kind: .test)
            let id = try OutboxSender(ledger: ledger, clock: clock).send(outgoing)
            return (message, .queued(id: Int64(id.rawValue) ?? 0, segments: message.segments))
        } catch let error as StoreError {
            throw .store(error)
        } catch let error as MessagingError {
            throw .messaging(error)
        } catch {
            throw .store(.database(path: paths.ledger.path, operation: "send a test message", message: "\(error)"))
        }
    }

    /// Requests of a customer found by name (part of it, any case) or phone.
    package func findCustomer(_ nameOrPhone: String) throws(OperationError) -> [RequestRow] {
        let query = (try? PhoneNumber(nameOrPhone))?.e164 ?? nameOrPhone
        return try storeCall { () throws(StoreError) in try ledger.search(nameOrPhone: query) }
    }

    func parsePhone(_ text: String) throws(OperationError) -> PhoneNumber {
        do { return try PhoneNumber(text) } catch { throw .invalidField("phone", .invalid(error)) }
    }
}
