import Templating

/// What every page's `<head>` and layout need (the theme's `base` template and its topbar).
public struct Chrome: Sendable, Encodable {
    public var lang: String
    /// The language-neutral page: lang.js may switch to the browser's language.
    public var neutral: Bool
    public var title: String
    public var stylesheets: [String]
    public var scripts: [String]
    public var bodyClass: String
    public var phoneIcon: String
    public var messageIcon: String
    public var lockIcon: String

    /// - Parameter asset: a theme asset's path (`css/app.css`) → its address from the page.
    public init(lang: String, neutral: Bool = false, title: String, stylesheets: [String], scripts: [String],
                bodyClass: String, asset: (String) -> String) {
        self.lang = lang
        self.neutral = neutral
        self.title = title
        self.stylesheets = stylesheets.map(asset)
        self.scripts = scripts.map(asset)
        self.bodyClass = bodyClass
        phoneIcon = asset("img/phone.svg")
        messageIcon = asset("img/message.svg")
        lockIcon = asset("img/lock.svg")
    }
}

extension Chrome: TemplateObject {
    public func field(_ name: String) -> TemplateValue? {
        switch name {
        case "lang": .init(lang)
        case "neutral": .init(neutral)
        case "title": .init(title)
        case "stylesheets": .init(stylesheets)
        case "scripts": .init(scripts)
        case "bodyClass": .init(bodyClass)
        case "phoneIcon": .init(phoneIcon)
        case "messageIcon": .init(messageIcon)
        case "lockIcon": .init(lockIcon)
        default: nil
        }
    }
}
