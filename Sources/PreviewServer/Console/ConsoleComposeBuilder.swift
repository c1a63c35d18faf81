import Operations

/// The text box and its preview, from what the form holds and what the operations answered.
struct ConsoleComposeBuilder {
    let call: ConsoleCall
    var text: ConsoleText { call.text }

    /// `forNewRequest`: "no saved reply" falls back to the standard text (customer texts have none).
    func compose(_ form: FormBody, previewAction: String, forNewRequest: Bool, preview: ConsoleMessagePreview?,
                 errors: [ConsoleFormError]) -> ConsoleCompose {
        let chosen = form["reply"] ?? ""
        let none = ConsoleView.Option(value: "", label: text.t(forNewRequest ? "console_compose_reply_none_new" : "console_compose_reply_none"),
                                      selected: chosen.isEmpty)
        let replies = [none] + call.service.replies.replies.map { ConsoleView.Option(value: $0.name, label: $0.name, selected: $0.name == chosen) }
        return ConsoleCompose(
            replies: replies, replyError: errors.first { $0.field == "reply" }?.message, text: form["text"] ?? "",
            textLabel: text.t("console_compose_text"), textHint: text.t(forNewRequest ? "console_compose_text_hint_new" : "console_compose_text_hint"),
            textError: errors.first { $0.field == "text" }?.message, previewAction: previewAction, preview: preview)
    }

    /// The preview of a composed text, or of why there is none yet.
    func preview(_ result: Result<MessagePreview, OperationError>, waiting: Bool) -> ConsoleMessagePreview {
        switch result {
        case .success(let preview):
            let problems = preview.unfilled.isEmpty ? [] : [text.t("console_compose_error_brackets", ["text": preview.unfilled.joined(separator: ", ")])]
            return ConsoleMessagePreview(lang: preview.message.language.rawValue, message: preview.message.text,
                                         segments: text.segments(preview.message.segments), encoding: text.encoding(preview.message.segments.encoding),
                                         problems: problems, hasProblems: !problems.isEmpty,
                                         linkNote: preview.link == nil ? text.t("console_compose_link_note") : nil)
        case .failure(let error):
            let problems = text.formErrors(error).filter { ["text", "reply"].contains($0.field) }.map(\.message)
            return ConsoleMessagePreview(lang: text.language.rawValue, message: nil, segments: nil, encoding: nil, problems: problems,
                                         hasProblems: !problems.isEmpty,
                                         linkNote: problems.isEmpty && waiting ? text.t("console_compose_waiting") : nil)
        }
    }
}
