import Billing
import Foundation
import Operations
import Store

/// Builds the settings page of one business from the values shown (as saved, or as just typed
/// when they were refused) and the errors to show beside their fields.
struct ConsoleSettingsBuilder {
    let call: ConsoleCall
    var text: ConsoleText { call.text }

    /// The form's field names, also the ids the error summary links to.
    enum Name {
        static let affirm = "affirm", minimum = "affirm_minimum", confirmation = "confirmation", reply = "confirmation_reply"
        static let maxTotal = "reminders_max_total", maxPerDay = "reminders_max_per_day", optOut = "opt_out"
        static let phone = "test_phone", language = "test_language"
    }

    /// The key of the business asked for (`?business=` or the form's field), else the main one.
    static func businessKey(_ asked: String?, _ businesses: Businesses) -> String {
        asked.flatMap { businesses.all[$0] == nil ? nil : $0 } ?? Businesses.mainKey
    }

    /// What a posted form asks for, as typed.
    static func change(_ form: FormBody) -> SettingsChange {
        SettingsChange(affirmEnabled: form[Name.affirm] == "on", affirmMinimum: form[Name.minimum] ?? "",
                       automaticConfirmation: form[Name.confirmation] == "on",
                       confirmationReply: form[Name.reply].flatMap { $0.isEmpty ? nil : $0 }, optOutWording: form[Name.optOut] == "on",
                       remindersMaxTotal: form[Name.maxTotal] ?? "", remindersMaxPerDay: form[Name.maxPerDay] ?? "")
    }

    func page(key: String, values: SettingsChange, errors: [String: String] = [:], phone: String = "",
              language: Language? = nil) -> ConsoleSettings {
        let businesses = call.service.businesses
        let settings = businesses.all[key] ?? businesses.main
        let options = businesses.keys.map { ConsoleView.Option(value: $0, label: businesses.all[$0]?.companyName ?? $0, selected: $0 == key) }
        var minimum = field(Name.minimum, text.t("console_settings_affirm_minimum"), shownAmount(values.affirmMinimum), errors,
                            hint: text.t("console_settings_affirm_minimum_hint", ["maximum": text.money(settings.affirm.maximum)]))
        minimum.inputMode = "decimal"
        var reply = field(Name.reply, text.t("console_settings_reply"), "", errors, hint: text.t("console_settings_reply_hint"))
        reply.options = [ConsoleView.Option(value: "", label: text.t("console_settings_reply_builtin"), selected: values.confirmationReply == nil)]
            + call.service.replies.replies.map { ConsoleView.Option(value: $0.name, label: $0.name, selected: values.confirmationReply == $0.name) }
        reply.hasOptions = true
        var maxTotal = field(Name.maxTotal, text.t("console_settings_reminders_total"), values.remindersMaxTotal, errors,
                             hint: text.t("console_settings_reminders_total_hint"))
        maxTotal.inputMode = "numeric"
        var maxPerDay = field(Name.maxPerDay, text.t("console_settings_reminders_per_day"), values.remindersMaxPerDay, errors,
                              hint: text.t("console_settings_reminders_per_day_hint"))
        maxPerDay.inputMode = "numeric"
        var testPhone = field(Name.phone, text.t("console_settings_test_phone"), phone, errors, hint: text.t("console_settings_test_phone_hint"))
        testPhone.inputMode = "tel"
        var testLanguage = field(Name.language, text.t("console_settings_test_language"), "", errors)
        let chosen = language ?? settings.defaultLanguage
        testLanguage.options = [Language.fr, .en].map { ConsoleView.Option(value: $0.rawValue, label: $0 == .fr ? "Français" : "English", selected: $0 == chosen) }
        testLanguage.hasOptions = true
        let order = [Name.minimum, Name.reply, Name.maxTotal, Name.maxPerDay, Name.phone]
        let summary = order.compactMap { name in errors[name].map { ConsoleView.Link(label: $0, href: "#\(name)", current: false) } }
        return ConsoleSettings(
            businesses: options, hasBusinesses: options.count > 1, business: key, company: settings.companyName, csrf: call.session.csrfToken,
            errors: summary, hasErrors: !summary.isEmpty,
            affirm: .init(id: Name.affirm, name: Name.affirm, label: text.t("console_settings_affirm_on"),
                          hint: text.t("console_settings_affirm_hint"), checked: values.affirmEnabled),
            affirmMinimum: minimum,
            confirmation: .init(id: Name.confirmation, name: Name.confirmation, label: text.t("console_settings_confirmation_on"),
                                hint: nil, checked: values.automaticConfirmation),
            reply: reply, maxTotal: maxTotal, maxPerDay: maxPerDay,
            optOut: .init(id: Name.optOut, name: Name.optOut, label: text.t("console_settings_opt_out_on"),
                          hint: text.t("console_settings_opt_out_hint"), checked: values.optOutWording),
            testPhone: testPhone, testLanguage: testLanguage,
            testExplanation: text.t("console_settings_test_text", ["company": settings.companyName]))
    }

    /// Why a save was refused, beside the fields it concerns; what no field shows goes in `other`.
    func errors(_ error: OperationError, key: String) -> (fields: [String: String], other: String?) {
        let settings = call.service.businesses.all[key] ?? call.service.businesses.main
        switch error {
        case .invalidField("confirmation.reply", _):
            return ([Name.reply: text.t("console_settings_error_reply")], nil)
        case .records(let problems):
            var fields: [String: String] = [:]
            var other: [String] = []
            for problem in problems {
                switch problem.path {
                case "affirm.minimum", "affirm.maximum", "affirm":
                    fields[Name.minimum] = text.t("console_settings_error_minimum", ["maximum": text.money(settings.affirm.maximum)])
                case "reminders.maxTotal": fields[Name.maxTotal] = text.t("console_settings_error_reminders_total")
                case "reminders.maxPerDay": fields[Name.maxPerDay] = text.t("console_settings_error_reminders_per_day")
                default: other.append(problem.description)
                }
            }
            return (fields, other.isEmpty ? nil : text.t("console_settings_error_file", ["detail": other.joined(separator: "; ")]))
        default:
            return ([:], text.refusal(error))
        }
    }

    /// An amount as the staff member writes it: `50,00` in French, `50.00` in English; other text as typed.
    private func shownAmount(_ typed: String) -> String {
        guard text.language == .fr, typed.allSatisfy({ $0.isNumber || $0 == "." }) else { return typed }
        return typed.replacingOccurrences(of: ".", with: ",")
    }

    private func field(_ name: String, _ label: String, _ value: String, _ errors: [String: String], hint: String? = nil) -> ConsoleAction.Field {
        ConsoleAction.Field(id: name, name: name, label: label, value: value, hint: hint, error: errors[name], multiline: false,
                            options: [], hasOptions: false, inputMode: nil)
    }
}
