import Billing
import Deposits
import Foundation
import HTTPTypes
import Hummingbird
import Store

extension ConsoleRoutes {
    /// The deposit book, opened exactly as `paypage deposits` opens it: console and CLI agree to the cent.
    static func book(_ call: ConsoleCall) -> DepositBook {
        DepositBook(ledger: call.service.ledger, businesses: call.service.businesses)
    }

    /// `/staff/deposits?business=KEY&page=N`: one business's days, newest first.
    func deposits(_ request: Request, _ context: PreviewRequestContext) async throws -> Response {
        try await signedIn(request) { call in
            let query = request.uri.queryParameters
            let businesses = call.service.businesses
            let key = query.get("business").flatMap { businesses.all[$0] == nil ? nil : $0 } ?? Businesses.mainKey
            let settings = businesses.all[key] ?? businesses.main
            var view = call.page(call.text.t("console_deposits_title"), returnTo: ConsoleDepositBuilder.listHref(key, page: nil))
            view.chrome.stylesheets.append(call.views.asset("css/deposits.css"))
            let days: [DepositDay]
            do throws(DepositError) { days = try Self.book(call).days(business: key) } catch {
                view.alert = call.text.reason(error)
                return render(call.theme, "console/deposits", view, status: .internalServerError)
            }
            view.deposits = ConsoleDepositBuilder(text: call.text)
                .list(days, key: key, businesses: businesses, settings: settings, page: query.get("page").flatMap(Int.init) ?? 1)
            return render(call.theme, "console/deposits", view)
        }
    }

    /// `/staff/deposits/KEY-N` (or `KEY-YYYY-MM-DD`, a day with no deposit or one expected):
    /// print-ready, Letter, like receipts.
    func deposit(_ request: Request, _ context: PreviewRequestContext) async throws -> Response {
        try await signedIn(request) { call in
            let name = context.parameters.get("name").flatMap { $0.removingPercentEncoding } ?? ""
            let day: DepositDay
            do throws(DepositError) { day = try Self.book(call).find(name) } catch {
                switch error {
                case .store, .overflow, .mixedCurrencies: return ErrorPage.response(.internalServerError)
                default: return ErrorPage.response(.notFound)
                }
            }
            // One address per day: `KEY-N` once deposited (`N` alone and the day's date lead there), else `KEY-YYYY-MM-DD`.
            guard name == day.id?.description ?? "\(day.businessKey)-\(day.day.iso)" else {
                return ConsoleGate.redirect(ConsoleDepositBuilder.href(day))
            }
            let settings = call.service.businesses.all[day.businessKey] ?? call.service.businesses.main
            let builder = ConsoleDepositBuilder(text: call.text)
            var view = call.page(builder.pageTitle(day), returnTo: ConsoleDepositBuilder.href(day))
            view.chrome.stylesheets.append(call.views.asset("css/deposits.css"))
            view.chrome.scripts.append(call.views.asset("js/receipt.js"))
            view.chrome.bodyClass += " page-deposit"
            view.deposit = builder.detail(day, settings: settings)
            return render(call.theme, "console/deposit", view)
        }
    }

    /// The request page's deposit lines; a failure to work them out is said, not fatal.
    func requestDeposits(_ call: ConsoleCall, _ reference: Reference, businessKey: String) -> [ConsoleRequestDeposit] {
        do throws(DepositError) {
            return ConsoleDepositBuilder(text: call.text).request(try Self.book(call).placement(of: reference), businessKey: businessKey)
        } catch {
            return [ConsoleRequestDeposit(label: call.text.t("console_deposit_fact_payment"), text: call.text.reason(error), href: nil)]
        }
    }
}
