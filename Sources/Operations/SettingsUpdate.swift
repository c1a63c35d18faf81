import Billing
import Foundation
import Store

/// The settings an owner changes from the console, for one business, as typed: Affirm and its
/// minimum, the automatic confirmation and its saved reply, the reminder limits and the opt-out
/// words. Everything else in the business's file is left exactly as written.
package struct SettingsChange: Sendable, Equatable {
    package var affirmEnabled: Bool
    /// "Activate for all transactions over": an amount as typed ("75", "75,00", "75.00").
    package var affirmMinimum: String
    package var automaticConfirmation: Bool
    /// A saved reply's name; nil for the built-in confirmation text.
    package var confirmationReply: String?
    package var optOutWording: Bool
    /// Whole numbers as typed.
    package var remindersMaxTotal: String
    package var remindersMaxPerDay: String

    package init(affirmEnabled: Bool, affirmMinimum: String, automaticConfirmation: Bool, confirmationReply: String?,
                 optOutWording: Bool, remindersMaxTotal: String, remindersMaxPerDay: String) {
        self.affirmEnabled = affirmEnabled
        self.affirmMinimum = affirmMinimum
        self.automaticConfirmation = automaticConfirmation
        self.confirmationReply = confirmationReply
        self.optOutWording = optOutWording
        self.remindersMaxTotal = remindersMaxTotal
        self.remindersMaxPerDay = remindersMaxPerDay
    }

    /// The settings as they are now.
    package init(_ settings: BusinessSettings) {
        self.init(affirmEnabled: settings.affirm.enabled, affirmMinimum: settings.affirm.minimum.decimalString,
                  automaticConfirmation: settings.automaticConfirmation, confirmationReply: settings.confirmationReply,
                  optOutWording: settings.optOutWording, remindersMaxTotal: "\(settings.reminders.maxTotal)",
                  remindersMaxPerDay: "\(settings.reminders.maxPerDay)")
    }
}

extension RequestService {
    /// Writes `change` into the file of business `key`, editing only the members whose value
    /// changes (keys, order, spacing and every other field stay byte for byte). The result is
    /// checked with the rules `paypage check` applies before anything is written; a refusal
    /// (`.records` with each problem's path, or `.invalidField("confirmation.reply", …)`) writes
    /// nothing. The write is atomic. Returns whether the file changed.
    package func updateSettings(business key: String, _ change: SettingsChange) throws(OperationError) -> Bool {
        guard let current = businesses.all[key] else { throw .notFound(.record(file: RecordsReader.fileOfBusiness(key))) }
        if let reply = change.confirmationReply, (try? replies.reply(named: reply)) == nil {
            throw .invalidField("confirmation.reply", .notOneOf(replies.replies.map(\.name)))
        }
        let file = RecordsReader.fileOfBusiness(key)
        let url = reader.url(file)
        let original: Data
        do { original = try Data(contentsOf: url) } catch { throw .notFound(.record(file: file)) }
        var editor: JSONObjectEditor
        do throws(RecordError) {
            editor = try JSONObjectEditor(original, file: file)
            try edit(&editor, change, current: current)
        } catch { throw .records([error]) }
        guard editor.bytes != [UInt8](original) else { return false }
        do throws(RecordErrors) { _ = try reader.business(from: editor.data, file: file) } catch { throw .records(error.errors) }
        try storeCall { () throws(StoreError) in try AtomicFile.write(editor.data, to: url) }
        return true
    }

    /// Only what differs from the settings in force: an unchanged field keeps its bytes (and a
    /// default left out of the file stays left out). Text that is not a number is written as a
    /// string, so the record's own rules say what is wrong with it, at its path.
    private func edit(_ editor: inout JSONObjectEditor, _ change: SettingsChange, current: BusinessSettings) throws(RecordError) {
        if change.affirmEnabled != current.affirm.enabled {
            try editor.set(["affirm", "enabled"], literal: change.affirmEnabled ? "true" : "false")
        }
        let minimum = try? Money.parse(change.affirmMinimum, currency: current.currency)
        if minimum != current.affirm.minimum {
            try editor.set(["affirm", "minimum"], literal: JSONObjectEditor.string(minimum?.decimalString ?? change.affirmMinimum))
        }
        if change.automaticConfirmation != current.automaticConfirmation {
            try editor.set(["confirmation", "automatic"], literal: change.automaticConfirmation ? "true" : "false")
        }
        if change.confirmationReply != current.confirmationReply {
            if let reply = change.confirmationReply {
                try editor.set(["confirmation", "reply"], literal: JSONObjectEditor.string(reply))
            } else {
                try editor.remove(["confirmation", "reply"])
            }
        }
        if change.optOutWording != current.optOutWording {
            try editor.set(["optOutWording"], literal: change.optOutWording ? "true" : "false")
        }
        for (name, text, now) in [("maxTotal", change.remindersMaxTotal, current.reminders.maxTotal),
                                  ("maxPerDay", change.remindersMaxPerDay, current.reminders.maxPerDay)] {
            let number = Int(text.trimmingCharacters(in: .whitespaces))
            guard number != now else { continue }
            try editor.set(["reminders", name], literal: number.map { "\($0)" } ?? JSONObjectEditor.string(text))
        }
    }
}
