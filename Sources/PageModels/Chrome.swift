import Templating

/// What every page's `<head>` and layout need (the theme's `base` template and its topbar).
package struct Chrome: Sendable, Encodable {
    package var lang: String
    /// The language-neutral page: lang.js may switch to the browser's language.
    package var neutral: Bool
    package var title: String
    package var stylesheets: [String]
    package var scripts: [String]
    package var bodyClass: String
    package var phoneIcon: String
    package var messageIcon: String
    package var lockIcon: String

    /// - Parameter asset: a theme asset's path (`css/app.css`) → its address from the page.
    package init(lang: String, neutral: Bool = false, title: String, stylesheets: [String], scripts: [String],
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
    package func field(_ name: String) -> TemplateValue? {
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
